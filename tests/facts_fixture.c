// Shared by the unit tests of the facts: a snippet loaded as the pipeline loads a file.
#include "facts_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/ast.h"

void load(loaded *l, const char *code, ll_source_kind kind) {
  ll_arena_init(&l->arena);
  l->parser = ll_parser_new(10);
  uint32_t len = (uint32_t)strlen(code);
  l->tree = ll_parser_parse(l->parser, code, len);
  ll_source_init(&l->source, &l->arena, "test.js", code, len);
  l->model = ll_bind(&l->arena, &l->source, l->tree, kind, NULL);
  static const ll_vocab builtin_vocab;
  l->facts = ll_facts_build(&l->arena, &l->source, l->model, &builtin_vocab);
}

void unload(loaded *l) {
  ts_tree_delete(l->tree);
  ll_parser_delete(l->parser);
  ll_arena_fini(&l->arena);
}

TSNode expression_after(const loaded *l, const char *code, const char *marker) {
  const char *at = strstr(code, marker);
  assert_non_null(at);
  uint32_t start = (uint32_t)(at - code + strlen(marker));
  while (code[start] == ' ')
    start++;
  TSNode node = ts_node_named_descendant_for_byte_range(ts_tree_root_node(l->tree), start, start);
  for (TSNode up = ts_node_parent(node); !ts_node_is_null(up) && ts_node_start_byte(up) == start;
       up = ts_node_parent(up)) {
    TSSymbol sym = ts_node_symbol(up);
    if (sym != ll_js.sym.member_expression && sym != ll_js.sym.subscript_expression &&
        sym != ll_js.sym.call_expression && sym != ll_js.sym.binary_expression &&
        sym != ll_js.sym.unary_expression && sym != ll_js.sym.ternary_expression &&
        sym != ll_js.sym.update_expression)
      break;
    node = up;
  }
  return node;
}
