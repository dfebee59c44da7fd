// The SARIF 2.1.0 format, as GitHub code scanning and other viewers read it.
//
// One run: the tool with every rule's documentation (so that a viewer can explain any result),
// the results with a region and a partialFingerprint that survives unrelated edits above, file
// locations relative to %SRCROOT% (the current directory, given absolutely in
// originalUriBaseIds), columns in UTF-16 code units, and one invocation whose notifications name
// the files that could not be analysed or have syntax errors. Built with jansson and written at
// the end of the run; messages are complete sentences, as SARIF viewers expect.
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "analyzer/registry.h"
#include "analyzer/report.h"

#ifndef LEAKLINT_VERSION
#define LEAKLINT_VERSION "0.0.0"
#endif

typedef struct sarif_state {
  FILE *out;
  char cwd[PATH_MAX];
  json_t *results;
  json_t *notifications;
} sarif_state;

static json_t *text_object(const char *text, bool sentence) {
  char *clean = ll_report_utf8(text, sentence);
  json_t *object = json_pack("{s:s}", "text", clean);
  free(clean);
  return object;
}

// Percent-encodes a path for a URI: unreserved characters and '/' stay, the rest is %XX.
static char *encode_uri_path(const char *path) {
  char *out = ll_xmalloc(strlen(path) * 3 + 1), *o = out;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      *o++ = (char)c;
    } else {
      static const char hex[] = "0123456789ABCDEF";
      *o++ = '%';
      *o++ = hex[c >> 4];
      *o++ = hex[c & 15];
    }
  }
  *o = '\0';
  return out;
}

// The artifactLocation of `path`: relative to %SRCROOT% when it lies under the current directory
// (given relative, or absolute below it), else an absolute file:// URI.
static json_t *artifact_location(const sarif_state *st, const char *path) {
  while (path[0] == '.' && path[1] == '/') {
    path += 2;
    while (*path == '/')
      path++;
  }
  size_t cwd_len = strlen(st->cwd);
  bool absolute = path[0] == '/';
  if (absolute && cwd_len && strncmp(path, st->cwd, cwd_len) == 0 && path[cwd_len] == '/') {
    path += cwd_len + 1;
    absolute = false;
  }
  char *encoded = encode_uri_path(path);
  json_t *location;
  if (absolute) {
    char *uri = ll_xmalloc(strlen(encoded) + 8);
    snprintf(uri, strlen(encoded) + 8, "file://%s", encoded);
    location = json_pack("{s:s}", "uri", uri);
    free(uri);
  } else {
    location = json_pack("{s:s, s:s}", "uri", encoded, "uriBaseId", "%SRCROOT%");
  }
  free(encoded);
  return location;
}

static void *sarif_begin(FILE *out) {
  sarif_state *st = ll_xcalloc(1, sizeof *st);
  st->out = out;
  if (!getcwd(st->cwd, sizeof st->cwd)) st->cwd[0] = '\0';
  st->results = json_array();
  st->notifications = json_array();
  return st;
}

static void sarif_file(void *opaque, const char *path, const ll_finding *findings, size_t n) {
  sarif_state *st = opaque;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    json_t *region = json_pack("{s:I, s:I, s:I, s:I}", "startLine", (json_int_t)f->line,
                               "startColumn", (json_int_t)f->column, "endLine",
                               (json_int_t)f->end_line, "endColumn", (json_int_t)f->end_column);
    json_t *location = json_pack("{s:{s:o, s:o}}", "physicalLocation", "artifactLocation",
                                 artifact_location(st, path), "region", region);
    json_array_append_new(
        st->results,
        json_pack("{s:s, s:I, s:s, s:o, s:[o], s:{s:s}}", "ruleId", f->rule->id, "ruleIndex",
                  (json_int_t)ll_registry_index(f->rule), "level", ll_severity_name(f->severity),
                  "message", text_object(f->message, true), "locations", location,
                  "partialFingerprints", "leaklintFingerprint/v1", f->fingerprint));
  }
}

static void sarif_problem(void *opaque, const char *path, ll_severity level, const char *message) {
  sarif_state *st = opaque;
  char *text = ll_xmalloc(strlen(path) + strlen(message) + 4);
  sprintf(text, "%s: %s", path, message);
  json_t *location =
      json_pack("{s:{s:o}}", "physicalLocation", "artifactLocation", artifact_location(st, path));
  json_array_append_new(st->notifications,
                        json_pack("{s:s, s:o, s:[o]}", "level", ll_severity_name(level), "message",
                                  text_object(text, true), "locations", location));
  free(text);
}

static json_t *rule_descriptor(const ll_rule *rule) {
  json_t *tags = json_array();
  for (const char *const *tag = rule->tags; tag && *tag; tag++)
    json_array_append_new(tags, json_string(*tag));
  char *help = ll_report_utf8(rule->full_description, false);
  json_t *descriptor = json_pack(
      "{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:s, s:{s:s}, s:{s:o, s:s}}", "id", rule->id, "name",
      rule->name, "shortDescription", text_object(rule->short_description, true), "fullDescription",
      text_object(rule->full_description, true), "help", "text", help, "markdown", help, "helpUri",
      rule->help_uri, "defaultConfiguration", "level", ll_severity_name(rule->default_severity),
      "properties", "tags", tags, "precision", rule->precision ? rule->precision : "medium");
  free(help);
  return descriptor;
}

static bool sarif_finish(void *opaque, bool execution_successful) {
  sarif_state *st = opaque;
  json_t *rules = json_array();
  size_t n_rules;
  const ll_rule *const *all = ll_registry_rules(&n_rules);
  for (size_t i = 0; i < n_rules; i++)
    json_array_append_new(rules, rule_descriptor(all[i]));

  char *cwd_encoded = encode_uri_path(st->cwd);
  size_t uri_len = strlen(cwd_encoded) + 16;
  char *cwd_uri = ll_xmalloc(uri_len);
  snprintf(cwd_uri, uri_len, "file://%s/", strcmp(cwd_encoded, "/") == 0 ? "" : cwd_encoded);
  free(cwd_encoded);

  json_t *invocation = json_pack("{s:b}", "executionSuccessful", execution_successful);
  if (json_array_size(st->notifications))
    json_object_set(invocation, "toolExecutionNotifications", st->notifications);
  json_t *log =
      json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:s, s:o}}, s:{s:{s:s}}, s:s, s:[o], s:o}]}",
                "$schema", "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0",
                "runs", "tool", "driver", "name", "leaklint", "version", LEAKLINT_VERSION,
                "semanticVersion", LEAKLINT_VERSION, "informationUri", LEAKLINT_HOMEPAGE, "rules",
                rules, "originalUriBaseIds", "%SRCROOT%", "uri", cwd_uri, "columnKind",
                "utf16CodeUnits", "invocations", invocation, "results", json_incref(st->results));
  free(cwd_uri);
  bool ok = log && json_dumpf(log, st->out, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 &&
            fputc('\n', st->out) != EOF && fflush(st->out) == 0 && !ferror(st->out);
  json_decref(log);
  json_decref(st->results);
  json_decref(st->notifications);
  free(st);
  return ok;
}

const ll_reporter_ops ll_report_sarif = {sarif_begin, sarif_file, sarif_problem, sarif_finish};
