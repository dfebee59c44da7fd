// Excerpt of sindresorhus/capture-website index.js after a39263c31a1af0054398c1aaf4d85ab7367b1840 (MIT).
/* global document */
import {promises as fs} from 'node:fs';
import fileUrl from 'file-url';
import puppeteer from 'puppeteer';
import toughCookie from 'tough-cookie';
// ...
const internalCaptureWebsite = async (input, options) => {
	options = {
		launchOptions: {},
		...options
	};
	const {launchOptions} = options;

	if (options.debug) {
		launchOptions.headless = false;
		launchOptions.slowMo = 100;
	}

	let browser;
	let page;
	try {
		browser = options._browser || await puppeteer.launch(launchOptions);
		page = await browser.newPage();
		return await internalCaptureWebsiteCore(input, options, page, browser);
	} finally {
		if (page) {
			await page.close();
		}

		if (browser && !options._keepAlive) {
			await browser.close();
		}
	}
};

const internalCaptureWebsiteCore = async (input, options, page, browser) => {
	options = {
		inputType: 'url',
		width: 1280,
		height: 800,
		scaleFactor: 2,
		fullPage: false,
		defaultBackground: true,
		timeout: 60, // The Puppeteer default of 30 is too short
		delay: 0,
		debug: false,
		darkMode: false,
		_keepAlive: false,
		isJavaScriptEnabled: true,
		inset: 0,
		...options
	};

	const isHTMLContent = options.inputType === 'html';

	input = isHTMLContent || isUrl(input) ? input : fileUrl(input);

	const timeoutInMilliseconds = options.timeout * 1000;
// ...
	await page.setViewport(viewportOptions);

	if (options.emulateDevice) {
		if (!(options.emulateDevice in puppeteer.devices)) {
			throw new Error(`The device name \`${options.emulateDevice}\` is not supported`);
		}

		await page.emulate(puppeteer.devices[options.emulateDevice]);
	}

	await page.emulateMediaFeatures([{
		name: 'prefers-color-scheme',
		value: options.darkMode ? 'dark' : 'light'
	}]);

	await page[isHTMLContent ? 'setContent' : 'goto'](input, {
		timeout: timeoutInMilliseconds,
		waitUntil: 'networkidle2'
	});
// ...
	const buffer = await page.screenshot(screenshotOptions);

	return buffer;
};

const captureWebsite = {};

captureWebsite.file = async (url, filePath, options = {}) => {
	const screenshot = await internalCaptureWebsite(url, options);

	await fs.writeFile(filePath, screenshot, {
		flag: options.overwrite ? 'w' : 'wx'
	});
};

captureWebsite.buffer = async (url, options) => internalCaptureWebsite(url, options);
// ...
