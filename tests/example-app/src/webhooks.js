// Webhook delivery, with de-duplication of events delivered twice. Leak: this file is a sloppy
// script (no "use strict") and `seen` is never declared, so configure() makes it a global; it
// keeps the id of every order ever delivered, for as long as the process runs.
const https = require('https');
const bus = require('./bus');

let endpoint = null;

function configure(url) {
  endpoint = new URL(url);
  seen = new Set();
}

function deliver(order) {
  if (!endpoint || seen.has(order.id)) return;
  seen.add(order.id);
  const body = JSON.stringify({ type: 'order.created', order });
  const headers = { 'content-type': 'application/json' };
  const req = https.request(endpoint, { method: 'POST', headers });
  req.on('error', (err) => bus.emit('webhook-failed', { id: order.id, error: err.message }));
  req.end(body);
}

bus.on('order', deliver);

module.exports = { configure };
