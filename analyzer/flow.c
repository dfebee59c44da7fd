// The flow fact (flow.h): the ways through one function that leave an acquisition unreleased.
// The function's tree is read directly, without a control-flow graph: statements run in order
// inside a block; a branch, loop, `catch`, short-circuit or conditional runs only sometimes; a
// `return` or `throw` leaves; a call inside a `try` may jump to its `catch`; an `await` outside
// any `try` may reject and leave.
#include "analyzer/flow.h"

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/resources.h"

static const ll_scope *function_at(const ll_facts *f, TSNode node) {
  return ll_scope_at(ll_facts_model(f), ts_node_start_byte(node))->function;
}

static bool within(TSNode node, TSNode region) {
  return !ts_node_is_null(node) && !ts_node_is_null(region) &&
         ts_node_start_byte(region) <= ts_node_start_byte(node) &&
         ts_node_end_byte(node) <= ts_node_end_byte(region);
}

// A node whose children run only sometimes, or not in the order written.
static bool is_conditional(const ll_source *source, TSNode node) {
  TSSymbol s = ts_node_symbol(node);
  if (s == ll_js.sym.binary_expression) {
    // `a && b`, `a || b`, `a ?? b`: the right side may not run.
    ll_str op = ll_ast_text(source, ts_node_child_by_field_id(node, ll_js.field.operator));
    return ll_str_eq(op, "&&") || ll_str_eq(op, "||") || ll_str_eq(op, "??");
  }
  return s == ll_js.sym.if_statement || s == ll_js.sym.switch_statement ||
         s == ll_js.sym.ternary_expression || s == ll_js.sym.for_statement ||
         s == ll_js.sym.for_in_statement || s == ll_js.sym.while_statement ||
         s == ll_js.sym.do_statement || s == ll_js.sym.catch_clause || ll_ast_is_function(node);
}

// The lowest node of the function that contains both `a` and `b`.
static TSNode common_ancestor(TSNode a, TSNode b) {
  TSNode up = a;
  while (!ts_node_is_null(up) && !within(b, up))
    up = ll_ast_parent_of(up);
  return up;
}

// True when `node` runs whenever the code at `top` (an ancestor) runs and reaches it: nothing
// between them is conditional. `*guard` gets the lowest conditional node in the way.
static bool runs_with(const ll_source *source, TSNode node, TSNode top, TSNode *guard) {
  for (TSNode up = ll_ast_parent_of(node); !ts_node_is_null(up) && !ts_node_eq(up, top);
       up = ll_ast_parent_of(up)) {
    if (is_conditional(source, up)) {
      if (guard) *guard = up;
      return false;
    }
  }
  return true;
}

// True when the condition of `guard` mentions `name`.
static bool tests_name(const ll_facts *f, TSNode guard, ll_str name) {
  TSNode condition = ts_node_child_by_field_id(guard, ll_js.field.condition);
  return !ts_node_is_null(condition) &&
         ll_str_has(ll_ast_text(ll_facts_source(f), condition), name);
}

// True when the condition of the conditional `guard` tests the handle the releases name: the
// text of a release's first argument or of its receiver (`if (timer) clearInterval(timer)`).
static bool tests_handle(const ll_facts *f, TSNode guard, const TSNode *releases, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    TSNode callee = ts_node_child_by_field_id(releases[i], ll_js.field.function);
    TSNode named[2] = {
        ll_ast_named_child(ts_node_child_by_field_id(releases[i], ll_js.field.arguments), 0),
        ll_ast_is(callee, ll_js.sym.member_expression)
            ? ts_node_child_by_field_id(callee, ll_js.field.object)
            : (TSNode){.id = NULL}};
    for (int k = 0; k < 2; k++) {
      ll_str text = ll_ast_text(ll_facts_source(f), named[k]);
      if (text.len && tests_name(f, guard, text)) return true;
    }
  }
  return false;
}

// True when a release runs before `exit` on every way to it from the acquisition: it comes
// first, after the acquisition, and nothing conditional separates it from their common block.
static bool released_before(const ll_facts *f, TSNode acquire, TSNode exit, const TSNode *releases,
                            uint32_t n) {
  const ll_source *source = ll_facts_source(f);
  for (uint32_t i = 0; i < n; i++) {
    TSNode r = releases[i];
    if (ts_node_start_byte(r) < ts_node_end_byte(acquire) ||
        ts_node_end_byte(r) > ts_node_start_byte(exit))
      continue;
    TSNode top = common_ancestor(r, exit);
    if (ll_ast_is(top, ll_js.sym.if_statement) || ll_ast_is(top, ll_js.sym.ternary_expression))
      continue;
    // `if (conn) conn.release();`: a test of the handle itself is no diversion.
    TSNode node = r, guard = {.id = NULL};
    while (!runs_with(source, node, top, &guard) && ll_ast_is(guard, ll_js.sym.if_statement) &&
           tests_handle(f, guard, &r, 1))
      node = guard;
    if (runs_with(source, node, top, NULL)) return true;
  }
  return false;
}

// True when the acquisition and `other` sit in different branches of one `if` (or conditional):
// no way through the function meets both.
static bool exclusive(TSNode acquire, TSNode other) {
  TSNode top = common_ancestor(acquire, other);
  return ll_ast_is(top, ll_js.sym.if_statement) || ll_ast_is(top, ll_js.sym.ternary_expression) ||
         ll_ast_is(top, ll_js.sym.switch_statement);
}

// The innermost `try` whose body holds `node`, below `fn`; null when none.
static TSNode enclosing_try(TSNode node, TSNode fn) {
  TSNode child = node;
  for (TSNode up = ll_ast_parent_of(child); !ts_node_is_null(up) && !ts_node_eq(up, fn);
       child = up, up = ll_ast_parent_of(up)) {
    if (ll_ast_is_function(up)) break;
    if (ll_ast_is(up, ll_js.sym.try_statement) &&
        ts_node_eq(ts_node_child_by_field_id(up, ll_js.field.body), child))
      return up;
  }
  return (TSNode){.id = NULL};
}

// True when `exit` sits in the branch of an `if` (or a `&&`) whose condition tests `error_name`:
// `if (err) return next(err);` in an error-first callback, which got no resource then.
static bool in_error_branch(const ll_facts *f, TSNode exit, ll_str error_name) {
  for (TSNode up = ll_ast_parent_of(exit); !ts_node_is_null(up) && !ll_ast_is_function(up);
       up = ll_ast_parent_of(up))
    if (ll_ast_is(up, ll_js.sym.if_statement) && tests_name(f, up, error_name)) return true;
  return false;
}

typedef struct way_search {
  const ll_facts *facts;
  const ll_scope *fn;
  TSNode acquire;
  const TSNode *releases;
  uint32_t n;
  uint32_t before;         // only nodes that start before this byte
  ll_str error_name;       // an error-first callback's error parameter: exits when it is set hold
                           // nothing to release
  bool throw_ends_process; // a `throw` in a plain callback is uncaught: nothing runs on
  enum { THROWS_NONE, THROWS_AWAIT, THROWS_CALL } throws; // what counts as a throw point
  ll_skip found;
} way_search;

// ll_ast_find's visitor over the function body: an exit (`return`, `throw`) or, for a search of
// throw points, a call or `await` between the acquisition and the releases that skips them.
static bool visit_way(TSNode node, void *data) {
  way_search *w = data;
  uint32_t start = ts_node_start_byte(node);
  if (start < ts_node_end_byte(w->acquire) || start >= w->before) return false;
  TSSymbol s = ts_node_symbol(node);
  bool exit =
      s == ll_js.sym.return_statement || (s == ll_js.sym.throw_statement && !w->throw_ends_process);
  bool throws = (w->throws == THROWS_AWAIT && s == ll_js.sym.await_expression) ||
                (w->throws == THROWS_CALL &&
                 (s == ll_js.sym.call_expression || s == ll_js.sym.await_expression));
  if (!exit && !throws) return false;
  // Opening another resource without waiting for it (`fs.createWriteStream(path)`,
  // `net.connect(port)`) reports a failure as an event, not by throwing.
  ll_resource opened;
  if (s == ll_js.sym.call_expression &&
      !ll_ast_is(ll_ast_parent_of(node), ll_js.sym.await_expression) &&
      ll_resource_of_call(w->facts, node, &opened) && opened.kind == LL_RESOURCE_OPENED)
    return false;
  for (uint32_t i = 0; i < w->n; i++)
    if (within(node, w->releases[i]) || within(w->releases[i], node))
      return false; // the release itself, its arguments, or the `await` of the call that makes it
  if (exit && w->error_name.len && in_error_branch(w->facts, node, w->error_name)) return false;
  if (exclusive(w->acquire, node) || released_before(w->facts, w->acquire, node, w->releases, w->n))
    return false;
  // A `throw` caught in the same function goes on after its `catch`.
  if (s == ll_js.sym.throw_statement && !ts_node_is_null(enclosing_try(node, w->fn->node)) &&
      !ts_node_is_null(
          ts_node_child_by_field_id(enclosing_try(node, w->fn->node), ll_js.field.handler)))
    return false;
  w->found = (ll_skip){exit ? LL_SKIP_RETURN : LL_SKIP_THROW, node};
  return true;
}

// True when `region` holds one of the releases.
static bool holds_release(TSNode region, const TSNode *releases, uint32_t n) {
  for (uint32_t i = 0; i < n; i++)
    if (within(releases[i], region)) return true;
  return false;
}

static bool release_skipped(const ll_facts *f, TSNode acquire, const TSNode *releases, uint32_t n,
                            ll_str error_name, bool throw_ends_process, ll_skip *out) {
  enum { MAX_RELEASES = 16 };
  const ll_scope *fn = function_at(f, acquire);
  if (!fn || ts_node_is_null(fn->node) || fn->kind == LL_SCOPE_GLOBAL ||
      fn->kind == LL_SCOPE_MODULE)
    return false;
  // The releases the acquiring function itself makes, after the acquisition.
  TSNode mine[MAX_RELEASES];
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (function_at(f, releases[i]) != fn) return false; // another function releases it too
    if (ts_node_start_byte(releases[i]) < ts_node_end_byte(acquire)) continue;
    if (count < MAX_RELEASES) mine[count++] = releases[i];
  }
  if (!count) return false;
  uint32_t last = 0;
  for (uint32_t i = 0; i < count; i++) {
    // A `finally` runs on every way out of its `try`: one that starts after the acquisition is
    // reached by every way that reaches the `try`, so the `try` stands for the release; one
    // whose `try` holds the acquisition covers every way.
    for (TSNode up = ll_ast_parent_of(mine[i]); !ts_node_is_null(up) && !ts_node_eq(up, fn->node);
         up = ll_ast_parent_of(up)) {
      if (!ll_ast_is(up, ll_js.sym.finally_clause)) continue;
      TSNode try_node = ll_ast_parent_of(up);
      if (ts_node_start_byte(try_node) < ts_node_end_byte(acquire)) return false;
      mine[i] = try_node;
      break;
    }
    if (ts_node_start_byte(mine[i]) > last) last = ts_node_start_byte(mine[i]);
  }
  TSNode body = ts_node_child_by_field_id(fn->node, ll_js.field.body);
  if (ts_node_is_null(body)) return false;

  // An exit between them that no earlier release covers, or a throw point: a call before a
  // release made only inside a `try` whose `catch` does not release; without a `try`, an
  // `await` (a rejected promise leaves the function).
  way_search w = {.facts = f,
                  .fn = fn,
                  .acquire = acquire,
                  .releases = mine,
                  .n = count,
                  .before = last,
                  .error_name = error_name,
                  .throw_ends_process = throw_ends_process,
                  .throws = THROWS_NONE,
                  .found = {LL_SKIP_NONE, {.id = NULL}}};
  TSNode try_node = enclosing_try(mine[0], fn->node);
  bool same_try = true, any_try = false;
  for (uint32_t i = 0; i < count; i++) {
    TSNode t = enclosing_try(mine[i], fn->node);
    any_try = any_try || !ts_node_is_null(t);
    same_try = same_try && ts_node_eq(t, try_node);
  }
  if (!any_try) {
    w.throws = THROWS_AWAIT;
  } else if (same_try) {
    TSNode handler = ts_node_child_by_field_id(try_node, ll_js.field.handler);
    if (ts_node_is_null(handler) || !holds_release(handler, mine, count)) w.throws = THROWS_CALL;
  }
  ll_ast_find(body, visit_way, &w);
  if (w.found.kind != LL_SKIP_NONE) {
    *out = w.found;
    return true;
  }

  // Every release in a branch the acquisition is not in (an `if` whose two branches both
  // release is no branch).
  TSNode guard = {.id = NULL};
  for (uint32_t i = 0; i < count; i++) {
    TSNode top = common_ancestor(acquire, mine[i]);
    TSNode g = {.id = NULL}, node = mine[i];
    while (!runs_with(ll_facts_source(f), node, top, &g) && ll_ast_is(g, ll_js.sym.if_statement) &&
           holds_release(ts_node_child_by_field_id(g, ll_js.field.consequence), mine, count) &&
           holds_release(ts_node_child_by_field_id(g, ll_js.field.alternative), mine, count))
      node = g;
    if (runs_with(ll_facts_source(f), node, top, &g)) return false;
    if (ll_ast_is_function(g)) return false;
    if (tests_handle(f, g, mine, count)) return false;
    // `if (err) { ... } else { ...release... }`: no resource when the error is set.
    if (error_name.len && ll_ast_is(g, ll_js.sym.if_statement) && tests_name(f, g, error_name))
      return false;
    if (ts_node_is_null(guard)) guard = g;
  }
  *out = (ll_skip){LL_SKIP_BRANCH, guard};
  return true;
}

bool ll_flow_release_skipped(const ll_facts *f, TSNode acquire, const TSNode *releases, uint32_t n,
                             ll_skip *out) {
  return release_skipped(f, acquire, releases, n, (ll_str){"", 0}, false, out);
}

bool ll_flow_release_skipped_from_entry(const ll_facts *f, TSNode fn, const ll_binding *error,
                                        bool plain_callback, const TSNode *releases, uint32_t n,
                                        ll_skip *out) {
  // The body's opening brace stands for the acquisition: every way through the body starts
  // after it. An expression body has no exits of its own.
  TSNode body = ts_node_child_by_field_id(fn, ll_js.field.body);
  if (!ll_ast_is(body, ll_js.sym.statement_block) || !ts_node_child_count(body)) return false;
  return release_skipped(f, ts_node_child(body, 0), releases, n,
                         error ? error->name : (ll_str){"", 0}, plain_callback, out);
}

ll_skip_words ll_flow_describe(const ll_skip *skip, const ll_source *source, ll_arena *arena,
                               const char *noun, const char *verb) {
  unsigned at = ll_source_position(source, ts_node_start_byte(skip->at)).line;
  switch (skip->kind) {
    case LL_SKIP_THROW:
      return (ll_skip_words){
          ll_arena_printf(arena,
                          "but not when the call at line %u throws (no catch or finally %s it)", at,
                          verb),
          "that fails", ll_arena_printf(arena, "this may throw, and then the %s never runs", noun)};
    case LL_SKIP_RETURN:
      return (ll_skip_words){
          ll_arena_printf(arena, "but the exit at line %u leaves before that", at),
          "that leaves there", ll_arena_printf(arena, "this leaves before the %s", noun)};
    default:
      return (ll_skip_words){ll_arena_printf(arena, "only when the condition at line %u holds", at),
                             "where it does not",
                             ll_arena_printf(arena, "the %s runs only when this holds", noun)};
  }
}
