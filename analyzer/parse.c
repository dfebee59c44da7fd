// The parser: tree-sitter with the JavaScript grammar, one per thread, and a time limit per file
// through tree-sitter 0.25's progress callback, so that no input can hang a pre-commit hook.
#include "analyzer/parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "analyzer/arena.h"
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
  // A cancelled parse would otherwise be resumed by the next call, on the next file's text.
  if (!tree) ts_parser_reset(parser->ts);
  return tree;
}
