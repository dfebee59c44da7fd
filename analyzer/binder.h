// Builds the scope model of one parsed file (see scope.h for what the model holds).
#ifndef LEAKLINT_BINDER_H
#define LEAKLINT_BINDER_H

#include "analyzer/scope.h"

typedef enum ll_source_kind {
  LL_SOURCE_DETECT, // a module when the file has top-level `import`/`export`, else a script
  LL_SOURCE_MODULE, // .mjs: an ES module, strict
  LL_SOURCE_SCRIPT, // .cjs: a script (CommonJS), strict only with "use strict"
} ll_source_kind;

/**
 * Binds `tree` (parsed from `source`): creates scopes and bindings (with `var` and function
 * hoisting), records every identifier use, resolves each use to its binding, and turns sloppy-mode
 * writes to undeclared names into LL_BIND_IMPLICIT_GLOBAL bindings. ERROR subtrees get no scopes
 * or references; each name inside one becomes an LL_BIND_UNKNOWN binding of the enclosing
 * function, so that no rule guesses about names a syntax error hid.
 *
 * Never recurses on tree depth. The model and everything in it are owned by `arena`; `tree` and
 * `source` must outlive it.
 *
 * `visit` (NULL: none), indexed by grammar symbol, says which nodes to record in model->visits
 * on the way: LL_VISIT_ENTER before their children, LL_VISIT_LEAVE after. Nodes inside ERROR
 * subtrees are never recorded.
 */
ll_scope_model *ll_bind(ll_arena *arena, const ll_source *source, const TSTree *tree,
                        ll_source_kind kind, const uint8_t *visit);

#endif
