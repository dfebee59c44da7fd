// Small typed accessors over the grammar's nodes, shared by the facts and the rules so that no
// file spells them again.
#ifndef LEAKLINT_AST_H
#define LEAKLINT_AST_H

#include <stdbool.h>

#include <tree_sitter/api.h>

/** The child of `node` in field `field` (a null node when there is none). */
static inline TSNode ll_ast_field(TSNode node, TSFieldId field) {
  return ts_node_child_by_field_id(node, field);
}

/** True when `node` is not null and has grammar symbol `symbol`. */
static inline bool ll_ast_is(TSNode node, TSSymbol symbol) {
  return !ts_node_is_null(node) && ts_node_symbol(node) == symbol;
}

#endif
