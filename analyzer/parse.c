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

// Upper-cases text[i] (a lower-case letter) in `out`.
static void capitalize(char *out, uint32_t i) {
  out[i] = (char)(out[i] - 'a' + 'A');
}

// True when the text just before `at` (white space skipped already) is a tag name right after
// `<`: `<FormGroup`, `<Foo.Bar`, `<svg:rect`.
static bool after_tag_name(const char *text, uint32_t at) {
  uint32_t start = at;
  while (start > 0 &&
         (is_name_char(text[start - 1]) || text[start - 1] == '.' || text[start - 1] == ':'))
    start--;
  return start < at && start > 0 && text[start - 1] == '<';
}

uint32_t ll_parser_patch_grammar_gaps(const char *text, uint32_t len, char *out) {
  static const char *const reserved[] = {
      "break",  "case",     "catch",  "class",  "const",  "continue",   "debugger", "default",
      "delete", "do",       "else",   "enum",   "export", "extends",    "false",    "finally",
      "for",    "function", "if",     "import", "in",     "instanceof", "new",      "null",
      "return", "super",    "switch", "this",   "throw",  "true",       "try",      "typeof",
      "var",    "void",     "while",  "with",   NULL};
  // Valid before `>` in plain code (`this > 0`): never read as a bare attribute.
  static const char *const operands[] = {"false", "null", "this", "true", NULL};
  memcpy(out, text, len);
  uint32_t changed = 0;
  for (uint32_t i = 0; i + 1 < len; i++) {
    char c = text[i];
    if (c < 'a' || c > 'z' || (i > 0 && is_name_char(text[i - 1]))) continue;
    uint32_t end = i;
    while (end < len && text[end] >= 'a' && text[end] <= 'z')
      end++;
    if (end == len || is_name_char(text[end])) {
      i = end;
      continue;
    }
    uint32_t after = end; // the first character after the word and any white space
    while (after < len && (text[after] == ' ' || text[after] == '\t' || text[after] == '\n' ||
                           text[after] == '\r'))
      after++;
    bool assigned = after < len && text[after] == '=' &&
                    !(after + 1 < len && (text[after + 1] == '=' || text[after + 1] == '>'));
    // `using = function () {}`: a variable named `using` (jQuery UI), read as the start of a
    // `using` declaration, which is followed by a name, never by `=`.
    if (end - i == 5 && !memcmp(text + i, "using", 5) && assigned) {
      capitalize(out, i);
      changed++;
      i = end;
      continue;
    }
    // A JSX attribute: before the word, white space, and before that the end of a tag name or
    // attribute.
    uint32_t before = i;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t' ||
                          text[before - 1] == '\n' || text[before - 1] == '\r'))
      before--;
    char prev = before > 0 ? text[before - 1] : '\0';
    if (before == i || before == 0 ||
        !(is_name_char(prev) || prev == '"' || prev == '\'' || prev == '}')) {
      i = end;
      continue;
    }
    // `for="id"`; or bare: ending the tag (`<Fade in>`, `<FormGroup switch />`), or first after
    // the tag name and followed by another attribute (`<FormGroup switch inline>`,
    // `<Item in {...props} />`).
    bool ends_tag =
        after < len &&
        (text[after] == '>' || (text[after] == '/' && after + 1 < len && text[after + 1] == '>'));
    bool spread = after + 3 < len && !memcmp(text + after, "{...", 4);
    bool attribute_follows =
        after < len && (is_name_char(text[after]) || spread) && after_tag_name(text, before);
    const char *const *word = reserved;
    while (*word && (strlen(*word) != end - i || memcmp(text + i, *word, end - i) != 0))
      word++;
    if (*word) {
      // Words that plain code puts in the same places: an operand before `>` (`this > 0`), a
      // binary operator before a name (`key in map`).
      // And a type parameter's bound (`<T extends Base>`), in the grammars that have them.
      bool operand = false, binary = !strcmp(*word, "in") || !strcmp(*word, "instanceof") ||
                                     !strcmp(*word, "extends");
      for (const char *const *o = operands; *o; o++)
        operand = operand || !strcmp(*o, *word);
      bool patch = (assigned && end == after) ||
                   (!operand && (ends_tag || (attribute_follows && (!binary || spread))));
      if (patch) {
        capitalize(out, i);
        changed++;
      }
    }
    i = end;
  }
  return changed;
}
