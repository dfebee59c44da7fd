// Before fix 05b1ff1: excerpt of src/Popup.react.js from minutemailer/react-popup (license MIT)
import React from 'react';
import PropTypes from 'prop-types';
import key from 'keymaster';
import PopupStore from './Store';
import Header from './Header.react';
import Footer from './Footer.react';
import Constants from './Constants';

const defaultKeyFilter = key.filter;

const Store = new PopupStore();

const initialState = {
    id: null,
    title: null,
    buttons: null,
    content: null,
    visible: false,
    className: null,
    noOverlay: false,
    position: false,
    closeOnOutsideClick: true,
};

class Component extends React.Component {
    static displayName = 'Popup';

    static addShowListener(callback) {
        Store.on(Constants.SHOW, callback);
    }

    static removeShowListener(callback) {
        Store.removeListener(Constants.SHOW, callback);
    }

    static addCloseListener(callback) {
        Store.on(Constants.CLOSE, callback);
    }

    static removeCloseListener(callback) {
        Store.removeListener(Constants.CLOSE, callback);
    }

  // ... (unrelated code omitted)

    constructor(props) {
        super(props);

        initialState.closeOnOutsideClick = this.props.closeOnOutsideClick;

        this.state = initialState;

        this.bound = {
            onShow: this.onShow.bind(this),
            onClose: this.onClose.bind(this),
            onRefresh: this.onRefresh.bind(this),
            containerClick: this.containerClick.bind(this),
            handleButtonClick: this.handleButtonClick.bind(this),
        };

        this.boxRef = null;

        this.defaultKeyBindings = {
            ok: this.props.defaultOkKey,
            cancel: this.props.defaultCancelKey,
        };
    }

    componentDidMount() {
        Store.on(Constants.SHOW, this.bound.onShow);
        Store.on(Constants.CLOSE, this.bound.onClose);
        Store.on(Constants.REFRESH, this.bound.onRefresh);
    }

    componentDidUpdate() {
        if (this.boxRef) {
            this.boxRef.focus();
        }

        this.setPosition(this.state.position);
    }

    componentWillUnmount() {
        key.deleteScope('react-popup');
        key.filter = defaultKeyFilter;
    }

    onRefresh(position) {
        this.setPosition(position);
    }

    /**
     * On popup close
     * @private
     */
    onClose() {
        key.deleteScope('react-popup');
        key.filter = defaultKeyFilter;

        this.setState(initialState);
    }
  // ... (unrelated code omitted)
}

export default Component;
