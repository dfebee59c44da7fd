// Module specifiers (modules.h).
#include "analyzer/modules.h"

#include <string.h>

#include "analyzer/ast.h"

bool ll_module_specifier(const ll_source *source, TSNode literal, ll_str *out) {
  if (!ll_ast_is(literal, ll_js.sym.string)) return false;
  ll_str text = ll_ast_text(source, literal);
  if (text.len < 3) return false;
  ll_str name = {text.ptr + 1, text.len - 2};
  if (name.len > 5 && !memcmp(name.ptr, "node:", 5)) name.ptr += 5, name.len -= 5;
  *out = name;
  return true;
}

bool ll_module_required(const ll_source *source, TSNode node, ll_str *out) {
  for (int depth = 0; depth < 4; depth++) {
    node = ll_ast_unparenthesized(node);
    if (ll_ast_is(node, ll_js.sym.await_expression)) {
      node = ts_node_named_child(node, 0);
      continue;
    }
    if (!ll_ast_is(node, ll_js.sym.call_expression)) return false;
    TSNode callee = ll_ast_field(node, ll_js.field.function);
    TSNode args = ll_ast_field(node, ll_js.field.arguments);
    // `__importDefault` for `tslib_1.__importDefault`; `import` for the keyword of `import(x)`.
    ll_str name = ll_ast_callee_name(source, callee);
    if (!name.len) name = ll_ast_text(source, callee);
    if (ll_str_eq(name, "require") || ll_str_eq(name, "import"))
      return !ll_ast_is(callee, ll_js.sym.member_expression) &&
             ts_node_named_child_count(args) == 1 &&
             ll_module_specifier(source, ts_node_named_child(args, 0), out);
    if (ll_str_eq(name, "__importDefault") || ll_str_eq(name, "__importStar") ||
        ll_str_eq(name, "_interopRequireDefault") || ll_str_eq(name, "_interopRequireWildcard")) {
      node = ts_node_named_child(args, 0);
      continue;
    }
    // `Promise.resolve().then(() => require('./x'))`
    TSNode fn = ts_node_named_child(args, 0);
    if (!ll_str_eq(name, "then") || !ll_ast_is(callee, ll_js.sym.member_expression) ||
        !ll_ast_is(fn, ll_js.sym.arrow_function))
      return false;
    TSNode promise = ll_ast_field(callee, ll_js.field.object);
    if (!ll_ast_is(promise, ll_js.sym.call_expression) ||
        !ll_str_eq(ll_ast_text(source, ll_ast_field(promise, ll_js.field.function)),
                   "Promise.resolve"))
      return false;
    node = ll_ast_field(fn, ll_js.field.body);
  }
  return false;
}

bool ll_module_imported(const ll_source *source, TSNode decl, ll_str *out) {
  // The name sits at most four levels below its statement (`import { a as b } from 'x'`).
  TSNode up = decl;
  for (int depth = 0; depth < 8 && !ts_node_is_null(up); depth++, up = ll_ast_parent_of(up))
    if (ll_ast_is(up, ll_js.sym.import_statement))
      return ll_module_specifier(source, ll_ast_field(up, ll_js.field.source), out);
  return false;
}
