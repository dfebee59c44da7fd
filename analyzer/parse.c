// The parser: tree-sitter with the JavaScript grammar, one per thread, and a time limit per file
// through tree-sitter 0.25's progress callback, so that no input can hang a pre-commit hook.
#include "analyzer/parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyzer/arena.h"
#include "analyzer/ast.h"
#include "analyzer/grammar.h"

struct ll_parser {
  TSParser *ts;
  double timeout_seconds;
  struct timespec deadline;
};

ll_parser *ll_parser_new(double timeout_seconds) {
  ll_parser *parser = ll_xcalloc(1, sizeof *parser);
  parser->ts = ts_parser_new();
  parser->timeout_seconds = timeout_seconds;
  ts_parser_set_language(parser->ts, ll_js.language);
  return parser;
}

void ll_parser_delete(ll_parser *parser) {
  if (!parser) return;
  ts_parser_delete(parser->ts);
  free(parser);
}

static bool past_deadline(TSParseState *state) {
  const ll_parser *parser = state->payload;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > parser->deadline.tv_sec ||
         (now.tv_sec == parser->deadline.tv_sec && now.tv_nsec >= parser->deadline.tv_nsec);
}

typedef struct buffer {
  const char *text;
  uint32_t len;
} buffer;

static const char *read_buffer(void *payload, uint32_t byte, TSPoint position,
                               uint32_t *bytes_read) {
  (void)position;
  const buffer *input = payload;
  if (byte >= input->len) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = input->len - byte;
  return input->text + byte;
}

TSTree *ll_parser_parse(ll_parser *parser, const char *text, uint32_t len) {
  clock_gettime(CLOCK_MONOTONIC, &parser->deadline);
  double whole = (double)(long)parser->timeout_seconds;
  parser->deadline.tv_sec += (time_t)whole;
  parser->deadline.tv_nsec += (long)((parser->timeout_seconds - whole) * 1e9);
  if (parser->deadline.tv_nsec >= 1000000000L) {
    parser->deadline.tv_sec++;
    parser->deadline.tv_nsec -= 1000000000L;
  }
  buffer source = {text, len};
  TSInput input = {.payload = &source, .read = read_buffer, .encoding = TSInputEncodingUTF8};
  TSParseOptions options = {.payload = parser, .progress_callback = past_deadline};
  TSTree *tree = ts_parser_parse_with_options(parser->ts, NULL, input, options);
  ll_ast_forget();
  // A cancelled parse would otherwise be resumed by the next call, on the next file's text.
  if (!tree) ts_parser_reset(parser->ts);
  return tree;
}

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c == '-' || (unsigned char)c >= 0x80;
}

uint32_t ll_parser_patch_jsx_attributes(const char *text, uint32_t len, char *out) {
  static const char *const reserved[] = {
      "break",  "case",     "catch",  "class",  "const",  "continue",   "debugger", "default",
      "delete", "do",       "else",   "enum",   "export", "extends",    "false",    "finally",
      "for",    "function", "if",     "import", "in",     "instanceof", "new",      "null",
      "return", "super",    "switch", "this",   "throw",  "true",       "try",      "typeof",
      "var",    "void",     "while",  "with",   NULL};
  memcpy(out, text, len);
  uint32_t changed = 0;
  for (uint32_t i = 1; i + 1 < len; i++) {
    char c = text[i];
    if (c < 'a' || c > 'z' || is_name_char(text[i - 1])) continue;
    // Before the word: white space, and before that the end of a tag name or attribute.
    uint32_t before = i;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' ||
                          text[before - 1] == '\n' || text[before - 1] == '\r'))
      before--;
    if (before == i || before == 0) continue;
    char prev = text[before - 1];
    if (!(is_name_char(prev) || prev == '"' || prev == '\'' || prev == '}')) continue;
    uint32_t end = i;
    while (end < len && text[end] >= 'a' && text[end] <= 'z')
      end++;
    if (end == len || text[end] != '=' ||
        (end + 1 < len && (text[end + 1] == '=' || text[end + 1] == '>')))
      continue;
    for (const char *const *word = reserved; *word; word++)
      if (strlen(*word) == end - i && memcmp(text + i, *word, end - i) == 0) {
        out[i] = (char)(c - 'a' + 'A');
        changed++;
        break;
      }
    i = end;
  }
  return changed;
}
