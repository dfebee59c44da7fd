// The PCRE2 pattern module: compile errors with offsets, matching slices, UTF-8, and the limits
// that stop catastrophic backtracking.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analyzer/pattern.h"

static ll_str slice(const char *text, size_t len) {
  return (ll_str){text, (uint32_t)len};
}

static void compile_error_names_the_offset(void **state) {
  (void)state;
  char error[256];
  size_t offset = 0;
  assert_null(ll_pattern_new("^(app|router\\.get$", error, sizeof error, &offset));
  assert_int_equal(offset, 18);
  assert_non_null(strstr(error, "missing closing parenthesis"));
  assert_null(ll_pattern_new("a{2,1}", error, sizeof error, &offset));
  assert_int_equal(offset, 5);
}

static void matches_slices_without_a_terminator(void **state) {
  (void)state;
  char error[64];
  size_t offset;
  ll_pattern *p = ll_pattern_new("^(app|router)\\.(get|post)$", error, sizeof error, &offset);
  assert_non_null(p);
  const char *text = "router.postXYZ";
  assert_int_equal(ll_pattern_match(p, slice(text, 11)), LL_MATCH_YES); // "router.post"
  assert_int_equal(ll_pattern_match(p, slice(text, 14)), LL_MATCH_NO);
  assert_int_equal(ll_pattern_match(p, slice("app.get", 7)), LL_MATCH_YES);
  assert_int_equal(ll_pattern_match(p, slice("", 0)), LL_MATCH_NO);
  assert_string_equal(ll_pattern_source(p), "^(app|router)\\.(get|post)$");
  ll_pattern_delete(p);
}

static void unanchored_and_utf8(void **state) {
  (void)state;
  char error[64];
  size_t offset;
  ll_pattern *p = ll_pattern_new("Cache$", error, sizeof error, &offset);
  assert_non_null(p);
  assert_int_equal(ll_pattern_match(p, slice("LRUCache", 8)), LL_MATCH_YES);
  assert_int_equal(ll_pattern_match(p, slice("LRUCacheX", 9)), LL_MATCH_NO);
  ll_pattern_delete(p);
  p = ll_pattern_new("^é.$", error, sizeof error, &offset); // `.` is one code point in UTF mode
  assert_non_null(p);
  assert_int_equal(ll_pattern_match(p, slice("é漢", strlen("é漢"))), LL_MATCH_YES);
  // Invalid UTF-8 in the subject is an error, never a read past the slice.
  assert_int_equal(ll_pattern_match(p, slice("\xC3\xA9\xFF", 3)), LL_MATCH_ERROR);
  ll_pattern_delete(p);
}

static void catastrophic_backtracking_hits_the_limit(void **state) {
  (void)state;
  char error[64];
  size_t offset;
  ll_pattern *p = ll_pattern_new("^(a+)+$", error, sizeof error, &offset);
  assert_non_null(p);
  char subject[64];
  memset(subject, 'a', sizeof subject);
  subject[sizeof subject - 1] = 'b';
  clock_t start = clock();
  assert_int_equal(ll_pattern_match(p, slice(subject, sizeof subject)), LL_MATCH_LIMIT);
  // Stopped by the limit, not by running out of patience: well under a second.
  assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
  ll_pattern_delete(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(compile_error_names_the_offset),
      cmocka_unit_test(matches_slices_without_a_terminator),
      cmocka_unit_test(unanchored_and_utf8),
      cmocka_unit_test(catastrophic_backtracking_hits_the_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
