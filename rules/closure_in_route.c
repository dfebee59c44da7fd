// closure-in-route: a function created per request or per event that captures the request's
// state and is stored somewhere that outlives the request.
//
// A route handler, middleware or connection/message listener runs for every request. A closure
// it creates captures the request, the response, the socket, parsed bodies or buffers; stored in
// a top-level collection or variable or a long-lived object's property, registered on a
// long-lived emitter or passed to an interval that is never cleared, each request leaves one
// closure behind, and with it everything it captured. The rule also finds the shared-context
// leak: closures made in one scope share one context in V8, so a closure capturing the previous
// value of a binding that the same run replaces (with an object holding another closure) chains
// every previous value together.
//
// The walk records each candidate closure with where it is kept, and the file's releases (the
// `null` written to a slot, listener removals, cleared timers); whether a collection is ever
// drained is the collections fact, complete only at file end, where candidates are decided. A
// listener or an interval is also listener-unbalanced's or timer-leak's finding: those rules say
// that the registration grows, this one that the request's state stays reachable.

#include <stdint.h>
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/collections.h"
#include "analyzer/handles.h"
#include "analyzer/listeners.h"
#include "analyzer/retention.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "closures", NULL};
static const char *const node_types[] = {
    "arrow_function",       "function_expression", "generator_function",
    "function_declaration", "method_definition",   "assignment_expression",
    "unary_expression",     "call_expression",     NULL};

typedef enum kept_how {
  KEPT_SLOT,     // assigned to a long-lived variable or property: `last = fn`, `state.cb = fn`
  KEPT_ENTRY,    // added to a long-lived collection: push/set/add, `map[key] = fn`
  KEPT_LISTENER, // registered on a long-lived emitter
  KEPT_INTERVAL, // passed to setInterval
} kept_how;

// A closure made per request and kept past it, decided at file end.
typedef struct candidate {
  TSNode node; // the function
  kept_how how;
  ll_path place;            // the slot, the collection or the emitter
  const ll_scope *store_in; // the function whose code stores it
  uint32_t store_at;        // the start byte of the store
  const ll_binding *via;    // the local it was named by before being kept, or NULL
  bool in_literal;          // a property or element of an object or array literal
  ll_str event;             // KEPT_LISTENER: the event
  TSNode registration;      // KEPT_LISTENER: the call that adds it (the listeners fact's add)
  bool id_dropped;          // KEPT_INTERVAL: the timer id is dropped
  bool id_known;            // KEPT_INTERVAL: the timer id is kept in `id`
  ll_path id;               //
  const char *message;      // "closure created ... captures `res`"
  struct candidate *next;
} candidate;

// Something the file does that can release a kept closure.
typedef enum release_kind {
  RELEASE_SLOT,  // `slot = null`, `slot = undefined`, `delete slot`
  RELEASE_TIMER, // clearInterval / clearTimeout
} release_kind;

typedef struct release {
  release_kind kind;
  ll_path slot;       // the slot, the emitter or the timer id
  bool slot_known;    //
  const ll_scope *in; // the function whose code empties it
  uint32_t at;        // the start byte of the write
  struct release *next;
} release;

typedef struct state {
  candidate *candidates, *last;
  release *releases;
} state;

// ---------------------------------------------------------------------------------------------
// Per-request code and request state

// True when code in `scope` runs per request or per event: a route or server callback, a
// listener, a function that reruns itself (a reconnect), or a function that such code calls.
static bool runs_per_request(const ll_facts *facts, const ll_scope *scope, ll_repeat *why) {
  if (ll_facts_frequency(facts, scope, why) != LL_FREQ_REPEATED) return false;
  ll_repeat at = *why;
  for (int depth = 0; depth < 16; depth++) {
    // A reconnect or retry that runs the code again is a run of its own, like a request.
    if ((at.reason == LL_REPEAT_ROUTE || at.reason == LL_REPEAT_LISTENER ||
         at.reason == LL_REPEAT_RERUN) &&
        at.function)
      return true;
    if (at.reason != LL_REPEAT_CALLED || !at.via ||
        ll_facts_frequency(facts, at.via, &at) != LL_FREQ_REPEATED)
      return false;
  }
  return false;
}

typedef struct captured {
  const ll_facts *facts;
  char names[160];
} captured;

// Request-scoped state: a parameter or a local holding an object, a buffer or a call's result,
// of code that runs per request (the handler, or a function inside or called by it). Locals of
// set-up code, such as a middleware factory's options, are configuration.
static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  captured *c = data;
  ll_repeat why;
  if (!runs_per_request(c->facts, b->scope, &why)) return;
  bool request_state = b->kind == LL_BIND_PARAM;
  if (!request_state && !ts_node_is_null(b->init) &&
      (b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR)) {
    TSSymbol sym = ts_node_symbol(b->init);
    request_state = sym == ll_js.sym.object || sym == ll_js.sym.array ||
                    sym == ll_js.sym.new_expression || sym == ll_js.sym.call_expression ||
                    sym == ll_js.sym.await_expression || sym == ll_js.sym.member_expression ||
                    sym == ll_js.sym.subscript_expression;
  }
  if (!request_state) return;
  ll_retention_name_append(c->names, sizeof c->names, b->name);
}

// ---------------------------------------------------------------------------------------------
// The shared-context leak

static bool is_function_node(TSNode node) {
  return ll_ast_is(node, ll_js.sym.function_expression) ||
         ll_ast_is(node, ll_js.sym.arrow_function) || ll_ast_is(node, ll_js.sym.generator_function);
}

// A value that holds a closure made where it is written: an object literal with a method or a
// function-valued property, an array with a function element, or `new X(..., fn)`.
static bool holds_closure(TSNode value) {
  value = ll_ast_unparenthesized(value);
  TSNode items = value;
  if (ll_ast_is(value, ll_js.sym.new_expression))
    items = ll_ast_field(value, ll_js.field.arguments);
  else if (!ll_ast_is(value, ll_js.sym.object) && !ll_ast_is(value, ll_js.sym.array))
    return false;
  uint32_t n = ts_node_is_null(items) ? 0 : ts_node_named_child_count(items);
  for (uint32_t i = 0; i < n; i++) {
    TSNode member = ts_node_named_child(items, i);
    if (ll_ast_is(member, ll_js.sym.method_definition) || is_function_node(member)) return true;
    if (ll_ast_is(member, ll_js.sym.pair) &&
        is_function_node(ll_ast_field(member, ll_js.field.value)))
      return true;
  }
  return false;
}

typedef struct previous_value {
  const ll_facts *facts;
  const ll_scope *run;      // the repeated function
  const ll_binding *local;  // `prev` in `const prev = holder`
  const ll_binding *holder; // the long-lived binding it copies
} previous_value;

// A captured local of the run that copies a long-lived binding: `const prev = holder`.
static void find_previous_value(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  previous_value *pv = data;
  if (pv->local || b->kind == LL_BIND_PARAM || !ll_scope_is_within(b->scope, pv->run) ||
      !ll_ast_is(b->init, ll_js.sym.identifier))
    return;
  const ll_ref *source = ll_facts_ref_at(pv->facts, b->init);
  if (!source || !source->target || ll_facts_binding_lifetime(source->target) != LL_LIFETIME_LONG)
    return;
  pv->local = b;
  pv->holder = source->target;
}

// Reports the shared-context leak at `node`; true when it did.
static bool check_shared_context(ll_ctx *ctx, const ll_scope *fn, TSNode node) {
  const ll_scope *run = fn->parent ? fn->parent->function : NULL;
  if (!run || run == run->parent || run->kind == LL_SCOPE_GLOBAL || run->kind == LL_SCOPE_MODULE)
    return false;
  ll_repeat why;
  const ll_facts *facts = ll_ctx_facts(ctx);
  if (ll_facts_frequency(facts, run, &why) != LL_FREQ_REPEATED) return false;
  previous_value pv = {.facts = facts, .run = run};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, find_previous_value, &pv);
  if (!pv.local) return false;
  // The same run replaces the holder with a value that holds a closure: that closure shares
  // the run's context, and so the captured previous value, with this one.
  TSNode replacement = {.id = NULL};
  for (const ll_ref *use = pv.holder->refs; use; use = use->next_of_binding) {
    if (!(use->flags & LL_REF_WRITE) || !ll_scope_is_within(use->from, run) ||
        !ll_ast_is(use->parent, ll_js.sym.assignment_expression))
      continue;
    if (holds_closure(ll_ast_field(use->parent, ll_js.field.right))) {
      replacement = use->parent;
      break;
    }
  }
  if (ts_node_is_null(replacement)) return false;
  ll_ctx_report(ctx, node,
                "closure captures `%.*s`, the previous value of top-level `%.*s`, and shares its "
                "scope's context with the closure stored in `%.*s` at line %u: %s, each run keeps "
                "the previous object alive and the chain grows by one object per run",
                (int)pv.local->name.len, pv.local->name.ptr, (int)pv.holder->name.len,
                pv.holder->name.ptr, (int)pv.holder->name.len, pv.holder->name.ptr,
                ll_source_position(ll_ctx_source(ctx), ts_node_start_byte(replacement)).line,
                ll_facts_describe_repeat(facts, ll_ctx_arena(ctx), &why));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Where a closure is kept

static bool is_once(const ll_ctx *ctx, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  ll_str method = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  if (ll_str_eq(method, "once") || ll_str_eq(method, "prependOnceListener")) return true;
  // addEventListener(type, fn, { once: true }) or { signal }: removed without another call.
  TSNode options = ll_ast_named_child(ll_ast_field(call, ll_js.field.arguments), 2);
  if (!ll_ast_is(options, ll_js.sym.object)) return false;
  uint32_t n = ts_node_named_child_count(options);
  for (uint32_t i = 0; i < n; i++) {
    TSNode member = ts_node_named_child(options, i);
    bool pair = ll_ast_is(member, ll_js.sym.pair);
    ll_str key = ll_ctx_text(ctx, pair ? ll_ast_field(member, ll_js.field.key) : member);
    ll_str v = pair ? ll_ctx_text(ctx, ll_ast_field(member, ll_js.field.value)) : key;
    if (ll_str_eq(key, "signal") || (ll_str_eq(key, "once") && !ll_str_eq(v, "false"))) return true;
  }
  return false;
}

// The event `node` names (ll_facts_event_name); an empty slice when the file cannot tell.
static ll_str event_of(const ll_ctx *ctx, TSNode node) {
  ll_str event;
  bool by_name;
  return ll_facts_event_name(ll_ctx_facts(ctx), node, &event, &by_name) ? event : (ll_str){"", 0};
}

// Where the id of setInterval `call` goes (the handle fact's place): dropped or a path (true), or
// handed on (false).
static bool follow_timer_id(const ll_ctx *ctx, TSNode call, candidate *c) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  ll_handle_place place;
  ll_facts_handle_place(facts, call, &place);
  // An id stored in a collection is the collection's: global-accumulator and timer-leak say it.
  size_t len = strlen(place.path.text);
  if (place.escapes || place.owner ||
      (place.known && len >= 2 && !strcmp(place.path.text + len - 2, "[]")))
    return false;
  if (!place.known) {
    c->id_dropped = true;
    return true;
  }
  // A local id that is returned, passed on or stored elsewhere: that code may clear it.
  if (ll_facts_handle_place_escapes(facts, &place)) return false;
  c->id_known = true;
  c->id = place.path;
  return true;
}

// Fills `c` from `kept` when it keeps the closure past the request: true when it does.
static bool keeps_past_request(const ll_ctx *ctx, const ll_retention *kept, candidate *c) {
  TSNode site = kept->site;
  c->store_at = ts_node_start_byte(site);
  c->store_in = ll_scope_at(ll_ctx_scopes(ctx), c->store_at)->function;
  if (kept->kind == LL_KEPT_INTERVAL) {
    c->how = KEPT_INTERVAL;
    return follow_timer_id(ctx, site, c);
  }
  if (!kept->place_known) return false;
  if (kept->kind == LL_KEPT_LISTENER
          ? !ll_facts_listener_outlives_run(ll_ctx_facts(ctx), site, &kept->place)
          : kept->place.lifetime != LL_LIFETIME_LONG)
    return false;
  c->place = kept->place;
  if (kept->kind == LL_KEPT_LISTENER) {
    if (is_once(ctx, site)) return false;
    c->how = KEPT_LISTENER;
    c->registration = site;
    c->event = event_of(ctx, ll_ast_named_child(ll_ast_field(site, ll_js.field.arguments), 0));
    // Without the event's name the file cannot tell what is added, as listener-unbalanced.
    return c->event.len > 0;
  }
  if (kept->kind != LL_KEPT_IN) return false;
  c->how = KEPT_ENTRY;
  if (ll_ast_is(site, ll_js.sym.assignment_expression)) {
    // `map[key] = fn` adds an entry; `x = fn`, `obj.cb = fn`, `obj['cb'] = fn` fill a slot.
    TSNode left = ll_ast_field(site, ll_js.field.left);
    bool computed = ll_ast_is(left, ll_js.sym.subscript_expression) &&
                    !ll_ast_is(ll_ast_field(left, ll_js.field.index), ll_js.sym.string);
    if (!computed) {
      c->how = KEPT_SLOT;
      if (!ll_facts_path(ll_ctx_facts(ctx), left, &c->place)) return false;
    }
  } else if (ll_ast_is(site, ll_js.sym.variable_declarator)) {
    c->how = KEPT_SLOT;
  }
  // An object assigned to a slot is the new state that replaces the previous one (`active =
  // { rules, validate() {} }`): one object per slot, however often the code runs.
  return !(c->how == KEPT_SLOT && c->in_literal);
}

static void add_candidate(ll_ctx *ctx, state *st, const candidate *proto, const char *message) {
  candidate *c = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *c);
  *c = *proto;
  c->message = message;
  if (st->last)
    st->last->next = c;
  else
    st->candidates = c;
  st->last = c;
}

// The object or array literal that holds function `fn` as a property or element, or null.
static TSNode holding_literal(const ll_scope *fn) {
  TSNode up = fn->context[0];
  if (ll_ast_is(up, ll_js.sym.pair) && fn->context_field == ll_js.field.value) up = fn->context[1];
  if (ll_ast_is(up, ll_js.sym.object) || ll_ast_is(up, ll_js.sym.array)) return up;
  return (TSNode){.id = NULL};
}

static void check_function(ll_ctx *ctx, state *st, TSNode node) {
  const ll_scope *fn = ll_ctx_scope(ctx);
  if (!ts_node_eq(fn->node, node) || !fn->parent) return;
  if (check_shared_context(ctx, fn, node)) return;
  ll_repeat why;
  const ll_facts *facts = ll_ctx_facts(ctx);
  if (!runs_per_request(facts, fn->parent, &why)) return;
  captured cap = {.facts = facts};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &cap);
  if (!cap.names[0]) return;
  const char *message =
      ll_arena_printf(ll_ctx_arena(ctx), "closure created %s captures %s",
                      ll_facts_describe_repeat(facts, ll_ctx_arena(ctx), &why), cap.names);

  candidate c = {.node = node};
  ll_retention kept = {0};
  if (ll_ast_is(node, ll_js.sym.function_declaration)) {
    // `function onAbort() {...}` is named by its declaration, like a local holding it.
    TSNode name = ll_ast_field(node, ll_js.field.name);
    kept.kind = LL_KEPT_IN;
    kept.place.binding = ll_scope_lookup(ll_ctx_scopes(ctx), fn->parent, ll_ctx_text(ctx, name));
    kept.place_known = kept.place.binding != NULL;
  } else if (ll_ast_is(node, ll_js.sym.method_definition)) {
    if (ll_ast_is(fn->context[0], ll_js.sym.class_body)) return; // a class member: per instance
  } else {
    ll_retention_of(facts, ll_ctx_source(ctx), fn, &kept);
  }
  TSNode literal = holding_literal(fn);
  if (kept.kind == LL_KEPT_UNKNOWN && !ts_node_is_null(literal)) {
    // `{ id, cancel: () => res.destroy() }` is kept wherever the literal is stored (a literal
    // is no listener or timer callback).
    ll_retention_of_value(facts, ll_ctx_source(ctx), literal, fn->parent, &kept);
    if (kept.kind != LL_KEPT_IN) return;
    c.in_literal = true;
  }
  if (keeps_past_request(ctx, &kept, &c)) {
    add_candidate(ctx, st, &c, message);
    return;
  }
  // `const send = (m) => ws.send(m); clients.set(id, send)`: follow the local that names it.
  if (kept.kind != LL_KEPT_IN || !kept.place_known || kept.place.text[0]) return;
  const ll_binding *local = kept.place.binding;
  if (!local ||
      (local->kind != LL_BIND_CONST && local->kind != LL_BIND_LET && local->kind != LL_BIND_VAR &&
       local->kind != LL_BIND_FUNCTION) ||
      local->scope->function != fn->parent->function)
    return;
  for (const ll_ref *ref = local->refs; ref; ref = ref->next_of_binding) {
    if ((ref->flags & (LL_REF_WRITE | LL_REF_CALLEE)) || ll_scope_is_within(ref->from, fn))
      continue;
    ll_retention via;
    ll_retention_of_value(ll_ctx_facts(ctx), ll_ctx_source(ctx), ref->id, ref->from, &via);
    candidate named = {.node = node, .via = local, .in_literal = c.in_literal};
    if (keeps_past_request(ctx, &via, &named)) {
      add_candidate(ctx, st, &named, message);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Releases and decisions

static void add_release(ll_ctx *ctx, state *st, const release *proto, TSNode node) {
  release *r = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *r);
  *r = *proto;
  r->in = ll_ctx_scope(ctx)->function;
  r->at = ts_node_start_byte(node);
  r->next = st->releases;
  st->releases = r;
}

// Records `slot = null`, `slot = undefined`, `delete slot` and cleared timers. (Listener
// removals are the listeners fact's.)
static void record_release(ll_ctx *ctx, state *st, TSNode node) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  release r = {.kind = RELEASE_SLOT};
  if (ll_ast_is(node, ll_js.sym.assignment_expression)) {
    ll_str right = ll_ctx_text(ctx, ll_ast_field(node, ll_js.field.right));
    if (!ll_str_eq(right, "null") && !ll_str_eq(right, "undefined")) return;
    if (ll_facts_path(facts, ll_ast_field(node, ll_js.field.left), &r.slot))
      add_release(ctx, st, &r, node);
    return;
  }
  if (ll_ast_is(node, ll_js.sym.unary_expression)) {
    if (!ll_str_eq(ll_ctx_text(ctx, ll_ast_field(node, ll_js.field.operator)), "delete")) return;
    if (ll_facts_path(facts, ll_ast_field(node, ll_js.field.argument), &r.slot))
      add_release(ctx, st, &r, node);
    return;
  }
  TSNode callee = ll_ast_field(node, ll_js.field.function);
  TSNode args = ll_ast_field(node, ll_js.field.arguments);
  TSNode first = ll_ast_named_child(args, 0);
  if (ll_ast_is(callee, ll_js.sym.identifier)) {
    ll_str name = ll_ctx_text(ctx, callee);
    if (!ll_str_eq(name, "clearInterval") && !ll_str_eq(name, "clearTimeout")) return;
    r.kind = RELEASE_TIMER;
    r.slot_known = ll_facts_path(facts, first, &r.slot);
    add_release(ctx, st, &r, node);
    return;
  }
}

static void on_enter(ll_ctx *ctx, TSNode node, void *opaque) {
  state *st = opaque;
  if (ll_ast_is(node, ll_js.sym.assignment_expression) ||
      ll_ast_is(node, ll_js.sym.unary_expression) || ll_ast_is(node, ll_js.sym.call_expression))
    record_release(ctx, st, node);
  else
    check_function(ctx, st, node);
}

// True when the listeners fact shows the closure's registration undone: some removal in the file
// may match it (or it removes itself), or it is added once per emitter.
static bool listener_released(ll_ctx *ctx, const candidate *c) {
  const ll_listeners *listeners = ll_ctx_listeners(ctx);
  const ll_listener_site *add = listeners->sites;
  while (add && !ts_node_eq(add->call, c->registration))
    add = add->next;
  if (!add) return true; // not a listener call the fact knows: nothing is claimed
  if (add->self_removing ||
      ll_facts_guarded_per_object(ll_ctx_facts(ctx), add->call, &add->emitter))
    return true;
  ll_arena *arena = ll_ctx_arena(ctx);
  for (const ll_listener_site *rm = listeners->sites; rm; rm = rm->next) {
    const char *why_not;
    ll_mismatch kind;
    if (!rm->is_add && ll_listener_removes(arena, rm, add, &why_not, &kind) != LL_REMOVES_NO)
      return true;
  }
  return false;
}

// True when something in the file can release candidate `c`.
static bool released(ll_ctx *ctx, const state *st, const candidate *c) {
  if (c->how == KEPT_ENTRY) {
    // Drained, cleared, bounded, handed to code that may drain it, or weak.
    const ll_collections *collections = ll_ctx_collections(ctx);
    for (const ll_collection *col = collections->collections; col; col = col->next)
      if (ll_path_equal(&col->path, &c->place))
        return ll_collection_effects(collections, col) &
               (LL_EFFECT_SHRINKS | LL_EFFECT_RESETS | LL_EFFECT_BOUNDED | LL_EFFECT_ESCAPES |
                LL_EFFECT_WEAK);
    return false;
  }
  if (c->how == KEPT_LISTENER) return listener_released(ctx, c);
  if (c->how == KEPT_INTERVAL && c->id_dropped) return false;
  for (const release *r = st->releases; r; r = r->next) {
    switch (c->how) {
      case KEPT_SLOT:
        // Emptied by other code (when the request ends, on cancel) or after the store, not
        // just before it is refilled.
        if (r->kind == RELEASE_SLOT && (r->in != c->store_in || r->at > c->store_at) &&
            ll_path_equal(&r->slot, &c->place))
          return true;
        break;
      case KEPT_LISTENER:
        break; // listener_released
      case KEPT_INTERVAL:
        if (r->kind == RELEASE_TIMER && (!r->slot_known || ll_path_equal(&r->slot, &c->id)))
          return true;
        break;
      case KEPT_ENTRY:
        break;
    }
  }
  return false;
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  ll_arena *arena = ll_ctx_arena(ctx);
  uint32_t last_store = UINT32_MAX;
  for (const candidate *c = st->candidates; c; c = c->next) {
    // One finding per store: `{ cancel() {}, retry() {} }` is one object kept.
    if (c->store_at == last_store || released(ctx, st, c)) continue;
    last_store = c->store_at;
    const char *named = c->via ? ll_arena_printf(arena, " (through `%.*s`)", (int)c->via->name.len,
                                                 c->via->name.ptr)
                               : "";
    const char *where = ll_path_describe(&c->place, arena), *kept = "";
    switch (c->how) {
      case KEPT_SLOT:
        kept = ll_arena_printf(arena, "is stored in long-lived `%s`, which nothing clears", where);
        break;
      case KEPT_ENTRY:
        kept = ll_arena_printf(arena, "is added to long-lived `%s`, which nothing drains", where);
        break;
      case KEPT_LISTENER:
        kept = ll_arena_printf(arena,
                               "is registered as a listener for '%.*s' on %s `%s` and never "
                               "removed",
                               (int)c->event.len, c->event.ptr,
                               c->place.lifetime == LL_LIFETIME_CONNECTION ? "connection-scoped"
                                                                           : "long-lived",
                               where);
        break;
      case KEPT_INTERVAL:
        kept = "is passed to a setInterval that is never cleared";
        break;
    }
    ll_ctx_report(ctx, c->node,
                  "%s and%s %s: every run leaves it behind, with everything it captured",
                  c->message, named, kept);
  }
}

const ll_rule ll_rule_closure_in_route = {
    .id = "closure-in-route",
    .name = "ClosureInRoute",
    .short_description = "Closure made per request keeps the request alive in a long-lived place",
    .full_description =
        "A function created in a route handler, middleware or connection handler captures the\n"
        "request's state (`req`, `res`, `socket`, parsed bodies, buffers). Stored in a\n"
        "top-level collection or variable or in a property of a long-lived object, registered\n"
        "on a long-lived emitter or passed to an interval that is never cleared, it outlives the\n"
        "request, and every request leaves one more behind.\n\n"
        "Bad:\n\n"
        "```js\n"
        "const pending = [];\n"
        "app.post('/jobs', (req, res) => {\n"
        "  pending.push(() => res.json(req.body)); // keeps req and res of every request\n"
        "});\n"
        "```\n\n"
        "Good: store plain data instead of closures, or remove the callback when the request\n"
        "ends (`res.on('close', ...)`).\n",
    .help_uri = LL_RULE_PAGES_URL "closure-in-route.md",
    .fix = "keep only the values the closure needs, not the request, and remove the listener or "
           "entry when the request ends",
    .category = LL_CATEGORY_CLOSURES,
    .default_severity = LL_ERROR,
    .precision = "medium",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(state),
    .enter = on_enter,
    .file_end = file_end,
};
