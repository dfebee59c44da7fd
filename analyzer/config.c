// Configuration files: reading and checking leaklint.json with jansson, the ignore globs, and
// the search for the file that applies to each analysed file.
//
// Checking is strict on purpose: a misspelt key or rule id that were silently ignored would turn
// a rule off (or leave it on) without anyone noticing, so every unknown key, wrong type and bad
// pattern is an error that names the file and the key, and suggests the nearest known name.
#include "analyzer/config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "analyzer/diag.h"
#include "analyzer/glob.h"
#include "analyzer/json_file.h"
#include "analyzer/paths.h"
#include "analyzer/registry.h"
#include "analyzer/strmap.h"

#ifndef LEAKLINT_HOMEPAGE
#define LEAKLINT_HOMEPAGE "https://github.com/leaklint/leaklint"
#endif
#define SCHEMA_URL LEAKLINT_HOMEPAGE "/raw/main/analyzer/leaklint.schema.json"

static const char *const default_extensions[] = {".js", ".mjs", ".cjs", ".jsx"};

typedef struct rule_setting {
  ll_severity severity;
  bool configured;          // the severity is the configuration's, not the rule's default
  ll_pattern_list *options; // one per entry of rule->options; NULL when none is configured
} rule_setting;

struct ll_config {
  char *path;          // absolute, normalised; NULL for the built-in configuration
  char *dir;           // what ignore patterns are relative to; may be NULL
  rule_setting *rules; // by registry index
  size_t n_rules;
  ll_glob *ignore; // `{a,b}` patterns are split into one glob per alternative
  size_t n_ignore;
  char **extensions;
  size_t n_extensions;
  ll_confidence min_confidence; // findings below it are dropped
  ll_vocab vocab;
  ll_engine *engine;
};

// ---------------------------------------------------------------------------------------------
// Ignore patterns (glob.h matches them)

bool ll_config_ignores(const ll_config *config, const char *path, bool is_dir) {
  if (!config->n_ignore || !config->dir) return false;
  const char *rel = ll_paths_below(path, config->dir);
  if (!rel) return false;
  // The path itself, and each directory on the way to it: `dist/` ignores `dist/a/b.js`.
  char *prefix = ll_xstrdup(rel);
  bool ignored = false;
  for (char *cut = prefix; !ignored; cut++) {
    char *slash = strchr(cut, '/');
    if (slash) *slash = '\0';
    for (size_t i = 0; i < config->n_ignore && !ignored; i++)
      ignored = ll_glob_matches(&config->ignore[i], prefix, slash ? true : is_dir);
    if (!slash) break;
    *slash = '/';
    cut = slash;
  }
  free(prefix);
  return ignored;
}

bool ll_config_wants_file(const ll_config *config, const char *name) {
  size_t len = strlen(name);
  for (size_t i = 0; i < config->n_extensions; i++) {
    size_t ext = strlen(config->extensions[i]);
    if (len > ext && strcmp(name + len - ext, config->extensions[i]) == 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Building

static void config_error(const ll_config *config, const char *key, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void config_error(const ll_config *config, const char *key, const char *format, ...) {
  char message[1024];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  if (key)
    ll_diag_error(config->path, "\"%s\": %s", key, message);
  else
    ll_diag_error(config->path, "%s", message);
}

// " (did you mean \"x\"?)" for the nearest of `names` within 3 edits, else "".
static const char *suggestion(const char *name, const char *const *names, size_t n, char *buffer,
                              size_t size) {
  const char *best = NULL;
  size_t best_distance = 4;
  for (size_t i = 0; i < n; i++) {
    size_t d = ll_edit_distance(name, names[i]);
    if (d < best_distance) best = names[i], best_distance = d;
  }
  if (!best) return "";
  snprintf(buffer, size, " (did you mean \"%s\"?)", best);
  return buffer;
}

static const char *type_name(const json_t *value) {
  switch (json_typeof(value)) {
    case JSON_OBJECT:
      return "an object";
    case JSON_ARRAY:
      return "an array";
    case JSON_STRING:
      return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
      return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
      return "a boolean";
    case JSON_NULL:
      break;
  }
  return "null";
}

// Checks that `value` is an array of strings; names the first offender.
static bool string_array(const ll_config *config, const char *key, const json_t *value) {
  if (!json_is_array(value)) {
    config_error(config, key, "expected an array of strings, not %s", type_name(value));
    return false;
  }
  for (size_t i = 0; i < json_array_size(value); i++) {
    const json_t *item = json_array_get(value, i);
    if (!json_is_string(item)) {
      config_error(config, key, "item %zu: expected a string, not %s", i, type_name(item));
      return false;
    }
  }
  return true;
}

// Compiles every pattern of `value` (an array of strings) into `list`.
static bool compile_patterns(ll_config *config, const char *key, const json_t *value,
                             ll_pattern_list *list) {
  if (!string_array(config, key, value)) return false;
  list->file = config->path;
  for (size_t i = 0; i < json_array_size(value); i++) {
    const char *source = json_string_value(json_array_get(value, i));
    char error[256];
    size_t offset = 0;
    ll_pattern *pattern = ll_pattern_new(source, error, sizeof error, &offset);
    if (!pattern) {
      config_error(config, NULL, "\"%s[%zu]\": pattern `%s` does not compile at offset %zu: %s",
                   key, i, source, offset, error);
      return false;
    }
    ll_pattern_list_add(list, pattern);
  }
  return true;
}

// A severity as leaklint writes it ("off", "warning", "error"), or as ESLint users write it:
// "warn", and the numbers 0, 1 and 2.
static bool parse_severity(const json_t *value, ll_severity *out) {
  if (json_is_integer(value)) {
    json_int_t level = json_integer_value(value);
    if (level < 0 || level > 2) return false;
    *out = level == 0 ? LL_OFF : level == 1 ? LL_WARNING : LL_ERROR;
    return true;
  }
  if (!json_is_string(value)) return false;
  const char *text = json_string_value(value);
  // The numbers are JSON numbers here, not strings.
  return !(text[0] >= '0' && text[0] <= '9') && ll_severity_parse(text, out);
}

static size_t option_count(const ll_rule *rule) {
  size_t n = 0;
  while (rule->options && rule->options[n].key)
    n++;
  return n;
}

// `"rules": {"ID": "warning" | ["warning", {"option": [...]}]}`.
static bool read_rule(ll_config *config, const char *id, const json_t *value) {
  char key[160], hint[96];
  snprintf(key, sizeof key, "rules.%s", id);
  size_t n_rules;
  const ll_rule *const *rules = ll_registry_rules(&n_rules);
  const ll_rule *rule = ll_registry_find(id);
  if (!rule) {
    const char *ids[64];
    for (size_t i = 0; i < n_rules && i < 64; i++)
      ids[i] = rules[i]->id;
    config_error(config, key, "unknown rule%s; `leaklint --list-rules` lists them",
                 suggestion(id, ids, n_rules < 64 ? n_rules : 64, hint, sizeof hint));
    return false;
  }
  rule_setting *setting = &config->rules[ll_registry_index(rule)];
  const json_t *level = value, *options = NULL;
  if (json_is_array(value)) {
    if (json_array_size(value) < 1 || json_array_size(value) > 2) {
      config_error(config, key, "expected \"off\", \"warning\", \"error\" or [severity, options]");
      return false;
    }
    level = json_array_get(value, 0);
    options = json_array_get(value, 1);
  }
  if (!parse_severity(level, &setting->severity)) {
    char got[160];
    if (json_is_string(level))
      snprintf(got, sizeof got, "\"%s\"", json_string_value(level));
    else if (json_is_integer(level))
      snprintf(got, sizeof got, "%lld", (long long)json_integer_value(level));
    else
      snprintf(got, sizeof got, "%s", type_name(level));
    config_error(config, key, "expected \"off\", \"warning\" or \"error\" (or 0, 1, 2), not %s",
                 got);
    return false;
  }
  setting->configured = true;
  if (!options) return true;
  size_t n_options = option_count(rule);
  if (!json_is_object(options)) {
    config_error(config, key, "the options (second item) must be an object, not %s",
                 type_name(options));
    return false;
  }
  setting->options = ll_xcalloc(n_options + 1, sizeof *setting->options);
  const char *name;
  const json_t *patterns;
  json_object_foreach((json_t *)options, name, patterns) {
    size_t k = 0;
    while (k < n_options && strcmp(rule->options[k].key, name) != 0)
      k++;
    if (k == n_options) {
      const char *names[16];
      for (size_t i = 0; i < n_options && i < 16; i++)
        names[i] = rule->options[i].key;
      if (n_options)
        config_error(config, key, "unknown option \"%s\"%s", name,
                     suggestion(name, names, n_options < 16 ? n_options : 16, hint, sizeof hint));
      else
        config_error(config, key, "unknown option \"%s\": this rule has no options", name);
      return false;
    }
    char option_key[240];
    snprintf(option_key, sizeof option_key, "rules.%s.%s", id, name);
    setting->options[k].key = ll_xstrdup(option_key);
    if (!compile_patterns(config, option_key, patterns, &setting->options[k])) return false;
  }
  return true;
}

// Splits the first `{a,b}` group of `text` into one pattern per alternative (recursively).
static void expand_braces(const char *text, char ***out, size_t *n) {
  const char *open = strchr(text, '{'), *close = open ? strchr(open, '}') : NULL;
  if (!open || !close) {
    *out = ll_xrealloc(*out, (*n + 1) * sizeof **out);
    (*out)[(*n)++] = ll_xstrdup(text);
    return;
  }
  size_t head = (size_t)(open - text), tail = strlen(close + 1);
  for (const char *alt = open + 1; alt <= close;) {
    const char *end = alt;
    while (end < close && *end != ',')
      end++;
    size_t n_alt = (size_t)(end - alt);
    char *one = ll_xmalloc(head + n_alt + tail + 1);
    memcpy(one, text, head);
    memcpy(one + head, alt, n_alt);
    memcpy(one + head + n_alt, close + 1, tail + 1);
    expand_braces(one, out, n);
    free(one);
    alt = end + 1;
  }
}

static bool add_ignore(ll_config *config, size_t index, const char *text) {
  char key[64];
  snprintf(key, sizeof key, "ignore[%zu]", index);
  // Without negation a list of globs is a plain union, whose order does not matter; .gitignore
  // and .leaklintignore have `!` for re-including.
  if (!*text || text[0] == '!') {
    config_error(config, key, "%s",
                 *text ? "negated patterns (\"!...\") are not supported"
                       : "an empty pattern matches nothing");
    return false;
  }
  ll_glob check;
  size_t offset = 0;
  if (!ll_glob_parse(text, &check, &offset)) {
    config_error(config, key, "`%s`: unclosed `[` at offset %zu", text, offset);
    return false;
  }
  ll_glob_fini(&check);
  char **variants = NULL;
  size_t n_variants = 0;
  expand_braces(text, &variants, &n_variants);
  for (size_t v = 0; v < n_variants; v++) {
    config->ignore = ll_xrealloc(config->ignore, (config->n_ignore + 1) * sizeof *config->ignore);
    ll_glob *glob = &config->ignore[config->n_ignore++];
    ll_glob_parse(variants[v], glob, &offset);
    // --print-config shows the pattern as written, once.
    free(glob->text);
    glob->text = ll_xstrdup(text);
    free(variants[v]);
  }
  free(variants);
  return true;
}

static bool read_extensions(ll_config *config, const json_t *value) {
  if (!string_array(config, "extensions", value)) return false;
  for (size_t i = 0; i < json_array_size(value); i++) {
    const char *ext = json_string_value(json_array_get(value, i));
    if (ext[0] != '.' || !ext[1] || strchr(ext, '/')) {
      config_error(config, NULL, "\"extensions[%zu]\": `%s` is not an extension such as \".js\"", i,
                   ext);
      return false;
    }
  }
  for (size_t i = 0; i < config->n_extensions; i++)
    free(config->extensions[i]);
  config->n_extensions = json_array_size(value);
  config->extensions = ll_xrealloc(config->extensions, (config->n_extensions + 1) * sizeof(char *));
  for (size_t i = 0; i < config->n_extensions; i++)
    config->extensions[i] = ll_xstrdup(json_string_value(json_array_get(value, i)));
  return true;
}

// The keys of a configuration file, in the order --init and --print-config write them.
static const char *const top_keys[] = {"$schema",
                                       "rules",
                                       "minConfidence",
                                       "ignore",
                                       "extensions",
                                       "routeMethods",
                                       "listenerAddMethods",
                                       "listenerRemoveMethods",
                                       "boundedCaches",
                                       "globals",
                                       "runsOnce",
                                       "resourceAcquireCalls",
                                       "resourceReleaseMethods"};

static bool read_document(ll_config *config, const json_t *root) {
  if (!json_is_object(root)) {
    config_error(config, NULL, "expected an object at the top level, not %s", type_name(root));
    return false;
  }
  const char *key;
  const json_t *value;
  json_object_foreach((json_t *)root, key, value) {
    char hint[96];
    if (strcmp(key, "$schema") == 0) {
      if (!json_is_string(value)) {
        config_error(config, key, "expected a string, not %s", type_name(value));
        return false;
      }
    } else if (strcmp(key, "rules") == 0) {
      if (!json_is_object(value)) {
        config_error(config, key, "expected an object, not %s", type_name(value));
        return false;
      }
      const char *id;
      const json_t *setting;
      json_object_foreach((json_t *)value, id, setting) {
        if (!read_rule(config, id, setting)) return false;
      }
    } else if (strcmp(key, "minConfidence") == 0) {
      const char *level = json_string_value(value);
      if (level && strcmp(level, "high") == 0)
        config->min_confidence = LL_CONFIDENCE_HIGH;
      else if (level && strcmp(level, "medium") == 0)
        config->min_confidence = LL_CONFIDENCE_MEDIUM;
      else {
        config_error(config, key, "expected \"high\" or \"medium\", not %s%s%s",
                     level ? "\"" : type_name(value), level ? level : "", level ? "\"" : "");
        return false;
      }
    } else if (strcmp(key, "ignore") == 0) {
      if (!string_array(config, key, value)) return false;
      for (size_t i = 0; i < json_array_size(value); i++)
        if (!add_ignore(config, i, json_string_value(json_array_get(value, i)))) return false;
    } else if (strcmp(key, "extensions") == 0) {
      if (!read_extensions(config, value)) return false;
    } else {
      int k = 0;
      while (k < LL_VOCAB_COUNT && strcmp(ll_vocab_keys[k], key) != 0)
        k++;
      if (k == LL_VOCAB_COUNT) {
        config_error(
            config, key, "unknown key%s",
            suggestion(key, top_keys, sizeof top_keys / sizeof *top_keys, hint, sizeof hint));
        return false;
      }
      config->vocab.lists[k].key = ll_vocab_keys[k];
      if (!compile_patterns(config, key, value, &config->vocab.lists[k])) return false;
    }
  }
  return true;
}

// --rule ID:SEVERITY, in the order given: over the file's own setting, as if configured there.
static void apply_rule_flags(ll_config *config, const ll_config_flags *flags) {
  for (size_t i = 0; flags && i < flags->n_rule_severities; i++) {
    rule_setting *setting = &config->rules[ll_registry_index(flags->rule_severities[i].rule)];
    setting->severity = flags->rule_severities[i].severity;
    setting->configured = true;
  }
}

static ll_config *config_new(const char *path, const char *dir, const ll_config_flags *flags) {
  ll_config *config = ll_xcalloc(1, sizeof *config);
  config->path = path ? ll_xstrdup(path) : NULL;
  config->dir = dir ? ll_xstrdup(dir) : NULL;
  const ll_rule *const *rules = ll_registry_rules(&config->n_rules);
  config->rules = ll_xcalloc(config->n_rules, sizeof *config->rules);
  for (size_t i = 0; i < config->n_rules; i++) {
    bool on = !rules[i]->off_by_default ||
              (flags && flags->report_unused_disable && rules[i] == &ll_rule_unused_disable);
    config->rules[i].severity = on ? rules[i]->default_severity : LL_OFF;
  }
  config->n_extensions = sizeof default_extensions / sizeof *default_extensions;
  config->extensions = ll_xmalloc(config->n_extensions * sizeof(char *));
  for (size_t i = 0; i < config->n_extensions; i++)
    config->extensions[i] = ll_xstrdup(default_extensions[i]);
  for (int k = 0; k < LL_VOCAB_COUNT; k++) {
    config->vocab.lists[k].key = ll_vocab_keys[k];
    config->vocab.lists[k].file = config->path;
  }
  // Both levels are shown unless the file or the command line asks for sure findings only.
  config->min_confidence =
      flags && flags->min_confidence_set ? flags->min_confidence : LL_CONFIDENCE_MEDIUM;
  return config;
}

// The engine for the rules that are on, with their severities and options.
static bool build_engine(ll_config *config) {
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  ll_enabled_rule *enabled = ll_xmalloc((n ? n : 1) * sizeof *enabled);
  size_t n_enabled = 0;
  for (size_t i = 0; i < n; i++)
    if (config->rules[i].severity != LL_OFF)
      enabled[n_enabled++] =
          (ll_enabled_rule){rules[i], config->rules[i].severity, config->rules[i].configured,
                            config->rules[i].options};
  const char *bad_type = NULL;
  config->engine = ll_engine_new(enabled, n_enabled, &bad_type);
  free(enabled);
  if (!config->engine)
    ll_diag_error(NULL, "internal error: a rule wants unknown node type '%s'", bad_type);
  return config->engine != NULL;
}

ll_config *ll_config_new_default(const char *dir, const ll_config_flags *flags) {
  ll_config *config = config_new(NULL, dir, flags);
  apply_rule_flags(config, flags);
  if (!build_engine(config)) {
    ll_config_delete(config);
    return NULL;
  }
  return config;
}

ll_config *ll_config_new_for_rules(const ll_enabled_rule *rules, size_t n) {
  ll_config *config = config_new(NULL, NULL, NULL);
  const char *bad_type = NULL;
  config->engine = ll_engine_new(rules, n, &bad_type);
  if (!config->engine) {
    ll_config_delete(config);
    return NULL;
  }
  return config;
}

ll_config *ll_config_load(const char *path, const ll_config_flags *flags) {
  char *cwd = ll_paths_cwd();
  char *absolute = ll_paths_absolute(path, cwd);
  free(cwd);
  if (!absolute) absolute = ll_xstrdup(path);
  char *dir = ll_paths_dirname(absolute);
  ll_config *config = config_new(absolute, dir, flags);
  free(dir);
  free(absolute);
  json_t *root = ll_jsonc_read(path, "the configuration");
  bool ok = root != NULL;
  if (root) {
    ok = read_document(config, root);
    json_decref(root);
  }
  // The command line has the last word: --report-unused-disable turns the diagnostic on even
  // where the file leaves it off.
  rule_setting *unused = &config->rules[ll_registry_index(&ll_rule_unused_disable)];
  if (flags && flags->report_unused_disable && unused->severity == LL_OFF)
    unused->severity = ll_rule_unused_disable.default_severity;
  // --min-confidence has the last word too, and so do --rule ID:SEVERITY.
  if (flags && flags->min_confidence_set) config->min_confidence = flags->min_confidence;
  apply_rule_flags(config, flags);
  if (!ok || !build_engine(config)) {
    ll_config_delete(config);
    return NULL;
  }
  return config;
}

void ll_config_delete(ll_config *config) {
  if (!config) return;
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < config->n_rules; i++) {
    ll_pattern_list *options = config->rules[i].options;
    if (!options) continue;
    for (size_t k = 0; k < option_count(rules[i]); k++) {
      free((char *)options[k].key);
      ll_pattern_list_fini(&options[k]);
    }
    free(options);
  }
  free(config->rules);
  for (size_t i = 0; i < config->n_ignore; i++)
    ll_glob_fini(&config->ignore[i]);
  free(config->ignore);
  for (size_t i = 0; i < config->n_extensions; i++)
    free(config->extensions[i]);
  free(config->extensions);
  ll_vocab_fini(&config->vocab);
  ll_engine_delete(config->engine);
  free(config->path);
  free(config->dir);
  free(config);
}

const ll_engine *ll_config_engine(const ll_config *config) {
  return config->engine;
}

const ll_vocab *ll_config_vocab(const ll_config *config) {
  return &config->vocab;
}

ll_severity ll_config_severity(const ll_config *config, const ll_rule *rule) {
  return config->rules[ll_registry_index(rule)].severity;
}

bool ll_config_shows(const ll_config *config, const ll_finding *finding) {
  // LL_CONFIDENCE_HIGH is 0: a larger value is a less sure finding.
  return finding->confidence <= config->min_confidence;
}

static bool had_pattern_failure(const ll_config *config) {
  for (int k = 0; k < LL_VOCAB_COUNT; k++)
    if (ll_pattern_list_failed(&config->vocab.lists[k])) return true;
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < config->n_rules; i++)
    for (size_t k = 0; config->rules[i].options && k < option_count(rules[i]); k++)
      if (ll_pattern_list_failed(&config->rules[i].options[k])) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Printing

static json_t *pattern_array(const ll_pattern_list *list) {
  json_t *array = json_array();
  for (size_t i = 0; list && i < list->n; i++)
    json_array_append_new(array, json_string(ll_pattern_source(list->items[i])));
  return array;
}

// The document --init writes and --print-config shows: every key, in the usual order.
static json_t *config_document(const ll_config *config, bool with_schema) {
  json_t *root = json_object();
  if (with_schema) json_object_set_new(root, "$schema", json_string(SCHEMA_URL));
  json_t *rules_object = json_object();
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < n; i++) {
    const rule_setting *s = &config->rules[i];
    const char *level = s->severity == LL_OFF ? "off" : ll_severity_name(s->severity);
    size_t n_options = option_count(rules[i]);
    if (!n_options) {
      json_object_set_new(rules_object, rules[i]->id, json_string(level));
      continue;
    }
    json_t *options = json_object();
    for (size_t k = 0; k < n_options; k++)
      json_object_set_new(options, rules[i]->options[k].key,
                          pattern_array(s->options ? &s->options[k] : NULL));
    json_t *pair = json_array();
    json_array_append_new(pair, json_string(level));
    json_array_append_new(pair, options);
    json_object_set_new(rules_object, rules[i]->id, pair);
  }
  json_object_set_new(root, "rules", rules_object);
  json_object_set_new(root, "minConfidence",
                      json_string(ll_confidence_name(config->min_confidence)));
  json_t *ignore = json_array();
  for (size_t i = 0; i < config->n_ignore; i++) {
    // A `{a,b}` pattern was split into several: show it once, as written.
    if (i && strcmp(config->ignore[i].text, config->ignore[i - 1].text) == 0) continue;
    json_array_append_new(ignore, json_string(config->ignore[i].text));
  }
  json_object_set_new(root, "ignore", ignore);
  json_t *extensions = json_array();
  for (size_t i = 0; i < config->n_extensions; i++)
    json_array_append_new(extensions, json_string(config->extensions[i]));
  json_object_set_new(root, "extensions", extensions);
  for (int k = 0; k < LL_VOCAB_COUNT; k++)
    json_object_set_new(root, ll_vocab_keys[k], pattern_array(&config->vocab.lists[k]));
  return root;
}

void ll_config_print(const ll_config *config, const char *file, bool ignored, FILE *out) {
  json_set_alloc_funcs(ll_xmalloc, free);
  json_t *root = json_object();
  if (file) {
    json_object_set_new(root, "file", json_string(file));
    json_object_set_new(root, "ignored", json_boolean(ignored));
  }
  json_object_set_new(root, "configFile", config->path ? json_string(config->path) : json_null());
  json_t *document = config_document(config, false);
  json_object_update(root, document);
  json_decref(document);
  json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
}

bool ll_config_write_starter(const char *path) {
  ll_config *defaults = config_new(NULL, NULL, NULL);
  json_set_alloc_funcs(ll_xmalloc, free);
  json_t *root = config_document(defaults, true);
  ll_config_delete(defaults);
  char *text = json_dumps(root, JSON_INDENT(2));
  json_decref(root);
  // O_EXCL: never replace a configuration someone wrote.
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    ll_diag_error(path, "cannot create the configuration: %s",
                  errno == EEXIST ? "the file exists (remove it first)" : strerror(errno));
    free(text);
    return false;
  }
  size_t len = strlen(text);
  bool ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
  ok = close(fd) == 0 && ok;
  free(text);
  if (!ok) ll_diag_error(path, "cannot write the configuration: %s", strerror(errno));
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Finding the configuration of a file

typedef struct dir_entry {
  char *dir;               // absolute, normalised
  const ll_config *config; // NULL: a configuration here or above could not be read
} dir_entry;

struct ll_config_finder {
  ll_config_flags flags;
  char *cwd;
  ll_config *fixed;   // --config, --no-config, or the built-in one for files with none
  bool use_fixed;     // every file gets `fixed`
  ll_config **loaded; // every file read
  size_t n_loaded;
  dir_entry *dirs; // directories already resolved; open addressing on the name
  size_t cap_dirs, n_dirs;
  bool failed;
};

static dir_entry *dir_slot(ll_config_finder *finder, const char *dir) {
  size_t mask = finder->cap_dirs - 1;
  for (size_t i = ll_hash_text(dir) & mask;; i = (i + 1) & mask)
    if (!finder->dirs[i].dir || strcmp(finder->dirs[i].dir, dir) == 0) return &finder->dirs[i];
}

static void remember(ll_config_finder *finder, const char *dir, const ll_config *config) {
  if ((finder->n_dirs + 1) * 4 > finder->cap_dirs * 3) {
    dir_entry *old = finder->dirs;
    size_t old_cap = finder->cap_dirs;
    finder->cap_dirs = old_cap ? old_cap * 2 : 64;
    finder->dirs = ll_xcalloc(finder->cap_dirs, sizeof *finder->dirs);
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].dir) *dir_slot(finder, old[i].dir) = old[i];
    free(old);
  }
  dir_entry *slot = dir_slot(finder, dir);
  if (slot->dir) return;
  *slot = (dir_entry){ll_xstrdup(dir), config};
  finder->n_dirs++;
}

ll_config_finder *ll_config_finder_new(const char *override_path, bool no_config,
                                       const ll_config_flags *flags) {
  ll_config_finder *finder = ll_xcalloc(1, sizeof *finder);
  finder->flags = *flags;
  finder->cwd = ll_paths_cwd();
  if (override_path) {
    finder->fixed = ll_config_load(override_path, flags);
    finder->failed = !finder->fixed;
  } else {
    finder->fixed = ll_config_new_default(finder->cwd, flags);
    finder->failed = !finder->fixed;
  }
  finder->use_fixed = override_path || no_config;
  return finder;
}

void ll_config_finder_delete(ll_config_finder *finder) {
  if (!finder) return;
  for (size_t i = 0; i < finder->cap_dirs; i++)
    free(finder->dirs[i].dir);
  free(finder->dirs);
  for (size_t i = 0; i < finder->n_loaded; i++)
    ll_config_delete(finder->loaded[i]);
  free(finder->loaded);
  ll_config_delete(finder->fixed);
  free(finder->cwd);
  free(finder);
}

static bool exists(const char *dir, const char *name, bool want_dir) {
  size_t size = strlen(dir) + strlen(name) + 2;
  char *path = ll_xmalloc(size);
  snprintf(path, size, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
  struct stat st;
  bool found = stat(path, &st) == 0 && (want_dir ? true : S_ISREG(st.st_mode));
  free(path);
  return found;
}

// The configuration for files in the absolute, normalised directory `dir`.
static const ll_config *resolve_dir(ll_config_finder *finder, const char *dir) {
  if (finder->cap_dirs) {
    dir_entry *known = dir_slot(finder, dir);
    if (known->dir) return known->config;
  }
  const ll_config *config;
  if (exists(dir, LL_CONFIG_NAME, false)) {
    size_t size = strlen(dir) + sizeof LL_CONFIG_NAME + 1;
    char *path = ll_xmalloc(size);
    snprintf(path, size, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, LL_CONFIG_NAME);
    ll_config *loaded = ll_config_load(path, &finder->flags);
    free(path);
    if (loaded) {
      finder->loaded = ll_xrealloc(finder->loaded, (finder->n_loaded + 1) * sizeof(ll_config *));
      finder->loaded[finder->n_loaded++] = loaded;
    } else {
      finder->failed = true;
    }
    config = loaded;
  } else if (strcmp(dir, "/") == 0 || exists(dir, ".git", true)) {
    config = finder->fixed; // the repository's root, or the file system's: nothing above counts
  } else {
    char *parent = ll_paths_dirname(dir);
    config = resolve_dir(finder, parent);
    free(parent);
  }
  remember(finder, dir, config);
  return config;
}

const ll_config *ll_config_finder_for_file(ll_config_finder *finder, const char *path,
                                           char **absolute) {
  char *abs = ll_paths_absolute(path, finder->cwd);
  if (!abs) abs = ll_paths_normalize(path);
  const ll_config *config = finder->fixed;
  if (!finder->use_fixed && abs[0] == '/') {
    char *dir = ll_paths_dirname(abs);
    config = resolve_dir(finder, dir);
    free(dir);
  }
  if (absolute)
    *absolute = abs;
  else
    free(abs);
  return config;
}

bool ll_config_finder_failed(const ll_config_finder *finder) {
  return finder->failed;
}

bool ll_config_finder_pattern_failed(const ll_config_finder *finder) {
  if (finder->fixed && had_pattern_failure(finder->fixed)) return true;
  for (size_t i = 0; i < finder->n_loaded; i++)
    if (had_pattern_failure(finder->loaded[i])) return true;
  return false;
}
