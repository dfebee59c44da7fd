// The order-tracking API. Leaks: every order is remembered in a map that nothing ever empties,
// every client that follows an order's stream adds a listener to the process-wide bus that is
// never removed, and every dashboard that connects starts a timer that is never stopped.
const express = require('express');
const bus = require('./bus');
const webhooks = require('./webhooks');
require('./jobs');

const app = express();
const ordersById = new Map();

app.use(express.json());

app.post('/orders', (req, res) => {
  const order = { id: req.body.id, items: req.body.items, createdAt: Date.now() };
  ordersById.set(order.id, order);
  bus.emit('order', order);
  res.status(201).json(order);
});

app.get('/orders/:id', (req, res) => {
  const order = ordersById.get(req.params.id);
  if (!order) return res.sendStatus(404);
  res.json(order);
});

app.get('/orders/:id/events', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  bus.on('order', (order) => res.write(`data: ${JSON.stringify(order)}\n\n`));
});

app.get('/dashboard/stream', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  setInterval(() => res.write(`data: ${ordersById.size}\n\n`), 1000);
});

// No leaks below: a bounded list of recent errors, a listener that is removed when the client
// goes away, and a keep-alive timer that is cleared at the same moment.
const recentErrors = [];

app.get('/health', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const onTick = () => res.write('data: ok\n\n');
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15000);
  bus.on('tick', onTick);
  req.on('close', () => {
    bus.off('tick', onTick);
    clearInterval(keepAlive);
  });
});

app.use((err, req, res, next) => {
  recentErrors.push({ message: err.message, at: Date.now() });
  if (recentErrors.length > 100) recentErrors.shift();
  next(err);
});

webhooks.configure(process.env.WEBHOOK_URL || 'https://hooks.example.com/orders');
app.listen(process.env.PORT || 3000);
