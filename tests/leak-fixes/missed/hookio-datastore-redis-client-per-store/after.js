// Excerpt of bigcompany/hook.io-datastore index.js after e62e20ee026d00a2ee1efe2b9f6a80d271764548 (MIT).
// datastore.js resource - provides a key / value store interface for hooks to perist data

var datastore = {};

// TODO: make this contstant a variable on the user document
var MAX_DOCUMENTS_PER_USER = 100;

/* simple caching resource that uses redis */
var redis = require("redis");

/* Provide both a Promise and callback interface */
var thenify = require('thenify').withCallback;

var client;

datastore.start = function (opts) {

  client = redis.createClient(opts.port, opts.host);

  if (opts.password !== null) {
    client.auth(opts.password);
  }

  // TODO: better error handling and client setup/teardown
  client.on("error", function (err) {
      console.log("Error: " + err);
  });

};

datastore.Datastore = function (opts) {
  var self = this;
  opts = opts || {};
  opts.root = opts.root || "anonymous";
  self.root = opts.root;
  return self;
};

// ...
datastore.Datastore.prototype.del = thenify(function (key, cb) {
  var self = this;
  client.del('/ds/' + self.root + "/" + key, cb);
});

datastore.Datastore.prototype.exists = thenify(function (key, cb) {
  var self = this;
  client.exists('/ds/' + self.root + "/" + key, cb);
});

// ...
datastore.Datastore.prototype.get = thenify(function (key, cb) {
  var self = this;
  // TODO: consider HMSET / HMGET and not using  of serialization here
  client.get('/ds/' + self.root + "/" + key, function(err, reply){
    if (reply !== null) {
      reply = JSON.parse(reply);
    }
    return cb(err, reply);
  });
});

module['exports'] = datastore;
