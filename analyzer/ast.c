// The tree walks of ast.h that are too large to inline, and the answers ll_ast_field,
// ll_ast_named_child and ll_ast_parent_of remember.
#include "analyzer/ast.h"

#include <string.h>

// The answers, by a hash of the node and the key (a field, a child's index): an entry is used
// only when it belongs to the current tree (its generation) and the whole node (subtree, tree and
// position) and the key are the ones asked about. A new tree starts a new generation.
enum { FIELD_MEMO_SIZE = 256, CHILD_MEMO_SIZE = 256, PARENT_MEMO_SIZE = 1024 };
typedef struct node_memo {
  TSNode node;
  TSNode answer;
  uint32_t generation;
  uint32_t key;
} node_memo;
static _Thread_local node_memo field_memos[FIELD_MEMO_SIZE], child_memos[CHILD_MEMO_SIZE],
    parent_memos[PARENT_MEMO_SIZE];
static _Thread_local uint32_t generation = 1;

static node_memo *memo_of(node_memo *memos, uint32_t size, TSNode node, uint32_t key, bool *found) {
  uint32_t hash = ((uint32_t)((uintptr_t)node.id >> 4) ^ (key * 0x9E3779B9u)) * 0x85EBCA6Bu;
  node_memo *m = &memos[(hash >> 16) & (size - 1)];
  *found = m->generation == generation && m->node.id == node.id && m->node.tree == node.tree &&
           m->key == key && memcmp(m->node.context, node.context, sizeof node.context) == 0;
  if (!*found) {
    m->node = node;
    m->key = key;
    m->generation = generation;
  }
  return m;
}

TSNode ll_ast_field(TSNode node, TSFieldId field) {
  if (ts_node_is_null(node)) return node;
  bool found;
  node_memo *m = memo_of(field_memos, FIELD_MEMO_SIZE, node, field, &found);
  if (!found) m->answer = ts_node_child_by_field_id(node, field);
  return m->answer;
}

TSNode ll_ast_named_child(TSNode node, uint32_t index) {
  if (ts_node_is_null(node)) return node; // `new Worker` has no arguments node
  bool found;
  node_memo *m = memo_of(child_memos, CHILD_MEMO_SIZE, node, index, &found);
  if (!found) m->answer = ts_node_named_child(node, index);
  return m->answer;
}

TSNode ll_ast_parent_of(TSNode node) {
  bool found;
  node_memo *m = memo_of(parent_memos, PARENT_MEMO_SIZE, node, 0, &found);
  if (!found) m->answer = ts_node_parent(node);
  return m->answer;
}

void *ll_ast_memo_entry(void *table, size_t entry_size, uint32_t n, const void *key, bool *found) {
  uintptr_t hash = ((uintptr_t)key >> 4) * 0x9E3779B9u;
  ll_memo_key *entry = (ll_memo_key *)((char *)table + ((hash >> 8) & (n - 1)) * entry_size);
  *found = entry->key == key && entry->generation == generation;
  if (!*found) {
    memset(entry, 0, entry_size);
    *entry = (ll_memo_key){key, generation};
  }
  return entry;
}

void ll_ast_remember_parent(TSNode node, TSNode parent) {
  bool found;
  node_memo *m = memo_of(parent_memos, PARENT_MEMO_SIZE, node, 0, &found);
  m->answer = parent;
}

void ll_ast_forget(void) {
  if (++generation == 0) { // after four billion trees: no entry may look current
    memset(field_memos, 0, sizeof field_memos);
    memset(child_memos, 0, sizeof child_memos);
    memset(parent_memos, 0, sizeof parent_memos);
    generation = 1;
  }
}

bool ll_ast_is_function(TSNode node) {
  TSSymbol s = ts_node_symbol(node);
  return s == ll_js.sym.arrow_function || s == ll_js.sym.function_expression ||
         s == ll_js.sym.function_declaration || s == ll_js.sym.generator_function ||
         s == ll_js.sym.generator_function_declaration || s == ll_js.sym.method_definition ||
         s == ll_js.sym.class_declaration || s == ll_js.sym.class;
}

static bool find(TSNode region, bool (*match)(TSNode node, void *data), void *data,
                 bool into_functions) {
  TSTreeCursor cursor = ts_tree_cursor_new(region);
  bool found = false;
  for (;;) {
    TSNode here = ts_tree_cursor_current_node(&cursor);
    if (match(here, data)) {
      found = true;
      break;
    }
    if ((into_functions || !ll_ast_is_function(here)) && ts_tree_cursor_goto_first_child(&cursor))
      continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor) ||
          ts_node_eq(ts_tree_cursor_current_node(&cursor), region))
        break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

bool ll_ast_find(TSNode region, bool (*match)(TSNode node, void *data), void *data) {
  return find(region, match, data, false);
}

bool ll_ast_find_all(TSNode region, bool (*match)(TSNode node, void *data), void *data) {
  return find(region, match, data, true);
}
