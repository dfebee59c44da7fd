// The list of every rule leaklint has, in one place.
#ifndef LEAKLINT_REGISTRY_H
#define LEAKLINT_REGISTRY_H

#include <stddef.h>

#include "analyzer/rule.h"

// One line per rule, sorted by id; `sym` is the id with `_` for `-`, the file is rules/sym.c
// and it defines `const ll_rule ll_rule_<sym>`. tests/registry_test.c checks this list against
// the rule files and the README; the fixture harness checks that each rule has its cases.
#define LL_ALL_RULES(X)  \
  X(closure_in_loop)     \
  X(closure_in_route)    \
  X(global_accumulator)  \
  X(implicit_global)     \
  X(ineffective_cleanup) \
  X(listener_unbalanced) \
  X(resource_leak)       \
  X(syntax_error)        \
  X(timer_leak)          \
  X(unused_disable)

#define LL_DECLARE_RULE(sym) extern const ll_rule ll_rule_##sym;
LL_ALL_RULES(LL_DECLARE_RULE)
#undef LL_DECLARE_RULE

/** Every rule, sorted by id. The array is static; `*n` receives its length. */
const ll_rule *const *ll_registry_rules(size_t *n);

/** The rule with this id, or NULL. */
const ll_rule *ll_registry_find(const char *id);

/** The rule whose id is nearest `id`, within 3 edits (a misspelling), or NULL. */
const ll_rule *ll_registry_nearest(const char *id);

/** The rule's page (rules/<id>.md) as built into the binary, or NULL. */
const char *ll_registry_page(const ll_rule *rule);

/** The rule's position in ll_registry_rules (SARIF ruleIndex). */
size_t ll_registry_index(const ll_rule *rule);

#endif
