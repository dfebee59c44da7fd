// The fixture harness: runs every default rule on fixture files and compares the exact set of
// findings with the expectations written in the fixtures' comments.
//
//   fixtures_test RULE_DIR...   check the fixtures in each fixtures/<rule-id>/ folder
//   fixtures_test --layout DIR  check that DIR (fixtures/) has a folder for every rule, each with
//                               positive-* and negative-* files, and no folder for an unknown rule
//
// Grammar of an expectation, inside any comment (read from tree-sitter `comment` nodes, so the
// text inside a string never counts):
//   // expect: RULE-ID[@COL][, RULE-ID[@COL]...]       findings on this comment's line
//   // expect-next-line: RULE-ID[@COL][, ...]          findings on the next line
// COL is 1-based, in UTF-16 code units: the number the text output prints. Without @COL any
// column matches. positive-* files need at least one expectation, negative-* files none.
// Differences are printed as gcc-style lines (`PATH:LINE:COL: missing RULE`) that editors open.
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/analyze.h"
#include "analyzer/files.h"
#include "analyzer/parse.h"
#include "analyzer/project.h"
#include "analyzer/registry.h"

typedef struct expectation {
  char rule[64];
  uint32_t line, column; // column 0: any
  bool matched;
} expectation;

typedef struct expectations {
  expectation *items;
  size_t n, cap;
  bool malformed;
} expectations;

static void add_expectation(expectations *list, const char *rule, size_t len, uint32_t line,
                            uint32_t column) {
  if (list->n == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 16;
    list->items = ll_xrealloc(list->items, list->cap * sizeof *list->items);
  }
  expectation *e = &list->items[list->n++];
  memset(e, 0, sizeof *e);
  snprintf(e->rule, sizeof e->rule, "%.*s", (int)len, rule);
  e->line = line;
  e->column = column;
}

// Parses "rule-a@3, rule-b" from `p` up to the end of the comment text.
static void parse_list(const char *path, expectations *list, const char *p, const char *end,
                       uint32_t line) {
  while (p < end) {
    while (p < end && (*p == ' ' || *p == ',' || *p == '\t'))
      p++;
    const char *start = p;
    while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      p++;
    if (p == start) break;
    size_t len = (size_t)(p - start);
    uint32_t column = 0;
    if (p < end && *p == '@') {
      column = (uint32_t)strtoul(p + 1, (char **)&p, 10);
      if (!column) {
        fprintf(stderr, "%s:%u: malformed column in expectation\n", path, line);
        list->malformed = true;
      }
    }
    char id[64];
    snprintf(id, sizeof id, "%.*s", (int)len, start);
    if (len >= sizeof id || !ll_registry_find(id)) {
      fprintf(stderr, "%s:%u:1: expectation names unknown rule '%s'\n", path, line, id);
      list->malformed = true;
    }
    add_expectation(list, start, len, line, column);
  }
}

static void read_expectations(const char *path, const ll_source *source, TSTree *tree,
                              expectations *list) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_symbol(node) == ll_js.sym.comment) {
      uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
      const char *text = source->text + start, *stop = source->text + end;
      if (stop - text >= 4 && text[1] == '*') stop -= 2; // drop the closing */
      text += 2;
      while (text < stop && (*text == ' ' || *text == '*'))
        text++;
      uint32_t line = ll_source_position(source, start).line;
      static const char same[] = "expect:", next[] = "expect-next-line:";
      if ((size_t)(stop - text) >= sizeof next - 1 && memcmp(text, next, sizeof next - 1) == 0)
        parse_list(path, list, text + sizeof next - 1, stop, line + 1);
      else if ((size_t)(stop - text) >= sizeof same - 1 && memcmp(text, same, sizeof same - 1) == 0)
        parse_list(path, list, text + sizeof same - 1, stop, line);
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor))
      if (!ts_tree_cursor_goto_parent(&cursor)) goto done;
  }
done:
  ts_tree_cursor_delete(&cursor);
}

static bool has_prefix(const char *name, const char *prefix) {
  return strncmp(name, prefix, strlen(prefix)) == 0;
}

// The configuration of fixture `path`: CASE.leaklint.json beside CASE.js, else a leaklint.json in
// its folder, else the built-in one (`*loaded` is set when it was read and must be freed).
static const ll_config *fixture_config(const char *path, const ll_config *builtin,
                                       ll_config **loaded) {
  *loaded = NULL;
  size_t len = strlen(path);
  const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
  char *candidate = ll_xmalloc(len + sizeof LL_CONFIG_NAME + 2);
  snprintf(candidate, len + sizeof LL_CONFIG_NAME + 2, "%.*s." LL_CONFIG_NAME,
           (int)(dot ? dot - path : (ptrdiff_t)len), path);
  struct stat st;
  if (stat(candidate, &st) != 0)
    snprintf(candidate, len + sizeof LL_CONFIG_NAME + 2, "%.*s" LL_CONFIG_NAME,
             (int)(slash ? slash - path + 1 : 0), path);
  if (stat(candidate, &st) == 0) {
    ll_config_flags flags = {0};
    *loaded = ll_config_load(candidate, &flags);
    if (!*loaded) fprintf(stderr, "%s:1:1: its configuration %s does not load\n", path, candidate);
  }
  free(candidate);
  return *loaded ? *loaded : builtin;
}

// Checks that a fixture named positive-* expects findings and one named negative-* none.
static bool check_naming(const char *path, size_t n_expected) {
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  if (has_prefix(base, "positive-") && n_expected == 0) {
    fprintf(stderr, "%s:1:1: a positive fixture needs at least one `expect:` comment\n", path);
    return false;
  }
  if (has_prefix(base, "negative-") && n_expected > 0) {
    fprintf(stderr, "%s:1:1: a negative fixture must not expect findings\n", path);
    return false;
  }
  return true;
}

// Compares the findings of the file at `path`, settled as a run would settle them (with the
// callers `project` saw in the other files of a multi-file fixture, or none), with its
// expectations; returns true when they are exactly as expected, and adds the number of
// expectations to `*n_expected`. Suppressed findings are not reported, so they are not expected
// either.
static bool compare_file(ll_analyzer *analyzer, ll_parser *parser, const ll_config *builtin,
                         const char *path, const ll_project *project, size_t *n_expected) {
  ll_config *loaded;
  const ll_config *config = fixture_config(path, builtin, &loaded);
  ll_file_result result;
  ll_analyzer_file(analyzer, config, path, &result);
  if (result.status != LL_OK) {
    ll_config_delete(loaded);
    fprintf(stderr, "%s:1:1: cannot analyse: %s\n", path, result.error);
    return false;
  }
  result.n_findings =
      ll_project_settle(project, path, config, result.findings, result.n_findings, NULL);
  ll_config_delete(loaded);
  const ll_source *source = result.source;
  TSTree *tree = ll_parser_parse(parser, source->text, source->len);
  expectations expected = {0};
  read_expectations(path, source, tree, &expected);
  ts_tree_delete(tree);
  *n_expected += expected.n;

  bool ok = !expected.malformed;
  // Exact columns match first, so that a column-less expectation cannot take the finding that an
  // exact one on the same line needs.
  bool *used = ll_xcalloc(result.n_findings + 1, sizeof *used);
  for (size_t k = 0; k < result.n_findings; k++)
    used[k] = result.findings[k].suppression != LL_SUPPRESSED_NOT;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < expected.n; i++) {
      expectation *e = &expected.items[i];
      if (e->matched || (pass == 0) != (e->column != 0)) continue;
      for (size_t k = 0; k < result.n_findings && !e->matched; k++) {
        const ll_finding *f = &result.findings[k];
        if (!used[k] && f->line == e->line && strcmp(f->rule->id, e->rule) == 0 &&
            (!e->column || e->column == f->column))
          used[k] = e->matched = true;
      }
    }
  for (size_t i = 0; i < expected.n; i++)
    if (!expected.items[i].matched) {
      fprintf(stderr, "%s:%u:%u: missing %s\n", path, expected.items[i].line,
              expected.items[i].column ? expected.items[i].column : 1, expected.items[i].rule);
      ok = false;
    }
  for (size_t k = 0; k < result.n_findings; k++)
    if (!used[k]) {
      const ll_finding *f = &result.findings[k];
      fprintf(stderr, "%s:%u:%u: unexpected %s: %s\n", path, f->line, f->column, f->rule->id,
              f->message);
      ok = false;
    }
  free(used);
  free(expected.items);
  return ok;
}

static bool check_fixture(ll_analyzer *analyzer, ll_parser *parser, const ll_config *builtin,
                          const char *path) {
  size_t n_expected = 0;
  bool ok = compare_file(analyzer, parser, builtin, path, NULL, &n_expected);
  return check_naming(path, n_expected) && ok;
}

// A fixture that is a folder: a small project whose files are analysed as one run analyses
// them, with the calls between them settling what one file alone cannot (project.h). Every
// file's findings are compared with its own expectations.
static bool check_project(ll_analyzer *analyzer, ll_parser *parser, const ll_config *builtin,
                          const char *dir) {
  ll_file_list files = {0};
  ll_file_list_add(&files, dir, NULL, NULL);
  ll_file_list_sort(&files);
  ll_project *project = ll_project_new();
  for (size_t i = 0; i < files.n; i++) {
    ll_config *loaded;
    const ll_config *config = fixture_config(files.paths[i], builtin, &loaded);
    ll_file_result result;
    ll_analyzer_file(analyzer, config, files.paths[i], &result);
    if (result.status == LL_OK)
      ll_project_add(project, files.paths[i], result.links, result.n_links);
    ll_config_delete(loaded);
  }
  bool ok = files.n > 0;
  size_t n_expected = 0;
  for (size_t i = 0; i < files.n; i++)
    ok &= compare_file(analyzer, parser, builtin, files.paths[i], project, &n_expected);
  ll_project_delete(project);
  ll_file_list_fini(&files);
  return check_naming(dir, n_expected) && ok;
}

static bool is_fixture_name(const char *name) {
  return (has_prefix(name, "positive-") || has_prefix(name, "negative-")) &&
         ll_file_is_javascript(name);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int check_rule_dirs(int n_dirs, char **dirs) {
  ll_config_flags flags = {0};
  ll_config *builtin = ll_config_new_default(NULL, &flags);
  if (!builtin) return 1;
  ll_analyzer_options options = {.max_file_size = 16u << 20, .parse_timeout = 10};
  ll_analyzer *analyzer = ll_analyzer_new(&options);
  ll_parser *parser = ll_parser_new(10);
  int passed = 0, failed = 0;
  for (int d = 0; d < n_dirs; d++) {
    // The folder's entries, sorted: files are fixtures, folders are multi-file fixtures.
    DIR *dir = opendir(dirs[d]);
    if (!dir) {
      fprintf(stderr, "%s: cannot open\n", dirs[d]);
      failed++;
      continue;
    }
    char **names = NULL;
    size_t n_names = 0;
    for (struct dirent *entry; (entry = readdir(dir));) {
      if (entry->d_name[0] == '.') continue;
      names = ll_xrealloc(names, (n_names + 1) * sizeof *names);
      names[n_names++] = ll_xstrdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, n_names, sizeof *names, compare_names);
    if (!n_names) {
      fprintf(stderr, "%s: no fixtures\n", dirs[d]);
      failed++;
    }
    for (size_t i = 0; i < n_names; i++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", dirs[d], names[i]);
      struct stat st;
      bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
      bool named = has_prefix(names[i], "positive-") || has_prefix(names[i], "negative-");
      if (!named || (!is_dir && !is_fixture_name(names[i]))) {
        // A configuration (`CASE.leaklint.json` beside a fixture, `leaklint.json` for the
        // folder) is no fixture of its own.
        if (!is_dir && strstr(names[i], ".json")) {
          free(names[i]);
          continue;
        }
        fprintf(stderr, "%s:1:1: fixture names start with positive- or negative-\n", path);
        failed++;
      } else if (is_dir ? check_project(analyzer, parser, builtin, path)
                        : check_fixture(analyzer, parser, builtin, path)) {
        passed++;
      } else {
        failed++;
      }
      free(names[i]);
    }
    free(names);
  }
  ll_parser_delete(parser);
  ll_analyzer_delete(analyzer);
  ll_config_delete(builtin);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

// fixtures/ must hold one folder per rule, each with positive and negative cases.
static int check_layout(const char *root) {
  int passed = 0, failed = 0;
  size_t n_rules;
  const ll_rule *const *rules = ll_registry_rules(&n_rules);
  for (size_t i = 0; i < n_rules; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, rules[i]->id);
    DIR *d = opendir(dir);
    if (!d) {
      fprintf(stderr, "%s: missing: every rule needs a fixture folder\n", dir);
      failed++;
      continue;
    }
    int positive = 0, negative = 0;
    for (struct dirent *entry; (entry = readdir(d));) {
      positive += has_prefix(entry->d_name, "positive-") && ll_file_is_javascript(entry->d_name);
      negative += has_prefix(entry->d_name, "negative-") && ll_file_is_javascript(entry->d_name);
    }
    closedir(d);
    if (!positive || !negative) {
      fprintf(stderr, "%s: needs positive-*.js and negative-*.js fixtures (has %d and %d)\n", dir,
              positive, negative);
      failed++;
    } else {
      passed++;
    }
  }
  DIR *d = opendir(root);
  if (!d) {
    fprintf(stderr, "%s: cannot open\n", root);
    return 1;
  }
  for (struct dirent *entry; (entry = readdir(d));) {
    if (entry->d_name[0] == '.') continue;
    if (!ll_registry_find(entry->d_name)) {
      fprintf(stderr, "%s/%s: no rule has this id\n", root, entry->d_name);
      failed++;
    }
  }
  closedir(d);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

int main(int argc, char **argv) {
  const char *missing;
  if (!ll_grammar_init(&missing)) return 2;
  if (argc == 3 && strcmp(argv[1], "--layout") == 0) return check_layout(argv[2]);
  if (argc < 2) {
    fprintf(stderr, "usage: fixtures_test RULE_DIR... | --layout FIXTURES_DIR\n");
    return 2;
  }
  return check_rule_dirs(argc - 1, argv + 1);
}
