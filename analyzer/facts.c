// How often each function of a file runs, decided once per file from how the function is used.
//
// A function's frequency comes from its context: registered as a route handler, listener or
// interval callback, it runs again and again; exported or handed to code the file does not see,
// callers outside decide, so it counts as repeated; a class member runs per instance. Immediate
// callbacks (forEach, Promise executors, IIFEs) and functions called from the same file inherit
// the frequency of the code that calls them, which is a fixed point over the file's call graph:
// frequencies only ever rise (unknown < once < repeated), so iterating until nothing changes
// terminates. Nothing here walks the tree: the binder recorded each function's ancestors and
// each use's parent, and the callee tables below name the methods.
#define _GNU_SOURCE // memmem
#include "analyzer/facts.h"

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/grammar.h"
#include "analyzer/lifecycle.h"

// What a call does with a function passed to it.
typedef enum callback_kind {
  CB_UNSEEN,   // unknown code: it may call the function any number of times
  CB_INHERIT,  // called during the call (forEach, then, once, setTimeout, a local function)
  CB_ROUTE,    // per request or connection
  CB_LISTENER, // per event
  CB_INTERVAL, // per tick
  CB_TIMEOUT,  // once, unless it schedules itself again
  CB_EFFECT,   // per render or update
  CB_ONCE,     // once over the life of the process (configured runsOnce)
} callback_kind;

typedef struct callee_entry {
  const char *name;
  callback_kind kind;
} callee_entry;

// Methods called on some receiver (`x.NAME(..., fn)`), besides the listener methods of the
// vocabulary (vocab.c). Route methods count only on a route-like receiver or with a path
// argument; configured routeMethods and runsOnce patterns come first.
static const callee_entry method_table[] = {
    {"catch", CB_INHERIT},
    // jQuery's and lodash's `.each(fn)`: called at once, for each element.
    {"each", CB_INHERIT},
    {"every", CB_INHERIT},
    {"filter", CB_INHERIT},
    {"finally", CB_INHERIT},
    {"find", CB_INHERIT},
    {"findIndex", CB_INHERIT},
    {"findLast", CB_INHERIT},
    {"findLastIndex", CB_INHERIT},
    {"flatMap", CB_INHERIT},
    {"forEach", CB_INHERIT},
    // `server.listen(port, cb)`: cb runs once, when the server is listening.
    {"listen", CB_INHERIT},
    {"map", CB_INHERIT},
    {"nextTick", CB_INHERIT},
    // `domain.run(fn)`, `storage.run(store, fn)`: fn runs at once, in a context.
    {"run", CB_INHERIT},
    {"reduce", CB_INHERIT},
    {"reduceRight", CB_INHERIT},
    {"setInterval", CB_INTERVAL},
    {"setTimeout", CB_TIMEOUT},
    {"some", CB_INHERIT},
    {"sort", CB_INHERIT},
    {"then", CB_INHERIT},
    {"toSorted", CB_INHERIT},
    // `React.useEffect(fn)`
    {"useEffect", CB_EFFECT},
    {"useInsertionEffect", CB_EFFECT},
    {"useLayoutEffect", CB_EFFECT},
    // `fs.watch(path, fn)`, `fs.watchFile(path, fn)`: run on each change of the file.
    {"watch", CB_LISTENER},
    {"watchFile", CB_LISTENER},
    // `net.connect(port, fn)`, `tls.connect(options, fn)`: the 'connect' listener, run once.
    {"connect", CB_INHERIT},
    {"createConnection", CB_INHERIT},
    // `$(document).ready(fn)`: once, when the page is ready.
    {"ready", CB_ONCE},
};

static const char *const route_methods[] = {"all",     "delete", "del",   "get", "head",
                                            "options", "patch",  "post",  "put", "route",
                                            "use",     "ws",     "handle"};

// Plain functions (`NAME(..., fn)`).
static const callee_entry function_table[] = {
    {"createServer", CB_ROUTE},
    {"queueMicrotask", CB_INHERIT},
    {"requestAnimationFrame", CB_TIMEOUT},
    {"setImmediate", CB_INHERIT},
    {"setInterval", CB_INTERVAL},
    {"setTimeout", CB_TIMEOUT},
    {"useEffect", CB_EFFECT},
    {"useInsertionEffect", CB_EFFECT},
    {"useLayoutEffect", CB_EFFECT},
    {"watch", CB_LISTENER},
    // `$(fn)`, `jQuery(fn)`: jQuery runs fn once, when the page is ready.
    {"$", CB_ONCE},
    {"jQuery", CB_ONCE},
};

// The collection functions of async.js, p-map, p-limit's helpers and Bluebird
// (`async.eachLimit(list, 2, fn)`, `forEachLimit(list, 1, fn)` required from 'async/forEachLimit',
// `Promise.map(list, fn)`): fn runs at once, once per element, like a loop body. Plain or as a
// method; the array methods (`forEach`, `map`) are in method_table.
static const char *const iteration_functions[] = {
    "concatLimit",    "concatSeries",    "detectLimit",     "detectSeries", "eachLimit",
    "eachOf",         "eachOfLimit",     "eachOfSeries",    "eachSeries",   "everyLimit",
    "everySeries",    "filterLimit",     "filterSeries",    "forEachLimit", "forEachOf",
    "forEachOfLimit", "forEachOfSeries", "forEachSeries",   "mapLimit",     "mapSeries",
    "mapValues",      "mapValuesLimit",  "mapValuesSeries", "pMap",         "pMapSeries",
    "rejectLimit",    "rejectSeries",    "someLimit",       "someSeries",   "sortBy",
    "times",          "timesLimit",      "timesSeries"};

static bool is_iteration_function(ll_str name) {
  for (size_t i = 0; i < sizeof iteration_functions / sizeof *iteration_functions; i++)
    if (ll_str_eq(name, iteration_functions[i])) return true;
  return false;
}

typedef struct fn_facts {
  ll_frequency freq;
  ll_repeat why;
  bool decided; // the context alone decides; no need to look at call sites again
  // The function's shape, asked often (for every repetition's confidence): computed once.
  bool shape_known;
  bool handler_shaped; // `(req, res)`, `(ctx, next)`, a serverless `handler`
  bool startup_shaped; // `start(config)`, `init()`, a CLI entry
  bool binding_known;  // `binding` is ll_facts_function_binding's answer
  const ll_binding *binding;
  uint8_t lifecycle; // ll_lifecycle_of's answer, kept for the next passes: 0 not asked, 1 no, 2 yes
  // For a function: the ES5 constructor whose instance `this` is in it (es5_class_of), once
  // asked.
  bool es5_known;
  const ll_scope *es5_class;
  // For a class scope: the `new` that makes the class's only instance (see find_singletons);
  // NULL for every other class and scope.
  const TSNode *only_instance;
  // For a private method of a class (`_flush()`, `#flush()`) that the class only calls itself:
  // those `this._flush()` calls (see private_calls_of); computed once.
  bool private_known;
  uint32_t n_private_calls;
  struct private_call *private_calls;
} fn_facts;

// A call `this._flush()` of a private method, and the scope it is made in.
typedef struct private_call {
  TSNode call;
  const ll_scope *from;
} private_call;

struct ll_facts {
  ll_arena *arena;
  const ll_source *source;
  const ll_scope_model *model;
  const ll_vocab *vocab;
  fn_facts *fns;        // by scope index; frequencies of function-like scopes, instances of classes
  uint32_t *ref_starts; // the start byte of each of model->refs, for ll_facts_ref_at's search
};

static ll_str text_of(const ll_facts *f, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > f->source->len) end = f->source->len;
  if (start > end) start = end;
  return (ll_str){f->source->text + start, end - start};
}

static bool is_function_scope(const ll_scope *s) {
  return s->kind == LL_SCOPE_FUNCTION || s->kind == LL_SCOPE_CLASS_FIELD ||
         s->kind == LL_SCOPE_STATIC_BLOCK;
}

static const callee_entry *find_entry(const callee_entry *table, size_t n, ll_str name) {
  for (size_t i = 0; i < n; i++)
    if (ll_str_eq(name, table[i].name)) return &table[i];
  return NULL;
}

static bool is_route_method(ll_str name) {
  for (size_t i = 0; i < sizeof route_methods / sizeof route_methods[0]; i++)
    if (ll_str_eq(name, route_methods[i])) return true;
  return false;
}

// `app`, `router`, `server`, `fastify`, `apiRouter`, `this.app`, `app.route('/x')`: receivers that
// register routes. Compared on the last name of the receiver, case-insensitively.
static bool is_route_receiver(const ll_facts *f, TSNode receiver) {
  TSSymbol sym = ts_node_symbol(receiver);
  if (sym == ll_js.sym.call_expression) {
    // `app.route('/path').get(fn)`
    TSNode callee = ts_node_child_by_field_id(receiver, ll_js.field.function);
    if (ts_node_symbol(callee) != ll_js.sym.member_expression) return false;
    TSNode method = ts_node_child_by_field_id(callee, ll_js.field.property);
    return ll_str_eq(text_of(f, method), "route");
  }
  if (sym == ll_js.sym.member_expression)
    receiver = ts_node_child_by_field_id(receiver, ll_js.field.property);
  ll_str name = text_of(f, receiver);
  static const char *const suffixes[] = {"app",   "router",   "server", "fastify", "api",  "routes",
                                         "route", "instance", "srv",    "http",    "https"};
  for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
    size_t len = strlen(suffixes[i]);
    if (name.len < len) continue;
    const char *tail = name.ptr + name.len - len;
    bool match = true;
    for (size_t k = 0; k < len && match; k++) {
      char c = tail[k];
      if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
      match = c == suffixes[i][k];
    }
    if (match) return true;
  }
  return false;
}

// `$.get('/rows', cb)`, `axios.post('/save', data)`: HTTP clients whose methods are named like
// routes; a callback passed to them runs once, when the response arrives.
static bool is_http_client(const ll_facts *f, TSNode receiver) {
  ll_str name = text_of(f, receiver);
  static const char *const clients[] = {"$",          "jQuery", "axios", "request",
                                        "superagent", "got",    "ky",    "fetch"};
  for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++)
    if (ll_str_eq(name, clients[i])) return true;
  return false;
}

// A route registration usually names its path first: `x.get('/users', handler)`.
static bool has_path_argument(const ll_facts *f, TSNode args) {
  TSNode first = ts_node_named_child(args, 0);
  if (ts_node_is_null(first) || ts_node_symbol(first) != ll_js.sym.string) return false;
  ll_str text = text_of(f, first);
  return text.len > 1 && text.ptr[1] == '/';
}

// `{ once: true }` as the options of addEventListener: the listener removes itself.
static bool has_once_option(const ll_facts *f, TSNode args) {
  TSNode options = ts_node_named_child(args, 2);
  if (ts_node_is_null(options) || ts_node_symbol(options) != ll_js.sym.object) return false;
  uint32_t n = ts_node_named_child_count(options);
  for (uint32_t i = 0; i < n; i++) {
    TSNode pair = ts_node_named_child(options, i);
    if (ts_node_symbol(pair) != ll_js.sym.pair) continue;
    if (ll_str_eq(text_of(f, ts_node_child_by_field_id(pair, ll_js.field.key)), "once") &&
        ll_str_eq(text_of(f, ts_node_child_by_field_id(pair, ll_js.field.value)), "true"))
      return true;
  }
  return false;
}

// Events an emitter emits at most once in its life: a server starts listening once, a stream
// ends and closes once, a process exits once, a page loads once. A listener for one of them runs
// once per registration. (`ready`, `open` and `connect` are left out: clients that reconnect
// emit them again; and `cluster` emits its events once per worker.)
static bool fires_once(const ll_facts *f, TSNode emitter, TSNode event) {
  if (ts_node_is_null(event) || ts_node_symbol(event) != ll_js.sym.string) return false;
  // The cluster module emits 'exit', 'disconnect' and the rest once per worker: for each of them.
  if (ll_str_eq(text_of(f, emitter), "cluster")) return false;
  ll_str text = text_of(f, event);
  if (text.len < 2) return false;
  ll_str name = {text.ptr + 1, text.len - 2};
  static const char *const once[] = {"listening",        "close", "exit", "end", "finish", "load",
                                     "DOMContentLoaded", "unload"};
  for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
    if (ll_str_eq(name, once[i])) return true;
  return false;
}

// The binding the callee identifier of `call` resolves to, via the reference at its position.
const ll_ref *ll_facts_ref_at(const ll_facts *f, TSNode id) {
  uint32_t byte = ts_node_start_byte(id);
  uint32_t lo = 0, hi = f->model->n_refs;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (f->ref_starts[mid] < byte)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo < f->model->n_refs && ts_node_eq(f->model->refs[lo].id, id)) return &f->model->refs[lo];
  return NULL;
}

// A binding that holds a function declared in this file: calling it runs code we can see.
static bool is_local_function(const ll_binding *b) {
  if (!b) return false;
  if (b->kind == LL_BIND_FUNCTION || b->kind == LL_BIND_FUNCTION_NAME) return true;
  if (ts_node_is_null(b->init)) return false;
  TSSymbol sym = ts_node_symbol(b->init);
  return sym == ll_js.sym.function_expression || sym == ll_js.sym.arrow_function ||
         sym == ll_js.sym.function_declaration || sym == ll_js.sym.generator_function;
}

// A job queue: a name ending in "queue" (`emailQueue`, `this.queue`), or a binding made by
// `new Queue(...)` / `new Bull(...)`.
static bool is_queue(const ll_facts *f, TSNode receiver) {
  TSNode name = ll_ast_is(receiver, ll_js.sym.member_expression)
                    ? ts_node_child_by_field_id(receiver, ll_js.field.property)
                    : receiver;
  ll_str text = text_of(f, name);
  if (text.len >= 5) {
    const char *tail = text.ptr + text.len - 5;
    if ((tail[0] == 'q' || tail[0] == 'Q') && memcmp(tail + 1, "ueue", 4) == 0) return true;
  }
  if (!ll_ast_is(receiver, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(f, receiver);
  TSNode init = ref && ref->target ? ll_ast_unparenthesized(ref->target->init) : (TSNode){0};
  if (!ll_ast_is(init, ll_js.sym.new_expression)) return false;
  ll_str ctor = text_of(f, ts_node_child_by_field_id(init, ll_js.field.constructor));
  return ll_str_eq(ctor, "Queue") || ll_str_eq(ctor, "Bull") || ll_str_eq(ctor, "Bee");
}

// A name destructured from a module: `const { watch } = require('fs')`.
static bool is_required(const ll_facts *f, const ll_binding *b) {
  if (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR) return false;
  if (!ts_node_is_null(b->init)) {
    // `const forEachLimit = require('async/forEachLimit')`, `require('timers').setTimeout`
    TSNode value = ll_ast_unparenthesized(b->init);
    if (ll_ast_is(value, ll_js.sym.member_expression))
      value = ts_node_child_by_field_id(value, ll_js.field.object);
    return ll_ast_is(value, ll_js.sym.call_expression) &&
           ll_str_eq(text_of(f, ts_node_child_by_field_id(value, ll_js.field.function)), "require");
  }
  if (ts_node_is_null(b->decl)) return false;
  // Requires sit at the top of a file; a node's parent is found by a walk from the root.
  if (b->scope->kind != LL_SCOPE_MODULE && b->scope->kind != LL_SCOPE_GLOBAL) return false;
  TSNode pattern = ll_ast_parent_of(b->decl);
  if (ll_ast_is(pattern, ll_js.sym.pair_pattern)) pattern = ll_ast_parent_of(pattern);
  TSNode declarator = ll_ast_parent_of(pattern);
  if (!ll_ast_is(pattern, ll_js.sym.object_pattern) ||
      !ll_ast_is(declarator, ll_js.sym.variable_declarator))
    return false;
  TSNode value = ll_ast_unparenthesized(ts_node_child_by_field_id(declarator, ll_js.field.value));
  return ll_ast_is(value, ll_js.sym.call_expression) &&
         ll_str_eq(text_of(f, ts_node_child_by_field_id(value, ll_js.field.function)), "require");
}

// What `call` (a call or new expression whose `arguments` node is `args`) does with a function
// passed in it.
static callback_kind classify_call(const ll_facts *f, TSNode call, TSNode args) {
  TSSymbol sym = ts_node_symbol(call);
  if (sym == ll_js.sym.new_expression) {
    TSNode ctor = ts_node_child_by_field_id(call, ll_js.field.constructor);
    return ll_str_eq(text_of(f, ctor), "Promise") ? CB_INHERIT : CB_UNSEEN;
  }
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  TSSymbol callee_sym = ts_node_symbol(callee);
  // The project's own words first: they name what the built-in guesses cannot know.
  if (ll_vocab_runs_once(f->vocab, f->source, callee)) return CB_ONCE;
  if (ll_vocab_is_route(f->vocab, f->source, callee)) return CB_ROUTE;
  if (callee_sym == ll_js.sym.identifier) {
    const ll_ref *ref = ll_facts_ref_at(f, callee);
    if (ref && is_local_function(ref->target)) return CB_INHERIT;
    const callee_entry *e = find_entry(
        function_table, sizeof function_table / sizeof *function_table, text_of(f, callee));
    // A local variable holds unseen code; an import of a known name (`import { useEffect }
    // from 'react'`, `const { watch } = require('fs')`) is that function.
    if (ref && ref->target && ref->target->kind != LL_BIND_IMPORT && !is_required(f, ref->target))
      return CB_UNSEEN;
    if (!e && is_iteration_function(text_of(f, callee))) return CB_INHERIT;
    return e ? e->kind : CB_UNSEEN;
  }
  if (callee_sym != ll_js.sym.member_expression) return CB_UNSEEN;
  TSNode receiver = ts_node_child_by_field_id(callee, ll_js.field.object);
  ll_str method = text_of(f, ts_node_child_by_field_id(callee, ll_js.field.property));
  if (ll_str_eq(method, "from") && ll_str_eq(text_of(f, receiver), "Array")) return CB_INHERIT;
  if (ll_str_eq(method, "createServer")) return CB_ROUTE;
  if (is_http_client(f, receiver) &&
      (is_route_method(method) || ll_str_eq(method, "getJSON") || ll_str_eq(method, "request")))
    return CB_INHERIT; // runs once, when the response arrives
  if (is_route_method(method) && (is_route_receiver(f, receiver) || has_path_argument(f, args)))
    return CB_ROUTE;
  // Fastify hooks: 'onRoute', 'onRegister', 'onReady', 'onListen' and 'onClose' run at start-up
  // and shutdown; the request hooks ('onRequest', 'preHandler', ...) per request.
  if (ll_str_eq(method, "addHook") && ll_ast_is(ts_node_named_child(args, 0), ll_js.sym.string)) {
    ll_str hook = text_of(f, ts_node_named_child(args, 0));
    static const char *const startup_hooks[] = {
        "'onRoute'",   "'onRegister'",   "'onReady'",   "'onListen'",   "'onClose'",
        "\"onRoute\"", "\"onRegister\"", "\"onReady\"", "\"onListen\"", "\"onClose\""};
    for (size_t i = 0; i < sizeof startup_hooks / sizeof *startup_hooks; i++)
      if (ll_str_eq(hook, startup_hooks[i])) return CB_ONCE;
    return CB_ROUTE;
  }
  // `queue.process(fn)` (bull), `channel.consume(queue, fn)` (amqplib): a job or message
  // handler, run per job as a route is per request.
  if ((ll_str_eq(method, "process") && is_queue(f, receiver)) || ll_str_eq(method, "consume"))
    return CB_ROUTE;
  ll_listener_call listener;
  if (ll_vocab_listener_call(f->vocab, f->source, call, &listener)) {
    if (listener.kind == LL_LISTENER_ADD_ONCE) return CB_INHERIT;
    if (listener.kind != LL_LISTENER_ADD) return CB_UNSEEN;
    if (ll_str_eq(method, "addEventListener") && has_once_option(f, args)) return CB_INHERIT;
    if (fires_once(f, listener.emitter, listener.event)) return CB_INHERIT;
    return CB_LISTENER;
  }
  const callee_entry *e =
      find_entry(method_table, sizeof method_table / sizeof *method_table, method);
  if (e) return e->kind;
  if (is_iteration_function(method)) return CB_INHERIT;
  // `i18n.init(options, done)`, `db.connect(done)`: a start-up call's callback runs when it has
  // finished, once.
  if (ll_vocab_is_startup_name(method)) return CB_INHERIT;
  return CB_UNSEEN;
}

static ll_repeat_reason reason_of(callback_kind kind) {
  switch (kind) {
    case CB_ROUTE:
      return LL_REPEAT_ROUTE;
    case CB_LISTENER:
      return LL_REPEAT_LISTENER;
    case CB_INTERVAL:
      return LL_REPEAT_INTERVAL;
    case CB_EFFECT:
      return LL_REPEAT_EFFECT;
    case CB_TIMEOUT:
      return LL_REPEAT_TIMEOUT_LOOP;
    case CB_UNSEEN:
      return LL_REPEAT_CALLBACK;
    case CB_INHERIT:
    case CB_ONCE:
      break;
  }
  return LL_REPEAT_NONE;
}

// ---------------------------------------------------------------------------------------------
// Frequencies

// The frequency of code directly in `scope`. A loop does not make start-up code repeated: a loop
// at the top level that fills a table runs a bounded number of times, once; inside repeated code
// it repeats with its function. Rules that care about loops as such (a listener stacked per
// iteration) ask ll_ctx_in_loop.
static ll_frequency scope_frequency(const ll_facts *f, const ll_scope *scope, ll_repeat *why) {
  const ll_scope *fn = scope->function;
  if (!is_function_scope(fn)) {
    if (why) *why = (ll_repeat){0};
    return LL_FREQ_ONCE;
  }
  if (why) *why = f->fns[fn->index].why;
  return f->fns[fn->index].freq;
}

static void raise(const ll_facts *f, fn_facts *fx, ll_frequency freq, const ll_repeat *why,
                  bool *changed) {
  if (freq == LL_FREQ_REPEATED && fx->freq == LL_FREQ_REPEATED &&
      ll_facts_repeat_confidence(f, &fx->why) == LL_CONFIDENCE_MEDIUM &&
      ll_facts_repeat_confidence(f, why) == LL_CONFIDENCE_HIGH) {
    // A repetition the file shows, found in a later pass, replaces the guess.
    fx->why = *why;
    *changed = true;
    return;
  }
  if (freq <= fx->freq) return;
  fx->freq = freq;
  fx->why = *why;
  *changed = true;
}

// Callbacks scheduled with setTimeout repeat when they schedule themselves: the function passed
// (`fn_node`) contains a setTimeout call whose callback refers to the function again.
static bool reschedules_itself(const ll_facts *f, const ll_binding *self, TSNode fn_node) {
  if (!self) return false;
  uint32_t start = ts_node_start_byte(fn_node), end = ts_node_end_byte(fn_node);
  for (const ll_ref *ref = self->refs; ref; ref = ref->next_of_binding) {
    uint32_t at = ts_node_start_byte(ref->id);
    if (at < start || at >= end || ts_node_symbol(ref->parent) != ll_js.sym.arguments) continue;
    TSNode call = ref->grandparent;
    if (ts_node_symbol(call) != ll_js.sym.call_expression) continue;
    callback_kind kind = classify_call(f, call, ref->parent);
    if (kind == CB_TIMEOUT || kind == CB_INTERVAL) return true;
  }
  return false;
}

// The binding a function node is known by: its declared name, its own name, or the variable it
// initializes.
static const ll_binding *function_binding(const ll_facts *f, const ll_scope *fn) {
  for (const ll_binding *b = fn->bindings; b; b = b->next)
    if (b->kind == LL_BIND_FUNCTION_NAME) return b;
  TSNode parent = fn->context[0];
  TSNode name = {.id = NULL};
  if (ts_node_symbol(fn->node) == ll_js.sym.function_declaration ||
      ts_node_symbol(fn->node) == ll_js.sym.generator_function_declaration)
    name = ts_node_child_by_field_id(fn->node, ll_js.field.name);
  else if (!ts_node_is_null(parent) && ts_node_symbol(parent) == ll_js.sym.variable_declarator &&
           fn->context_field == ll_js.field.value)
    name = ts_node_child_by_field_id(parent, ll_js.field.name);
  if (ts_node_is_null(name) || ts_node_symbol(name) != ll_js.sym.identifier) return NULL;
  return ll_scope_lookup(f->model, fn->parent, text_of(f, name));
}

// Found once per function: every pass of ll_facts_build asks again.
const ll_binding *ll_facts_function_binding(const ll_facts *f, const ll_scope *fn) {
  fn_facts *fx = &f->fns[fn->index];
  if (!fx->binding_known) {
    fx->binding = function_binding(f, fn);
    fx->binding_known = true;
  }
  return fx->binding;
}

// True when `node` (an assignment's left side) is `module.exports`, `exports.x`,
// `module.exports.x`: what is assigned there leaves the file.
static bool is_export_target(const ll_facts *f, TSNode node) {
  while (ts_node_symbol(node) == ll_js.sym.member_expression ||
         ts_node_symbol(node) == ll_js.sym.subscript_expression) {
    TSNode object = ts_node_child_by_field_id(node, ll_js.field.object);
    if (ts_node_symbol(object) == ll_js.sym.identifier && ll_str_eq(text_of(f, object), "module") &&
        ts_node_symbol(node) == ll_js.sym.member_expression &&
        ll_str_eq(text_of(f, ts_node_child_by_field_id(node, ll_js.field.property)), "exports"))
      return true;
    node = object;
  }
  if (ts_node_symbol(node) != ll_js.sym.identifier) return false;
  ll_str name = text_of(f, node);
  if (ll_str_eq(name, "exports")) return true;
  // `const Server = exports` (or `= module.exports`), never written again: another name for
  // the exports object, whose members leave the file as well.
  const ll_binding *b =
      ll_scope_lookup(f->model, ll_scope_at(f->model, ts_node_start_byte(node)), name);
  if (!b || b->n_writes || ts_node_is_null(b->init) ||
      (b->kind != LL_BIND_CONST && b->kind != LL_BIND_VAR && b->kind != LL_BIND_LET))
    return false;
  TSNode init = ll_ast_unparenthesized(b->init);
  while (ts_node_symbol(init) == ll_js.sym.assignment_expression) // `= module.exports = {}`
    init = ll_ast_unparenthesized(ts_node_child_by_field_id(init, ll_js.field.left));
  ll_str text = text_of(f, init);
  return ll_str_eq(text, "exports") || ll_str_eq(text, "module.exports");
}

typedef struct use_outcome {
  ll_frequency freq;
  ll_repeat why;
  const ll_facts *facts; // when set, a repetition the file shows replaces one it only guesses
} use_outcome;

ll_confidence ll_facts_repeat_confidence(const ll_facts *facts, const ll_repeat *why);

static void consider(use_outcome *out, ll_frequency freq, const ll_repeat *why) {
  if (freq == LL_FREQ_REPEATED && out->freq == LL_FREQ_REPEATED && out->facts &&
      ll_facts_repeat_confidence(out->facts, &out->why) == LL_CONFIDENCE_MEDIUM &&
      ll_facts_repeat_confidence(out->facts, why) == LL_CONFIDENCE_HIGH) {
    out->why = *why;
    return;
  }
  if (freq > out->freq) {
    out->freq = freq;
    out->why = *why;
  }
}

// `{ Query: { user: (parent, args) => ... } }`: a GraphQL resolver map's operation types. Their
// functions run per request. `pair` holds the object that holds the function.
static bool is_resolver_object(const ll_facts *f, TSNode pair) {
  if (!ll_ast_is(pair, ll_js.sym.pair)) return false;
  ll_str key = text_of(f, ts_node_child_by_field_id(pair, ll_js.field.key));
  return ll_str_eq(key, "Query") || ll_str_eq(key, "Mutation") || ll_str_eq(key, "Subscription");
}

// `(err, data) => ...`: Node's error-first callback, which the function it is handed to calls
// once, when it has finished (a listener is never written so; listener calls are known anyway).
static bool is_completion_callback(const ll_facts *f, TSNode fn_node) {
  if (ts_node_is_null(fn_node) || !ll_ast_is_function(fn_node)) return false;
  TSNode params = ts_node_child_by_field_id(fn_node, ll_js.field.parameters);
  TSNode first = ts_node_is_null(params) ? ts_node_child_by_field_id(fn_node, ll_js.field.parameter)
                                         : ts_node_named_child(params, 0);
  if (ts_node_is_null(first) || ts_node_symbol(first) != ll_js.sym.identifier) return false;
  ll_str name = text_of(f, first);
  return ll_str_eq(name, "err") || ll_str_eq(name, "error") || ll_str_eq(name, "er");
}

// How a function value used at `value` (whose ancestors are `up[0..3]`, `field` its field in
// up[0]) is run. `where` is the scope of the use; `fn` is the function when known (for
// setTimeout loops), `self` its binding.
static void classify_value(const ll_facts *f, const TSNode up[4], TSFieldId field,
                           const ll_scope *where, const ll_scope *fn, const ll_binding *self,
                           TSNode fn_node, use_outcome *out) {
  TSNode parent = up[0];
  if (ts_node_is_null(parent)) return;
  TSSymbol ps = ts_node_symbol(parent);
  ll_repeat why;
  if (ps == ll_js.sym.arguments && !ts_node_is_null(up[1])) {
    // `util.inherits(Ctor, EventEmitter)`, `Object.setPrototypeOf(Ctor, Base)`: the constructor
    // is set up, not run.
    ll_str callee = ll_ast_is(up[1], ll_js.sym.call_expression)
                        ? text_of(f, ts_node_child_by_field_id(up[1], ll_js.field.function))
                        : (ll_str){"", 0};
    if (ll_str_eq(callee, "util.inherits") || ll_str_eq(callee, "inherits") ||
        ll_str_eq(callee, "Object.setPrototypeOf"))
      return;
    callback_kind kind = classify_call(f, up[1], parent);
    if (kind == CB_TIMEOUT && !reschedules_itself(f, self, fn_node)) kind = CB_INHERIT;
    if (kind == CB_UNSEEN && is_completion_callback(f, fn_node)) kind = CB_INHERIT;
    if (kind == CB_ONCE) {
      why = (ll_repeat){0};
      consider(out, LL_FREQ_ONCE, &why);
    } else if (kind == CB_INHERIT) {
      consider(out, scope_frequency(f, where, &why), &why);
    } else if (kind == CB_UNSEEN && scope_frequency(f, where, &why) == LL_FREQ_REPEATED) {
      // Handed to unseen code from code that already repeats (`server.close(() => start())`
      // in a watcher's listener): it runs at least as often, for the reason the outer code
      // does.
      consider(out, LL_FREQ_REPEATED, &why);
    } else {
      why = (ll_repeat){.reason = reason_of(kind), .site = up[1], .function = fn};
      consider(out, LL_FREQ_REPEATED, &why);
    }
    return;
  }
  if (ps == ll_js.sym.call_expression && field == ll_js.field.function) {
    // An immediately invoked function runs where it stands.
    consider(out, scope_frequency(f, where, &why), &why);
    return;
  }
  if (ps == ll_js.sym.export_statement ||
      (ps == ll_js.sym.variable_declarator && !ts_node_is_null(up[2]) &&
       ts_node_symbol(up[2]) == ll_js.sym.export_statement) ||
      (ps == ll_js.sym.assignment_expression && field == ll_js.field.right &&
       is_export_target(f, ts_node_child_by_field_id(parent, ll_js.field.left))) ||
      ps == ll_js.sym.export_specifier) {
    why = (ll_repeat){.reason = LL_REPEAT_EXPORTED, .site = parent, .function = fn};
    consider(out, LL_FREQ_REPEATED, &why);
    return;
  }
  if ((ps == ll_js.sym.pair || ps == ll_js.sym.object) && !ts_node_is_null(up[1])) {
    // `module.exports = { handler }` / `{ handler: fn }` exported or registered as a whole.
    TSNode object = ps == ll_js.sym.pair ? up[1] : parent;
    TSNode holder = ps == ll_js.sym.pair ? up[2] : up[1];
    if (ps == ll_js.sym.pair && is_resolver_object(f, up[2])) {
      why = (ll_repeat){.reason = LL_REPEAT_ROUTE, .site = up[2], .function = fn};
      consider(out, LL_FREQ_REPEATED, &why);
      return;
    }
    if (!ts_node_is_null(holder) && ts_node_symbol(holder) == ll_js.sym.assignment_expression &&
        is_export_target(f, ts_node_child_by_field_id(holder, ll_js.field.left))) {
      why = (ll_repeat){.reason = LL_REPEAT_EXPORTED, .site = holder, .function = fn};
      consider(out, LL_FREQ_REPEATED, &why);
    } else if (!ts_node_is_null(holder) && ts_node_symbol(holder) == ll_js.sym.export_statement) {
      why = (ll_repeat){.reason = LL_REPEAT_EXPORTED, .site = holder, .function = fn};
      consider(out, LL_FREQ_REPEATED, &why);
    } else if (!ts_node_is_null(holder) && ts_node_symbol(holder) == ll_js.sym.arguments) {
      // An options object handed to a call: its methods run when that code decides. A route
      // registration's (`server.route({ handler })`) per request; a command's
      // (`yargs.command({ handler })`) once.
      TSNode call = ll_ast_parent_of(holder);
      callback_kind kind = ts_node_is_null(call) ? CB_UNSEEN : classify_call(f, call, holder);
      if (kind == CB_ONCE) {
        why = (ll_repeat){0};
        consider(out, LL_FREQ_ONCE, &why);
      } else {
        why = (ll_repeat){.reason = kind == CB_ROUTE ? LL_REPEAT_ROUTE : LL_REPEAT_CALLBACK,
                          .site = kind == CB_ROUTE ? call : object,
                          .function = fn};
        consider(out, LL_FREQ_REPEATED, &why);
      }
    }
    return;
  }
  if (ps == ll_js.sym.assignment_expression && field == ll_js.field.right) {
    TSNode left = ts_node_child_by_field_id(parent, ll_js.field.left);
    if (ts_node_symbol(left) == ll_js.sym.member_expression) {
      // `proto.method = fn`, `el.onclick = fn`, `server.handler = fn`: whoever holds the object
      // calls it, any number of times.
      why = (ll_repeat){.reason = LL_REPEAT_CALLBACK, .site = parent, .function = fn};
      consider(out, LL_FREQ_REPEATED, &why);
    }
    return;
  }
  if (ps == ll_js.sym.return_statement ||
      (ps == ll_js.sym.arrow_function && field == ll_js.field.body)) {
    why = (ll_repeat){.reason = LL_REPEAT_RETURNED, .site = parent, .function = fn};
    consider(out, LL_FREQ_REPEATED, &why);
  }
}

// The loop without an end condition (`for (;;)`, `while (true)`) around `node` in its function,
// or a null node: a retry or polling loop runs its body any number of times.
static TSNode unbounded_loop_around(const ll_facts *f, TSNode node) {
  for (TSNode up = ll_ast_parent_of(node); !ts_node_is_null(up); up = ll_ast_parent_of(up)) {
    if (ll_ast_is_function(up)) break;
    TSSymbol sym = ts_node_symbol(up);
    if (sym != ll_js.sym.for_statement && sym != ll_js.sym.while_statement &&
        sym != ll_js.sym.do_statement)
      continue;
    TSNode cond = ll_ast_unparenthesized(ts_node_child_by_field_id(up, ll_js.field.condition));
    if (sym == ll_js.sym.for_statement &&
        (ts_node_is_null(cond) || ll_str_eq(text_of(f, cond), ";")))
      return up;
    ll_str text = text_of(f, cond);
    if (ll_str_eq(text, "true") || ll_str_eq(text, "1") || ll_str_eq(text, ";")) return up;
  }
  return (TSNode){.id = NULL};
}

// A call that runs the functions passed to it when something happens later: a listener (for
// one event or many) or a promise callback. (A timer alone makes a timer loop, which the
// frequencies of timer callbacks already tell.)
static bool is_event_call(const ll_facts *f, TSNode call) {
  if (!ll_ast_is(call, ll_js.sym.call_expression)) return false;
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    ll_str name = text_of(f, ts_node_child_by_field_id(callee, ll_js.field.property));
    if (ll_str_eq(name, "then") || ll_str_eq(name, "catch") || ll_str_eq(name, "finally"))
      return true;
  }
  ll_listener_call listener;
  return ll_vocab_listener_call(f->vocab, f->source, call, &listener) &&
         (listener.kind == LL_LISTENER_ADD || listener.kind == LL_LISTENER_ADD_ONCE);
}

// True when `ref`, a use of function `fn`'s binding inside `fn`, has `fn` run again after the
// current run: called, or handed to a timer, from a callback of a listener or a promise that
// `fn` sets up (`ws.on('close', () => setTimeout(connect, 1000))`).
static bool reruns_itself(const ll_facts *f, const ll_scope *fn, const ll_ref *ref) {
  if (!(ref->flags & LL_REF_CALLEE) && ts_node_symbol(ref->parent) != ll_js.sym.arguments)
    return false;
  // `client.on('close', connect)`: handed itself to the event.
  if (!(ref->flags & LL_REF_CALLEE) && is_event_call(f, ref->grandparent)) return true;
  for (const ll_scope *g = ref->from->function; g && g != fn && is_function_scope(g);
       g = g->parent ? g->parent->function : NULL) {
    if (ts_node_is_null(g->context[0])) continue;
    if (ts_node_symbol(g->context[0]) == ll_js.sym.arguments && is_event_call(f, g->context[1]))
      return true;
    // `ws.onclose = () => ...`: an event handler property.
    if (ts_node_symbol(g->context[0]) == ll_js.sym.assignment_expression &&
        g->context_field == ll_js.field.right) {
      TSNode left = ts_node_child_by_field_id(g->context[0], ll_js.field.left);
      ll_str property = ll_ast_is(left, ll_js.sym.member_expression)
                            ? text_of(f, ts_node_child_by_field_id(left, ll_js.field.property))
                            : (ll_str){"", 0};
      if (property.len > 2 && property.ptr[0] == 'o' && property.ptr[1] == 'n') return true;
    }
  }
  return false;
}

// The uses of a function's binding: calls, callbacks, exports.
// `nodemon.on = function (...) { ...; return nodemon; }`: a method of the function `b` that
// returns `b` for chaining hands out nothing its callers did not have already.
static bool returned_by_own_method(const ll_facts *f, const ll_binding *b, const ll_ref *ref) {
  if (ts_node_symbol(ref->parent) != ll_js.sym.return_statement) return false;
  const ll_scope *method = ref->from->function;
  if (method->kind != LL_SCOPE_FUNCTION || method->context_field != ll_js.field.right ||
      ts_node_symbol(method->context[0]) != ll_js.sym.assignment_expression)
    return false;
  TSNode left = ts_node_child_by_field_id(method->context[0], ll_js.field.left);
  if (ts_node_symbol(left) != ll_js.sym.member_expression) return false;
  const ll_ref *object = ll_facts_ref_at(f, ts_node_child_by_field_id(left, ll_js.field.object));
  return object && object->target == b;
}

static void classify_binding(const ll_facts *f, const ll_binding *b, const ll_scope *fn,
                             use_outcome *out) {
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (ll_scope_is_within(ref->from, fn)) {
      // A recursive call adds nothing, but a function that has itself called again later, from
      // a listener or a timer it sets up (a reconnect, a retry), runs again and again.
      if (reruns_itself(f, fn, ref)) {
        ll_repeat why = {.reason = LL_REPEAT_RERUN, .site = ref->id, .function = fn};
        consider(out, LL_FREQ_REPEATED, &why);
      }
      continue;
    }
    bool constructed =
        ll_ast_is(ref->parent, ll_js.sym.new_expression) && ref->field == ll_js.field.constructor;
    if ((ref->flags & LL_REF_CALLEE) || constructed) {
      // A direct call (or `new`) inherits the caller's frequency.
      ll_repeat why;
      ll_frequency freq = scope_frequency(f, ref->from, &why);
      TSNode retry;
      if (freq == LL_FREQ_ONCE && (ref->flags & LL_REF_IN_LOOP) &&
          !ts_node_is_null(retry = unbounded_loop_around(f, ref->id))) {
        // `for (;;) { try { await start(); return; } catch { ... } }`: a retry loop runs the
        // start-up code again after each failure.
        why = (ll_repeat){.reason = LL_REPEAT_RERUN, .site = retry, .function = fn};
        consider(out, LL_FREQ_REPEATED, &why);
        continue;
      }
      if (freq == LL_FREQ_REPEATED) {
        const ll_scope *caller = ref->from->function;
        why = (ll_repeat){
            .reason = LL_REPEAT_CALLED, .site = ref->parent, .via = caller, .function = fn};
      }
      consider(out, freq, &why);
      continue;
    }
    if (returned_by_own_method(f, b, ref)) continue;
    TSNode up[4] = {ref->parent, ref->grandparent, {.id = NULL}, {.id = NULL}};
    // Only `{ handler: fn }` and `const x = fn` (as part of what holds them) look one level
    // further up; ts_node_parent walks down from the root, so it is asked only then.
    TSSymbol ps = ts_node_symbol(ref->parent);
    if (!ts_node_is_null(ref->grandparent) &&
        (ps == ll_js.sym.pair || ps == ll_js.sym.variable_declarator))
      up[2] = ll_ast_parent_of(ref->grandparent);
    classify_value(f, up, ref->field, ref->from, fn, b, fn->node, out);
  }
}

// The name a function is declared or defined with: `function init`, `init() {}`, `const init =`,
// `exports.init =`; empty when it has none.
static ll_str declared_name(const ll_facts *f, const ll_scope *fn) {
  TSNode name = ts_node_child_by_field_id(fn->node, ll_js.field.name);
  if (!ts_node_is_null(name) && ts_node_symbol(name) != ll_js.sym.computed_property_name)
    return text_of(f, name);
  const ll_binding *self = ll_facts_function_binding(f, fn);
  if (self) return self->name;
  TSNode parent = fn->context[0];
  if (fn->context_field == ll_js.field.right &&
      ts_node_symbol(parent) == ll_js.sym.assignment_expression) {
    TSNode left = ts_node_child_by_field_id(parent, ll_js.field.left);
    if (ts_node_symbol(left) == ll_js.sym.member_expression)
      return text_of(f, ts_node_child_by_field_id(left, ll_js.field.property));
  }
  // `{ init: function () {} }`
  if (fn->context_field == ll_js.field.value && ts_node_symbol(parent) == ll_js.sym.pair) {
    TSNode key = ts_node_child_by_field_id(parent, ll_js.field.key);
    if (ll_ast_is(key, ll_js.sym.property_identifier)) return text_of(f, key);
  }
  return (ll_str){"", 0};
}

// ---------------------------------------------------------------------------------------------
// Classes with one instance

// The binding a class is known by: its declared name, or the variable a class expression
// initializes (`const Store = class {}`).
static const ll_binding *binding_of_class(const ll_facts *f, const ll_scope *cls) {
  TSNode name = {.id = NULL};
  if (ts_node_symbol(cls->node) == ll_js.sym.class_declaration)
    name = ts_node_child_by_field_id(cls->node, ll_js.field.name);
  else if (ts_node_symbol(cls->context[0]) == ll_js.sym.variable_declarator &&
           cls->context_field == ll_js.field.value)
    name = ts_node_child_by_field_id(cls->context[0], ll_js.field.name);
  if (ts_node_is_null(name) || ts_node_symbol(name) != ll_js.sym.identifier) return NULL;
  return ll_scope_lookup(f->model, cls->parent, text_of(f, name));
}

static bool is_top_level(const ll_scope *scope) {
  return scope->function->kind == LL_SCOPE_GLOBAL || scope->function->kind == LL_SCOPE_MODULE;
}

// The `new` that makes the only instance of the class `cls`, or a null node. A class defined at
// the top level whose one use outside its own body is a `new` in top-level code outside any loop
// (`module.exports = new Store()`, `export default new (class { ... })()`) has exactly one
// instance, made at start-up: its instance state lives as long as the module, like a top-level
// variable, and its constructor runs once. Any other use (exported, extended, passed, made in a
// function, a factory method inside the class) may make more instances.
static TSNode only_instance_of(const ll_facts *f, const ll_scope *cls) {
  TSNode none = {.id = NULL};
  if (!is_top_level(cls->parent)) return none;
  if (ts_node_symbol(cls->context[0]) == ll_js.sym.new_expression &&
      cls->context_field == ll_js.field.constructor)
    return cls->loop_depth == 0 ? cls->context[0] : none; // `new (class { ... })()`
  if (ts_node_symbol(cls->context[0]) == ll_js.sym.export_statement) return none;
  const ll_binding *b = binding_of_class(f, cls);
  if (!b) return none;
  TSNode instance = none;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    bool is_new = ts_node_symbol(ref->parent) == ll_js.sym.new_expression &&
                  ref->field == ll_js.field.constructor;
    if (ll_scope_is_within(ref->from, cls)) {
      if (is_new) return none; // `static create() { return new Store(); }`
      continue;                // `Store.defaults`, `instanceof Store`
    }
    if (!is_new || !ts_node_is_null(instance) || !is_top_level(ref->from) ||
        (ref->flags & LL_REF_IN_LOOP))
      return none;
    instance = ref->parent;
  }
  return instance;
}

static void find_singletons(ll_facts *f, ll_arena *arena) {
  for (uint32_t i = 0; i < f->model->n_scopes; i++) {
    const ll_scope *s = f->model->scopes[i];
    if (s->kind != LL_SCOPE_CLASS) continue;
    TSNode instance = only_instance_of(f, s);
    if (ts_node_is_null(instance)) continue;
    TSNode *kept = ll_arena_alloc(arena, sizeof *kept);
    *kept = instance;
    f->fns[i].only_instance = kept;
  }
}

const TSNode *ll_facts_only_instance(const ll_facts *f, const ll_scope *cls) {
  return cls && cls->kind == LL_SCOPE_CLASS ? f->fns[cls->index].only_instance : NULL;
}

// The constructor or an instance field's initializer of a class with one instance.
static bool runs_for_the_only_instance(const ll_facts *f, const ll_scope *fn) {
  const ll_scope *cls = fn->parent;
  if (!cls || cls->kind != LL_SCOPE_CLASS || !f->fns[cls->index].only_instance) return false;
  if (fn->kind == LL_SCOPE_CLASS_FIELD) return true;
  if (ts_node_symbol(fn->node) != ll_js.sym.method_definition ||
      ll_facts_is_static_member(fn->node))
    return false;
  return ll_str_eq(text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name)),
                   "constructor");
}

// True when `name` occurs after a `.` in `node`'s text: `this.start()`, `self.start`.
static bool mentions_member(const ll_facts *f, TSNode node, ll_str name) {
  ll_str text = text_of(f, node);
  // memmem leaps to each place the name is written: asked for every method of a class, a scan
  // of the class byte by byte was a hot spot of the facts.
  for (uint32_t i = 0; i + 1 + name.len <= text.len; i++) {
    const char *at = memmem(text.ptr + i + 1, text.len - i - 1, name.ptr, name.len);
    if (!at) return false;
    i = (uint32_t)(at - text.ptr) - 1;
    if (text.ptr[i] != '.') continue;
    char after = i + 1 + name.len < text.len ? text.ptr[i + 1 + name.len] : ' ';
    if (!((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
          (after >= '0' && after <= '9') || after == '_' || after == '$'))
      return true;
  }
  return false;
}

// A method of a class whose only instance a top-level variable holds (`const scheduler = new
// Scheduler(); scheduler.start();`) is called only where that variable is: its frequency is
// theirs (start-up code calls `start()` once). False, and nothing is known, when the instance
// is used otherwise (passed, exported, its method handed out) or the class calls the method
// itself (`this.start()` from a listener), since then the file does not show every call.
static bool instance_method_frequency(const ll_facts *f, const ll_scope *fn, use_outcome *out) {
  const ll_scope *cls = fn->parent;
  if (!cls || cls->kind != LL_SCOPE_CLASS || !f->fns[cls->index].only_instance) return false;
  TSNode instance = *f->fns[cls->index].only_instance;
  TSNode declarator = ll_ast_parent(&instance);
  if (!ll_ast_is(declarator, ll_js.sym.variable_declarator)) return false;
  TSNode name = ts_node_child_by_field_id(declarator, ll_js.field.name);
  if (!ll_ast_is(name, ll_js.sym.identifier)) return false;
  const ll_binding *held = ll_scope_lookup(f->model, cls->parent, text_of(f, name));
  ll_str method = text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name));
  if (!held || !method.len || mentions_member(f, cls->node, method)) return false;
  bool called = false;
  for (const ll_ref *ref = held->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue; // its declaration
    if (ts_node_symbol(ref->parent) != ll_js.sym.member_expression ||
        ref->field != ll_js.field.object)
      return false; // handed on: callers the file does not see
    ll_str property = text_of(f, ts_node_child_by_field_id(ref->parent, ll_js.field.property));
    if (property.len != method.len || memcmp(property.ptr, method.ptr, method.len) != 0) continue;
    if (ts_node_symbol(ref->grandparent) != ll_js.sym.call_expression ||
        !ts_node_eq(ts_node_child_by_field_id(ref->grandparent, ll_js.field.function), ref->parent))
      return false; // `setTimeout(scheduler.start)`
    ll_repeat why;
    ll_frequency freq = scope_frequency(f, ref->from, &why);
    if (freq == LL_FREQ_REPEATED)
      why = (ll_repeat){.reason = LL_REPEAT_CALLED,
                        .site = ref->grandparent,
                        .via = ref->from->function,
                        .function = fn};
    consider(out, freq, &why);
    called = true;
  }
  return called;
}

// The calls of the private method `fn` (named `_flush` or `#flush`, which by convention or by the
// language only its class calls), when every mention of it in its class is such a call on
// `this`, in a method of the class or an arrow inside one. Stored in `fx`; false when the class
// uses it otherwise (hands it on as a callback, binds it), or it is not private.
static bool private_calls_of(const ll_facts *f, const ll_scope *fn, fn_facts *fx) {
  if (fx->private_known) return fx->private_calls != NULL;
  fx->private_known = true;
  const ll_scope *cls = fn->parent;
  ll_str method = text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name));
  if (!cls || method.len < 2 || (method.ptr[0] != '_' && method.ptr[0] != '#')) return false;
  ll_str text = text_of(f, cls->node);
  uint32_t base = ts_node_start_byte(cls->node), n = 0, cap = 0;
  private_call *calls = NULL;
  for (uint32_t i = 0; i + 1 + method.len <= text.len; i++) {
    // memmem leaps to each place the name is written, as in mentions_member.
    const char *hit = memmem(text.ptr + i + 1, text.len - i - 1, method.ptr, method.len);
    if (!hit) break;
    i = (uint32_t)(hit - text.ptr) - 1;
    if (text.ptr[i] != '.') continue;
    char after = i + 1 + method.len < text.len ? text.ptr[i + 1 + method.len] : ' ';
    if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
        (after >= '0' && after <= '9') || after == '_' || after == '$')
      continue;
    uint32_t at = base + i + 1;
    TSNode property = ts_node_descendant_for_byte_range(cls->node, at, at + method.len);
    TSNode member = ll_ast_parent_of(property), call = ll_ast_parent_of(member);
    if (ts_node_symbol(member) != ll_js.sym.member_expression ||
        ts_node_symbol(ts_node_child_by_field_id(member, ll_js.field.object)) != ll_js.sym.this ||
        ts_node_symbol(call) != ll_js.sym.call_expression ||
        !ts_node_eq(ts_node_child_by_field_id(call, ll_js.field.function), member))
      return false; // `this._flush` handed on, `other._flush()`: callers the class does not show
    // `this` is the instance in the class's methods and in arrows inside them.
    const ll_scope *from = ll_scope_at(f->model, at);
    const ll_scope *method_scope = from->function;
    while (method_scope->kind == LL_SCOPE_FUNCTION && (method_scope->flags & LL_SCOPE_ARROW) &&
           method_scope->parent)
      method_scope = method_scope->parent->function;
    if (method_scope->parent != cls) return false;
    if (n == cap) {
      cap = cap ? cap * 2 : 4;
      calls = ll_arena_grow(f->arena, calls, n, cap, sizeof *calls);
    }
    calls[n++] = (private_call){call, from};
  }
  fx->private_calls = calls;
  fx->n_private_calls = n;
  return calls != NULL;
}

// `new OrderView(res)` in a route handler: the class's constructor runs per request. Only a
// repetition the file shows counts; other `new`s leave the class member's guess.
static bool constructed_repeatedly(const ll_facts *f, const ll_scope *fn, use_outcome *out) {
  if (!ll_str_eq(text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name)), "constructor"))
    return false;
  const ll_binding *b = binding_of_class(f, fn->parent);
  bool found = false;
  for (const ll_ref *ref = b ? b->refs : NULL; ref; ref = ref->next_of_binding) {
    if (ts_node_symbol(ref->parent) != ll_js.sym.new_expression ||
        ref->field != ll_js.field.constructor)
      continue;
    ll_repeat why;
    if (scope_frequency(f, ref->from, &why) != LL_FREQ_REPEATED ||
        ll_facts_repeat_confidence(f, &why) != LL_CONFIDENCE_HIGH)
      continue;
    why = (ll_repeat){.reason = LL_REPEAT_CALLED,
                      .site = ref->parent,
                      .via = ref->from->function,
                      .function = fn};
    consider(out, LL_FREQ_REPEATED, &why);
    found = true;
  }
  return found;
}

// A private method the class alone calls runs as often as the code that calls it.
static bool private_method_frequency(const ll_facts *f, const ll_scope *fn, use_outcome *out) {
  fn_facts *fx = &f->fns[fn->index];
  if (!private_calls_of(f, fn, fx)) return false;
  for (uint32_t i = 0; i < fx->n_private_calls; i++) {
    const private_call *call = &fx->private_calls[i];
    ll_repeat why;
    ll_frequency freq = scope_frequency(f, call->from, &why);
    if (freq == LL_FREQ_REPEATED)
      why = (ll_repeat){.reason = LL_REPEAT_CALLED,
                        .site = call->call,
                        .via = call->from->function,
                        .function = fn};
    consider(out, freq, &why);
  }
  return true;
}

// Parameters that start-up code takes: settings, the program's arguments, the server or app it
// wires, a completion callback. A `start(peer)` or `init(label)` takes per-call data instead.
static bool is_setting_name(ll_str name) {
  while (name.len && name.ptr[0] == '_') // `_userSettings`: a name kept free for the module's own
    name.ptr++, name.len--;
  static const char *const settings[] = {
      "options", "opts", "config",  "conf",       "cfg",      "settings", "userSettings",
      "argv",    "args", "program", "cmd",        "command",  "env",      "port",
      "host",    "app",  "server",  "httpServer", "runtime",  "callback", "cb",
      "done",    "next", "RED",     "api",        "adminApi", "context",  "userSettings"};
  for (size_t i = 0; i < sizeof settings / sizeof *settings; i++)
    if (ll_str_eq(name, settings[i])) return true;
  return false;
}

// A method of a class named as a server or a daemon (`class NodeRecordServer`, `HttpDaemon`,
// `SyncService`): its `run()` is how the process starts it, like `start()`.
static bool in_server_class(const ll_facts *f, const ll_scope *fn) {
  if (!fn->parent || fn->parent->kind != LL_SCOPE_CLASS) return false;
  TSNode name = ts_node_child_by_field_id(fn->parent->node, ll_js.field.name);
  if (ts_node_is_null(name) &&
      ts_node_symbol(fn->parent->context[0]) == ll_js.sym.variable_declarator)
    name = ts_node_child_by_field_id(fn->parent->context[0], ll_js.field.name);
  if (ts_node_is_null(name)) return false;
  ll_str text = text_of(f, name);
  static const char *const kinds[] = {"Server", "Daemon", "Service"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    size_t len = strlen(kinds[i]);
    if (text.len >= len && !memcmp(text.ptr + text.len - len, kinds[i], len)) return true;
  }
  return false;
}

// A function named like start-up code whose parameters are all settings (`start()`,
// `init(config)`, `bootstrap(app, options)`), or a command-line entry (`run_cli`, `runCli`, or
// one that takes the process's `argv`).
// A parameter that defaults to an object literal (`init(plugins = {})`, `start({ port } = {})`):
// a bag of options its caller may leave out, as settings are, never a request or an event.
static bool is_options_bag(TSNode param) {
  return ll_ast_is(param, ll_js.sym.assignment_pattern) &&
         ll_ast_is(ll_ast_unparenthesized(ts_node_child_by_field_id(param, ll_js.field.right)),
                   ll_js.sym.object);
}

static bool looks_like_startup(const ll_facts *f, const ll_scope *fn) {
  TSNode params = ts_node_child_by_field_id(fn->node, ll_js.field.parameters);
  uint32_t n = 1;
  TSNode first = ts_node_child_by_field_id(fn->node, ll_js.field.parameter);
  if (!ts_node_is_null(params)) {
    n = ts_node_named_child_count(params);
    first = ts_node_named_child(params, 0);
  }
  if (ll_ast_is(first, ll_js.sym.identifier) && ll_str_eq(text_of(f, first), "argv")) return true;
  ll_str name = declared_name(f, fn);
  // `run_cli`, `runCli`, `cli`: a command-line entry, whatever it is handed.
  if (name.len >= 3 &&
      (!memcmp(name.ptr + name.len - 3, "cli", 3) || !memcmp(name.ptr + name.len - 3, "Cli", 3) ||
       !memcmp(name.ptr + name.len - 3, "CLI", 3)) &&
      (name.len == 3 || name.ptr[name.len - 4] == '_' || name.ptr[name.len - 3] != 'c'))
    return true;
  if (!ll_vocab_is_startup_name(name) && !ll_vocab_is_startup_hook_name(name) &&
      !(ll_str_eq(name, "run") && in_server_class(f, fn)))
    return false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_is_null(params) ? first : ts_node_named_child(params, i);
    if (ts_node_is_null(p) || is_options_bag(p)) continue;
    if (!ll_ast_is(p, ll_js.sym.identifier) || !is_setting_name(text_of(f, p))) return false;
  }
  return true;
}

static void classify(ll_facts *f, const ll_scope *fn, fn_facts *fx, bool *changed) {
  if (fx->decided) return;
  use_outcome out = {.facts = f};
  TSSymbol sym = ts_node_symbol(fn->node);
  if (f->vocab->lists[LL_VOCAB_RUNS_ONCE].n && fn->kind == LL_SCOPE_FUNCTION &&
      ll_vocab_name_runs_once(f->vocab, f->source, declared_name(f, fn))) {
    // A start-up function the project names (`main`, `bootstrap`): runs once, however it is
    // exported or called.
    fx->freq = LL_FREQ_ONCE;
    fx->why = (ll_repeat){0};
    fx->decided = true;
    *changed = true;
    return;
  }
  ll_lifecycle life;
  if (!fx->lifecycle) fx->lifecycle = ll_lifecycle_of(f->source, fn, &life) && life.mounts ? 2 : 1;
  if (fx->lifecycle == 2) {
    // A component's set-up hook or effect: runs each time the component mounts (an effect, as
    // its dependencies say), and components mount many times.
    fx->freq = LL_FREQ_REPEATED;
    fx->why = (ll_repeat){.reason = LL_REPEAT_EFFECT, .site = fn->node, .function = fn};
    fx->decided = true;
    *changed = true;
    return;
  }
  if (fn->kind == LL_SCOPE_STATIC_BLOCK ||
      (fn->kind == LL_SCOPE_CLASS_FIELD && ll_facts_is_static_member(fn->node))) {
    // Runs when the class is defined.
    out.freq = scope_frequency(f, fn->parent, &out.why);
  } else if (runs_for_the_only_instance(f, fn)) {
    // The constructor and field initializers of a class made once at start-up run once.
    fx->freq = LL_FREQ_ONCE;
    fx->why = (ll_repeat){0};
    fx->decided = true;
    *changed = true;
    return;
  } else if (fn->kind == LL_SCOPE_CLASS_FIELD) {
    out.freq = LL_FREQ_REPEATED;
    out.why = (ll_repeat){.reason = LL_REPEAT_CLASS_MEMBER, .site = fn->node, .function = fn};
    fx->decided = true;
  } else if (sym == ll_js.sym.method_definition &&
             ts_node_symbol(fn->context[0]) == ll_js.sym.class_body) {
    if (ll_facts_is_static_member(fn->node) ||
        (!instance_method_frequency(f, fn, &out) && !private_method_frequency(f, fn, &out) &&
         !constructed_repeatedly(f, fn, &out))) {
      out.freq = LL_FREQ_REPEATED;
      out.why = (ll_repeat){.reason = LL_REPEAT_CLASS_MEMBER, .site = fn->node, .function = fn};
      fx->decided = true;
    }
  } else {
    const ll_binding *self = ll_facts_function_binding(f, fn);
    if (sym == ll_js.sym.method_definition) {
      // An object literal's method: used the way the object is.
      classify_value(f, fn->context, fn->context_field, fn->parent, fn, self, fn->node, &out);
      if (out.freq == LL_FREQ_UNKNOWN) {
        out.freq = LL_FREQ_REPEATED;
        out.why = (ll_repeat){.reason = LL_REPEAT_CALLBACK, .site = fn->context[0], .function = fn};
      }
    } else if (sym == ll_js.sym.function_declaration ||
               sym == ll_js.sym.generator_function_declaration) {
      if (ts_node_symbol(fn->context[0]) == ll_js.sym.export_statement) {
        out.freq = LL_FREQ_REPEATED;
        out.why = (ll_repeat){.reason = LL_REPEAT_EXPORTED, .site = fn->context[0], .function = fn};
      }
    } else {
      classify_value(f, fn->context, fn->context_field, fn->parent, fn, self, fn->node, &out);
    }
    if (self && out.freq != LL_FREQ_REPEATED) classify_binding(f, self, fn, &out);
  }
  raise(f, fx, out.freq, &out.why, changed);
  // Repeated is the top of the order: the frequency cannot change any more (only a guessed
  // reason may yet give way to one the file shows: see ll_facts_build).
  if (fx->freq == LL_FREQ_REPEATED) fx->decided = true;
}

ll_facts *ll_facts_build(ll_arena *arena, const ll_source *source, const ll_scope_model *model,
                         const ll_vocab *vocab) {
  ll_facts *f = ll_arena_alloc(arena, sizeof *f);
  f->arena = arena;
  f->source = source;
  f->model = model;
  f->vocab = vocab;
  f->fns = ll_arena_alloc(arena, (model->n_scopes + 1) * sizeof *f->fns);
  f->ref_starts = ll_arena_alloc(arena, (model->n_refs + 1) * sizeof *f->ref_starts);
  for (uint32_t i = 0; i < model->n_refs; i++)
    f->ref_starts[i] = ts_node_start_byte(model->refs[i].id);
  find_singletons(f, arena);
  // Scopes are in pre-order, so an inner callback sees its outer function's frequency in the
  // same pass; calls across the file may need a few more passes.
  bool changed = true;
  for (int pass = 0; changed && pass < 64; pass++) {
    changed = false;
    for (uint32_t i = 0; i < model->n_scopes; i++) {
      const ll_scope *s = model->scopes[i];
      if (is_function_scope(s) && s->depth < 4096) classify(f, s, &f->fns[i], &changed);
    }
  }
  // A repetition decided on a guess (exported, handed to unseen code) in an early pass may have a
  // reason the file shows, found once other functions were decided (`server.close(start)` in a
  // watcher that a later scope registers): look again at those, a few times at most.
  changed = true;
  for (int pass = 0; changed && pass < 4; pass++) {
    changed = false;
    for (uint32_t i = 0; i < model->n_scopes; i++) {
      const ll_scope *s = model->scopes[i];
      fn_facts *fx = &f->fns[i];
      if (!is_function_scope(s) || s->depth >= 4096 || fx->freq != LL_FREQ_REPEATED ||
          ll_facts_repeat_confidence(f, &fx->why) == LL_CONFIDENCE_HIGH)
        continue;
      fx->decided = false;
      classify(f, s, fx, &changed);
      fx->decided = true;
    }
  }
  return f;
}

const ll_scope_model *ll_facts_model(const ll_facts *f) {
  return f->model;
}

const ll_vocab *ll_facts_vocab(const ll_facts *f) {
  return f->vocab;
}

const ll_source *ll_facts_source(const ll_facts *f) {
  return f->source;
}

ll_frequency ll_facts_frequency(const ll_facts *f, const ll_scope *scope, ll_repeat *why) {
  return scope_frequency(f, scope, why);
}

// The name of parameter `i` of function scope `fn`, when it is a plain identifier.
static ll_str param_name(const ll_facts *f, const ll_scope *fn, uint32_t i) {
  TSNode params = ts_node_child_by_field_id(fn->node, ll_js.field.parameters);
  if (ts_node_is_null(params)) {
    TSNode single = ts_node_child_by_field_id(fn->node, ll_js.field.parameter);
    return i == 0 && !ts_node_is_null(single) ? text_of(f, single) : (ll_str){"", 0};
  }
  TSNode p = ts_node_named_child(params, i);
  return ll_ast_is(p, ll_js.sym.identifier) ? text_of(f, p) : (ll_str){"", 0};
}

static bool name_is(ll_str name, const char *const *names) {
  for (; *names; names++)
    if (ll_str_eq(name, *names)) return true;
  return false;
}

// `(req, res)`, `(req, res, next)`, `(err, req, res, next)`, `(request, reply)`, `(ctx, next)`:
// the signatures of Express, Fastify, Hapi and Koa handlers and middleware.
static bool is_handler_shaped(const ll_facts *f, const ll_scope *fn) {
  if (!fn || fn->kind != LL_SCOPE_FUNCTION) return false;
  static const char *const requests[] = {"req", "request", NULL};
  static const char *const responses[] = {"res", "response", "reply", "h", NULL};
  ll_str first = param_name(f, fn, 0), second = param_name(f, fn, 1);
  if (ll_str_eq(first, "err") || ll_str_eq(first, "error")) {
    first = second;
    second = param_name(f, fn, 2);
  }
  if (name_is(first, requests) && name_is(second, responses)) return true;
  if (ll_str_eq(first, "ctx") && ll_str_eq(second, "next")) return true;
  // `exports.handler = async (event, context) => ...`: a serverless function, run per
  // invocation by a warm container.
  return ll_str_eq(declared_name(f, fn), "handler");
}

// The shape facts of function scope `fn`, computed the first time they are asked. (The facts are
// built by one thread and read-only afterwards; this cache is filled while they are built or by
// the thread analysing the file, which alone sees them.)
static const fn_facts *shape_of(const ll_facts *f, const ll_scope *fn) {
  fn_facts *fx = &f->fns[fn->index];
  if (!fx->shape_known) {
    fx->handler_shaped = is_handler_shaped(f, fn);
    fx->startup_shaped = fn->kind == LL_SCOPE_FUNCTION && looks_like_startup(f, fn);
    fx->shape_known = true;
  }
  return fx;
}

bool ll_facts_is_handler_shaped(const ll_facts *f, const ll_scope *fn) {
  return is_function_scope(fn) && shape_of(f, fn)->handler_shaped;
}

ll_confidence ll_facts_repeat_confidence(const ll_facts *f, const ll_repeat *why) {
  ll_repeat at = *why;
  for (int hops = 0; hops < 32; hops++) {
    switch (at.reason) {
      case LL_REPEAT_CALLED:
        // As sure as the code that calls it.
        if (!at.via || !is_function_scope(at.via)) return LL_CONFIDENCE_HIGH;
        at = f->fns[at.via->index].why;
        continue;
      case LL_REPEAT_EXPORTED:
      case LL_REPEAT_CALLBACK:
      case LL_REPEAT_RETURNED:
      case LL_REPEAT_CLASS_MEMBER:
        return at.function && shape_of(f, at.function)->handler_shaped ? LL_CONFIDENCE_HIGH
                                                                       : LL_CONFIDENCE_MEDIUM;
      default:
        return LL_CONFIDENCE_HIGH;
    }
  }
  return LL_CONFIDENCE_MEDIUM;
}

// The name under which `fn` leaves the file at the export `site`: "default" for the module
// itself (`module.exports = fn`, `export default`), else the exported name.
static ll_str export_name(const ll_facts *f, TSNode site, const ll_scope *fn) {
  static const ll_str module = {"default", 7};
  TSSymbol sym = ts_node_symbol(site);
  if (sym == ll_js.sym.export_statement) {
    uint32_t n = ts_node_child_count(site);
    for (uint32_t i = 0; i < n; i++)
      if (!strcmp(ts_node_type(ts_node_child(site, i)), "default")) return module;
  } else if (sym == ll_js.sym.export_specifier) {
    TSNode alias = ts_node_child_by_field_id(site, ll_js.field.alias);
    return text_of(f, ts_node_is_null(alias) ? ts_node_child_by_field_id(site, ll_js.field.name)
                                             : alias);
  } else if (sym == ll_js.sym.assignment_expression) {
    TSNode left = ll_ast_unparenthesized(ts_node_child_by_field_id(site, ll_js.field.left));
    // `module.exports = fn` (not `module.exports = { fn }`, whose entries keep their names), or
    // the name `fn` is declared with
    TSNode right = ll_ast_unparenthesized(ts_node_child_by_field_id(site, ll_js.field.right));
    if (ll_str_eq(text_of(f, left), "module.exports") &&
        (ts_node_eq(right, fn->node) ||
         (ts_node_symbol(right) == ll_js.sym.identifier && ll_facts_ref_at(f, right) &&
          ll_facts_ref_at(f, right)->target == ll_facts_function_binding(f, fn))))
      return module;
    if (ts_node_symbol(left) == ll_js.sym.member_expression &&
        !ll_str_eq(text_of(f, left), "module.exports"))
      return text_of(f, ts_node_child_by_field_id(left, ll_js.field.property));
  }
  return declared_name(f, fn);
}

// The name under which the class scope `cls` leaves the file (`module.exports = Server` and
// `export default class` give "default"; `exports.Server = Server`, `module.exports = { Server }`
// and `export class Server` give "Server"), or an empty slice.
static ll_str class_export_name(const ll_facts *f, const ll_scope *cls) {
  static const ll_str module = {"default", 7}, none = {"", 0};
  TSNode decl = cls->node;
  if (ts_node_symbol(cls->context[0]) == ll_js.sym.export_statement) {
    uint32_t n = ts_node_child_count(cls->context[0]);
    for (uint32_t i = 0; i < n; i++)
      if (!strcmp(ts_node_type(ts_node_child(cls->context[0], i)), "default")) return module;
    TSNode name = ts_node_child_by_field_id(decl, ll_js.field.name);
    return ts_node_is_null(name) ? none : text_of(f, name);
  }
  // `module.exports = class Pusher {}`, `exports.Pusher = class {}`
  if (ts_node_symbol(cls->context[0]) == ll_js.sym.assignment_expression &&
      cls->context_field == ll_js.field.right) {
    TSNode left = ts_node_child_by_field_id(cls->context[0], ll_js.field.left);
    if (ll_str_eq(text_of(f, left), "module.exports")) return module;
    if (is_export_target(f, left) && ts_node_symbol(left) == ll_js.sym.member_expression)
      return text_of(f, ts_node_child_by_field_id(left, ll_js.field.property));
  }
  const ll_binding *b = binding_of_class(f, cls);
  if (!b) return none;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    TSSymbol ps = ts_node_symbol(ref->parent);
    if (ps == ll_js.sym.assignment_expression && ref->field == ll_js.field.right) {
      TSNode left = ts_node_child_by_field_id(ref->parent, ll_js.field.left);
      if (ll_str_eq(text_of(f, left), "module.exports")) return module;
      if (is_export_target(f, left) && ts_node_symbol(left) == ll_js.sym.member_expression)
        return text_of(f, ts_node_child_by_field_id(left, ll_js.field.property));
    } else if (ps == ll_js.sym.object &&
               ts_node_symbol(ref->id) == ll_js.sym.shorthand_property_identifier) {
      // `module.exports = { Server }`
      TSNode holder = ref->grandparent;
      if (ts_node_symbol(holder) == ll_js.sym.assignment_expression &&
          is_export_target(f, ts_node_child_by_field_id(holder, ll_js.field.left)))
        return b->name;
    } else if (ps == ll_js.sym.pair && ref->field == ll_js.field.value) {
      // `module.exports = { Cache: Cache }`
      TSNode holder = ll_ast_parent_of(ref->grandparent);
      if (ts_node_symbol(holder) == ll_js.sym.assignment_expression &&
          is_export_target(f, ts_node_child_by_field_id(holder, ll_js.field.left)))
        return text_of(f, ts_node_child_by_field_id(ref->parent, ll_js.field.key));
    } else if (ps == ll_js.sym.export_specifier) {
      TSNode alias = ts_node_child_by_field_id(ref->parent, ll_js.field.alias);
      return ts_node_is_null(alias) ? b->name : text_of(f, alias);
    }
  }
  return none;
}

ll_str ll_facts_class_export_name(const ll_facts *f, const ll_scope *cls) {
  return class_export_name(f, cls);
}

const char *ll_facts_export_root(const ll_facts *f, const ll_repeat *why, ll_arena *arena) {
  ll_repeat at = *why;
  for (int hops = 0; hops < 32 && at.reason == LL_REPEAT_CALLED; hops++) {
    if (!at.via || !is_function_scope(at.via)) return NULL;
    at = f->fns[at.via->index].why;
  }
  if (at.reason == LL_REPEAT_CLASS_MEMBER && at.function && at.function->parent &&
      at.function->parent->kind == LL_SCOPE_CLASS) {
    // A member of an exported class: "Server#run", "default#constructor" (field initializers
    // run with the constructor). Static members are called on the class, not an instance.
    const ll_scope *fn = at.function;
    ll_str cls = class_export_name(f, fn->parent);
    if (!cls.len) return NULL;
    if (ll_facts_is_static_member(fn->node)) {
      // `module.exports = class Handler { static use(client) {} }`: called on the module
      // itself, `Handler.use(client)`, as the module's export "use".
      if (!ll_str_eq(cls, "default") || fn->kind == LL_SCOPE_CLASS_FIELD) return NULL;
      ll_str method = text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name));
      return ll_arena_printf(arena, "%.*s", (int)method.len, method.ptr);
    }
    ll_str method = fn->kind == LL_SCOPE_CLASS_FIELD
                        ? (ll_str){"constructor", 11}
                        : text_of(f, ts_node_child_by_field_id(fn->node, ll_js.field.name));
    return ll_arena_printf(arena, "%.*s#%.*s", (int)cls.len, cls.ptr, (int)method.len, method.ptr);
  }
  if (at.reason != LL_REPEAT_EXPORTED || !at.function || ts_node_is_null(at.site)) return NULL;
  ll_str name = export_name(f, at.site, at.function);
  if (!name.len) return NULL;
  return ll_arena_printf(arena, "%.*s", (int)name.len, name.ptr);
}

bool ll_facts_is_iteration_callback(const ll_facts *f, const ll_scope *fn) {
  static const char *const array_iterators[] = {
      "forEach", "map",  "flatMap",   "filter",   "reduce",        "reduceRight", "some",
      "every",   "find", "findIndex", "findLast", "findLastIndex", NULL};
  if (fn->kind != LL_SCOPE_FUNCTION || !ll_ast_is(fn->context[0], ll_js.sym.arguments) ||
      !ll_ast_is(fn->context[1], ll_js.sym.call_expression))
    return false;
  TSNode callee = ts_node_child_by_field_id(fn->context[1], ll_js.field.function);
  bool iterates = false;
  if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    ll_str method = text_of(f, ts_node_child_by_field_id(callee, ll_js.field.property));
    for (const char *const *name = array_iterators; *name && !iterates; name++)
      iterates = ll_str_eq(method, *name);
    iterates = iterates || is_iteration_function(method);
  } else if (ll_ast_is(callee, ll_js.sym.identifier)) {
    // `eachLimit(items, 2, fn)`, imported or required as such, not a local of that name
    const ll_ref *ref = ll_facts_ref_at(f, callee);
    iterates = is_iteration_function(text_of(f, callee)) &&
               (!ref || !ref->target || ref->target->kind == LL_BIND_IMPORT ||
                is_required(f, ref->target));
  }
  if (!iterates) return false;
  // The iteratee is the first function handed over; a later one (async's final callback) runs
  // once, when the iteration is done.
  TSNode args = fn->context[0];
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode arg = ll_ast_unparenthesized(ts_node_named_child(args, i));
    if (ll_ast_is_function(arg)) return ts_node_eq(arg, fn->node);
  }
  return false;
}

bool ll_facts_callback_site(const ll_facts *f, const ll_repeat *why, TSNode *call,
                            uint32_t *argument) {
  ll_repeat at = *why;
  for (int hops = 0; hops < 32 && at.reason == LL_REPEAT_CALLED; hops++) {
    if (!at.via || !is_function_scope(at.via)) return false;
    at = f->fns[at.via->index].why;
  }
  if (at.reason != LL_REPEAT_CALLBACK || !at.function ||
      ts_node_symbol(at.site) != ll_js.sym.call_expression)
    return false;
  TSNode args = ts_node_child_by_field_id(at.site, ll_js.field.arguments);
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++)
    if (ts_node_eq(ll_ast_unparenthesized(ts_node_named_child(args, i)), at.function->node)) {
      *call = at.site;
      *argument = i;
      return true;
    }
  return false;
}

ll_frequency ll_facts_use_frequency(const ll_facts *f, const ll_ref *ref, ll_repeat *why) {
  TSNode up[4] = {ref->parent, ref->grandparent, {.id = NULL}, {.id = NULL}};
  TSSymbol ps = ts_node_symbol(ref->parent);
  if (!ts_node_is_null(ref->grandparent) &&
      (ps == ll_js.sym.pair || ps == ll_js.sym.variable_declarator))
    up[2] = ll_ast_parent_of(ref->grandparent);
  use_outcome out = {0};
  classify_value(f, up, ref->field, ref->from, NULL, NULL, ref->id, &out);
  *why = out.why;
  return out.freq;
}

bool ll_facts_repeat_is_startup(const ll_facts *f, const ll_repeat *why) {
  ll_repeat at = *why;
  for (int hops = 0; hops < 32 && at.reason == LL_REPEAT_CALLED; hops++) {
    if (!at.via || !is_function_scope(at.via)) return false;
    at = f->fns[at.via->index].why;
  }
  return at.function && at.function->kind == LL_SCOPE_FUNCTION &&
         ll_facts_repeat_confidence(f, &at) == LL_CONFIDENCE_MEDIUM &&
         shape_of(f, at.function)->startup_shaped;
}

// `app.get` for a registration call, `setInterval` for a timer.
static ll_str callee_text(const ll_facts *f, TSNode call) {
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  if (ts_node_is_null(callee)) callee = ts_node_child_by_field_id(call, ll_js.field.constructor);
  if (ts_node_is_null(callee)) return (ll_str){"", 0};
  ll_str text = text_of(f, callee);
  // `document.getElementById('open').addEventListener`: too long to quote whole; the method
  // says what the call registers.
  if (text.len > 40 && ts_node_symbol(callee) == ll_js.sym.member_expression)
    text = text_of(f, ts_node_child_by_field_id(callee, ll_js.field.property));
  if (text.len > 40) text.len = 40;
  for (uint32_t i = 0; i < text.len; i++)
    if (text.ptr[i] == '\n' || text.ptr[i] == '\r') text.len = i;
  return text;
}

// A function's name for messages: "track()", or NULL for an anonymous function.
static const char *function_name(const ll_facts *f, ll_arena *arena, const ll_scope *fn) {
  if (!fn) return NULL;
  TSNode name = ts_node_child_by_field_id(fn->node, ll_js.field.name);
  if (!ts_node_is_null(name) && ts_node_symbol(name) != ll_js.sym.computed_property_name) {
    ll_str text = text_of(f, name);
    return ll_arena_printf(arena, "%.*s()", (int)text.len, text.ptr);
  }
  const ll_binding *b = ll_facts_function_binding(f, fn);
  return b ? ll_arena_printf(arena, "%.*s()", (int)b->name.len, b->name.ptr) : NULL;
}

// "in exported function track()" or "in an exported function".
static const char *in_function(const ll_facts *f, ll_arena *arena, const ll_scope *fn,
                               const char *kind) {
  const char *name = function_name(f, arena, fn);
  if (name) return ll_arena_printf(arena, "in %s%s%s", kind, *kind ? " " : "", name);
  return ll_arena_printf(arena, "in %s %s", strchr("aeiou", kind[0]) && *kind ? "an" : "a",
                         *kind ? kind : "function");
}

const char *ll_facts_describe_repeat(const ll_facts *f, ll_arena *arena, const ll_repeat *why) {
  uint32_t line = ts_node_is_null(why->site)
                      ? 0
                      : ll_source_position(f->source, ts_node_start_byte(why->site)).line;
  ll_str callee = {"", 0};
  if (!ts_node_is_null(why->site) && (ts_node_symbol(why->site) == ll_js.sym.call_expression ||
                                      ts_node_symbol(why->site) == ll_js.sym.new_expression))
    callee = callee_text(f, why->site);
  switch (why->reason) {
    case LL_REPEAT_ROUTE:
      if (!callee.len) // `{ Query: { user() {} } }`
        return ll_arena_printf(arena, "inside a request handler (line %u)", line);
      return ll_arena_printf(arena, "inside a handler registered with %.*s at line %u",
                             (int)callee.len, callee.ptr, line);
    case LL_REPEAT_LISTENER:
      return ll_arena_printf(arena, "inside a listener registered with %.*s at line %u",
                             (int)callee.len, callee.ptr, line);
    case LL_REPEAT_INTERVAL:
      return ll_arena_printf(arena, "inside a %.*s callback (line %u)", (int)callee.len, callee.ptr,
                             line);
    case LL_REPEAT_TIMEOUT_LOOP:
      return ll_arena_printf(arena, "inside a %.*s callback that schedules itself again (line %u)",
                             (int)callee.len, callee.ptr, line);
    case LL_REPEAT_EFFECT: {
      ll_lifecycle life;
      if (!why->function || !ll_lifecycle_of(f->source, why->function, &life) || !life.mounts)
        return ll_arena_printf(arena, "inside a %.*s callback, which runs on every update",
                               (int)callee.len, callee.ptr);
      const char *when =
          life.runs == LL_EFFECT_RUNS_AFTER_EVERY_RENDER ? "after every render"
          : life.runs == LL_EFFECT_RUNS_ON_CHANGE
              ? "again each time its dependencies change"
              : ll_arena_printf(arena, "each time the %s %s", life.owner, life.event);
      if (ts_node_symbol(why->function->node) == ll_js.sym.method_definition ||
          ts_node_symbol(why->function->context[0]) == ll_js.sym.pair ||
          ts_node_symbol(why->function->context[0]) == ll_js.sym.field_definition)
        return ll_arena_printf(arena, "in %s(), which runs %s", life.setup, when);
      return ll_arena_printf(arena, "inside the %s callback, which runs %s", life.setup, when);
    }
    case LL_REPEAT_CLASS_MEMBER: {
      // A static method, or a method of the only instance: no instance is made per call.
      const ll_scope *fn = why->function;
      bool is_static = fn && ts_node_symbol(fn->node) == ll_js.sym.method_definition &&
                       ll_facts_is_static_member(fn->node);
      if (is_static || (fn && fn->parent && ll_facts_only_instance(f, fn->parent)))
        return ll_arena_printf(arena, "%s, which its callers may run any number of times",
                               in_function(f, arena, fn, is_static ? "static method" : "method"));
      return ll_arena_printf(arena, "%s, which runs for every instance or call",
                             in_function(f, arena, fn, "class member"));
    }
    case LL_REPEAT_EXPORTED:
      return in_function(f, arena, why->function,
                         why->function && is_function_scope(why->function) &&
                                 shape_of(f, why->function)->handler_shaped
                             ? "exported request handler"
                             : "exported function");
    case LL_REPEAT_CALLBACK:
      return ll_arena_printf(arena, "%s, handed at line %u to code outside this file",
                             in_function(f, arena, why->function, ""), line);
    case LL_REPEAT_RETURNED:
      return ll_arena_printf(arena, "%s, returned to callers that may run it again and again",
                             in_function(f, arena, why->function, ""));
    case LL_REPEAT_RERUN:
      return ll_arena_printf(arena, "%s, which runs again from line %u (a reconnect or retry)",
                             in_function(f, arena, why->function, ""), line);
    case LL_REPEAT_CALLED: {
      ll_repeat outer;
      const char *inner = in_function(f, arena, why->function, "");
      if (why->via && is_function_scope(why->via)) {
        outer = f->fns[why->via->index].why;
        if (outer.reason != LL_REPEAT_CALLED && outer.reason != LL_REPEAT_NONE)
          return ll_arena_printf(arena, "%s, called at line %u %s", inner, line,
                                 ll_facts_describe_repeat(f, arena, &outer));
      }
      return ll_arena_printf(arena, "%s, called at line %u from code that runs repeatedly", inner,
                             line);
    }
    case LL_REPEAT_NONE:
      break;
  }
  return "in code that runs repeatedly";
}

// The set-up hook a repetition rests on, through the functions it calls.
static bool lifecycle_of_repeat(const ll_facts *f, const ll_repeat *why, ll_lifecycle *life) {
  ll_repeat at = *why;
  for (int hops = 0; hops < 32 && at.reason == LL_REPEAT_CALLED; hops++) {
    if (!at.via || !is_function_scope(at.via)) return false;
    at = f->fns[at.via->index].why;
  }
  // A component's set-up, or a method of an object with a teardown (`start()` and `stop()`).
  return (at.reason == LL_REPEAT_EFFECT || at.reason == LL_REPEAT_CLASS_MEMBER) && at.function &&
         ll_lifecycle_of(f->source, at.function, life) &&
         (life->mounts == (at.reason == LL_REPEAT_EFFECT));
}

const char *ll_facts_teardown_misses(const ll_facts *f, ll_arena *arena, const ll_repeat *why,
                                     const char *verb) {
  ll_lifecycle life;
  if (!lifecycle_of_repeat(f, why, &life)) return NULL;
  if (!ts_node_is_null(life.teardown_node))
    return ll_arena_printf(arena, "%s does not %s it", life.teardown, verb);
  if (!strncmp(life.teardown, "the function", 12))
    return ll_arena_printf(arena, "%s returns no cleanup function",
                           strncmp(life.setup, "use", 3) ? life.setup : "the effect");
  return ll_arena_printf(arena, "the %s has no %s", life.owner, life.teardown);
}

const char *ll_facts_repeat_unit(const ll_facts *f, const ll_repeat *why) {
  ll_lifecycle life;
  if (!lifecycle_of_repeat(f, why, &life) || !life.mounts) return "run";
  return life.runs == LL_EFFECT_RUNS_AFTER_EVERY_RENDER ? "render"
         : life.runs == LL_EFFECT_RUNS_ON_CHANGE        ? "change of its dependencies"
                                                        : "mount";
}

// ---------------------------------------------------------------------------------------------
// Paths and lifetimes

static bool is_global_object_name(ll_str name) {
  return ll_str_eq(name, "global") || ll_str_eq(name, "globalThis") || ll_str_eq(name, "window") ||
         ll_str_eq(name, "self");
}

// Host objects that live as long as the process or the page.
static bool is_long_lived_host(ll_str name) {
  return is_global_object_name(name) || ll_str_eq(name, "process") || ll_str_eq(name, "document");
}

bool ll_facts_is_static_member(TSNode member) {
  uint32_t n = ts_node_child_count(member);
  for (uint32_t i = 0; i < n; i++) {
    TSNode child = ts_node_child(member, i);
    if (ts_node_is_named(child)) break;
    if (strcmp(ts_node_type(child), "static") == 0) return true;
  }
  return false;
}

ll_lifetime ll_facts_binding_lifetime(const ll_binding *b) {
  switch (b->kind) {
    case LL_BIND_IMPLICIT_GLOBAL:
    case LL_BIND_GLOBAL_COMMENT:
      return LL_LIFETIME_LONG;
    case LL_BIND_IMPORT:  // owned by another module
    case LL_BIND_UNKNOWN: // inside a syntax error
    case LL_BIND_ARGUMENTS:
      return LL_LIFETIME_UNKNOWN;
    default:
      break;
  }
  if (b->scope->kind == LL_SCOPE_GLOBAL || b->scope->kind == LL_SCOPE_MODULE)
    return LL_LIFETIME_LONG;
  return LL_LIFETIME_SHORT;
}

// `import process from 'node:process'`, `import { stdin } from 'process'`: the one process
// object, as long-lived as the global `process`, whatever the import calls it.
static bool imports_process(const ll_facts *f, const ll_binding *b) {
  if (b->kind != LL_BIND_IMPORT || ts_node_is_null(b->decl)) return false;
  TSNode node = b->decl;
  for (int up = 0; up < 5 && !ts_node_is_null(node); up++) {
    node = ll_ast_parent_of(node);
    if (ts_node_symbol(node) != ll_js.sym.import_statement) continue;
    ll_str from = text_of(f, ts_node_child_by_field_id(node, ll_js.field.source));
    return ll_str_eq(from, "'process'") || ll_str_eq(from, "\"process\"") ||
           ll_str_eq(from, "'node:process'") || ll_str_eq(from, "\"node:process\"");
  }
  return false;
}

// The function scope of the ES5 constructor `b` names (`function Player() {}`, `var Player =
// function () {}`), or NULL.
static const ll_scope *constructor_scope(const ll_facts *f, const ll_binding *b) {
  TSNode fn = {.id = NULL};
  if (b->kind == LL_BIND_FUNCTION)
    fn = ll_ast_parent_of(b->decl);
  else if (b->kind == LL_BIND_VAR || b->kind == LL_BIND_LET || b->kind == LL_BIND_CONST)
    fn = ll_ast_unparenthesized(b->init);
  if (!ll_ast_is(fn, ll_js.sym.function_declaration) &&
      !ll_ast_is(fn, ll_js.sym.function_expression))
    return NULL;
  TSNode body = ts_node_child_by_field_id(fn, ll_js.field.body);
  if (ts_node_is_null(body)) return NULL;
  const ll_scope *scope = ll_scope_at(f->model, ts_node_start_byte(body))->function;
  return scope && ts_node_eq(scope->node, fn) ? scope : NULL;
}

// `X.prototype` (`node` a member expression): the constructor X's scope, or NULL.
static const ll_scope *prototype_of(const ll_facts *f, TSNode node) {
  node = ll_ast_unparenthesized(node);
  if (!ll_ast_is(node, ll_js.sym.member_expression) ||
      !ll_str_eq(text_of(f, ts_node_child_by_field_id(node, ll_js.field.property)), "prototype"))
    return NULL;
  TSNode object = ts_node_child_by_field_id(node, ll_js.field.object);
  const ll_ref *ref = ll_ast_is(object, ll_js.sym.identifier) ? ll_facts_ref_at(f, object) : NULL;
  return ref && ref->target ? constructor_scope(f, ref->target) : NULL;
}

// ES5 classes: a constructor function whose prototype gets methods, and those methods. `this`
// in `function Player() {}` (when `Player.prototype` is used), in `Player.prototype.play =
// function () {}`, and in the methods of `Player.prototype = { ... }` or `extend(Player.prototype,
// { ... })` is a Player instance: the constructor's scope stands for its class.
static const ll_scope *es5_class_of(const ll_facts *f, const ll_scope *fn) {
  fn_facts *fx = &f->fns[fn->index];
  if (fx->es5_known) return fx->es5_class;
  fx->es5_known = true;
  const TSNode *up = fn->context;
  if (ll_ast_is(fn->node, ll_js.sym.function_declaration)) {
    TSNode name = ts_node_child_by_field_id(fn->node, ll_js.field.name);
    const ll_binding *b =
        fn->parent ? ll_scope_lookup(f->model, fn->parent, text_of(f, name)) : NULL;
    for (const ll_ref *ref = b ? b->refs : NULL; ref; ref = ref->next_of_binding)
      if (ll_ast_is(ref->parent, ll_js.sym.member_expression) && ref->field == ll_js.field.object &&
          ll_str_eq(text_of(f, ts_node_child_by_field_id(ref->parent, ll_js.field.property)),
                    "prototype"))
        return fx->es5_class = fn;
    return NULL;
  }
  if (!up) return NULL;
  // `Player.prototype.play = function () {}`
  if (ll_ast_is(up[0], ll_js.sym.assignment_expression) && fn->context_field == ll_js.field.right) {
    TSNode left = ts_node_child_by_field_id(up[0], ll_js.field.left);
    if (ll_ast_is(left, ll_js.sym.member_expression))
      fx->es5_class = prototype_of(f, ts_node_child_by_field_id(left, ll_js.field.object));
    return fx->es5_class;
  }
  // `{ play: function () {} }` as `Player.prototype = {...}` or `extend(Player.prototype, {...})`
  if (ll_ast_is(up[0], ll_js.sym.pair) && ll_ast_is(up[1], ll_js.sym.object)) {
    if (ll_ast_is(up[2], ll_js.sym.assignment_expression))
      fx->es5_class = prototype_of(f, ts_node_child_by_field_id(up[2], ll_js.field.left));
    else if (ll_ast_is(up[2], ll_js.sym.arguments))
      fx->es5_class = prototype_of(f, ts_node_named_child(up[2], 0));
  }
  return fx->es5_class;
}

// What `this` is at `scope`: sets out->binding (a static member's class) or out->this_class.
static bool resolve_this(const ll_facts *f, const ll_scope *scope, ll_path *out) {
  const ll_scope *fn = scope->function;
  while (fn && fn->kind == LL_SCOPE_FUNCTION && (fn->flags & LL_SCOPE_ARROW))
    fn = fn->parent ? fn->parent->function : NULL; // arrows see the outer `this`
  if (fn && fn->kind == LL_SCOPE_FUNCTION && (!fn->parent || fn->parent->kind != LL_SCOPE_CLASS)) {
    const ll_scope *es5 = es5_class_of(f, fn);
    if (!es5) return false;
    out->this_class = es5;
    out->lifetime = LL_LIFETIME_SHORT; // an instance's state
    return true;
  }
  if (!fn || !fn->parent || fn->parent->kind != LL_SCOPE_CLASS) return false;
  const ll_scope *cls = fn->parent;
  bool is_static = fn->kind == LL_SCOPE_STATIC_BLOCK ||
                   ((ts_node_symbol(fn->node) == ll_js.sym.method_definition ||
                     ts_node_symbol(fn->node) == ll_js.sym.field_definition) &&
                    ll_facts_is_static_member(fn->node));
  if (!is_static) {
    out->this_class = cls;
    // Instance state lives as long as the instance; the only instance lives for good.
    out->lifetime = f->fns[cls->index].only_instance ? LL_LIFETIME_LONG : LL_LIFETIME_SHORT;
    return true;
  }
  TSNode name = ts_node_child_by_field_id(cls->node, ll_js.field.name);
  if (ts_node_is_null(name)) return false;
  out->binding = ll_scope_lookup(f->model, cls->parent, text_of(f, name));
  if (!out->binding) return false;
  out->lifetime = ll_facts_binding_lifetime(out->binding);
  return true;
}

static void path_append(char *path, const char *part, uint32_t len) {
  size_t used = strlen(path);
  if (used + len + 1 >= LL_PATH_MAX) len = (uint32_t)(LL_PATH_MAX - 1 - used);
  memcpy(path + used, part, len);
  path[used + len] = '\0';
}

// The value a function's local names when it is only another name for a member of something,
// another name or `this` (`const list = state.events`, `let bus = this.bus` never reassigned,
// `var self = this`): that expression, else a null node. Only a plain `name = value` declarator
// counts: in `const { events } = state` the name is a part of the value, not the value.
static TSNode local_alias_of(const ll_facts *f, const ll_binding *b) {
  TSNode none = {.id = NULL};
  if (!b || ts_node_is_null(b->init) || ts_node_is_null(b->decl) ||
      !(b->kind == LL_BIND_CONST ||
        ((b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR) && b->n_writes == 0)))
    return none;
  const ll_scope *fn = b->scope->function;
  if (fn->kind == LL_SCOPE_GLOBAL || fn->kind == LL_SCOPE_MODULE) return none;
  TSNode value = ll_ast_unparenthesized(b->init);
  TSSymbol sym = ts_node_symbol(value);
  // `var _this3 = this`, `const self = this` (Babel's and TypeScript's output, older code): the
  // same `this`, whichever function's alias names it.
  // `const current = removePopper`: another name for what that name holds when it is read.
  if (sym != ll_js.sym.member_expression && sym != ll_js.sym.subscript_expression &&
      sym != ll_js.sym.this && sym != ll_js.sym.identifier)
    return none;
  uint32_t from = ts_node_end_byte(b->decl), to = ts_node_start_byte(b->init);
  // Asked for every use of the name: a long gap (a comment) is not worth reading each time.
  if (from > to || to > f->source->len || to - from > 64) return none;
  uint32_t equals = 0;
  for (uint32_t i = from; i < to; i++) {
    char c = f->source->text[i];
    if (c == '=')
      equals++;
    else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
      return none;
  }
  return equals == 1 ? value : none;
}

// `$(document)`, `jQuery(window)`, `$('body')`: jQuery's wrapper of an object that lives as long
// as the page. Each call makes a new wrapper, but the handlers are kept on the page object, so
// every such call names the same emitter: the host "$(document)" (or "$(window)").
static bool resolve_jquery_page(const ll_facts *f, TSNode call, ll_path *out) {
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  ll_str name = text_of(f, callee);
  if (ts_node_symbol(callee) != ll_js.sym.identifier ||
      !(ll_str_eq(name, "$") || ll_str_eq(name, "jQuery")))
    return false;
  TSNode args = ts_node_child_by_field_id(call, ll_js.field.arguments);
  if (ts_node_is_null(args) || ts_node_named_child_count(args) != 1) return false;
  ll_str arg = text_of(f, ts_node_named_child(args, 0));
  static const char document[] = "$(document)", window[] = "$(window)";
  if (ll_str_eq(arg, "window")) {
    out->host = (ll_str){window, sizeof window - 1};
  } else if (ll_str_eq(arg, "document") || ll_str_eq(arg, "document.body") ||
             ll_str_eq(arg, "'body'") || ll_str_eq(arg, "\"body\"") || ll_str_eq(arg, "'html'") ||
             ll_str_eq(arg, "\"html\"")) {
    out->host = (ll_str){document, sizeof document - 1};
  } else {
    return false;
  }
  out->written = out->host;
  out->lifetime = LL_LIFETIME_LONG;
  return true;
}

// True when `ref` (a use of a top-level `let` or `var`, in a function) follows, in the same
// function, an assignment of a new object to it: a call's result or a `new`.
static bool is_lazy_fill(const ll_facts *f, TSNode assignment, TSNode place);

static bool made_in_this_run(const ll_facts *f, const ll_ref *ref) {
  const ll_binding *b = ref->target;
  const ll_scope *fn = ref->from->function;
  if ((b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR) || !is_function_scope(fn)) return false;
  uint32_t at = ts_node_start_byte(ref->id);
  for (const ll_ref *w = b->refs; w; w = w->next_of_binding) {
    if (ts_node_start_byte(w->id) >= at) break; // refs are in source order
    if (!(w->flags & LL_REF_WRITE) || w->from->function != fn ||
        ts_node_symbol(w->parent) != ll_js.sym.assignment_expression ||
        w->field != ll_js.field.left || ts_node_end_byte(w->parent) > at)
      continue; // `list = list.concat(x)` reads the old object
    TSNode value = ll_ast_unparenthesized(ts_node_child_by_field_id(w->parent, ll_js.field.right));
    if (ll_ast_is(value, ll_js.sym.await_expression)) value = ts_node_named_child(value, 0);
    if ((ll_ast_is(value, ll_js.sym.call_expression) ||
         ll_ast_is(value, ll_js.sym.new_expression)) &&
        !is_lazy_fill(f, w->parent, w->id))
      return true;
  }
  return false;
}

// The root of `expr` and the member accesses above it (chain, outermost first): sets out's root
// and lifetime, leaves out->text empty.
static bool resolve_root(const ll_facts *f, TSNode expr, ll_path *out, TSNode chain[16],
                         uint32_t *n_chain) {
  memset(out, 0, sizeof *out);
  uint32_t n = 0;
  TSSymbol sym;
  const ll_ref *ref = NULL;
  for (int hops = 0;; hops++) {
    expr = ll_ast_unparenthesized(expr);
    if (ts_node_is_null(expr)) return false;
    sym = ts_node_symbol(expr);
    while (sym == ll_js.sym.member_expression || sym == ll_js.sym.subscript_expression) {
      if (n == 16) return false;
      chain[n++] = expr;
      expr = ll_ast_unparenthesized(ts_node_child_by_field_id(expr, ll_js.field.object));
      if (ts_node_is_null(expr)) return false;
      sym = ts_node_symbol(expr);
    }
    if (sym != ll_js.sym.identifier && sym != ll_js.sym.shorthand_property_identifier) break;
    ref = ll_facts_ref_at(f, expr);
    if (!ref || (ref->flags & LL_REF_DYNAMIC)) return false;
    TSNode aliased = hops < 4 ? local_alias_of(f, ref->target) : (TSNode){.id = NULL};
    if (ts_node_is_null(aliased)) break;
    expr = aliased; // `const list = state.events`: `list` names state.events
  }
  *n_chain = n;
  if (sym == ll_js.sym.identifier || sym == ll_js.sym.shorthand_property_identifier) {
    ll_str name = ll_ref_name(ref, f->source);
    out->written = name;
    if (ref->target) {
      out->binding = ref->target;
      out->lifetime = imports_process(f, ref->target) ? LL_LIFETIME_LONG
                                                      : ll_facts_binding_lifetime(ref->target);
      // A top-level `child` that this run has just filled with a new object (`child =
      // spawn(...)`): what it names here is that run's object, gone when the next run replaces
      // it, listeners and all.
      if (out->lifetime == LL_LIFETIME_LONG && ref->target->n_writes > 0 &&
          made_in_this_run(f, ref))
        out->lifetime = LL_LIFETIME_SHORT;
    } else if (is_global_object_name(name)) {
      static const char global_this[] = "globalThis";
      out->host = (ll_str){global_this, sizeof global_this - 1};
      out->lifetime = LL_LIFETIME_LONG;
    } else {
      out->host = name;
      out->lifetime = is_long_lived_host(name) || ll_vocab_is_global(f->vocab, f->source, name)
                          ? LL_LIFETIME_LONG
                          : LL_LIFETIME_UNKNOWN;
    }
  } else if (sym == ll_js.sym.this) {
    if (!resolve_this(f, ll_scope_at(f->model, ts_node_start_byte(expr)), out)) return false;
  } else if (sym == ll_js.sym.call_expression) {
    if (!resolve_jquery_page(f, expr, out)) return false;
  } else {
    return false;
  }
  // `module.exports.x`, `exports.x`: other code owns what is there.
  if (!out->binding && !out->this_class &&
      (ll_str_eq(out->host, "module") || ll_str_eq(out->host, "exports")))
    out->lifetime = LL_LIFETIME_UNKNOWN;
  return true;
}

// Appends the member accesses of `chain` (outermost first) to out->text.
static void append_members(const ll_facts *f, const TSNode *chain, uint32_t n, ll_path *out) {
  for (uint32_t i = n; i-- > 0;) {
    TSNode access = chain[i];
    if (ts_node_symbol(access) == ll_js.sym.member_expression) {
      ll_str name = text_of(f, ts_node_child_by_field_id(access, ll_js.field.property));
      path_append(out->text, ".", 1);
      path_append(out->text, name.ptr, name.len);
    } else {
      TSNode index = ts_node_child_by_field_id(access, ll_js.field.index);
      ll_str key = text_of(f, index);
      if (ts_node_symbol(index) == ll_js.sym.string && key.len >= 2) {
        path_append(out->text, ".", 1);
        path_append(out->text, key.ptr + 1, key.len - 2);
      } else {
        path_append(out->text, "[]", 2);
      }
    }
  }
}

// True when `text` (a member path) starts with one of `prefixes`, whole members only.
static bool starts_with_member(const char *text, const char *const *prefixes) {
  for (; *prefixes; prefixes++) {
    size_t len = strlen(*prefixes);
    if (!strncmp(text, *prefixes, len) &&
        (text[len] == '\0' || text[len] == '.' || text[len] == '['))
      return true;
  }
  return false;
}

// What a request handler's parameter leads to outlives the request: the connection it came on
// (`req.socket`, `res.connection`, Koa's `ctx.req.socket`, Fastify's `request.raw.socket`) and
// the application itself (`req.app`, Koa's `ctx.app`, Hapi's and Fastify's `request.server`).
static void widen_request_member(const ll_facts *f, ll_path *out) {
  const ll_binding *b = out->binding;
  if (!b || b->kind != LL_BIND_PARAM || out->lifetime != LL_LIFETIME_SHORT || !out->text[0]) return;
  const ll_scope *fn = b->scope ? b->scope->function : NULL;
  if (!is_function_scope(fn)) return;
  bool handler =
      shape_of(f, fn)->handler_shaped ||
      (f->fns[fn->index].why.reason == LL_REPEAT_ROUTE && f->fns[fn->index].why.function == fn);
  if (!handler) return;
  static const char *const connection[] = {
      ".socket",         ".connection", ".raw.socket",     ".raw.connection", ".req.socket",
      ".req.connection", ".res.socket", ".res.connection", ".request.socket", NULL};
  static const char *const application[] = {
      ".app", ".server", ".req.app", ".request.server", ".socket.server", ".connection.server",
      NULL};
  if (starts_with_member(out->text, application))
    out->lifetime = LL_LIFETIME_LONG;
  else if (starts_with_member(out->text, connection))
    out->lifetime = LL_LIFETIME_CONNECTION;
}

bool ll_facts_path(const ll_facts *f, TSNode expr, ll_path *out) {
  TSNode chain[16];
  uint32_t n;
  if (!resolve_root(f, expr, out, chain, &n)) return false;
  append_members(f, chain, n, out);
  widen_request_member(f, out);
  return true;
}

bool ll_facts_declared_path(const ll_facts *f, const ll_scope *scope, TSNode name, ll_path *out) {
  memset(out, 0, sizeof *out);
  if (ts_node_symbol(name) != ll_js.sym.identifier) return false;
  out->binding = ll_scope_lookup(f->model, scope, text_of(f, name));
  if (!out->binding) return false;
  out->written = out->binding->name;
  out->lifetime = ll_facts_binding_lifetime(out->binding);
  return true;
}

bool ll_facts_long_lived_path(const ll_facts *f, TSNode expr, ll_path *out) {
  TSNode chain[16];
  uint32_t n;
  if (!resolve_root(f, expr, out, chain, &n)) return false;
  // A request handler's `req.app.locals`: the application's, reached through the request.
  bool through_param = out->binding && out->binding->kind == LL_BIND_PARAM && n;
  if (out->lifetime != LL_LIFETIME_LONG && !through_param) return false;
  append_members(f, chain, n, out);
  widen_request_member(f, out);
  return out->lifetime == LL_LIFETIME_LONG;
}

// ---------------------------------------------------------------------------------------------
// Run-once guards

enum { MAX_TESTED = 4 };

static bool is_text(const ll_facts *f, TSNode node, const char *text) {
  return ll_str_eq(text_of(f, ll_ast_unparenthesized(node)), text);
}

static bool is_unset_value(const ll_facts *f, TSNode node) {
  return is_text(f, node, "null") || is_text(f, node, "undefined") || is_text(f, node, "false") ||
         is_text(f, node, "void 0") || is_text(f, node, "'undefined'") ||
         is_text(f, node, "\"undefined\"");
}

// A top-level variable that, once set, stays set: no code of the file assigns it null,
// undefined or false again (`busy = false` makes `if (busy) return` a lock, not a once-guard).
// Members are not flags here: `cache[key]` is set per key, and what else writes `state.ready`
// the file may not show.
static bool is_flag(const ll_facts *f, const ll_binding *b) {
  if (!b || b->kind == LL_BIND_IMPORT) return false;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (!(ref->flags & LL_REF_WRITE)) continue;
    if (ts_node_symbol(ref->parent) != ll_js.sym.assignment_expression) return false;
    if (is_unset_value(f, ts_node_child_by_field_id(ref->parent, ll_js.field.right))) return false;
  }
  return true;
}

// The long-lived places whose being unset (`unset`) or set (`!unset`) makes `cond` true:
// `!ready`, `registry == null`, `typeof x === 'undefined'` test for unset; `started`,
// `x != null` for set. A guard whose flag the guarded code sets then holds only once.
static uint32_t tested_places(const ll_facts *f, TSNode cond, bool unset, ll_path *out, uint32_t n,
                              int depth) {
  cond = ll_ast_unparenthesized(cond);
  if (ts_node_is_null(cond) || depth > 8 || n == MAX_TESTED) return n;
  TSSymbol sym = ts_node_symbol(cond);
  if (sym == ll_js.sym.unary_expression) {
    ll_str op = text_of(f, ts_node_child_by_field_id(cond, ll_js.field.operator));
    if (!ll_str_eq(op, "!")) return n;
    return tested_places(f, ts_node_child_by_field_id(cond, ll_js.field.argument), !unset, out, n,
                         depth + 1);
  }
  if (sym == ll_js.sym.binary_expression) {
    ll_str op = text_of(f, ts_node_child_by_field_id(cond, ll_js.field.operator));
    TSNode left = ts_node_child_by_field_id(cond, ll_js.field.left);
    TSNode right = ts_node_child_by_field_id(cond, ll_js.field.right);
    if (ll_str_eq(op, "&&") || ll_str_eq(op, "||")) {
      n = tested_places(f, left, unset, out, n, depth + 1);
      return tested_places(f, right, unset, out, n, depth + 1);
    }
    bool equal = ll_str_eq(op, "==") || ll_str_eq(op, "===");
    bool differ = ll_str_eq(op, "!=") || ll_str_eq(op, "!==");
    if (!equal && !differ) return n;
    // `x == null`, `typeof x === 'undefined'`: a test for unset when equal.
    TSNode operand = is_unset_value(f, right) ? left : is_unset_value(f, left) ? right : left;
    if (!is_unset_value(f, right) && !is_unset_value(f, left)) return n;
    operand = ll_ast_unparenthesized(operand);
    if (ts_node_symbol(operand) == ll_js.sym.unary_expression &&
        ll_str_eq(text_of(f, ts_node_child_by_field_id(operand, ll_js.field.operator)), "typeof"))
      operand = ts_node_child_by_field_id(operand, ll_js.field.argument);
    return tested_places(f, operand, equal ? !unset : unset, out, n, depth + 1);
  }
  // A bare top-level variable: true when it is set.
  if (!unset && sym == ll_js.sym.identifier && ll_facts_long_lived_path(f, cond, &out[n]) &&
      !out[n].text[0] && is_flag(f, out[n].binding))
    n++;
  return n;
}

typedef struct assignment_search {
  const ll_facts *facts;
  const ll_path *places;
  uint32_t n;
} assignment_search;

static bool assigns_place(TSNode node, void *data) {
  const assignment_search *search = data;
  TSSymbol sym = ts_node_symbol(node);
  if (sym != ll_js.sym.assignment_expression && sym != ll_js.sym.augmented_assignment_expression)
    return false;
  if (is_unset_value(search->facts, ts_node_child_by_field_id(node, ll_js.field.right)))
    return false;
  ll_path left;
  if (!ll_facts_long_lived_path(search->facts, ts_node_child_by_field_id(node, ll_js.field.left),
                                &left))
    return false;
  for (uint32_t i = 0; i < search->n; i++)
    if (ll_path_equal(&left, &search->places[i])) return true;
  return false;
}

// True when `region` (outside nested functions) assigns one of `places`: the flag the guard
// tests is set, so the guarded code does not run again.
static bool assigns_any(const ll_facts *f, TSNode region, const ll_path *places, uint32_t n) {
  assignment_search search = {f, places, n};
  return n && ll_ast_find(region, assigns_place, &search);
}

// `if (cond) return;`, `if (cond) { return x; }`, `if (cond) throw e;`: leaves when cond holds.
static bool is_early_exit(TSNode stmt) {
  if (ts_node_symbol(stmt) != ll_js.sym.if_statement ||
      !ts_node_is_null(ts_node_child_by_field_id(stmt, ll_js.field.alternative)))
    return false;
  TSNode then = ts_node_child_by_field_id(stmt, ll_js.field.consequence);
  if (ts_node_symbol(then) == ll_js.sym.statement_block && ts_node_named_child_count(then) == 1)
    then = ts_node_named_child(then, 0);
  return ts_node_symbol(then) == ll_js.sym.return_statement ||
         ts_node_symbol(then) == ll_js.sym.throw_statement;
}

typedef struct object_search {
  const ll_facts *facts;
  const ll_path *object;
  bool found;
} object_search;

// True when `expr` names the object the search is about.
static bool names_object(const object_search *search, TSNode expr) {
  expr = ll_ast_unparenthesized(expr);
  if (!ll_ast_is(expr, ll_js.sym.member_expression) && !ll_ast_is(expr, ll_js.sym.identifier))
    return false;
  ll_path path;
  return ll_facts_path(search->facts, expr, &path) && ll_path_equal(&path, search->object);
}

// ll_ast_find's visitor over a condition: the object is tested (`seen.has(socket)`,
// `!socket.tracked`).
static bool visit_tested_object(TSNode node, void *data) {
  object_search *search = data;
  return search->found = names_object(search, node);
}

// ll_ast_find's visitor over a guarded block: the object is recorded (`seen.add(socket)`,
// `seen.set(socket, ...)`, `socket.tracked = true`, `seen[socket] = true`).
static bool visit_recorded_object(TSNode node, void *data) {
  object_search *search = data;
  TSSymbol sym = ts_node_symbol(node);
  if (sym == ll_js.sym.call_expression) {
    TSNode callee = ll_ast_field(node, ll_js.field.function);
    ll_str method = ll_ast_callee_name(search->facts->source, callee);
    if (ll_ast_is(callee, ll_js.sym.member_expression) &&
        (ll_str_eq(method, "add") || ll_str_eq(method, "set")) &&
        names_object(search, ll_ast_named_child(ll_ast_field(node, ll_js.field.arguments), 0)))
      return search->found = true;
  } else if (sym == ll_js.sym.assignment_expression) {
    TSNode left = ll_ast_unparenthesized(ll_ast_field(node, ll_js.field.left));
    if (ll_ast_is(left, ll_js.sym.member_expression) &&
        names_object(search, ll_ast_field(left, ll_js.field.object)))
      return search->found = true;
    if (ll_ast_is(left, ll_js.sym.subscript_expression) &&
        names_object(search, ll_ast_field(left, ll_js.field.index)))
      return search->found = true;
  }
  return false;
}

bool ll_facts_guarded_per_object(const ll_facts *f, TSNode node, const ll_path *object) {
  const ll_scope *fn = ll_scope_at(f->model, ts_node_start_byte(node))->function;
  if (!is_function_scope(fn)) return false;
  TSNode child = node;
  for (TSNode parent = ll_ast_parent_of(child);
       !ts_node_is_null(parent) && !ts_node_eq(child, fn->node);
       child = parent, parent = ll_ast_parent_of(parent)) {
    if (!ll_ast_is(parent, ll_js.sym.if_statement) ||
        !ts_node_eq(ll_ast_field(parent, ll_js.field.consequence), child))
      continue;
    object_search tested = {f, object, false}, recorded = {f, object, false};
    ll_ast_find(ll_ast_field(parent, ll_js.field.condition), visit_tested_object, &tested);
    if (!tested.found) continue;
    ll_ast_find(child, visit_recorded_object, &recorded);
    if (recorded.found) return true;
  }
  return false;
}

// What a guard test found, remembered per `if` or block: the project view and the rules ask
// about every call, and calls share their enclosing statements (without this, a block of n
// statements costs n^2 scans, an `if` a walk of its body per call inside it).
enum { GUARD_MEMO_SIZE = 512 };
typedef struct guard_memo {
  ll_memo_key head; // the `if` or block node's id
  uint32_t answer;  // an `if`: 1 when it guards its consequence; a block: the start byte of the
                    // first statement after an early exit whose flag the block sets (UINT32_MAX:
                    // none)
} guard_memo;
static _Thread_local guard_memo guard_memos[GUARD_MEMO_SIZE];

static guard_memo *guard_memo_of(TSNode node, bool *found) {
  return ll_ast_memo_entry(guard_memos, sizeof *guard_memos, GUARD_MEMO_SIZE, node.id, found);
}

// `if (!registry) { registry = new Map(); ... }`: true when the `if` tests a place its
// consequence sets.
static bool if_guards_once(const ll_facts *f, TSNode if_node, TSNode consequence) {
  bool found;
  guard_memo *m = guard_memo_of(if_node, &found);
  if (found) return m->answer;
  ll_path tested[MAX_TESTED];
  uint32_t n = tested_places(f, ts_node_child_by_field_id(if_node, ll_js.field.condition), true,
                             tested, 0, 0);
  m->answer = assigns_any(f, consequence, tested, n);
  return m->answer;
}

// `if (started) return; started = true; ...`: the start byte from which the statements of the
// block run once (after an early exit whose flag the block sets, before or after the guarded
// code, anywhere in the rest of the block), or UINT32_MAX.
static uint32_t block_runs_once_from(const ll_facts *f, TSNode block) {
  bool found;
  guard_memo *m = guard_memo_of(block, &found);
  if (found) return m->answer;
  m->answer = UINT32_MAX;
  ll_path tested[MAX_TESTED];
  uint32_t count = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < count; i++) {
    TSNode stmt = ts_node_named_child(block, i);
    if (!is_early_exit(stmt)) continue;
    uint32_t n = tested_places(f, ts_node_child_by_field_id(stmt, ll_js.field.condition), false,
                               tested, 0, 0);
    for (uint32_t k = i + 1; k < count && n; k++)
      if (assigns_any(f, ts_node_named_child(block, k), tested, n)) {
        m->answer = ts_node_end_byte(stmt);
        return m->answer;
      }
  }
  return m->answer;
}

bool ll_facts_guarded_once(const ll_facts *f, TSNode node) {
  const ll_scope *fn = ll_scope_at(f->model, ts_node_start_byte(node))->function;
  if (!is_function_scope(fn)) return false;
  TSNode child = node;
  for (TSNode parent = ll_ast_parent_of(child);
       !ts_node_is_null(parent) && !ts_node_eq(child, fn->node);
       child = parent, parent = ll_ast_parent_of(parent)) {
    TSSymbol ps = ts_node_symbol(parent);
    if (ps == ll_js.sym.if_statement &&
        ts_node_eq(ts_node_child_by_field_id(parent, ll_js.field.consequence), child) &&
        if_guards_once(f, parent, child))
      return true;
    if (ps == ll_js.sym.statement_block &&
        block_runs_once_from(f, parent) <= ts_node_start_byte(child))
      return true;
  }
  return false;
}

// `if (!this.server) this.server = http.createServer()`: filled the first time only, the same
// object afterwards. True when an `if` around `assignment` tests the place it fills.
static bool is_lazy_fill(const ll_facts *f, TSNode assignment, TSNode place) {
  ll_str filled = text_of(f, place);
  for (TSNode up = ll_ast_parent_of(assignment); !ts_node_is_null(up) && !ll_ast_is_function(up);
       up = ll_ast_parent_of(up)) {
    if (ts_node_symbol(up) != ll_js.sym.if_statement) continue;
    ll_str test = text_of(f, ts_node_child_by_field_id(up, ll_js.field.condition));
    for (uint32_t i = 0; i + filled.len <= test.len; i++)
      if (!memcmp(test.ptr + i, filled.ptr, filled.len)) return true;
  }
  return false;
}

typedef struct fresh_search {
  const ll_facts *facts;
  const ll_path *path;
  uint32_t before;
} fresh_search;

// `server.http = http.createServer(app)`: an assignment of a new object to the path searched,
// complete before the byte searched from.
static bool assigns_new_object(TSNode node, void *data) {
  const fresh_search *search = data;
  if (ts_node_symbol(node) != ll_js.sym.assignment_expression ||
      ts_node_end_byte(node) > search->before)
    return false;
  TSNode value = ll_ast_unparenthesized(ts_node_child_by_field_id(node, ll_js.field.right));
  if (ll_ast_is(value, ll_js.sym.await_expression)) value = ts_node_named_child(value, 0);
  if (!ll_ast_is(value, ll_js.sym.call_expression) && !ll_ast_is(value, ll_js.sym.new_expression))
    return false;
  ll_path left;
  TSNode target = ts_node_child_by_field_id(node, ll_js.field.left);
  return ll_facts_path(search->facts, target, &left) && ll_path_equal(&left, search->path) &&
         !is_lazy_fill(search->facts, node, target);
}

// True when `text` has `.<name>.<verb>(` or `<name>.<verb>(` (`name` a whole word) for an
// ending verb.
static bool ends_named(ll_str text, ll_str name) {
  static const char *const verbs[] = {"destroy", "end", "close", "terminate", "disconnect", "kill"};
  for (uint32_t i = 0; i + name.len + 2 < text.len; i++) {
    if (memcmp(text.ptr + i, name.ptr, name.len) != 0 || text.ptr[i + name.len] != '.') continue;
    char before = i ? text.ptr[i - 1] : ' ';
    if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
        (before >= '0' && before <= '9') || before == '_' || before == '$')
      continue;
    ll_str rest = {text.ptr + i + name.len + 1, text.len - i - name.len - 1};
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
      size_t len = strlen(verbs[v]);
      if (rest.len > len && !memcmp(rest.ptr, verbs[v], len) && rest.ptr[len] == '(') return true;
    }
  }
  return false;
}

bool ll_facts_class_ends(const ll_facts *f, const ll_scope *cls, const ll_binding *param) {
  if (!cls || cls->kind != LL_SCOPE_CLASS || !param || param->kind != LL_BIND_PARAM) return false;
  ll_str body = text_of(f, cls->node);
  if (ends_named(body, param->name)) return true;
  // `this.conn = conn` in the constructor, then `this.conn.destroy()` anywhere in the class.
  for (const ll_ref *ref = param->refs; ref; ref = ref->next_of_binding) {
    if (ts_node_symbol(ref->parent) != ll_js.sym.assignment_expression ||
        ref->field != ll_js.field.right)
      continue;
    TSNode left = ts_node_child_by_field_id(ref->parent, ll_js.field.left);
    if (ts_node_symbol(left) != ll_js.sym.member_expression ||
        ts_node_symbol(ts_node_child_by_field_id(left, ll_js.field.object)) != ll_js.sym.this)
      continue;
    ll_str member = text_of(f, ts_node_child_by_field_id(left, ll_js.field.property));
    if (member.len && ends_named(body, member)) return true;
  }
  return false;
}

// The contents of a string literal, without its quotes.
static bool string_contents(const ll_facts *f, TSNode node, ll_str *out) {
  if (ts_node_is_null(node) || ts_node_symbol(node) != ll_js.sym.string) return false;
  ll_str t = text_of(f, node);
  if (t.len < 2) return false;
  *out = (ll_str){t.ptr + 1, t.len - 2};
  return true;
}

// A binding that names one value for the life of the module: an import, or a module-level name
// never assigned again.
static bool is_fixed_binding(const ll_binding *b) {
  if (b->kind == LL_BIND_IMPORT) return true;
  return (b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR) &&
         !b->n_writes && !ts_node_is_null(b->init) &&
         (b->scope->kind == LL_SCOPE_MODULE || b->scope->kind == LL_SCOPE_GLOBAL);
}

bool ll_facts_event_name(const ll_facts *f, TSNode node, ll_str *out, bool *by_name) {
  *by_name = false;
  node = ll_ast_unparenthesized(node);
  if (ts_node_is_null(node)) return false;
  if (string_contents(f, node, out)) return true;
  if (ts_node_symbol(node) == ll_js.sym.identifier) {
    const ll_ref *ref = ll_facts_ref_at(f, node);
    if (!ref || !ref->target) return false;
    const ll_binding *b = ref->target;
    if (b->kind == LL_BIND_CONST && string_contents(f, b->init, out)) return true;
    if (!is_fixed_binding(b) ||
        (!ts_node_is_null(b->init) && ts_node_symbol(b->init) == ll_js.sym.string))
      return false;
    *out = text_of(f, node);
    *by_name = true;
    return true;
  }
  // `EVENTS.update`, `Constants.events.SHOW`: a member path on a fixed binding, whose members
  // are not assigned in the file (as far as a path of plain names goes).
  if (ts_node_symbol(node) != ll_js.sym.member_expression) return false;
  TSNode root = node;
  while (ts_node_symbol(root) == ll_js.sym.member_expression)
    root = ts_node_child_by_field_id(root, ll_js.field.object);
  if (ts_node_symbol(root) != ll_js.sym.identifier) return false;
  const ll_ref *ref = ll_facts_ref_at(f, root);
  if (!ref || !ref->target || !is_fixed_binding(ref->target)) return false;
  const ll_binding *b = ref->target;
  for (const ll_ref *use = b->refs; use; use = use->next_of_binding) {
    // `EVENTS.update = ...` anywhere: the member varies.
    TSNode up = use->parent;
    while (ts_node_symbol(up) == ll_js.sym.member_expression) {
      TSNode parent = ll_ast_parent_of(up);
      if (ts_node_symbol(parent) == ll_js.sym.assignment_expression &&
          ts_node_eq(ts_node_child_by_field_id(parent, ll_js.field.left), up))
        return false;
      if (ts_node_symbol(parent) != ll_js.sym.member_expression) break;
      up = parent;
    }
  }
  // `const EVENTS = { update: 'update' }` (or frozen): the string the member holds.
  TSNode init = ll_ast_unparenthesized(b->init);
  if (!ts_node_is_null(init) && ts_node_symbol(init) == ll_js.sym.call_expression &&
      ll_str_eq(text_of(f, ts_node_child_by_field_id(init, ll_js.field.function)), "Object.freeze"))
    init = ll_ast_unparenthesized(
        ll_ast_named_child(ts_node_child_by_field_id(init, ll_js.field.arguments), 0));
  if (!ts_node_is_null(init) && ts_node_symbol(init) == ll_js.sym.object &&
      ts_node_eq(ts_node_child_by_field_id(node, ll_js.field.object), root)) {
    ll_str member = text_of(f, ts_node_child_by_field_id(node, ll_js.field.property));
    uint32_t n = ts_node_named_child_count(init);
    for (uint32_t i = 0; i < n; i++) {
      TSNode pair = ts_node_named_child(init, i);
      if (ts_node_symbol(pair) != ll_js.sym.pair) continue;
      ll_str key = text_of(f, ts_node_child_by_field_id(pair, ll_js.field.key));
      if (key.len == member.len && !memcmp(key.ptr, member.ptr, key.len) &&
          string_contents(f, ts_node_child_by_field_id(pair, ll_js.field.value), out))
        return true;
    }
  }
  *out = text_of(f, node);
  *by_name = true;
  return true;
}

bool ll_facts_made_in_this_run(const ll_facts *f, TSNode expr, const ll_path *path) {
  const ll_scope *fn = ll_scope_at(f->model, ts_node_start_byte(expr))->function;
  if (!is_function_scope(fn)) return false;
  TSNode body = ts_node_child_by_field_id(fn->node, ll_js.field.body);
  if (ts_node_is_null(body)) return false;
  fresh_search search = {f, path, ts_node_start_byte(expr)};
  return ll_ast_find(body, assigns_new_object, &search);
}

bool ll_facts_listener_outlives_run(const ll_facts *f, TSNode call, const ll_path *emitter) {
  if (!ll_path_is_lasting_emitter(emitter)) return false;
  // An import the file calls (`busboy({ headers })`) is a factory function, not an emitter.
  const ll_binding *root = emitter->binding;
  if (root && root->kind == LL_BIND_IMPORT && !emitter->text[0])
    for (const ll_ref *ref = root->refs; ref; ref = ref->next_of_binding)
      if (ref->flags & LL_REF_CALLEE) return false;
  // `this.http.server = http.createServer(app); this.http.server.on(...)`: the listener goes
  // with the server this run made.
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  TSNode receiver = ll_ast_is(callee, ll_js.sym.member_expression)
                        ? ts_node_child_by_field_id(callee, ll_js.field.object)
                        : (TSNode){.id = NULL};
  return ts_node_is_null(receiver) || !emitter->text[0] ||
         !ll_facts_made_in_this_run(f, receiver, emitter);
}

bool ll_path_is_lasting_emitter(const ll_path *path) {
  return path->lifetime == LL_LIFETIME_LONG || path->lifetime == LL_LIFETIME_CONNECTION ||
         (path->binding && path->binding->kind == LL_BIND_IMPORT && !strstr(path->text, "[]"));
}

bool ll_path_equal(const ll_path *a, const ll_path *b) {
  return a->binding == b->binding && a->this_class == b->this_class && a->host.len == b->host.len &&
         (a->host.len == 0 || memcmp(a->host.ptr, b->host.ptr, a->host.len) == 0) &&
         strcmp(a->text, b->text) == 0;
}

const char *ll_path_describe(const ll_path *path, ll_arena *arena) {
  if (path->binding)
    return ll_arena_printf(arena, "%.*s%s", (int)path->binding->name.len, path->binding->name.ptr,
                           path->text);
  if (path->this_class) return ll_arena_printf(arena, "this%s", path->text);
  return ll_arena_printf(arena, "%.*s%s", (int)path->written.len, path->written.ptr, path->text);
}
