// The scope model, feature by feature: declarations and hoisting, shadowing, patterns, special
// bindings, classes, JSX, modules, globals, dynamic scopes, syntax errors, captures, and depth.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analyzer/binder.h"
#include "analyzer/grammar.h"
#include "analyzer/parse.h"

typedef struct bound {
  ll_arena arena;
  ll_parser *parser;
  TSTree *tree;
  ll_source source;
  ll_scope_model *model;
} bound;

static bound *bind_code(const char *code, ll_source_kind kind) {
  bound *b = calloc(1, sizeof *b);
  ll_arena_init(&b->arena);
  b->parser = ll_parser_new(30);
  uint32_t len = (uint32_t)strlen(code);
  b->tree = ll_parser_parse(b->parser, code, len);
  assert_non_null(b->tree);
  ll_source_init(&b->source, &b->arena, "t.js", code, len);
  b->model = ll_bind(&b->arena, &b->source, b->tree, kind);
  return b;
}

static void release(bound *b) {
  ts_tree_delete(b->tree);
  ll_parser_delete(b->parser);
  ll_arena_fini(&b->arena);
  free(b);
}

// The nth (0-based) reference named `name`, in source order.
static const ll_ref *ref_nth(const bound *b, const char *name, int nth) {
  for (uint32_t i = 0; i < b->model->n_refs; i++)
    if (ll_str_eq(b->model->refs[i].name, name) && nth-- == 0) return &b->model->refs[i];
  return NULL;
}

static int count_refs(const bound *b, const char *name) {
  int n = 0;
  for (uint32_t i = 0; i < b->model->n_refs; i++)
    n += ll_str_eq(b->model->refs[i].name, name);
  return n;
}

// The nth binding named `name`, scopes in pre-order.
static const ll_binding *binding_nth(const bound *b, const char *name, int nth) {
  for (uint32_t s = 0; s < b->model->n_scopes; s++)
    for (const ll_binding *bd = b->model->scopes[s]->bindings; bd; bd = bd->next)
      if (ll_str_eq(bd->name, name) && nth-- == 0) return bd;
  return NULL;
}

static ll_scope *scope_at_text(const bound *b, const char *marker) {
  const char *at = strstr(b->source.text, marker);
  assert_non_null(at);
  return ll_scope_at(b->model, (uint32_t)(at - b->source.text));
}

static void var_and_function_hoisting(void **state) {
  (void)state;
  bound *b = bind_code("function f() { x = 1; if (a) { var x; } g(); }\n"
                       "function g() {}\n",
                       LL_SOURCE_SCRIPT);
  const ll_binding *x = binding_nth(b, "x", 0);
  assert_non_null(x);
  assert_int_equal(x->kind, LL_BIND_VAR);
  assert_int_equal(x->scope->kind, LL_SCOPE_FUNCTION); // hoisted out of the block
  assert_ptr_equal(ref_nth(b, "x", 0)->target, x);
  assert_true(ref_nth(b, "x", 0)->flags & LL_REF_WRITE);
  const ll_ref *call = ref_nth(b, "g", 0);
  assert_int_equal(call->target->kind, LL_BIND_FUNCTION); // used before its declaration
  assert_true(call->flags & LL_REF_CALLEE);
  assert_null(ref_nth(b, "a", 0)->target);
  release(b);
}

static void block_scoping_and_shadowing(void **state) {
  (void)state;
  bound *b = bind_code("let a = 1; { let a = 2; a; } a;\n"
                       "for (let i = 0; i < 3; i++) { i; } i;\n"
                       "for (var j = 0; j < 1; j++) {} j;\n",
                       LL_SOURCE_SCRIPT);
  const ll_binding *outer = binding_nth(b, "a", 0), *inner = binding_nth(b, "a", 1);
  assert_int_equal(inner->scope->kind, LL_SCOPE_BLOCK);
  assert_ptr_equal(ref_nth(b, "a", 0)->target, inner);
  assert_ptr_equal(ref_nth(b, "a", 1)->target, outer);
  assert_ptr_equal(outer->init.id,
                   ts_node_child_by_field_id(ts_node_parent(outer->decl), ll_js.field.value).id);
  const ll_binding *i = binding_nth(b, "i", 0);
  assert_int_equal(i->kind, LL_BIND_LET);
  assert_int_equal(i->scope->kind, LL_SCOPE_FOR);
  assert_ptr_equal(ref_nth(b, "i", 2)->target, i); // `i;` in the body
  assert_null(ref_nth(b, "i", 3)->target);         // after the loop: not visible
  assert_ptr_equal(ref_nth(b, "j", 2)->target, binding_nth(b, "j", 0)); // var escapes the loop
  assert_int_equal(binding_nth(b, "j", 0)->scope->kind, LL_SCOPE_GLOBAL);
  assert_true(ref_nth(b, "i", 2)->flags & LL_REF_IN_LOOP);
  assert_false(ref_nth(b, "a", 1)->flags & LL_REF_IN_LOOP);
  release(b);
}

static void destructuring_patterns(void **state) {
  (void)state;
  bound *b = bind_code("const { a, b: [c, ...d], e = a, ['k' + a]: f } = o;\n"
                       "function g({ p }, [q = p], ...r) { return p + q + r; }\n"
                       "let x, y; [x, y] = [y, x]; ({ x, y: { z: y } } = o2);\n",
                       LL_SOURCE_SCRIPT);
  for (const char *const *name = (const char *const[]){"a", "c", "d", "e", "f", NULL}; *name;
       name++) {
    const ll_binding *bd = binding_nth(b, *name, 0);
    assert_non_null(bd);
    assert_int_equal(bd->kind, LL_BIND_CONST);
  }
  assert_null(binding_nth(b, "b", 0));                                  // a key, not a binding
  assert_ptr_equal(ref_nth(b, "a", 0)->target, binding_nth(b, "a", 0)); // default `e = a`
  assert_ptr_equal(ref_nth(b, "a", 1)->target, binding_nth(b, "a", 0)); // computed key
  assert_null(ref_nth(b, "o", 0)->target);
  assert_int_equal(binding_nth(b, "p", 0)->kind, LL_BIND_PARAM);
  assert_int_equal(binding_nth(b, "q", 0)->kind, LL_BIND_PARAM);
  assert_int_equal(binding_nth(b, "r", 0)->kind, LL_BIND_PARAM);
  assert_ptr_equal(ref_nth(b, "p", 0)->target, binding_nth(b, "p", 0)); // default `q = p`
  // Assignment patterns write; the right side reads.
  assert_true(ref_nth(b, "x", 0)->flags & LL_REF_WRITE);
  assert_true(ref_nth(b, "y", 0)->flags & LL_REF_WRITE);
  assert_false(ref_nth(b, "y", 1)->flags & LL_REF_WRITE);
  assert_true(ref_nth(b, "x", 2)->flags & LL_REF_WRITE); // shorthand `{ x }` in a pattern
  assert_true(ref_nth(b, "y", 2)->flags & LL_REF_WRITE); // `y: { z: y }`
  assert_int_equal(count_refs(b, "y"), 3);
  assert_int_equal(count_refs(b, "z"), 0);
  release(b);
}

static void arguments_and_function_names(void **state) {
  (void)state;
  bound *b = bind_code("function f() { arguments; const g = () => arguments; }\n"
                       "const h = function inner() { return inner; }; inner;\n",
                       LL_SOURCE_SCRIPT);
  const ll_binding *args = ref_nth(b, "arguments", 0)->target;
  assert_non_null(args);
  assert_int_equal(args->kind, LL_BIND_ARGUMENTS);
  assert_ptr_equal(ref_nth(b, "arguments", 1)->target, args); // an arrow has none of its own
  const ll_ref *own = ref_nth(b, "inner", 0);
  assert_int_equal(own->target->kind, LL_BIND_FUNCTION_NAME);
  assert_null(ref_nth(b, "inner", 1)->target); // not visible outside
  release(b);
}

static void classes(void **state) {
  (void)state;
  bound *b = bind_code("class A {}\n"
                       "const B = class C { m() { return C; } };\n"
                       "A; C;\n"
                       "class K { #x = 1; y = this.#x; static z = A; m() { return this.#x; }\n"
                       "  static { var v = 1; } }\n"
                       "v;\n",
                       LL_SOURCE_SCRIPT);
  assert_int_equal(binding_nth(b, "A", 0)->kind, LL_BIND_CLASS);
  assert_ptr_equal(ref_nth(b, "A", 0)->target, binding_nth(b, "A", 0));
  const ll_binding *c = binding_nth(b, "C", 0);
  assert_int_equal(c->scope->kind, LL_SCOPE_CLASS);
  assert_ptr_equal(ref_nth(b, "C", 0)->target, c);
  assert_null(ref_nth(b, "C", 1)->target);
  assert_null(binding_nth(b, "#x", 0));
  assert_null(binding_nth(b, "y", 0));
  assert_null(binding_nth(b, "z", 0));
  assert_int_equal(binding_nth(b, "v", 0)->scope->kind, LL_SCOPE_STATIC_BLOCK);
  assert_null(ref_nth(b, "v", 0)->target);
  assert_int_equal(scope_at_text(b, "this.#x;")->kind, LL_SCOPE_CLASS_FIELD);
  assert_true(scope_at_text(b, "return C")->flags & LL_SCOPE_STRICT); // class bodies are strict
  release(b);
}

static void labels_jsx_catch(void **state) {
  (void)state;
  bound *b = bind_code("outer: for (;;) { break outer; }\n"
                       "const W = 1;\n"
                       "const el = <div className=\"x\"><W a={v} />{W}</div>;\n"
                       "try { risky(); } catch (err) { err; }\n",
                       LL_SOURCE_SCRIPT);
  assert_int_equal(count_refs(b, "outer"), 0);
  assert_int_equal(count_refs(b, "div"), 0);
  assert_int_equal(count_refs(b, "a"), 0);
  assert_int_equal(count_refs(b, "className"), 0);
  assert_int_equal(count_refs(b, "W"), 2);
  assert_ptr_equal(ref_nth(b, "W", 0)->target, binding_nth(b, "W", 0));
  assert_null(ref_nth(b, "v", 0)->target);
  const ll_binding *err = binding_nth(b, "err", 0);
  assert_int_equal(err->kind, LL_BIND_CATCH);
  assert_ptr_equal(ref_nth(b, "err", 0)->target, err);
  release(b);
}

static void imports_and_exports(void **state) {
  (void)state;
  bound *b = bind_code("import d, { a as b, c } from 'm';\n"
                       "import * as ns from 'n';\n"
                       "export { b as e };\n"
                       "export { z } from 'o';\n"
                       "export default d;\n"
                       "ns.x;\n",
                       LL_SOURCE_DETECT);
  assert_true(b->model->is_module);
  assert_int_equal(b->model->program->kind, LL_SCOPE_MODULE);
  for (const char *const *name = (const char *const[]){"d", "b", "c", "ns", NULL}; *name; name++) {
    const ll_binding *bd = binding_nth(b, *name, 0);
    assert_non_null(bd);
    assert_int_equal(bd->kind, LL_BIND_IMPORT);
    assert_ptr_equal(bd->scope, b->model->program);
  }
  assert_null(binding_nth(b, "a", 0));
  assert_ptr_equal(ref_nth(b, "b", 0)->target, binding_nth(b, "b", 0)); // export { b as e }
  assert_int_equal(count_refs(b, "e"), 0);
  assert_int_equal(count_refs(b, "z"), 0); // a re-export reads nothing here
  assert_ptr_equal(ref_nth(b, "d", 0)->target, binding_nth(b, "d", 0));
  assert_true(b->model->program->flags & LL_SCOPE_STRICT);
  release(b);
}

static void typeof_and_strictness(void **state) {
  (void)state;
  bound *b = bind_code("typeof maybe;\n"
                       "function s() { 'use strict'; t = 1; }\n"
                       "function l() { u = 1; }\n",
                       LL_SOURCE_SCRIPT);
  assert_true(ref_nth(b, "maybe", 0)->flags & LL_REF_TYPEOF);
  assert_true(scope_at_text(b, "t = 1")->flags & LL_SCOPE_STRICT);
  assert_false(scope_at_text(b, "u = 1")->flags & LL_SCOPE_STRICT);
  assert_null(ref_nth(b, "t", 0)->target); // strict: a ReferenceError, no global
  assert_int_equal(ref_nth(b, "u", 0)->target->kind, LL_BIND_IMPLICIT_GLOBAL);
  release(b);
}

static void implicit_globals(void **state) {
  (void)state;
  bound *b = bind_code("function f() { g1 = g1 || []; g1.push(1); }\n"
                       "function h() { return g1; }\n",
                       LL_SOURCE_SCRIPT);
  const ll_binding *g1 = binding_nth(b, "g1", 0);
  assert_non_null(g1);
  assert_int_equal(g1->kind, LL_BIND_IMPLICIT_GLOBAL);
  assert_ptr_equal(g1->scope, b->model->global);
  assert_int_equal(count_refs(b, "g1"), 4);
  for (int i = 0; i < 4; i++)
    assert_ptr_equal(ref_nth(b, "g1", i)->target, g1);
  assert_int_equal(g1->n_writes, 1);
  assert_int_equal(g1->n_reads, 3);
  release(b);
  b = bind_code("function f() { g1 = 1; }\n", LL_SOURCE_MODULE);
  assert_null(binding_nth(b, "g1", 0)); // a module is strict
  release(b);
}

static void global_comments(void **state) {
  (void)state;
  bound *b = bind_code("/* global gx, gy:writable */\n"
                       "/* globals gz */\n"
                       "/* not a global declaration: gw */\n"
                       "function f() { gx = 1; gy = 2; gz = 3; gw = 4; }\n",
                       LL_SOURCE_SCRIPT);
  assert_int_equal(ref_nth(b, "gx", 0)->target->kind, LL_BIND_GLOBAL_COMMENT);
  assert_int_equal(ref_nth(b, "gy", 0)->target->kind, LL_BIND_GLOBAL_COMMENT);
  assert_int_equal(ref_nth(b, "gz", 0)->target->kind, LL_BIND_GLOBAL_COMMENT);
  assert_int_equal(ref_nth(b, "gw", 0)->target->kind, LL_BIND_IMPLICIT_GLOBAL);
  release(b);
}

static void dynamic_scopes(void **state) {
  (void)state;
  bound *b = bind_code("function f(o) { with (o) { w = 1; } }\n"
                       "function g(s) { eval(s); ev = 1; }\n"
                       "function h() { plain = 1; }\n",
                       LL_SOURCE_SCRIPT);
  assert_true(ref_nth(b, "w", 0)->flags & LL_REF_DYNAMIC);
  assert_null(ref_nth(b, "w", 0)->target);
  assert_true(ref_nth(b, "ev", 0)->flags & LL_REF_DYNAMIC);
  assert_null(ref_nth(b, "ev", 0)->target);
  assert_false(ref_nth(b, "plain", 0)->flags & LL_REF_DYNAMIC);
  assert_true(scope_at_text(b, "w = 1")->parent->flags & LL_SCOPE_WITH); // the with's body
  assert_true(scope_at_text(b, "ev = 1")->flags & LL_SCOPE_DIRECT_EVAL);
  assert_null(binding_nth(b, "w", 0));
  assert_null(binding_nth(b, "ev", 0));
  release(b);
}

static void syntax_errors(void **state) {
  (void)state;
  bound *b = bind_code("function ok() { return 1; }\n"
                       "function broken( { var q = ; hidden = 2; }\n",
                       LL_SOURCE_SCRIPT);
  assert_true(b->model->n_errors > 0);
  assert_false(ts_node_is_null(b->model->first_error));
  const char *broken = strstr(b->source.text, "broken");
  assert_true(ll_scope_model_in_error(b->model, (uint32_t)(broken - b->source.text) + 8));
  assert_false(ll_scope_model_in_error(b->model, 3));
  // Names swallowed by the error are not guessed about.
  const ll_binding *hidden = binding_nth(b, "hidden", 0);
  if (hidden) assert_int_equal(hidden->kind, LL_BIND_UNKNOWN);
  release(b);
}

static void captures(void **state) {
  (void)state;
  bound *b = bind_code("function outer() {\n"
                       "  let a = 1, b = 2, c = 3;\n"
                       "  function inner() { let c = 0; return a + c + helper(); }\n"
                       "  return inner;\n"
                       "}\n"
                       "function helper() {}\n",
                       LL_SOURCE_SCRIPT);
  const ll_scope *inner = scope_at_text(b, "let c = 0");
  assert_int_equal(inner->kind, LL_SCOPE_FUNCTION);
  const ll_binding *a = binding_nth(b, "a", 0), *bb = binding_nth(b, "b", 0);
  const ll_binding *outer_c = binding_nth(b, "c", 0);
  assert_true(ll_scope_captures(inner, a));
  assert_false(ll_scope_captures(inner, bb));
  assert_false(ll_scope_captures(inner, outer_c)); // shadowed inside
  assert_true(ll_scope_captures(inner, binding_nth(b, "helper", 0)));
  assert_ptr_equal(ll_scope_lookup(b->model, inner, (ll_str){"c", 1}), binding_nth(b, "c", 1));
  assert_ptr_equal(ll_scope_lookup(b->model, inner, (ll_str){"a", 1}), a);
  assert_null(ll_scope_lookup(b->model, inner, (ll_str){"zz", 2}));
  release(b);
}

typedef struct seen {
  const char *names[8];
  int n;
} seen;

static void collect(const ll_binding *binding, const ll_ref *first_use, void *data) {
  (void)first_use;
  seen *s = data;
  static char buffers[8][16];
  snprintf(buffers[s->n], sizeof buffers[0], "%.*s", (int)binding->name.len, binding->name.ptr);
  s->names[s->n] = buffers[s->n];
  s->n++;
}

static void each_capture_in_order(void **state) {
  (void)state;
  bound *b = bind_code("const top = 1;\n"
                       "function f(p) { let l = 2; return () => l + p + top + l + undeclared; }\n",
                       LL_SOURCE_SCRIPT);
  const ll_scope *arrow = scope_at_text(b, "l + p");
  seen s = {0};
  ll_scope_each_capture(b->model, arrow, collect, &s);
  assert_int_equal(s.n, 3); // each once; unresolved names are not captures
  assert_string_equal(s.names[0], "l");
  assert_string_equal(s.names[1], "p");
  assert_string_equal(s.names[2], "top");
  release(b);
}

static void deep_nesting_is_linear(void **state) {
  (void)state;
  enum { DEPTH = 50000 };
  size_t size = DEPTH * 12 + 64;
  char *code = malloc(size), *p = code;
  p += sprintf(p, "var x = ");
  for (int i = 0; i < DEPTH; i++)
    p += sprintf(p, "(a) => ");
  p += sprintf(p, "a + y;\n");
  clock_t start = clock();
  bound *b = bind_code(code, LL_SOURCE_SCRIPT);
  double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
  assert_int_equal(b->model->n_scopes, DEPTH + 1);
  const ll_ref *a = ref_nth(b, "a", 0);
  assert_non_null(a->target);
  assert_int_equal(a->target->kind, LL_BIND_PARAM);
  assert_int_equal(a->target->scope->depth, DEPTH); // the innermost arrow's own parameter
  assert_true(seconds < 10.0);
  release(b);
  free(code);
}

int main(void) {
  const char *missing;
  if (!ll_grammar_init(&missing)) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(var_and_function_hoisting),
      cmocka_unit_test(block_scoping_and_shadowing),
      cmocka_unit_test(destructuring_patterns),
      cmocka_unit_test(arguments_and_function_names),
      cmocka_unit_test(classes),
      cmocka_unit_test(labels_jsx_catch),
      cmocka_unit_test(imports_and_exports),
      cmocka_unit_test(typeof_and_strictness),
      cmocka_unit_test(implicit_globals),
      cmocka_unit_test(global_comments),
      cmocka_unit_test(dynamic_scopes),
      cmocka_unit_test(syntax_errors),
      cmocka_unit_test(captures),
      cmocka_unit_test(each_capture_in_order),
      cmocka_unit_test(deep_nesting_is_linear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
