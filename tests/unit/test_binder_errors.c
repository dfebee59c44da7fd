// Syntax errors: the ERROR ranges are recorded, nothing inside them becomes a scope or a
// reference, each name inside one becomes an LL_BIND_UNKNOWN binding of the enclosing function
// (so no rule guesses about it), made-up (MISSING) tokens bind nothing, and no input crashes.
#include <string.h>

#include "binder_fixture.h"

// Invariants that hold for any input, broken or not.
static void assert_consistent(const bound *b) {
  const ll_scope_model *m = b->model;
  assert_non_null(m->global);
  assert_true(m->n_scopes >= 1);
  for (uint32_t i = 0; i < m->n_scopes; i++) {
    const ll_scope *s = m->scopes[i];
    assert_int_equal(s->index, i);
    assert_int_equal(s->depth, s->parent ? s->parent->depth + 1 : 0);
    if (i) assert_true(ts_node_start_byte(m->scopes[i - 1]->node) <= ts_node_start_byte(s->node));
    for (const ll_binding *bd = s->bindings; bd; bd = bd->next) {
      assert_ptr_equal(bd->scope, s);
      assert_true(bd->name.len > 0);
    }
  }
  for (uint32_t i = 0; i < m->n_refs; i++) {
    const ll_ref *r = &m->refs[i];
    assert_true(ll_ref_name(r, &b->source).len > 0);
    if (i) assert_true(ts_node_start_byte(m->refs[i - 1].id) < ts_node_start_byte(r->id));
    // Nothing inside a syntax error is a reference.
    assert_false(ll_scope_model_in_error(m, ts_node_start_byte(r->id)));
    // A use resolves to a binding of a scope around it.
    if (r->target) assert_true(ll_scope_is_within(r->from, r->target->scope));
  }
  for (uint32_t i = 0; i < m->n_errors; i++) {
    assert_true(m->errors[i].start <= m->errors[i].end);
    if (i) assert_true(m->errors[i - 1].end <= m->errors[i].start); // sorted and disjoint
  }
  if (m->n_errors) assert_false(ts_node_is_null(m->first_error));
}

static void error_ranges_and_unknown_names(void **state) {
  (void)state;
  bound *b = bind_js("let cache = [];\n"
                     "function ok() { return cache; }\n"
                     "function broken( { var q = ; hidden = 2; cache.push(1); }\n"
                     "after = 1;\n",
                     LL_SOURCE_SCRIPT);
  assert_consistent(b);
  const ll_scope_model *m = b->model;
  // The grammar's recovery swallows the rest of the file into one ERROR.
  assert_int_equal(m->n_errors, 1);
  assert_int_equal(m->errors[0].start, offset_of(b, "function broken"));
  assert_int_equal(m->errors[0].end, offset_of(b, "after") + 9); // up to the final `;`
  assert_int_equal(ts_node_start_byte(m->first_error), m->errors[0].start);
  assert_true(ll_scope_model_in_error(m, offset_of(b, "hidden")));
  assert_true(ll_scope_model_in_error(m, m->errors[0].start));
  assert_false(ll_scope_model_in_error(m, m->errors[0].end));
  assert_false(ll_scope_model_in_error(m, offset_of(b, "return cache")));
  assert_false(ll_scope_model_in_error(m, 0));
  // No scope opens inside the error; its names are unknown, except names already declared.
  assert_string_equal(scope_tree(b), "global{function}");
  assert_string_equal(bindings_of(b, m->global), "cache:let ok:function broken:unknown "
                                                 "var:unknown q:unknown hidden:unknown "
                                                 "after:unknown");
  const ll_binding *hidden = binding_nth(b, "hidden", 0);
  assert_string_equal(text_of(b, hidden->decl), "hidden");
  assert_true(ts_node_is_null(hidden->init));
  assert_int_equal(count_refs(b, "hidden") + count_refs(b, "after"), 0);
  assert_int_equal(binding_nth(b, "cache", 0)->n_reads, 1); // `cache.push` is not counted
  bound_free(b);
}

static void unknown_names_hide_outer_bindings(void **state) {
  (void)state;
  bound *b = bind_js("let b = 1;\n"
                     "function f(a) { if (a) { # b c } return b; }\n"
                     "function g() { return b; }\n",
                     LL_SOURCE_SCRIPT);
  assert_consistent(b);
  assert_int_equal(b->model->n_errors, 1);
  const ll_scope *f = scope_at(b, "(a)");
  // Declared in the function, not the block the error sits in, and found by the uses in f.
  assert_string_equal(bindings_of(b, f), "arguments:arguments a:param b:unknown");
  const ll_binding *unknown = binding_nth(b, "b", 1);
  assert_ptr_equal(ref_nth(b, "b", 0)->target, unknown);
  assert_ptr_equal(ref_nth(b, "b", 1)->target, binding_nth(b, "b", 0)); // g is unaffected
  bound_free(b);
}

static void errors_inside_functions_leave_the_rest_bound(void **state) {
  (void)state;
  bound *b = bind_js("function f() { let x = 1; x.y. ; return x; }\n"
                     "function g() { const z = 2; return z; }\n",
                     LL_SOURCE_SCRIPT);
  assert_consistent(b);
  assert_int_equal(b->model->n_errors, 1);
  assert_int_equal(b->model->errors[0].start, offset_of(b, ". ;")); // the second `.`
  assert_int_equal(b->model->errors[0].end, offset_of(b, ". ;") + 1);
  assert_string_equal(scope_tree(b), "global{function function}");
  assert_int_equal(binding_nth(b, "x", 0)->n_reads, 2);
  assert_ptr_equal(ref_at(b, "z; }")->target, binding_nth(b, "z", 0));
  bound_free(b);
}

static void missing_tokens_bind_nothing(void **state) {
  (void)state;
  // The parser inserts an empty identifier after `+` and in the for-of head.
  bound *b = bind_js("const a = 1; a +;\nfor (let of) {}\n", LL_SOURCE_SCRIPT);
  assert_consistent(b);
  assert_int_equal(b->model->n_errors, 0);
  assert_false(ts_node_is_null(b->model->first_error));
  assert_true(ts_node_is_missing(b->model->first_error));
  assert_int_equal(ts_node_start_byte(b->model->first_error), offset_of(b, ";\nfor"));
  assert_int_equal(b->model->n_refs, 2); // `a` and the loop's `let`
  bound_free(b);
}

static void a_file_that_is_all_error(void **state) {
  (void)state;
  // Past a few unfinished arrows the parser gives up on a `program`: the root is the ERROR.
  char code[128] = "";
  for (int i = 0; i < 10; i++)
    strcat(code, "(a) => ");
  bound *b = bind_js(code, LL_SOURCE_DETECT);
  assert_consistent(b);
  assert_string_equal(ts_node_type(ts_tree_root_node(b->tree)), "ERROR");
  assert_false(b->model->is_module);
  assert_int_equal(b->model->n_errors, 1);
  assert_int_equal(b->model->errors[0].start, 0);
  assert_int_equal(b->model->errors[0].end, strlen(code));
  assert_string_equal(scope_tree(b), "global");
  assert_string_equal(bindings_of(b, b->model->global), "a:unknown");
  assert_int_equal(b->model->n_refs, 0);
  bound_free(b);
}

static void broken_inputs_do_not_crash(void **state) {
  (void)state;
  static const char *const inputs[] = {
      "",
      "}}}",
      "(((((",
      "function",
      "function (",
      "class {",
      "class A { #",
      "`${",
      "`${a`",
      "/* unterminated",
      "'unterminated",
      "<div>",
      "<A b={c}>",
      "</A>",
      "import {",
      "import * as",
      "export {",
      "export default",
      "a =>",
      "async",
      "@",
      "let [a, {b: [c",
      "for (let i = 0; i <",
      "with (",
      "try {} catch (",
      "switch (x) { case",
      "x = { get a( }",
      "\xff\xfe\xfd",
      "var \xc3\x28 = 1;",
      "label: label: label:",
      "if (a) function f() {} else class B {}",
      "new.target; import.meta; super.x;",
      "a?.b?.(c)?.[d]",
      "let let = let;",
      "yield = await;",
      "({a, b} = {c, d} = e);",
  };
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    bound *b = bind_js(inputs[i], LL_SOURCE_DETECT);
    assert_consistent(b);
    bound_free(b);
    b = bind_js(inputs[i], LL_SOURCE_MODULE);
    assert_consistent(b);
    bound_free(b);
  }
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(error_ranges_and_unknown_names),
      cmocka_unit_test(unknown_names_hide_outer_bindings),
      cmocka_unit_test(errors_inside_functions_leave_the_rest_bound),
      cmocka_unit_test(missing_tokens_bind_nothing),
      cmocka_unit_test(a_file_that_is_all_error),
      cmocka_unit_test(broken_inputs_do_not_crash),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
