// Destructuring patterns in declarations, parameters, assignments and loop heads: object, array,
// nested, defaults, rest, shorthand and computed keys; and parameter defaults that read earlier
// parameters.
#include "binder_fixture.h"

static void declaration_patterns(void **state) {
  (void)state;
  bound *b = bind_js("const { a, b: [c, , ...d], e = a, ['k' + a]: f, g: { h = 1 }, ...i } = o;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(bindings_of(b, b->model->global),
                      "a:const c:const d:const e:const f:const h:const i:const");
  // Keys are property names, not bindings or uses.
  assert_int_equal(count_bindings(b, "b") + count_bindings(b, "g"), 0);
  assert_int_equal(count_refs(b, "b") + count_refs(b, "g"), 0);
  // Defaults and computed keys read.
  const ll_binding *a = binding_nth(b, "a", 0);
  assert_ptr_equal(ref_at(b, "a, ['k'")->target, a);
  assert_ptr_equal(ref_at(b, "a]: f")->target, a);
  assert_string_equal(flags_of(b, ref_at(b, "a]: f")), "read");
  assert_int_equal(a->n_reads, 2);
  assert_null(ref_at(b, "o;")->target);
  assert_int_equal(b->model->n_refs, 3);
  // A default is the binding's initial value; a destructured name has no initializer of its own.
  assert_string_equal(text_of(b, binding_nth(b, "e", 0)->init), "a");
  assert_string_equal(text_of(b, binding_nth(b, "h", 0)->init), "1");
  assert_true(ts_node_is_null(binding_nth(b, "c", 0)->init));
  assert_true(ts_node_is_null(binding_nth(b, "i", 0)->init));
  assert_string_equal(text_of(b, binding_nth(b, "d", 0)->decl), "d");
  bound_free(b);
}

static void array_and_nested_declarations(void **state) {
  (void)state;
  bound *b = bind_js("let [x = 1, [y, { z }], ...rest] = arr;\n"
                     "var [[deep]] = arr, plain = deep;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(bindings_of(b, b->model->global),
                      "x:let y:let z:let rest:let deep:var plain:var");
  assert_string_equal(text_of(b, binding_nth(b, "x", 0)->init), "1");
  assert_string_equal(text_of(b, binding_nth(b, "plain", 0)->init), "deep");
  assert_ptr_equal(ref_at(b, "deep;")->target, binding_nth(b, "deep", 0));
  assert_int_equal(count_refs(b, "arr"), 2);
  bound_free(b);
}

static void parameter_patterns(void **state) {
  (void)state;
  bound *b = bind_js("function g({ p, q: [r = p] }, [s, ...t], u = s + r, ...v) {\n"
                     "  return p + r + s + t + u + v;\n"
                     "}\n"
                     "const h = ({ w = 2 } = {}, x) => w + x;\n"
                     "const one = y => y;\n",
                     LL_SOURCE_SCRIPT);
  const ll_scope *g = scope_at(b, "{ p,");
  assert_int_equal(g->kind, LL_SCOPE_FUNCTION);
  assert_string_equal(bindings_of(b, g),
                      "arguments:arguments p:param r:param s:param t:param u:param v:param");
  // A default reads the parameters before it, in the function's own scope.
  assert_ptr_equal(ref_at(b, "p] }")->target, binding_nth(b, "p", 0));
  assert_ptr_equal(ref_at(b, "p] }")->from, g);
  assert_ptr_equal(ref_at(b, "s + r")->target, binding_nth(b, "s", 0));
  assert_ptr_equal(ref_at(b, "r, ...v")->target, binding_nth(b, "r", 0));
  assert_string_equal(text_of(b, binding_nth(b, "u", 0)->init), "s + r");
  assert_string_equal(text_of(b, binding_nth(b, "r", 0)->init), "p");
  assert_true(ts_node_is_null(binding_nth(b, "v", 0)->init));
  assert_int_equal(binding_nth(b, "p", 0)->n_reads, 2);
  const ll_scope *h = scope_at(b, "({ w");
  assert_int_equal(h->kind, LL_SCOPE_FUNCTION);
  assert_int_equal(h->flags, LL_SCOPE_ARROW);
  assert_string_equal(bindings_of(b, h), "w:param x:param");
  assert_string_equal(text_of(b, binding_nth(b, "w", 0)->init), "2");
  assert_string_equal(bindings_of(b, scope_at(b, "y => y")), "y:param");
  assert_ptr_equal(ref_at(b, "y;")->target, binding_nth(b, "y", 0));
  bound_free(b);
}

static void defaults_see_outer_names_and_later_params(void **state) {
  (void)state;
  bound *b = bind_js("const base = 1;\n"
                     "function f(a = base, b = a, c = d, d) { return c; }\n",
                     LL_SOURCE_SCRIPT);
  assert_ptr_equal(ref_at(b, "base,")->target, binding_nth(b, "base", 0));
  assert_ptr_equal(ref_at(b, "a, c")->target, binding_nth(b, "a", 0));
  // A later parameter is in scope (reading it early is a run-time error, not another variable).
  assert_ptr_equal(ref_at(b, "d, d")->target, binding_nth(b, "d", 0));
  assert_true(ll_scope_captures(scope_at(b, "a = base"), binding_nth(b, "base", 0)));
  bound_free(b);
}

static void assignment_patterns(void **state) {
  (void)state;
  bound *b = bind_js("let x, y, z, n, m;\n"
                     "[x, y] = [y, x];\n"
                     "({ x, y: { z: y }, [n]: m = z, ...z } = obj);\n"
                     "[o.p, q[i]] = pair;\n"
                     "(x) = 5;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(flags_of(b, ref_at(b, "x, y] =")), "write");
  assert_string_equal(flags_of(b, ref_at(b, "y] =")), "write");
  assert_string_equal(flags_of(b, ref_at(b, "y, x]")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "x]")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "x, y: {")), "write"); // shorthand in a pattern
  assert_string_equal(flags_of(b, ref_at(b, "y }, [n]")), "write");
  assert_string_equal(flags_of(b, ref_at(b, "n]")), "read"); // computed key
  assert_string_equal(flags_of(b, ref_at(b, "m = z")), "write");
  assert_string_equal(flags_of(b, ref_at(b, "z, ...z")), "read");    // the default
  assert_string_equal(flags_of(b, ref_at(b, "z } = obj")), "write"); // rest
  assert_int_equal(count_refs(b, "p"), 0);
  // A member target writes the property, reading the object (and the index).
  assert_string_equal(flags_of(b, ref_at(b, "o.p")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "q[i]")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "i]")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "x) = 5")), "write");
  const ll_binding *x = binding_nth(b, "x", 0);
  assert_int_equal(x->n_writes, 3);
  assert_int_equal(x->n_reads, 1);
  assert_int_equal(binding_nth(b, "z", 0)->n_writes, 1);
  assert_int_equal(binding_nth(b, "y", 0)->n_writes, 2);
  bound_free(b);
}

static void compound_and_update_assignments(void **state) {
  (void)state;
  bound *b = bind_js("let c = 0; c += 1; c++; --c; c ||= 2; c ?"
                     "?= 3; c **= 2; (c)++;",
                     LL_SOURCE_SCRIPT);
  const ll_binding *c = binding_nth(b, "c", 0);
  assert_int_equal(count_refs(b, "c"), 7);
  for (int i = 0; i < 7; i++)
    assert_string_equal(flags_of(b, ref_nth(b, "c", i)), "read|write");
  assert_int_equal(c->n_reads, 7);
  assert_int_equal(c->n_writes, 7);
  bound_free(b);
}

static void loop_head_patterns(void **state) {
  (void)state;
  bound *b = bind_js("for (const [key, { v = key }] of entries) { key; v; }\n"
                     "for ({ a, b: [c] } of list) {}\n"
                     "for (var [m, n] in obj) {}\n",
                     LL_SOURCE_SCRIPT);
  const ll_scope *head = scope_at(b, "[key");
  assert_int_equal(head->kind, LL_SCOPE_FOR);
  assert_string_equal(bindings_of(b, head), "key:const v:const");
  assert_ptr_equal(ref_at(b, "key }]")->target, binding_nth(b, "key", 0));
  assert_string_equal(flags_of(b, ref_at(b, "a, b")), "write|loop");
  assert_string_equal(flags_of(b, ref_at(b, "c] }")), "write|loop");
  assert_string_equal(bindings_of(b, b->model->global), "m:var n:var a:implicit-global "
                                                        "c:implicit-global");
  bound_free(b);
}

static void object_literals_are_not_patterns(void **state) {
  (void)state;
  bound *b =
      bind_js("const s = 1; const obj = { s, t: s, [s]: 2, u() { return s; } };", LL_SOURCE_SCRIPT);
  assert_int_equal(count_refs(b, "s"), 4);
  for (int i = 0; i < 4; i++) {
    assert_ptr_equal(ref_nth(b, "s", i)->target, binding_nth(b, "s", 0));
    assert_string_equal(flags_of(b, ref_nth(b, "s", i)), "read");
  }
  assert_int_equal(count_refs(b, "t") + count_refs(b, "u"), 0);
  assert_string_equal(bindings_of(b, b->model->global), "s:const obj:const");
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(declaration_patterns),
      cmocka_unit_test(array_and_nested_declarations),
      cmocka_unit_test(parameter_patterns),
      cmocka_unit_test(defaults_see_outer_names_and_later_params),
      cmocka_unit_test(assignment_patterns),
      cmocka_unit_test(compound_and_update_assignments),
      cmocka_unit_test(loop_head_patterns),
      cmocka_unit_test(object_literals_are_not_patterns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
