// The registry: the LL_ALL_RULES list expanded into the table of rule descriptors.
#include "analyzer/registry.h"

#include <string.h>

#include "analyzer/rule_pages.h"
#include "analyzer/source.h"

#define LL_RULE_ADDRESS(sym) &ll_rule_##sym,
static const ll_rule *const all_rules[] = {LL_ALL_RULES(LL_RULE_ADDRESS)};
#undef LL_RULE_ADDRESS

enum { N_RULES = sizeof all_rules / sizeof all_rules[0] };

const ll_rule *const *ll_registry_rules(size_t *n) {
  *n = N_RULES;
  return all_rules;
}

const ll_rule *ll_registry_find(const char *id) {
  for (size_t i = 0; i < N_RULES; i++)
    if (strcmp(all_rules[i]->id, id) == 0) return all_rules[i];
  return NULL;
}

const ll_rule *ll_registry_nearest(const char *id) {
  const ll_rule *best = NULL;
  size_t best_distance = 4;
  for (size_t i = 0; i < N_RULES; i++) {
    size_t d = ll_edit_distance(id, all_rules[i]->id);
    if (d < best_distance) best = all_rules[i], best_distance = d;
  }
  return best;
}

const char *ll_registry_page(const ll_rule *rule) {
  for (size_t i = 0; i < ll_n_rule_pages; i++)
    if (strcmp(ll_rule_pages[i].id, rule->id) == 0) return ll_rule_pages[i].text;
  return NULL;
}

size_t ll_registry_index(const ll_rule *rule) {
  for (size_t i = 0; i < N_RULES; i++)
    if (all_rules[i] == rule) return i;
  return 0;
}

const char *ll_category_name(ll_category category) {
  switch (category) {
    case LL_CATEGORY_GLOBALS:
      return "globals";
    case LL_CATEGORY_LISTENERS:
      return "listeners";
    case LL_CATEGORY_CLOSURES:
      return "closures";
    case LL_CATEGORY_RESOURCES:
      return "resources";
    case LL_CATEGORY_ANALYSIS:
      return "analysis";
  }
  return "analysis";
}
