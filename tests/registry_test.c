// The registry agrees with everything around it, as ESLint's checkRuleFiles does: every rule has a
// file in rules/, every file in rules/ is registered, ids are kebab-case and sorted, metadata is
// complete, node types exist in the grammar, and the README documents each rule under a heading
// that is its id, and each rule has its page rules/<id>.md (its help_uri, built in for --explain).
//
//   registry_test PROJECT_ROOT
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/registry.h"

static const char *project_root;

static bool is_kebab_case(const char *id) {
  if (!*id || *id == '-') return false;
  for (const char *p = id; *p; p++) {
    if (*p == '-' && (p[1] == '-' || p[1] == '\0')) return false;
    if (!(*p == '-' || (*p >= 'a' && *p <= 'z'))) return false;
  }
  return true;
}

static void ids_are_kebab_case_sorted_and_unique(void **state) {
  (void)state;
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  assert_true(n >= 2);
  for (size_t i = 0; i < n; i++) {
    assert_true(is_kebab_case(rules[i]->id));
    if (i) assert_true(strcmp(rules[i - 1]->id, rules[i]->id) < 0);
    assert_ptr_equal(ll_registry_find(rules[i]->id), rules[i]);
    assert_int_equal(ll_registry_index(rules[i]), i);
  }
  assert_null(ll_registry_find("no-such-rule"));
}

static void metadata_is_complete(void **state) {
  (void)state;
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < n; i++) {
    const ll_rule *r = rules[i];
    assert_non_null(r->name);
    assert_true(r->name[0] >= 'A' && r->name[0] <= 'Z');
    assert_true(r->short_description && strlen(r->short_description) > 10);
    // One sentence: no final period, as SARIF viewers and --list-rules show it.
    assert_true(r->short_description[strlen(r->short_description) - 1] != '.');
    assert_true(r->full_description && strlen(r->full_description) > 40);
    assert_true(r->default_severity == LL_WARNING || r->default_severity == LL_ERROR);
    assert_non_null(r->precision);
    assert_true(strcmp(r->precision, "very-high") == 0 || strcmp(r->precision, "high") == 0 ||
                strcmp(r->precision, "medium") == 0 || strcmp(r->precision, "low") == 0);
    // The fix hint reads like a message: lower case, no final period.
    assert_true(r->fix && strlen(r->fix) > 10);
    assert_true(r->fix[0] >= 'a' && r->fix[0] <= 'z');
    assert_true(r->fix[strlen(r->fix) - 1] != '.');
    // help_uri is the rule's page, rules/<id>.md, which exists and is built in for --explain.
    char page[128];
    snprintf(page, sizeof page, "/rules/%s.md", r->id);
    assert_non_null(r->help_uri);
    assert_true(strlen(r->help_uri) > strlen(page));
    assert_string_equal(r->help_uri + strlen(r->help_uri) - strlen(page), page);
    char path[4096];
    snprintf(path, sizeof path, "%s%s", project_root, page);
    FILE *file = fopen(path, "r");
    assert_non_null(file);
    fclose(file);
    assert_non_null(ll_registry_page(r));
    assert_true(strncmp(ll_registry_page(r), "# ", 2) == 0);
    assert_true(strncmp(ll_registry_page(r) + 2, r->id, strlen(r->id)) == 0);
    // The category is one of the five, and one of the rule's SARIF tags too.
    assert_true(r->category <= LL_CATEGORY_ANALYSIS);
    size_t n_tags = 0;
    bool category_tagged = false;
    for (const char *const *tag = r->tags; tag && *tag; tag++) {
      n_tags++;
      if (strcmp(*tag, ll_category_name(r->category)) == 0) category_tagged = true;
    }
    assert_true(n_tags >= 1 && n_tags <= 10);
    assert_true(category_tagged);
    for (const char *const *type = r->node_types; type && *type; type++)
      assert_int_not_equal(ll_grammar_symbol(*type), 0);
    // A rule that asks for node types must have a callback to receive them.
    if (r->node_types && r->node_types[0]) assert_true(r->enter || r->leave);
  }
}

static void every_rule_file_is_registered(void **state) {
  (void)state;
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/rules", project_root);
  DIR *d = opendir(dir);
  assert_non_null(d);
  size_t n, files = 0;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (struct dirent *entry; (entry = readdir(d));) {
    size_t len = strlen(entry->d_name);
    if (len < 3 || strcmp(entry->d_name + len - 2, ".c") != 0) continue;
    files++;
    char id[256];
    snprintf(id, sizeof id, "%.*s", (int)(len - 2), entry->d_name);
    for (char *p = id; *p; p++)
      if (*p == '_') *p = '-';
    if (!ll_registry_find(id)) fail_msg("rules/%s is not in LL_ALL_RULES", entry->d_name);
  }
  closedir(d);
  assert_int_equal(files, n); // and so every registered rule has its file
  (void)rules;
}

static void readme_documents_every_rule(void **state) {
  (void)state;
  char path[4096];
  snprintf(path, sizeof path, "%s/README.md", project_root);
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  bool *found = calloc(n, sizeof *found);
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    for (size_t i = 0; i < n; i++) {
      char heading[160];
      snprintf(heading, sizeof heading, "### %s", rules[i]->id);
      if (strcmp(line, heading) == 0) found[i] = true;
    }
  }
  fclose(f);
  for (size_t i = 0; i < n; i++)
    if (!found[i]) fail_msg("README.md has no heading '### %s'", rules[i]->id);
  free(found);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: registry_test PROJECT_ROOT\n");
    return 2;
  }
  project_root = argv[1];
  const char *missing;
  if (!ll_grammar_init(&missing)) {
    fprintf(stderr, "the grammar has no %s\n", missing);
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ids_are_kebab_case_sorted_and_unique),
      cmocka_unit_test(metadata_is_complete),
      cmocka_unit_test(every_rule_file_is_registered),
      cmocka_unit_test(readme_documents_every_rule),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
