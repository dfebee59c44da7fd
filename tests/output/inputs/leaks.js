// Leaks of every kind, for the output tests.
const bus = require('./bus');
const seen = [];

function remember(id) {
  lastId = id;
  seen.push(id);
}

bus.on('job', (job) => {
  remember(job.id);
  bus.on('done', () => console.log(job.id));
  setInterval(() => console.log(job.id), 1000);
});
