// Excerpt of deployd/deployd lib/session.js before a5e572a2504bc7f8230565be574d2107883fe1b1 (Apache-2.0).
var Store = require('./db').Store
, util = require('util')
, Cookies = require('cookies')
, EventEmitter = require('events').EventEmitter
, crypto = require('crypto')
, debug = require('debug')('session')
, _ = require("underscore");
// ...
var sessionIndex = {}
  , userSessionIndex = {};
// ...
function SessionStore(namespace, db, sockets, options) {
  var self = this;

  this.sockets = sockets;
  this.options = options || {};
  // sessions inactive for longer than this will be cleaned up:
  this.options.maxAge = this.options.maxAge || 30 * 24 * 60 * 60 * 1000;

  // socket queue
  var socketQueue = this.socketQueue = new EventEmitter()
    , socketIndex = this.socketIndex = {};

  // NOTE: we will get a warning otherwise when more than 10 users try to login
  socketQueue.setMaxListeners(0);

  if(sockets) {
    sockets.on('connection', function (client) {
      // NOTE: do not use set here ever, the `Cookies` api is meant to get a req, res
      // but we are just using it for a cookie parser
      var cookies = new Cookies(client.handshake)
        , sid = cookies.get('sid');

      var getSession = function(sid, fn) {
        // check if we already know about the session
        var session = sessionIndex[sid];
        if (session) { return fn(null, session); }
        // get the session from the store otherwise
        self.createSession(sid, function(err, session) {
          if (session.data.id === sid) return fn(null, session);
          return fn();
        });
      };

      if(sid) {
        getSession(sid, function(err, session) {
          if (session) {
            // index sockets against their session id
            socketIndex[sid] = socketIndex[sid] || {};
            socketIndex[sid][client.id] = client;
            socketQueue.emit(sid, client);
          }
        });
      }

      // Alternative way of binding session to socket connection
      // for when the sid cookie is not yet available.
      // This expects that the client emits an event with the sid.
      client.on('server:setSession', function(data) {
        if (!data || !data.sid) { return; }
        var sid = data.sid;

        getSession(sid, function(err, session){
          if (session) {
            // unassign socket from previous sessions
            _.each(socketIndex, function (val){
              delete val[client.id];
            });

            socketIndex[sid] = socketIndex[sid] || {};
            socketIndex[sid][client.id] = client;
            socketQueue.emit(sid, client);
          }
        });
      });
    });
  }

  Store.apply(this, arguments);

// ...
}
util.inherits(SessionStore, Store);
exports.SessionStore = SessionStore;
// ...
