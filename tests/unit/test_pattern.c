// The PCRE2 pattern module: compile errors with their offsets, matching slices that are not
// NUL-terminated, UTF-8 (valid or not), the limits that stop catastrophic backtracking, and
// matching one pattern from several threads.
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analyzer/pattern.h"

// A copy of `text` in a heap block of exactly `len` bytes, with no terminator after it: a match
// that ran on past the slice would read outside the block (valgrind reports it), and its answer
// would change for subjects whose prefix matches, which the tests below check.
static ll_str exact(const char *text, size_t len) {
  char *copy = malloc(len ? len : 1);
  memcpy(copy, text, len);
  return (ll_str){copy, (uint32_t)len};
}

static ll_match match(const ll_pattern *p, const char *text) {
  ll_str s = exact(text, strlen(text));
  ll_match m = ll_pattern_match(p, s);
  free((void *)s.ptr);
  return m;
}

static ll_pattern *compile(const char *source) {
  char error[128] = "";
  size_t offset = 12345;
  ll_pattern *p = ll_pattern_new(source, error, sizeof error, &offset);
  if (!p) fail_msg("/%s/ did not compile: %s at %zu", source, error, offset);
  assert_string_equal(error, ""); // untouched on success
  assert_int_equal(offset, 12345);
  return p;
}

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void compile_errors_give_message_and_offset(void **state) {
  (void)state;
  char error[128];
  size_t offset = 0;
  assert_null(ll_pattern_new("^(app|router\\.get$", error, sizeof error, &offset));
  assert_string_equal(error, "missing closing parenthesis");
  assert_int_equal(offset, 18);
  assert_null(ll_pattern_new("a{2,1}", error, sizeof error, &offset));
  assert_string_equal(error, "numbers out of order in {} quantifier");
  assert_int_equal(offset, 5);
  assert_null(ll_pattern_new("on[z-a]", error, sizeof error, &offset));
  assert_string_equal(error, "range out of order in character class");
  assert_int_equal(offset, 5);
  assert_null(ll_pattern_new("(?<n>a)(?<n>b)", error, sizeof error, &offset));
  assert_string_equal(error, "two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
  assert_int_equal(offset, 12);
  // The pattern itself must be UTF-8; the offset points at the bad byte.
  assert_null(ll_pattern_new("ab\xff", error, sizeof error, &offset));
  assert_string_equal(error, "UTF-8 error: illegal byte (0xfe or 0xff)");
  assert_int_equal(offset, 2);
  // \C could stop inside a character: refused.
  assert_null(ll_pattern_new("a\\Cb", error, sizeof error, &offset));
  assert_string_equal(error, "using \\C is disabled by the application");
  assert_int_equal(offset, 3);
}

static void compile_error_buffers(void **state) {
  (void)state;
  // A short buffer gets a truncated, NUL-terminated message.
  char small[8];
  memset(small, 'x', sizeof small);
  size_t offset = 0;
  assert_null(ll_pattern_new("(", small, sizeof small, &offset));
  assert_string_equal(small, "missing");
  assert_int_equal(offset, 1);
  // Neither the message nor the offset is required.
  assert_null(ll_pattern_new("(", NULL, 0, NULL));
  char untouched[4] = "abc";
  assert_null(ll_pattern_new("(", untouched, 0, NULL));
  assert_string_equal(untouched, "abc");
}

static void anchored_and_unanchored_slices(void **state) {
  (void)state;
  ll_pattern *anchored = compile("^(app|router)\\.(get|post)$");
  ll_pattern *loose = compile("Cache");
  ll_pattern *suffix = compile("Cache$");
  const char *text = "router.postXYZ";
  // `$` matches at the end of the slice, not of the buffer it was cut from.
  ll_str post = exact(text, 11); // "router.post"
  assert_int_equal(ll_pattern_match(anchored, post), LL_MATCH_YES);
  free((void *)post.ptr);
  ll_str whole = exact(text, 14);
  assert_int_equal(ll_pattern_match(anchored, whole), LL_MATCH_NO);
  free((void *)whole.ptr);
  ll_str cut = exact(text, 10); // "router.pos"
  assert_int_equal(ll_pattern_match(anchored, cut), LL_MATCH_NO);
  free((void *)cut.ptr);
  // A slice from the middle of a line, as the analyzer passes identifiers.
  const char *line = "const c = new LRUCache(100);";
  ll_str name = {line + 14, 8}; // "LRUCache"
  assert_int_equal(ll_pattern_match(suffix, name), LL_MATCH_YES);
  ll_str longer = {line + 14, 9}; // "LRUCache("
  assert_int_equal(ll_pattern_match(suffix, longer), LL_MATCH_NO);
  assert_int_equal(ll_pattern_match(loose, longer), LL_MATCH_YES);
  assert_int_equal(match(loose, "myCacheMap"), LL_MATCH_YES);
  assert_int_equal(match(loose, "cache"), LL_MATCH_NO); // case-sensitive
  // An empty subject, with or without a pointer.
  ll_pattern *empty = compile("^$");
  assert_int_equal(ll_pattern_match(empty, (ll_str){NULL, 0}), LL_MATCH_YES);
  assert_int_equal(ll_pattern_match(loose, (ll_str){NULL, 0}), LL_MATCH_NO);
  assert_int_equal(ll_pattern_match(empty, (ll_str){"x", 0}), LL_MATCH_YES);
  // Captures beyond the one pair of offsets a match needs do not matter.
  ll_pattern *groups = compile("^(a)(b)(c)(d)$");
  assert_int_equal(match(groups, "abcd"), LL_MATCH_YES);
  ll_pattern_delete(groups);
  ll_pattern_delete(empty);
  ll_pattern_delete(anchored);
  ll_pattern_delete(loose);
  ll_pattern_delete(suffix);
}

static void utf8_subjects(void **state) {
  (void)state;
  ll_pattern *one = compile("^é.$"); // `.` is one code point in UTF mode, not one byte
  assert_int_equal(match(one, "é漢"), LL_MATCH_YES);
  assert_int_equal(match(one, "é😀"), LL_MATCH_YES);
  assert_int_equal(match(one, "éab"), LL_MATCH_NO);
  // Cut inside the emoji: the slice ends with an incomplete sequence, which matches nothing.
  ll_str cut = exact("é😀", 4);
  assert_int_equal(ll_pattern_match(one, cut), LL_MATCH_NO);
  free((void *)cut.ptr);
  // Invalid bytes never match, but are not an error either, and valid text around them still
  // matches.
  assert_int_equal(match(one, "é\xff"), LL_MATCH_NO);
  ll_pattern *suffix = compile("Cache$");
  assert_int_equal(match(suffix, "\xff\xfeLRUCache"), LL_MATCH_YES);
  assert_int_equal(match(suffix, "LRUCache\xc0\xaf"), LL_MATCH_NO);
  ll_pattern *any = compile("^.+$");
  assert_int_equal(match(any, "ab\xed\xa0\x80"), LL_MATCH_NO); // an encoded surrogate
  assert_int_equal(match(any, "ab"), LL_MATCH_YES);
  // Caseless matching folds non-ASCII letters too.
  ll_pattern *caseless = compile("(?i)^ÉTÉ$");
  assert_int_equal(match(caseless, "été"), LL_MATCH_YES);
  ll_pattern_delete(caseless);
  ll_pattern_delete(any);
  ll_pattern_delete(suffix);
  ll_pattern_delete(one);
}

static void catastrophic_backtracking_hits_the_limit(void **state) {
  (void)state;
  // Nested quantifiers over 63 letters and one byte that makes every way of splitting them fail:
  // about 2^63 attempts without a limit.
  static const char *const patterns[] = {"^(a+)+$", "^(a|aa)+$", "^(a|a?)+$", "^(\\w+\\s?)+$"};
  for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
    ll_pattern *p = compile(patterns[i]);
    char subject[65];
    memset(subject, 'a', 64);
    subject[63] = i == 3 ? '!' : 'b';
    subject[64] = '\0';
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    assert_int_equal(match(p, subject), LL_MATCH_LIMIT);
    // Stopped by the limit in milliseconds (the bound is generous for sanitizer builds).
    assert_true(seconds_since(&start) < 5.0);
    // The same pattern still answers subjects that match or fail fast.
    subject[63] = 'a';
    assert_int_equal(match(p, subject), LL_MATCH_YES);
    assert_int_equal(match(p, "!"), LL_MATCH_NO);
    ll_pattern_delete(p);
  }
  assert_true(LL_MATCH_LIMIT < 0 && LL_MATCH_ERROR < 0 && LL_MATCH_LIMIT != LL_MATCH_ERROR);
}

static void source_is_copied(void **state) {
  (void)state;
  char source[] = "^on$";
  ll_pattern *p = compile(source);
  source[1] = 'x';
  assert_string_equal(ll_pattern_source(p), "^on$");
  assert_int_equal(match(p, "on"), LL_MATCH_YES);
  ll_pattern_delete(p);
  ll_pattern_delete(NULL);
}

typedef struct worker {
  const ll_pattern *pattern;
  int wrong;
} worker;

static void *match_many(void *data) {
  worker *w = data;
  char text[32];
  for (int i = 0; i < 5000; i++) {
    int n = i % 3;
    // Matches when the method is one of the three names, not otherwise.
    const char *name = n == 0 ? "addListener" : n == 1 ? "on" : "emit";
    size_t len = strlen(name);
    memcpy(text, name, len);
    text[len] = 'X'; // right after the slice: must not be read
    ll_match want = n == 2 ? LL_MATCH_NO : LL_MATCH_YES;
    if (ll_pattern_match(w->pattern, (ll_str){text, (uint32_t)len}) != want) w->wrong++;
  }
  return NULL;
}

static void threads_share_a_pattern(void **state) {
  (void)state;
  ll_pattern *p = compile("^(on|addListener|prependListener)$");
  enum { THREADS = 4 };
  pthread_t threads[THREADS];
  worker workers[THREADS];
  for (int i = 0; i < THREADS; i++) {
    workers[i] = (worker){p, 0};
    assert_int_equal(pthread_create(&threads[i], NULL, match_many, &workers[i]), 0);
  }
  for (int i = 0; i < THREADS; i++) {
    assert_int_equal(pthread_join(threads[i], NULL), 0);
    assert_int_equal(workers[i].wrong, 0);
  }
  ll_pattern_delete(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(compile_errors_give_message_and_offset),
      cmocka_unit_test(compile_error_buffers),
      cmocka_unit_test(anchored_and_unanchored_slices),
      cmocka_unit_test(utf8_subjects),
      cmocka_unit_test(catastrophic_backtracking_hits_the_limit),
      cmocka_unit_test(source_is_copied),
      cmocka_unit_test(threads_share_a_pattern),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
