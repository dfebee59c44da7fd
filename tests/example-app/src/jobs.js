// Background jobs. Leak: each failed job gets a retry callback, made in the loop over the batch
// and closing over its job, in a module-level list that is only ever appended to.
const bus = require('./bus');

const retries = [];

function runBatch(jobs) {
  for (const job of jobs) {
    if (!job.run()) {
      retries.push(() => bus.emit('retry', job));
    }
  }
}

function retryAll() {
  retries.forEach((retry) => retry());
}

bus.on('batch', (batch) => runBatch(batch.jobs));

// No leak: one timer, started once when the worker starts.
setInterval(retryAll, 60000);

module.exports = { runBatch };
