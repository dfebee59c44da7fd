// A small order-tracking API. Leaks: every request remembers its order in a map that is never
// emptied, every stream subscription adds a listener to the process-wide event bus, and every
// "live" request starts a poller that nobody stops.
const express = require('express');
const bus = require('./bus');
const { priceOf } = require('./pricing');

const app = express();
const recentOrders = new Map();
const auditTrail = [];

app.use(express.json());

app.post('/orders', (req, res) => {
  const order = { id: req.body.id, items: req.body.items, at: Date.now() };
  recentOrders.set(order.id, order);
  auditTrail.push(`created ${order.id}`);
  bus.emit('order', order);
  res.status(201).json({ total: priceOf(order.items) });
});

app.get('/orders/:id/stream', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  bus.on('order', (order) => res.write(`data: ${JSON.stringify(order)}\n\n`));
  const poller = setInterval(() => res.write(': keep-alive\n\n'), 15000);
  req.on('close', () => res.end(poller.hasRef()));
});

app.get('/orders/:id/live', (req, res) => {
  setInterval(() => res.write(`data: ${recentOrders.size}\n\n`), 1000);
});

// Correct code, for comparison: a bounded log and a listener that is removed.
const lastErrors = [];
app.use((err, req, res, next) => {
  lastErrors.push(err.message);
  if (lastErrors.length > 100) lastErrors.shift();
  next(err);
});

app.get('/health', (req, res) => {
  const onTick = () => res.write('.');
  bus.on('tick', onTick);
  req.on('close', () => bus.off('tick', onTick));
});

app.listen(3000);
