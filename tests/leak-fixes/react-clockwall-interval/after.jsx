// After fix fa40427: excerpt of src/components/Clock.js from amine7536/react-clockwall (license MIT)
/**
 * @fileOverview Clock Component
 * @author amine.benseddik@pixelfactory.io
 * @module Components
 */
import React, { Component, PropTypes } from 'react';
import moment from 'moment-timezone';
import './Clock-locales';
class Clock extends Component {
  constructor(props) {
    super(props);

    /* Set Default Props Values */
    this.props.config.id = this.props.config.id || `pixelfactory-${this.props.config.town}`;
    this.props.config.locale = this.props.config.locale || 'en';
    this.props.config.showTown = this.props.config.showTown || true;
    this.props.config.showTimezone = this.props.config.showTimezone || true;
    this.props.config.showDate = this.props.config.showDate || true;

    /* Set Initlal State */
    this.state = {
      currentDate: this.getMoment(this.props.config.timezone, this.props.config.locale)
    };
  }

  /**
  * React Component Method : [https://facebook.github.io/react/docs/component-specs.html](https://facebook.github.io/react/docs/component-specs.html)
  * Calls `getMoment()` every seconds and stores `currentDate` in component `this.state`.
  */
  componentDidMount() {
    const tic = setInterval(() => {
      this.setState({
        currentDate: this.getMoment(this.props.config.timezone, this.props.config.locale)
      });
    }, 1000);

    /* Save interval to state otherwise it will not survive render cycle */
    this.setState({ tic });
  }

  /**
   * React Component Method : [https://facebook.github.io/react/docs/component-specs.html](https://facebook.github.io/react/docs/component-specs.html)
   * Clear Interval when component is unmounted
   * github issue #1 : https://github.com/amine7536/react-clockwall/issues/1
   */
  componentWillUnmount() {
    clearInterval(this.state.tic);
  }
  // ... (unrelated code omitted)
}

export default Clock;
