// Depth and size: 50,000 nested arrows, blocks or functions bind without recursion (no stack
// overflow) and with the right model, and the time to bind grows linearly with the input, for
// deep nests and for wide files (many statements, many comments, a root with many children).
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "binder_fixture.h"

// `open` n times, then `middle`, then `close` n times, in one malloc'd string.
static char *nest(const char *open, int n, const char *middle, const char *close) {
  size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
  char *code = ll_xmalloc((size_t)n * (lo + lc) + lm + 1), *p = code;
  for (int i = 0; i < n; i++, p += lo)
    memcpy(p, open, lo);
  memcpy(p, middle, lm);
  p += lm;
  for (int i = 0; i < n; i++, p += lc)
    memcpy(p, close, lc);
  *p = '\0';
  return code;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

// A parsed input, to bind again and again.
typedef struct input {
  char *code;
  ll_parser *parser;
  TSTree *tree;
  double best; // the fastest ll_bind so far, in seconds
} input;

static input parse_input(char *code) {
  input in = {.code = code, .parser = ll_parser_new(300), .best = 1e9};
  in.tree = ll_parser_parse(in.parser, code, (uint32_t)strlen(code));
  assert_non_null(in.tree);
  return in;
}

// Times ll_bind alone (parsing is not counted).
static void time_bind(input *in) {
  ll_arena arena;
  ll_arena_init(&arena);
  ll_source source;
  ll_source_init(&source, &arena, "t.js", in->code, (uint32_t)strlen(in->code));
  double start = now();
  ll_bind(&arena, &source, in->tree, LL_SOURCE_DETECT, NULL);
  double took = now() - start;
  if (took < in->best) in->best = took;
  ll_arena_fini(&arena);
}

static void free_input(input *in) {
  ts_tree_delete(in->tree);
  ll_parser_delete(in->parser);
  free(in->code);
}

// Binding 16 times the input must take well under the 256 times a quadratic pass would. The two
// sizes are timed alternately, twice each, keeping the best: the first run of the large one
// grows the heap. The binder is memory-bound, and a linear pass still slows down per node once
// its arrays outgrow the caches and need fresh pages (up to 60 times for 16 times the input was
// seen here), hence a bound of 128. LEAKLINT_TEST_TIMES=1 prints the times.
static void assert_linear(const char *open, const char *middle, const char *close, int n) {
  input small = parse_input(nest(open, n, middle, close));
  input large = parse_input(nest(open, 16 * n, middle, close));
  for (int run = 0; run < 2; run++) {
    time_bind(&large);
    time_bind(&small);
  }
  if (getenv("LEAKLINT_TEST_TIMES"))
    print_message("\"%s\" x%d: %.4fs, x%d: %.4fs\n", open, n, small.best, 16 * n, large.best);
  if (large.best > 128 * small.best + 0.1)
    fail_msg("\"%s\" x%d: %.4fs, x%d: %.4fs: not linear", open, n, small.best, 16 * n, large.best);
  free_input(&small);
  free_input(&large);
}

enum { DEPTH = 50000 };

static void nested_arrows(void **state) {
  (void)state;
  char *code = nest("(a) => ", DEPTH, "a + y", "");
  char *decl = ll_xmalloc(strlen(code) + 16);
  strcpy(decl, "var x = ");
  strcat(decl, code);
  strcat(decl, ";");
  bound *b = bind_js(decl, LL_SOURCE_SCRIPT);
  assert_int_equal(b->model->n_scopes, DEPTH + 1);
  assert_int_equal(b->model->n_errors, 0);
  assert_int_equal(b->model->n_refs, 2);
  const ll_ref *a = ref_nth(b, "a", 0);
  assert_int_equal(a->target->kind, LL_BIND_PARAM);
  assert_int_equal(a->target->scope->depth, DEPTH); // the innermost arrow's own parameter
  assert_ptr_equal(a->from, b->model->scopes[DEPTH]);
  const ll_ref *y = ref_nth(b, "y", 0);
  assert_null(y->target);
  assert_int_equal(y->from->depth, DEPTH);
  assert_ptr_equal(scope_at(b, "a + y"), b->model->scopes[DEPTH]);
  assert_int_equal(count_bindings(b, "a"), DEPTH);
  assert_string_equal(bindings_of(b, b->model->global), "x:var");
  bound_free(b);
  free(decl);
  free(code);
}

static void nested_blocks(void **state) {
  (void)state;
  char *code = nest("{ let v; ", DEPTH, "v; w = 1;", " }");
  bound *b = bind_js(code, LL_SOURCE_SCRIPT);
  assert_int_equal(b->model->n_scopes, DEPTH + 1);
  const ll_scope *innermost = b->model->scopes[DEPTH];
  assert_int_equal(innermost->kind, LL_SCOPE_BLOCK);
  assert_int_equal(innermost->depth, DEPTH);
  assert_ptr_equal(innermost->function, b->model->global);
  assert_ptr_equal(ref_nth(b, "v", 0)->target->scope, innermost);
  // The implicit global is found from the bottom of the nest.
  assert_int_equal(ref_nth(b, "w", 0)->target->kind, LL_BIND_IMPLICIT_GLOBAL);
  assert_ptr_equal(ll_scope_lookup(b->model, innermost, (ll_str){"w", 1}),
                   ref_nth(b, "w", 0)->target);
  assert_true(ll_scope_is_within(innermost, b->model->scopes[1]));
  bound_free(b);
  free(code);
}

static void nested_functions_capture_through_every_level(void **state) {
  (void)state;
  enum { N = 20000 };
  char *code = nest("function f(p) { let q = 1; ", N, "return p + q + top;", " }");
  char *full = ll_xmalloc(strlen(code) + 32);
  strcpy(full, "const top = 1;\n");
  strcat(full, code);
  bound *b = bind_js(full, LL_SOURCE_SCRIPT);
  assert_int_equal(b->model->n_scopes, N + 1);
  const ll_binding *top = binding_nth(b, "top", 0);
  // The use at the bottom is a capture of every function but the innermost, which has its own
  // `p` and `q`; `top` is captured by all of them.
  const ll_ref *p = ref_nth(b, "p", 0);
  assert_int_equal(p->target->scope->depth, N);
  assert_true(ll_scope_captures(b->model->scopes[1], top));
  assert_true(ll_scope_captures(b->model->scopes[N / 2], top));
  assert_true(ll_scope_captures(b->model->scopes[N], top));
  assert_false(ll_scope_captures(b->model->scopes[N], p->target));
  assert_int_equal(top->n_reads, 1);
  assert_int_equal(b->model->scopes[N]->loop_depth, 0);
  bound_free(b);
  free(full);
  free(code);
}

static void deep_nests_bind_in_linear_time(void **state) {
  (void)state;
  assert_linear("(a) => ", "a", "", 3000);
  assert_linear("{ let v; ", "v;", " }", 3000);
  assert_linear("function f(p) { ", "p;", " }", 3000);
  assert_linear("[", "x", "]", 3000);
  assert_linear("(", "x", ")", 3000);
}

static void wide_files_bind_in_linear_time(void **state) {
  (void)state;
  assert_linear("x; ", "", "", 4000);
  assert_linear("/* c */ ", "", "", 4000);                 // a directive prologue of comments
  assert_linear("'a'; ", "", "", 4000);                    // of strings
  assert_linear("(a) => ", "", "", 4000);                  // a root ERROR with many children
  assert_linear("function f() {} ", "", "", 4000);         // many sibling scopes
  assert_linear("function f() { /* c */ ", "", "}", 4000); // comments before each body
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(nested_arrows),
      cmocka_unit_test(nested_blocks),
      cmocka_unit_test(nested_functions_capture_through_every_level),
      cmocka_unit_test(deep_nests_bind_in_linear_time),
      cmocka_unit_test(wide_files_bind_in_linear_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
