// timer-leak: an interval started by code that runs repeatedly and never cleared.
//
// A timer keeps its callback, and the whole scope the callback captures, alive until it is
// cleared. An interval started once at start-up is fine; one started by every request, every
// connection or every instance, whose id is dropped or never passed to clearInterval, adds one
// more live timer per run, forever. A setTimeout callback that schedules itself again, with no
// condition that can stop it, is an interval by another name.
//
// The rule records every timer start and every clear of the file during the walk and matches
// them at the end by where the id is kept: a local, a module variable, instance state, an
// element of a collection, or `this.x` of an object literal's methods (a Vue component). Timer
// ids are handles: where one is kept, released or handed on is the handle fact's (handles.h).
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/flow.h"
#include "analyzer/handles.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "closures", "timers", NULL};
static const char *const node_types[] = {"call_expression", NULL};

typedef enum timer_kind {
  TIMER_CLEAR,    // clearInterval / clearTimeout (or `xs.forEach(clearInterval)`)
  TIMER_INTERVAL, // setInterval in repeated code
  TIMER_LOOP,     // a setTimeout (or requestAnimationFrame) loop started, or restarting
                  // itself, in repeated code
} timer_kind;

enum { MAX_AGAIN = 4 };

typedef struct timer_call {
  TSNode call;
  timer_kind kind;
  ll_handle_place id;
  ll_handle_place again[MAX_AGAIN]; // TIMER_LOOP: where the loop's own setTimeout calls keep the id
  uint32_t n_again;
  ll_repeat why;
  const char *loop_name; // TIMER_LOOP restarting itself: "tick()"
  ll_str scheduler;      // TIMER_LOOP: "setTimeout" or "requestAnimationFrame"
  struct timer_call *next;
} timer_call;

typedef struct state {
  timer_call *calls, *last;
  // Node types and fields the shared grammar tables do not name.
  TSSymbol if_statement, ternary_expression, switch_case, switch_default, throw_statement;
  TSFieldId condition;
} state;

// True when a return or throw of the function `fn` (outside nested functions) ends before
// `byte`: code after it may not run.
static bool exits_before(const state *st, TSNode fn, uint32_t byte) {
  TSTreeCursor cursor = ts_tree_cursor_new(fn);
  bool found = false;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    TSSymbol s = ts_node_symbol(node);
    if ((s == ll_js.sym.return_statement || s == st->throw_statement) &&
        ts_node_end_byte(node) <= byte) {
      found = true;
      break;
    }
    bool inside =
        ts_node_eq(node, fn) || (!ll_ast_is_function(node) && ts_node_start_byte(node) < byte);
    if (inside && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

// A function nested in a loop's callback that still runs whenever the callback does: a
// promise's `then` or `finally` callback.
static bool runs_with_caller(const ll_ctx *ctx, TSNode fn) {
  TSNode node = fn, parent = ll_ast_parent(&node);
  if (!ll_ast_is(parent, ll_js.sym.arguments)) return false;
  TSNode callee = ll_ast_field(ll_ast_parent_of(parent), ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_str method = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  return ll_str_eq(method, "then") || ll_str_eq(method, "finally");
}

static bool is_logical(const ll_ctx *ctx, TSNode binary) {
  ll_str op = ll_ctx_text(ctx, ll_ast_field(binary, ll_js.field.operator));
  return ll_str_eq(op, "&&") || ll_str_eq(op, "||") || ll_str_eq(op, "??");
}

// True when `call`, inside the function `fn`, runs on every run of `fn`: no condition, loop,
// catch clause or earlier return stands between them.
static bool runs_unconditionally(const ll_ctx *ctx, const state *st, TSNode call, TSNode fn) {
  uint32_t at = ts_node_start_byte(call);
  TSNode node = call;
  while (!ts_node_eq(node, fn)) {
    TSNode parent = ll_ast_parent_of(node);
    if (ts_node_is_null(parent)) return false;
    TSSymbol ps = ts_node_symbol(parent);
    if (ps == st->if_statement || ps == st->ternary_expression) {
      if (!ts_node_eq(ll_ast_field(parent, st->condition), node)) return false;
    } else if (ps == ll_js.sym.binary_expression) {
      if (is_logical(ctx, parent) && ts_node_eq(ll_ast_field(parent, ll_js.field.right), node))
        return false;
    } else if (ps == st->switch_case || ps == st->switch_default || ps == ll_js.sym.catch_clause) {
      return false;
    } else if (ps == ll_js.sym.for_statement || ps == ll_js.sym.for_in_statement ||
               ps == ll_js.sym.while_statement || ps == ll_js.sym.do_statement) {
      if (ts_node_eq(ll_ast_field(parent, ll_js.field.body), node)) return false;
    }
    if (ll_ast_is_function(node) && !ts_node_eq(node, fn) &&
        (!runs_with_caller(ctx, node) || exits_before(st, node, at)))
      return false;
    node = parent;
  }
  return !exits_before(st, fn, at);
}

// The function a setTimeout callback argument names, with the binding it is known by inside
// itself (for `setTimeout(tick, ...)` and `setTimeout(function tick() {...}, ...)`).
static const ll_scope *callback_scope(const ll_ctx *ctx, TSNode arg, const ll_binding **self) {
  *self = NULL;
  const ll_scope *callback = NULL;
  if (ll_ast_is(arg, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), arg);
    const ll_binding *b = ref ? ref->target : NULL;
    if (!b || ts_node_is_null(b->init)) return NULL;
    TSSymbol s = ts_node_symbol(b->init);
    if (s != ll_js.sym.arrow_function && s != ll_js.sym.function_expression &&
        s != ll_js.sym.function_declaration)
      return NULL;
    callback = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(b->init) + 1);
    *self = b;
  } else if (ll_ast_is(arg, ll_js.sym.arrow_function) ||
             ll_ast_is(arg, ll_js.sym.function_expression)) {
    callback = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(arg) + 1);
    for (const ll_binding *b = callback->bindings; b; b = b->next)
      if (b->kind == LL_BIND_FUNCTION_NAME) *self = b;
  }
  if (!callback || callback->function != callback) return NULL;
  return callback;
}

// The setTimeout calls inside `fn` that schedule `self` again. Records where they keep their
// ids in `t->again` and returns the first that runs on every run of `fn` (a null node: none; the
// loop can stop).
static TSNode reschedules(const ll_ctx *ctx, const state *st, const ll_scope *fn,
                          const ll_binding *self, timer_call *t) {
  TSNode first = {.id = NULL};
  if (!self) return first;
  for (const ll_ref *ref = self->refs; ref; ref = ref->next_of_binding) {
    if (!ll_scope_is_within(ref->from, fn) || !ll_ast_is(ref->parent, ll_js.sym.arguments) ||
        !ts_node_eq(ts_node_named_child(ref->parent, 0), ref->id))
      continue;
    TSNode call = ref->grandparent;
    if (!ll_ast_is(call, ll_js.sym.call_expression) ||
        !ll_timer_is_one_shot_name(
            ll_facts_timer_function(ll_ctx_facts(ctx), ll_ast_field(call, ll_js.field.function))))
      continue;
    if (t && t->n_again < MAX_AGAIN)
      ll_facts_handle_place(ll_ctx_facts(ctx), call, &t->again[t->n_again++]);
    else if (t)
      t->again[MAX_AGAIN - 1].escapes = true; // too many to follow: assume one is cleared
    if (ts_node_is_null(first) && runs_unconditionally(ctx, st, call, fn->node)) first = call;
  }
  return first;
}

static void push(state *st, timer_call *tc) {
  if (st->last)
    st->last->next = tc;
  else
    st->calls = tc;
  st->last = tc;
}

static const char *function_label(ll_ctx *ctx, const ll_binding *self) {
  return ll_arena_printf(ll_ctx_arena(ctx), "%.*s()", (int)self->name.len, self->name.ptr);
}

// `function stop(timer) { clearInterval(timer); }`: records, for each call of the helper in
// the file, a clear of the argument passed for `param`. False when the helper is used in a way
// that hides its arguments (passed on, exported) or `param` is not a plain parameter.
static bool clear_through_calls(ll_ctx *ctx, state *st, TSNode clear, const ll_binding *param) {
  const ll_scope *fn = param->scope->function;
  // `(a, b) => ...` and `function (a, b)` list their parameters; `a => ...` has just one.
  TSNode params = ll_ast_field(fn->node, ll_js.field.parameters);
  uint32_t index = 0;
  if (ts_node_is_null(params)) {
    if (!ts_node_eq(ll_ast_field(fn->node, ll_js.field.parameter), param->decl)) return false;
  } else {
    uint32_t n = ts_node_named_child_count(params);
    while (index < n && !ts_node_eq(ts_node_named_child(params, index), param->decl))
      index++;
    if (index == n) return false;
  }
  TSNode name = {.id = NULL};
  if (ll_ast_is(fn->node, ll_js.sym.function_declaration))
    name = ll_ast_field(fn->node, ll_js.field.name);
  else if (ll_ast_is(fn->context[0], ll_js.sym.variable_declarator) &&
           fn->context_field == ll_js.field.value)
    name = ll_ast_field(fn->context[0], ll_js.field.name);
  if (!ll_ast_is(name, ll_js.sym.identifier) || !fn->parent) return false;
  const ll_binding *helper =
      ll_scope_lookup(ll_ctx_scopes(ctx), fn->parent, ll_ctx_text(ctx, name));
  if (!helper) return false;
  for (const ll_ref *ref = helper->refs; ref; ref = ref->next_of_binding)
    if (!(ref->flags & LL_REF_CALLEE) && !(ref->flags & LL_REF_WRITE)) return false;
  for (const ll_ref *ref = helper->refs; ref; ref = ref->next_of_binding) {
    if (!(ref->flags & LL_REF_CALLEE)) continue;
    TSNode args = ll_ast_field(ref->parent, ll_js.field.arguments);
    TSNode arg = ts_node_is_null(args) ? args : ts_node_named_child(args, index);
    timer_call *tc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *tc);
    tc->call = clear;
    tc->kind = TIMER_CLEAR;
    if (!ts_node_is_null(arg)) ll_facts_released_place(ll_ctx_facts(ctx), arg, &tc->id);
    push(st, tc);
  }
  return true;
}

static void on_call(ll_ctx *ctx, TSNode call, void *opaque) {
  state *st = opaque;
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  TSNode first = ll_ast_named_child(args, 0);
  if (ts_node_is_null(first)) return;
  // `timers.forEach(clearInterval)`: clears every element of `timers`.
  if (ll_ast_is(callee, ll_js.sym.member_expression) && ll_ast_is(first, ll_js.sym.identifier) &&
      ll_str_eq(ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property)), "forEach") &&
      ll_timer_is_clear_name(ll_facts_timer_function(ll_ctx_facts(ctx), first))) {
    timer_call *tc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *tc);
    tc->call = call;
    tc->kind = TIMER_CLEAR;
    ll_facts_released_elements(ll_ctx_facts(ctx), ll_ast_field(callee, ll_js.field.object),
                               &tc->id);
    push(st, tc);
    return;
  }
  ll_str fn = ll_facts_timer_function(ll_ctx_facts(ctx), callee);
  bool is_interval = ll_str_eq(fn, "setInterval"), is_timeout = ll_timer_is_one_shot_name(fn);
  bool is_clear = ll_timer_is_clear_name(fn);
  if (!is_interval && !is_timeout && !is_clear) return;
  timer_call *tc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *tc);
  tc->call = call;
  if (is_clear) {
    tc->kind = TIMER_CLEAR;
    ll_facts_released_place(ll_ctx_facts(ctx), first, &tc->id);
    const ll_binding *b = tc->id.path.binding;
    if (tc->id.known && b && b->kind == LL_BIND_PARAM && !tc->id.path.text[0] &&
        !clear_through_calls(ctx, st, call, b))
      tc->id.known = false; // a helper's parameter: it may be handed any timer
  } else if (is_interval) {
    if (ll_ctx_frequency_at(ctx, call, &tc->why) != LL_FREQ_REPEATED) return;
    tc->kind = TIMER_INTERVAL;
    ll_facts_handle_place(ll_ctx_facts(ctx), call, &tc->id);
  } else {
    // A timeout loop: its callback schedules itself again on every run, and either this call
    // starts it from repeated code, or this is the callback scheduling itself again and the
    // callback is started by repeated code some other way (called, registered, exported).
    const ll_binding *self;
    const ll_scope *callback = callback_scope(ctx, first, &self);
    if (!callback) return;
    tc->kind = TIMER_LOOP;
    tc->scheduler = fn;
    if (ll_scope_is_within(ll_ctx_scope(ctx), callback)) {
      if (ll_facts_frequency(ll_ctx_facts(ctx), callback, &tc->why) != LL_FREQ_REPEATED ||
          tc->why.reason == LL_REPEAT_TIMEOUT_LOOP || tc->why.reason == LL_REPEAT_INTERVAL)
        return;
      if (!ts_node_eq(reschedules(ctx, st, callback, self, tc), call)) return;
      tc->loop_name = function_label(ctx, self);
    } else {
      if (ll_ctx_frequency_at(ctx, call, &tc->why) != LL_FREQ_REPEATED) return;
      if (ts_node_is_null(reschedules(ctx, st, callback, self, tc))) return;
    }
    ll_facts_handle_place(ll_ctx_facts(ctx), call, &tc->id);
  }
  push(st, tc);
}

static void file_begin(ll_ctx *ctx, void *opaque) {
  (void)ctx;
  state *st = opaque;
  const TSLanguage *js = ll_js.language;
#define SYMBOL(name) ts_language_symbol_for_name(js, name, (uint32_t)strlen(name), true)
  st->if_statement = SYMBOL("if_statement");
  st->ternary_expression = SYMBOL("ternary_expression");
  st->switch_case = SYMBOL("switch_case");
  st->switch_default = SYMBOL("switch_default");
  st->throw_statement = SYMBOL("throw_statement");
#undef SYMBOL
  st->condition = ts_language_field_id_for_name(js, "condition", (uint32_t)strlen("condition"));
}

typedef struct place_search {
  const ll_ctx *ctx;
  const ll_handle_place *id;
} place_search;

static bool names_place(TSNode node, void *data) {
  const place_search *search = data;
  TSSymbol s = ts_node_symbol(node);
  if (s != ll_js.sym.identifier && s != ll_js.sym.member_expression &&
      s != ll_js.sym.subscript_expression)
    return false;
  ll_handle_place place;
  ll_facts_place_of(ll_ctx_facts(search->ctx), node, &place);
  return place.known && ll_handle_place_equal(&place, search->id);
}

// True when `node` (outside nested functions) reads the place `id` names.
static bool mentions(const ll_ctx *ctx, TSNode node, const ll_handle_place *id) {
  place_search search = {ctx, id};
  return ll_ast_find(node, names_place, &search);
}

// True when the start of `t` only runs when a condition on the place its id goes to holds
// (`if (!timer) timer = setInterval(...)`, `if (timer) return;` before it).
static bool guarded(const ll_ctx *ctx, const state *st, const timer_call *t, TSNode fn) {
  TSNode node = t->call;
  while (!ts_node_eq(node, fn)) {
    TSNode parent = ll_ast_parent_of(node);
    if (ts_node_is_null(parent)) break;
    TSSymbol ps = ts_node_symbol(parent);
    TSNode test = {.id = NULL};
    if (ps == st->if_statement || ps == st->ternary_expression)
      test = ll_ast_field(parent, st->condition);
    else if (ps == ll_js.sym.binary_expression && is_logical(ctx, parent) &&
             ts_node_eq(ll_ast_field(parent, ll_js.field.right), node))
      test = ll_ast_field(parent, ll_js.field.left);
    if (!ts_node_is_null(test) && !ts_node_eq(test, node) && mentions(ctx, test, &t->id))
      return true;
    // An earlier statement of an enclosing block: `if (timer) return;`.
    if (ll_ast_is(parent, ll_js.sym.statement_block)) {
      TSTreeCursor cursor = ts_tree_cursor_new(parent);
      bool found = false;
      for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && !found;
           more = ts_tree_cursor_goto_next_sibling(&cursor)) {
        TSNode prev = ts_tree_cursor_current_node(&cursor);
        if (ts_node_start_byte(prev) >= ts_node_start_byte(node)) break;
        found = ts_node_symbol(prev) == st->if_statement &&
                mentions(ctx, ll_ast_field(prev, st->condition), &t->id);
      }
      ts_tree_cursor_delete(&cursor);
      if (found) return true;
    }
    node = parent;
  }
  return false;
}

// The reason behind a chain of calls: the handler or listener that calls the function that
// calls the one starting the timer.
static ll_repeat_reason root_reason(const ll_ctx *ctx, ll_repeat why) {
  for (int depth = 0; depth < 16 && why.reason == LL_REPEAT_CALLED && why.via; depth++)
    if (ll_facts_frequency(ll_ctx_facts(ctx), why.via, &why) != LL_FREQ_REPEATED) break;
  return why.reason;
}

static void note_local_capture(const ll_binding *b, const ll_ref *use, void *data) {
  (void)use;
  if (ll_facts_binding_lifetime(b) == LL_LIFETIME_SHORT) *(bool *)data = true;
}

// True when the callback of the interval `call` is a function that captures a local or a
// parameter of the code starting it: a timer for this run's own socket, request or job.
static bool serves_its_run(const ll_ctx *ctx, TSNode call) {
  TSNode callback = ll_ast_named_child(ll_ast_field(call, ll_js.field.arguments), 0);
  if (!ll_ast_is(callback, ll_js.sym.arrow_function) &&
      !ll_ast_is(callback, ll_js.sym.function_expression))
    return false;
  const ll_scope *fn = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(callback) + 1);
  if (!fn || !ts_node_eq(fn->node, callback)) return false;
  bool local = false;
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_local_capture, &local);
  return local;
}

// An interval for the run's own state (a socket, a request) kept in one module-level (or
// global) variable by a handler or listener that runs per request or event, and that clears
// nothing before overwriting it: each run loses the id of the previous timer, so only the last
// one can ever be cleared. (A callback that captures only module state is one shared job, which
// a re-run restarts.)
static bool overwrites_shared_id(const ll_ctx *ctx, const state *st, const timer_call *t) {
  if (!t->id.known || t->id.owner || t->id.path.lifetime != LL_LIFETIME_LONG ||
      strstr(t->id.path.text, "[]"))
    return false;
  ll_repeat_reason reason = root_reason(ctx, t->why);
  if (reason != LL_REPEAT_ROUTE && reason != LL_REPEAT_LISTENER) return false;
  if (!serves_its_run(ctx, t->call)) return false;
  const ll_scope_model *model = ll_ctx_scopes(ctx);
  const ll_scope *fn = ll_scope_at(model, ts_node_start_byte(t->call))->function;
  for (const timer_call *c = st->calls; c; c = c->next)
    if (c->kind == TIMER_CLEAR && (!c->id.known || ll_handle_place_equal(&c->id, &t->id)) &&
        ts_node_end_byte(c->call) <= ts_node_start_byte(t->call) &&
        ll_scope_at(model, ts_node_start_byte(c->call))->function == fn)
      return false; // the previous timer is cleared first
  return !guarded(ctx, st, t, fn->node);
}

static bool is_cleared(const state *st, const ll_handle_place *id) {
  if (!id->known) return false;
  for (const timer_call *c = st->calls; c; c = c->next)
    if (c->kind == TIMER_CLEAR && (!c->id.known || ll_handle_place_equal(&c->id, id))) return true;
  return false;
}

// An interval cleared by its own function on some ways through it only (after a call that may
// throw, past an early return, in one branch): reported with the way that skips the clear.
static bool report_skipped_clear(ll_ctx *ctx, const state *st, const timer_call *t,
                                 const char *why) {
  enum { MAX_CLEARS = 16 };
  TSNode clears[MAX_CLEARS];
  uint32_t n = 0;
  for (const timer_call *c = st->calls; c && n < MAX_CLEARS; c = c->next)
    if (c->kind == TIMER_CLEAR && c->id.known && ll_handle_place_equal(&c->id, &t->id))
      clears[n++] = c->call;
  ll_skip skip;
  if (!n || !ll_flow_release_skipped(ll_ctx_facts(ctx), t->call, clears, n, &skip)) return false;
  const ll_source *source = ll_ctx_source(ctx);
  unsigned cleared_at = ll_source_position(source, ts_node_start_byte(clears[0])).line;
  ll_skip_words words = ll_flow_describe(&skip, source, ll_ctx_arena(ctx), "clear", "clears");
  ll_ctx_report_repeated(ctx, t->call, &t->why, 0,
                         "setInterval is started %s; it is cleared at line %u, %s, so each %s %s "
                         "leaves a timer that keeps its callback and everything it captures alive "
                         "forever",
                         why, cleared_at, words.way,
                         ll_facts_repeat_unit(ll_ctx_facts(ctx), &t->why), words.runs);
  ll_ctx_trace(ctx, clears[0], "cleared here");
  ll_ctx_trace(ctx, skip.at, "%s", words.note);
  return true;
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  ll_arena *arena = ll_ctx_arena(ctx);
  for (const timer_call *t = st->calls; t; t = t->next) {
    if (t->kind == TIMER_CLEAR) continue;
    // A loop's pending timer is always the latest one it scheduled itself: only the ids of
    // those calls can stop it (clearing the id of the first call stops nothing after one run).
    bool cleared = false;
    if (t->kind == TIMER_LOOP) {
      for (uint32_t i = 0; i < t->n_again && !cleared; i++)
        cleared = ll_facts_handle_place_escapes(ll_ctx_facts(ctx), &t->again[i]) ||
                  is_cleared(st, &t->again[i]);
    } else {
      if (ll_facts_handle_place_escapes(ll_ctx_facts(ctx), &t->id)) continue;
      cleared = is_cleared(st, &t->id);
    }
    const char *why = ll_facts_describe_repeat(ll_ctx_facts(ctx), arena, &t->why);
    if (t->kind == TIMER_LOOP) {
      if (cleared) continue;
      if (t->loop_name)
        ll_ctx_report_repeated(ctx, t->call, &t->why, 0,
                               "a %.*s loop is started %s: %s schedules itself again on every run "
                               "and nothing ever stops it, so each run adds a timer that keeps its "
                               "callback and everything it captures alive",
                               (int)t->scheduler.len, t->scheduler.ptr, why, t->loop_name);
      else
        ll_ctx_report_repeated(
            ctx, t->call, &t->why, 0,
            "a %.*s loop is started %s; its callback schedules itself again on "
            "every run and nothing ever stops it%s, so each run adds a timer that keeps "
            "its callback and everything it captures alive",
            (int)t->scheduler.len, t->scheduler.ptr, why,
            !ll_facts_handle_place_escapes(ll_ctx_facts(ctx), &t->id) && is_cleared(st, &t->id)
                ? " (only the id of this first call is cleared, which stops nothing "
                  "once the callback has run)"
                : "");
    } else if (!cleared) {
      // In a component's set-up: say which teardown misses the clear.
      const char *teardown = ll_facts_teardown_misses(ll_ctx_facts(ctx), arena, &t->why, "clear");
      const char *where =
          !t->id.known ? "its id is dropped and nothing can clear it"
                       : ll_arena_printf(arena, "its id is kept in `%s` but %s",
                                         t->id.owner ? ll_arena_printf(arena, "%.*s",
                                                                       (int)t->id.this_text.len,
                                                                       t->id.this_text.ptr)
                                                     : ll_path_describe(&t->id.path, arena),
                                         teardown ? teardown : "never passed to clearInterval");
      ll_ctx_report_repeated(ctx, t->call, &t->why, 0,
                             "setInterval is started %s; %s, so each %s adds a timer that keeps "
                             "its callback and everything it captures alive forever",
                             why, where, ll_facts_repeat_unit(ll_ctx_facts(ctx), &t->why));
    } else if (report_skipped_clear(ctx, st, t, why)) {
      continue;
    } else if (overwrites_shared_id(ctx, st, t)) {
      ll_ctx_report_repeated(
          ctx, t->call, &t->why, 0,
          "setInterval is started %s; its id is kept in `%s`, which the next run "
          "overwrites without clearing it, so only the last of these timers can ever be "
          "cleared and the others keep their callbacks alive forever",
          why, ll_path_describe(&t->id.path, arena));
    }
  }
}

const ll_rule ll_rule_timer_leak = {
    .id = "timer-leak",
    .name = "TimerLeak",
    .short_description = "Interval started by code that runs repeatedly and never cleared",
    .full_description =
        "A timer keeps its callback, and everything the callback captures, alive until it is\n"
        "cleared. `setInterval` called from a request handler, listener, constructor, method or\n"
        "exported function starts one more timer on every run; if its id is dropped or never\n"
        "passed to `clearInterval`, every one of them runs, and holds memory, forever. A\n"
        "`setTimeout` callback that schedules itself again behaves the same way.\n\n"
        "Bad:\n\n"
        "```js\n"
        "io.on('connection', (socket) => {\n"
        "  setInterval(() => socket.emit('ping'), 1000); // never cleared\n"
        "});\n"
        "```\n\n"
        "Good: keep the id and clear it when the owner goes away:\n\n"
        "```js\n"
        "io.on('connection', (socket) => {\n"
        "  const timer = setInterval(() => socket.emit('ping'), 1000);\n"
        "  socket.on('disconnect', () => clearInterval(timer));\n"
        "});\n"
        "```\n",
    .help_uri = LL_RULE_PAGES_URL "timer-leak.md",
    .fix = "keep the timer's id and clear it in the matching teardown",
    .category = LL_CATEGORY_CLOSURES,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(state),
    .file_begin = file_begin,
    .enter = on_call,
    .file_end = file_end,
};
