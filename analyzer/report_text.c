// The text format: one gcc-style line per finding, `path:line:column: severity: message [rule]`,
// the form that VS Code's $gcc problem matcher and GitHub Actions gcc matchers read. Lines are
// written as they come, so a long run shows its first findings at once.
#include <stdlib.h>

#include "analyzer/report.h"
#include "analyzer/rule.h"

static void *text_begin(FILE *out) {
  return out;
}

static void text_file(void *state, const char *path, const ll_finding *findings, size_t n) {
  FILE *out = state;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    fprintf(out, "%s:%u:%u: %s: %s [%s]\n", path, f->line, f->column, ll_severity_name(f->severity),
            f->message, f->rule->id);
  }
}

static void text_problem(void *state, const char *path, ll_severity level, const char *message) {
  // Problems go to stderr (see run.c): nothing but findings on stdout in text mode.
  (void)state, (void)path, (void)level, (void)message;
}

static bool text_finish(void *state, bool execution_successful) {
  (void)execution_successful;
  FILE *out = state;
  return fflush(out) == 0 && !ferror(out);
}

const ll_reporter_ops ll_report_text = {text_begin, text_file, text_problem, text_finish};
