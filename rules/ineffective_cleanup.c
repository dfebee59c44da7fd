// ineffective-cleanup: cleanup code that can never release what it means to.
//
// A removal passes the function object to remove; a new one (`f.bind(this)`, an inline arrow)
// matches nothing, and neither does `f` when what was added was `f.bind(this)` or an inline
// wrapper. A clear passes a timer id; the timer's callback, a function or a timer it has just
// started is not one. A disposer method taken off its object (`return sub.unsubscribe`,
// `setTimeout(observer.disconnect)`) runs without its `this` and releases nothing. The author
// plainly meant to clean up and the code cannot: reported at the cleanup, whatever the emitter's
// lifetime and however often the code runs (the leak it leaves is as large as what it meant to
// release).
//
// Listener calls come from the listeners fact (listeners.h), timer ids and subscriptions from the
// handle fact (handles.h).
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/handles.h"
#include "analyzer/listeners.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "listeners", "correctness", NULL};
static const char *const node_types[] = {"call_expression", "return_statement", "arrow_function",
                                         NULL};

// A timer started with a named callback (`setInterval(this.tick, 1000)`): where the callback
// is, and where the id goes.
typedef struct timer_start {
  TSNode call;
  ll_handle_place callback;
  ll_handle_place id;
  struct timer_start *next;
} timer_start;

// A clear given a name (`clearInterval(this.tick)`): matched against the starts at the end.
typedef struct timer_clear {
  TSNode call;
  TSNode arg;
  ll_handle_place place;
  struct timer_clear *next;
} timer_clear;

// A release method read without being called (`sub.unsubscribe` handed on or returned).
typedef struct detached_release {
  TSNode member;
  ll_handle_place object;
  ll_str method;
  const char *use; // "returned as the effect's cleanup", "handed to setTimeout"
  struct detached_release *next;
} detached_release;

typedef struct state {
  timer_start *starts;
  timer_clear *clears;
  detached_release *detached;
} state;

static unsigned line_of(const ll_ctx *ctx, TSNode node) {
  return ll_source_position(ll_ctx_source(ctx), ts_node_start_byte(node)).line;
}

// ---------------------------------------------------------------------------------------------
// Timers

static void on_timer_call(ll_ctx *ctx, state *st, TSNode call, ll_str fn, TSNode first) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  ll_arena *arena = ll_ctx_arena(ctx);
  TSNode arg = ll_ast_unparenthesized(first);
  if (ll_str_eq(fn, "setInterval") || ll_timer_is_one_shot_name(fn)) {
    // Every start, with where its id goes and, when it is named, where its callback is: for a
    // clear that names the callback.
    timer_start *start = ll_arena_alloc(arena, sizeof *start);
    start->call = call;
    if (ll_ast_is(arg, ll_js.sym.identifier) || ll_ast_is(arg, ll_js.sym.member_expression))
      ll_facts_place_of(facts, arg, &start->callback);
    ll_facts_handle_place(facts, call, &start->id);
    start->next = st->starts;
    st->starts = start;
    return;
  }
  if (!ll_timer_is_clear_name(fn)) return;
  if (ll_ast_is_function(arg)) {
    ll_ctx_report(ctx, call,
                  "`%.*s` is given a function, not a timer id, so it clears nothing; keep the id "
                  "the timer's start returns and pass that",
                  (int)fn.len, fn.ptr);
    return;
  }
  if (ll_ast_is(arg, ll_js.sym.call_expression)) {
    ll_str started = ll_facts_timer_function(facts, ll_ast_field(arg, ll_js.field.function));
    if (ll_str_eq(started, "setInterval") || ll_timer_is_one_shot_name(started)) {
      ll_ctx_report(ctx, call,
                    "`%.*s` is given the timer `%.*s` has just started, not one that is running: "
                    "it clears only that new timer",
                    (int)fn.len, fn.ptr, (int)started.len, started.ptr);
      return;
    }
  }
  if (ll_ast_is(arg, ll_js.sym.identifier) || ll_ast_is(arg, ll_js.sym.member_expression)) {
    timer_clear *clear = ll_arena_alloc(arena, sizeof *clear);
    clear->call = call;
    clear->arg = arg;
    ll_facts_place_of(facts, arg, &clear->place);
    if (!clear->place.known) return;
    clear->next = st->clears;
    st->clears = clear;
  }
}

// A clear that names a timer's callback where no timer id is ever kept.
static void check_clears(ll_ctx *ctx, const state *st) {
  for (const timer_clear *clear = st->clears; clear; clear = clear->next) {
    const timer_start *meant = NULL;
    bool holds_id = false;
    for (const timer_start *start = st->starts; start; start = start->next) {
      if (start->id.known && ll_handle_place_equal(&start->id, &clear->place)) holds_id = true;
      if (start->callback.known && ll_handle_place_equal(&start->callback, &clear->place))
        meant = start;
    }
    if (!meant || holds_id) continue;
    ll_str name = ll_ctx_text(ctx, clear->arg);
    ll_ctx_report(ctx, clear->call,
                  "`%.*s` is the callback of the timer started at line %u, not its id: this clear "
                  "stops nothing, and the timer keeps running",
                  (int)name.len, name.ptr, line_of(ctx, meant->call));
    ll_ctx_trace(ctx, meant->call, "the timer is started here; its id is never kept");
  }
}

// ---------------------------------------------------------------------------------------------
// Disposer methods taken off their object

// The method that releases a handle of `kind` (`unsubscribe`), or NULL for a disposer function.
static const char *release_method(ll_handle_kind kind) {
  switch (kind) {
    case LL_HANDLE_SUBSCRIPTION:
      return "unsubscribe";
    case LL_HANDLE_WATCHER:
      return "close";
    case LL_HANDLE_OBSERVER:
      return "disconnect";
    case LL_HANDLE_DISPOSER:
      break;
  }
  return NULL;
}

// `value` when it reads a release method without calling or binding it: `sub.unsubscribe`,
// returned or handed to the call whose callee is `to` (null: returned).
static void note_detached(ll_ctx *ctx, state *st, TSNode value, TSNode to) {
  value = ll_ast_unparenthesized(value);
  if (!ll_ast_is(value, ll_js.sym.member_expression)) return;
  ll_str method = ll_ctx_text(ctx, ll_ast_field(value, ll_js.field.property));
  if (!ll_str_eq(method, "unsubscribe") && !ll_str_eq(method, "close") &&
      !ll_str_eq(method, "disconnect"))
    return;
  TSNode object = ll_ast_field(value, ll_js.field.object);
  if (ll_ast_is(object, ll_js.sym.this)) return; // a class's own method: it may be bound
  detached_release *d = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *d);
  d->member = value;
  d->method = method;
  ll_str name = ll_ast_callee_name(ll_ctx_source(ctx), to);
  d->use = ts_node_is_null(to)
               ? "returned"
               : ll_arena_printf(ll_ctx_arena(ctx), "handed to `%.*s`", (int)name.len, name.ptr);
  ll_facts_place_of(ll_ctx_facts(ctx), object, &d->object);
  if (!d->object.known) return;
  d->next = st->detached;
  st->detached = d;
}

// The handle a name holds: what its initializer or an assignment to it acquires (`const sub =
// source$.subscribe(...)`, `observer = new ResizeObserver(...)`), when that handle is released by
// calling `method` on it. Asked only for the few release methods read without a call.
static bool holds_handle(const ll_ctx *ctx, const ll_binding *b, ll_str method, ll_handle *out) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  TSNode value = ll_ast_unparenthesized(b->init);
  for (const ll_ref *ref = b->refs;; ref = ref->next_of_binding) {
    if (!ts_node_is_null(value) && ll_handle_of_call(facts, value, out)) {
      const char *release = release_method(out->kind);
      if (release && ll_str_eq(method, release)) return true;
    }
    while (ref && !((ref->flags & LL_REF_WRITE) &&
                    ll_ast_is(ref->parent, ll_js.sym.assignment_expression)))
      ref = ref->next_of_binding;
    if (!ref) return false;
    value = ll_ast_unparenthesized(ll_ast_field(ref->parent, ll_js.field.right));
  }
}

static void check_detached(ll_ctx *ctx, const state *st) {
  for (const detached_release *d = st->detached; d; d = d->next) {
    const ll_binding *b = d->object.path.binding;
    ll_handle handle;
    if (!b || d->object.path.text[0] || !holds_handle(ctx, b, d->method, &handle)) continue;
    ll_str text = ll_ctx_text(ctx, d->member);
    ll_ctx_report(ctx, d->member,
                  "`%.*s` is %s without its object: called later, it runs with no `this` and "
                  "releases nothing, so the %s stays registered; pass `() => %.*s()` or "
                  "`%.*s.bind(...)`",
                  (int)text.len, text.ptr, d->use, handle.what, (int)text.len, text.ptr,
                  (int)text.len, text.ptr);
  }
}

// ---------------------------------------------------------------------------------------------
// The walk

static void on_call(ll_ctx *ctx, state *st, TSNode call) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  TSNode first = ll_ast_named_child(args, 0);
  // Only a name like a timer's is worth resolving (most calls are not).
  ll_str name = ll_ast_callee_name(ll_ctx_source(ctx), callee);
  if (!ts_node_is_null(first) &&
      (ll_str_contains(name, "Timeout") || ll_str_contains(name, "Interval") ||
       ll_str_contains(name, "AnimationFrame"))) {
    ll_str fn = ll_facts_timer_function(facts, callee);
    if (fn.len) on_timer_call(ctx, st, call, fn, first);
  }
  // `setTimeout(sub.unsubscribe)`, `onCleanup(observer.disconnect)`, `list.push(sub.unsubscribe)`
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode arg = ll_ast_named_child(args, i);
    if (ll_ast_is(arg, ll_js.sym.member_expression)) note_detached(ctx, st, arg, callee);
  }
}

static void on_enter(ll_ctx *ctx, TSNode node, void *opaque) {
  state *st = opaque;
  TSSymbol sym = ts_node_symbol(node);
  if (sym == ll_js.sym.call_expression) {
    on_call(ctx, st, node);
  } else if (sym == ll_js.sym.return_statement) {
    TSNode value = ts_node_named_child(node, 0);
    if (ll_ast_is(value, ll_js.sym.member_expression))
      note_detached(ctx, st, value, (TSNode){.id = NULL});
  } else {
    TSNode body = ll_ast_field(node, ll_js.field.body); // `() => sub.unsubscribe`
    if (ll_ast_is(body, ll_js.sym.member_expression))
      note_detached(ctx, st, body, (TSNode){.id = NULL});
  }
}

// ---------------------------------------------------------------------------------------------
// Listener removals

// The add on the same emitter and event that `removal` was plainly meant for, if the file has
// one: same event, and an emitter that is or may be the same.
static const ll_listener_site *meant_add(ll_arena *arena, const ll_listeners *listeners,
                                         const ll_listener_site *removal, ll_mismatch *kind) {
  const ll_listener_site *found = NULL;
  for (const ll_listener_site *add = listeners->sites; add; add = add->next) {
    if (!add->is_add) continue;
    const char *why_not;
    ll_mismatch k;
    if (ll_listener_removes(arena, removal, add, &why_not, &k) != LL_REMOVES_NO) return NULL;
    if (k == LL_MISMATCH_FRESH_ADD || k == LL_MISMATCH_FRESH_REMOVAL) {
      if (!found) *kind = k;
      if (!found) found = add;
    }
  }
  return found;
}

static void check_removals(ll_ctx *ctx) {
  const ll_listeners *listeners = ll_ctx_listeners(ctx);
  ll_arena *arena = ll_ctx_arena(ctx);
  for (const ll_listener_site *rm = listeners->sites; rm; rm = rm->next) {
    if (rm->is_add || rm->removes_all) continue;
    TSNode callee = ll_ast_field(rm->call, ll_js.field.function);
    ll_str method = ll_ast_callee_name(ll_ctx_source(ctx), callee);
    const char *what = ll_listener_describe(arena, rm);
    ll_mismatch kind = LL_MISMATCH_NONE;
    const ll_listener_site *add = meant_add(arena, listeners, rm, &kind);
    if (rm->fn == LL_FN_INLINE || rm->fn == LL_FN_BOUND || rm->fn == LL_FN_MADE) {
      const char *given =
          rm->fn == LL_FN_BOUND ? "the result of `.bind()`"
          : rm->fn == LL_FN_MADE
              ? ll_arena_printf(arena, "the result of `%.*s()`", (int)rm->maker.len, rm->maker.ptr)
              : "an inline function";
      if (add)
        ll_ctx_report(ctx, rm->call,
                      "`%.*s` is given %s, a new function object that was never added, so it "
                      "removes nothing: the %s added at line %u stays registered; keep the "
                      "function that is added and remove that one",
                      (int)method.len, method.ptr, given, ll_listener_describe(arena, add),
                      line_of(ctx, add->call));
      if (add)
        ll_ctx_trace(ctx, add->call, "the listener this removal means is added here");
      else
        ll_ctx_report(ctx, rm->call,
                      "`%.*s` is given %s, a new function object that was never added, so it "
                      "removes no %s; keep the function that is added and remove that one",
                      (int)method.len, method.ptr, given, what);
      continue;
    }
    if (!add || kind != LL_MISMATCH_FRESH_ADD || !rm->orphaned) continue;
    ll_str removed = ll_ctx_text(ctx, rm->listener);
    const char *added =
        add->fn == LL_FN_BOUND
            ? (add->bound_known && ll_path_equal(&add->fn_path, &rm->fn_path)
                   ? ll_arena_printf(arena, "`%.*s.bind(...)`, a new function made by `.bind()`",
                                     (int)removed.len, removed.ptr)
                   : "a new function made by `.bind()`")
        : add->fn == LL_FN_MADE ? ll_arena_printf(arena, "a new function made by `%.*s()`",
                                                  (int)add->maker.len, add->maker.ptr)
                                : "an inline function";
    ll_ctx_report(ctx, rm->call,
                  "`%.*s` removes `%.*s`, but the %s added at line %u is %s, not `%.*s`: nothing "
                  "is removed and that listener stays registered; keep the function that is "
                  "added and remove that one",
                  (int)method.len, method.ptr, (int)removed.len, removed.ptr,
                  ll_listener_describe(arena, add), line_of(ctx, add->call), added,
                  (int)removed.len, removed.ptr);
    ll_ctx_trace(ctx, add->call, "the listener this removal means is added here");
  }
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  check_removals(ctx);
  check_clears(ctx, st);
  check_detached(ctx, st);
}

const ll_rule ll_rule_ineffective_cleanup = {
    .id = "ineffective-cleanup",
    .name = "IneffectiveCleanup",
    .short_description = "Cleanup that can never release what it means to",
    .full_description =
        "A removal must pass the very function object that was added, a clear the id the\n"
        "timer's start returned, a disposer method its own object. Cleanup that passes a new\n"
        "function (`f.bind(this)`, an inline arrow), removes `f` when `f.bind(this)` was added,\n"
        "clears a timer's callback instead of its id, or hands on `sub.unsubscribe` without\n"
        "`sub` runs and releases nothing: the listener, timer or subscription it meant to end\n"
        "stays, with everything it captures.\n\n"
        "Bad:\n\n"
        "```js\n"
        "componentDidMount() { window.addEventListener('resize', this.onResize.bind(this)); }\n"
        "componentWillUnmount() { window.removeEventListener('resize', this.onResize.bind(this)); "
        "}\n"
        "```\n\n"
        "Good: bind once and keep the result (`this.onResize = this.onResize.bind(this)` in the\n"
        "constructor, or a class-field arrow), add and remove that same function; keep the id\n"
        "`setInterval` returns and clear it; hand on `() => sub.unsubscribe()`.\n",
    .help_uri = LL_RULE_PAGES_URL "ineffective-cleanup.md",
    .fix = "give the removal the very function or id the code added, kept in a variable or field",
    .category = LL_CATEGORY_LISTENERS,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(state),
    .enter = on_enter,
    .file_end = file_end,
};
