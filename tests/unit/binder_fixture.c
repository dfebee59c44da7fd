// The binder tests' shared fixture: binding a snippet and describing the resulting model.
#include "binder_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fixture_init(void) {
  const char *missing = NULL;
  if (!ll_grammar_init(&missing)) {
    fprintf(stderr, "grammar lacks %s\n", missing);
    exit(1);
  }
}

bound *bind_js(const char *code, ll_source_kind kind) {
  bound *b = ll_xcalloc(1, sizeof *b);
  ll_arena_init(&b->arena);
  b->parser = ll_parser_new(60);
  uint32_t len = (uint32_t)strlen(code);
  b->tree = ll_parser_parse(b->parser, code, len);
  assert_non_null(b->tree);
  ll_source_init(&b->source, &b->arena, "test.js", code, len);
  b->model = ll_bind(&b->arena, &b->source, b->tree, kind, NULL);
  assert_non_null(b->model);
  return b;
}

void bound_free(bound *b) {
  ts_tree_delete(b->tree);
  ll_parser_delete(b->parser);
  ll_arena_fini(&b->arena);
  free(b);
}

uint32_t offset_of(const bound *b, const char *marker) {
  const char *at = strstr(b->source.text, marker);
  if (!at) fail_msg("marker \"%s\" is not in the source", marker);
  return (uint32_t)(at - b->source.text);
}

const ll_ref *ref_nth(const bound *b, const char *name, int nth) {
  int seen = 0;
  for (uint32_t i = 0; i < b->model->n_refs; i++)
    if (ll_str_eq(ll_ref_name(&b->model->refs[i], &b->source), name) && seen++ == nth)
      return &b->model->refs[i];
  fail_msg("no reference #%d named %s (there are %d)", nth, name, seen);
  return NULL;
}

const ll_ref *ref_at(const bound *b, const char *marker) {
  uint32_t at = offset_of(b, marker);
  for (uint32_t i = 0; i < b->model->n_refs; i++)
    if (ts_node_start_byte(b->model->refs[i].id) == at) return &b->model->refs[i];
  fail_msg("no reference at \"%s\"", marker);
  return NULL;
}

int count_refs(const bound *b, const char *name) {
  int n = 0;
  for (uint32_t i = 0; i < b->model->n_refs; i++)
    n += ll_str_eq(ll_ref_name(&b->model->refs[i], &b->source), name);
  return n;
}

const ll_binding *binding_nth(const bound *b, const char *name, int nth) {
  int seen = 0;
  for (uint32_t s = 0; s < b->model->n_scopes; s++)
    for (const ll_binding *bd = b->model->scopes[s]->bindings; bd; bd = bd->next)
      if (ll_str_eq(bd->name, name) && seen++ == nth) return bd;
  fail_msg("no binding #%d named %s (there are %d)", nth, name, seen);
  return NULL;
}

int count_bindings(const bound *b, const char *name) {
  int n = 0;
  for (uint32_t s = 0; s < b->model->n_scopes; s++)
    for (const ll_binding *bd = b->model->scopes[s]->bindings; bd; bd = bd->next)
      n += ll_str_eq(bd->name, name);
  return n;
}

ll_scope *scope_at(const bound *b, const char *marker) {
  return ll_scope_at(b->model, offset_of(b, marker));
}

// A growable string, copied into the arena when done.
typedef struct text {
  char *ptr;
  size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    t->cap = (t->len + n + 1) * 2;
    t->ptr = ll_xrealloc(t->ptr, t->cap);
  }
  memcpy(t->ptr + t->len, s, n);
  t->len += n;
  t->ptr[t->len] = '\0';
}

static void put_str(text *t, const char *s) {
  put(t, s, strlen(s));
}

static const char *finish(bound *b, text *t) {
  const char *out = ll_arena_strndup(&b->arena, t->ptr ? t->ptr : "", t->len);
  free(t->ptr);
  return out;
}

const char *scope_tree(bound *b) {
  text t = {0};
  // Scopes are in pre-order with depths, so the braces follow from the depth changes alone.
  uint32_t open = 0; // scopes whose `{` is still open
  for (uint32_t i = 0; i < b->model->n_scopes; i++) {
    const ll_scope *s = b->model->scopes[i];
    while (open > s->depth) {
      put_str(&t, "}");
      open--;
    }
    if (i > 0) {
      const ll_scope *prev = b->model->scopes[i - 1];
      put_str(&t, prev->depth < s->depth ? "{" : " ");
      if (prev->depth < s->depth) open++;
    }
    put_str(&t, ll_scope_kind_name(s->kind));
    if (s->flags & LL_SCOPE_STRICT) put_str(&t, "+strict");
    if (s->flags & LL_SCOPE_ARROW) put_str(&t, "+arrow");
    if (s->flags & LL_SCOPE_WITH) put_str(&t, "+with");
    if (s->flags & LL_SCOPE_DIRECT_EVAL) put_str(&t, "+eval");
  }
  while (open--)
    put_str(&t, "}");
  return finish(b, &t);
}

const char *bindings_of(bound *b, const ll_scope *scope) {
  text t = {0};
  for (const ll_binding *bd = scope->bindings; bd; bd = bd->next) {
    if (bd != scope->bindings) put_str(&t, " ");
    put(&t, bd->name.ptr, bd->name.len);
    put_str(&t, ":");
    put_str(&t, ll_binding_kind_name(bd->kind));
  }
  return finish(b, &t);
}

const char *flags_of(bound *b, const ll_ref *ref) {
  static const struct {
    uint32_t flag;
    const char *name;
  } names[] = {
      {LL_REF_READ, "read"},     {LL_REF_WRITE, "write"},     {LL_REF_TYPEOF, "typeof"},
      {LL_REF_CALLEE, "callee"}, {LL_REF_DYNAMIC, "dynamic"}, {LL_REF_IN_LOOP, "loop"},
  };
  text t = {0};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (ref->flags & names[i].flag) {
      if (t.len) put_str(&t, "|");
      put_str(&t, names[i].name);
    }
  return finish(b, &t);
}

const char *text_of(bound *b, TSNode node) {
  if (ts_node_is_null(node)) return "";
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  return ll_arena_strndup(&b->arena, b->source.text + start, end - start);
}
