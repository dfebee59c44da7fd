// ES modules: how a file is recognised as one, imports of every form (default, named, aliased,
// namespace), and what exports read: `export {a as b}` reads `a`, a re-export `export {x} from`
// reads nothing, exported declarations declare in the module scope.
#include "binder_fixture.h"

static void detection_and_module_scope(void **state) {
  (void)state;
  bound *b = bind_js("import x from 'm';\nx;\n", LL_SOURCE_DETECT);
  assert_true(b->model->is_module);
  assert_string_equal(scope_tree(b), "global{module+strict}");
  assert_ptr_equal(b->model->program, b->model->scopes[1]);
  assert_int_equal(b->model->program->kind, LL_SCOPE_MODULE);
  assert_ptr_equal(b->model->program->function, b->model->program);
  assert_ptr_equal(ref_at(b, "x;")->from, b->model->program);
  bound_free(b);
  // Without import or export: a script. `require` and dynamic import() do not count.
  b = bind_js("const fs = require('fs'); import('m'); let y;", LL_SOURCE_DETECT);
  assert_false(b->model->is_module);
  assert_string_equal(scope_tree(b), "global");
  assert_ptr_equal(b->model->program, b->model->global);
  assert_string_equal(bindings_of(b, b->model->global), "fs:const y:let");
  bound_free(b);
  // An export alone makes a module too; a forced kind overrides detection.
  b = bind_js("export default 1;", LL_SOURCE_DETECT);
  assert_true(b->model->is_module);
  bound_free(b);
  b = bind_js("let z;", LL_SOURCE_MODULE);
  assert_true(b->model->is_module);
  assert_string_equal(bindings_of(b, b->model->program), "z:let");
  assert_string_equal(bindings_of(b, b->model->global), "");
  bound_free(b);
  b = bind_js("import q from 'm'; q;", LL_SOURCE_SCRIPT);
  assert_false(b->model->is_module);
  assert_string_equal(bindings_of(b, b->model->global), "q:import");
  bound_free(b);
}

static void imports(void **state) {
  (void)state;
  bound *b = bind_js("import d, { a as b, c, default as e, \"str name\" as f } from 'm';\n"
                     "import * as ns from 'n';\n"
                     "import g, * as h from 'o';\n"
                     "import 'side-effect';\n"
                     "d; b; c; e; f; ns.x; g; h;\n"
                     "function use() { return c; }\n",
                     LL_SOURCE_DETECT);
  const ll_scope *module = b->model->program;
  assert_string_equal(bindings_of(b, module), "d:import b:import c:import e:import f:import "
                                              "ns:import g:import h:import use:function");
  // The imported names (`a`, `default`, the string) are not local; the local ones are read.
  assert_int_equal(count_refs(b, "a"), 0);
  assert_int_equal(count_refs(b, "x"), 0);
  for (const ll_binding *bd = module->bindings; bd; bd = bd->next) {
    if (bd->kind != LL_BIND_IMPORT) continue;
    assert_true(ts_node_is_null(bd->init));
    assert_int_equal(bd->n_reads, ll_str_eq(bd->name, "c") ? 2 : 1);
    assert_int_equal(bd->n_writes, 0);
    assert_string_equal(ts_node_type(bd->decl), "identifier");
  }
  assert_string_equal(text_of(b, binding_nth(b, "b", 0)->decl), "b");
  assert_int_equal(ts_node_start_byte(binding_nth(b, "b", 0)->decl), offset_of(b, "b, c"));
  assert_true(ll_scope_captures(scope_at(b, "use"), binding_nth(b, "c", 0)));
  assert_int_equal(b->model->n_refs, 9);
  bound_free(b);
}

static void exports(void **state) {
  (void)state;
  bound *b = bind_js("const a = 1, c = 2;\n"
                     "let w;\n"
                     "export { a as b, c };\n"
                     "export { c as default };\n"
                     "export { z } from 'p';\n"
                     "export { default as y, w as v } from 'q';\n"
                     "export * from 'r';\n"
                     "export * as nn from 's';\n"
                     "export const k = a, [l] = [c];\n"
                     "export function fn() { return k; }\n"
                     "export class Cl {}\n"
                     "export default function named() {}\n",
                     LL_SOURCE_DETECT);
  const ll_scope *module = b->model->program;
  assert_string_equal(bindings_of(b, module), "a:const c:const w:let k:const l:const "
                                              "fn:function Cl:class named:function");
  // `export { a as b }` reads `a`; the exported name is not a use.
  const ll_binding *a = binding_nth(b, "a", 0), *c = binding_nth(b, "c", 0);
  assert_ptr_equal(ref_at(b, "a as b")->target, a);
  assert_int_equal(count_refs(b, "b"), 0);
  assert_int_equal(a->n_reads, 2);
  assert_int_equal(c->n_reads, 3); // `c`, `c as default`, `[c]`
  // A re-export reads nothing in this file, even a name that exists here (`w`).
  assert_int_equal(count_refs(b, "z") + count_refs(b, "y") + count_refs(b, "v"), 0);
  assert_int_equal(count_refs(b, "w"), 0);
  assert_int_equal(binding_nth(b, "w", 0)->n_reads, 0);
  assert_int_equal(count_refs(b, "nn") + count_bindings(b, "nn"), 0);
  assert_ptr_equal(ref_at(b, "k; }")->target, binding_nth(b, "k", 0));
  assert_string_equal(text_of(b, binding_nth(b, "k", 0)->init), "a");
  assert_int_equal(b->model->n_refs, 6);
  bound_free(b);
}

static void export_default_expressions_read(void **state) {
  (void)state;
  bound *b = bind_js("const store = new Map();\nexport default store;\n", LL_SOURCE_DETECT);
  assert_ptr_equal(ref_at(b, "store;")->target, binding_nth(b, "store", 0));
  assert_string_equal(flags_of(b, ref_at(b, "store;")), "read");
  assert_string_equal(ts_node_type(ref_at(b, "store;")->parent), "export_statement");
  bound_free(b);
}

static void module_code_is_strict(void **state) {
  (void)state;
  bound *b = bind_js("export function f() { leaked = 1; with_ = 2; }\nleaked;\n", LL_SOURCE_DETECT);
  assert_true(scope_at(b, "leaked =")->flags & LL_SCOPE_STRICT);
  assert_false(b->model->global->flags & LL_SCOPE_STRICT);
  assert_int_equal(count_bindings(b, "leaked"), 0);
  assert_null(ref_at(b, "leaked =")->target);
  assert_null(ref_at(b, "leaked;")->target);
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(detection_and_module_scope),
      cmocka_unit_test(imports),
      cmocka_unit_test(exports),
      cmocka_unit_test(export_default_expressions_read),
      cmocka_unit_test(module_code_is_strict),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
