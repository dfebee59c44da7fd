// Declarations and where they land: `var` and function hoisting, let/const/class block scoping
// and shadowing, redeclaration, Annex B block functions, loop heads, switch bodies, catch
// parameters, and labels (which are not variables).
#include "binder_fixture.h"

static void var_is_hoisted_to_the_function(void **state) {
  (void)state;
  bound *b = bind_js("function f() {\n"
                     "  x = 1;\n"
                     "  if (a) { var x; }\n"
                     "  while (c) { { var y = 2; } }\n"
                     "  return x + y;\n"
                     "}\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{function{block block{block}}}");
  const ll_scope *fn = b->model->scopes[1];
  assert_string_equal(bindings_of(b, b->model->global), "f:function");
  assert_string_equal(bindings_of(b, fn), "arguments:arguments x:var y:var");
  const ll_binding *x = binding_nth(b, "x", 0);
  // Used before its declaration, from the function scope; declared in a nested block.
  assert_ptr_equal(ref_at(b, "x = 1")->target, x);
  assert_string_equal(flags_of(b, ref_at(b, "x = 1")), "write");
  assert_ptr_equal(ref_at(b, "x + y")->target, x);
  assert_ptr_equal(ref_at(b, "y;")->target, binding_nth(b, "y", 0));
  assert_string_equal(text_of(b, x->decl), "x");
  assert_true(ts_node_is_null(x->init));
  assert_string_equal(text_of(b, binding_nth(b, "y", 0)->init), "2");
  assert_int_equal(x->n_reads, 1);
  assert_int_equal(x->n_writes, 1);
  assert_null(ref_at(b, "a)")->target);
  bound_free(b);
}

static void function_declarations_are_hoisted(void **state) {
  (void)state;
  bound *b = bind_js("g();\n"
                     "function outer() { return inner(); function inner() { return g; } }\n"
                     "function g() {}\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *g = binding_nth(b, "g", 0);
  assert_int_equal(g->kind, LL_BIND_FUNCTION);
  assert_ptr_equal(g->scope, b->model->global);
  assert_string_equal(text_of(b, g->init), "function g() {}");
  assert_string_equal(ts_node_type(g->init), "function_declaration");
  assert_ptr_equal(ref_at(b, "g();")->target, g); // called before the declaration
  assert_string_equal(flags_of(b, ref_at(b, "g();")), "read|callee");
  assert_ptr_equal(ref_at(b, "g; }")->target, g);
  const ll_binding *inner = binding_nth(b, "inner", 0);
  assert_int_equal(inner->scope->kind, LL_SCOPE_FUNCTION);
  assert_ptr_equal(inner->scope->node.id, binding_nth(b, "outer", 0)->init.id);
  assert_ptr_equal(ref_at(b, "inner()")->target, inner);
  assert_int_equal(g->n_reads, 2);
  assert_int_equal(g->n_writes, 0);
  bound_free(b);
}

static void redeclarations_merge(void **state) {
  (void)state;
  bound *b = bind_js("var a; var a = 1; var a = 2;\n"
                     "function h() {} function h() { return 2; }\n"
                     "a;\n",
                     LL_SOURCE_SCRIPT);
  assert_int_equal(count_bindings(b, "a"), 1);
  assert_int_equal(count_bindings(b, "h"), 1);
  const ll_binding *a = binding_nth(b, "a", 0);
  assert_int_equal(ts_node_start_byte(a->decl), 4); // the first declaration
  assert_string_equal(text_of(b, a->init), "1");    // the first initializer
  assert_string_equal(text_of(b, binding_nth(b, "h", 0)->init), "function h() {}");
  assert_string_equal(bindings_of(b, b->model->global), "a:var h:function");
  bound_free(b);
}

static void let_const_class_are_block_scoped(void **state) {
  (void)state;
  bound *b = bind_js("let a = 1; const k = 2; class C {}\n"
                     "{ let a = 3; const k = 4; class C {} a; k; C; }\n"
                     "a; k; C;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{class+strict block{class+strict}}");
  assert_string_equal(bindings_of(b, b->model->global), "a:let k:const C:class");
  const ll_scope *block = b->model->scopes[2];
  assert_int_equal(block->kind, LL_SCOPE_BLOCK);
  assert_string_equal(bindings_of(b, block), "a:let k:const C:class");
  for (int i = 0; i < 3; i++) {
    static const char *const names[] = {"a", "k", "C"};
    // The uses inside the block see the block's bindings, the ones after it the outer ones.
    assert_ptr_equal(ref_nth(b, names[i], 0)->target, binding_nth(b, names[i], 1));
    assert_ptr_equal(ref_nth(b, names[i], 1)->target, binding_nth(b, names[i], 0));
  }
  assert_string_equal(text_of(b, binding_nth(b, "k", 1)->init), "4");
  assert_string_equal(ts_node_type(binding_nth(b, "C", 0)->init), "class_declaration");
  bound_free(b);
}

static void shadowing_across_functions(void **state) {
  (void)state;
  bound *b = bind_js("let v = 0;\n"
                     "function f(v) { return () => { let v = 2; return v; }; }\n"
                     "function g() { return v; }\n",
                     LL_SOURCE_SCRIPT);
  assert_int_equal(count_bindings(b, "v"), 3);
  assert_int_equal(binding_nth(b, "v", 1)->kind, LL_BIND_PARAM);
  assert_int_equal(binding_nth(b, "v", 2)->kind, LL_BIND_LET);
  assert_ptr_equal(ref_at(b, "v; }; }")->target, binding_nth(b, "v", 2));
  assert_ptr_equal(ref_at(b, "v; }\n")->target, binding_nth(b, "v", 0));
  assert_int_equal(binding_nth(b, "v", 1)->n_reads, 0);
  bound_free(b);
}

static void uses_before_a_let_resolve_to_it(void **state) {
  (void)state;
  // The temporal dead zone is a run-time error, not a different variable.
  bound *b = bind_js("let t = 0; { t; let t = 1; }", LL_SOURCE_SCRIPT);
  assert_ptr_equal(ref_nth(b, "t", 0)->target, binding_nth(b, "t", 1));
  bound_free(b);
}

static void block_functions_annex_b(void **state) {
  (void)state;
  // Sloppy code: a function declared in a block is also visible in the whole function.
  bound *b = bind_js("function f() { if (x) { function h() {} } return h; }", LL_SOURCE_SCRIPT);
  const ll_binding *h = binding_nth(b, "h", 0);
  assert_int_equal(h->scope->kind, LL_SCOPE_FUNCTION);
  assert_ptr_equal(ref_at(b, "h; }")->target, h);
  bound_free(b);
  // Strict code: it stays in its block.
  b = bind_js("'use strict'; function f() { if (x) { function h() {} } return h; }",
              LL_SOURCE_SCRIPT);
  h = binding_nth(b, "h", 0);
  assert_int_equal(h->scope->kind, LL_SCOPE_BLOCK);
  assert_null(ref_at(b, "h; }")->target);
  bound_free(b);
  b = bind_js("{ function m() {} } m;", LL_SOURCE_MODULE);
  assert_int_equal(binding_nth(b, "m", 0)->scope->kind, LL_SCOPE_BLOCK);
  assert_null(ref_at(b, "m;")->target);
  bound_free(b);
}

static void for_loop_heads(void **state) {
  (void)state;
  bound *b = bind_js("for (let i = 0; i < 3; i++) { i; }\n"
                     "i;\n"
                     "for (var j = 0; j < 1; j++) {}\n"
                     "j;\n"
                     "for (const k of ks) { k; }\n"
                     "for (var p in o) {}\n"
                     "for (q of qs) {}\n"
                     "for (using r of rs) {}\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{for{block} for{block} for{block} for{block} "
                                     "for{block} for{block}}");
  const ll_binding *i = binding_nth(b, "i", 0);
  assert_int_equal(i->kind, LL_BIND_LET);
  assert_int_equal(i->scope->kind, LL_SCOPE_FOR);
  assert_string_equal(text_of(b, i->init), "0");
  assert_string_equal(bindings_of(b, i->scope), "i:let");
  assert_string_equal(flags_of(b, ref_at(b, "i < 3")), "read|loop");
  assert_string_equal(flags_of(b, ref_at(b, "i++")), "read|write|loop");
  assert_ptr_equal(ref_at(b, "i; }")->target, i);
  assert_null(ref_at(b, "i;\n")->target); // not visible after the loop
  // `var` in a loop head belongs to the enclosing function (here the global scope).
  assert_string_equal(bindings_of(b, b->model->global), "j:var p:var q:implicit-global");
  assert_ptr_equal(ref_at(b, "j;\n")->target, binding_nth(b, "j", 0));
  assert_string_equal(flags_of(b, ref_at(b, "j;\n")), "read");
  const ll_binding *k = binding_nth(b, "k", 0);
  assert_int_equal(k->kind, LL_BIND_CONST);
  assert_int_equal(k->scope->kind, LL_SCOPE_FOR);
  assert_ptr_equal(ref_at(b, "k; }")->target, k);
  // A for-of over an existing name writes it on every iteration.
  assert_string_equal(flags_of(b, ref_at(b, "q of")), "write|loop");
  assert_int_equal(binding_nth(b, "r", 0)->kind, LL_BIND_USING);
  bound_free(b);
}

static void loop_depth_counts_loops_of_the_same_function(void **state) {
  (void)state;
  bound *b = bind_js("while (a) { do { for (;;) { f = () => { x; for (;;) { y; } }; } } "
                     "while (b); }\n"
                     "z;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(flags_of(b, ref_at(b, "x;")), "read");      // a new function: depth 0
  assert_string_equal(flags_of(b, ref_at(b, "y;")), "read|loop"); // its own loop
  assert_string_equal(flags_of(b, ref_at(b, "z;")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "b)")), "read|loop");
  const ll_scope *arrow = scope_at(b, "x;");
  assert_int_equal(arrow->kind, LL_SCOPE_FUNCTION);
  assert_int_equal(arrow->loop_depth, 3); // created inside three loops
  assert_int_equal(scope_at(b, "y;")->loop_depth, 1);
  bound_free(b);
}

static void switch_bodies_are_blocks(void **state) {
  (void)state;
  bound *b = bind_js("switch (s) { case 1: let w = 1; break; default: w; var hv; }\n"
                     "w; hv;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{block}");
  assert_string_equal(bindings_of(b, b->model->scopes[1]), "w:let");
  assert_ptr_equal(ref_at(b, "w; var")->target, binding_nth(b, "w", 0));
  assert_null(ref_at(b, "w; hv")->target);
  assert_ptr_equal(ref_at(b, "hv;\n")->target, binding_nth(b, "hv", 0));
  assert_ptr_equal(binding_nth(b, "hv", 0)->scope, b->model->global);
  assert_ptr_equal(ref_at(b, "s)")->from, b->model->global); // the discriminant is outside
  bound_free(b);
}

static void catch_parameters(void **state) {
  (void)state;
  bound *b = bind_js("try { risky(); } catch (err) { err; var cv = err; } finally { cv; }\n"
                     "try {} catch ({ message, cause: [first] }) { message; first; }\n"
                     "try {} catch { err; }\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b),
                      "global{block catch{block} block block catch{block} block catch{block}}");
  const ll_binding *err = binding_nth(b, "err", 0);
  assert_int_equal(err->kind, LL_BIND_CATCH);
  assert_int_equal(err->scope->kind, LL_SCOPE_CATCH);
  assert_int_equal(err->n_reads, 2);
  assert_null(ref_nth(b, "err", 2)->target); // the third clause has no parameter
  assert_ptr_equal(binding_nth(b, "cv", 0)->scope, b->model->global);
  assert_string_equal(bindings_of(b, b->model->scopes[6]), "message:catch first:catch");
  assert_int_equal(count_bindings(b, "cause"), 0);
  assert_ptr_equal(ref_at(b, "first; }")->target, binding_nth(b, "first", 0));
  bound_free(b);
}

static void labels_are_not_variables(void **state) {
  (void)state;
  bound *b = bind_js("outer: for (;;) { inner: while (x) { break outer; continue inner; } }\n"
                     "var outer = 1; outer;\n",
                     LL_SOURCE_SCRIPT);
  assert_int_equal(count_refs(b, "inner"), 0);
  assert_int_equal(count_bindings(b, "inner"), 0);
  assert_int_equal(count_refs(b, "outer"), 1); // only the plain use, not the label
  assert_int_equal(binding_nth(b, "outer", 0)->n_reads, 1);
  bound_free(b);
}

static void model_lists(void **state) {
  (void)state;
  bound *b = bind_js("let a = 1; function f(p) { return a + p; } { a; }", LL_SOURCE_SCRIPT);
  const ll_scope_model *m = b->model;
  assert_false(m->is_module);
  assert_ptr_equal(m->program, m->global);
  assert_int_equal(m->n_scopes, 3);
  for (uint32_t i = 0; i < m->n_scopes; i++) {
    assert_int_equal(m->scopes[i]->index, i);
    assert_int_equal(m->scopes[i]->depth, i == 0 ? 0 : 1);
  }
  assert_null(m->global->parent);
  assert_ptr_equal(m->global->function, m->global);
  assert_ptr_equal(m->scopes[1]->function, m->scopes[1]);
  assert_ptr_equal(m->scopes[2]->function, m->global); // a block's `var`s land in the global
  assert_ptr_equal(m->global->children, m->scopes[1]);
  assert_ptr_equal(m->scopes[1]->next, m->scopes[2]);
  assert_ptr_equal(m->global->last_child, m->scopes[2]);
  assert_null(m->scopes[2]->next);
  // Every reference, in source order, threaded per scope and per binding.
  assert_int_equal(m->n_refs, 3);
  for (uint32_t i = 1; i < m->n_refs; i++)
    assert_true(ts_node_start_byte(m->refs[i - 1].id) < ts_node_start_byte(m->refs[i].id));
  assert_ptr_equal(m->scopes[1]->refs, &m->refs[0]);
  assert_ptr_equal(m->scopes[1]->refs->next_in_scope, &m->refs[1]);
  assert_null(m->scopes[1]->refs->next_in_scope->next_in_scope);
  const ll_binding *a = binding_nth(b, "a", 0);
  assert_ptr_equal(a->refs, &m->refs[0]);
  assert_ptr_equal(a->refs->next_of_binding, &m->refs[2]);
  assert_ptr_equal(a->last_ref, &m->refs[2]);
  assert_null(a->last_ref->next_of_binding);
  assert_int_equal(m->n_errors, 0);
  assert_true(ts_node_is_null(m->first_error));
  // The parent and field of each use, past parentheses.
  assert_string_equal(ts_node_type(m->refs[0].parent), "binary_expression");
  assert_string_equal(ts_node_type(m->refs[0].grandparent), "return_statement");
  assert_int_equal(m->refs[0].field, ll_js.field.left);
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(var_is_hoisted_to_the_function),
      cmocka_unit_test(function_declarations_are_hoisted),
      cmocka_unit_test(redeclarations_merge),
      cmocka_unit_test(let_const_class_are_block_scoped),
      cmocka_unit_test(shadowing_across_functions),
      cmocka_unit_test(uses_before_a_let_resolve_to_it),
      cmocka_unit_test(block_functions_annex_b),
      cmocka_unit_test(for_loop_heads),
      cmocka_unit_test(loop_depth_counts_loops_of_the_same_function),
      cmocka_unit_test(switch_bodies_are_blocks),
      cmocka_unit_test(catch_parameters),
      cmocka_unit_test(labels_are_not_variables),
      cmocka_unit_test(model_lists),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
