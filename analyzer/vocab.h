// The project vocabulary: the names by which code registers routes and listeners, removes
// listeners, builds bounded caches, reaches host globals and starts up. leaklint knows the
// common ones (Node.js, the DOM, Express-style routers, LRU caches); a project's own emitters and
// routers come from its configuration, as PCRE2 patterns matched against the callee's text
// (`bus.subscribe`, `api.get`: the callee as written, white space removed). Every fact and rule
// asks here, so a configured name means the same thing to all of them.
#ifndef LEAKLINT_VOCAB_H
#define LEAKLINT_VOCAB_H

#include <stdbool.h>

#include <tree_sitter/api.h>

#include "analyzer/pattern.h"
#include "analyzer/source.h"

typedef enum ll_vocab_key {
  LL_VOCAB_ROUTE_METHODS,    // "routeMethods": a call whose callbacks run per request
  LL_VOCAB_LISTENER_ADD,     // "listenerAddMethods": a call that adds a listener
  LL_VOCAB_LISTENER_REMOVE,  // "listenerRemoveMethods": a call that removes one
  LL_VOCAB_BOUNDED_CACHES,   // "boundedCaches": a constructor or factory of a bounded collection
  LL_VOCAB_GLOBALS,          // "globals": names the host or another script defines
  LL_VOCAB_RUNS_ONCE,        // "runsOnce": start-up functions, and calls whose callbacks run once
  LL_VOCAB_RESOURCE_ACQUIRE, // "resourceAcquireCalls": a call (or `new`) that opens a resource
  LL_VOCAB_RESOURCE_RELEASE, // "resourceReleaseMethods": a method that closes one
  LL_VOCAB_COUNT,
} ll_vocab_key;

/** The configuration key of each list, indexed by ll_vocab_key. */
extern const char *const ll_vocab_keys[LL_VOCAB_COUNT];

/** The configured patterns, one list per key; all lists empty: the built-in vocabulary only. */
typedef struct ll_vocab {
  ll_pattern_list lists[LL_VOCAB_COUNT];
} ll_vocab;

typedef enum ll_listener_kind {
  LL_LISTENER_NONE = 0,
  LL_LISTENER_ADD,        // on, addListener, prependListener, addEventListener, configured adds
  LL_LISTENER_ADD_ONCE,   // once, prependOnceListener: removes itself after one event
  LL_LISTENER_REMOVE,     // off, removeListener, removeEventListener, configured removes
  LL_LISTENER_REMOVE_ALL, // removeAllListeners
} ll_listener_kind;

/** A call that adds or removes a listener, taken apart. */
typedef struct ll_listener_call {
  ll_listener_kind kind;
  bool configured; // matched a configured pattern rather than a built-in name
  TSNode emitter;  // the receiver of the method
  TSNode event;    // the event argument; null for a configured method given only a function
  TSNode listener; // the function argument; may be null (removeAllListeners)
  TSNode options;  // the argument after the listener (addEventListener's options); may be null
} ll_listener_call;

/**
 * Whether `call` (a call_expression of `source`) adds or removes a listener, and its parts.
 * Only method calls (`x.on(...)`) count: a listener belongs to the object it is added to.
 * Built-in methods take (event, listener[, options]); a configured one takes the same, or just
 * (listener) when it is given a single argument (`store.subscribe(fn)`).
 */
bool ll_vocab_listener_call(const ll_vocab *vocab, const ll_source *source, TSNode call,
                            ll_listener_call *out);

/** True when the callee text `callee` is configured as registering a per-request handler. */
bool ll_vocab_is_route(const ll_vocab *vocab, const ll_source *source, TSNode callee);

/**
 * True when callbacks passed to `callee` run once, or `callee` is a start-up function: the
 * command actions of commander, cac and yargs (one command per process), and configured
 * runsOnce patterns.
 */
bool ll_vocab_runs_once(const ll_vocab *vocab, const ll_source *source, TSNode callee);

/**
 * True for a name that start-up functions carry (`start`, `init`, `setupRoutes`, `bootstrap`,
 * `main`, `listen`...): a hint, for code whose callers the file does not show, that it runs once
 * per process. Weaker than runsOnce: code the file shows to repeat still repeats.
 */
bool ll_vocab_is_startup_name(ll_str name);

/**
 * True for a framework's start-up hook, a hook prefix then a start-up word among the name's
 * words: `hook_init_master` (Haraka), `onModuleInit`, `onApplicationBootstrap` (NestJS),
 * `on_init`. The framework calls it once, at start-up.
 */
bool ll_vocab_is_startup_hook_name(ll_str name);

/** True for a name, such as a function's, configured as a start-up function (runsOnce). */
bool ll_vocab_name_runs_once(const ll_vocab *vocab, const ll_source *source, ll_str name);

/**
 * True when `ctor` (the constructor of a `new` expression, or the callee of a factory call)
 * makes a collection that bounds itself: WeakMap, WeakSet, WeakRef, FinalizationRegistry, the
 * usual LRU caches, and configured boundedCaches.
 */
bool ll_vocab_is_bounded_cache(const ll_vocab *vocab, const ll_source *source, TSNode ctor);

/**
 * True when `callee` (a call's function, or a `new` expression's constructor) is configured as
 * acquiring a resource (resourceAcquireCalls).
 */
bool ll_vocab_is_resource_acquire(const ll_vocab *vocab, const ll_source *source, TSNode callee);

/** True when the method name `method` is configured as releasing a resource. */
bool ll_vocab_is_resource_release(const ll_vocab *vocab, const ll_source *source, ll_str method);

/** True when `name` is configured as a global (it exists, and lives as long as the process). */
bool ll_vocab_is_global(const ll_vocab *vocab, const ll_source *source, ll_str name);

/** Frees the patterns of every list. */
void ll_vocab_fini(ll_vocab *vocab);

#endif
