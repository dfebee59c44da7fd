// The process-wide event bus that the API, the webhooks and the job worker share. No leak here:
// one emitter, created once when the module is first loaded.
const { EventEmitter } = require('events');

const bus = new EventEmitter();
bus.setMaxListeners(50);

module.exports = bus;
