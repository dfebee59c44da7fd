// The SARIF 2.1.0 format (--format sarif), as GitHub code scanning and other SARIF viewers read
// it. One log with one run:
// - tool.driver: name, version and semanticVersion, informationUri, and a reportingDescriptor for
//   every rule of the registry, findings or not (so that a viewer can explain any result, and
//   ruleIndex is the rule's position in ll_registry_rules);
// - results, in the order the run delivers them: ruleId, ruleIndex, level, message, one physical
//   location with a region (columns in UTF-16 code units, columnKind says so), a
//   partialFingerprint that survives unrelated edits elsewhere in the file, and the finding's
//   confidence as `rank` and `properties.precision`;
// - artifact locations relative to %SRCROOT%, the current directory, which originalUriBaseIds
//   gives as an absolute file URI (a file outside it climbs with "../");
// - one invocation: executionSuccessful, and a notification for each file that could not be
//   analysed (error) or has syntax errors (warning).
// Built with jansson and written in one piece at the end of the run. Plain-text messages are
// complete sentences, as SARIF viewers expect; all text is valid UTF-8.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "analyzer/arena.h"
#include "analyzer/paths.h"
#include "analyzer/registry.h"
#include "analyzer/report.h"

#ifndef LEAKLINT_VERSION
#define LEAKLINT_VERSION "0.0.0"
#endif

#define SARIF_SCHEMA    "https://json.schemastore.org/sarif-2.1.0.json"
#define SRCROOT         "%SRCROOT%"
#define FINGERPRINT_KEY "leaklintFingerprint/v1"

typedef struct sarif_state {
  FILE *out;
  char *cwd;       // the current directory, absolute and normalised; NULL when unknown
  char *cwd_alias; // $PWD when it names the same directory through a symlink, else NULL
  json_t *results;
  json_t *notifications;
} sarif_state;

// Moves `value` into `object` (set_new takes the reference); a NULL value leaves the key out.
static void put(json_t *object, const char *key, json_t *value) {
  if (value) json_object_set_new(object, key, value);
}

static void put_string(json_t *object, const char *key, const char *value) {
  if (value) put(object, key, json_string(value));
}

// `text` as valid UTF-8 without trailing white space; when `sentence` is set, ending in a
// period unless it ends in one already or in a Markdown code fence. Malloc'd.
static char *plain_text(const char *text, bool sentence) {
  char *clean = ll_report_utf8(text, false);
  size_t len = strlen(clean);
  while (len && strchr(" \t\r\n", clean[len - 1]))
    len--;
  clean[len] = '\0';
  bool fence = len >= 3 && memcmp(clean + len - 3, "```", 3) == 0;
  if (sentence && len && clean[len - 1] != '.' && !fence) {
    clean = ll_xrealloc(clean, len + 2);
    memcpy(clean + len, ".", 2);
  }
  return clean;
}

// A SARIF message or multiformatMessageString: {"text": ...}.
static json_t *text_object(const char *text, bool sentence) {
  char *clean = plain_text(text, sentence);
  json_t *object = json_object();
  put_string(object, "text", clean);
  free(clean);
  return object;
}

// `path` percent-encoded for a URI path: unreserved characters (RFC 3986) and '/' stay, every
// other byte becomes %XX. Encoding ':' keeps a relative reference from reading as a scheme.
static char *encode_uri_path(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  char *out = ll_xmalloc(strlen(path) * 3 + 1), *o = out;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        strchr("-._~/", c)) {
      *o++ = (char)c;
    } else {
      *o++ = '%';
      *o++ = hex[c >> 4];
      *o++ = hex[c & 15];
    }
  }
  *o = '\0';
  return out;
}

// "file://" + the percent-encoded absolute `path` + `suffix`. Malloc'd.
static char *file_uri(const char *path, const char *suffix) {
  char *encoded = encode_uri_path(path);
  size_t size = strlen(encoded) + strlen(suffix) + 8;
  char *uri = ll_xmalloc(size);
  snprintf(uri, size, "file://%s%s", encoded, suffix);
  free(encoded);
  return uri;
}

// The artifactLocation of `path` as the run names it: relative to %SRCROOT%, the current
// directory ("./a.js" and "$PWD/a.js" are both "a.js", a file beside it is "../b/x.js"), so that
// GitHub code scanning, which rejects absolute file URIs, accepts every log. Percent-encoded.
static json_t *artifact_location(const sarif_state *st, const char *path) {
  char *absolute = ll_paths_absolute(path, st->cwd);
  json_t *location = json_object();
  if (absolute) {
    const char *relative = ll_paths_below(absolute, st->cwd);
    if (!relative) relative = ll_paths_below(absolute, st->cwd_alias);
    if (relative) {
      char *encoded = encode_uri_path(relative);
      put_string(location, "uri", encoded);
      put_string(location, "uriBaseId", SRCROOT);
      free(encoded);
    } else if (st->cwd) {
      char *climbing = ll_paths_from(absolute, st->cwd), *encoded = encode_uri_path(climbing);
      put_string(location, "uri", encoded);
      put_string(location, "uriBaseId", SRCROOT);
      free(encoded);
      free(climbing);
    } else {
      char *uri = file_uri(absolute, "");
      put_string(location, "uri", uri);
      free(uri);
    }
    free(absolute);
  } else {
    // No current directory to resolve against: the relative path is the best there is.
    char *normal = ll_paths_normalize(path), *encoded = encode_uri_path(normal);
    put_string(location, "uri", encoded);
    put_string(location, "uriBaseId", SRCROOT);
    free(encoded);
    free(normal);
  }
  return location;
}

// $PWD, normalised, when it is another name for the directory `cwd` (a path through a symlink,
// as the shell shows it), so that absolute paths typed from it are recognised; else NULL.
static char *directory_alias(const char *cwd) {
  const char *pwd = getenv("PWD");
  if (!cwd || !pwd || pwd[0] != '/') return NULL;
  char *alias = ll_paths_normalize(pwd);
  struct stat a, b;
  if (strcmp(alias, cwd) != 0 && stat(alias, &a) == 0 && stat(".", &b) == 0 &&
      a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    return alias;
  free(alias);
  return NULL;
}

static void *sarif_begin(FILE *out, const ll_report_options *options) {
  (void)options;
  // Out of memory inside jansson aborts like everywhere else instead of dropping results.
  json_set_alloc_funcs(ll_xmalloc, free);
  sarif_state *st = ll_xcalloc(1, sizeof *st);
  st->out = out;
  st->cwd = ll_paths_cwd();
  st->cwd_alias = directory_alias(st->cwd);
  st->results = json_array();
  st->notifications = json_array();
  return st;
}

// The region of a span. Findings always have end >= start; the clamp keeps the log valid for
// viewers should one ever not.
static json_t *span_region(uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column) {
  if (!line) line = 1;
  if (!column) column = 1;
  if (end_line < line || (end_line == line && end_column < column))
    end_line = line, end_column = column;
  if (!end_column) end_column = 1;
  json_t *object = json_object();
  put(object, "startLine", json_integer(line));
  put(object, "startColumn", json_integer(column));
  put(object, "endLine", json_integer(end_line));
  put(object, "endColumn", json_integer(end_column));
  return object;
}

static json_t *region(const ll_finding *f) {
  return span_region(f->line, f->column, f->end_line, f->end_column);
}

// A finding's trace as SARIF shows evidence: `relatedLocations` (the steps other than the
// result's own place, numbered from 1) for viewers that list them, and one `codeFlows` thread
// through every step, in order, for viewers that step through them (GitHub code scanning's
// "Show paths").
static void put_trace(const sarif_state *st, json_t *result, const char *path,
                      const ll_finding *f) {
  if (!f->n_trace) return;
  json_t *related = json_array(), *steps = json_array();
  for (uint32_t k = 0; k < f->n_trace; k++) {
    const ll_trace_step *step = &f->trace[k];
    json_t *physical = json_object();
    put(physical, "artifactLocation", artifact_location(st, path));
    put(physical, "region",
        span_region(step->line, step->column, step->end_line, step->end_column));
    json_t *location = json_object();
    put(location, "physicalLocation", physical);
    put(location, "message", text_object(step->message, true));
    json_t *flow_location = json_object();
    put(flow_location, "location", json_deep_copy(location));
    json_array_append_new(steps, flow_location);
    if (step->start_byte == f->start_byte && step->end_byte == f->end_byte) {
      json_decref(location);
      continue;
    }
    put(location, "id", json_integer((json_int_t)json_array_size(related) + 1));
    json_array_append_new(related, location);
  }
  if (json_array_size(related))
    put(result, "relatedLocations", related);
  else
    json_decref(related);
  json_t *thread = json_object();
  put(thread, "locations", steps);
  json_t *threads = json_array();
  json_array_append_new(threads, thread);
  json_t *flow = json_object();
  put(flow, "threadFlows", threads);
  json_t *flows = json_array();
  json_array_append_new(flows, flow);
  put(result, "codeFlows", flows);
}

// [{"physicalLocation": {"artifactLocation": ..., "region": ...}}]; `region` may be NULL.
static json_t *locations(json_t *artifact, json_t *region) {
  json_t *physical = json_object();
  put(physical, "artifactLocation", artifact);
  put(physical, "region", region);
  json_t *location = json_object();
  put(location, "physicalLocation", physical);
  json_t *array = json_array();
  json_array_append_new(array, location);
  return array;
}

static void sarif_file(void *opaque, const char *path, const ll_finding *findings, size_t n) {
  sarif_state *st = opaque;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    json_t *result = json_object();
    put_string(result, "ruleId", f->rule->id);
    put(result, "ruleIndex", json_integer((json_int_t)ll_registry_index(f->rule)));
    put_string(result, "level", ll_severity_name(f->severity));
    put(result, "message", text_object(f->message, true));
    put(result, "locations", locations(artifact_location(st, path), region(f)));
    put_trace(st, result, path, f);
    json_t *fingerprints = json_object();
    put_string(fingerprints, FINGERPRINT_KEY, f->fingerprint);
    put(result, "partialFingerprints", fingerprints);
    // SARIF's rank (0 to 100) orders results for a viewer; precision is the name CodeQL's query
    // metadata gives the same idea, which GitHub code scanning shows.
    put(result, "rank", json_real(f->confidence == LL_CONFIDENCE_HIGH ? 90.0 : 50.0));
    json_t *properties = json_object();
    put_string(properties, "precision", ll_confidence_name(f->confidence));
    put(result, "properties", properties);
    if (f->suppression) {
      // Only with --include-suppressed: a viewer shows the result as suppressed, and why.
      json_t *suppression = json_object();
      put_string(suppression, "kind",
                 f->suppression == LL_SUPPRESSED_BASELINE ? "external" : "inSource");
      if (f->justification) {
        char *reason = plain_text(f->justification, false);
        put_string(suppression, "justification", reason);
        free(reason);
      }
      json_t *suppressions = json_array();
      json_array_append_new(suppressions, suppression);
      put(result, "suppressions", suppressions);
    }
    json_array_append_new(st->results, result);
  }
}

static void sarif_problem(void *opaque, const char *path, ll_severity level, const char *message) {
  sarif_state *st = opaque;
  size_t size = strlen(path) + strlen(message) + 3;
  char *text = ll_xmalloc(size);
  snprintf(text, size, "%s: %s", path, message);
  json_t *notification = json_object();
  put_string(notification, "level", level == LL_ERROR ? "error" : "warning");
  put(notification, "message", text_object(text, true));
  put(notification, "locations", locations(artifact_location(st, path), NULL));
  json_array_append_new(st->notifications, notification);
  free(text);
}

// The reportingDescriptor of `rule`. Every field the registry test requires is a static string;
// a missing one is left out rather than dropping the rule, which would shift every ruleIndex.
static json_t *rule_descriptor(const ll_rule *rule) {
  const char *full = rule->full_description ? rule->full_description : rule->short_description;
  json_t *descriptor = json_object();
  put_string(descriptor, "id", rule->id);
  put_string(descriptor, "name", rule->name);
  if (rule->short_description)
    put(descriptor, "shortDescription", text_object(rule->short_description, true));
  if (full) {
    put(descriptor, "fullDescription", text_object(full, true));
    // full_description is Markdown: the same text serves as plain text and as Markdown.
    char *markdown = plain_text(full, false);
    json_t *help = json_object();
    put_string(help, "text", markdown);
    put_string(help, "markdown", markdown);
    put(descriptor, "help", help);
    free(markdown);
  }
  put_string(descriptor, "helpUri", rule->help_uri);
  json_t *configuration = json_object();
  put_string(configuration, "level", ll_severity_name(rule->default_severity));
  if (rule->off_by_default) put(configuration, "enabled", json_false());
  put(descriptor, "defaultConfiguration", configuration);
  json_t *tags = json_array();
  for (const char *const *tag = rule->tags; tag && *tag; tag++)
    json_array_append_new(tags, json_string(*tag));
  json_t *properties = json_object();
  put(properties, "tags", tags);
  put_string(properties, "category", ll_category_name(rule->category));
  put_string(properties, "precision", rule->precision ? rule->precision : "medium");
  put(descriptor, "properties", properties);
  return descriptor;
}

static json_t *driver(void) {
  json_t *rules = json_array();
  size_t n_rules;
  const ll_rule *const *all = ll_registry_rules(&n_rules);
  for (size_t i = 0; i < n_rules; i++)
    json_array_append_new(rules, rule_descriptor(all[i]));
  json_t *object = json_object();
  put_string(object, "name", "leaklint");
  put_string(object, "version", LEAKLINT_VERSION);
  put_string(object, "semanticVersion", LEAKLINT_VERSION);
  put_string(object, "informationUri", LEAKLINT_HOMEPAGE);
  put(object, "rules", rules);
  return object;
}

static bool sarif_finish(void *opaque, bool execution_successful) {
  sarif_state *st = opaque;
  json_t *tool = json_object();
  put(tool, "driver", driver());

  json_t *invocation = json_object();
  put(invocation, "executionSuccessful", json_boolean(execution_successful));
  if (json_array_size(st->notifications))
    put(invocation, "toolExecutionNotifications", json_incref(st->notifications));
  json_t *invocations = json_array();
  json_array_append_new(invocations, invocation);

  json_t *run = json_object();
  put(run, "tool", tool);
  if (st->cwd) {
    // Relative URIs resolve against this: it ends in '/' (RFC 3986 would drop the last segment).
    char *uri = file_uri(strcmp(st->cwd, "/") == 0 ? "" : st->cwd, "/");
    json_t *root = json_object();
    put_string(root, "uri", uri);
    json_t *bases = json_object();
    put(bases, SRCROOT, root);
    put(run, "originalUriBaseIds", bases);
    free(uri);
  }
  put_string(run, "columnKind", "utf16CodeUnits");
  put(run, "invocations", invocations);
  put(run, "results", json_incref(st->results));
  json_t *runs = json_array();
  json_array_append_new(runs, run);

  json_t *log = json_object();
  put_string(log, "$schema", SARIF_SCHEMA);
  put_string(log, "version", "2.1.0");
  put(log, "runs", runs);
  bool ok = json_dumpf(log, st->out, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 &&
            fputc('\n', st->out) != EOF && fflush(st->out) == 0 && !ferror(st->out);
  json_decref(log);
  json_decref(st->results);
  json_decref(st->notifications);
  free(st->cwd);
  free(st->cwd_alias);
  free(st);
  return ok;
}

const ll_reporter_ops ll_report_sarif = {sarif_begin, sarif_file, sarif_problem, sarif_finish};
