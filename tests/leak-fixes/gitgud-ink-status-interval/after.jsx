"use strict";
// After fix dade25e: excerpt of ui.js from GitGud-org/GitGud (license MIT)
const React = require("react");

const { useEffect, useState, useRef } = require("react");
const { Text, Box, measureElement, Newline } = require("ink");
const statusOutput = require("./gitStatusOutput");
const Renderer = require("./components/divider");
const gitBranchCall = require('./currentBranch')


const enterAltScreenCommand = '\x1b[?1049h';
const leaveAltScreenCommand = '\x1b[?1049l';

const exitFullScreen = () => {
  process.stdout.write(leaveAltScreenCommand);
};

const App = () => {
	const [status, setStatus] = useState("");
	const [branch, setBranch] = useState('')
	const [appWidth, setWidth] = useState(null);

	const ref = useRef(null);

	useEffect(() => {
		const intervalStatusCheck = setInterval(() => {
			setStatus(statusOutput());
			setBranch(gitBranchCall())
		}, 1000)

		exitFullScreen()
		process.stdout.write(enterAltScreenCommand)
		const { width, height } = measureElement(ref.current);
		setWidth(width);

		return () => {
			clearInterval(intervalStatusCheck)
		}
	}, []);


	return (
		<Box
		borderStyle="round"
		borderColor="red"
		className="full-app"
		height= {20}
		flexGrow={1}
		>
			<Box
				className="left-box"
				width="50%" height='100%'
				flexDirection="column"
				ref={ref}
				// flexGrow={1}
			>
				{/* ... (changed-files and staged-changes panes omitted) */}
			</Box>
			<Box
				className="gitBranch"
				borderStyle="round"
				borderColor="red"
				className="left-box"
				width="50%"
				margin="-1"
			>
				<Text>Git Branch --{'>'} {branch}</Text>
			</Box>
		</Box>
	);
};

module.exports = App;
