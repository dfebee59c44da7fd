// The JSON format (--format json), for scripts: one array with one object per finding, in the
// order the text format prints them: file by file, each by line and column.
//
//   [
//     {
//       "path": "src/server.js",
//       "line": 12,
//       "column": 3,
//       "endLine": 12,
//       "endColumn": 44,
//       "rule": "listener-unbalanced",
//       "severity": "warning",
//       "confidence": "high",
//       "message": "listener for 'done' is added to long-lived `bus` ... every run adds one more",
//       "trace": [
//         {"line": 10, "column": 1, "endLine": 14, "endColumn": 3,
//          "message": "why it runs again and again: inside a handler registered with app.get ..."},
//         {"line": 12, "column": 3, "endLine": 12, "endColumn": 44, "message": "reported here"}
//       ]
//     }
//   ]
//
// - `path` (string): the file as the text format prints it, i.e. as it was given on the command
//   line or found under a given directory ("./a.js" stays "./a.js"); bytes that are not UTF-8
//   become U+FFFD.
// - `line`, `column` (integers >= 1): where the finding starts; columns count UTF-16 code units,
//   as editors do (an emoji counts 2), so they match the text format and SARIF.
// - `endLine`, `endColumn` (integers >= 1): the position just past the reported code; equal to
//   the start for an empty range (e.g. a missing `}` at the end of a line).
// - `rule` (string): the rule id, as --list-rules prints it.
// - `category` (string): the kind of leak the rule finds, as --list-rules prints it: "globals",
//   "listeners", "closures", "resources", or "analysis" (syntax-error, unused-disable).
// - `severity` (string): "warning" or "error".
// - `confidence` (string): "high" (every fact the finding rests on was established) or "medium"
//   (one of them is a guess, such as who calls an exported function).
// - `message` (string): starts in lower case, no final period, as in the text format.
// - `trace` (array): the evidence the finding was decided on, in order, each step an object with
//   `line`, `column`, `endLine`, `endColumn` (in the same file) and `message`: why the code runs
//   again and again (the route or listener that calls it), the finding's own place ("reported
//   here"), the long-lived owner, the release that does not match or the way that skips it. The
//   text format prints the same steps as `note:` lines with --notes.
// - `fix` (string): the usual fix for the rule's findings, lower case, no final period.
// - `helpUri` (string): the rule's page (rules/<id>.md), as `leaklint --explain RULE` prints it.
// - `suppressed` (object, only with --include-suppressed, only on suppressed findings):
//   `kind` "inSource" (a leaklint-disable comment) or "external" (the --baseline file), and the
//   comment's `-- reason` as `justification` when it gives one.
//
// No findings is `[]`. A file with a syntax error has a finding of rule syntax-error. Files
// that could not be analysed are not in the array: as with the text format, the run names them
// on stderr and exits with status 2. The output is ASCII-only (other characters are \u
// escapes), indented by 2 and ends with a newline. Fields may be added in later versions; none
// is ever renamed or removed.
#include <stdlib.h>

#include <jansson.h>

#include "analyzer/arena.h"
#include "analyzer/report.h"
#include "analyzer/rule.h"

typedef struct json_state {
  FILE *out;
  json_t *findings; // the array, written by json_finish
} json_state;

static void *json_begin(FILE *out, const ll_report_options *options) {
  (void)options;
  // Out of memory inside jansson aborts like everywhere else instead of dropping findings.
  json_set_alloc_funcs(ll_xmalloc, free);
  json_state *st = ll_xmalloc(sizeof *st);
  st->out = out;
  st->findings = json_array();
  return st;
}

// Moves `value` into `object`: jansson's set_new takes the reference.
static void put(json_t *object, const char *key, json_t *value) {
  json_object_set_new(object, key, value);
}

static void json_file(void *opaque, const char *path, const ll_finding *findings, size_t n) {
  json_state *st = opaque;
  char *clean_path = ll_report_utf8(path, false);
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    char *message = ll_report_utf8(f->message, false);
    json_t *finding = json_object();
    put(finding, "path", json_string(clean_path));
    put(finding, "line", json_integer(f->line));
    put(finding, "column", json_integer(f->column));
    put(finding, "endLine", json_integer(f->end_line));
    put(finding, "endColumn", json_integer(f->end_column));
    put(finding, "rule", json_string(f->rule->id));
    put(finding, "category", json_string(ll_category_name(f->rule->category)));
    put(finding, "severity", json_string(ll_severity_name(f->severity)));
    put(finding, "confidence", json_string(ll_confidence_name(f->confidence)));
    put(finding, "message", json_string(message));
    json_t *trace = json_array();
    for (uint32_t k = 0; k < f->n_trace; k++) {
      const ll_trace_step *step = &f->trace[k];
      char *said = ll_report_utf8(step->message, false);
      json_t *item = json_object();
      put(item, "line", json_integer(step->line));
      put(item, "column", json_integer(step->column));
      put(item, "endLine", json_integer(step->end_line));
      put(item, "endColumn", json_integer(step->end_column));
      put(item, "message", json_string(said));
      json_array_append_new(trace, item);
      free(said);
    }
    put(finding, "trace", trace);
    put(finding, "fix", json_string(f->rule->fix));
    put(finding, "helpUri", json_string(f->rule->help_uri));
    if (f->suppression) {
      json_t *suppressed = json_object();
      put(suppressed, "kind",
          json_string(f->suppression == LL_SUPPRESSED_BASELINE ? "external" : "inSource"));
      if (f->justification) {
        char *reason = ll_report_utf8(f->justification, false);
        put(suppressed, "justification", json_string(reason));
        free(reason);
      }
      put(finding, "suppressed", suppressed);
    }
    json_array_append_new(st->findings, finding);
    free(message);
  }
  free(clean_path);
}

static void json_problem(void *opaque, const char *path, ll_severity level, const char *message) {
  // The run prints problems on stderr; the array holds findings only (see the header comment).
  (void)opaque, (void)path, (void)level, (void)message;
}

static bool json_finish(void *opaque, bool execution_successful) {
  (void)execution_successful; // the exit status says it
  json_state *st = opaque;
  bool ok = json_dumpf(st->findings, st->out, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 &&
            fputc('\n', st->out) != EOF && fflush(st->out) == 0 && !ferror(st->out);
  json_decref(st->findings);
  free(st);
  return ok;
}

const ll_reporter_ops ll_report_json = {json_begin, json_file, json_problem, json_finish};
