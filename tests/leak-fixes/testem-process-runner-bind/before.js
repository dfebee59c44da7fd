// Before fix c47cbfc: excerpt of lib/runners/process_test_runner.js from testem/testem (license MIT)
'use strict';
var Bluebird = require('bluebird');

function ProcessTestRunner(launcher, reporter) {
  this.launcher = launcher;
  this.reporter = reporter;
  this.launcherId = this.launcher.id;
  this.finished = false;
}
ProcessTestRunner.prototype = {
  start: function(onFinish) {
    this.onStart();
    this.finished = false;

    this.launcher.once('processExit', this.onProcessExit.bind(this));
    this.launcher.once('processError', this.onProcessError.bind(this));

    return new Bluebird.Promise(function(resolve) {
      this.onFinish = resolve;
      this.launcher.start();
    }.bind(this)).asCallback(onFinish);
  },

  exit: function(cb) {
    // TODO Fix those likely not removed
    this.launcher.removeListener('processExit', this.onProcessExit.bind(this));
    this.launcher.removeListener('processError', this.onProcessError.bind(this));
    return this.launcher.kill(null, cb);
  },

  onProcessExit: function(code, stdout, stderr) {
    this.finish(null, code, stdout, stderr);
  },

  name: function() {
    return this.launcher.name;
  },

  onProcessError: function(code, err, stdout, stderr) {
    this.lastErr = err;
    this.lastStderr = stderr;
    this.finish(err, code, stdout, stderr);
  },
  // ... (unrelated code omitted)
};

module.exports = ProcessTestRunner;
