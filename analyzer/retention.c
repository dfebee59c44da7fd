// Where a function value is kept, read from its ancestors (recorded by the binder for every
// function scope): the argument of which call, the right side of which assignment.
#include "analyzer/retention.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/grammar.h"

static ll_str text_of(const ll_source *source, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

static bool is_one_of(ll_str name, const char *const *names) {
  for (; *names; names++)
    if (ll_str_eq(name, *names)) return true;
  return false;
}

// Callbacks run before the call returns, or once and then released.
static const char *const run_at_once[] = {
    "forEach", "map",       "filter",   "reduce",        "reduceRight", "some",       "every",
    "find",    "findIndex", "findLast", "findLastIndex", "flatMap",     "sort",       "toSorted",
    "then",    "catch",     "finally",  "from",          "replace",     "replaceAll", NULL};
static const char *const stores[] = {"push", "unshift", "add", "set", "splice", NULL};

static void keep_in(const ll_facts *facts, TSNode place, ll_retention *out) {
  out->kind = LL_KEPT_IN;
  out->place_known = ll_facts_path(facts, place, &out->place);
}

// A timeout that fires within this many milliseconds releases its closure soon.
enum { SHORT_DELAY_MS = 60000 };

// The delay `delay` always has, in milliseconds, as far as the file shows: a number, a constant
// named for one, or sums and products of them; -1 when it is unknown. A variable that the code
// only steps (`delay += 1000` per item) is a staggered schedule of timers meant to fire one
// after the other: 0.
static double delay_ms(const ll_facts *facts, TSNode delay, int depth) {
  const ll_source *source = ll_facts_source(facts);
  delay = ll_ast_unparenthesized(delay);
  if (ts_node_is_null(delay) || depth > 4) return -1;
  TSSymbol s = ts_node_symbol(delay);
  if (s == ll_js.sym.number) {
    char digits[32];
    size_t n = 0;
    ll_str text = text_of(source, delay);
    for (uint32_t i = 0; i < text.len && n + 1 < sizeof digits; i++)
      if (text.ptr[i] != '_') digits[n++] = text.ptr[i];
    digits[n] = '\0';
    char *end;
    double value = strtod(digits, &end);
    return *end ? -1 : value;
  }
  if (s == ll_js.sym.binary_expression) {
    double left = delay_ms(facts, ll_ast_field(delay, ll_js.field.left), depth + 1);
    double right = delay_ms(facts, ll_ast_field(delay, ll_js.field.right), depth + 1);
    if (left < 0 || right < 0) return -1;
    ll_str op = text_of(source, ll_ast_field(delay, ll_js.field.operator));
    if (ll_str_eq(op, "+")) return left + right;
    if (ll_str_eq(op, "*")) return left * right;
    if (ll_str_eq(op, "-")) return left > right ? left - right : 0;
    if (ll_str_eq(op, "/")) return right > 0 ? left / right : -1;
    return -1;
  }
  if (s != ll_js.sym.identifier) return -1;
  const ll_ref *ref = ll_facts_ref_at(facts, delay);
  const ll_binding *b = ref ? ref->target : NULL;
  if (!b || ts_node_is_null(b->init) ||
      (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR))
    return -1;
  bool stepped = false;
  for (const ll_ref *w = b->refs; w; w = w->next_of_binding) {
    if (!(w->flags & LL_REF_WRITE)) continue;
    if (!ll_ast_is(w->parent, ll_js.sym.augmented_assignment_expression) ||
        !ll_str_eq(text_of(source, ll_ast_field(w->parent, ll_js.field.operator)), "+="))
      return -1;
    stepped = true;
  }
  return stepped ? 0 : delay_ms(facts, b->init, depth + 1);
}

static void timer(const ll_facts *facts, ll_str name, TSNode args, ll_retention *out) {
  if (ll_str_eq(name, "setInterval")) {
    out->kind = LL_KEPT_INTERVAL;
  } else {
    out->kind = LL_KEPT_TIMEOUT;
    TSNode delay = ts_node_named_child(args, 1);
    double ms = ts_node_is_null(delay) ? 0 : delay_ms(facts, delay, 0);
    out->delay_short = ms >= 0 && ms < SHORT_DELAY_MS;
  }
}

// The field `child` occupies in `parent` (0 when none).
static TSFieldId field_of(TSNode parent, TSNode child) {
  TSFieldId field = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(parent);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_node_eq(ts_tree_cursor_current_node(&cursor), child)) {
        field = ts_tree_cursor_current_field_id(&cursor);
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return field;
}

void ll_retention_context(TSNode node, TSNode up[4], TSFieldId *field) {
  TSNode child = node;
  *field = 0;
  for (int i = 0; i < 4; i++) {
    TSNode parent = ts_node_is_null(child) ? child : ll_ast_parent(&child);
    if (i == 0 && !ts_node_is_null(parent)) *field = field_of(parent, child);
    up[i] = parent;
    child = parent;
  }
}

void ll_retention_of(const ll_facts *facts, const ll_source *source, const ll_scope *fn,
                     ll_retention *out) {
  ll_retention_at(facts, source, fn->context, fn->context_field, fn->parent, out);
}

void ll_retention_of_value(const ll_facts *facts, const ll_source *source, TSNode value,
                           const ll_scope *where, ll_retention *out) {
  TSNode up[4];
  TSFieldId field;
  ll_retention_context(value, up, &field);
  ll_retention_at(facts, source, up, field, where, out);
}

void ll_retention_at(const ll_facts *facts, const ll_source *source, const TSNode up[4],
                     TSFieldId field, const ll_scope *where, ll_retention *out) {
  memset(out, 0, sizeof *out);
  if (ts_node_is_null(up[0])) return;
  TSSymbol parent = ts_node_symbol(up[0]);
  out->site = up[0];
  if (parent == ll_js.sym.arguments && !ts_node_is_null(up[1])) {
    TSNode call = up[1];
    out->site = call;
    if (ll_ast_is(call, ll_js.sym.new_expression)) {
      ll_str ctor = text_of(source, ll_ast_field(call, ll_js.field.constructor));
      out->kind = ll_str_eq(ctor, "Promise") ? LL_KEPT_NOT : LL_KEPT_UNKNOWN;
      return;
    }
    TSNode callee = ll_ast_field(call, ll_js.field.function);
    if (ll_ast_is(callee, ll_js.sym.identifier)) {
      ll_str name = text_of(source, callee);
      const ll_ref *ref = ll_facts_ref_at(facts, callee);
      if (ref && ref->target) return; // a function of this file or an import: unknown use
      if (ll_str_eq(name, "setInterval") || ll_str_eq(name, "setTimeout") ||
          ll_str_eq(name, "requestAnimationFrame"))
        timer(facts, name, up[0], out);
      else if (ll_str_eq(name, "setImmediate")) // its other arguments go to the callback
        out->kind = LL_KEPT_TIMEOUT, out->delay_short = true;
      else if (ll_str_eq(name, "queueMicrotask"))
        out->kind = LL_KEPT_NOT;
      return;
    }
    if (!ll_ast_is(callee, ll_js.sym.member_expression)) return;
    TSNode receiver = ll_ast_field(callee, ll_js.field.object);
    ll_str method = text_of(source, ll_ast_field(callee, ll_js.field.property));
    ll_listener_call listener;
    if (is_one_of(method, run_at_once) || ll_str_eq(method, "nextTick")) {
      out->kind = LL_KEPT_NOT;
    } else if (ll_vocab_listener_call(ll_facts_vocab(facts), source, call, &listener)) {
      if (listener.kind == LL_LISTENER_ADD || listener.kind == LL_LISTENER_ADD_ONCE) {
        out->kind = LL_KEPT_LISTENER;
        out->place_known = ll_facts_path(facts, receiver, &out->place);
      }
    } else if (is_one_of(method, stores)) {
      keep_in(facts, receiver, out);
    } else if (ll_str_eq(method, "setInterval") || ll_str_eq(method, "setTimeout")) {
      timer(facts, method, up[0], out);
    }
    return;
  }
  if (parent == ll_js.sym.call_expression && field == ll_js.field.function) {
    out->kind = LL_KEPT_NOT; // invoked where it stands
    return;
  }
  if (parent == ll_js.sym.assignment_expression && field == ll_js.field.right) {
    TSNode left = ll_ast_field(up[0], ll_js.field.left);
    if (ll_ast_is(left, ll_js.sym.member_expression) ||
        ll_ast_is(left, ll_js.sym.subscript_expression))
      keep_in(facts, ll_ast_field(left, ll_js.field.object), out);
    else
      keep_in(facts, left, out);
    return;
  }
  if (parent == ll_js.sym.variable_declarator && field == ll_js.field.value) {
    TSNode name = ll_ast_field(up[0], ll_js.field.name);
    if (!ll_ast_is(name, ll_js.sym.identifier)) return;
    out->kind = LL_KEPT_IN;
    out->place.binding = ll_scope_lookup(ll_facts_model(facts), where, text_of(source, name));
    out->place_known = out->place.binding != NULL;
    if (out->place_known) out->place.lifetime = ll_facts_binding_lifetime(out->place.binding);
    return;
  }
  if (parent == ll_js.sym.return_statement ||
      (parent == ll_js.sym.arrow_function && field == ll_js.field.body))
    out->kind = LL_KEPT_RETURNED;
}

void ll_retention_name_append(char *list, size_t size, ll_str name) {
  size_t used = strlen(list);
  if (used + name.len + 4 < size)
    snprintf(list + used, size - used, "%s`%.*s`", used ? ", " : "", (int)name.len, name.ptr);
}
