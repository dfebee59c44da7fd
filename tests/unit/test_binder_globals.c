// Globals: implicit globals from sloppy-mode writes (and where strict code prevents them),
// `/* global */` comments, `typeof` on undeclared names, and names that stay unresolved.
#include "binder_fixture.h"

static void sloppy_writes_create_implicit_globals(void **state) {
  (void)state;
  bound *b = bind_js("function f() { g1 = g1 || []; g1.push(1); }\n"
                     "function h() { return g1; }\n"
                     "g1;\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *g1 = binding_nth(b, "g1", 0);
  assert_int_equal(count_bindings(b, "g1"), 1);
  assert_int_equal(g1->kind, LL_BIND_IMPLICIT_GLOBAL);
  assert_ptr_equal(g1->scope, b->model->global);
  assert_int_equal(ts_node_start_byte(g1->decl), offset_of(b, "g1 = ")); // the first write
  assert_true(ts_node_is_null(g1->init));
  // Every other use of the name, before or after the write, anywhere, refers to it.
  assert_int_equal(count_refs(b, "g1"), 5);
  for (int i = 0; i < 5; i++)
    assert_ptr_equal(ref_nth(b, "g1", i)->target, g1);
  assert_int_equal(g1->n_writes, 1);
  assert_int_equal(g1->n_reads, 4);
  assert_true(ll_scope_captures(scope_at(b, "return g1"), g1));
  assert_string_equal(bindings_of(b, b->model->global), "f:function h:function g1:implicit-global");
  bound_free(b);
}

static void top_level_and_nested_writes(void **state) {
  (void)state;
  bound *b = bind_js("a = 1;\n"
                     "{ b = 2; }\n"
                     "(() => { c += 1; d++; [e] = []; ({ f } = {}); for (g in o) {} })();\n"
                     "let declared; declared = 3;\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(bindings_of(b, b->model->global),
                      "declared:let a:implicit-global b:implicit-global c:implicit-global "
                      "d:implicit-global e:implicit-global f:implicit-global g:implicit-global");
  assert_null(ref_at(b, "o)")->target); // only a read: no global is created
  assert_int_equal(count_bindings(b, "o"), 0);
  assert_int_equal(ref_at(b, "declared =")->target->kind, LL_BIND_LET);
  bound_free(b);
}

static void strict_code_creates_no_implicit_globals(void **state) {
  (void)state;
  static const char *const strict[] = {
      "'use strict';\nfunction f() { leak = 1; }\n",
      "\"use strict\";\nleak = 1;\n",
      "function f() { 'use strict'; leak = 1; }\n",
      "function f() { 'use strict'; return () => { leak = 1; }; }\n",
      "class K { m() { leak = 1; } }\n",
      "// a comment first\n'use strict';\nleak = 1;\n",
  };
  for (size_t i = 0; i < sizeof strict / sizeof strict[0]; i++) {
    bound *b = bind_js(strict[i], LL_SOURCE_SCRIPT);
    if (count_bindings(b, "leak")) fail_msg("case %zu created a global", i);
    assert_null(ref_at(b, "leak")->target);
    assert_true(ref_at(b, "leak")->from->flags & LL_SCOPE_STRICT);
    bound_free(b);
  }
  bound *b = bind_js("leak = 1;\n", LL_SOURCE_MODULE);
  assert_int_equal(count_bindings(b, "leak"), 0);
  bound_free(b);
  // Not directives: after another statement, or not the exact string.
  static const char *const sloppy[] = {
      "var x; 'use strict'; leak = 1;\n",
      "'use  strict'; leak = 1;\n",
      "('use strict'); leak = 1;\n",
      "function f() { g(); 'use strict'; leak = 1; }\n",
  };
  for (size_t i = 0; i < sizeof sloppy / sizeof sloppy[0]; i++) {
    b = bind_js(sloppy[i], LL_SOURCE_SCRIPT);
    if (count_bindings(b, "leak") != 1) fail_msg("sloppy case %zu created no global", i);
    assert_int_equal(ref_at(b, "leak")->target->kind, LL_BIND_IMPLICIT_GLOBAL);
    bound_free(b);
  }
  // Strictness is per function: a sloppy function next to a strict one.
  b = bind_js("function s() { 'use strict'; t = 1; }\nfunction l() { t = 2; }\n", LL_SOURCE_SCRIPT);
  const ll_binding *t = binding_nth(b, "t", 0);
  assert_int_equal(t->kind, LL_BIND_IMPLICIT_GLOBAL);
  assert_ptr_equal(t->decl.id, ref_at(b, "t = 2")->id.id);
  // The strict write does not create it, but refers to it once the sloppy one has.
  assert_ptr_equal(ref_at(b, "t = 1")->target, t);
  assert_int_equal(t->n_writes, 2);
  bound_free(b);
}

static void global_comments(void **state) {
  (void)state;
  bound *b = bind_js("/* global gx, gy:writable, gr: readonly */\n"
                     "/*globals gz*/\n"
                     "/* global\n   gn1,\n   gn2 */\n"
                     "/* not a global declaration: gw */\n"
                     "// global gl\n"
                     "/* globalThing */\n"
                     "function f() { gx = 1; gy = 2; gz = 3; gw = 4; gl = 5; gn2 = 6; gr; "
                     "globalThing = 7; }\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(bindings_of(b, b->model->global),
                      "gx:global-comment gy:global-comment gr:global-comment "
                      "gz:global-comment gn1:global-comment gn2:global-comment f:function "
                      "gw:implicit-global gl:implicit-global globalThing:implicit-global");
  const ll_binding *gx = binding_nth(b, "gx", 0);
  assert_string_equal(ts_node_type(gx->decl), "comment");
  assert_int_equal(ts_node_start_byte(gx->decl), 0);
  assert_ptr_equal(ref_at(b, "gx =")->target, gx);
  assert_ptr_equal(ref_at(b, "gn2 =")->target, binding_nth(b, "gn2", 0));
  assert_ptr_equal(ref_at(b, "gr;")->target, binding_nth(b, "gr", 0));
  assert_int_equal(count_bindings(b, "readonly") + count_bindings(b, "writable"), 0);
  bound_free(b);
  // A local declaration still hides the declared global.
  b = bind_js("/* global cache */\nfunction f(cache) { cache = 1; }\ncache;\n", LL_SOURCE_SCRIPT);
  assert_int_equal(ref_at(b, "cache = 1")->target->kind, LL_BIND_PARAM);
  assert_int_equal(ref_at(b, "cache;")->target->kind, LL_BIND_GLOBAL_COMMENT);
  bound_free(b);
}

static void typeof_and_unresolved_names(void **state) {
  (void)state;
  bound *b = bind_js("typeof maybe;\n"
                     "typeof (inParens);\n"
                     "typeof maybe.prop;\n"
                     "if (typeof window !== 'undefined') window;\n"
                     "let known; typeof known;\n"
                     "void other; delete gone;\n"
                     "console.log(process.env);\n",
                     LL_SOURCE_SCRIPT);
  assert_string_equal(flags_of(b, ref_nth(b, "maybe", 0)), "read|typeof");
  assert_string_equal(flags_of(b, ref_at(b, "inParens")), "read|typeof");
  assert_string_equal(flags_of(b, ref_nth(b, "maybe", 1)), "read"); // the operand is `maybe.prop`
  assert_string_equal(flags_of(b, ref_nth(b, "window", 0)), "read|typeof");
  assert_string_equal(flags_of(b, ref_nth(b, "window", 1)), "read");
  assert_null(ref_nth(b, "window", 1)->target);
  assert_ptr_equal(ref_at(b, "known;\nvoid")->target, binding_nth(b, "known", 0));
  assert_string_equal(flags_of(b, ref_at(b, "known;\nvoid")), "read|typeof");
  assert_string_equal(flags_of(b, ref_at(b, "other")), "read");
  assert_string_equal(flags_of(b, ref_at(b, "gone")), "read");
  assert_null(ref_at(b, "console")->target);
  assert_null(ref_at(b, "process")->target);
  assert_string_equal(bindings_of(b, b->model->global), "known:let");
  assert_int_equal(count_refs(b, "log") + count_refs(b, "env") + count_refs(b, "prop"), 0);
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(sloppy_writes_create_implicit_globals),
      cmocka_unit_test(top_level_and_nested_writes),
      cmocka_unit_test(strict_code_creates_no_implicit_globals),
      cmocka_unit_test(global_comments),
      cmocka_unit_test(typeof_and_unresolved_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
