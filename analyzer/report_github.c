// The GitHub Actions format (--format github): one workflow command per finding,
//
//   ::warning file=src/a.js,line=12,col=3,endLine=12,endColumn=9,title=timer-leak::message
//
// which the runner turns into an annotation on the pull request's diff, no problem matcher
// needed. Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF,
// as GitHub's toolkit (issueCommand) does. Files that could not be analysed get an `::error`.
#include <stdlib.h>

#include "analyzer/arena.h"
#include "analyzer/report.h"
#include "analyzer/rule.h"

static void *github_begin(FILE *out, const ll_report_options *options) {
  (void)options;
  return out;
}

static void put_escaped(FILE *out, const char *text, bool property) {
  for (const char *p = text; *p; p++) {
    switch (*p) {
      case '%':
        fputs("%25", out);
        break;
      case '\r':
        fputs("%0D", out);
        break;
      case '\n':
        fputs("%0A", out);
        break;
      case ':':
        fputs(property ? "%3A" : ":", out);
        break;
      case ',':
        fputs(property ? "%2C" : ",", out);
        break;
      default:
        fputc(*p, out);
    }
  }
}

static void github_file(void *state, const char *path, const ll_finding *findings, size_t n) {
  FILE *out = state;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    // Only with --include-suppressed: a notice, which fails nothing, marked as suppressed.
    fprintf(out, "::%s file=", f->suppression ? "notice" : ll_severity_name(f->severity));
    put_escaped(out, path, true);
    fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", f->line, f->column, f->end_line,
            f->end_column);
    put_escaped(out, f->rule->id, true);
    fputs("::", out);
    put_escaped(out, f->message, false);
    if (f->suppression) {
      fputs(" (", out);
      put_escaped(out, ll_report_suppression(f), false);
      if (f->justification) {
        fputs(": ", out);
        put_escaped(out, f->justification, false);
      }
      fputc(')', out);
    }
    fputc('\n', out);
  }
}

static void github_problem(void *state, const char *path, ll_severity level, const char *message) {
  // A syntax error is a finding of its own; only files that could not be analysed need more.
  if (level != LL_ERROR) return;
  FILE *out = state;
  fputs("::error file=", out);
  put_escaped(out, path, true);
  fputs(",title=leaklint::", out);
  put_escaped(out, message, false);
  fputc('\n', out);
}

static bool github_finish(void *state, bool execution_successful) {
  (void)execution_successful;
  FILE *out = state;
  return fflush(out) == 0 && !ferror(out);
}

const ll_reporter_ops ll_report_github = {github_begin, github_file, github_problem, github_finish};
