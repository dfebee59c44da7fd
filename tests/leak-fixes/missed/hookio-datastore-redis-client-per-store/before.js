// Excerpt of bigcompany/hook.io-datastore index.js before e62e20ee026d00a2ee1efe2b9f6a80d271764548 (MIT).
// datastore.js resource - provides a key / value store interface for hooks to perist data

var datastore = {};

// TODO: make this contstant a variable on the user document
var MAX_DOCUMENTS_PER_USER = 100;

/* simple caching resource that uses redis */
var redis = require("redis");

/* Provide both a Promise and callback interface */
var thenify = require('thenify').withCallback;

datastore.start = function (opts) {
  // no longer being used
};

datastore.Datastore = function (opts) {
  var self = this;
  opts = opts || {};
  opts.root = opts.root || "anonymous";
  self.root = opts.root;
  opts.port = opts.port || 6379;
  opts.host = opts.host || "0.0.0.0";
  self.client = redis.createClient(opts.port, opts.host);
  if (opts.password !== null) {
    self.client.auth(opts.password);
  }
  self.client.on("error", function (err) {
    console.log("Error " + err);
  });
  return self;
};

// ...
datastore.Datastore.prototype.del = thenify(function (key, cb) {
  var self = this;
  self.client.del('/ds/' + self.root + "/" + key, cb);
});

datastore.Datastore.prototype.exists = thenify(function (key, cb) {
  var self = this;
  self.client.exists('/ds/' + self.root + "/" + key, cb);
});

// ...
datastore.Datastore.prototype.get = thenify(function (key, cb) {
  var self = this;
  // TODO: consider HMSET / HMGET and not using  of serialization here
  self.client.get('/ds/' + self.root + "/" + key, function(err, reply){
    if (reply !== null) {
      reply = JSON.parse(reply);
    }
    return cb(err, reply);
  });
});

module['exports'] = datastore;
