// closure-in-loop: a function created in a loop, kept beyond its iteration, that captures the
// loop's variable or a value made in the iteration.
//
// Every iteration creates a new closure; kept in an outer collection, registered as a listener
// or scheduled, each one keeps what it captures alive. A `var` loop variable is one binding
// shared by every closure (they all see its last value), and every closure keeps the whole
// function scope alive; a per-iteration object or buffer is kept once per iteration.

#include "analyzer/ast.h"
#include "analyzer/retention.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "closures", NULL};
static const char *const node_types[] = {"arrow_function", "function_expression",
                                         "generator_function", NULL};

static bool is_loop(TSNode node) {
  return ll_ast_is(node, ll_js.sym.for_statement) || ll_ast_is(node, ll_js.sym.for_in_statement) ||
         ll_ast_is(node, ll_js.sym.while_statement) || ll_ast_is(node, ll_js.sym.do_statement);
}

// The innermost loop around `fn` inside its enclosing function, or a null node.
static TSNode enclosing_loop(const ll_scope *fn) {
  TSNode loop = {.id = NULL};
  for (const ll_scope *s = fn->parent; s && s != s->function; s = s->parent) {
    if (s->kind == LL_SCOPE_FOR) return s->node;
    if (s->kind == LL_SCOPE_BLOCK && is_loop(s->context[0])) return s->context[0];
  }
  return loop;
}

// The callback of an iterator method (`items.forEach((item) => ...)`): its body is a loop body
// too. Returns the callback's node, or a null node.
static TSNode iterator_callback(const ll_ctx *ctx, const ll_scope *fn) {
  static const char *const iterators[] = {"forEach", "map",   "flatMap", "filter", "reduce",
                                          "some",    "every", "find",    NULL};
  TSNode none = {.id = NULL};
  const ll_scope *callback = fn->parent ? fn->parent->function : NULL;
  if (!callback || callback->kind != LL_SCOPE_FUNCTION ||
      !ll_ast_is(callback->context[0], ll_js.sym.arguments) ||
      !ll_ast_is(callback->context[1], ll_js.sym.call_expression))
    return none;
  TSNode callee = ll_ast_field(callback->context[1], ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return none;
  ll_str method = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  for (const char *const *name = iterators; *name; name++)
    if (ll_str_eq(method, *name)) return callback->node;
  return none;
}

static bool inside(TSNode node, TSNode region) {
  return !ts_node_is_null(node) && ts_node_start_byte(region) <= ts_node_start_byte(node) &&
         ts_node_end_byte(node) <= ts_node_end_byte(region);
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

typedef struct captured {
  TSNode loop;
  char names[160];
  bool callback_region; // the region is an iterator callback: its `var`s are per call
  bool var_loop_variable, iteration_value;
} captured;

static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  captured *c = data;
  if (ts_node_is_null(b->decl) || !inside(b->decl, c->loop)) return;
  if (b->kind == LL_BIND_VAR && !c->callback_region)
    c->var_loop_variable = true;
  else if (((b->kind == LL_BIND_LET || b->kind == LL_BIND_CONST || b->kind == LL_BIND_VAR) &&
            holds_iteration_value(b)) ||
           (c->callback_region && b->kind == LL_BIND_PARAM)) // the callback's item
    c->iteration_value = true;
  else
    return;
  ll_retention_name_append(c->names, sizeof c->names, b->name);
}

// Where the closure is kept outlives the iteration in a way that matters: a long-lived place
// (every iteration of every run adds one), or, for closures sharing a `var`, any place declared
// outside the loop (they all see its last value). A result object built in the loop and handed
// back (`slots[key] = () => ...`) lives only as long as its user.
static bool outlives_iteration(const ll_path *place, TSNode loop, bool shares_var) {
  if (place->binding && inside(place->binding->decl, loop)) return false;
  return shares_var || place->lifetime == LL_LIFETIME_LONG;
}

static void check_function(ll_ctx *ctx, TSNode node, void *state) {
  (void)state;
  const ll_scope *fn = ll_ctx_scope(ctx);
  if (!ts_node_eq(fn->node, node)) return;
  // The region one iteration owns: a loop around the closure in its function, or the iterator
  // callback the closure is made in (each call of it has its own bindings, none shared).
  TSNode loop = fn->loop_depth ? enclosing_loop(fn) : iterator_callback(ctx, fn);
  if (ts_node_is_null(loop)) return;
  bool callback_region = !fn->loop_depth;
  ll_retention kept;
  ll_retention_of(ll_ctx_facts(ctx), ll_ctx_source(ctx), fn, &kept);
  captured c = {.loop = loop, .callback_region = callback_region};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &c);
  if (!c.var_loop_variable && !c.iteration_value) return;
  // A loop in start-up code makes a bounded number of closures, once; only a shared `var` is
  // wrong there. Per-iteration values pile up when the loop itself runs again and again.
  if (!c.var_loop_variable &&
      ll_facts_frequency(ll_ctx_facts(ctx), fn->parent, NULL) != LL_FREQ_REPEATED)
    return;
  ll_arena *arena = ll_ctx_arena(ctx);
  const char *where = NULL;
  switch (kept.kind) {
    case LL_KEPT_IN:
      if (kept.place_known && outlives_iteration(&kept.place, loop, c.var_loop_variable))
        where = ll_arena_printf(arena, "is kept in `%s`", ll_path_describe(&kept.place, arena));
      break;
    case LL_KEPT_LISTENER:
      if (kept.place_known && outlives_iteration(&kept.place, loop, c.var_loop_variable))
        where = ll_arena_printf(arena, "is registered as a listener on `%s`",
                                ll_path_describe(&kept.place, arena));
      break;
    case LL_KEPT_INTERVAL:
      where = "is scheduled with setInterval";
      break;
    case LL_KEPT_TIMEOUT:
      // A timer that fires at once releases the closure soon; only a shared `var` makes it wrong.
      if (!kept.delay_zero || c.var_loop_variable) where = "is scheduled with a timer";
      break;
    default:
      break;
  }
  if (!where) return;
  ll_ctx_report(ctx, node,
                "closure created %s captures %s (%s) and %s beyond the iteration: every "
                "iteration keeps one more closure and what it captures",
                callback_region ? "in an iterator callback" : "in a loop", c.names,
                c.var_loop_variable ? "a `var` shared by every iteration"
                                    : "a value made in the iteration",
                where);
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
    .help_uri = LL_DOCS_URL "#closure-in-loop",
    .default_severity = LL_WARNING,
    .precision = "medium",
    .tags = tags,
    .node_types = node_types,
    .enter = check_function,
};
