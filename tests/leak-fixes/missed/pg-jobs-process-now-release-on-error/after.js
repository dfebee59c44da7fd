// Excerpt of noblesamurai/node-pg-jobs lib/jobs.js after b170acb38765dc10599e7d66db101558939d0fe2 (MIT).
var async = require('async'),
    moment = require('moment'),
    events = require('events'),
    _ = require('lodash'),
    shouldStillProcess,
    pg = require('pg'),
    Transaction = require('pg-transaction'),
    debug = require('debug')('pg-jobs');

/**
 * @param Object options Options hash containing:
 *  - db (mandatory DB URI)
 *  - pollInterval pollInterval - How often to poll for new jobs when idle (ms).
 */
module.exports = function(options) {
  var Jobs = {};
  var jobsModel = require('../models/jobs');
// ...
  Jobs.processNow = function(jobId, processFunction, done) {
    done = done || function() {};
    pg.connect(options.db, connected);

    function connected(err, db, releaseClient) {
      if (err) return done(err);

      debug('seeking lock for', jobId);
      jobsModel.obtainLock(db, jobId, gotLock);

      function gotLock(err) {
        debug('obtained lock for', jobId);
        if (err) return done(err);
        jobsModel.getDataForJob(db, jobId, gotData);
      }

      var gotData = getJobProcessor(true, db, processFunction, processed);

      function processed(err) {
        jobsModel.unlock(db, jobId);
        releaseClient();
        debug('client released', err);
        done(err);
      }
    }
  };

  /* Return a function that will be given the job to process it.
   * @param {function} processFunction The user's worker.
   * @param {function} User callback.
   */
  function getJobProcessor(now, db, processFunction, callback) {
    return function(err, jobSnap) {
      if (err) return callback(err);
      if (!jobSnap) {
        if (now) return callback(new Error('Could not locate job'));

        Jobs.eventEmitter.emit('drain');
        debug('No job found, sleeping...');
        return setTimeout(callback, options.pollInterval || 1000);
      }
      debug('Processing job...');
      processJob(jobSnap);
    };

    function processJob(jobSnap) {
      var tx = new Transaction(db);
      tx.begin();
      serviceJob(tx, jobSnap, processFunction, function(err) {
        if (err) {
          debug('Job serviced with error.');
          tx.rollback(txDone);
        } else {
          debug('Job serviced without error.');
          tx.commit(txDone);
        }
        function txDone() {
          Jobs.eventEmitter.emit(now ? 'processNowCommitted' : 'processCommitted');
          callback(err);
        }
      });
    }
  }

  return Jobs;
};
// ...
