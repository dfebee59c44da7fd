// Line tables and positions: LF, CRLF, lone CR, mixed endings, a last line with or without a
// terminator, columns in UTF-16 code units (what editors and SARIF count) for ASCII, 2-, 3- and
// 4-byte characters and invalid UTF-8, ll_source_line, and the UTF-8 decoder itself.
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
  if (p.line != line || p.column != column)
    fail_msg("byte %u: expected %u:%u, got %u:%u", byte, line, column, p.line, p.column);
}

static void assert_line(const ll_source *s, uint32_t line, const char *text) {
  ll_str got = ll_source_line(s, line);
  if (!ll_str_eq(got, text))
    fail_msg("line %u: expected \"%s\", got \"%.*s\"", line, text, (int)got.len, got.ptr);
}

static void line_feeds(void **state) {
  (void)state;
  ll_source s = make("a\nbc\n\nd");
  assert_int_equal(s.n_lines, 4);
  assert_int_equal(s.line_start[0], 0);
  assert_int_equal(s.line_start[1], 2);
  assert_int_equal(s.line_start[2], 5);
  assert_int_equal(s.line_start[3], 6);
  assert_position(&s, 0, 1, 1);
  assert_position(&s, 1, 1, 2);    // the '\n' itself belongs to the line it ends
  assert_position(&s, 3, 2, 2);    // 'c'
  assert_position(&s, 5, 3, 1);    // the empty line
  assert_position(&s, 6, 4, 1);    // 'd', on a last line without a terminator
  assert_position(&s, 7, 4, 2);    // the end of the text
  assert_position(&s, 1000, 4, 2); // clamped to the end
  // A terminator at the very end starts one more, empty, line.
  ll_source ended = make("a\n");
  assert_int_equal(ended.n_lines, 2);
  assert_position(&ended, 2, 2, 1);
  ll_source empty = make("");
  assert_int_equal(empty.n_lines, 1);
  assert_position(&empty, 0, 1, 1);
}

static void carriage_returns(void **state) {
  (void)state;
  ll_source crlf = make("a\r\nbc\r\nd");
  assert_int_equal(crlf.n_lines, 3);
  assert_int_equal(crlf.line_start[1], 3);
  assert_position(&crlf, 2, 1, 3); // the '\n' of "\r\n" is still on line 1
  assert_position(&crlf, 4, 2, 2); // 'c'
  assert_position(&crlf, 7, 3, 1); // 'd'
  ll_source cr = make("a\rb\rc");
  assert_int_equal(cr.n_lines, 3);
  assert_position(&cr, 2, 2, 1);
  assert_position(&cr, 4, 3, 1);
  ll_source cr_end = make("a\r");
  assert_int_equal(cr_end.n_lines, 2);
  // "\r\r\n" is a lone CR followed by a CRLF: two line ends, not three.
  ll_source doubled = make("a\r\r\nb");
  assert_int_equal(doubled.n_lines, 3);
  assert_position(&doubled, 4, 3, 1);
  // "\n\r" is two line ends: LF, then a lone CR.
  ll_source reversed = make("a\n\rb");
  assert_int_equal(reversed.n_lines, 3);
  assert_position(&reversed, 3, 3, 1);
  ll_source mixed = make("a\r\n\rb\nc");
  assert_int_equal(mixed.n_lines, 4);
  assert_position(&mixed, 4, 3, 1); // 'b'
  assert_position(&mixed, 6, 4, 1); // 'c'
}

static void utf16_columns(void **state) {
  (void)state;
  const char *text = "x = \"😀漢字é\"; y";
  ll_source s = make(text);
  uint32_t y = (uint32_t)(strchr(text, 'y') - text);
  // `x = "` is 5 units, the emoji 2 (a surrogate pair), each CJK character 1, é 1, then `"; `.
  assert_position(&s, y, 1, 1 + 5 + 2 + 1 + 1 + 1 + 3);
  assert_position(&s, 5, 1, 6);      // the emoji starts at column 6
  assert_position(&s, 9, 1, 8);      // 漢 follows the pair
  assert_position(&s, 12, 1, 9);     // 字
  assert_position(&s, 15, 1, 10);    // é
  ll_source second = make("漢\n😀y"); // columns restart on each line
  assert_position(&second, 8, 2, 3);
}

static void invalid_utf8_counts_one_unit_per_byte(void **state) {
  (void)state;
  static const struct {
    const char *text; // ends with " z"
    uint32_t bad;     // bytes before the space, each one unit
  } cases[] = {
      {"\xff\xfe z", 2},         // bytes that never occur in UTF-8
      {"\x80\xbf z", 2},         // stray continuation bytes
      {"\xe6\xbc z", 2},         // a 3-byte sequence cut short
      {"\xf0\x9f\x98 z", 3},     // a 4-byte sequence cut short
      {"\xc0\xaf z", 2},         // overlong '/'
      {"\xc1\xbf z", 2},         // overlong
      {"\xe0\x80\xaf z", 3},     // overlong 3-byte form
      {"\xf0\x80\x80\xaf z", 4}, // overlong 4-byte form
      {"\xed\xa0\x80 z", 3},     // a UTF-16 surrogate, U+D800
      {"\xed\xbf\xbf z", 3},     // U+DFFF
      {"\xf4\x90\x80\x80 z", 4}, // past U+10FFFF
      {"\xf5\x80\x80\x80 z", 4}, // a lead byte that cannot occur
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ll_source s = make(cases[i].text);
    ll_position p = ll_source_position(&s, cases[i].bad + 1);
    if (p.line != 1 || p.column != cases[i].bad + 2)
      fail_msg("case %zu: 'z' at column %u, expected %u", i, p.column, cases[i].bad + 2);
  }
  // The edges of the valid ranges are still one character.
  ll_source edges = make("\xed\x9f\xbf\xee\x80\x80\xf4\x8f\xbf\xbf\xf0\x90\x80\x80z");
  assert_position(&edges, 14, 1, 1 + 1 + 1 + 2 + 2); // U+D7FF, U+E000, U+10FFFF, U+10000
}

static void utf8_sequence_lengths(void **state) {
  (void)state;
  static const struct {
    const char *bytes;
    size_t len, want;
  } cases[] = {
      {"a", 1, 1},
      {"\x7f", 1, 1},
      {"\xc2\x80", 2, 2},
      {"\xdf\xbf", 2, 2},
      {"\xe0\xa0\x80", 3, 3},
      {"\xef\xbf\xbf", 3, 3},
      {"\xf0\x90\x80\x80", 4, 4},
      {"\xf4\x8f\xbf\xbf", 4, 4},
      {"\xc2", 1, 0},             // truncated by the end of the slice
      {"\xe6\xbc\xa2", 2, 0},     // the same, the third byte lies past `end`
      {"\xc2\x41", 2, 0},         // not a continuation byte
      {"\xe6\x41\x80", 3, 0},     // the same, in the middle
      {"\xc0\x80", 2, 0},         // overlong NUL
      {"\xe0\x9f\xbf", 3, 0},     // overlong
      {"\xf0\x8f\xbf\xbf", 4, 0}, // overlong
      {"\xed\xa0\x80", 3, 0},     // surrogate
      {"\xf4\x90\x80\x80", 4, 0}, // past U+10FFFF
      {"\xf8\x88\x80\x80", 4, 0}, // a 5-byte form
      {"\x80", 1, 0},             // a lone continuation byte
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const unsigned char *p = (const unsigned char *)cases[i].bytes;
    size_t got = ll_utf8_sequence(p, p + cases[i].len);
    if (got != cases[i].want) fail_msg("case %zu: %zu, expected %zu", i, got, cases[i].want);
  }
}

static void line_text(void **state) {
  (void)state;
  ll_source s = make("first\r\nsecond\nthird\rfourth\n\nlast");
  assert_int_equal(s.n_lines, 6);
  assert_line(&s, 1, "first");
  assert_line(&s, 2, "second");
  assert_line(&s, 3, "third");
  assert_line(&s, 4, "fourth");
  assert_line(&s, 5, "");
  assert_line(&s, 6, "last");
  assert_int_equal(ll_source_line(&s, 7).len, 0);
  assert_int_equal(ll_source_line(&s, 0).len, 0);
  // The slice points into the source; it is not a copy.
  assert_ptr_equal(ll_source_line(&s, 2).ptr, s.text + 7);
  ll_source ended = make("only\n");
  assert_line(&ended, 1, "only");
  assert_line(&ended, 2, "");
}

static void str_eq(void **state) {
  (void)state;
  const char *text = "cachex";
  assert_true(ll_str_eq((ll_str){text, 5}, "cache"));
  assert_false(ll_str_eq((ll_str){text, 6}, "cache"));
  assert_false(ll_str_eq((ll_str){text, 4}, "cache"));
  assert_true(ll_str_eq((ll_str){text, 0}, ""));
}

static void many_lines(void **state) {
  (void)state;
  static char text[200001];
  memset(text, '\n', sizeof text - 1);
  ll_source s = make(text);
  assert_int_equal(s.n_lines, 200001);
  assert_position(&s, 150000, 150001, 1);
  assert_position(&s, 200000, 200001, 1);
  static char crlf[200001];
  for (size_t i = 0; i + 1 < sizeof crlf; i += 2)
    memcpy(crlf + i, "\r\n", 2);
  ll_source c = make(crlf);
  assert_int_equal(c.n_lines, 100001);
  assert_position(&c, 150000, 75001, 1);
}

int main(void) {
  ll_arena_init(&arena);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(line_feeds),
      cmocka_unit_test(carriage_returns),
      cmocka_unit_test(utf16_columns),
      cmocka_unit_test(invalid_utf8_counts_one_unit_per_byte),
      cmocka_unit_test(utf8_sequence_lengths),
      cmocka_unit_test(line_text),
      cmocka_unit_test(str_eq),
      cmocka_unit_test(many_lines),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  ll_arena_fini(&arena);
  return failed;
}
