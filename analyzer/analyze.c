// The per-file pipeline and its lifetimes. Everything a file needs lives in one arena that is
// reset when the next file starts; the syntax tree is deleted at the same moment. A file that
// cannot be read, is too large, or is not text gets a status and a message, never an abort.
#include "analyzer/analyze.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/binder.h"
#include "analyzer/facts.h"
#include "analyzer/generated.h"
#include "analyzer/parse.h"
#include "analyzer/registry.h"

struct ll_analyzer {
  ll_analyzer_options options;
  ll_parser *parser;
  ll_arena arena;
  TSTree *tree; // of the current file
  ll_stats stats;
  ll_source source;
};

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

ll_analyzer *ll_analyzer_new(const ll_analyzer_options *options) {
  ll_analyzer *an = ll_xcalloc(1, sizeof *an);
  an->options = *options;
  an->parser = ll_parser_new(options->parse_timeout);
  ll_arena_init(&an->arena);
  return an;
}

static void release_file(ll_analyzer *an) {
  if (an->tree) ts_tree_delete(an->tree);
  an->tree = NULL;
  ll_arena_reset(&an->arena);
}

void ll_analyzer_delete(ll_analyzer *an) {
  if (!an) return;
  release_file(an);
  ll_arena_fini(&an->arena);
  ll_parser_delete(an->parser);
  free(an);
}

ll_stats *ll_analyzer_stats(ll_analyzer *an) {
  return &an->stats;
}

static void fail(ll_analyzer *an, ll_file_result *result, ll_status status, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(ll_analyzer *an, ll_file_result *result, ll_status status, const char *format,
                 ...) {
  va_list args;
  va_start(args, format);
  result->status = status;
  result->error = ll_arena_vprintf(&an->arena, format, args);
  va_end(args);
}

static ll_source_kind kind_of_path(const char *path) {
  const char *dot = strrchr(path, '.');
  if (dot && strcmp(dot, ".mjs") == 0) return LL_SOURCE_MODULE;
  if (dot && strcmp(dot, ".cjs") == 0) return LL_SOURCE_SCRIPT;
  return LL_SOURCE_DETECT;
}

static void describe_syntax_error(ll_analyzer *an, const ll_scope_model *model, ll_finding *f) {
  TSNode node = model->first_error;
  f->rule = &ll_rule_syntax_error;
  f->start_byte = ts_node_start_byte(node);
  f->end_byte = ts_node_end_byte(node);
  if (ts_node_is_missing(node)) {
    f->message = ll_arena_printf(&an->arena, "syntax error: missing `%s`", ts_node_type(node));
    return;
  }
  // Quote the start of the unexpected text: up to the end of its line, at most 20 bytes.
  const char *text = an->source.text + f->start_byte;
  uint32_t len = f->end_byte - f->start_byte, shown = 0;
  while (shown < len && shown < 20 && text[shown] != '\n' && text[shown] != '\r' &&
         text[shown] != '`')
    shown++;
  while (shown < len && shown > 0 && ((unsigned char)text[shown] & 0xC0) == 0x80)
    shown--;
  if (shown == 0)
    f->message = ll_arena_printf(&an->arena, "syntax error: unexpected end of input");
  else
    f->message = ll_arena_printf(&an->arena, "syntax error: unexpected `%.*s%s`", (int)shown, text,
                                 shown < len && text[shown] != '\n' ? "..." : "");
}

// Analyses an->source, which holds the file's text.
// The visit that every tree-sitter based analysis pays for at least once; its node count is
// returned so that the compiler cannot drop the walk.
static uint64_t walk_every_node(const TSTree *tree) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  uint64_t nodes = 0;
  for (;;) {
    nodes++;
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor))
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return nodes;
      }
  }
}

static void analyze_loaded(ll_analyzer *an, const ll_config *config, const char *path,
                           ll_file_result *result) {
  ll_stats *stats = &an->stats;
  double t0 = now_seconds();
  an->tree = ll_parser_parse(an->parser, an->source.text, an->source.len);
  if (an->options.parse_only) {
    if (an->tree) stats->nodes += walk_every_node(an->tree);
    stats->parse_seconds += now_seconds() - t0;
    return;
  }
  if (an->tree && ts_node_has_error(ts_tree_root_node(an->tree))) {
    // Maybe one of the grammar's gaps (reserved-word JSX attributes, a variable named `using`):
    // parse a patched copy (same byte offsets) and keep its tree. The patch only touches text that
    // is an error in plain code, so that tree is never worse, and any real error is then reported
    // where it is. The original text stays the source.
    char *patched = ll_arena_alloc(&an->arena, (size_t)an->source.len + 1);
    if (ll_parser_patch_grammar_gaps(an->source.text, an->source.len, patched)) {
      TSTree *retry = ll_parser_parse(an->parser, patched, an->source.len);
      if (retry) {
        ts_tree_delete(an->tree);
        an->tree = retry;
      }
    }
  }
  double t1 = now_seconds();
  stats->parse_seconds += t1 - t0;
  if (!an->tree) {
    fail(an, result, LL_ERR_PARSE_LIMIT, "parsing took longer than %.0f seconds; file skipped",
         an->options.parse_timeout);
    return;
  }
  const ll_engine *engine = ll_config_engine(config);
  const ll_scope_model *model = ll_bind(&an->arena, &an->source, an->tree, kind_of_path(path),
                                        ll_engine_visit_filter(engine));
  const ll_facts *facts = ll_facts_build(&an->arena, &an->source, model, ll_config_vocab(config));
  double t2 = now_seconds();
  stats->bind_seconds += t2 - t1;

  ll_finding *findings = NULL;
  size_t n = 0;
  ll_severity syntax_severity = ll_config_severity(config, &ll_rule_syntax_error);
  if (!ts_node_is_null(model->first_error) && syntax_severity != LL_OFF) {
    findings = ll_arena_alloc(&an->arena, sizeof *findings);
    findings[0].severity = syntax_severity;
    describe_syntax_error(an, model, &findings[0]);
    n = 1;
    result->has_syntax_error = true;
  }
  ll_engine_run(engine, &an->arena, &an->source, model, facts, &findings, &n);
  result->links = ll_project_links(facts, &an->arena, &result->n_links);
  n = ll_findings_finish(findings, n, &an->source);
  ll_suppress_result suppressed;
  ll_suppress_apply(&an->arena, &an->source, an->tree, findings, n,
                    ll_config_severity(config, &ll_rule_unused_disable), &suppressed);
  result->findings = suppressed.findings;
  result->n_findings = suppressed.n_findings;
  // Every finding has a trace: the ones made outside the rules' walk (syntax-error,
  // unused-disable) have their own place as its one step.
  for (size_t i = 0; i < result->n_findings; i++) {
    ll_finding *f = &result->findings[i];
    if (f->n_trace) continue;
    ll_trace_step *step = ll_arena_alloc(&an->arena, sizeof *step);
    *step = (ll_trace_step){f->start_byte, f->end_byte,   f->line,        f->column,
                            f->end_line,   f->end_column, "reported here"};
    f->trace = step;
    f->n_trace = 1;
  }
  result->notes = suppressed.notes;
  result->n_notes = suppressed.n_notes;
  stats->rules_seconds += now_seconds() - t2;
}

// Takes ownership of `text` (arena memory of `len` bytes plus a NUL). With `skip_generated`, a
// generated or minified file is left there, unparsed and uncounted.
static void analyze_text(ll_analyzer *an, const ll_config *config, const char *path, char *text,
                         size_t len, bool skip_generated, ll_file_result *result) {
  if (skip_generated && (result->generated = ll_generated_reason(text, len))) return;
  an->stats.files++;
  an->stats.bytes += len;
  if (memchr(text, '\0', len)) {
    size_t at = (size_t)((char *)memchr(text, '\0', len) - text);
    fail(an, result, LL_ERR_BINARY, "not a text file (NUL byte at offset %zu); file skipped", at);
    return;
  }
  // Editors do not count a byte order mark as a column; drop it so columns match theirs.
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  ll_source_init(&an->source, &an->arena, path, text, (uint32_t)len);
  result->source = &an->source;
  // Lines as `wc -l` and editors count them: a final line terminator does not start a line.
  bool terminated = len && (text[len - 1] == '\n' || text[len - 1] == '\r');
  an->stats.lines += an->source.n_lines - (terminated ? 1 : 0);
  analyze_loaded(an, config, path, result);
}

static void begin(ll_analyzer *an, const char *path, ll_file_result *result) {
  release_file(an);
  memset(result, 0, sizeof *result);
  memset(&an->source, 0, sizeof an->source);
  result->path = path;
}

void ll_analyzer_source(ll_analyzer *an, const ll_config *config, const char *path,
                        const char *text, size_t len, ll_file_result *result) {
  begin(an, path, result);
  if (len > an->options.max_file_size || len >= UINT32_MAX) {
    fail(an, result, LL_ERR_TOO_LARGE, "file too large (%zu bytes, --max-file-size is %llu)", len,
         (unsigned long long)an->options.max_file_size);
    return;
  }
  char *copy = ll_arena_alloc(&an->arena, len + 1);
  memcpy(copy, text, len);
  analyze_text(an, config, path, copy, len, false, result);
}

static void analyze_file(ll_analyzer *an, const ll_config *config, const char *path,
                         bool skip_generated, ll_file_result *result) {
  begin(an, path, result);
  double t0 = now_seconds();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    fail(an, result, errno == ENOENT ? LL_ERR_NOT_FOUND : LL_ERR_IO, "cannot open: %s",
         strerror(errno));
    return;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    fail(an, result, LL_ERR_IO, "cannot stat: %s", strerror(errno));
    close(fd);
    return;
  }
  if (!S_ISREG(st.st_mode)) {
    fail(an, result, LL_ERR_NOT_REGULAR, "not a regular file; skipped");
    close(fd);
    return;
  }
  if ((uint64_t)st.st_size > an->options.max_file_size || (uint64_t)st.st_size >= UINT32_MAX) {
    fail(an, result, LL_ERR_TOO_LARGE, "file too large (%lld bytes, --max-file-size is %llu)",
         (long long)st.st_size, (unsigned long long)an->options.max_file_size);
    close(fd);
    return;
  }
  // The file may grow between fstat and read: read at most the limit plus one byte to notice.
  size_t cap = (size_t)st.st_size + 1, len = 0;
  char *text = ll_arena_alloc(&an->arena, cap + 1);
  for (;;) {
    ssize_t got = read(fd, text + len, cap - len);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      fail(an, result, LL_ERR_IO, "cannot read: %s", strerror(errno));
      close(fd);
      return;
    }
    if (got == 0) break;
    len += (size_t)got;
    if (len == cap) {
      if (cap > an->options.max_file_size) break;
      text = ll_arena_grow(&an->arena, text, len, cap * 2 + 1, 1);
      cap *= 2;
    }
  }
  close(fd);
  an->stats.read_seconds += now_seconds() - t0;
  if (len > an->options.max_file_size) {
    fail(an, result, LL_ERR_TOO_LARGE, "file too large (over --max-file-size %llu bytes)",
         (unsigned long long)an->options.max_file_size);
    return;
  }
  text[len] = '\0';
  analyze_text(an, config, path, text, len, skip_generated, result);
}

void ll_analyzer_file(ll_analyzer *an, const ll_config *config, const char *path,
                      ll_file_result *result) {
  analyze_file(an, config, path, false, result);
}

void ll_analyzer_file_unless_generated(ll_analyzer *an, const ll_config *config, const char *path,
                                       ll_file_result *result) {
  analyze_file(an, config, path, true, result);
}
