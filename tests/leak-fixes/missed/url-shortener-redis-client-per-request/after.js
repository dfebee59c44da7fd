// Excerpt of zero-archive/node-url-shortener lib/redis-model.js after 26a66ebb4d9f797609cf354d820a8052cc232a28 (MIT).
// lib/nus.js getModel() does new RedisModel(config) for every shorten/expand request.
var redis = require('redis'),
    crypto = require('crypto');

var RedisModel = module.exports = function (config) {
    this.db = redis.createClient(config.port, config.host);

    if (config.pass) {
        this.db.auth(config.pass);
    }
};
// ...
// Set record
RedisModel.prototype.set = function (long_url, callback) {
    var self = this;

    this.findUrl(long_url, function (err, reply) {
        if (err) {
            callback(500);
            self.db.quit();
        } else if (reply) {
            callback(null, {
                'hash'      : reply,
                'long_url'  : long_url
            });
            self.db.quit();
        } else {
            self.uniqId(function (err, reply) {
                if (err) {
                    callback(500);
                    self.db.quit();
                } else {
                    var response = {
                        'hash'      : self.b64encode(reply),
                        'long_url'  : long_url
                    };

                    self.db.multi([
                        ['set', self.kUrl(long_url), response.hash],
                        ['hmset', self.kHash(response.hash),
                            'url', long_url,
                            'hash', response.hash,
                            'clicks', 0
                        ]
                    ]).exec(function (err, replies) {
                        if (err) {
                            callback(503);
                        } else {
                            callback(null, response);
                        }
                        self.db.quit();
                    });
                }
            });
        }
    });
};

// Get record
RedisModel.prototype.get = function (short_url, callback, click) {
    var self = this;

    this.findHash(short_url, function (err, reply) {
        if (err) {
            callback(500);
        } else if (reply && 'url' in reply) {
            if (click) {
                self.clickLink(reply.hash);
            }

            callback(null, {
                'hash'      : reply.hash,
                'long_url'  : reply.url,
                'clicks'    : reply.clicks || 0
            });
        } else {
            callback(503);
        }
        self.db.quit();
    });
};
