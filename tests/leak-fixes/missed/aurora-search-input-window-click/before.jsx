// Before fix a161bfe: excerpt of src/components/SearchInput/index.js from ticketmaster/aurora (license MIT)
import React, { Component } from "react";
import PropTypes from "prop-types";
import classNames from "classnames";
import { ClearIcon } from "../Icons";

class SearchInput extends Component {
  constructor(props) {
    super(props);

    this.state = {
      isFocused: false
    };

    this.inputRef = React.createRef();
    this.inputClicked = false;
  }

  containerClick = () => {
    this.inputClicked = true;
    global.window.removeEventListener("click", this.windowClick);
    global.window.addEventListener("click", this.windowClick);
  };

  windowClick = () => {
    if (!this.inputClicked) {
      this.blurInput();
    }

    this.inputClicked = false;
  };

  blurInput = () => {
    global.window.removeEventListener("click", this.windowClick);
    const { onBlur } = this.props;
    const { isFocused } = this.state;

    if (isFocused) {
      this.setState({
        isFocused: false
      });

      onBlur();
    }
  };
  // ... (unrelated code omitted)
}

export default SearchInput;
