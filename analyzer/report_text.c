// The text format: one gcc-style line per finding, `path:line:column: severity: message [rule]`,
// the form that VS Code's $gcc problem matcher and GitHub Actions gcc matchers read; with --notes,
// followed (as gcc follows a diagnostic with its notes) by `path:line:column: note: ...` lines
// for the steps of its trace and a last one with the usual fix and the rule's page, which those
// matchers pass over. Lines are
// written as they come, so a long run shows its first findings at once. With color (a terminal,
// or --color always) the parts are colored the way gcc colors its own diagnostics; the text
// stays the same, so a matcher that strips the escapes still reads it.
#include <stdlib.h>

#include "analyzer/arena.h"
#include "analyzer/report.h"
#include "analyzer/rule.h"

typedef struct text_state {
  FILE *out;
  bool color, notes;
} text_state;

static void *text_begin(FILE *out, const ll_report_options *options) {
  text_state *st = ll_xmalloc(sizeof *st);
  st->out = out;
  st->color = options && options->color;
  st->notes = options && options->notes;
  return st;
}

static void text_file(void *opaque, const char *path, const ll_finding *findings, size_t n) {
  text_state *st = opaque;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    // Only with --include-suppressed: a `note:` line, which problem matchers pass over, marked
    // as suppressed and with the directive's reason.
    if (f->suppression) {
      const char *why = ll_report_suppression(f);
      if (f->justification)
        fprintf(st->out, "%s:%u:%u: note: %s (%s: %s) [%s]\n", path, f->line, f->column, f->message,
                why, f->justification, f->rule->id);
      else
        fprintf(st->out, "%s:%u:%u: note: %s (%s) [%s]\n", path, f->line, f->column, f->message,
                why, f->rule->id);
      continue;
    }
    const char *severity = ll_severity_name(f->severity);
    if (st->color)
      fprintf(st->out, "\033[1m%s:%u:%u:\033[0m \033[1;%sm%s:\033[0m %s [\033[2m%s\033[0m]\n", path,
              f->line, f->column, f->severity == LL_ERROR ? "31" : "35", severity, f->message,
              f->rule->id);
    else
      fprintf(st->out, "%s:%u:%u: %s: %s [%s]\n", path, f->line, f->column, severity, f->message,
              f->rule->id);
    // The trace, as gcc writes the notes of a diagnostic: the steps other than the finding's own
    // place, which its line already gives.
    for (uint32_t k = 0; st->notes && k < f->n_trace; k++) {
      const ll_trace_step *step = &f->trace[k];
      if (step->start_byte == f->start_byte && step->end_byte == f->end_byte) continue;
      if (st->color)
        fprintf(st->out, "\033[1m%s:%u:%u:\033[0m \033[1;36mnote:\033[0m %s\n", path, step->line,
                step->column, step->message);
      else
        fprintf(st->out, "%s:%u:%u: note: %s\n", path, step->line, step->column, step->message);
    }
    // Last, the usual fix and the rule's page, at the finding's own place.
    if (st->notes && st->color)
      fprintf(st->out, "\033[1m%s:%u:%u:\033[0m \033[1;36mnote:\033[0m fix: %s; see %s\n", path,
              f->line, f->column, f->rule->fix, f->rule->help_uri);
    else if (st->notes)
      fprintf(st->out, "%s:%u:%u: note: fix: %s; see %s\n", path, f->line, f->column, f->rule->fix,
              f->rule->help_uri);
  }
}

static void text_problem(void *state, const char *path, ll_severity level, const char *message) {
  // Problems go to stderr (see run.c): nothing but findings on stdout in text mode.
  (void)state, (void)path, (void)level, (void)message;
}

static bool text_finish(void *opaque, bool execution_successful) {
  (void)execution_successful;
  text_state *st = opaque;
  bool ok = fflush(st->out) == 0 && !ferror(st->out);
  free(st);
  return ok;
}

const ll_reporter_ops ll_report_text = {text_begin, text_file, text_problem, text_finish};
