// The resource fact: calls that acquire something outside the heap that stays open until a
// release call closes it (a connection pool, a database or Redis client, a server, a keep-alive
// agent, a headless browser, a worker thread, a file handle, a socket, a connection checked out
// of a pool), where the value they return is held, and the calls that release it. A resource
// keeps its sockets, buffers and callbacks alive for as long as it is open, whatever happens to
// the JavaScript object: created per request and never closed, or checked out and released on
// the success path only, each run keeps one more until the process runs out of memory, file
// descriptors or pool slots.
//
// Known acquisitions (vocabulary), each matched on the module its name comes from, so that a
// class of the file's own called `Pool` or `Client` is none of them:
//   opened (closed by the release named)  pg `new Pool`/`new Client` (end), mysql and mysql2
//                                         createPool/createConnection (end), `new Sequelize`
//                                         (close), `knex(...)` (destroy), mongoose
//                                         createConnection and `new MongoClient`,
//                                         `MongoClient.connect` (close), `new PrismaClient`
//                                         ($disconnect), redis createClient, ioredis `new Redis`
//                                         (quit), amqplib connect (close), puppeteer/playwright
//                                         launch (close), worker_threads `new Worker`
//                                         (terminate), `new WebSocket` (close), net/tls connect
//                                         (end, destroy), http/https/net createServer (close),
//                                         `new http(s).Agent({ keepAlive: true })` (destroy),
//                                         fs.promises open (close), fs.open's descriptor
//                                         (fs.close), fs streams (end, destroy; a read stream
//                                         piped or read), kafkajs producer/consumer
//                                         (disconnect), child_process fork (kill), and
//                                         spawn/exec/execFile when the code kills them
//                                         somewhere (kill)
//   checked out (given back by release)   `pool.connect()`, `x.getConnection()`,
//                                         `pool.acquire()`, a browser's `newPage()` (close)
// and the calls configured as resourceAcquireCalls, released by resourceReleaseMethods.
#ifndef LEAKLINT_RESOURCES_H
#define LEAKLINT_RESOURCES_H

#include <stdbool.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "analyzer/facts.h"

typedef enum ll_resource_kind {
  LL_RESOURCE_OPENED,      // made by the call; lives until closed
  LL_RESOURCE_CHECKED_OUT, // lent by a pool (or a browser); lives until given back
} ll_resource_kind;

/** How messages say the resource is made and ended: "created", "close", "closes", "closed". */
typedef struct ll_resource_words {
  const char *made;  // "created", "taken", "started"
  const char *verb;  // "close", "release", "kill", "terminate"
  const char *verbs; // "closes"
  const char *done;  // "closed", "given back", "killed"
} ll_resource_words;

typedef struct ll_resource {
  ll_resource_kind kind;
  const char *what;    // for messages: "a pg Pool", "a connection checked out of the pool"
  const char *release; // for messages: "end()", "release()"
  const ll_resource_words *words; // for messages, how it is made and ended
  const char *keeps; // for messages, what each run that does not release it keeps: "one more
                     // of the pool's connections until none is left and every later caller
                     // waits"
  const char *const *release_methods; // methods that release it, called on it or given it
  bool configured;                    // matched resourceAcquireCalls: resourceReleaseMethods
                                      // (and the usual close methods) release it
  int8_t callback_param;   // >= 0: with a function argument, the resource is that parameter of
                           // it (error-first callbacks: `getConnection((err, conn) => ...)`)
  int8_t callback_release; // >= 0: calling this parameter of it releases (pg's `done`)
  bool lent;               // handed to other calls, it stays the caller's (an agent given to
                           // requests in their options): only a release ends it
  const char *const *end_events; // a worker, a child process, a read stream: it ends by
                                 // itself, and a listener for one of these events (`'exit'`,
                                 // `'data'`) says the code waits for that or consumes it
  bool made_at_startup; // a server: start-up functions make them, so only a repetition the code
                        // shows makes one per run
  bool from_factory;    // opened by a function of this file that returns it (`connect()`)
  bool ends_itself;     // a spawned command: it exits when its work is done, so only code that
                        // kills it on some ways says the other ways must too
} ll_resource;

/**
 * True when `call` (a call or `new` expression) acquires a resource; fills `out`. A browser's
 * `newPage()` is one only when the browser outlives the calling function: the page of a browser
 * launched there goes with it.
 */
bool ll_resource_of_call(const ll_facts *facts, TSNode call, ll_resource *out);

enum { LL_RESOURCE_MAX_RELEASES = 16 };

typedef enum ll_resource_fate {
  LL_RESOURCE_HELD,    // held by a local (or a callback's parameter): `releases` lists the calls
  LL_RESOURCE_DROPPED, // not kept at all: nothing can release it
  LL_RESOURCE_ESCAPES, // returned, stored, handed on: its owner is elsewhere
} ll_resource_fate;

/** What the code does with the resource one acquisition returns. */
typedef struct ll_resource_use {
  ll_resource_fate fate;
  const ll_binding *holder;                  // the local that holds it (LL_RESOURCE_HELD)
  TSNode releases[LL_RESOURCE_MAX_RELEASES]; // the calls that release it, in source order
  uint32_t n_releases;
  bool ended;       // ends by itself and the code waits for that (a worker's 'exit' listener)
  TSNode collected; // the call or assignment that stores it in a long-lived collection
                    // (`clients.push(client)`, `sockets[id] = ws`), or a null node: whoever
                    // removes it from there ends its run, so the collection decides
} ll_resource_use;

/** Where the resource `call` acquires goes, and what releases it. */
void ll_facts_resource_use(const ll_facts *facts, TSNode call, const ll_resource *resource,
                           ll_resource_use *out);

#endif
