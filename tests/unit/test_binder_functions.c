// Functions: `arguments` (own for functions and methods, inherited through arrows), named
// function expressions, arrows, object methods and getters; and the queries over them:
// ll_scope_captures, ll_scope_each_capture, ll_scope_lookup, ll_scope_at, ll_scope_is_within.
#include <stdio.h>
#include <string.h>

#include "binder_fixture.h"

static void arguments_is_per_function(void **state) {
  (void)state;
  bound *b = bind_js("function f() {\n"
                     "  arguments;\n"
                     "  const g = () => () => arguments;\n"
                     "  return function h() { return arguments; };\n"
                     "}\n"
                     "const top = () => arguments;\n"
                     "const o = { m() { return arguments; }, get p() { return arguments; } };\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *own = ref_nth(b, "arguments", 0)->target;
  assert_non_null(own);
  assert_int_equal(own->kind, LL_BIND_ARGUMENTS);
  assert_true(ts_node_is_null(own->decl));
  assert_ptr_equal(own->scope, scope_at(b, "arguments;"));
  // Arrows have none of their own: the enclosing function's is used, and captured.
  assert_ptr_equal(ref_nth(b, "arguments", 1)->target, own);
  assert_true(ll_scope_captures(scope_at(b, "() => arguments"), own));
  // A nested function has its own.
  const ll_binding *h = ref_nth(b, "arguments", 2)->target;
  assert_int_equal(h->kind, LL_BIND_ARGUMENTS);
  assert_ptr_not_equal(h, own);
  // At the top level an arrow's `arguments` is a global name.
  assert_null(ref_nth(b, "arguments", 3)->target);
  // Methods and accessors are functions.
  assert_int_equal(ref_nth(b, "arguments", 4)->target->kind, LL_BIND_ARGUMENTS);
  assert_int_equal(ref_nth(b, "arguments", 5)->target->kind, LL_BIND_ARGUMENTS);
  assert_int_equal(count_bindings(b, "arguments"), 4); // f, h, m, p
  assert_int_equal(own->n_reads, 2);
  bound_free(b);
}

static void declared_arguments_replaces_the_implicit_one(void **state) {
  (void)state;
  bound *b = bind_js("function p(arguments) { return arguments; }\n"
                     "function q() { function arguments() {} return arguments; }\n"
                     "function r() { var arguments = []; return arguments; }\n",
                     LL_SOURCE_SCRIPT);
  assert_int_equal(count_bindings(b, "arguments"), 4); // p, q, q's inner function, r
  assert_int_equal(ref_nth(b, "arguments", 0)->target->kind, LL_BIND_PARAM);
  const ll_binding *q = ref_nth(b, "arguments", 1)->target;
  assert_int_equal(q->kind, LL_BIND_FUNCTION);
  assert_string_equal(text_of(b, q->init), "function arguments() {}");
  assert_string_equal(text_of(b, q->decl), "arguments");
  const ll_binding *r = ref_nth(b, "arguments", 2)->target;
  assert_int_equal(r->kind, LL_BIND_VAR);
  assert_string_equal(text_of(b, r->init), "[]");
  bound_free(b);
}

static void named_function_expressions(void **state) {
  (void)state;
  bound *b = bind_js("const h = function inner(n) { return n ? inner(n - 1) : 0; };\n"
                     "inner;\n"
                     "const k = function self(self) { return self; };\n"
                     "const j = function named() { var named = 1; return named; };\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *inner = binding_nth(b, "inner", 0);
  assert_int_equal(inner->kind, LL_BIND_FUNCTION_NAME);
  assert_int_equal(inner->scope->kind, LL_SCOPE_FUNCTION);
  assert_ptr_equal(inner->scope->node.id, binding_nth(b, "h", 0)->init.id);
  assert_string_equal(ts_node_type(inner->init), "function_expression");
  assert_string_equal(text_of(b, inner->decl), "inner");
  assert_ptr_equal(ref_nth(b, "inner", 0)->target, inner);
  assert_string_equal(flags_of(b, ref_nth(b, "inner", 0)), "read|callee");
  assert_null(ref_nth(b, "inner", 1)->target); // not visible outside
  assert_string_equal(bindings_of(b, inner->scope), "arguments:arguments inner:function-name "
                                                    "n:param");
  // A parameter or variable of the same name hides the function's own name.
  const ll_binding *self = ref_at(b, "self; }")->target;
  assert_int_equal(self->kind, LL_BIND_PARAM);
  assert_string_equal(bindings_of(b, self->scope), "arguments:arguments self:param");
  assert_int_equal(ref_at(b, "named; }")->target->kind, LL_BIND_VAR);
  assert_string_equal(text_of(b, ref_at(b, "named; }")->target->init), "1");
  assert_string_equal(bindings_of(b, b->model->global), "h:const k:const j:const");
  bound_free(b);
}

static void function_kinds_and_flags(void **state) {
  (void)state;
  bound *b = bind_js("function d() {}\n"
                     "function* gen() { yield 1; }\n"
                     "async function af() { await 1; }\n"
                     "const e = function () {}, a = async () => {}, x = async y => y;\n"
                     "const o = { m() {}, get g() { return 1; }, set g(v) {}, *it() {} };\n"
                     "function s() { 'use strict'; return () => 1; }\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{function function function function function+arrow "
                                     "function+arrow function function function function "
                                     "function+strict{function+strict+arrow}}");
  assert_string_equal(bindings_of(b, b->model->global),
                      "d:function gen:function af:function e:const a:const x:const o:const "
                      "s:function");
  for (uint32_t i = 1; i < b->model->n_scopes; i++) {
    const ll_scope *s = b->model->scopes[i];
    assert_ptr_equal(s->function, s);
    assert_int_equal(s->kind, LL_SCOPE_FUNCTION);
  }
  assert_string_equal(bindings_of(b, scope_at(b, "(v)")), "arguments:arguments v:param");
  bound_free(b);
}

static void captures(void **state) {
  (void)state;
  bound *b = bind_js("function outer(p) {\n"
                     "  let a = 1, b = 2, c = 3;\n"
                     "  function inner() { let c = 0; return a + c + p + helper() + g; }\n"
                     "  function mid() { return () => b; }\n"
                     "  return inner;\n"
                     "}\n"
                     "function helper() {}\n",
                     LL_SOURCE_SCRIPT);
  const ll_scope *outer = scope_at(b, "(p)");
  const ll_scope *inner = scope_at(b, "let c = 0");
  const ll_scope *mid = scope_at(b, "return () =>");
  const ll_scope *arrow = scope_at(b, "b; }");
  assert_int_equal(inner->kind, LL_SCOPE_FUNCTION);
  assert_int_equal(arrow->flags, LL_SCOPE_ARROW);
  const ll_binding *a = binding_nth(b, "a", 0), *bb = binding_nth(b, "b", 0);
  const ll_binding *outer_c = binding_nth(b, "c", 0), *p = binding_nth(b, "p", 0);
  assert_true(ll_scope_captures(inner, a));
  assert_true(ll_scope_captures(inner, p));
  assert_false(ll_scope_captures(inner, bb));
  assert_false(ll_scope_captures(inner, outer_c));                    // shadowed inside
  assert_false(ll_scope_captures(inner, binding_nth(b, "c", 1)));     // its own
  assert_true(ll_scope_captures(inner, binding_nth(b, "helper", 0))); // a hoisted function
  // A use in a nested function is a capture of every function it crosses.
  assert_true(ll_scope_captures(arrow, bb));
  assert_true(ll_scope_captures(mid, bb));
  assert_false(ll_scope_captures(outer, bb)); // declared inside outer
  assert_false(ll_scope_captures(outer, a));
  assert_false(ll_scope_captures(mid, a));
  // `inner` is used in outer, which declares it: no capture.
  assert_false(ll_scope_captures(outer, binding_nth(b, "inner", 0)));
  bound_free(b);
}

typedef struct seen {
  char names[8][16];
  const ll_ref *first[8];
  int n;
} seen;

static void collect(const ll_binding *binding, const ll_ref *first_use, void *data) {
  seen *s = data;
  if (s->n == 8) fail_msg("too many captures");
  snprintf(s->names[s->n], sizeof s->names[0], "%.*s", (int)binding->name.len, binding->name.ptr);
  s->first[s->n++] = first_use;
}

static void each_capture_in_order_of_first_use(void **state) {
  (void)state;
  bound *b = bind_js("const top = 1;\n"
                     "function f(p) {\n"
                     "  let l = 2;\n"
                     "  return (q) => { let own = q; return l + p + top + l + undeclared + "
                     "(() => p + own)(); };\n"
                     "}\n",
                     LL_SOURCE_SCRIPT);
  const ll_scope *arrow = scope_at(b, "(q)");
  seen s = {0};
  ll_scope_each_capture(b->model, arrow, collect, &s);
  assert_int_equal(s.n, 3); // each once; its own names and unresolved names are not captures
  assert_string_equal(s.names[0], "l");
  assert_string_equal(s.names[1], "p");
  assert_string_equal(s.names[2], "top");
  assert_ptr_equal(s.first[0], ref_at(b, "l + p"));
  assert_ptr_equal(s.first[1], ref_at(b, "p + top"));
  // The function itself captures only `top`.
  seen outer = {0};
  ll_scope_each_capture(b->model, scope_at(b, "(p)"), collect, &outer);
  assert_int_equal(outer.n, 1);
  assert_string_equal(outer.names[0], "top");
  // The innermost arrow captures `p` and `own` (declared in the arrow around it).
  seen inner = {0};
  ll_scope_each_capture(b->model, scope_at(b, "() => p"), collect, &inner);
  assert_int_equal(inner.n, 2);
  assert_string_equal(inner.names[0], "p");
  assert_string_equal(inner.names[1], "own");
  bound_free(b);
}

static void lookup_walks_outward(void **state) {
  (void)state;
  bound *b = bind_js("var g1 = 1;\n"
                     "function f(a) { let c = 1; { let c = 2; here; } }\n"
                     "leak = 1;\n",
                     LL_SOURCE_SCRIPT);
  const ll_scope *block = scope_at(b, "here");
  assert_int_equal(block->kind, LL_SCOPE_BLOCK);
  assert_ptr_equal(ll_scope_lookup(b->model, block, (ll_str){"c", 1}), binding_nth(b, "c", 1));
  assert_ptr_equal(ll_scope_lookup(b->model, block->parent, (ll_str){"c", 1}),
                   binding_nth(b, "c", 0));
  assert_ptr_equal(ll_scope_lookup(b->model, block, (ll_str){"a", 1}), binding_nth(b, "a", 0));
  assert_ptr_equal(ll_scope_lookup(b->model, block, (ll_str){"g1", 2}), binding_nth(b, "g1", 0));
  assert_ptr_equal(ll_scope_lookup(b->model, block, (ll_str){"f", 1}), binding_nth(b, "f", 0));
  assert_int_equal(ll_scope_lookup(b->model, block, (ll_str){"arguments", 9})->kind,
                   LL_BIND_ARGUMENTS);
  // Implicit globals are found; undeclared names are not.
  assert_int_equal(ll_scope_lookup(b->model, block, (ll_str){"leak", 4})->kind,
                   LL_BIND_IMPLICIT_GLOBAL);
  assert_null(ll_scope_lookup(b->model, block, (ll_str){"here", 4}));
  assert_null(ll_scope_lookup(b->model, b->model->global, (ll_str){"a", 1}));
  // The name is compared by length too: "g" is not "g1".
  assert_null(ll_scope_lookup(b->model, block, (ll_str){"g1", 1}));
  bound_free(b);
}

static void scope_at_and_within(void **state) {
  (void)state;
  const char *code = "let a;\n"
                     "function f() {\n"
                     "  if (x) { y; }\n"
                     "}\n"
                     "z;";
  bound *b = bind_js(code, LL_SOURCE_SCRIPT);
  const ll_scope_model *m = b->model;
  assert_string_equal(scope_tree(b), "global{function{block}}");
  const ll_scope *fn = m->scopes[1], *block = m->scopes[2];
  assert_ptr_equal(scope_at(b, "let"), m->global);
  assert_ptr_equal(scope_at(b, "function"), fn); // the scope starts at its node
  assert_ptr_equal(scope_at(b, "x)"), fn);
  assert_ptr_equal(scope_at(b, "{ y"), block);
  assert_ptr_equal(scope_at(b, "y;"), block);
  assert_ptr_equal(scope_at(b, "}\n}"), block); // its closing brace
  assert_ptr_equal(scope_at(b, " }\n}"), block);
  assert_ptr_equal(ll_scope_at(m, offset_of(b, "}\n}") + 1), fn);
  assert_ptr_equal(ll_scope_at(m, offset_of(b, "\nz")), m->global); // just past the function
  assert_ptr_equal(scope_at(b, "z;"), m->global);
  assert_ptr_equal(ll_scope_at(m, (uint32_t)strlen(code)), m->global); // the end of the file
  assert_ptr_equal(ll_scope_at(m, 100000), m->global);
  assert_true(ll_scope_is_within(block, fn));
  assert_true(ll_scope_is_within(block, block));
  assert_true(ll_scope_is_within(fn, m->global));
  assert_false(ll_scope_is_within(fn, block));
  assert_false(ll_scope_is_within(m->global, fn));
  bound_free(b);
}

static void scope_at_tells_siblings_apart(void **state) {
  (void)state;
  bound *b = bind_js("function a() { { 1; } }\nfunction b() { { 2; } }\nconst c = () => 3;",
                     LL_SOURCE_MODULE);
  const ll_scope_model *m = b->model;
  assert_string_equal(scope_tree(b), "global{module+strict{function+strict{block+strict} "
                                     "function+strict{block+strict} function+strict+arrow}}");
  assert_ptr_equal(scope_at(b, "1;"), m->scopes[3]);
  assert_ptr_equal(scope_at(b, "2;"), m->scopes[5]);
  assert_ptr_equal(scope_at(b, "3;"), m->scopes[6]);
  assert_ptr_equal(scope_at(b, "\nfunction b"), m->program); // between the functions
  assert_ptr_equal(scope_at(b, "function a"), m->scopes[2]);
  // The module scope lies within the global one, which shares its node, but not the reverse.
  assert_true(ll_scope_is_within(m->program, m->global));
  assert_false(ll_scope_is_within(m->global, m->program));
  assert_false(ll_scope_is_within(m->scopes[3], m->scopes[4]));
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(arguments_is_per_function),
      cmocka_unit_test(declared_arguments_replaces_the_implicit_one),
      cmocka_unit_test(named_function_expressions),
      cmocka_unit_test(function_kinds_and_flags),
      cmocka_unit_test(captures),
      cmocka_unit_test(each_capture_in_order_of_first_use),
      cmocka_unit_test(lookup_walks_outward),
      cmocka_unit_test(scope_at_and_within),
      cmocka_unit_test(scope_at_tells_siblings_apart),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
