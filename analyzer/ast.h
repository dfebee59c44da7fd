// Small typed accessors over the grammar's nodes, shared by the facts and the rules so that no
// file spells them again.
#ifndef LEAKLINT_AST_H
#define LEAKLINT_AST_H

#include <stdbool.h>

#include <tree_sitter/api.h>

#include "analyzer/grammar.h"
#include "analyzer/source.h"

/**
 * The child of `node` in field `field` (a null node when there is none). The answers are
 * remembered, a few hundred on each thread: the collector and every rule ask a call for its
 * callee, receiver and arguments again, and each answer is a walk of children (and of hidden
 * nodes under them) in tree-sitter.
 */
TSNode ll_ast_field(TSNode node, TSFieldId field);

/**
 * ts_node_named_child(node, index), remembered like ll_ast_field's answers: the collector and the
 * rules read a call's arguments one after the other, and each answer walks the children before.
 */
TSNode ll_ast_named_child(TSNode node, uint32_t index);

/**
 * ts_node_parent(node), remembered like ll_ast_field's answers (a thousand on each thread):
 * tree-sitter finds a parent by a walk down from the root, and the facts' passes over a file ask
 * for the same parents again.
 */
TSNode ll_ast_parent_of(TSNode node);

/**
 * Forgets the answers ll_ast_field, ll_ast_named_child and ll_ast_parent_of remember on this
 * thread. Called for each new tree: it may sit in the memory of a deleted one, so that a node of
 * it could look like a node asked about before.
 */
void ll_ast_forget(void);

/** True when `node` is not null and has grammar symbol `symbol`. */
static inline bool ll_ast_is(TSNode node, TSSymbol symbol) {
  return !ts_node_is_null(node) && ts_node_symbol(node) == symbol;
}

/** The text of `node` in `source` (empty for a null node). */
static inline ll_str ll_ast_text(const ll_source *source, TSNode node) {
  if (ts_node_is_null(node)) return (ll_str){"", 0};
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

/**
 * The name a call's function has: `subscribe` for `store.subscribe(...)`, `useEffect` for
 * `useEffect(...)`; empty for any other callee.
 */
static inline ll_str ll_ast_callee_name(const ll_source *source, TSNode callee) {
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    return ll_ast_text(source, ll_ast_field(callee, ll_js.field.property));
  return ll_ast_is(callee, ll_js.sym.identifier) ? ll_ast_text(source, callee) : (ll_str){"", 0};
}

/** `node` without the parentheses around it: the expression inside `((x))`. */
static inline TSNode ll_ast_unparenthesized(TSNode node) {
  while (ll_ast_is(node, ll_js.sym.parenthesized_expression))
    node = ts_node_named_child(node, 0);
  return node;
}

/**
 * The parent of `*node` past any parentheses around it (`((f))(x)` reads as `f(x)`); `*node`
 * becomes the outermost parenthesized expression, the child of what is returned.
 */
static inline TSNode ll_ast_parent(TSNode *node) {
  TSNode parent = ll_ast_parent_of(*node);
  while (ll_ast_is(parent, ll_js.sym.parenthesized_expression)) {
    *node = parent;
    parent = ll_ast_parent_of(parent);
  }
  return parent;
}

/** The head of each entry of a memo of answers about the current tree (ll_ast_memo_entry). */
typedef struct ll_memo_key {
  const void *key;     // what the answer is about: a node's id, a binding
  uint32_t generation; // the tree it was answered for (each parse starts a new one)
} ll_memo_key;

/**
 * The entry for `key` in `table`, a direct-mapped memo of `n` entries (a power of two) of
 * `entry_size` bytes, each starting with an ll_memo_key. `*found` says whether it holds the
 * answer for `key` in the current tree; if not, it is taken for `key`, the rest of it zeroed.
 */
void *ll_ast_memo_entry(void *table, size_t entry_size, uint32_t n, const void *key, bool *found);

/**
 * Tells ll_ast_parent_of the parent of `node`, known from a walk, so that it need not search the
 * tree from its root (the engine does so for each node it hands the rules).
 */
void ll_ast_remember_parent(TSNode node, TSNode parent);

/** A function or class: code inside it runs at another time than the code around it. */
bool ll_ast_is_function(TSNode node);

/**
 * Calls `match` on `region` and on every node below it in source order, but not inside functions
 * and classes (ll_ast_is_function; `region` itself included), until `match` returns true;
 * returns whether it did. Iterative: any depth of nesting is safe.
 */
bool ll_ast_find(TSNode region, bool (*match)(TSNode node, void *data), void *data);

/** ll_ast_find, inside functions and classes too: every node of `region`. */
bool ll_ast_find_all(TSNode region, bool (*match)(TSNode node, void *data), void *data);

#endif
