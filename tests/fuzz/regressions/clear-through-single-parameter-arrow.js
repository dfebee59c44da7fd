const stop = t => clearInterval(t);
module.exports = function (s) { const id = setInterval(() => s.ping(), 10); s.on('close', () => stop(id)); };
