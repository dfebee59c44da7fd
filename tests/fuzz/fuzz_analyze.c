// libFuzzer target: one input is one JavaScript file, run through the whole per-file pipeline the
// CLI runs (ll_analyzer_source: BOM and NUL handling, parse, the JSX-attribute retry, scopes,
// facts, every rule with its default severity, the findings' positions and fingerprints) and then
// through every reporter. The JSON and SARIF outputs must be valid JSON (checked with jansson);
// findings must have sane positions. Anything else is left to ASan, UBSan and LeakSanitizer.
//
// The first byte picks the file name, hence the source kind the binder assumes: .js and .jsx
// (detected), .mjs (module) or .cjs (script). The byte stays part of the text.
//
// Built by -DLEAKLINT_FUZZ=ON (clang only); tests/fuzz/run.sh configures, builds and runs it.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <jansson.h>

#include "analyzer/analyze.h"
#include "analyzer/arena.h"
#include "analyzer/grammar.h"
#include "analyzer/registry.h"
#include "analyzer/report.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Two configurations: the built-in one with unused-disable on (suppression comments in the
// input are applied and checked), and one with every vocabulary list and rule option set, so
// that configured patterns are matched against whatever the input's callees are.
static ll_config *configs[2];
static FILE *sink; // the text output goes nowhere

static const char vocabulary_config[] =
    "{\"rules\": {\"unused-disable\": \"error\", \"timer-leak\": \"error\",\n"
    "  \"listener-unbalanced\": [\"warning\", {\"ignoreEvents\": [\"^(error|close)$\"]}],\n"
    "  \"global-accumulator\": [\"warning\", {\"ignoreNames\": [\"^registry\"]}]},\n"
    " \"routeMethods\": [\"^(api|router)\\\\.(get|post)$\"],\n"
    " \"listenerAddMethods\": [\"\\\\.subscribe$\"],\n"
    " \"listenerRemoveMethods\": [\"\\\\.unsubscribe$\"],\n"
    " \"boundedCaches\": [\"Cache$\"], \"globals\": [\"^(jQuery|\\\\$)$\"],\n"
    " \"runsOnce\": [\"^(main|bootstrap|app\\\\.listen)$\"]}\n";

static ll_config *load_vocabulary_config(void) {
  char path[] = "/tmp/leaklint-fuzz-config-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) abort();
  if (write(fd, vocabulary_config, sizeof vocabulary_config - 1) !=
      (ssize_t)(sizeof vocabulary_config - 1))
    abort();
  close(fd);
  ll_config_flags flags = {0};
  ll_config *config = ll_config_load(path, &flags);
  unlink(path);
  return config;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  const char *missing = NULL;
  if (!ll_grammar_init(&missing)) {
    fprintf(stderr, "fuzz: the grammar has no '%s'\n", missing);
    abort();
  }
  ll_config_flags flags = {.report_unused_disable = true};
  configs[0] = ll_config_new_default(NULL, &flags);
  configs[1] = load_vocabulary_config();
  if (!configs[0] || !configs[1]) {
    fprintf(stderr, "fuzz: the configurations do not load\n");
    abort();
  }
  sink = fopen("/dev/null", "w");
  if (!sink) abort();
  // The configurations and the sink live for the whole process, as in a run.
  return 0;
}

static void check(bool ok, const char *what, const ll_file_result *result, size_t k) {
  if (ok) return;
  fprintf(stderr, "fuzz: invariant broken: %s (finding %zu of %zu)\n", what, k, result->n_findings);
  abort();
}

// The findings as ll_findings_finish promises them: positions inside the file, start before
// end, sorted, with a rule and a message.
static void check_findings(const ll_file_result *result) {
  const ll_source *src = result->source;
  for (size_t k = 0; k < result->n_findings; k++) {
    const ll_finding *f = &result->findings[k];
    check(f->rule && f->message && f->message[0], "a rule and a message", result, k);
    check(f->severity == LL_WARNING || f->severity == LL_ERROR, "a severity", result, k);
    check(f->suppression == LL_SUPPRESSED_NOT || f->rule != &ll_rule_syntax_error,
          "syntax errors are never suppressed", result, k);
    check(f->start_byte <= f->end_byte && f->end_byte <= src->len, "a byte range in the file",
          result, k);
    check(f->line >= 1 && f->column >= 1 && f->end_line >= 1 && f->end_column >= 1,
          "1-based positions", result, k);
    check(f->line <= src->n_lines && f->end_line <= src->n_lines, "lines in the file", result, k);
    check(f->line < f->end_line || (f->line == f->end_line && f->column <= f->end_column),
          "start before end", result, k);
    if (k)
      check(f[-1].line < f->line || (f[-1].line == f->line && f[-1].column <= f->column),
            "sorted by position", result, k);
  }
}

// What run.c's emit() gives a reporter for one file.
static void report(const ll_reporter_ops *ops, FILE *out, const ll_file_result *result) {
  ll_report_options options = {.color = true};
  void *state = ops->begin(out, &options);
  if (result->status != LL_OK) {
    ops->problem(state, result->path, LL_ERROR, result->error);
  } else {
    if (result->has_syntax_error)
      ops->problem(state, result->path, LL_WARNING,
                   "the file has syntax errors; code inside them was not analysed");
    if (result->n_findings) ops->file(state, result->path, result->findings, result->n_findings);
  }
  ops->finish(state, result->status == LL_OK);
}

// Reports in `format` to memory and checks that the output is one valid JSON document.
static void report_json(ll_format format, const ll_file_result *result) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  if (!out) abort();
  report(ll_report_ops(format), out, result);
  fclose(out);
  json_error_t error;
  json_t *doc = json_loadb(text, len, 0, &error);
  if (!doc) {
    fprintf(stderr, "fuzz: %s output is not valid JSON: %s at %d:%d\n%.*s\n",
            format == LL_FORMAT_JSON ? "json" : "sarif", error.text, error.line, error.column,
            (int)(len < 4000 ? len : 4000), text);
    abort();
  }
  json_decref(doc);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const names[] = {"fuzz.js", "fuzz.jsx", "fuzz.mjs", "fuzz.cjs"};
  const char *path = names[size ? data[0] % 4 : 0];
  // An analyzer per input: each crash then reproduces from its one file, and every input frees
  // all it allocated, so libFuzzer's malloc/free balance check only runs LeakSanitizer after a
  // real leak (an analyzer kept across inputs keeps an arena chunk and parser buffers, and the
  // full LeakSanitizer scan after each unbalanced input was most of the time). A small parse
  // timeout: the fuzzer's own -timeout is there for hangs outside the parser.
  ll_analyzer_options options = {.max_file_size = 1u << 20, .parse_timeout = 2.0};
  ll_analyzer *analyzer = ll_analyzer_new(&options);
  ll_file_result result;
  const ll_config *config = configs[size && (data[0] & 4) ? 1 : 0];
  ll_analyzer_source(analyzer, config, path, (const char *)data, size, &result);
  if (result.status == LL_OK) check_findings(&result);
  report(&ll_report_text, sink, &result);
  report(&ll_report_github, sink, &result);
  report_json(LL_FORMAT_JSON, &result);
  report_json(LL_FORMAT_SARIF, &result);
  ll_analyzer_delete(analyzer);
  return 0;
}
