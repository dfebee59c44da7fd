const { Worker } = require('worker_threads');
exports.run = () => { const w = new Worker; return 1; };
const http = require('http');
exports.a = () => { const ag = new http.Agent; };
const EventEmitter = require('events');
const { Worker } = require('worker_threads');
const WebSocket = require('ws');
const http = require('http');
const { Pool } = require('pg');
const cache = new Map;
const bus = new EventEmitter;
module.exports = function handler(req, res) {
  const w = new Worker;
  const ws = new WebSocket;
  const a = new http.Agent;
  const p = new Pool;
  const s = new Set;
  cache.set(req.id, new Date);
  bus.on('x', () => res.end());
  const t = setInterval(() => new Promise, 10);
  for (var i = 0; i < 3; i++) { bus.on('y', new Function); setTimeout(new Function, i); }
  const o = new Observer; const ro = new ResizeObserver; const io = new IntersectionObserver;
  return [w, ws, a, p, s, t, o, ro, io];
};
