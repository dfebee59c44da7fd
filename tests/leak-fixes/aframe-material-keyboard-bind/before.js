// Before fix 4ee9930: excerpt of src/keyboard/index.js from etiennepinchon/aframe-material (license MIT)
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

    // Register keyboard events
    this.el.addEventListener('input', this.inputEvent.bind(this));
    this.el.addEventListener('backspace', this.backspaceEvent.bind(this));
    this.el.addEventListener('dismiss', this.dismissEvent.bind(this));

    // Register global events
    document.addEventListener('keydown', this.keydownEvent.bind(this));
    document.body.addEventListener('didfocusinput', this.didFocusInputEvent.bind(this));
    document.body.addEventListener('didblurinput', this.didBlurInputEvent.bind(this));
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
    this.el.removeEventListener('input', this.inputEvent.bind(this));
    this.el.removeEventListener('backspace', this.backspaceEvent.bind(this));
    this.el.removeEventListener('dismiss', this.dismissEvent.bind(this));

    document.removeEventListener('keydown', this.keydownEvent.bind(this));
    document.body.removeEventListener('didfocusinput', this.didFocusInputEvent.bind(this));
    document.body.removeEventListener('didblurinput', this.didBlurInputEvent.bind(this));
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
