// The process-wide event bus. Correct: one emitter, created once.
const { EventEmitter } = require('events');

const bus = new EventEmitter();
bus.setMaxListeners(50);
module.exports = bus;
