// The tree walks of ast.h that are too large to inline, and ll_ast_field's memory.
#include "analyzer/ast.h"

#include <string.h>

// ll_ast_field's answers, by a hash of the node and the field: an entry is used only when the
// whole node (subtree, tree and position) and the field are the ones asked about.
enum { FIELD_MEMO_SIZE = 256 };
typedef struct field_memo {
  TSNode node;
  TSNode child;
  TSFieldId field;
} field_memo;
static _Thread_local field_memo field_memos[FIELD_MEMO_SIZE];

TSNode ll_ast_field(TSNode node, TSFieldId field) {
  uint32_t hash = ((uint32_t)((uintptr_t)node.id >> 4) ^ (field * 0x9E3779B9u)) * 0x85EBCA6Bu;
  field_memo *m = &field_memos[(hash >> 16) & (FIELD_MEMO_SIZE - 1)];
  if (m->node.id == node.id && m->node.tree == node.tree && m->field == field &&
      memcmp(m->node.context, node.context, sizeof node.context) == 0)
    return m->child;
  m->node = node;
  m->field = field;
  m->child = ts_node_child_by_field_id(node, field);
  return m->child;
}

void ll_ast_forget(void) {
  memset(field_memos, 0, sizeof field_memos);
}

bool ll_ast_is_function(TSNode node) {
  TSSymbol s = ts_node_symbol(node);
  return s == ll_js.sym.arrow_function || s == ll_js.sym.function_expression ||
         s == ll_js.sym.function_declaration || s == ll_js.sym.generator_function ||
         s == ll_js.sym.generator_function_declaration || s == ll_js.sym.method_definition ||
         s == ll_js.sym.class_declaration || s == ll_js.sym.class;
}

bool ll_ast_find(TSNode region, bool (*match)(TSNode node, void *data), void *data) {
  TSTreeCursor cursor = ts_tree_cursor_new(region);
  bool found = false;
  for (;;) {
    TSNode here = ts_tree_cursor_current_node(&cursor);
    if (match(here, data)) {
      found = true;
      break;
    }
    if (!ll_ast_is_function(here) && ts_tree_cursor_goto_first_child(&cursor)) continue;
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
