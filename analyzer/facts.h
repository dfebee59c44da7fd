// Facts that several leak rules share, computed once per file after binding: how often each
// function runs, how long the object behind an expression lives, and what the file does to each
// long-lived collection. Rules ask; they never recompute.
#ifndef LEAKLINT_FACTS_H
#define LEAKLINT_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "analyzer/finding.h"
#include "analyzer/scope.h"
#include "analyzer/vocab.h"

typedef enum ll_frequency {
  LL_FREQ_UNKNOWN = 0, // nothing in the file says: rules stay silent
  LL_FREQ_ONCE,        // start-up code
  LL_FREQ_REPEATED,    // can run many times over the life of the process
} ll_frequency;

typedef enum ll_repeat_reason {
  LL_REPEAT_NONE,
  LL_REPEAT_ROUTE,        // a route, middleware or server callback (`site` is the registration)
  LL_REPEAT_LISTENER,     // an event listener (`site` is the registration)
  LL_REPEAT_INTERVAL,     // a setInterval callback
  LL_REPEAT_TIMEOUT_LOOP, // a setTimeout callback that schedules itself again
  LL_REPEAT_EFFECT,       // a component effect or lifecycle hook
  LL_REPEAT_CLASS_MEMBER, // a constructor, method or field initializer: runs per instance/call
  LL_REPEAT_EXPORTED,     // exported: callers outside the file decide
  LL_REPEAT_CALLBACK,     // passed to code the file does not see
  LL_REPEAT_RETURNED,     // returned to the caller, who may call it again and again
  LL_REPEAT_CALLED,       // called from repeated code in the same file (`via` is the caller)
  LL_REPEAT_RERUN,        // has itself called again from a listener or timer it sets up
                          // (`site` is that call): a reconnect or retry loop
} ll_repeat_reason;

/** Why a piece of code runs repeatedly. */
typedef struct ll_repeat {
  ll_repeat_reason reason;
  TSNode site;              // the loop, registration call, export or call site; may be null
  const ll_scope *via;      // for LL_REPEAT_CALLED: the repeated function that calls it
  const ll_scope *function; // the function whose frequency this is (NULL: a loop at top level)
} ll_repeat;

typedef enum ll_lifetime {
  LL_LIFETIME_UNKNOWN = 0,
  LL_LIFETIME_SHORT, // created in the same run, a parameter of a request callback, `this` state
  LL_LIFETIME_CONNECTION, // the connection a request came on (`req.socket`, `ctx.req.connection`,
                          // Fastify's `request.raw.socket`): it serves every request of a
                          // keep-alive or HTTP/2 connection, so it outlives each one
  LL_LIFETIME_LONG,       // module or global scope, global objects, static members, exports, the
                          // application reached from a request (`req.app`, `request.server`)
} ll_lifetime;

// What the file does to a collection, OR-ed over every use.
enum {
  LL_EFFECT_GROWS = 1u << 0,   // push, unshift, set, add, obj[key] = v, x = x.concat(...)
  LL_EFFECT_SHRINKS = 1u << 1, // pop, shift, splice, delete, x = x.filter(...)
  LL_EFFECT_RESETS = 1u << 2,  // clear(), length = 0, x = [] / {} / new Map()
  LL_EFFECT_BOUNDED = 1u << 3, // its size is compared with something
  LL_EFFECT_ESCAPES = 1u << 4, // exported, passed to unseen code, returned: others may drain it
  LL_EFFECT_WEAK = 1u << 5,    // a WeakMap/WeakSet/WeakRef or a bounded cache: cannot accumulate
};

typedef struct ll_facts ll_facts;

enum { LL_PATH_MAX = 160 };

/**
 * What an expression such as `cache.byUser[id]` or `this.bus` refers to: a root and the member
 * path below it. Two expressions with equal roots and paths name the same object (as far as a
 * file can tell): ll_path_equal.
 */
typedef struct ll_path {
  const ll_binding *binding;  // the root binding; NULL for host objects and `this`
  const ll_scope *this_class; // `this` of an instance: the class scope (the instance's state)
  ll_str host;                // an undeclared root: `process`, `document`; `globalThis` for
                              // all the names of the global object
  ll_str written;             // the root as the code spells it (`window`), for messages
  char text[LL_PATH_MAX];     // ".byUser[]": members, `[]` for computed elements
  ll_lifetime lifetime;
} ll_path;

/**
 * Computes the facts of a bound file, with the names of `vocab`. Owned by `arena`; `model`,
 * `source` and `vocab` must outlive them.
 */
ll_facts *ll_facts_build(ll_arena *arena, const ll_source *source, const ll_scope_model *model,
                         const ll_vocab *vocab);

/**
 * How often code directly in `scope` runs, and why (`why` may be NULL). Loops do not change the
 * answer: a loop in start-up code runs a bounded number of times; ll_ctx_in_loop tells loops.
 */
ll_frequency ll_facts_frequency(const ll_facts *facts, const ll_scope *scope, ll_repeat *why);

/**
 * Resolves `expr` to a path. Returns false when its root is not a name, `this` or a member chain
 * of them (a call result, a literal: something created in the same run), or is dynamic. A
 * function's local that only renames a member (`const events = state.events`) resolves to that
 * member; jQuery's `$(document)` and `$(window)` to the hosts of those names. `this`
 * in a static member resolves to the class's binding. `global.x`, `window.x`, `globalThis.x`
 * and `self.x` all get the host "globalThis". Lifetimes: module and global bindings, global
 * objects, static members and the state of a class's only instance (ll_facts_only_instance) are
 * long; locals, parameters and other instance state short; imports, `module.exports` and unknown
 * host names unknown. A request handler's parameter leads to longer lives: the connection
 * (`req.socket`, `ctx.req.connection`: LL_LIFETIME_CONNECTION) and the application (`req.app`,
 * `request.server`: long).
 */
bool ll_facts_path(const ll_facts *facts, TSNode expr, ll_path *out);

/**
 * The path of the name a declarator declares (`name` in `const name = ...`), looked up from
 * `scope`: a declaration is not a use, so ll_facts_path cannot resolve it. False when `name` is
 * not a plain identifier or declares nothing the scope model knows.
 */
bool ll_facts_declared_path(const ll_facts *facts, const ll_scope *scope, TSNode name,
                            ll_path *out);

/**
 * ll_facts_path for a long-lived path only: false, without building the path's text, when the
 * root is not long-lived (most expressions a rule asks about are locals) and not a parameter
 * whose member may be (a request handler's `req.app.locals`).
 */
bool ll_facts_long_lived_path(const ll_facts *facts, TSNode expr, ll_path *out);

/** How long the value held by `binding` lives (see ll_facts_path). */
ll_lifetime ll_facts_binding_lifetime(const ll_binding *binding);

/**
 * True when the emitter `path` names outlives the code that adds listeners to it: a long-lived
 * path, or an object an ES module imports (the exporting module made it once, as a top-level
 * `require` would; what it is stays unknown, so collections do not count it).
 */
bool ll_path_is_lasting_emitter(const ll_path *path);

/**
 * True when `node` only runs the first time its function does: it sits behind a test of a
 * long-lived flag that the guarded code sets (`if (!registry) { registry = new Map(); ... }`,
 * `if (started) return; started = true; ...`). Code that runs repeatedly gets there once.
 */
bool ll_facts_guarded_once(const ll_facts *facts, TSNode node);

/**
 * True when `node` only runs the first time its function meets the object `object` names: it sits
 * behind a test of that object that the guarded code records (`if (!tracked.has(req.socket)) {
 * tracked.add(req.socket); req.socket.on('close', ...) }`, `if (!socket.watched) { socket.watched
 * = true; ... }`). Code that runs per request gets there once per connection.
 */
bool ll_facts_guarded_per_object(const ll_facts *facts, TSNode node, const ll_path *object);

/**
 * True when the function around `expr` (whose path is `path`) has just put a new object there,
 * before `expr`: `this.server = http.createServer(app); this.server.on(...)`. What `expr` names
 * is that run's object, replaced by the next run, whatever the path's lifetime. (A plain
 * top-level variable filled so gets a short lifetime from ll_facts_path already.) Walks the
 * function's body: for the few expressions a rule reports on.
 */
bool ll_facts_made_in_this_run(const ll_facts *facts, TSNode expr, const ll_path *path);

/**
 * True when a listener added by `call` (`emitter.on(...)`, with `emitter` its receiver's path)
 * outlives the run that adds it: the emitter is lasting (ll_path_is_lasting_emitter), is not a
 * function the file calls (an imported factory), and was not just made by the same run
 * (ll_facts_made_in_this_run).
 */
bool ll_facts_listener_outlives_run(const ll_facts *facts, TSNode call, const ll_path *emitter);

/**
 * True when the class `cls` ends the object its constructor was handed as `param`: a method
 * destroys, ends or closes it (`this.conn.destroy()`, `conn.end()`), directly or as the member
 * the constructor stored it in (`this.conn = conn`). The instance owns that object (a client
 * and its connection): what it adds to it goes with both.
 */
bool ll_facts_class_ends(const ll_facts *facts, const ll_scope *cls, const ll_binding *param);

/**
 * The one fixed event that `node` (an event argument) names: a string's contents ('data' ->
 * data), a `const`'s string value, or, for a constant without a string value the file shows
 * (`Events.Change` from an import, `EVENTS.update` of a module-level object never assigned
 * again, an imported `SHOW`), its name as written, with `*by_name` set. False when the name
 * really varies (a parameter, a computed value) or the file cannot tell.
 */
bool ll_facts_event_name(const ll_facts *facts, TSNode node, ll_str *out, bool *by_name);

/** True when both paths name the same object. */
bool ll_path_equal(const ll_path *a, const ll_path *b);

/** The path as people read it: "cache.byUser[]", "this.bus", "window". Arena-owned. */
const char *ll_path_describe(const ll_path *path, ll_arena *arena);

/**
 * The `new` expression that makes the only instance of the class scope `cls`, when the class is
 * instantiated exactly once, at start-up (`module.exports = new Store()`); NULL otherwise. Its
 * instance state (`this.items`) is then long-lived and its constructor runs once.
 */
const TSNode *ll_facts_only_instance(const ll_facts *facts, const ll_scope *cls);

/** True for a class member declared `static` (method, field or accessor). */
bool ll_facts_is_static_member(TSNode member);

/** The scope model the facts were built from. */
const ll_scope_model *ll_facts_model(const ll_facts *facts);

/** The vocabulary the facts were built with. */
const ll_vocab *ll_facts_vocab(const ll_facts *facts);

/** The file the facts describe. */
const ll_source *ll_facts_source(const ll_facts *facts);

/**
 * The binding a function scope is known by: its declared name, its own name, or the variable it
 * initializes; NULL for an anonymous function used where it stands.
 */
const ll_binding *ll_facts_function_binding(const ll_facts *facts, const ll_scope *fn);

/** The reference whose identifier is `id`, or NULL. */
const ll_ref *ll_facts_ref_at(const ll_facts *facts, TSNode id);

/**
 * How sure `why` (of a REPEATED verdict) is. High when the file shows the repetition: a route,
 * listener, interval or effect registers the code, or repeated code calls it. Medium when only
 * callers outside the file could repeat it (exported, returned, handed to unseen code, a class
 * member): they may as well run it once, at start-up. A function shaped like a request handler
 * (`(req, res)`, `(ctx, next)`) is taken as one wherever it goes.
 */
ll_confidence ll_facts_repeat_confidence(const ll_facts *facts, const ll_repeat *why);

/**
 * True when the function scope `fn` is shaped like a request handler: `(req, res)`,
 * `(ctx, next)`, `(event, context)` of a serverless `handler`. Its parameters are the request's.
 */
bool ll_facts_is_handler_shaped(const ll_facts *facts, const ll_scope *fn);

/**
 * True when the repetition `why` rests only on callers outside the file (ll_facts_repeat_
 * confidence medium) of a function shaped like start-up code: named `start`, `init`, `setup`,
 * `bootstrap`, `main`, `listen`... with only settings for parameters (`init(config)`), or a
 * command-line entry taking `argv`. Such functions run once per process unless some code shows
 * otherwise, so rules report there only what callers elsewhere show to repeat.
 */
bool ll_facts_repeat_is_startup(const ll_facts *facts, const ll_repeat *why);

/**
 * When the repetition `why` rests only on callers outside the file, through a function the file
 * exports (directly, or called from one): the name it is exported under ("start"; "default" for
 * `module.exports = fn` and `export default`), arena-owned; NULL otherwise. A run over several
 * files resolves such findings with the callers the other files show (project.h).
 */
const char *ll_facts_export_root(const ll_facts *facts, const ll_repeat *why, ll_arena *arena);

/**
 * True when function `fn` is the iteratee of an iteration: the callback of `items.forEach(fn)`,
 * `map`, `filter`... or of async.js-style collection functions (`async.eachLimit(items, 2, fn)`,
 * `forEachLimit` required from 'async/forEachLimit', `Promise.map`): called once per element, at
 * once, its body is a loop body.
 */
bool ll_facts_is_iteration_callback(const ll_facts *facts, const ll_scope *fn);

/**
 * When the repetition `why` rests only on a function handed to a call the file cannot see into
 * (`config.load(file, (conf) => ...)`), directly or through the functions it calls: that call,
 * and the position of the function among its arguments (0-based). A run over several files asks
 * the file the call goes to how often it calls that argument (project.h).
 */
bool ll_facts_callback_site(const ll_facts *facts, const ll_repeat *why, TSNode *call,
                            uint32_t *argument);

/**
 * The name under which the class scope `cls` leaves its file ("default" for `module.exports =
 * Server` and `export default class`, "Server" for `exports.Server = Server` and `export class
 * Server`), or an empty slice when it does not.
 */
ll_str ll_facts_class_export_name(const ll_facts *facts, const ll_scope *cls);

/**
 * How often a function value used at `ref` (not called there: passed, registered, exported)
 * runs, as ll_facts_frequency tells it for functions declared in place: a route registration
 * makes it per request, an export leaves it to other files.
 */
ll_frequency ll_facts_use_frequency(const ll_facts *facts, const ll_ref *ref, ll_repeat *why);

/**
 * When the repetition `why` rests on a component's set-up hook or effect (lifecycle.h), directly
 * or through the functions it calls: what its teardown fails to do, for messages, with `verb`
 * the release ("remove", "clear"): "componentWillUnmount does not remove it", "the component has
 * no componentWillUnmount", "the effect returns no cleanup function". NULL otherwise.
 */
const char *ll_facts_teardown_misses(const ll_facts *facts, ll_arena *arena, const ll_repeat *why,
                                     const char *verb);

/**
 * What one repetition of `why` is, for messages: "mount", "render", "change of its
 * dependencies" for components and effects; "run" otherwise.
 */
const char *ll_facts_repeat_unit(const ll_facts *facts, const ll_repeat *why);

/** A short phrase for messages: "inside a route handler registered with app.get at line 12". */
const char *ll_facts_describe_repeat(const ll_facts *facts, ll_arena *arena, const ll_repeat *why);

#endif
