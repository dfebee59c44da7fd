// The rule engine: calls each enabled rule only on the node types it asked for (oxlint's
// NODE_TYPES idea), in tree order, then every rule's file_end. It does not walk the tree itself:
// the binder records the wanted nodes during its walk (ll_engine_visit_filter says which).
#ifndef LEAKLINT_ENGINE_H
#define LEAKLINT_ENGINE_H

#include <stddef.h>

#include "analyzer/rule.h"

typedef struct ll_engine ll_engine;

typedef struct ll_enabled_rule {
  const ll_rule *rule;
  ll_severity severity;           // the level its high-confidence findings get
  bool severity_configured;       // set by the configuration: medium findings get it too
  const ll_pattern_list *options; // one list per entry of rule->options, or NULL: none set
} ll_enabled_rule;

/**
 * Builds the dispatch table for `rules` (copied). Returns NULL and sets `*bad_type` when a rule
 * names a node type the grammar does not have. Needs ll_grammar_init first. Read-only once
 * built, so threads may share it.
 */
ll_engine *ll_engine_new(const ll_enabled_rule *rules, size_t n, const char **bad_type);
void ll_engine_delete(ll_engine *engine);

/** Per grammar symbol, LL_VISIT_ENTER and LL_VISIT_LEAVE bits: the `visit` filter for ll_bind. */
const uint8_t *ll_engine_visit_filter(const ll_engine *engine);

/**
 * Runs the rules over one file bound with ll_engine_visit_filter's filter. Findings are appended to
 * `*findings` (arena-grown, count in `*n_findings`); their positions are not filled in yet
 * (ll_findings_finish does that). Rule findings inside ERROR subtrees are dropped here.
 */
void ll_engine_run(const ll_engine *engine, ll_arena *arena, const ll_source *source,
                   const ll_scope_model *model, const ll_facts *facts, ll_finding **findings,
                   size_t *n_findings);

#endif
