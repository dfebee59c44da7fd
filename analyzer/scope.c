// Read-only queries over a bound scope model (binder.c builds it; ll_scope_lookup lives there,
// next to the index it reads).
#include "analyzer/scope.h"

#include <stdlib.h>

ll_scope *ll_scope_at(const ll_scope_model *model, uint32_t byte) {
  // Scopes are in pre-order, so by start byte: take the last one that starts at or before
  // `byte`, then climb until one also ends after it.
  uint32_t lo = 0, hi = model->n_scopes;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(model->scopes[mid]->node) <= byte)
      lo = mid;
    else
      hi = mid;
  }
  ll_scope *s = model->scopes[lo];
  while (s->parent && !(ts_node_start_byte(s->node) <= byte && byte < ts_node_end_byte(s->node)))
    s = s->parent;
  return s;
}

bool ll_scope_is_within(const ll_scope *scope, const ll_scope *ancestor) {
  // Scope nodes nest or are disjoint, so containment of byte ranges decides, with the depth
  // telling apart the global and module scopes that share the program node.
  if (scope->depth < ancestor->depth) return false;
  return ts_node_start_byte(ancestor->node) <= ts_node_start_byte(scope->node) &&
         ts_node_end_byte(scope->node) <= ts_node_end_byte(ancestor->node);
}

bool ll_scope_captures(const ll_scope *fn, const ll_binding *binding) {
  if (ll_scope_is_within(binding->scope, fn)) return false;
  for (const ll_ref *ref = binding->refs; ref; ref = ref->next_of_binding)
    if (ll_scope_is_within(ref->from, fn)) return true;
  return false;
}

static uint32_t first_ref_at(const ll_scope_model *model, uint32_t byte) {
  uint32_t lo = 0, hi = model->n_refs;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ts_node_start_byte(model->refs[mid].id) < byte)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void ll_scope_each_capture(const ll_scope_model *model, const ll_scope *fn,
                           void (*visit)(const ll_binding *binding, const ll_ref *first_use,
                                         void *data),
                           void *data) {
  uint32_t end = ts_node_end_byte(fn->node);
  const ll_binding **seen = NULL;
  size_t n_seen = 0, cap_seen = 0;
  for (uint32_t i = first_ref_at(model, ts_node_start_byte(fn->node)); i < model->n_refs; i++) {
    const ll_ref *ref = &model->refs[i];
    if (ts_node_start_byte(ref->id) >= end) break;
    if (!ref->target || ll_scope_is_within(ref->target->scope, fn)) continue;
    bool dup = false;
    for (size_t k = 0; k < n_seen && !dup; k++)
      dup = seen[k] == ref->target;
    if (dup) continue;
    if (n_seen == cap_seen) {
      cap_seen = cap_seen ? cap_seen * 2 : 8;
      seen = ll_xrealloc(seen, cap_seen * sizeof *seen);
    }
    seen[n_seen++] = ref->target;
    visit(ref->target, ref, data);
  }
  free(seen);
}

bool ll_scope_model_in_error(const ll_scope_model *model, uint32_t byte) {
  // Only outermost ERROR subtrees are recorded, so the ranges are sorted and disjoint: the last
  // one starting at or before `byte` is the only candidate.
  uint32_t lo = 0, hi = model->n_errors;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (model->errors[mid].start <= byte)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && byte < model->errors[lo - 1].end;
}

const char *ll_binding_kind_name(ll_binding_kind kind) {
  static const char *const names[] = {
      [LL_BIND_VAR] = "var",
      [LL_BIND_LET] = "let",
      [LL_BIND_CONST] = "const",
      [LL_BIND_USING] = "using",
      [LL_BIND_FUNCTION] = "function",
      [LL_BIND_FUNCTION_NAME] = "function-name",
      [LL_BIND_CLASS] = "class",
      [LL_BIND_PARAM] = "param",
      [LL_BIND_CATCH] = "catch",
      [LL_BIND_IMPORT] = "import",
      [LL_BIND_ARGUMENTS] = "arguments",
      [LL_BIND_GLOBAL_COMMENT] = "global-comment",
      [LL_BIND_IMPLICIT_GLOBAL] = "implicit-global",
      [LL_BIND_UNKNOWN] = "unknown",
  };
  return names[kind];
}

const char *ll_scope_kind_name(ll_scope_kind kind) {
  static const char *const names[] = {
      [LL_SCOPE_GLOBAL] = "global",
      [LL_SCOPE_MODULE] = "module",
      [LL_SCOPE_FUNCTION] = "function",
      [LL_SCOPE_CLASS] = "class",
      [LL_SCOPE_CLASS_FIELD] = "class-field",
      [LL_SCOPE_STATIC_BLOCK] = "static-block",
      [LL_SCOPE_BLOCK] = "block",
      [LL_SCOPE_FOR] = "for",
      [LL_SCOPE_CATCH] = "catch",
  };
  return names[kind];
}
