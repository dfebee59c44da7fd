// Dynamic scopes: inside a `with` body any name may be a property of the object, and next to a
// direct eval any name may be a `var` that eval declares. References that would resolve outside
// such a scope are marked DYNAMIC (their target is a guess) and create no implicit globals.
#include "binder_fixture.h"

static void with_bodies(void **state) {
  (void)state;
  bound *b = bind_js("let outer = 1;\n"
                     "function f(o) {\n"
                     "  with (o) { w = outer; var hoisted = 1; let own = 2; own; hoisted; }\n"
                     "  after = 1;\n"
                     "}\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{function{block+with}}");
  const ll_scope *with = scope_at(b, "w = outer");
  assert_int_equal(with->kind, LL_SCOPE_BLOCK);
  assert_int_equal(with->flags, LL_SCOPE_WITH);
  // The scope is the body: the object expression is evaluated outside, normally.
  assert_string_equal(ts_node_type(with->node), "statement_block");
  assert_ptr_equal(scope_at(b, "(o)"), with->parent);
  assert_int_equal(count_refs(b, "o"), 1);
  assert_ptr_equal(ref_nth(b, "o", 0)->target, binding_nth(b, "o", 0));
  assert_string_equal(flags_of(b, ref_nth(b, "o", 0)), "read");
  // Names from outside the body are guesses; an unresolved write is no implicit global.
  assert_string_equal(flags_of(b, ref_at(b, "w =")), "write|dynamic");
  assert_null(ref_at(b, "w =")->target);
  assert_int_equal(count_bindings(b, "w"), 0);
  assert_string_equal(flags_of(b, ref_at(b, "outer;")), "read|dynamic");
  assert_ptr_equal(ref_at(b, "outer;")->target, binding_nth(b, "outer", 0)); // the best guess
  assert_string_equal(flags_of(b, ref_at(b, "hoisted;")), "read|dynamic");
  // A `let` inside the body is found first, for certain.
  assert_string_equal(flags_of(b, ref_at(b, "own;")), "read");
  assert_string_equal(bindings_of(b, with), "own:let");
  assert_ptr_equal(binding_nth(b, "hoisted", 0)->scope, with->parent);
  // After the body, names resolve normally again.
  assert_string_equal(flags_of(b, ref_at(b, "after")), "write");
  assert_int_equal(ref_at(b, "after")->target->kind, LL_BIND_IMPLICIT_GLOBAL);
  bound_free(b);
}

static void with_without_a_block(void **state) {
  (void)state;
  bound *b = bind_js("with (a) b = c;\n"
                     "with (d) for (let i of e) i;\n"
                     "with (f) with (g) h;\n",
                     LL_SOURCE_SCRIPT);
  // A statement body is the scope; a loop body opens its loop scope inside it.
  assert_string_equal(scope_tree(b), "global{block+with block+with{for} block+with{block+with}}");
  assert_string_equal(ts_node_type(b->model->scopes[1]->node), "expression_statement");
  assert_string_equal(flags_of(b, ref_at(b, "b =")), "write|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "c;")), "read|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "a)")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "i;")), "read|loop");
  assert_string_equal(flags_of(b, ref_at(b, "e)")), "read|dynamic|loop");
  assert_string_equal(flags_of(b, ref_at(b, "g)")), "read|dynamic"); // inside the outer body
  assert_string_equal(flags_of(b, ref_at(b, "h;")), "read|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "d)")), "read");
  assert_string_equal(bindings_of(b, b->model->global), "");
  bound_free(b);
}

static void closures_inside_with(void **state) {
  (void)state;
  bound *b = bind_js("function f(o, x) { with (o) { return () => x + y; } }", LL_SOURCE_SCRIPT);
  // The closure captures the with's object environment: its names are guesses too.
  assert_string_equal(flags_of(b, ref_at(b, "x + y")), "read|dynamic");
  assert_ptr_equal(ref_at(b, "x + y")->target, binding_nth(b, "x", 0));
  assert_string_equal(flags_of(b, ref_at(b, "y;")), "read|dynamic");
  bound_free(b);
}

static void direct_eval_in_a_function(void **state) {
  (void)state;
  bound *b = bind_js("let top = 1;\n"
                     "function g(s) {\n"
                     "  let own = 1;\n"
                     "  if (s) { eval(s); }\n"
                     "  ev = top + own + s;\n"
                     "  return () => ev2;\n"
                     "}\n"
                     "function h() { plain = top; }\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{function+eval{block+eval function+arrow} function}");
  const ll_scope *g = scope_at(b, "(s)");
  assert_true(g->flags & LL_SCOPE_DIRECT_EVAL);
  assert_string_equal(flags_of(b, ref_at(b, "eval(")), "read|callee|dynamic");
  // eval may declare a `var` in g: names g does not declare are guesses...
  assert_string_equal(flags_of(b, ref_at(b, "ev =")), "write|dynamic");
  assert_null(ref_at(b, "ev =")->target);
  assert_string_equal(flags_of(b, ref_at(b, "top +")), "read|dynamic");
  assert_ptr_equal(ref_at(b, "top +")->target, binding_nth(b, "top", 0));
  assert_string_equal(flags_of(b, ref_at(b, "ev2")), "read|dynamic"); // in a nested closure too
  // ...but what g declares itself cannot be replaced.
  assert_string_equal(flags_of(b, ref_at(b, "own +")), "read");
  // The parameter `s` is g's own, in the block that calls eval too: eval declares into g only.
  assert_int_equal(count_refs(b, "s"), 3);
  for (int i = 0; i < 3; i++)
    assert_string_equal(flags_of(b, ref_nth(b, "s", i)), "read");
  // Other functions are unaffected.
  assert_false(scope_at(b, "plain")->flags & LL_SCOPE_DIRECT_EVAL);
  assert_string_equal(flags_of(b, ref_at(b, "plain")), "write");
  assert_string_equal(flags_of(b, ref_at(b, "top;")), "read");
  assert_string_equal(bindings_of(b, b->model->global), "top:let g:function h:function "
                                                        "plain:implicit-global");
  bound_free(b);
}

static void direct_eval_at_the_top_level(void **state) {
  (void)state;
  bound *b = bind_js("var known = 1;\neval(code);\nev = known;\nfunction f() { inner = 1; }\n",
                     LL_SOURCE_SCRIPT);
  assert_true(b->model->global->flags & LL_SCOPE_DIRECT_EVAL);
  // The global scope has depth 0, and is a dynamic scope all the same.
  assert_string_equal(flags_of(b, ref_at(b, "ev =")), "write|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "inner")), "write|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "code")), "read|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "known;")), "read");
  assert_string_equal(bindings_of(b, b->model->global), "known:var f:function");
  bound_free(b);
}

static void what_is_not_a_direct_eval(void **state) {
  (void)state;
  static const char *const indirect[] = {
      "function f(s) { obj.eval(s); x = 1; }",          "function f(s) { (0, eval)(s); x = 1; }",
      "function f(s) { const e = eval; e(s); x = 1; }", "function f(s) { eval; x = 1; }",
      "function f(s) { new eval(s); x = 1; }",
  };
  for (size_t i = 0; i < sizeof indirect / sizeof indirect[0]; i++) {
    bound *b = bind_js(indirect[i], LL_SOURCE_SCRIPT);
    if (scope_at(b, "(s)")->flags & LL_SCOPE_DIRECT_EVAL) fail_msg("case %zu is direct", i);
    assert_string_equal(flags_of(b, ref_at(b, "x =")), "write");
    assert_int_equal(ref_at(b, "x =")->target->kind, LL_BIND_IMPLICIT_GLOBAL);
    bound_free(b);
  }
  // Parentheses around the callee keep it a direct eval.
  bound *b = bind_js("function f(s) { (eval)(s); x = 1; }", LL_SOURCE_SCRIPT);
  assert_true(scope_at(b, "(s)")->flags & LL_SCOPE_DIRECT_EVAL);
  assert_string_equal(flags_of(b, ref_at(b, "eval)")), "read|callee|dynamic");
  assert_string_equal(flags_of(b, ref_at(b, "x =")), "write|dynamic");
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(with_bodies),
      cmocka_unit_test(with_without_a_block),
      cmocka_unit_test(closures_inside_with),
      cmocka_unit_test(direct_eval_in_a_function),
      cmocka_unit_test(direct_eval_at_the_top_level),
      cmocka_unit_test(what_is_not_a_direct_eval),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
