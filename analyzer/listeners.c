// The listeners fact (listeners.h): the listener calls of a file, collected during the engine's
// walk, and the matching of a removal to an add: same emitter (root and member path), same event
// (string or constant) and same function object (same binding or member path; an inline function
// or a `.bind()` result is a new object each time and can never be removed by another
// expression).
#include "analyzer/listeners.h"

#include <string.h>

#include "analyzer/ast.h"

static const char *const node_types[] = {"call_expression", NULL};

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
  TSNode parent = ll_ast_parent_of(b->decl);
  if (ll_ast_is(parent, ll_js.sym.for_in_statement))
    return string_array(ctx, ll_ast_field(parent, ll_js.field.right));
  if (b->kind != LL_BIND_PARAM) return none;
  // The first parameter of the callback of `[...].forEach`.
  TSNode fn = parent;
  if (ll_ast_is(fn, ll_js.sym.formal_parameters)) {
    if (!ts_node_eq(ts_node_named_child(fn, 0), b->decl)) return none;
    fn = ll_ast_parent_of(fn);
  }
  TSNode child = fn, args = ll_ast_parent(&child);
  if (!ll_ast_is(args, ll_js.sym.arguments)) return none;
  TSNode callee = ll_ast_field(ll_ast_parent_of(args), ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression) ||
      !ll_str_eq(ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property)), "forEach"))
    return none;
  return string_array(ctx, ll_ast_field(callee, ll_js.field.object));
}

typedef struct return_search {
  bool any, all_functions;
} return_search;

// ll_ast_find's visitor over a function body: its `return`s, and whether each returns a function
// literal.
static bool visit_return(TSNode node, void *data) {
  return_search *r = data;
  if (!ll_ast_is(node, ll_js.sym.return_statement)) return false;
  r->any = true;
  if (!ll_ast_is_function(ll_ast_unparenthesized(ts_node_named_child(node, 0))))
    r->all_functions = false;
  return !r->all_functions;
}

// True when the call `call` calls a function declared in the file whose every `return` returns
// a new function literal (`function bind(m, c) { return function () { ... }; }`).
static bool makes_new_function(const ll_ctx *ctx, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), callee);
  if (!ref || !ref->target || ref->target->kind != LL_BIND_FUNCTION) return false;
  TSNode fn = ll_ast_parent_of(ref->target->decl);
  if (!ll_ast_is(fn, ll_js.sym.function_declaration)) return false;
  TSNode body = ll_ast_field(fn, ll_js.field.body);
  return_search r = {false, true};
  if (!ts_node_is_null(body)) ll_ast_find(body, visit_return, &r);
  return r.any && r.all_functions;
}

static ll_listener_fn function_of(const ll_ctx *ctx, TSNode arg, ll_path *path, bool *bound_known,
                                  ll_str *maker) {
  arg = ll_ast_unparenthesized(arg);
  if (ts_node_is_null(arg)) return LL_FN_UNKNOWN;
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
        return LL_FN_NAMED;
    }
    return LL_FN_INLINE;
  }
  if (sym == ll_js.sym.arrow_function) return LL_FN_INLINE;
  if (sym == ll_js.sym.call_expression) {
    TSNode callee = ll_ast_field(arg, ll_js.field.function);
    if (ll_ast_is(callee, ll_js.sym.member_expression) &&
        ll_str_eq(ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property)), "bind")) {
      // `f.bind(x)`: which function was bound, for a removal of `f` itself
      *bound_known =
          ll_facts_path(ll_ctx_facts(ctx), ll_ast_field(callee, ll_js.field.object), path);
      return LL_FN_BOUND;
    }
    if (makes_new_function(ctx, arg)) {
      *maker = ll_ctx_text(ctx, callee);
      return LL_FN_MADE;
    }
    return LL_FN_UNKNOWN;
  }
  if (ll_facts_path(ll_ctx_facts(ctx), arg, path)) return LL_FN_NAMED;
  return LL_FN_UNKNOWN;
}

// addEventListener's third argument: `true`, or an options object.
static void read_options(const ll_ctx *ctx, TSNode options, ll_listener_site *lc) {
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
static void on_call(ll_ctx *ctx, TSNode call, void *opaque) {
  ll_listeners *st = opaque;
  ll_listener_call parts;
  if (!ll_ast_is(call, ll_js.sym.call_expression) ||
      !ll_vocab_listener_call(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx), call,
                              &parts)) {
    return;
  }
  bool is_add = parts.kind == LL_LISTENER_ADD || parts.kind == LL_LISTENER_ADD_ONCE;
  // jQuery's `$(window).off('scroll.menu')`, given events and no handler, removes every handler
  // of them (Node's `off` requires the function).
  bool removes_all = parts.kind == LL_LISTENER_REMOVE_ALL ||
                     (!is_add && ts_node_is_null(parts.listener) && !ts_node_is_null(parts.event));
  // A listener call names a function (and, but for some configured methods, an event first);
  // `removeAllListeners` may name neither.
  if (!removes_all && ts_node_is_null(parts.listener)) return;
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  uint32_t n_args = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n_args; i++)
    if (ts_node_symbol(ts_node_named_child(args, i)) == ll_js.sym.spread_element) return;

  ll_listener_site *lc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *lc);
  lc->call = call;
  lc->is_add = is_add;
  lc->removes_all = removes_all;
  lc->self_removing = parts.kind == LL_LISTENER_ADD_ONCE;
  // A configured add whose result is kept (`const off = store.subscribe(fn)`) may return its
  // own remover: whoever holds the result can remove the listener.
  if (parts.configured && is_add &&
      !ll_ast_is(ll_ast_parent_of(call), ll_js.sym.expression_statement))
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
    // `.on(['slidemodeenter', 'slidemodeexit'], fn)`: event libraries take a list of events.
    if (!lc->event_known && ts_node_is_null(array)) array = string_array(ctx, parts.event);
    if (!ts_node_is_null(array)) {
      lc->event = ll_ctx_text(ctx, array);
      lc->event_known = lc->event_set = true;
    }
  }
  lc->listener = ll_ast_unparenthesized(parts.listener);
  if (!ts_node_is_null(parts.listener))
    lc->fn = function_of(ctx, parts.listener, &lc->fn_path, &lc->bound_known, &lc->maker);
  if (!ts_node_is_null(parts.options)) read_options(ctx, parts.options, lc);
  lc->freq = ll_ctx_frequency_at(ctx, call, &lc->why);
  lc->in_loop = ll_ctx_in_loop(ctx);
  lc->scope = ll_ctx_scope(ctx);
  lc->class_scope = enclosing_class(lc->scope);
  if (st->last)
    st->last->next = lc;
  else
    st->sites = lc;
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
static bool same_event(const ll_listener_site *a, const ll_listener_site *b) {
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

static bool is_parameter(const ll_path *path) {
  return path->binding && path->binding->kind == LL_BIND_PARAM;
}

ll_listener_match ll_listener_removes(ll_arena *arena, const ll_listener_site *removal,
                                      const ll_listener_site *add, const char **why_not,
                                      ll_mismatch *kind) {
  *why_not = NULL;
  *kind = LL_MISMATCH_NONE;
  if (!removal->emitter_known || !add->emitter_known) {
    // Whatever the emitters, a removal of another named event removes nothing of this add.
    bool named = removal->event_known && add->event_known && !removal->removes_all;
    return named && !same_event(removal, add) ? LL_REMOVES_NO : LL_REMOVES_MAYBE;
  }
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
    if (emitters == DIFFERENT) return LL_REMOVES_NO;
    uint32_t n_args = ts_node_named_child_count(ll_ast_field(removal->call, ll_js.field.arguments));
    if (n_args == 0 || same_event(removal, add))
      return emitters == SAME ? LL_REMOVES_YES : LL_REMOVES_MAYBE;
    return removal->event_known && add->event_known ? LL_REMOVES_NO : LL_REMOVES_MAYBE;
  }
  bool events_known = removal->event_known && add->event_known;
  bool same_fn = add->fn == LL_FN_NAMED && removal->fn == LL_FN_NAMED &&
                 ll_path_equal(&add->fn_path, &removal->fn_path);
  if (!events_known) return emitters == DIFFERENT ? LL_REMOVES_NO : LL_REMOVES_MAYBE;
  if (!same_event(removal, add)) {
    if (same_fn && emitters == SAME) {
      *kind = LL_MISMATCH_OTHER;
      *why_not = ll_arena_printf(arena, "it names the event '%.*s'", (int)removal->event.len,
                                 removal->event.ptr);
    }
    return LL_REMOVES_NO;
  }
  if (emitters == DIFFERENT) {
    if (same_fn) *kind = LL_MISMATCH_OTHER;
    *why_not = ll_arena_printf(arena, "it removes from `%s`, a different emitter",
                               ll_path_describe(&removal->emitter, arena));
    return LL_REMOVES_NO;
  }
  // Same event on the same, or possibly the same, emitter: the function object decides.
  if (add->fn == LL_FN_INLINE) {
    *kind = LL_MISMATCH_FRESH_ADD;
    *why_not = "the listener is an inline function, a new object that no other expression "
               "refers to";
    return LL_REMOVES_NO;
  }
  if (add->fn == LL_FN_BOUND) {
    *kind = LL_MISMATCH_FRESH_ADD;
    *why_not = "`.bind()` creates a new function on every call, so the removal passes a "
               "different object";
    return LL_REMOVES_NO;
  }
  if (add->fn == LL_FN_MADE) {
    *kind = LL_MISMATCH_FRESH_ADD;
    *why_not = ll_arena_printf(arena,
                               "`%.*s()` makes a new function on every call, so the removal "
                               "passes a different object",
                               (int)add->maker.len, add->maker.ptr);
    return LL_REMOVES_NO;
  }
  if (removal->fn == LL_FN_INLINE || removal->fn == LL_FN_BOUND || removal->fn == LL_FN_MADE) {
    *kind = LL_MISMATCH_FRESH_REMOVAL;
    *why_not = "the removal passes a new function object, not the one that was added";
    return LL_REMOVES_NO;
  }
  if (add->fn == LL_FN_UNKNOWN || removal->fn == LL_FN_UNKNOWN) return LL_REMOVES_MAYBE;
  // A parameter holds whatever function its caller passes: `subscribe(fn)` and
  // `unsubscribe(fn)` are handed the same one.
  if (!same_fn && (is_parameter(&add->fn_path) || is_parameter(&removal->fn_path)))
    return LL_REMOVES_MAYBE;
  if (!same_fn) {
    if (emitters == SAME) *kind = LL_MISMATCH_OTHER;
    *why_not = ll_arena_printf(arena, "it removes `%s`, a different function",
                               ll_path_describe(&removal->fn_path, arena));
    return LL_REMOVES_NO;
  }
  if (add->capture != removal->capture) {
    *kind = LL_MISMATCH_OTHER;
    *why_not = "the capture flags differ, and a listener is only removed with the same flag";
    return LL_REMOVES_NO;
  }
  return emitters == SAME ? LL_REMOVES_YES : LL_REMOVES_MAYBE;
}

// A removal that matches some add does its job; only one that can match none was plainly meant
// for an add it misses (`off('data', handler)` after `on('data', handler.bind(this))`).
static void file_end(ll_ctx *ctx, void *opaque) {
  ll_listeners *st = opaque;
  ll_arena *arena = ll_ctx_arena(ctx);
  for (ll_listener_site *rm = st->sites; rm; rm = rm->next) {
    if (rm->is_add) continue;
    rm->orphaned = true;
    for (const ll_listener_site *add = st->sites; add && rm->orphaned; add = add->next) {
      const char *ignored;
      ll_mismatch kind;
      if (add->is_add && ll_listener_removes(arena, rm, add, &ignored, &kind) != LL_REMOVES_NO)
        rm->orphaned = false;
    }
  }
}

const char *ll_listener_describe(ll_arena *arena, const ll_listener_site *site) {
  ll_str event = site->event_known ? site->event : (ll_str){"?", 1};
  if (site->event_set)
    return ll_arena_printf(arena, "listener for each of %.*s", (int)event.len, event.ptr);
  if (event.len && site->event_by_name)
    return ll_arena_printf(arena, "listener for `%.*s`", (int)event.len, event.ptr);
  if (event.len) return ll_arena_printf(arena, "listener for '%.*s'", (int)event.len, event.ptr);
  return "listener";
}

const ll_rule ll_listeners_collector = {
    .id = "listeners",
    .name = "Listeners",
    .short_description = "Collects the listener calls of the file and matches removals to adds",
    .full_description = "Internal: not a rule users see; the engine runs it before the rules.",
    .help_uri = LL_DOCS_URL,
    .default_severity = LL_WARNING,
    .node_types = node_types,
    .state_size = sizeof(ll_listeners),
    .enter = on_call,
    .file_end = file_end,
};
