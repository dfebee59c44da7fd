// Background jobs. Leak: one retry callback per failed job is kept in a module-level list,
// each closing over its job; the list is only ever appended to.
const bus = require('./bus');

const retries = [];

function schedule(jobs) {
  for (const job of jobs) {
    if (job.failed) {
      retries.push(() => bus.emit('retry', job));
    }
  }
}

bus.on('batch', (batch) => schedule(batch.jobs));

// Correct: started once at start-up.
setInterval(() => bus.emit('tick'), 5000);
