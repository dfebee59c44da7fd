// The tree walks of ast.h that are too large to inline.
#include "analyzer/ast.h"

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
