// Line tables and positions: LF, CRLF, lone CR, a last line without a terminator, and columns
// in UTF-16 code units (what editors and SARIF count).
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/source.h"

static ll_arena arena;

static ll_source make(const char *text) {
  ll_source source;
  ll_source_init(&source, &arena, "t.js", text, (uint32_t)strlen(text));
  return source;
}

static void assert_position(const ll_source *s, uint32_t byte, uint32_t line, uint32_t column) {
  ll_position p = ll_source_position(s, byte);
  assert_int_equal(p.line, line);
  assert_int_equal(p.column, column);
}

static void line_endings(void **state) {
  (void)state;
  ll_source lf = make("a\nbc\n\nd");
  assert_int_equal(lf.n_lines, 4);
  assert_position(&lf, 3, 2, 2); // 'c'
  assert_position(&lf, 6, 4, 1); // 'd'
  ll_source crlf = make("a\r\nbc\r\nd");
  assert_int_equal(crlf.n_lines, 3);
  assert_position(&crlf, 4, 2, 2); // 'c'
  assert_position(&crlf, 7, 3, 1); // 'd'
  ll_source cr = make("a\rb\rc");
  assert_int_equal(cr.n_lines, 3);
  assert_position(&cr, 4, 3, 1);
  ll_source mixed = make("a\r\n\rb\nc");
  assert_int_equal(mixed.n_lines, 4);
  assert_position(&mixed, 4, 3, 1); // 'b'
  // Past the end clamps to the end.
  assert_position(&lf, 1000, 4, 2);
}

static void utf16_columns(void **state) {
  (void)state;
  const char *text = "x = \"😀漢字\"; y";
  ll_source s = make(text);
  uint32_t y = (uint32_t)(strchr(text, 'y') - text);
  // `x = "` is 5 units, the emoji 2 (a surrogate pair), each CJK character 1, then `"; `.
  assert_position(&s, y, 1, 1 + 5 + 2 + 2 + 3);
  ll_source invalid = make("\xff\xfe z");
  assert_position(&invalid, 3, 1, 4);       // each invalid byte counts one unit
  ll_source truncated = make("\xe6\xbc z"); // a 3-byte sequence cut short
  assert_position(&truncated, 3, 1, 4);
}

static void line_text(void **state) {
  (void)state;
  ll_source s = make("first\r\nsecond\nthird");
  assert_true(ll_str_eq(ll_source_line(&s, 1), "first"));
  assert_true(ll_str_eq(ll_source_line(&s, 2), "second"));
  assert_true(ll_str_eq(ll_source_line(&s, 3), "third"));
  assert_int_equal(ll_source_line(&s, 4).len, 0);
  assert_int_equal(ll_source_line(&s, 0).len, 0);
}

static void many_lines(void **state) {
  (void)state;
  static char text[200001];
  memset(text, '\n', sizeof text - 1);
  ll_source s = make(text);
  assert_int_equal(s.n_lines, 200001);
  assert_position(&s, 150000, 150001, 1);
}

int main(void) {
  ll_arena_init(&arena);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(line_endings),
      cmocka_unit_test(utf16_columns),
      cmocka_unit_test(line_text),
      cmocka_unit_test(many_lines),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  ll_arena_fini(&arena);
  return failed;
}
