// listener-unbalanced: a listener added again and again to an emitter that outlives the code
// adding it, and never removed; or a removal that can never match the listener it means.
//
// Every `.on()` appends its function to the emitter's listener list, and the emitter keeps that
// function, and everything the function captures (a request, a response, a socket), alive for as
// long as the emitter lives. Added from a request handler, a timer or a loop, the list grows on
// every run; Node prints MaxListenersExceededWarning long after the heap started growing.
//
// The rule collects every add and every removal of the file during the walk; at the end it
// matches them by emitter (same root and member path), event (same string or constant) and
// function object (same binding or member path; an inline function or a `.bind()` result is a
// new object each time and can never be removed by another expression).
#include <stdio.h>
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/handles.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "events", NULL};
static const char *const node_types[] = {"call_expression", "new_expression", NULL};

enum { OPT_IGNORE_EVENTS };
static const ll_rule_option rule_options[] = {
    [OPT_IGNORE_EVENTS] =
        {"ignoreEvents", "events whose listeners are never reported (e.g. \"^(error|SIGTERM)$\")"},
    {0},
};

typedef enum fn_kind {
  FN_UNKNOWN, // a call result, a parameter's member...: identity unknown, never guessed
  FN_NAMED,   // a binding or a member path: removable with the same expression
  FN_INLINE,  // a function literal: a new object, removable only through a stored reference
  FN_BOUND,   // `f.bind(x)`: a new object at every call
} fn_kind;

typedef struct listener_call {
  TSNode call;
  bool is_add;
  bool removes_all; // removeAllListeners(...)
  ll_path emitter;
  bool emitter_known;
  ll_str event; // the event's text: string contents, or a constant's initializer; for a set
                // of events, the array literal they come from
  bool event_known;
  bool event_set;     // `event` is an array of strings, and the call runs once for each
  bool event_by_name; // `event` is a constant's name (`Events.Change`), not its value
  fn_kind fn;
  TSNode listener;    // the function argument; may be null
  ll_path fn_path;    // for FN_NAMED
  bool capture;       // addEventListener's capture flag
  bool self_removing; // once, prependOnceListener, { once: true }, { signal }
  bool orphaned;      // a removal that no add in the file can match
  ll_frequency freq;
  ll_repeat why;
  bool in_loop;
  const ll_scope *scope;
  const ll_scope *class_scope; // the class whose member makes the call, if any
  struct listener_call *next;
} listener_call;

typedef struct state {
  listener_call *calls, *last;
} state;

// True when `array` is an array literal of string literals only.
static bool is_string_array(TSNode array) {
  if (!ll_ast_is(array, ll_js.sym.array)) return false;
  uint32_t n = ts_node_named_child_count(array);
  for (uint32_t i = 0; i < n; i++)
    if (!ll_ast_is(ts_node_named_child(array, i), ll_js.sym.string)) return false;
  return n > 0;
}

// `array` when it is an array literal of string literals only, or a `const` initialized with
// one (`const signals = ['SIGINT', 'SIGTERM']`); else a null node.
static TSNode string_array(const ll_ctx *ctx, TSNode array) {
  TSNode none = {.id = NULL};
  array = ll_ast_unparenthesized(array);
  if (ll_ast_is(array, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), array);
    if (!ref || !ref->target || ref->target->kind != LL_BIND_CONST) return none;
    array = ref->target->init;
  }
  return is_string_array(array) ? array : none;
}

// The array of event names a loop variable takes: `for (const sig of ['SIGINT', 'SIGTERM'])`,
// `['SIGINT', 'SIGTERM'].forEach((sig) => ...)`. A null node when `b` is not such a variable.
static TSNode event_array_of(const ll_ctx *ctx, const ll_binding *b) {
  TSNode none = {.id = NULL};
  if (ts_node_is_null(b->decl)) return none;
  TSNode parent = ts_node_parent(b->decl);
  if (ll_ast_is(parent, ll_js.sym.for_in_statement))
    return string_array(ctx, ll_ast_field(parent, ll_js.field.right));
  if (b->kind != LL_BIND_PARAM) return none;
  // The first parameter of the callback of `[...].forEach`.
  TSNode fn = parent;
  if (ll_ast_is(fn, ll_js.sym.formal_parameters)) {
    if (!ts_node_eq(ts_node_named_child(fn, 0), b->decl)) return none;
    fn = ts_node_parent(fn);
  }
  TSNode child = fn, args = ll_ast_parent(&child);
  if (!ll_ast_is(args, ll_js.sym.arguments)) return none;
  TSNode callee = ll_ast_field(ts_node_parent(args), ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression) ||
      !ll_str_eq(ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property)), "forEach"))
    return none;
  return string_array(ctx, ll_ast_field(callee, ll_js.field.object));
}

static fn_kind function_of(const ll_ctx *ctx, TSNode arg, ll_path *path) {
  arg = ll_ast_unparenthesized(arg);
  if (ts_node_is_null(arg)) return FN_UNKNOWN;
  TSSymbol sym = ts_node_symbol(arg);
  if (sym == ll_js.sym.function_expression || sym == ll_js.sym.generator_function) {
    // `function fireCallBack(e) { ...; el.removeEventListener('x', fireCallBack) }`: the
    // name of a function expression refers to it from inside, and a removal there matches.
    TSNode name = ll_ast_field(arg, ll_js.field.name);
    TSNode body = ll_ast_field(arg, ll_js.field.body);
    const ll_facts *facts = ll_ctx_facts(ctx);
    if (!ts_node_is_null(name) && !ts_node_is_null(body)) {
      const ll_scope *own = ll_scope_at(ll_facts_model(facts), ts_node_start_byte(body));
      if (own && ll_facts_declared_path(facts, own, name, path) && path->binding &&
          path->binding->refs)
        return FN_NAMED;
    }
    return FN_INLINE;
  }
  if (sym == ll_js.sym.arrow_function) return FN_INLINE;
  if (sym == ll_js.sym.call_expression) {
    TSNode callee = ll_ast_field(arg, ll_js.field.function);
    if (ll_ast_is(callee, ll_js.sym.member_expression) &&
        ll_str_eq(ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property)), "bind"))
      return FN_BOUND;
    return FN_UNKNOWN;
  }
  if (ll_facts_path(ll_ctx_facts(ctx), arg, path)) return FN_NAMED;
  return FN_UNKNOWN;
}

// addEventListener's third argument: `true`, or an options object.
static void read_options(const ll_ctx *ctx, TSNode options, listener_call *lc) {
  if (ts_node_is_null(options)) return;
  ll_str t = ll_ctx_text(ctx, options);
  if (ll_str_eq(t, "true")) {
    lc->capture = true;
    return;
  }
  if (!ll_ast_is(options, ll_js.sym.object)) return;
  uint32_t n = ts_node_named_child_count(options);
  for (uint32_t i = 0; i < n; i++) {
    TSNode member = ts_node_named_child(options, i);
    ll_str key, value = {"", 0};
    if (ll_ast_is(member, ll_js.sym.pair)) {
      key = ll_ctx_text(ctx, ll_ast_field(member, ll_js.field.key));
      value = ll_ctx_text(ctx, ll_ast_field(member, ll_js.field.value));
    } else if (ll_ast_is(member, ll_js.sym.shorthand_property_identifier)) {
      key = ll_ctx_text(ctx, member);
      value = key;
    } else {
      continue;
    }
    if (ll_str_eq(key, "capture")) lc->capture = ll_str_eq(value, "true");
    if (ll_str_eq(key, "once") && !ll_str_eq(value, "false")) lc->self_removing = true;
    if (ll_str_eq(key, "signal")) lc->self_removing = true; // removed when the signal aborts
  }
}

static const ll_scope *enclosing_class(const ll_scope *scope) {
  for (const ll_scope *s = scope; s; s = s->parent)
    if (s->kind == LL_SCOPE_CLASS) return s;
  return NULL;
}

// A subscription, reaction, watcher or observer (handles.h) acquired by code that runs again and
// again, whose handle is dropped or kept and never released: each run leaves one more
// registered.
static void check_handle(ll_ctx *ctx, TSNode call) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  ll_handle handle;
  ll_repeat why;
  if (!ll_handle_of_call(facts, call, &handle) ||
      ll_ctx_frequency_at(ctx, call, &why) != LL_FREQ_REPEATED)
    return;
  ll_arena *arena = ll_ctx_arena(ctx);
  const char *kept_in;
  ll_handle_fate fate = ll_facts_handle_fate(facts, call, &handle, arena, &kept_in);
  if (fate != LL_HANDLE_DROPPED && fate != LL_HANDLE_KEPT) return;
  TSNode callee = ll_ast_is(call, ll_js.sym.new_expression)
                      ? ll_ast_field(call, ll_js.field.constructor)
                      : ll_ast_field(call, ll_js.field.function);
  ll_str name = ll_ctx_text(ctx, callee);
  if (name.len > 40 && ll_ast_is(callee, ll_js.sym.member_expression))
    name = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  if (name.len > 40) name.len = 40;
  const char *made =
      ll_arena_printf(arena, "%s%.*s", ll_ast_is(call, ll_js.sym.new_expression) ? "new " : "",
                      (int)name.len, name.ptr);
  const char *verb = ll_ast_is(call, ll_js.sym.new_expression) ? "made" : "called";
  const char *where = ll_facts_describe_repeat(facts, arena, &why);
  const char *unit = ll_facts_repeat_unit(facts, &why);
  if (fate == LL_HANDLE_DROPPED) {
    ll_ctx_report_repeated(ctx, call, &why, 0,
                           "`%s` is %s %s, and what it returns, the only way to end the %s "
                           "(%s), is dropped: every %s adds one more %s",
                           made, verb, where, handle.what, handle.release, unit, handle.what);
    return;
  }
  const char *teardown = ll_facts_teardown_misses(facts, arena, &why, "release");
  ll_ctx_report_repeated(
      ctx, call, &why, 0,
      "`%s` is %s %s; what it returns is kept in `%s` but %s: every %s adds one more %s", made,
      verb, where, kept_in,
      teardown
          ? teardown
          : ll_arena_printf(arena, "never used to end the %s (%s)", handle.what, handle.release),
      unit, handle.what);
}

static void on_call(ll_ctx *ctx, TSNode call, void *opaque) {
  state *st = opaque;
  ll_listener_call parts;
  if (!ll_ast_is(call, ll_js.sym.call_expression) ||
      !ll_vocab_listener_call(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx), call,
                              &parts)) {
    check_handle(ctx, call); // not a listener call: perhaps a subscription
    return;
  }
  bool removes_all = parts.kind == LL_LISTENER_REMOVE_ALL;
  bool is_add = parts.kind == LL_LISTENER_ADD || parts.kind == LL_LISTENER_ADD_ONCE;
  // A listener call names a function (and, but for some configured methods, an event first);
  // `removeAllListeners` may name neither.
  if (!removes_all && ts_node_is_null(parts.listener)) return;
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  uint32_t n_args = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n_args; i++)
    if (ts_node_symbol(ts_node_named_child(args, i)) == ll_js.sym.spread_element) return;

  listener_call *lc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *lc);
  lc->call = call;
  lc->is_add = is_add;
  lc->removes_all = removes_all;
  lc->self_removing = parts.kind == LL_LISTENER_ADD_ONCE;
  // A configured add whose result is kept (`const off = store.subscribe(fn)`) may return its
  // own remover: whoever holds the result can remove the listener.
  if (parts.configured && is_add &&
      !ll_ast_is(ts_node_parent(call), ll_js.sym.expression_statement))
    lc->self_removing = true;
  lc->emitter_known = ll_facts_path(ll_ctx_facts(ctx), parts.emitter, &lc->emitter);
  if (ts_node_is_null(parts.event)) {
    lc->event_known = !removes_all; // the method takes no event: all its listeners are one kind
  } else {
    lc->event_known =
        ll_facts_event_name(ll_ctx_facts(ctx), parts.event, &lc->event, &lc->event_by_name);
    const ll_ref *ref = lc->event_known || !ll_ast_is(parts.event, ll_js.sym.identifier)
                            ? NULL
                            : ll_facts_ref_at(ll_ctx_facts(ctx), parts.event);
    TSNode array = ref && ref->target ? event_array_of(ctx, ref->target) : (TSNode){.id = NULL};
    if (!ts_node_is_null(array)) {
      lc->event = ll_ctx_text(ctx, array);
      lc->event_known = lc->event_set = true;
    }
  }
  lc->listener = ll_ast_unparenthesized(parts.listener);
  if (!ts_node_is_null(parts.listener)) lc->fn = function_of(ctx, parts.listener, &lc->fn_path);
  if (!ts_node_is_null(parts.options)) read_options(ctx, parts.options, lc);
  lc->freq = ll_ctx_frequency_at(ctx, call, &lc->why);
  lc->in_loop = ll_ctx_in_loop(ctx);
  lc->scope = ll_ctx_scope(ctx);
  lc->class_scope = enclosing_class(lc->scope);
  if (st->last)
    st->last->next = lc;
  else
    st->calls = lc;
  st->last = lc;
}

// True when `event` (a string's contents) is one of the strings of the array literal `set`.
static bool in_set(ll_str set, ll_str event) {
  for (uint32_t i = 0; i + event.len + 2 <= set.len; i++) {
    char quote = set.ptr[i];
    if ((quote == '\'' || quote == '"' || quote == '`') && set.ptr[i + event.len + 1] == quote &&
        memcmp(set.ptr + i + 1, event.ptr, event.len) == 0)
      return true;
  }
  return false;
}

// Same event: equal names, or, for a set of events, the same set or a name of it (a removal of
// one of the events counts: the file removes at least some of them, and nothing is guessed).
static bool same_event(const listener_call *a, const listener_call *b) {
  if (!a->event_known || !b->event_known) return false;
  if (a->event_set != b->event_set)
    return a->event_set ? in_set(a->event, b->event) : in_set(b->event, a->event);
  return a->event.len == b->event.len && memcmp(a->event.ptr, b->event.ptr, a->event.len) == 0;
}

static bool same_root(const ll_path *a, const ll_path *b) {
  ll_path ra = *a, rb = *b;
  ra.text[0] = rb.text[0] = '\0';
  return ll_path_equal(&ra, &rb);
}

// Can `removal` remove `add`? MAYBE when the file cannot tell. When it cannot, and the removal
// plainly targets the add (same emitter and event, or the same function), `*why_not` says why.
typedef enum match { MATCH_NO, MATCH_MAYBE, MATCH_YES } match;

static bool is_parameter(const ll_path *path) {
  return path->binding && path->binding->kind == LL_BIND_PARAM;
}

static match removes(ll_arena *arena, const listener_call *removal, const listener_call *add,
                     const char **why_not) {
  *why_not = NULL;
  if (!removal->emitter_known || !add->emitter_known) return MATCH_MAYBE;
  // The emitters are the same object, may be (two names the file cannot relate, such as
  // `this.transport` and a `transport` parameter), or are known to differ (one root, different
  // members: `process.stdout` and `process.stdin`; or two long-lived bindings).
  enum { SAME, MAYBE_SAME, DIFFERENT } emitters = SAME;
  if (!ll_path_equal(&removal->emitter, &add->emitter))
    emitters = same_root(&removal->emitter, &add->emitter) ||
                       (removal->emitter.lifetime == LL_LIFETIME_LONG &&
                        add->emitter.lifetime == LL_LIFETIME_LONG)
                   ? DIFFERENT
                   : MAYBE_SAME;
  if (removal->removes_all) {
    if (emitters == DIFFERENT) return MATCH_NO;
    uint32_t n_args = ts_node_named_child_count(ll_ast_field(removal->call, ll_js.field.arguments));
    if (n_args == 0 || same_event(removal, add)) return emitters == SAME ? MATCH_YES : MATCH_MAYBE;
    return removal->event_known && add->event_known ? MATCH_NO : MATCH_MAYBE;
  }
  bool events_known = removal->event_known && add->event_known;
  bool same_fn = add->fn == FN_NAMED && removal->fn == FN_NAMED &&
                 ll_path_equal(&add->fn_path, &removal->fn_path);
  if (!events_known) return emitters == DIFFERENT ? MATCH_NO : MATCH_MAYBE;
  if (!same_event(removal, add)) {
    if (same_fn && emitters == SAME) {
      *why_not = ll_arena_printf(arena, "it names the event '%.*s'", (int)removal->event.len,
                                 removal->event.ptr);
    }
    return MATCH_NO;
  }
  if (emitters == DIFFERENT) {
    if (same_fn)
      *why_not = ll_arena_printf(arena, "it removes from `%s`, a different emitter",
                                 ll_path_describe(&removal->emitter, arena));
    return MATCH_NO;
  }
  // Same event on the same, or possibly the same, emitter: the function object decides.
  if (add->fn == FN_INLINE) {
    *why_not = "the listener is an inline function, a new object that no other expression "
               "refers to";
    return MATCH_NO;
  }
  if (add->fn == FN_BOUND) {
    *why_not = "`.bind()` creates a new function on every call, so the removal passes a "
               "different object";
    return MATCH_NO;
  }
  if (removal->fn == FN_INLINE || removal->fn == FN_BOUND) {
    *why_not = "the removal passes a new function object, not the one that was added";
    return MATCH_NO;
  }
  if (add->fn == FN_UNKNOWN || removal->fn == FN_UNKNOWN) return MATCH_MAYBE;
  // A parameter holds whatever function its caller passes: `subscribe(fn)` and
  // `unsubscribe(fn)` are handed the same one.
  if (!same_fn && (is_parameter(&add->fn_path) || is_parameter(&removal->fn_path)))
    return MATCH_MAYBE;
  if (!same_fn) {
    if (emitters == SAME)
      *why_not = ll_arena_printf(arena, "it removes `%s`, a different function",
                                 ll_path_describe(&removal->fn_path, arena));
    return MATCH_NO;
  }
  if (add->capture != removal->capture) {
    *why_not = "the capture flags differ, and a listener is only removed with the same flag";
    return MATCH_NO;
  }
  return emitters == SAME ? MATCH_YES : MATCH_MAYBE;
}

// The emitter outlives the code that adds to it: module or global scope, a global object,
// `process`, `window`, `document`, a static member, an import.
static bool emitter_is_long_lived(const ll_ctx *ctx, const listener_call *add) {
  return add->emitter_known &&
         ll_facts_listener_outlives_run(ll_ctx_facts(ctx), add->call, &add->emitter);
}

// A constructor adding to an emitter handed to it: the emitter existed before the instance and
// will keep every instance reachable. (A method's parameter is as often the instance's own
// connection or stream passed between its helpers, so only constructor parameters count; and
// an emitter the class ends itself, a client's connection, is the instance's own.)
static bool emitter_is_constructor_parameter(const ll_ctx *ctx, const listener_call *add) {
  const ll_binding *root = add->emitter.binding;
  if (!add->emitter_known || !root || root->kind != LL_BIND_PARAM || add->emitter.text[0] ||
      !add->class_scope)
    return false;
  const ll_scope *fn = root->scope;
  if (fn->parent != add->class_scope || !ll_ast_is(fn->node, ll_js.sym.method_definition))
    return false;
  return ll_str_eq(ll_ctx_text(ctx, ll_ast_field(fn->node, ll_js.field.name)), "constructor") &&
         !ll_facts_class_ends(ll_ctx_facts(ctx), add->class_scope, root);
}

// A listener on the process's standard streams (`process.stdin.on('data', ...)`).
static bool reads_standard_stream(const listener_call *add) {
  return !strcmp(add->emitter.text, ".stdin") || !strcmp(add->emitter.text, ".stdout") ||
         !strcmp(add->emitter.text, ".stderr");
}

// A signal, exit or crash handler on the process itself (`process.on('SIGTERM', ...)`), or a
// reader of its standard streams: a daemon installs it once, at start-up, in its `start()` or a
// CLI command. Only code the file
// shows to repeat, or a handler that keeps the data of the call that adds it, makes it a leak;
// the mere chance that some caller runs it twice does not.
static bool is_process_lifecycle(const listener_call *add) {
  if (!add->emitter_known || add->event_set) return false;
  bool is_process = (add->emitter.binding == NULL && ll_str_eq(add->emitter.host, "process")) ||
                    (add->emitter.binding && add->emitter.binding->kind == LL_BIND_IMPORT &&
                     add->emitter.lifetime == LL_LIFETIME_LONG);
  if (!is_process) return false;
  // `process.stdin.on('data')` in a command-line tool: read once per command.
  if (reads_standard_stream(add)) return true;
  if (add->emitter.text[0]) return false;
  static const char *const events[] = {
      "SIGINT",   "SIGTERM",    "SIGHUP",  "SIGQUIT",    "SIGUSR1",           "SIGUSR2",
      "SIGBREAK", "SIGWINCH",   "exit",    "beforeExit", "uncaughtException", "unhandledRejection",
      "warning",  "disconnect", "message", NULL};
  for (const char *const *e = events; *e; e++)
    if (ll_str_eq(add->event, *e)) return true;
  return false;
}

typedef struct capture_search {
  const ll_scope *run; // the function whose run adds the listener
  bool found;
} capture_search;

static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  capture_search *search = data;
  if (b->kind != LL_BIND_FUNCTION && ll_scope_is_within(b->scope, search->run))
    search->found = true;
}

// True when the listener is an inline function that captures a parameter or a local of the
// function that adds it: the listener keeps that run's data (a user, a request, a child), the
// signature of a handler added per call rather than once.
static bool keeps_run_state(const ll_ctx *ctx, const listener_call *add) {
  if (add->fn != FN_INLINE || !add->scope) return false;
  TSNode body = ll_ast_field(add->listener, ll_js.field.body);
  if (ts_node_is_null(body)) return false;
  const ll_scope *fn = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(body))->function;
  if (!ts_node_eq(fn->node, add->listener)) return false;
  capture_search search = {add->scope->function, false};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &search);
  return search.found;
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  ll_arena *arena = ll_ctx_arena(ctx);
  // A removal that matches some add does its job; only one that can match none was plainly
  // meant for an add it misses (`off('data', handler)` after `on('data', handler.bind(this))`).
  for (listener_call *rm = st->calls; rm; rm = rm->next) {
    if (rm->is_add) continue;
    rm->orphaned = true;
    for (const listener_call *add = st->calls; add && rm->orphaned; add = add->next) {
      const char *ignored;
      if (add->is_add && removes(arena, rm, add, &ignored) != MATCH_NO) rm->orphaned = false;
    }
  }
  for (const listener_call *add = st->calls; add; add = add->next) {
    if (!add->is_add || add->self_removing) continue;
    const listener_call *mismatch = NULL;
    const char *mismatch_reason = NULL;
    bool balanced = false;
    for (const listener_call *rm = st->calls; rm && !balanced; rm = rm->next) {
      if (rm->is_add) continue;
      const char *why_not;
      match m = removes(arena, rm, add, &why_not);
      if (m != MATCH_NO)
        balanced = true;
      else if (why_not && rm->orphaned && !mismatch) {
        mismatch = rm;
        mismatch_reason = why_not;
      }
    }
    if (balanced) continue;
    ll_str event = add->event_known ? add->event : (ll_str){"?", 1};
    // The project says these events are meant to be listened to for good.
    if (add->event_known && ll_ctx_option_matches(ctx, OPT_IGNORE_EVENTS, event)) continue;
    // "listener for 'data'", "listener for each of ['SIGINT', 'SIGTERM']", or "listener" for a
    // method that takes no event.
    const char *what =
        add->event_set
            ? ll_arena_printf(arena, "listener for each of %.*s", (int)event.len, event.ptr)
        : event.len && add->event_by_name
            ? ll_arena_printf(arena, "listener for `%.*s`", (int)event.len, event.ptr)
        : event.len ? ll_arena_printf(arena, "listener for '%.*s'", (int)event.len, event.ptr)
                    : "listener";
    const char *emitter = add->emitter_known ? ll_path_describe(&add->emitter, arena) : "?";
    if (mismatch) {
      // The code meant to remove it: flagged wherever the add is.
      ll_ctx_report(ctx, add->call,
                    "%s on `%s` is never removed: the removal at line %u "
                    "cannot match it, because %s",
                    what, emitter,
                    ll_source_position(ll_ctx_source(ctx), ts_node_start_byte(mismatch->call)).line,
                    mismatch_reason);
      continue;
    }
    // Without the event's name the file cannot tell what is added: stay silent.
    if (!add->event_known || !add->emitter_known) continue;
    if (add->freq == LL_FREQ_REPEATED && emitter_is_long_lived(ctx, add)) {
      bool sure_only = is_process_lifecycle(add) && !keeps_run_state(ctx, add);
      // In a component's set-up: say which teardown misses the removal, and per what it adds.
      const ll_facts *facts = ll_ctx_facts(ctx);
      const char *teardown = ll_facts_teardown_misses(facts, arena, &add->why, "remove");
      ll_ctx_report_repeated(ctx, add->call, &add->why, sure_only ? LL_REPORT_SURE_ONLY : 0,
                             "%s is added to long-lived `%s` %s, and %s: every %s adds one more",
                             what, emitter, ll_facts_describe_repeat(facts, arena, &add->why),
                             teardown ? teardown : "never removed",
                             ll_facts_repeat_unit(facts, &add->why));
    } else if (add->in_loop && !add->event_set && emitter_is_long_lived(ctx, add) &&
               add->emitter.text[0] != '[' && !strstr(add->emitter.text, "[]")) {
      // The same emitter and event in every iteration: the listener is stacked once per
      // iteration. (A loop over a set of events adds one listener to each: not a stack.)
      ll_ctx_report(ctx, add->call,
                    "%s is added to `%s` inside a loop, once per iteration, and "
                    "never removed",
                    what, emitter);
    } else if (add->freq == LL_FREQ_REPEATED && add->why.reason == LL_REPEAT_CLASS_MEMBER &&
               emitter_is_constructor_parameter(ctx, add)) {
      ll_ctx_report_with_confidence(
          ctx, add->call, LL_CONFIDENCE_MEDIUM,
          "%s is added to `%s`, an emitter the instance did not create, "
          "and no method of the class removes it: every instance stays reachable from "
          "the emitter",
          what, emitter);
    }
  }
}

const ll_rule ll_rule_listener_unbalanced = {
    .id = "listener-unbalanced",
    .name = "ListenerUnbalanced",
    .short_description = "Listener added by code that runs repeatedly and never removed",
    .full_description =
        "Adding a listener in a request handler, loop, timer or effect grows the emitter's\n"
        "listener list on every run; the emitter keeps each function, and everything it\n"
        "captures, alive for as long as the emitter lives.\n\n"
        "Bad:\n\n"
        "```js\n"
        "app.get('/feed', (req, res) => {\n"
        "  bus.on('tick', (t) => res.write(t)); // one more listener per request\n"
        "});\n"
        "```\n\n"
        "Good: register once at start-up, use `once()` or `{ once: true }`, pass an\n"
        "AbortSignal, or remove the same function with `off()` / `removeListener()` when the\n"
        "request ends. A removal only works with the same emitter, event and function object\n"
        "(and, for DOM listeners, the same capture flag): an inline function or `f.bind(x)`\n"
        "can never be removed by another expression.\n",
    .help_uri = LL_DOCS_URL "#listener-unbalanced",
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .options = rule_options,
    .state_size = sizeof(state),
    .enter = on_call,
    .file_end = file_end,
};
