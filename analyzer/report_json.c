// The JSON format, for scripts: one array of findings in output order.
//
//   [{"path": "src/a.js", "line": 3, "column": 5, "endLine": 3, "endColumn": 17,
//     "rule": "global-accumulator", "severity": "warning", "message": "..."}, ...]
//
// `path` is printed as the text format prints it; lines and columns are 1-based, columns in
// UTF-16 code units; endLine/endColumn point just past the reported code. Fields are only ever
// added, never renamed or removed. Written with jansson, streamed at the end of the run.
#include <stdlib.h>

#include <jansson.h>

#include "analyzer/report.h"
#include "analyzer/rule.h"

typedef struct json_state {
  FILE *out;
  json_t *findings;
} json_state;

static void *json_begin(FILE *out) {
  json_state *st = ll_xmalloc(sizeof *st);
  st->out = out;
  st->findings = json_array();
  return st;
}

static void json_file(void *opaque, const char *path, const ll_finding *findings, size_t n) {
  json_state *st = opaque;
  char *clean_path = ll_report_utf8(path, false);
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    char *message = ll_report_utf8(f->message, false);
    json_array_append_new(st->findings,
                          json_pack("{s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:s}", "path", clean_path,
                                    "line", (json_int_t)f->line, "column", (json_int_t)f->column,
                                    "endLine", (json_int_t)f->end_line, "endColumn",
                                    (json_int_t)f->end_column, "rule", f->rule->id, "severity",
                                    ll_severity_name(f->severity), "message", message));
    free(message);
  }
  free(clean_path);
}

static void json_problem(void *opaque, const char *path, ll_severity level, const char *message) {
  // Problems are printed on stderr by the run; the JSON array holds findings only.
  (void)opaque, (void)path, (void)level, (void)message;
}

static bool json_finish(void *opaque, bool execution_successful) {
  (void)execution_successful;
  json_state *st = opaque;
  bool ok = json_dumpf(st->findings, st->out, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 &&
            fputc('\n', st->out) != EOF && fflush(st->out) == 0 && !ferror(st->out);
  json_decref(st->findings);
  free(st);
  return ok;
}

const ll_reporter_ops ll_report_json = {json_begin, json_file, json_problem, json_finish};
