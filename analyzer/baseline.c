// The baseline file, read and written with jansson:
//
//   {
//     "version": 1,
//     "generatedBy": "leaklint 0.1.0",
//     "findings": [
//       {"path": "src/server.js", "rule": "timer-leak", "fingerprint": "3f2a...:1",
//        "lineHash": "9c1e...", "line": 12, "message": "..."}
//     ]
//   }
//
// Matching uses path, rule and fingerprint, then path, rule and `lineHash` (baseline.h); `line`
// and `message` are for people reading the file and reviewing its diff. Entries are sorted by path,
// line and rule, so rewriting an unchanged baseline changes nothing.
#include "analyzer/baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "analyzer/diag.h"
#include "analyzer/json_file.h"
#include "analyzer/output.h"
#include "analyzer/paths.h"
#include "analyzer/report.h"
#include "analyzer/rule.h"

#ifndef LEAKLINT_VERSION
#define LEAKLINT_VERSION "0.0.0"
#endif

typedef struct entry {
  char *path, *rule, *fingerprint, *message;
  char *line_hash; // "" in files written before it existed
  json_int_t line;
  char *key; // "path\x1frule\x1ffingerprint"
} entry;

struct ll_baseline {
  char *file;    // the baseline file, as given
  char *dir;     // its directory, absolute: entry paths are relative to it
  char *cwd;     // to resolve the run's relative paths
  entry *loaded; // sorted by key
  size_t n_loaded;
  entry *recorded; // this run's findings (ll_baseline_record)
  size_t n_recorded, cap_recorded;
  char **recorded_files; // paths (relative) whose loaded entries are replaced; sorted at write
  size_t n_files, cap_files;
};

static char *make_key(const char *path, const char *rule, const char *fingerprint) {
  size_t size = strlen(path) + strlen(rule) + strlen(fingerprint) + 3;
  char *key = ll_xmalloc(size);
  snprintf(key, size, "%s\x1f%s\x1f%s", path, rule, fingerprint);
  return key;
}

static int compare_keys(const void *a, const void *b) {
  return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

// `file` as the baseline names it: relative to the baseline's directory.
static char *relative_path(const ll_baseline *b, const char *file) {
  char *absolute = ll_paths_absolute(file, b->cwd);
  if (!absolute || !b->dir) {
    free(absolute);
    return ll_paths_normalize(file);
  }
  char *relative = ll_paths_from(absolute, b->dir);
  free(absolute);
  return relative;
}

static void free_entry(entry *e) {
  free(e->path);
  free(e->rule);
  free(e->fingerprint);
  free(e->message);
  free(e->line_hash);
  free(e->key);
}

static bool read_entries(ll_baseline *b, const json_t *root) {
  const json_t *findings = json_object_get(root, "findings");
  json_int_t version = json_integer_value(json_object_get(root, "version"));
  if (!json_is_object(root) || !json_is_array(findings) || version != 1) {
    ll_diag_error(b->file,
                  "not a leaklint baseline (expected {\"version\": 1, \"findings\": [...]})");
    return false;
  }
  b->loaded = ll_xcalloc(json_array_size(findings) + 1, sizeof *b->loaded);
  for (size_t i = 0; i < json_array_size(findings); i++) {
    const json_t *item = json_array_get(findings, i);
    const char *path = json_string_value(json_object_get(item, "path"));
    const char *rule = json_string_value(json_object_get(item, "rule"));
    const char *fingerprint = json_string_value(json_object_get(item, "fingerprint"));
    const char *message = json_string_value(json_object_get(item, "message"));
    const char *line_hash = json_string_value(json_object_get(item, "lineHash"));
    if (!path || !rule || !fingerprint) {
      ll_diag_error(b->file, "\"findings[%zu]\": needs string fields path, rule and fingerprint",
                    i);
      return false;
    }
    entry *e = &b->loaded[b->n_loaded++];
    e->path = ll_xstrdup(path);
    e->rule = ll_xstrdup(rule);
    e->fingerprint = ll_xstrdup(fingerprint);
    e->message = ll_xstrdup(message ? message : "");
    e->line_hash = ll_xstrdup(line_hash ? line_hash : "");
    e->line = json_integer_value(json_object_get(item, "line"));
    e->key = make_key(path, rule, fingerprint);
  }
  qsort(b->loaded, b->n_loaded, sizeof *b->loaded, compare_keys);
  return true;
}

ll_baseline *ll_baseline_load(const char *path, bool missing_ok) {
  ll_baseline *b = ll_xcalloc(1, sizeof *b);
  b->file = ll_xstrdup(path);
  b->cwd = ll_paths_cwd();
  char *absolute = ll_paths_absolute(path, b->cwd);
  if (absolute) b->dir = ll_paths_dirname(absolute);
  free(absolute);
  struct stat st;
  if (missing_ok && stat(path, &st) != 0 && errno == ENOENT) return b;
  json_t *root = ll_json_read(path, "the baseline");
  bool ok = root != NULL;
  if (root) {
    ok = read_entries(b, root);
    json_decref(root);
  }
  if (!ok) {
    ll_baseline_delete(b);
    return NULL;
  }
  return b;
}

void ll_baseline_delete(ll_baseline *b) {
  if (!b) return;
  for (size_t i = 0; i < b->n_loaded; i++)
    free_entry(&b->loaded[i]);
  free(b->loaded);
  for (size_t i = 0; i < b->n_recorded; i++)
    free_entry(&b->recorded[i]);
  free(b->recorded);
  for (size_t i = 0; i < b->n_files; i++)
    free(b->recorded_files[i]);
  free(b->recorded_files);
  free(b->file);
  free(b->dir);
  free(b->cwd);
  free(b);
}

size_t ll_baseline_match(const ll_baseline *b, const char *file, ll_finding *findings, size_t n) {
  if (!b->n_loaded || !n) return 0;
  char *path = relative_path(b, file);
  // The file's entries are one run of the sorted keys, which start with "path\x1f".
  size_t plen = strlen(path), lo = 0, hi = b->n_loaded;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strncmp(b->loaded[mid].key, path, plen);
    if (c < 0 || (c == 0 && b->loaded[mid].key[plen] < '\x1f'))
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t end = lo;
  while (end < b->n_loaded && strncmp(b->loaded[end].key, path, plen) == 0 &&
         b->loaded[end].key[plen] == '\x1f')
    end++;
  free(path);
  if (end == lo) return 0;
  bool *used = ll_xcalloc(end - lo, sizeof *used);
  size_t matched = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < n; i++) {
      ll_finding *f = &findings[i];
      if (f->suppression) continue;
      for (size_t k = lo; k < end; k++) {
        const entry *e = &b->loaded[k];
        if (used[k - lo] || strcmp(e->rule, f->rule->id) != 0) continue;
        bool same = pass == 0 ? strcmp(e->fingerprint, f->fingerprint) == 0
                              : e->line_hash[0] && strcmp(e->line_hash, f->line_hash) == 0;
        if (!same) continue;
        used[k - lo] = true;
        f->suppression = LL_SUPPRESSED_BASELINE;
        matched++;
        break;
      }
    }
  free(used);
  return matched;
}

void ll_baseline_record(ll_baseline *b, const char *file, const ll_finding *findings, size_t n) {
  char *path = relative_path(b, file);
  if (b->n_files == b->cap_files) {
    b->cap_files = b->cap_files ? b->cap_files * 2 : 64;
    b->recorded_files = ll_xrealloc(b->recorded_files, b->cap_files * sizeof(char *));
  }
  b->recorded_files[b->n_files++] = path;
  for (size_t i = 0; i < n; i++) {
    const ll_finding *f = &findings[i];
    if (f->suppression == LL_SUPPRESSED_IN_SOURCE) continue; // a comment excuses it already
    if (b->n_recorded == b->cap_recorded) {
      b->cap_recorded = b->cap_recorded ? b->cap_recorded * 2 : 64;
      b->recorded = ll_xrealloc(b->recorded, b->cap_recorded * sizeof *b->recorded);
    }
    b->recorded[b->n_recorded++] = (entry){.path = ll_xstrdup(path),
                                           .rule = ll_xstrdup(f->rule->id),
                                           .fingerprint = ll_xstrdup(f->fingerprint),
                                           .message = ll_xstrdup(f->message),
                                           .line_hash = ll_xstrdup(f->line_hash),
                                           .line = f->line};
  }
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_for_file(const void *pa, const void *pb) {
  const entry *a = *(const entry *const *)pa, *b = *(const entry *const *)pb;
  int by_path = strcmp(a->path, b->path);
  if (by_path) return by_path;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  int by_rule = strcmp(a->rule, b->rule);
  return by_rule ? by_rule : strcmp(a->fingerprint, b->fingerprint);
}

size_t ll_baseline_count(const ll_baseline *b) {
  size_t n = b->n_recorded;
  for (size_t i = 0; i < b->n_loaded; i++)
    n += !bsearch(&b->loaded[i].path, b->recorded_files, b->n_files, sizeof(char *),
                  compare_strings);
  return n;
}

bool ll_baseline_write(ll_baseline *b) {
  qsort(b->recorded_files, b->n_files, sizeof(char *), compare_strings);
  // Kept: loaded entries of files this run did not analyse. Then this run's findings.
  const entry **all = ll_xmalloc((b->n_loaded + b->n_recorded + 1) * sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < b->n_loaded; i++)
    if (!bsearch(&b->loaded[i].path, b->recorded_files, b->n_files, sizeof(char *),
                 compare_strings))
      all[n++] = &b->loaded[i];
  for (size_t i = 0; i < b->n_recorded; i++)
    all[n++] = &b->recorded[i];
  qsort(all, n, sizeof *all, compare_for_file);

  json_set_alloc_funcs(ll_xmalloc, free);
  json_t *findings = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *item = json_object();
    char *path = ll_report_utf8(all[i]->path, false);
    json_object_set_new(item, "path", json_string(path));
    free(path);
    json_object_set_new(item, "rule", json_string(all[i]->rule));
    json_object_set_new(item, "fingerprint", json_string(all[i]->fingerprint));
    json_object_set_new(item, "lineHash", json_string(all[i]->line_hash));
    json_object_set_new(item, "line", json_integer(all[i]->line));
    // Messages and paths may hold bytes that are not UTF-8; jansson refuses those.
    char *message = ll_report_utf8(all[i]->message, false);
    json_object_set_new(item, "message", json_string(message));
    free(message);
    json_array_append_new(findings, item);
  }
  free(all);
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(1));
  json_object_set_new(root, "generatedBy", json_string("leaklint " LEAKLINT_VERSION));
  json_object_set_new(root, "findings", findings);
  ll_output out = {0};
  bool ok = ll_output_open(&out, b->file, "the baseline");
  if (ok) {
    bool written =
        json_dumpf(root, out.stream, JSON_INDENT(2)) == 0 && fputc('\n', out.stream) != EOF;
    ok = ll_output_close(&out, b->file, written);
  }
  json_decref(root);
  return ok;
}
