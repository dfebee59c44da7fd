// Classes: declarations against expressions, the strict class scope, field initializers (a
// scope each, run per instance), private names (which are not variables), static blocks,
// methods, accessors, `extends` and computed keys.
#include "binder_fixture.h"

static void declarations_and_expressions(void **state) {
  (void)state;
  bound *b = bind_js("class A {}\n"
                     "const B = class C { m() { return C; } };\n"
                     "const D = class { n() { return D; } };\n"
                     "A; C;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{class+strict class+strict{function+strict} "
                                     "class+strict{function+strict}}");
  // A declaration binds its name where it stands; an expression's name only inside the class.
  assert_string_equal(bindings_of(b, b->model->global), "A:class B:const D:const");
  const ll_binding *a = binding_nth(b, "A", 0);
  assert_string_equal(ts_node_type(a->init), "class_declaration");
  assert_string_equal(text_of(b, a->decl), "A");
  assert_ptr_equal(ref_at(b, "A; C")->target, a);
  const ll_scope *c_scope = b->model->scopes[2];
  assert_string_equal(bindings_of(b, c_scope), "C:class");
  const ll_binding *c = binding_nth(b, "C", 0);
  assert_string_equal(ts_node_type(c->init), "class");
  assert_ptr_equal(ref_at(b, "C; } }")->target, c);
  assert_null(ref_at(b, "C;\n")->target);
  assert_string_equal(ts_node_type(binding_nth(b, "B", 0)->init), "class");
  // An anonymous class expression declares nothing; the method sees the const around it.
  assert_string_equal(bindings_of(b, b->model->scopes[4]), "");
  assert_ptr_equal(ref_at(b, "D; }")->target, binding_nth(b, "D", 0));
  bound_free(b);
}

static void class_bodies_are_strict(void **state) {
  (void)state;
  bound *b = bind_js("class K { m() { undeclared = 1; } }\n"
                     "function sloppy() { other = 1; }\n",
                     LL_SOURCE_SCRIPT);
  assert_true(scope_at(b, "undeclared")->flags & LL_SCOPE_STRICT);
  assert_false(b->model->global->flags & LL_SCOPE_STRICT);
  // A write to an undeclared name in strict code throws: no implicit global.
  assert_null(ref_at(b, "undeclared")->target);
  assert_int_equal(ref_at(b, "other")->target->kind, LL_BIND_IMPLICIT_GLOBAL);
  assert_int_equal(count_bindings(b, "undeclared"), 0);
  bound_free(b);
}

static void fields_private_names_and_static_blocks(void **state) {
  (void)state;
  bound *b = bind_js("const A = 1;\n"
                     "class K extends Base {\n"
                     "  #x = 1;\n"
                     "  y = this.#x + A;\n"
                     "  static z = A;\n"
                     "  [key] = 2;\n"
                     "  m() { return this.#x; }\n"
                     "  #p() { return #x in this; }\n"
                     "  static { var v = A; let w = v; }\n"
                     "  static s() {}\n"
                     "  get q() { return 1; }\n"
                     "  set q(val) {}\n"
                     "}\n"
                     "v; y; z;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(scope_tree(b), "global{class+strict{class-field+strict class-field+strict "
                                     "class-field+strict class-field+strict function+strict "
                                     "function+strict static-block+strict function+strict "
                                     "function+strict function+strict}}");
  // Private names, field names and method names are not variables.
  for (const char *const *name =
           (const char *const[]){"#x", "x", "y", "z", "m", "#p", "p", "s", "q", NULL};
       *name; name++) {
    assert_int_equal(count_bindings(b, *name), 0);
    assert_int_equal(count_refs(b, *name), *name[0] == 'y' || *name[0] == 'z' ? 1 : 0);
  }
  assert_null(ref_at(b, "y; z")->target);
  assert_null(ref_at(b, "z;\n")->target);
  // Each initializer is a scope of its own, whose `function` is itself.
  const ll_scope *field = scope_at(b, "this.#x + A");
  assert_int_equal(field->kind, LL_SCOPE_CLASS_FIELD);
  assert_ptr_equal(field->function, field);
  assert_int_equal(field->parent->kind, LL_SCOPE_CLASS);
  assert_string_equal(ts_node_type(field->node), "field_definition");
  const ll_binding *a = binding_nth(b, "A", 0);
  assert_ptr_equal(ref_at(b, "A;\n  static z")->target, a);
  assert_ptr_equal(ref_at(b, "A;\n  static z")->from, field);
  assert_true(ll_scope_captures(field, a));
  assert_ptr_equal(ref_at(b, "A;\n  [key]")->target, a);
  assert_ptr_equal(ref_at(b, "Base")->from, scope_at(b, "extends"));
  assert_null(ref_at(b, "Base")->target);
  assert_null(ref_at(b, "key")->target);
  // `var` in a static block stays in it.
  const ll_scope *block = scope_at(b, "var v");
  assert_int_equal(block->kind, LL_SCOPE_STATIC_BLOCK);
  assert_ptr_equal(block->function, block);
  assert_string_equal(bindings_of(b, block), "v:var w:let");
  assert_ptr_equal(ref_at(b, "A; let")->target, a);
  assert_ptr_equal(ref_at(b, "v; }")->target, binding_nth(b, "v", 0));
  assert_null(ref_at(b, "v; y")->target);
  assert_int_equal(a->n_reads, 3);
  assert_string_equal(bindings_of(b, scope_at(b, "(val)")), "arguments:arguments val:param");
  bound_free(b);
}

static void methods_capture_like_functions(void **state) {
  (void)state;
  bound *b = bind_js("function make(cache) {\n"
                     "  return class Store { get(k) { return cache.get(k); } size() { return 0; } "
                     "};\n"
                     "}\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *cache = binding_nth(b, "cache", 0);
  const ll_scope *get = scope_at(b, "(k)");
  const ll_scope *size = scope_at(b, "size");
  assert_int_equal(get->kind, LL_SCOPE_FUNCTION);
  assert_string_equal(ts_node_type(get->node), "method_definition");
  assert_true(ll_scope_captures(get, cache));
  assert_false(ll_scope_captures(size, cache));
  assert_true(ll_scope_captures(scope_at(b, "class Store"), cache));
  assert_string_equal(flags_of(b, ref_at(b, "cache.get")), "read");
  assert_int_equal(count_refs(b, "get"), 0); // a property and a method name
  bound_free(b);
}

static void class_in_a_block_and_shadowing(void **state) {
  (void)state;
  bound *b = bind_js("class Base {}\n"
                     "{ class Base extends Base {} }\n"
                     "new Base();\n",
                     LL_SOURCE_SCRIPT);
  assert_int_equal(count_bindings(b, "Base"), 2);
  assert_int_equal(binding_nth(b, "Base", 1)->scope->kind, LL_SCOPE_BLOCK);
  // `extends Base` inside the block names the inner class (a run-time error, not the outer one).
  assert_ptr_equal(ref_nth(b, "Base", 0)->target, binding_nth(b, "Base", 1));
  assert_ptr_equal(ref_at(b, "Base();")->target, binding_nth(b, "Base", 0));
  assert_string_equal(flags_of(b, ref_at(b, "Base();")), "read"); // `new` is not a call
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(declarations_and_expressions),
      cmocka_unit_test(class_bodies_are_strict),
      cmocka_unit_test(fields_private_names_and_static_blocks),
      cmocka_unit_test(methods_capture_like_functions),
      cmocka_unit_test(class_in_a_block_and_shadowing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
