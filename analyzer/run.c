// The run: the run-level lifetimes (options, engine, analyzer, reporter, output file) and the
// exit code. A bad file is reported on stderr and the run goes on; the report goes to a
// temporary file that replaces --output-file only once it is complete.
#include "analyzer/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/analyze.h"
#include "analyzer/files.h"
#include "analyzer/registry.h"

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static ll_engine *default_engine(void) {
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  ll_enabled_rule *enabled = ll_xmalloc(n * sizeof *enabled);
  for (size_t i = 0; i < n; i++)
    enabled[i] = (ll_enabled_rule){rules[i], rules[i]->default_severity};
  const char *bad_type = NULL;
  ll_engine *engine = ll_engine_new(enabled, n, &bad_type);
  free(enabled);
  if (!engine) ll_diag_error(NULL, "internal error: a rule wants unknown node type '%s'", bad_type);
  return engine;
}

typedef struct output {
  FILE *stream;
  char *temp_path; // NULL when writing to stdout
} output;

static bool open_output(output *out, const char *path) {
  if (!path) {
    out->stream = stdout;
    return true;
  }
  size_t len = strlen(path);
  out->temp_path = ll_xmalloc(len + 16);
  snprintf(out->temp_path, len + 16, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(out->temp_path);
  if (fd < 0 || !(out->stream = fdopen(fd, "w"))) {
    ll_diag_error(path, "cannot write the report: %s", strerror(errno));
    if (fd >= 0) close(fd), unlink(out->temp_path);
    free(out->temp_path);
    out->temp_path = NULL;
    return false;
  }
  return true;
}

static bool close_output(output *out, const char *path, bool write_ok) {
  if (!out->temp_path) return write_ok;
  bool ok = fclose(out->stream) == 0 && write_ok;
  if (ok && rename(out->temp_path, path) != 0) {
    ll_diag_error(path, "cannot write the report: %s", strerror(errno));
    ok = false;
  } else if (!ok) {
    ll_diag_error(path, "cannot write the report");
  }
  if (!ok) unlink(out->temp_path);
  free(out->temp_path);
  return ok;
}

static void print_stats(const ll_stats *s, double total) {
  fprintf(stderr,
          "leaklint: stats: files=%llu lines=%llu bytes=%llu read=%.3fs parse=%.3fs "
          "scopes=%.3fs rules=%.3fs report=%.3fs total=%.3fs\n",
          (unsigned long long)s->files, (unsigned long long)s->lines, (unsigned long long)s->bytes,
          s->read_seconds, s->parse_seconds, s->bind_seconds, s->rules_seconds, s->report_seconds,
          total);
}

int ll_run(const ll_options *options) {
  double started = now_seconds();
  const char *missing = NULL;
  if (!ll_grammar_init(&missing)) {
    ll_diag_error(NULL, "internal error: the grammar has no '%s'", missing);
    return LL_EXIT_TROUBLE;
  }
  bool trouble = false;
  ll_file_list files = {0};
  for (size_t i = 0; i < options->n_paths; i++)
    trouble |= !ll_file_list_add(&files, options->paths[i]);
  ll_file_list_sort(&files);

  ll_engine *engine = default_engine();
  if (!engine) {
    ll_file_list_fini(&files);
    return LL_EXIT_TROUBLE;
  }
  ll_analyzer_options analyzer_options = {.max_file_size = options->max_file_size,
                                          .parse_timeout = options->parse_timeout};
  ll_analyzer *analyzer = ll_analyzer_new(engine, &analyzer_options);
  ll_stats *stats = ll_analyzer_stats(analyzer);

  output out = {0};
  size_t n_findings = 0, n_errors = 0, n_files_with = 0;
  if (open_output(&out, options->output_file)) {
    const ll_reporter_ops *reporter = ll_report_ops(options->format);
    void *state = reporter->begin(out.stream);
    for (size_t i = 0; i < files.n; i++) {
      ll_file_result result;
      ll_analyzer_file(analyzer, files.paths[i], &result);
      double t0 = now_seconds();
      if (result.status != LL_OK) {
        ll_diag_error(result.path, "%s", result.error);
        reporter->problem(state, result.path, LL_ERROR, result.error);
        trouble = true;
      } else {
        if (result.has_syntax_error)
          reporter->problem(state, result.path, LL_WARNING,
                            "the file has syntax errors; code inside them was not analysed");
        if (result.n_findings) {
          reporter->file(state, result.path, result.findings, result.n_findings);
          n_files_with++;
        }
        n_findings += result.n_findings;
        for (size_t k = 0; k < result.n_findings; k++)
          n_errors += result.findings[k].severity == LL_ERROR;
      }
      stats->report_seconds += now_seconds() - t0;
    }
    bool written = reporter->finish(state, !trouble);
    if (!close_output(&out, options->output_file, written)) trouble = true;
  } else {
    trouble = true;
  }

  fprintf(stderr, "leaklint: %zu finding%s (%zu error%s, %zu warning%s) in %zu of %zu file%s\n",
          n_findings, n_findings == 1 ? "" : "s", n_errors, n_errors == 1 ? "" : "s",
          n_findings - n_errors, n_findings - n_errors == 1 ? "" : "s", n_files_with, files.n,
          files.n == 1 ? "" : "s");
  if (options->stats) print_stats(stats, now_seconds() - started);

  ll_analyzer_delete(analyzer);
  ll_engine_delete(engine);
  ll_file_list_fini(&files);
  if (trouble) return LL_EXIT_TROUBLE;
  return n_findings ? LL_EXIT_FINDINGS : LL_EXIT_CLEAN;
}
