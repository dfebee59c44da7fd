// After fix 4ee9930: excerpt of src/keyboard/index.js from etiennepinchon/aframe-material (license MIT)
const Utils = require('../utils');
const Assets = require('./assets');
const Draw = require('./draw');
const Behaviors = require('./behaviors');
const SFX = require('./sfx');
const Event = require('../core/event');

AFRAME.registerComponent('keyboard', {
  schema: {
    isOpen: { type: "boolean", default: false },
    physicalKeyboard: { type: "boolean", default: false }
  },
  currentInput: null,
  init: function () {
    let that = this;
    // ... (unrelated code omitted)

    // Bind event listener scopes
    this.inputEvent = this.inputEvent.bind(this)
    this.backspaceEvent = this.backspaceEvent.bind(this)
    this.dismissEvent = this.dismissEvent.bind(this)
    this.keydownEvent = this.keydownEvent.bind(this)
    this.didFocusInputEvent = this.didFocusInputEvent.bind(this)
    this.didBlurInputEvent = this.didBlurInputEvent.bind(this)

    // ... (unrelated code omitted)

    // Register keyboard events
    this.el.addEventListener('input', this.inputEvent);
    this.el.addEventListener('backspace', this.backspaceEvent);
    this.el.addEventListener('dismiss', this.dismissEvent);

    // Register global events
    document.addEventListener('keydown', this.keydownEvent);
    document.body.addEventListener('didfocusinput', this.didFocusInputEvent);
    document.body.addEventListener('didblurinput', this.didBlurInputEvent);
  },
  update: function () {
    if (this.data.isOpen) {
      Behaviors.showKeyboard(this.el);
    } else {
      Behaviors.hideKeyboard(this.el);
    }
  },
  tick: function () {},
  remove: function () {
    this.el.removeEventListener('input', this.inputEvent);
    this.el.removeEventListener('backspace', this.backspaceEvent);
    this.el.removeEventListener('dismiss', this.dismissEvent);

    document.removeEventListener('keydown', this.keydownEvent);
    document.body.removeEventListener('didfocusinput', this.didFocusInputEvent);
    document.body.removeEventListener('didblurinput', this.didBlurInputEvent);
  },
  pause: function () {},
  play: function () {},

  // Fired on keyboard key press
  inputEvent: function(e) {
    if (this.currentInput) {
      this.currentInput.appendString(e.detail);
    }
  },

  // Fired on backspace key press
  backspaceEvent: function(e){
    if (this.currentInput) {
      this.currentInput.deleteLast();
    }
  },

  dismissEvent: function(e){
    if (this.currentInput) {
      this.currentInput.blur();
    }
  },
  // ... (unrelated code omitted)
});
