// closure-in-loop: a function created in a loop, kept beyond its iteration, that captures the
// loop's variable or a value made in the iteration.
//
// Every iteration creates a new closure; kept in an outer collection, registered as a listener
// or scheduled, each one keeps what it captures alive. A `var` loop variable is one binding
// shared by every closure (they all see its last value), and every closure keeps the whole
// function scope alive; a per-iteration object or buffer is kept once per iteration.
//
// An iteration owns regions: the loops whose body holds the closure, and the iterator callbacks
// (`items.forEach((item) => ...)`) it sits in, with the loops around those. A binding declared
// in a region is made once per iteration; a place declared in it dies with the iteration. Where
// the closure is kept comes from the retention fact, followed through a local of the iteration
// (`const onData = () => ...; bus.on('data', onData)`) and through the object or array literal
// that holds it (`queue.push({ run: () => ... })`). Findings about per-iteration values wait for
// the end of the file: a collection the file drains, listeners it removes or timers it clears
// do not keep every iteration's closure.

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/collections.h"
#include "analyzer/retention.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "closures", NULL};
static const char *const node_types[] = {"arrow_function",
                                         "function_expression",
                                         "generator_function",
                                         "function_declaration",
                                         "generator_function_declaration",
                                         "method_definition",
                                         "call_expression",
                                         NULL};

enum {
  MAX_REGIONS = 16, // nested loops and iterator callbacks around one closure
  MAX_CAPTURES = 8, // captured bindings of one closure that belong to an iteration
  MAX_KEPT = 8,     // places one closure is kept in, after following locals
  MAX_HOPS = 3,     // locals and literals followed from the closure to where it is kept
};

typedef struct loop_region {
  TSNode node;   // a loop statement, or an iterator callback
  bool callback; // each call of a callback has its own bindings, `var`s included
} loop_region;

typedef struct capture {
  const ll_binding *binding;
  TSNode region;   // the innermost region that declares it
  bool shared_var; // a `var` of a loop: one binding for every iteration
} capture;

typedef struct closure {
  ll_scope *fn;
  loop_region regions[MAX_REGIONS]; // innermost first
  uint32_t n_regions;
  capture captures[MAX_CAPTURES];
  uint32_t n_captures;
  bool repeated; // the code around the closure runs again and again
  ll_repeat why; // why it does, when it does
} closure;

// What a finding about a per-iteration value waits for, until the whole file is seen: a closure
// kept in a long-lived collection, on a long-lived emitter or by a timer whose id is kept leaks
// only when nothing in the file drains that collection, removes those listeners or clears timers.
typedef enum check_kind {
  CHECK_NONE,       // reported at once
  CHECK_COLLECTION, // the collections fact must say that the place is never drained
  CHECK_LISTENER,   // no removeAllListeners on the emitter, nor a removal of the same function
  CHECK_TIMER,      // the timer's id is kept: the file must never clear a timer
} check_kind;

typedef struct pending {
  TSNode node;
  const char *message;
  check_kind check;
  ll_path place;
  const ll_binding *via; // the local of the iteration that names the closure, if any
  ll_repeat why;         // of the closure's code (no reason: a shared var, which needs no repeat)
  struct pending *next;
} pending;

// A call that removes listeners: `bus.removeAllListeners('x')`, `bus.off('x', onX)`.
typedef struct removal {
  ll_path emitter;
  bool all;
  const ll_binding *listener; // the function removed, when the call names it by a binding
  struct removal *next;
} removal;

typedef struct state {
  pending *first, *last;
  removal *removals;
  bool clears_timers; // clearInterval / clearTimeout somewhere in the file
} state;

static bool is_loop(TSNode node) {
  return ll_ast_is(node, ll_js.sym.for_statement) || ll_ast_is(node, ll_js.sym.for_in_statement) ||
         ll_ast_is(node, ll_js.sym.while_statement) || ll_ast_is(node, ll_js.sym.do_statement);
}

static bool inside(TSNode node, TSNode region) {
  return !ts_node_is_null(node) && !ts_node_is_null(region) &&
         ts_node_start_byte(region) <= ts_node_start_byte(node) &&
         ts_node_end_byte(node) <= ts_node_end_byte(region);
}

static void add_region(closure *c, TSNode node, bool callback) {
  if (c->n_regions < MAX_REGIONS) c->regions[c->n_regions++] = (loop_region){node, callback};
}

// The loops whose body holds the closure, up to its enclosing function; then, while that
// function is an iterator callback, the callback and the loops around it, and so on outwards.
// A loop's head runs once per loop (`for (const x of list.map(...))`), not per iteration.
static void collect_regions(const ll_ctx *ctx, closure *c) {
  const ll_scope *f = c->fn;
  while (f->parent) {
    const ll_scope *outer = f->parent->function;
    if (f->loop_depth) {
      TSNode child = f->node;
      for (TSNode up = ll_ast_parent_of(child);
           !ts_node_is_null(up) && !ts_node_eq(up, outer->node);
           child = up, up = ll_ast_parent_of(up))
        if (is_loop(up) && inside(child, ll_ast_field(up, ll_js.field.body)))
          add_region(c, up, false);
    }
    if (!ll_facts_is_iteration_callback(ll_ctx_facts(ctx), outer)) return;
    add_region(c, outer->node, true);
    f = outer;
  }
}

// A value computed in the iteration that holds memory: an object, array, call result or the
// loop's own item.
static bool holds_iteration_value(const ll_binding *b) {
  if (ts_node_is_null(b->init)) return b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET;
  TSSymbol sym = ts_node_symbol(b->init);
  return sym == ll_js.sym.object || sym == ll_js.sym.array || sym == ll_js.sym.new_expression ||
         sym == ll_js.sym.call_expression || sym == ll_js.sym.await_expression ||
         sym == ll_js.sym.member_expression || sym == ll_js.sym.subscript_expression;
}

static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  closure *c = data;
  if (ts_node_is_null(b->decl) || c->n_captures == MAX_CAPTURES) return;
  const loop_region *r = NULL;
  for (uint32_t i = 0; i < c->n_regions && !r; i++)
    if (inside(b->decl, c->regions[i].node)) r = &c->regions[i];
  if (!r) return; // declared before the loop: one binding for the whole run
  bool shared_var = false;
  switch (b->kind) {
    case LL_BIND_VAR:
      // A `var` of a loop is hoisted to the function: every iteration shares it. A `var` of
      // a callback is the callback's own, made per call.
      if (!r->callback)
        shared_var = true;
      else if (!holds_iteration_value(b))
        return;
      break;
    case LL_BIND_LET:
    case LL_BIND_CONST:
      if (!holds_iteration_value(b)) return;
      break;
    case LL_BIND_PARAM: // the element an iterator callback is called with
      if (!r->callback || !ts_node_eq(b->scope->node, r->node)) return;
      break;
    case LL_BIND_CATCH: // an error caught in the iteration
      break;
    default:
      return;
  }
  c->captures[c->n_captures++] = (capture){b, r->node, shared_var};
}

typedef struct kept_list {
  ll_retention items[MAX_KEPT];
  bool route[MAX_KEPT];            // LL_KEPT_LISTENER standing for a route or server handler
  const ll_binding *via[MAX_KEPT]; // the local of the iteration the closure was kept through
  uint32_t n;
} kept_list;

static void add_kept(kept_list *list, const ll_retention *kept, const ll_binding *via) {
  if (list->n == MAX_KEPT) return;
  list->via[list->n] = via;
  list->items[list->n++] = *kept;
}

static void follow_binding(ll_ctx *ctx, const closure *c, const ll_binding *b, int hops,
                           kept_list *out);

// Where a function value standing at a use whose ancestors are `up` (field `field` in up[0]),
// in `scope`, ends up: the retention fact, followed through literals that hold the value and
// through locals of the iteration (`via`: the last one followed).
static void kept_at(ll_ctx *ctx, const closure *c, ll_scope *scope, const TSNode up[4],
                    TSFieldId field, const ll_binding *via, int hops, kept_list *out) {
  ll_retention kept;
  ll_retention_at(ll_ctx_facts(ctx), ll_ctx_source(ctx), up, field, scope, &kept);
  if (hops >= MAX_HOPS) {
    add_kept(out, &kept, via);
    return;
  }
  // `{ run: () => ... }`, `{ onData }`, `[name, handler]`: kept wherever the literal is.
  TSNode literal = {.id = NULL};
  if (kept.kind == LL_KEPT_UNKNOWN) {
    if (ll_ast_is(up[0], ll_js.sym.pair) && field == ll_js.field.value &&
        ll_ast_is(up[1], ll_js.sym.object))
      literal = up[1];
    else if (ll_ast_is(up[0], ll_js.sym.object) || ll_ast_is(up[0], ll_js.sym.array))
      literal = up[0];
  }
  if (!ts_node_is_null(literal)) {
    TSNode lit_up[4];
    TSFieldId lit_field;
    ll_retention_context(literal, lit_up, &lit_field);
    kept_at(ctx, c, scope, lit_up, lit_field, via, hops + 1, out);
    return;
  }
  // A local of the iteration (`const onData = ...`) only names the value: look at its uses.
  const ll_binding *local = kept.place.binding;
  if (kept.kind == LL_KEPT_IN && kept.place_known && local && !kept.place.text[0] &&
      (local->kind == LL_BIND_CONST || local->kind == LL_BIND_LET || local->kind == LL_BIND_VAR) &&
      inside(local->decl, c->regions[c->n_regions - 1].node)) {
    follow_binding(ctx, c, local, hops + 1, out);
    return;
  }
  add_kept(out, &kept, via);
}

// The places the value of `b` is kept, from its reads (a call only runs it).
static void follow_binding(ll_ctx *ctx, const closure *c, const ll_binding *b, int hops,
                           kept_list *out) {
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (!(ref->flags & LL_REF_READ) || (ref->flags & (LL_REF_CALLEE | LL_REF_TYPEOF))) continue;
    TSNode up[4] = {ref->parent, ref->grandparent, {.id = NULL}, {.id = NULL}};
    if (!ts_node_is_null(ref->grandparent)) {
      TSFieldId ignored;
      TSNode above[4];
      ll_retention_context(ref->grandparent, above, &ignored);
      up[2] = above[0];
      up[3] = above[1];
    }
    kept_at(ctx, c, ref->from, up, ref->field, b, hops, out);
  }
}

// Every place the closure `c` is kept.
static void where_kept(ll_ctx *ctx, const closure *c, kept_list *out) {
  ll_scope *fn = c->fn;
  TSSymbol sym = ts_node_symbol(fn->node);
  if (sym == ll_js.sym.function_declaration || sym == ll_js.sym.generator_function_declaration) {
    TSNode name = ll_ast_field(fn->node, ll_js.field.name);
    const ll_binding *self =
        ll_scope_lookup(ll_ctx_scopes(ctx), fn->parent, ll_ctx_text(ctx, name));
    if (self) follow_binding(ctx, c, self, 1, out);
    return;
  }
  if (sym == ll_js.sym.method_definition) { // a method of an object literal
    TSNode up[4];
    TSFieldId field;
    ll_retention_context(fn->context[0], up, &field);
    kept_at(ctx, c, fn->parent, up, field, NULL, 1, out);
    return;
  }
  kept_at(ctx, c, fn->parent, fn->context, fn->context_field, NULL, 0, out);
}

// A route or server handler (`app.get(path, (req, res) => ...)`, directly or through a local):
// the app keeps it for as long as it runs.
static void add_route_handler(ll_ctx *ctx, const closure *c, kept_list *out) {
  ll_repeat why;
  if (ll_facts_frequency(ll_ctx_facts(ctx), c->fn, &why) != LL_FREQ_REPEATED ||
      why.reason != LL_REPEAT_ROUTE || why.function != c->fn ||
      !ll_ast_is(why.site, ll_js.sym.call_expression) || out->n == MAX_KEPT)
    return;
  ll_retention kept = {.kind = LL_KEPT_LISTENER, .site = why.site};
  TSNode callee = ll_ast_field(why.site, ll_js.field.function);
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    kept.place_known =
        ll_facts_path(ll_ctx_facts(ctx), ll_ast_field(callee, ll_js.field.object), &kept.place);
  out->route[out->n] = true;
  add_kept(out, &kept, NULL);
}

// `socket.setTimeout(ms, fn)` on an object made in the region: the object holds the callback.
static bool receiver_made_in(ll_ctx *ctx, const ll_retention *kept, TSNode region) {
  if (!ll_ast_is(kept->site, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(kept->site, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_path receiver;
  return ll_facts_path(ll_ctx_facts(ctx), ll_ast_field(callee, ll_js.field.object), &receiver) &&
         receiver.binding && inside(receiver.binding->decl, region);
}

// `x = fn`, `obj.slot = fn`, `obj['slot'] = fn`: one slot, overwritten by the next iteration.
static bool stores_in_one_slot(const ll_retention *kept) {
  if (!ll_ast_is(kept->site, ll_js.sym.assignment_expression) &&
      !ll_ast_is(kept->site, ll_js.sym.variable_declarator))
    return false;
  TSNode left = ll_ast_field(kept->site, ll_js.field.left);
  if (!ll_ast_is(left, ll_js.sym.subscript_expression)) return true;
  TSNode index = ll_ast_field(left, ll_js.field.index);
  return ll_ast_is(index, ll_js.sym.string) || ll_ast_is(index, ll_js.sym.number);
}

// The name of the timer function a closure is passed to: `setTimeout`, `requestAnimationFrame`.
static ll_str timer_name(const ll_ctx *ctx, const ll_retention *kept) {
  TSNode callee = ll_ast_field(kept->site, ll_js.field.function);
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    callee = ll_ast_field(callee, ll_js.field.property);
  if (ts_node_is_null(callee)) return (ll_str){"a timer", 7};
  return ll_ctx_text(ctx, callee);
}

// Does capture `k` outlive its iteration through `kept`?
static bool escapes(ll_ctx *ctx, const closure *c, const capture *k, const ll_retention *kept) {
  switch (kept->kind) {
    case LL_KEPT_IN:
      if (!kept->place_known) return false;
      if (kept->place.binding && !kept->place.this_class &&
          inside(kept->place.binding->decl, k->region))
        return false; // a place of the same iteration dies with it
      if (k->shared_var) return true;
      return c->repeated && kept->place.lifetime == LL_LIFETIME_LONG && !stores_in_one_slot(kept);
    case LL_KEPT_LISTENER:
      // A shared `var` is read when the event fires, after the loop, whatever the emitter.
      if (k->shared_var) return true;
      if (!kept->place_known || !c->repeated ||
          !ll_facts_listener_outlives_run(ll_ctx_facts(ctx), kept->site, &kept->place))
        return false;
      return !(kept->place.binding && inside(kept->place.binding->decl, k->region));
    case LL_KEPT_INTERVAL:
    case LL_KEPT_TIMEOUT:
      if (k->shared_var) return true;
      // A timeout that fires soon releases the closure soon: only a long or unknown delay keeps
      // what each iteration captured for long, or a closure that schedules itself again (a
      // polling chain runs for good).
      if (!c->repeated ||
          (kept->kind == LL_KEPT_TIMEOUT && kept->delay_short && !inside(kept->site, c->fn->node)))
        return false;
      return !receiver_made_in(ctx, kept, k->region);
    default:
      return false;
  }
}

static const char *describe_place(ll_ctx *ctx, const ll_retention *kept, bool route) {
  ll_arena *arena = ll_ctx_arena(ctx);
  if (route) {
    ll_str callee = ll_ctx_text(ctx, ll_ast_field(kept->site, ll_js.field.function));
    return ll_arena_printf(arena, "is registered as a handler with `%.*s`", (int)callee.len,
                           callee.ptr);
  }
  switch (kept->kind) {
    case LL_KEPT_IN:
      return ll_arena_printf(arena, "is kept in `%s`", ll_path_describe(&kept->place, arena));
    case LL_KEPT_LISTENER:
      if (!kept->place_known) return "is registered as a listener";
      return ll_arena_printf(arena, "is registered as a listener on `%s`",
                             ll_path_describe(&kept->place, arena));
    case LL_KEPT_INTERVAL:
      return "is scheduled with setInterval";
    case LL_KEPT_TIMEOUT: {
      ll_str timer = timer_name(ctx, kept);
      return ll_arena_printf(arena, "is scheduled with %.*s", (int)timer.len, timer.ptr);
    }
    default:
      return "is kept";
  }
}

// A timer whose id the code keeps (`ids.push(setInterval(...))`, `const t = setTimeout(...)`).
static bool keeps_timer_id(const ll_retention *kept) {
  if (!ll_ast_is(kept->site, ll_js.sym.call_expression)) return false;
  TSNode up[4];
  TSFieldId field;
  ll_retention_context(kept->site, up, &field);
  return !ts_node_is_null(up[0]) && !ll_ast_is(up[0], ll_js.sym.expression_statement);
}

// The message for closure `c` kept by `kept`, or NULL when no capture outlives its iteration.
// `*check` says what the rest of the file must not do for the finding to hold.
static const char *judge(ll_ctx *ctx, const closure *c, const ll_retention *kept, bool route,
                         check_kind *check) {
  char vars[160] = "", values[160] = "";
  bool any_var = false, any_value = false;
  for (uint32_t i = 0; i < c->n_captures; i++) {
    const capture *k = &c->captures[i];
    if (!escapes(ctx, c, k, kept)) continue;
    if (k->shared_var) {
      any_var = true;
      ll_retention_name_append(vars, sizeof vars, k->binding->name);
    } else {
      any_value = true;
      ll_retention_name_append(values, sizeof values, k->binding->name);
    }
  }
  *check = CHECK_NONE;
  if (!any_var && !any_value) return NULL;
  const char *where = describe_place(ctx, kept, route);
  if (any_var) // the shared binding is wrong however long the closure is kept
    return ll_arena_printf(ll_ctx_arena(ctx),
                           "closure created in a loop captures %s, a `var` shared by every "
                           "iteration, and %s: it runs after the iteration, sees only the last "
                           "value, and keeps the whole function scope alive",
                           vars, where);
  if (kept->kind == LL_KEPT_IN)
    *check = CHECK_COLLECTION;
  else if (kept->kind == LL_KEPT_LISTENER && !route)
    *check = CHECK_LISTENER;
  else if ((kept->kind == LL_KEPT_INTERVAL || kept->kind == LL_KEPT_TIMEOUT) &&
           keeps_timer_id(kept))
    *check = CHECK_TIMER;
  return ll_arena_printf(ll_ctx_arena(ctx),
                         "closure created %s captures %s, made in the iteration, and %s beyond the "
                         "iteration: every iteration keeps one more closure and what it captures",
                         c->regions[0].callback ? "in an iterator callback" : "in a loop", values,
                         where);
}

static void defer(ll_ctx *ctx, state *st, TSNode node, const char *message, check_kind check,
                  const ll_retention *kept, const ll_binding *via, const ll_repeat *why) {
  pending *p = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *p);
  p->node = node;
  p->why = *why;
  p->message = message;
  p->check = check;
  p->place = kept->place;
  p->via = via;
  if (st->last)
    st->last->next = p;
  else
    st->first = p;
  st->last = p;
}

static void check_function(ll_ctx *ctx, state *st, TSNode node) {
  ll_scope *fn = ll_ctx_scope(ctx);
  if (!ts_node_eq(fn->node, node) || !fn->parent) return;
  if (ll_ast_is(node, ll_js.sym.method_definition) && !ll_ast_is(fn->context[0], ll_js.sym.object))
    return; // a class member: made with its class, not per iteration
  closure c = {.fn = fn};
  collect_regions(ctx, &c);
  if (!c.n_regions) return;
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &c);
  if (!c.n_captures) return;
  // A loop in start-up code makes a bounded number of closures, once; only a shared `var` is
  // wrong there. Per-iteration values pile up when the loop itself runs again and again.
  c.repeated = ll_facts_frequency(ll_ctx_facts(ctx), fn->parent, &c.why) == LL_FREQ_REPEATED;
  if (!c.repeated) c.why = (ll_repeat){0};
  kept_list kept = {.n = 0};
  where_kept(ctx, &c, &kept);
  add_route_handler(ctx, &c, &kept);
  const char *messages[MAX_KEPT];
  check_kind checks[MAX_KEPT];
  for (uint32_t i = 0; i < kept.n; i++) {
    messages[i] = judge(ctx, &c, &kept.items[i], kept.route[i], &checks[i]);
    if (messages[i] && checks[i] == CHECK_NONE) {
      ll_ctx_report_repeated(ctx, node, &c.why, 0, "%s", messages[i]);
      return;
    }
  }
  for (uint32_t i = 0; i < kept.n; i++)
    if (messages[i])
      defer(ctx, st, node, messages[i], checks[i], &kept.items[i], kept.via[i], &c.why);
}

// Removals of listeners and clears of timers, anywhere in the file.
static void note_call(ll_ctx *ctx, state *st, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  TSNode method = callee;
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    method = ll_ast_field(callee, ll_js.field.property);
  else if (!ll_ast_is(callee, ll_js.sym.identifier))
    return;
  ll_str name = ll_ctx_text(ctx, method);
  if (ll_str_eq(name, "clearInterval") || ll_str_eq(name, "clearTimeout")) {
    st->clears_timers = true;
    return;
  }
  ll_listener_call lc;
  if (!ll_vocab_listener_call(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx), call, &lc) ||
      (lc.kind != LL_LISTENER_REMOVE && lc.kind != LL_LISTENER_REMOVE_ALL))
    return;
  removal r = {.all = lc.kind == LL_LISTENER_REMOVE_ALL};
  if (!ll_facts_path(ll_ctx_facts(ctx), lc.emitter, &r.emitter)) return;
  TSNode listener = lc.listener;
  if (ll_ast_is(listener, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), listener);
    r.listener = ref ? ref->target : NULL;
  }
  if (!r.all && !r.listener) return; // an inline function never matches the one added
  removal *copy = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *copy);
  *copy = r;
  copy->next = st->removals;
  st->removals = copy;
}

static void enter(ll_ctx *ctx, TSNode node, void *opaque) {
  if (ll_ast_is(node, ll_js.sym.call_expression))
    note_call(ctx, opaque, node);
  else
    check_function(ctx, opaque, node);
}

// A collection that the file drains, bounds, hands out or makes weak does not keep every
// iteration's closure; one whose value the file does not show may be a bounded cache.
static bool keeps_everything(const ll_collections *collections, const ll_path *place) {
  for (const ll_collection *c = collections->collections; c; c = c->next) {
    if (!ll_path_equal(&c->path, place)) continue;
    uint32_t effects = ll_collection_effects(collections, c);
    if (effects & (LL_EFFECT_SHRINKS | LL_EFFECT_RESETS | LL_EFFECT_BOUNDED | LL_EFFECT_ESCAPES |
                   LL_EFFECT_WEAK))
      return false;
    return ll_collection_is_known(collections, c) && !ll_collection_is_exported(c);
  }
  return false;
}

// A binding whose function the file does not pin down: a parameter, or a name destructured or
// taken from a loop (`for (const [event, listener] of pairs) bus.off(event, listener)`). It holds
// whichever function was kept, this one as well as any.
static bool holds_any_function(const ll_binding *b) {
  if (!b) return false;
  if (b->kind == LL_BIND_PARAM) return true;
  return (b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR) &&
         ts_node_is_null(b->init);
}

// The emitter drops the closure when the file removes all its listeners, this very function, or
// a function whose identity the file cannot pin down.
static bool is_removed(const state *st, const pending *p) {
  for (const removal *r = st->removals; r; r = r->next)
    if (ll_path_equal(&r->emitter, &p->place) &&
        (r->all || (p->via && r->listener == p->via) || holds_any_function(r->listener)))
      return true;
  return false;
}

static bool still_holds(const ll_ctx *ctx, const state *st, const pending *p) {
  switch (p->check) {
    case CHECK_COLLECTION:
      return keeps_everything(ll_ctx_collections(ctx), &p->place);
    case CHECK_LISTENER:
      return !is_removed(st, p);
    case CHECK_TIMER:
      return !st->clears_timers;
    default:
      return true;
  }
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  for (const pending *p = st->first; p; p = p->next) {
    if (!still_holds(ctx, st, p)) continue;
    ll_ctx_report_repeated(ctx, p->node, &p->why, 0, "%s", p->message);
    while (p->next && ts_node_eq(p->next->node, p->node)) // one finding per closure
      p = p->next;
  }
}

const ll_rule ll_rule_closure_in_loop = {
    .id = "closure-in-loop",
    .name = "ClosureInLoop",
    .short_description = "Closure created in a loop, kept beyond the iteration, captures its state",
    .full_description =
        "A function created inside a loop and stored in an outer collection, registered as a\n"
        "listener or scheduled, outlives the iteration that made it. Each one keeps what it\n"
        "captures alive: a value made in the iteration (an object, a buffer), or a `var` loop\n"
        "variable that every closure shares (and sees only at its last value).\n\n"
        "Bad:\n\n"
        "```js\n"
        "for (var i = 0; i < jobs.length; i++) {\n"
        "  handlers.push(() => run(jobs[i])); // every handler sees the last i\n"
        "}\n"
        "```\n\n"
        "Good: use `let`/`const` per iteration, keep only what the callback needs, and remove\n"
        "stored callbacks when they are done.\n",
    .help_uri = LL_RULE_PAGES_URL "closure-in-loop.md",
    .fix = "create the closure outside the loop, or release what keeps it (clear its timer, remove "
           "its listener) when the iteration's work is done",
    .category = LL_CATEGORY_CLOSURES,
    .default_severity = LL_ERROR,
    .precision = "medium",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(state),
    .enter = enter,
    .file_end = file_end,
};
