// closure-in-route: a function created per request or per event that captures the request's
// state and is stored somewhere that outlives the request.
//
// A route handler, middleware or connection/message listener runs for every request. A closure
// it creates captures the request, the response, the socket, parsed bodies or buffers; stored in
// a top-level collection or variable or a long-lived object's property, each request leaves one
// closure behind, and with it everything it captured. The rule also finds the shared-context
// leak: closures made in one scope share one context in V8, so a closure capturing the previous
// value of a binding that the same run replaces (with an object holding another closure) chains
// every previous value together.

#include "analyzer/ast.h"
#include "analyzer/retention.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "closures", NULL};
static const char *const node_types[] = {"arrow_function", "function_expression",
                                         "generator_function", "function_declaration", NULL};

typedef struct captured {
  const ll_scope *handler; // the per-request function
  char names[160];
} captured;

// Request-scoped state: a parameter of the handler (or of a function inside it), or a local of
// theirs holding an object, a buffer or a call's result.
static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  captured *c = data;
  if (!ll_scope_is_within(b->scope, c->handler)) return;
  bool request_state = b->kind == LL_BIND_PARAM;
  if (!request_state && !ts_node_is_null(b->init) &&
      (b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR)) {
    TSSymbol sym = ts_node_symbol(b->init);
    request_state = sym == ll_js.sym.object || sym == ll_js.sym.array ||
                    sym == ll_js.sym.new_expression || sym == ll_js.sym.call_expression ||
                    sym == ll_js.sym.await_expression || sym == ll_js.sym.member_expression;
  }
  if (!request_state) return;
  ll_retention_name_append(c->names, sizeof c->names, b->name);
}

// An object literal with a function in it: `{ method() {}, run: () => {} }`.
static bool holds_closure(TSNode value) {
  if (!ll_ast_is(value, ll_js.sym.object)) return false;
  uint32_t n = ts_node_named_child_count(value);
  for (uint32_t i = 0; i < n; i++) {
    TSNode member = ts_node_named_child(value, i);
    if (ll_ast_is(member, ll_js.sym.method_definition)) return true;
    TSNode v = ll_ast_field(member, ll_js.field.value);
    if (ll_ast_is(member, ll_js.sym.pair) &&
        (ll_ast_is(v, ll_js.sym.function_expression) || ll_ast_is(v, ll_js.sym.arrow_function)))
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

static void check_shared_context(ll_ctx *ctx, const ll_scope *fn, TSNode node) {
  const ll_scope *run = fn->parent ? fn->parent->function : NULL;
  if (!run || run == run->parent || run->kind == LL_SCOPE_GLOBAL || run->kind == LL_SCOPE_MODULE)
    return;
  ll_repeat why;
  const ll_facts *facts = ll_ctx_facts(ctx);
  if (ll_facts_frequency(facts, run, &why) != LL_FREQ_REPEATED) return;
  previous_value pv = {.facts = facts, .run = run};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, find_previous_value, &pv);
  if (!pv.local) return;
  // The same run replaces the holder with an object that holds a closure: that closure shares
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
  if (ts_node_is_null(replacement)) return;
  ll_ctx_report(ctx, node,
                "closure captures `%.*s`, the previous value of top-level `%.*s`, and shares its "
                "scope's context with the closure stored in `%.*s` at line %u: %s, each run keeps "
                "the previous object alive and the chain grows by one object per run",
                (int)pv.local->name.len, pv.local->name.ptr, (int)pv.holder->name.len,
                pv.holder->name.ptr, (int)pv.holder->name.len, pv.holder->name.ptr,
                ll_source_position(ll_ctx_source(ctx), ts_node_start_byte(replacement)).line,
                ll_facts_describe_repeat(facts, ll_ctx_arena(ctx), &why));
}

static void check_function(ll_ctx *ctx, TSNode node, void *state) {
  (void)state;
  const ll_scope *fn = ll_ctx_scope(ctx);
  if (!ts_node_eq(fn->node, node) || !fn->parent) return;
  check_shared_context(ctx, fn, node);
  if (ll_ast_is(node, ll_js.sym.function_declaration)) return;
  ll_repeat why;
  const ll_facts *facts = ll_ctx_facts(ctx);
  if (ll_facts_frequency(facts, fn->parent, &why) != LL_FREQ_REPEATED) return;
  if ((why.reason != LL_REPEAT_ROUTE && why.reason != LL_REPEAT_LISTENER) || !why.function) return;
  ll_retention kept;
  ll_retention_of(facts, ll_ctx_source(ctx), fn, &kept);
  bool long_lived = kept.place_known && kept.place.lifetime == LL_LIFETIME_LONG;
  ll_arena *arena = ll_ctx_arena(ctx);
  const char *where = NULL;
  if (kept.kind == LL_KEPT_IN && long_lived)
    where =
        ll_arena_printf(arena, "stored in long-lived `%s`", ll_path_describe(&kept.place, arena));
  // A listener on a long-lived emitter is listener-unbalanced's to judge: it knows whether the
  // file removes it.
  if (!where) return;
  captured c = {.handler = why.function};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &c);
  if (!c.names[0]) return;
  ll_ctx_report(ctx, node,
                "closure created %s captures %s and is %s: every run leaves it behind, with "
                "everything it captured",
                ll_facts_describe_repeat(facts, arena, &why), c.names, where);
}

const ll_rule ll_rule_closure_in_route = {
    .id = "closure-in-route",
    .name = "ClosureInRoute",
    .short_description = "Closure made per request keeps the request alive in a long-lived place",
    .full_description =
        "A function created in a route handler, middleware or connection handler captures the\n"
        "request's state (`req`, `res`, `socket`, parsed bodies, buffers). Stored in a\n"
        "top-level collection or variable, or registered on a long-lived emitter, it outlives\n"
        "the request, and every request leaves one more behind.\n\n"
        "Bad:\n\n"
        "```js\n"
        "const pending = [];\n"
        "app.post('/jobs', (req, res) => {\n"
        "  pending.push(() => res.json(req.body)); // keeps req and res of every request\n"
        "});\n"
        "```\n\n"
        "Good: store plain data instead of closures, or remove the callback when the request\n"
        "ends (`res.on('close', ...)`).\n",
    .help_uri = LL_DOCS_URL "#closure-in-route",
    .default_severity = LL_WARNING,
    .precision = "medium",
    .tags = tags,
    .node_types = node_types,
    .enter = check_function,
};
