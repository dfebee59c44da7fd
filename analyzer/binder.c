// The binder: turns a syntax tree into the scope model, in two passes that never recurse.
//
// Pass 1 walks the tree once with a TSTreeCursor and an explicit frame stack. It opens scopes,
// declares bindings (hoisting `var` and sloppy-mode block functions to the function scope) and
// appends every identifier use to one flat, source-ordered array. What an identifier means is
// decided from its parent frame and its field: the "mode" a pattern is in (declaring, assigning,
// reading) flows from a declarator, parameter list or assignment down through nested patterns.
//
// Pass 2 resolves all uses at once, as oxc does after its traversal. It visits the scopes in
// pre-order keeping, for every name, a stack of the bindings visible at that point (a scoped
// symbol table): entering a scope pushes its bindings, leaving pops them, and each use resolves
// to the top of its name's stack in O(1). So a 100,000-deep nest of functions costs linear time.
// Unresolved sloppy-mode writes then become implicit globals (eslint-scope's GlobalScope.__close).
#include "analyzer/binder.h"

#include <string.h>

#include "analyzer/grammar.h"

// ---------------------------------------------------------------------------------------------
// A hash table from (scope, name) to binding, in the arena. With scope NULL it maps a bare name:
// pass 2 uses that form for the stacks of visible bindings.

typedef struct slot {
  const ll_scope *scope;
  ll_str name;
  uint32_t hash;
  ll_binding *binding;
} slot;

typedef struct ll_binding_table {
  slot *slots;
  uint32_t capacity; // a power of two
  uint32_t count;
} table;

static uint32_t hash_name(ll_str name, const ll_scope *scope) {
  uint32_t h = 2166136261u ^ (uint32_t)(uintptr_t)scope;
  for (uint32_t i = 0; i < name.len; i++)
    h = (h ^ (unsigned char)name.ptr[i]) * 16777619u;
  return h;
}

static slot *table_find(ll_arena *arena, table *t, const ll_scope *scope, ll_str name) {
  // Kept at most three quarters full: linear probing stays short, and the table of a file with
  // 100,000 names is a third smaller than at one half.
  if ((t->count + 1) * 4 > t->capacity * 3) {
    uint32_t capacity = t->capacity ? t->capacity * 2 : 64;
    slot *old = t->slots;
    uint32_t old_capacity = t->capacity;
    t->slots = ll_arena_alloc(arena, capacity * sizeof(slot));
    t->capacity = capacity;
    for (uint32_t i = 0; i < old_capacity; i++) {
      if (!old[i].name.ptr) continue;
      uint32_t j = old[i].hash & (capacity - 1);
      while (t->slots[j].name.ptr)
        j = (j + 1) & (capacity - 1);
      t->slots[j] = old[i];
    }
  }
  uint32_t hash = hash_name(name, scope);
  uint32_t j = hash & (t->capacity - 1);
  while (t->slots[j].name.ptr) {
    if (t->slots[j].hash == hash && t->slots[j].scope == scope &&
        ll_str_same(t->slots[j].name, name))
      return &t->slots[j];
    j = (j + 1) & (t->capacity - 1);
  }
  t->slots[j] = (slot){scope, name, hash, NULL};
  t->count++;
  return &t->slots[j];
}

static ll_binding *table_get(const table *t, const ll_scope *scope, ll_str name) {
  if (!t->capacity) return NULL;
  uint32_t hash = hash_name(name, scope);
  for (uint32_t j = hash & (t->capacity - 1); t->slots[j].name.ptr; j = (j + 1) & (t->capacity - 1))
    if (t->slots[j].hash == hash && t->slots[j].scope == scope &&
        ll_str_same(t->slots[j].name, name))
      return t->slots[j].binding;
  return NULL;
}

ll_binding *ll_scope_lookup(const ll_scope_model *model, const ll_scope *scope, ll_str name) {
  for (; scope; scope = scope->parent) {
    ll_binding *found = table_get(model->declared, scope, name);
    if (found) return found;
  }
  return NULL;
}

// ---------------------------------------------------------------------------------------------
// Pass 1

typedef enum mode {
  M_EXPR,      // identifiers are reads
  M_DECLARE,   // identifiers declare a binding of frame.decl_kind
  M_ASSIGN,    // identifiers are written (assignment and for-in/of targets)
  M_READWRITE, // `x += 1`, `x++`
  M_SKIP,      // identifiers are not variables (names handled by the parent, re-exports)
  M_ERROR,     // inside a syntax error: names become LL_BIND_UNKNOWN
} mode;

typedef struct frame {
  TSNode node;
  TSSymbol sym;
  uint8_t mode;
  uint8_t decl_kind;     // for M_DECLARE, and on declarations: the kind their names get
  uint8_t opened_scopes; // scopes this node opened (a `with` body that is a loop opens two)
  bool is_typeof;        // a `typeof` unary expression
  bool is_reexport;      // an `export ... from` statement
  bool counts_as_loop;   // entering it raised loop_depth
  TSFieldId field;       // the field this node occupies in its parent
  uint32_t saved_loop;   // loop depth outside a function boundary
} frame;

// What pass 1 does with a node of each symbol (see symbol_traits).
enum { WANTS_OWN_FIELD = 1, WANTS_CHILD_FIELDS = 2, SETS_CHILD_MODE = 4, HAS_ENTER_CASE = 8 };

typedef struct binder {
  ll_arena *arena;
  const ll_source *source;
  ll_scope_model *model;
  ll_scope *scope; // current
  table decls;     // (scope, name) -> binding, to merge redeclarations
  frame *frames;
  uint32_t n_frames, cap_frames;
  uint32_t cap_scopes, cap_refs, cap_errors;
  uint32_t loop_depth;
  TSSymbol jsx_namespace_name; // not among grammar.h's symbols: looked up by ll_bind
  uint8_t *traits;             // per symbol: WANTS_OWN_FIELD... (see symbol_traits)
  const uint8_t *visit;        // ll_bind's filter: which nodes to record for the rule engine
  bool tree_has_error;         // the root has an ERROR or MISSING node somewhere
  uint32_t cap_visits;
} binder;

static ll_str node_text(const binder *b, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > b->source->len) end = b->source->len;
  if (start > end) start = end;
  return (ll_str){b->source->text + start, end - start};
}

static bool is_function_kind(ll_scope_kind kind) {
  return kind == LL_SCOPE_FUNCTION || kind == LL_SCOPE_CLASS_FIELD ||
         kind == LL_SCOPE_STATIC_BLOCK || kind == LL_SCOPE_MODULE || kind == LL_SCOPE_GLOBAL;
}

// The ancestors of the node in frame `at` (an index into b->frames), skipping parenthesized
// expressions: fills up to `n` of them and the field the node (or its parentheses) occupies.
static void ancestors(const binder *b, uint32_t at, TSNode *out, uint32_t n, TSFieldId *field) {
  uint32_t filled = 0;
  *field = b->frames[at].field;
  while (at-- > 0 && filled < n) {
    const frame *fr = &b->frames[at];
    if (fr->sym == ll_js.sym.parenthesized_expression) {
      if (!filled) *field = fr->field;
      continue;
    }
    out[filled++] = fr->node;
  }
}

static ll_scope *open_scope(binder *b, ll_scope_kind kind, TSNode node, uint32_t flags) {
  ll_scope *s = ll_arena_alloc(b->arena, sizeof *s);
  ll_scope *parent = b->scope;
  s->kind = kind;
  s->node = node;
  s->parent = parent;
  s->flags = flags | (parent ? parent->flags & LL_SCOPE_STRICT : 0);
  s->function = is_function_kind(kind) ? s : parent->function;
  s->depth = parent ? parent->depth + 1 : 0;
  s->loop_depth = b->loop_depth;
  if (parent) {
    // Children are appended in source order, through the tail pointer: a module scope may have
    // tens of thousands of children.
    if (parent->last_child)
      parent->last_child->next = s;
    else
      parent->children = s;
    parent->last_child = s;
  }
  ll_scope_model *m = b->model;
  if (m->n_scopes == b->cap_scopes) {
    m->scopes =
        ll_arena_grow(b->arena, m->scopes, m->n_scopes, b->cap_scopes * 2, sizeof *m->scopes);
    b->cap_scopes *= 2;
  }
  s->index = m->n_scopes;
  m->scopes[m->n_scopes++] = s;
  static const TSNode no_context[4];
  s->context = no_context;
  if (b->n_frames && kind != LL_SCOPE_BLOCK && kind != LL_SCOPE_FOR && kind != LL_SCOPE_CATCH) {
    TSNode *context = ll_arena_alloc(b->arena, 4 * sizeof *context);
    ancestors(b, b->n_frames - 1, context, 4, &s->context_field);
    s->context = context;
  }
  b->scope = s;
  return s;
}

static ll_binding *declare(binder *b, ll_scope *scope, ll_binding_kind kind, ll_str name,
                           TSNode decl, TSNode init) {
  slot *sl = table_find(b->arena, &b->decls, scope, name);
  if (sl->binding) {
    ll_binding *old = sl->binding;
    // A function's implicit names give way to a declaration written in it: the parameter `f` of
    // `function f(f)`, or a parameter or function named `arguments`, is what the body sees.
    // (A name inside a syntax error declares nothing.)
    if ((old->kind == LL_BIND_FUNCTION_NAME || old->kind == LL_BIND_ARGUMENTS) &&
        kind != LL_BIND_FUNCTION_NAME && kind != LL_BIND_ARGUMENTS && kind != LL_BIND_UNKNOWN) {
      old->kind = kind;
      old->decl = decl;
      old->init = init;
      return old;
    }
    // `var x; var x = 1;` or a function redeclared: one binding, first declaration wins, the
    // first initializer is kept.
    if (ts_node_is_null(old->init)) old->init = init;
    return old;
  }
  ll_binding *binding = ll_arena_alloc(b->arena, sizeof *binding);
  binding->name = name;
  binding->kind = kind;
  binding->scope = scope;
  binding->decl = decl;
  binding->init = init;
  if (scope->last_binding)
    scope->last_binding->next = binding;
  else
    scope->bindings = binding;
  scope->last_binding = binding;
  sl->binding = binding;
  return binding;
}

static void add_ref(binder *b, TSNode id, uint32_t flags) {
  ll_scope_model *m = b->model;
  if (m->n_refs == b->cap_refs) {
    m->refs = ll_arena_grow(b->arena, m->refs, m->n_refs, b->cap_refs * 2, sizeof *m->refs);
    b->cap_refs *= 2;
  }
  if (b->loop_depth) flags |= LL_REF_IN_LOOP;
  ll_ref *ref = &m->refs[m->n_refs++];
  uint32_t len = node_text(b, id).len;
  *ref = (ll_ref){.id = id,
                  .from = b->scope,
                  .flags = flags,
                  .name_len = len < LL_REF_LONG_NAME ? (uint16_t)len : LL_REF_LONG_NAME};
  TSNode up[2] = {ref->id, ref->id};
  up[0].id = up[1].id = NULL;
  ancestors(b, b->n_frames - 1, up, 2, &ref->field);
  ref->parent = up[0];
  ref->grandparent = up[1];
}

static void add_error(binder *b, TSNode node) {
  ll_scope_model *m = b->model;
  if (ts_node_is_null(m->first_error)) m->first_error = node;
  if (m->n_errors == b->cap_errors) {
    m->errors =
        ll_arena_grow(b->arena, m->errors, m->n_errors, b->cap_errors * 2, sizeof *m->errors);
    b->cap_errors *= 2;
  }
  m->errors[m->n_errors++] = (ll_byte_range){ts_node_start_byte(node), ts_node_end_byte(node)};
}

// "use strict" as a directive: a string statement in the directive prologue of `body`. The
// children are read through a cursor: ts_node_named_child(i) walks from the first child each
// time, which made a prologue of 100,000 comments quadratic.
static bool has_use_strict(const binder *b, TSNode body) {
  // A function body's first byte after the `{` and white space says when its first statement can
  // be no string: then there is no prologue to read, and no cursor to make.
  const char *src = b->source->text;
  uint32_t at = ts_node_start_byte(body), len = b->source->len;
  if (at < len && src[at] == '{') {
    for (at++; at < len && (src[at] == ' ' || (src[at] >= '\t' && src[at] <= '\r')); at++)
      ; // ASCII white space: \t \n \v \f \r
    if (at < len && (unsigned char)src[at] < 0x80 && src[at] != '\'' && src[at] != '"' &&
        src[at] != '/')
      return false;
  }
  TSTreeCursor cursor = ts_tree_cursor_new(body);
  bool strict = false;
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode stmt = ts_tree_cursor_current_node(&cursor);
    TSSymbol sym = ts_node_symbol(stmt);
    if (!ts_node_is_named(stmt) || sym == ll_js.sym.comment) continue;
    if (sym != ll_js.sym.expression_statement) break;
    TSNode expr = ts_node_named_child(stmt, 0);
    if (ts_node_symbol(expr) != ll_js.sym.string) break;
    ll_str text = node_text(b, expr);
    if (ll_str_eq(text, "'use strict'") || ll_str_eq(text, "\"use strict\"")) {
      strict = true;
      break;
    }
  }
  ts_tree_cursor_delete(&cursor);
  return strict;
}

static bool is_function_node(TSSymbol sym) {
  return sym == ll_js.sym.function_declaration || sym == ll_js.sym.function_expression ||
         sym == ll_js.sym.generator_function_declaration || sym == ll_js.sym.generator_function ||
         sym == ll_js.sym.arrow_function || sym == ll_js.sym.method_definition;
}

static bool is_loop_node(TSSymbol sym) {
  return sym == ll_js.sym.for_statement || sym == ll_js.sym.for_in_statement ||
         sym == ll_js.sym.while_statement || sym == ll_js.sym.do_statement;
}

// The declaration kind a `for (KIND x of ...)` head or a lexical declaration names.
static int decl_kind_of_keyword(ll_str keyword) {
  if (ll_str_eq(keyword, "var")) return LL_BIND_VAR;
  if (ll_str_eq(keyword, "let")) return LL_BIND_LET;
  if (ll_str_eq(keyword, "const")) return LL_BIND_CONST;
  return LL_BIND_USING;
}

// What an identifier below `parent`, in field `field`, means.
static mode child_mode(const frame *parent, TSFieldId field, TSSymbol child) {
  const mode pm = (mode)parent->mode;
  const TSSymbol ps = parent->sym;
  if (pm == M_ERROR || pm == M_SKIP) return pm;
  if (ps == ll_js.sym.variable_declarator) return field == ll_js.field.name ? M_DECLARE : M_EXPR;
  if (ps == ll_js.sym.formal_parameters) return M_DECLARE;
  if (ps == ll_js.sym.arrow_function && field == ll_js.field.parameter) return M_DECLARE;
  if (ps == ll_js.sym.catch_clause && field == ll_js.field.parameter) return M_DECLARE;
  if (ps == ll_js.sym.for_in_statement && field == ll_js.field.left)
    return parent->decl_kind != 0xFF ? M_DECLARE : M_ASSIGN;
  if (ps == ll_js.sym.assignment_expression) return field == ll_js.field.left ? M_ASSIGN : M_EXPR;
  if (ps == ll_js.sym.augmented_assignment_expression)
    return field == ll_js.field.left ? M_READWRITE : M_EXPR;
  if (ps == ll_js.sym.update_expression) return M_READWRITE;
  if (is_function_node(ps) || ps == ll_js.sym.class_declaration || ps == ll_js.sym.class)
    // The parent declares its own name; a computed method name is an expression.
    return field == ll_js.field.name && child == ll_js.sym.identifier ? M_SKIP : M_EXPR;
  if (ps == ll_js.sym.import_statement || ps == ll_js.sym.import_specifier ||
      ps == ll_js.sym.namespace_export)
    return M_SKIP;
  if (ps == ll_js.sym.export_specifier)
    return parent->is_reexport || field == ll_js.field.alias ? M_SKIP : M_EXPR;
  // A closing tag repeats the opening tag's name: one use, not two (as typescript-eslint's
  // scope manager counts JSX).
  if (ps == ll_js.sym.jsx_closing_element) return M_SKIP;
  if (ps == ll_js.sym.jsx_opening_element || ps == ll_js.sym.jsx_self_closing_element)
    return M_EXPR;
  if (pm == M_DECLARE || pm == M_ASSIGN || pm == M_READWRITE) {
    // Inside a pattern: defaults and computed keys are plain expressions, nested patterns and
    // the values of `key: pattern` keep the mode.
    if (ps == ll_js.sym.assignment_pattern || ps == ll_js.sym.object_assignment_pattern)
      return field == ll_js.field.left ? pm : M_EXPR;
    if (ps == ll_js.sym.pair_pattern) return field == ll_js.field.value ? pm : M_EXPR;
    if (ps == ll_js.sym.object_pattern || ps == ll_js.sym.array_pattern ||
        ps == ll_js.sym.rest_pattern || ps == ll_js.sym.parenthesized_expression)
      return pm;
    return M_EXPR;
  }
  return M_EXPR;
}

static void push_frame(binder *b, TSNode node, TSSymbol sym, TSFieldId field) {
  if (b->n_frames == b->cap_frames) {
    b->frames =
        ll_arena_grow(b->arena, b->frames, b->n_frames, b->cap_frames * 2, sizeof *b->frames);
    b->cap_frames *= 2;
  }
  frame *fr = &b->frames[b->n_frames];
  *fr = (frame){.node = node, .sym = sym, .decl_kind = 0xFF, .field = field};
  if (b->n_frames) {
    const frame *parent = &b->frames[b->n_frames - 1];
    // Below most parents an expression's children are expressions: no need to ask child_mode.
    fr->mode = parent->mode == M_EXPR && parent->sym < ll_js.symbol_count &&
                       !(b->traits[parent->sym] & SETS_CHILD_MODE)
                   ? M_EXPR
                   : (uint8_t)child_mode(parent, field, fr->sym);
    // The declaration kind flows from declarations down into declarators and patterns.
    if (fr->mode == M_DECLARE) {
      if (parent->sym == ll_js.sym.formal_parameters ||
          (parent->sym == ll_js.sym.arrow_function && field == ll_js.field.parameter))
        fr->decl_kind = LL_BIND_PARAM;
      else if (parent->sym == ll_js.sym.catch_clause)
        fr->decl_kind = LL_BIND_CATCH;
      else
        fr->decl_kind = parent->decl_kind;
    }
    fr->is_reexport = parent->is_reexport;
  }
  b->n_frames++;
}

static void declare_identifier(binder *b, TSNode id, ll_binding_kind kind, TSNode init) {
  ll_scope *target = b->scope;
  if (kind == LL_BIND_VAR)
    target = b->scope->function;
  else if (kind == LL_BIND_IMPORT)
    target = b->model->program;
  declare(b, target, kind, node_text(b, id), id, init);
}

// A declarator's initializer, for a name declared directly (not destructured) by it.
static TSNode declarator_init(const binder *b, TSFieldId field) {
  if (b->n_frames < 2) return (TSNode){0};
  const frame *parent = &b->frames[b->n_frames - 2];
  if (parent->sym == ll_js.sym.variable_declarator && field == ll_js.field.name)
    return ts_node_child_by_field_id(parent->node, ll_js.field.value);
  if ((parent->sym == ll_js.sym.assignment_pattern ||
       parent->sym == ll_js.sym.object_assignment_pattern) &&
      field == ll_js.field.left)
    return ts_node_child_by_field_id(parent->node, ll_js.field.right);
  return (TSNode){0};
}

static void on_identifier(binder *b, frame *fr, TSFieldId field) {
  switch ((mode)fr->mode) {
    case M_ERROR:
      declare(b, b->scope->function, LL_BIND_UNKNOWN, node_text(b, fr->node), fr->node,
              (TSNode){0});
      return;
    case M_SKIP:
      return;
    case M_DECLARE:
      if (fr->sym == ll_js.sym.shorthand_property_identifier) return;
      declare_identifier(b, fr->node, (ll_binding_kind)fr->decl_kind, declarator_init(b, field));
      return;
    case M_ASSIGN:
      add_ref(b, fr->node, LL_REF_WRITE);
      return;
    case M_READWRITE:
      add_ref(b, fr->node, LL_REF_READ | LL_REF_WRITE);
      return;
    case M_EXPR:
      break;
  }
  if (fr->sym == ll_js.sym.shorthand_property_identifier_pattern) return; // not in a pattern
  // `typeof (x)`, `(f)()` and `(eval)(s)` mean what they mean without the parentheses (the last
  // is still a direct eval), so look past them, as ancestors() does.
  uint32_t at = b->n_frames - 2;
  while (at > 0 && b->frames[at].sym == ll_js.sym.parenthesized_expression)
    field = b->frames[at--].field;
  const frame *parent = &b->frames[at];
  // `<svg:rect xlink:href="...">`: both halves of a namespaced JSX name are plain text.
  if (parent->sym == b->jsx_namespace_name) return;
  uint32_t flags = LL_REF_READ;
  if (parent->is_typeof) flags |= LL_REF_TYPEOF;
  if (parent->sym == ll_js.sym.call_expression && field == ll_js.field.function) {
    flags |= LL_REF_CALLEE;
    if (ll_str_eq(node_text(b, fr->node), "eval")) {
      // eval can declare `var`s in the calling function: names there resolve at run time.
      b->scope->flags |= LL_SCOPE_DIRECT_EVAL;
      b->scope->function->flags |= LL_SCOPE_DIRECT_EVAL;
    }
  }
  if ((parent->sym == ll_js.sym.jsx_opening_element ||
       parent->sym == ll_js.sym.jsx_self_closing_element) &&
      field == ll_js.field.name) {
    // `<div>` names an intrinsic element, `<Widget>` a variable.
    ll_str name = node_text(b, fr->node);
    if (name.len && !(name.ptr[0] >= 'A' && name.ptr[0] <= 'Z') && name.ptr[0] != '_' &&
        name.ptr[0] != '$')
      return;
  }
  add_ref(b, fr->node, flags);
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// `/* global a, b:writable */` and `/* globals ... */`, as ESLint reads them: names separated by
// commas or white space, each with an optional `:value`, with white space allowed around the
// colon (`b: readonly` declares `b`, not `readonly`).
static void on_comment(binder *b, TSNode node) {
  ll_str text = node_text(b, node);
  if (text.len < 4 || text.ptr[1] != '*') return;
  const char *p = text.ptr + 2, *end = text.ptr + text.len - 2;
  while (p < end && is_space(*p))
    p++;
  size_t word = 0;
  if ((size_t)(end - p) >= 7 && memcmp(p, "globals", 7) == 0)
    word = 7;
  else if ((size_t)(end - p) >= 6 && memcmp(p, "global", 6) == 0)
    word = 6;
  if (!word || (p + word < end && !is_space(p[word]))) return;
  p += word;
  while (p < end) {
    while (p < end && (is_space(*p) || *p == ','))
      p++;
    const char *start = p;
    while (p < end && !is_space(*p) && *p != ',' && *p != ':')
      p++;
    if (p > start) {
      ll_str name = {start, (uint32_t)(p - start)};
      declare(b, b->model->global, LL_BIND_GLOBAL_COMMENT, name, node, (TSNode){0});
    }
    const char *colon = p;
    while (colon < end && is_space(*colon))
      colon++;
    if (colon < end && *colon == ':') { // `:writable`, `: readonly`, `:true`, `:false`
      p = colon + 1;
      while (p < end && is_space(*p))
        p++;
      while (p < end && !is_space(*p) && *p != ',')
        p++;
    }
  }
}

static void declare_arguments(binder *b, ll_scope *fn) {
  static const char arguments[] = "arguments";
  declare(b, fn, LL_BIND_ARGUMENTS, (ll_str){arguments, sizeof arguments - 1}, (TSNode){0},
          (TSNode){0});
}

static void open_function(binder *b, frame *fr, bool arrow) {
  TSNode body = ts_node_child_by_field_id(fr->node, ll_js.field.body);
  uint32_t flags = arrow ? LL_SCOPE_ARROW : 0;
  if (!ts_node_is_null(body) && ts_node_symbol(body) == ll_js.sym.statement_block &&
      has_use_strict(b, body))
    flags |= LL_SCOPE_STRICT;
  fr->saved_loop = b->loop_depth;
  open_scope(b, LL_SCOPE_FUNCTION, fr->node, flags);
  fr->opened_scopes++;
  b->loop_depth = 0;
  if (!arrow) declare_arguments(b, b->scope);
}

static void enter(binder *b, TSFieldId field) {
  frame *fr = &b->frames[b->n_frames - 1];
  TSNode node = fr->node;
  TSSymbol sym = fr->sym;
  // ts_node_is_error, without reading the symbol again: ERROR is the symbol (TSSymbol)-1.
  if (sym == (TSSymbol)-1) {
    if (fr->mode != M_ERROR) add_error(b, node); // only outermost ones: the ranges stay disjoint
    fr->mode = M_ERROR;
    return;
  }
  // MISSING tokens exist only in a tree with errors (most files have none, and asking each node
  // costs a read of its subtree).
  if (b->tree_has_error && ts_node_is_missing(node)) {
    // A token the parser made up to recover (an empty identifier, a `)`): nothing to bind.
    if (ts_node_is_null(b->model->first_error)) b->model->first_error = node;
    return;
  }
  if (sym == ll_js.sym.identifier || sym == ll_js.sym.shorthand_property_identifier ||
      sym == ll_js.sym.shorthand_property_identifier_pattern) {
    on_identifier(b, fr, field);
    return;
  }
  if (fr->mode == M_ERROR) return;
  if (sym == ll_js.sym.comment) {
    on_comment(b, node);
    return;
  }
  // A `with` body is a scope of its own in which any name may be a property of the object. The
  // scope starts at the body: the object expression is evaluated outside it.
  const frame *parent = &b->frames[b->n_frames > 1 ? b->n_frames - 2 : 0];
  bool with_body =
      b->n_frames > 1 && parent->sym == ll_js.sym.with_statement && field == ll_js.field.body;
  if (with_body) {
    open_scope(b, LL_SCOPE_BLOCK, node, LL_SCOPE_WITH);
    fr->opened_scopes++;
  }
  if (is_loop_node(sym)) {
    b->loop_depth++;
    fr->counts_as_loop = true;
  }
  if (sym < ll_js.symbol_count && !(b->traits[sym] & HAS_ENTER_CASE)) return; // none below
  if (sym == ll_js.sym.function_declaration || sym == ll_js.sym.generator_function_declaration) {
    TSNode name = ts_node_child_by_field_id(node, ll_js.field.name);
    if (!ts_node_is_null(name)) {
      // Annex B: in sloppy code a function declared in a block is also visible function-wide.
      ll_scope *target = b->scope;
      if (!(target->flags & LL_SCOPE_STRICT)) target = target->function;
      declare(b, target, LL_BIND_FUNCTION, node_text(b, name), name, node);
    }
    open_function(b, fr, false);
  } else if (sym == ll_js.sym.function_expression || sym == ll_js.sym.generator_function) {
    open_function(b, fr, false);
    TSNode name = ts_node_child_by_field_id(node, ll_js.field.name);
    if (!ts_node_is_null(name))
      declare(b, b->scope, LL_BIND_FUNCTION_NAME, node_text(b, name), name, node);
  } else if (sym == ll_js.sym.arrow_function) {
    open_function(b, fr, true);
  } else if (sym == ll_js.sym.method_definition) {
    open_function(b, fr, false);
  } else if (sym == ll_js.sym.class_declaration || sym == ll_js.sym.class) {
    TSNode name = ts_node_child_by_field_id(node, ll_js.field.name);
    if (sym == ll_js.sym.class_declaration && !ts_node_is_null(name))
      declare(b, b->scope, LL_BIND_CLASS, node_text(b, name), name, node);
    open_scope(b, LL_SCOPE_CLASS, node, LL_SCOPE_STRICT);
    fr->opened_scopes++;
    if (sym == ll_js.sym.class && !ts_node_is_null(name))
      declare(b, b->scope, LL_BIND_CLASS, node_text(b, name), name, node);
  } else if (sym == ll_js.sym.field_definition) {
    fr->saved_loop = b->loop_depth;
    open_scope(b, LL_SCOPE_CLASS_FIELD, node, 0);
    fr->opened_scopes++;
    b->loop_depth = 0;
  } else if (sym == ll_js.sym.class_static_block) {
    fr->saved_loop = b->loop_depth;
    open_scope(b, LL_SCOPE_STATIC_BLOCK, node, 0);
    fr->opened_scopes++;
    b->loop_depth = 0;
  } else if (sym == ll_js.sym.statement_block) {
    // A function's or static block's body shares the scope that the function opened, a `with`
    // body the one opened above.
    if (!with_body && !is_function_node(parent->sym) &&
        parent->sym != ll_js.sym.class_static_block) {
      open_scope(b, LL_SCOPE_BLOCK, node, 0);
      fr->opened_scopes++;
    }
  } else if (sym == ll_js.sym.switch_body) {
    open_scope(b, LL_SCOPE_BLOCK, node, 0);
    fr->opened_scopes++;
  } else if (sym == ll_js.sym.for_statement) {
    open_scope(b, LL_SCOPE_FOR, node, 0);
    fr->opened_scopes++;
  } else if (sym == ll_js.sym.for_in_statement) {
    open_scope(b, LL_SCOPE_FOR, node, 0);
    fr->opened_scopes++;
    TSNode kind = ts_node_child_by_field_id(node, ll_js.field.kind);
    if (!ts_node_is_null(kind)) fr->decl_kind = (uint8_t)decl_kind_of_keyword(node_text(b, kind));
  } else if (sym == ll_js.sym.catch_clause) {
    open_scope(b, LL_SCOPE_CATCH, node, 0);
    fr->opened_scopes++;
  } else if (sym == ll_js.sym.variable_declaration) {
    fr->decl_kind = LL_BIND_VAR;
  } else if (sym == ll_js.sym.lexical_declaration || sym == ll_js.sym.using_declaration) {
    TSNode kind = ts_node_child_by_field_id(node, ll_js.field.kind);
    fr->decl_kind =
        (uint8_t)(ts_node_is_null(kind) ? LL_BIND_USING : decl_kind_of_keyword(node_text(b, kind)));
  } else if (sym == ll_js.sym.variable_declarator) {
    fr->decl_kind = b->frames[b->n_frames - 2].decl_kind;
  } else if (sym == ll_js.sym.unary_expression) {
    TSNode op = ts_node_child_by_field_id(node, ll_js.field.operator);
    fr->is_typeof = !ts_node_is_null(op) && ll_str_eq(node_text(b, op), "typeof");
  } else if (sym == ll_js.sym.export_statement) {
    fr->is_reexport = !ts_node_is_null(ts_node_child_by_field_id(node, ll_js.field.source));
  } else if (sym == ll_js.sym.import_clause || sym == ll_js.sym.namespace_import) {
    // `import a from`, `import * as ns from`: the identifier child declares.
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; i++) {
      TSNode child = ts_node_named_child(node, i);
      if (ts_node_symbol(child) == ll_js.sym.identifier)
        declare_identifier(b, child, LL_BIND_IMPORT, (TSNode){0});
    }
    fr->mode = M_SKIP;
  } else if (sym == ll_js.sym.import_specifier) {
    TSNode local = ts_node_child_by_field_id(node, ll_js.field.alias);
    if (ts_node_is_null(local)) local = ts_node_child_by_field_id(node, ll_js.field.name);
    if (!ts_node_is_null(local) && ts_node_symbol(local) == ll_js.sym.identifier)
      declare_identifier(b, local, LL_BIND_IMPORT, (TSNode){0});
  }
}

// Records the current node for the rule engine when the filter asks for it (`when` is
// LL_VISIT_ENTER or LL_VISIT_LEAVE); b->scope and b->loop_depth are the node's own.
static void record_visit(binder *b, const frame *fr, uint8_t when) {
  // M_ERROR first: an ERROR node's symbol (ts_builtin_sym_error, 65535) is past the filter.
  if (!b->visit || fr->mode == M_ERROR || !(b->visit[fr->sym] & when)) return;
  ll_scope_model *m = b->model;
  TSNode parent = fr > b->frames ? fr[-1].node : (TSNode){.id = NULL};
  if (m->n_visits == b->cap_visits) {
    uint32_t cap = b->cap_visits ? b->cap_visits * 2 : 256;
    m->visits = ll_arena_grow(b->arena, m->visits, m->n_visits, cap, sizeof *m->visits);
    b->cap_visits = cap;
  }
  m->visits[m->n_visits++] =
      (ll_visit){.node = fr->node,
                 .parent_context = {parent.context[0], parent.context[1], parent.context[2],
                                    parent.context[3]},
                 .parent_id = parent.id,
                 .scope = b->scope->index,
                 .symbol = fr->sym,
                 .loop_depth = b->loop_depth < 0x7FFF ? b->loop_depth : 0x7FFF,
                 .leaving = when == LL_VISIT_LEAVE};
}

static void leave(binder *b) {
  frame *fr = &b->frames[b->n_frames - 1];
  record_visit(b, fr, LL_VISIT_LEAVE);
  for (; fr->opened_scopes; fr->opened_scopes--) {
    if (b->scope->kind == LL_SCOPE_FUNCTION || b->scope->kind == LL_SCOPE_CLASS_FIELD ||
        b->scope->kind == LL_SCOPE_STATIC_BLOCK)
      b->loop_depth = fr->saved_loop;
    b->scope = b->scope->parent;
  }
  if (fr->counts_as_loop) b->loop_depth--;
  b->n_frames--;
}

// Through a cursor, for the reason given at has_use_strict: a file that fails to parse can have
// a root with 100,000 children.
static bool has_module_syntax(TSNode program) {
  TSTreeCursor cursor = ts_tree_cursor_new(program);
  bool found = false;
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && !found;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSSymbol sym = ts_node_symbol(ts_tree_cursor_current_node(&cursor));
    found = sym == ll_js.sym.import_statement || sym == ll_js.sym.export_statement;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

// Pushes the cursor's node and enters it; false, touching nothing, for a token that binds
// nothing. Punctuation and keywords are about half of a tree's nodes and none of them declares,
// uses or scopes a name (nor do the rules visit them); in a tree with errors every node is
// entered, since a MISSING `)` is a token too.
static bool visit_current(binder *b, const TSTreeCursor *cursor) {
  TSNode node = ts_tree_cursor_current_node(cursor);
  if (!b->tree_has_error && !ts_node_is_named(node) && ts_node_child_count(node) == 0) return false;
  // The field costs a search of the parent's field map: it is asked only when something reads
  // it (see ll_bind), or in a tree with errors, where any node may stand anywhere.
  TSSymbol sym = ts_node_symbol(node);
  bool wants_field =
      b->tree_has_error || sym >= ll_js.symbol_count || (b->traits[sym] & WANTS_OWN_FIELD) ||
      (b->n_frames && (b->traits[b->frames[b->n_frames - 1].sym] & WANTS_CHILD_FIELDS));
  TSFieldId field = wants_field ? ts_tree_cursor_current_field_id(cursor) : 0;
  push_frame(b, node, sym, field);
  enter(b, field);
  record_visit(b, &b->frames[b->n_frames - 1], LL_VISIT_ENTER);
  return true;
}

static void walk(binder *b, TSNode root) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  visit_current(b, &cursor);
  bool entered = true; // the cursor's node has a frame (a skipped token has no children)
  for (;;) {
    if (entered && ts_tree_cursor_goto_first_child(&cursor)) {
      entered = visit_current(b, &cursor);
      continue;
    }
    for (;;) {
      if (entered) {
        leave(b);
        if (b->n_frames == 0) goto done;
      }
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        entered = visit_current(b, &cursor);
        break;
      }
      ts_tree_cursor_goto_parent(&cursor);
      entered = true; // every parent was entered
    }
  }
done:
  ts_tree_cursor_delete(&cursor);
}

// ---------------------------------------------------------------------------------------------
// Pass 2

static void attach(ll_ref *ref, ll_binding *target) {
  ref->target = target;
  if (target->last_ref)
    target->last_ref->next_of_binding = ref;
  else
    target->refs = ref;
  target->last_ref = ref;
  if (ref->flags & LL_REF_READ) target->n_reads++;
  if (ref->flags & LL_REF_WRITE) target->n_writes++;
}

static void resolve(binder *b) {
  ll_scope_model *m = b->model;
  ll_arena *arena = b->arena;

  // Thread each scope's references, in source order.
  ll_ref **tails = ll_arena_alloc(arena, (m->n_scopes + 1) * sizeof *tails);
  for (uint32_t i = 0; i < m->n_refs; i++) {
    ll_ref *ref = &m->refs[i];
    uint32_t s = ref->from->index;
    if (tails[s])
      tails[s]->next_in_scope = ref;
    else
      ref->from->refs = ref;
    tails[s] = ref;
  }

  table visible = {0};
  ll_scope **stack = ll_arena_alloc(arena, (m->n_scopes + 1) * sizeof *stack);
  uint32_t *dynamic_saved = ll_arena_alloc(arena, (m->n_scopes + 1) * sizeof *dynamic_saved);
  uint32_t depth = 0;
  // One more than the depth of the innermost open scope whose names are decided at run time (a
  // `with` body, or a function calling eval); 0 when there is none. One more, because the global
  // scope of a script that calls eval has depth 0. A use that would resolve outside that scope
  // is a guess.
  uint32_t dynamic_depth = 0;
  for (uint32_t i = 0; i < m->n_scopes; i++) {
    ll_scope *s = m->scopes[i];
    while (depth && stack[depth - 1] != s->parent) {
      ll_scope *closing = stack[--depth];
      for (ll_binding *bd = closing->bindings; bd; bd = bd->next)
        table_find(arena, &visible, NULL, bd->name)->binding = bd->shadowed;
      dynamic_depth = dynamic_saved[depth];
    }
    dynamic_saved[depth] = dynamic_depth;
    stack[depth++] = s;
    // eval declares its `var`s in the calling function, so a block that calls it changes
    // nothing a function-level flag does not already cover: names declared between the block and
    // the function (its parameters, its `let`s) stay certain.
    if ((s->flags & LL_SCOPE_WITH) || ((s->flags & LL_SCOPE_DIRECT_EVAL) && s->function == s))
      dynamic_depth = s->depth + 1;
    for (ll_binding *bd = s->bindings; bd; bd = bd->next) {
      slot *sl = table_find(arena, &visible, NULL, bd->name);
      bd->shadowed = sl->binding;
      sl->binding = bd;
    }
    for (ll_ref *ref = s->refs; ref; ref = ref->next_in_scope) {
      ll_binding *target = table_find(arena, &visible, NULL, ll_ref_name(ref, b->source))->binding;
      if (dynamic_depth && (!target || target->scope->depth + 1 < dynamic_depth))
        ref->flags |= LL_REF_DYNAMIC;
      ref->target = target;
    }
  }

  // Sloppy-mode writes to undeclared names create properties of the global object; every other
  // unresolved use of such a name then refers to that property.
  bool any_implicit = false;
  for (uint32_t i = 0; i < m->n_refs; i++) {
    ll_ref *ref = &m->refs[i];
    if (ref->target || !(ref->flags & LL_REF_WRITE) || (ref->flags & LL_REF_DYNAMIC) ||
        (ref->from->flags & LL_SCOPE_STRICT))
      continue;
    declare(b, m->global, LL_BIND_IMPLICIT_GLOBAL, ll_ref_name(ref, b->source), ref->id,
            (TSNode){0});
    any_implicit = true;
  }
  for (uint32_t i = 0; i < m->n_refs; i++) {
    ll_ref *ref = &m->refs[i];
    ll_binding *target = ref->target;
    if (!target && any_implicit && !(ref->flags & LL_REF_DYNAMIC))
      target = table_get(&b->decls, m->global, ll_ref_name(ref, b->source));
    ref->target = NULL;
    if (target) attach(ref, target);
  }
}

// What pass 1 does with each symbol. WANTS_OWN_FIELD and WANTS_CHILD_FIELDS: the nodes whose
// field it reads, an identifier's (what its use is), a parenthesized expression's and a scope's
// (the field seen past parentheses, see ancestors()), and every child's of the parents that give
// their children a meaning by field (child_mode, declarator_init and a `with` body).
// SETS_CHILD_MODE: the parents child_mode looks at when they are in M_EXPR mode. HAS_ENTER_CASE:
// the symbols enter() handles after identifiers, comments and loops.
static uint8_t *symbol_traits(ll_arena *arena) {
  uint8_t *traits = ll_arena_alloc(arena, ll_js.symbol_count);
  const TSSymbol own[] = {ll_js.sym.identifier,
                          ll_js.sym.shorthand_property_identifier,
                          ll_js.sym.shorthand_property_identifier_pattern,
                          ll_js.sym.parenthesized_expression,
                          ll_js.sym.function_declaration,
                          ll_js.sym.function_expression,
                          ll_js.sym.generator_function_declaration,
                          ll_js.sym.generator_function,
                          ll_js.sym.arrow_function,
                          ll_js.sym.method_definition,
                          ll_js.sym.class_declaration,
                          ll_js.sym.class,
                          ll_js.sym.field_definition,
                          ll_js.sym.class_static_block};
  const TSSymbol parents[] = {ll_js.sym.variable_declarator,
                              ll_js.sym.arrow_function,
                              ll_js.sym.catch_clause,
                              ll_js.sym.for_in_statement,
                              ll_js.sym.assignment_expression,
                              ll_js.sym.augmented_assignment_expression,
                              ll_js.sym.function_declaration,
                              ll_js.sym.function_expression,
                              ll_js.sym.generator_function_declaration,
                              ll_js.sym.generator_function,
                              ll_js.sym.method_definition,
                              ll_js.sym.class_declaration,
                              ll_js.sym.class,
                              ll_js.sym.export_specifier,
                              ll_js.sym.assignment_pattern,
                              ll_js.sym.object_assignment_pattern,
                              ll_js.sym.pair_pattern,
                              ll_js.sym.with_statement};
  const TSSymbol moding[] = {ll_js.sym.variable_declarator,
                             ll_js.sym.formal_parameters,
                             ll_js.sym.arrow_function,
                             ll_js.sym.catch_clause,
                             ll_js.sym.for_in_statement,
                             ll_js.sym.assignment_expression,
                             ll_js.sym.augmented_assignment_expression,
                             ll_js.sym.update_expression,
                             ll_js.sym.function_declaration,
                             ll_js.sym.function_expression,
                             ll_js.sym.generator_function_declaration,
                             ll_js.sym.generator_function,
                             ll_js.sym.method_definition,
                             ll_js.sym.class_declaration,
                             ll_js.sym.class,
                             ll_js.sym.import_statement,
                             ll_js.sym.import_specifier,
                             ll_js.sym.namespace_export,
                             ll_js.sym.export_specifier,
                             ll_js.sym.jsx_closing_element,
                             ll_js.sym.jsx_opening_element,
                             ll_js.sym.jsx_self_closing_element};
  const TSSymbol entered[] = {
      ll_js.sym.function_declaration, ll_js.sym.generator_function_declaration,
      ll_js.sym.function_expression,  ll_js.sym.generator_function,
      ll_js.sym.arrow_function,       ll_js.sym.method_definition,
      ll_js.sym.class_declaration,    ll_js.sym.class,
      ll_js.sym.field_definition,     ll_js.sym.class_static_block,
      ll_js.sym.statement_block,      ll_js.sym.switch_body,
      ll_js.sym.for_statement,        ll_js.sym.for_in_statement,
      ll_js.sym.catch_clause,         ll_js.sym.variable_declaration,
      ll_js.sym.lexical_declaration,  ll_js.sym.using_declaration,
      ll_js.sym.variable_declarator,  ll_js.sym.unary_expression,
      ll_js.sym.export_statement,     ll_js.sym.import_clause,
      ll_js.sym.namespace_import,     ll_js.sym.import_specifier};
  for (size_t i = 0; i < sizeof own / sizeof *own; i++)
    traits[own[i]] |= WANTS_OWN_FIELD;
  for (size_t i = 0; i < sizeof parents / sizeof *parents; i++)
    traits[parents[i]] |= WANTS_CHILD_FIELDS;
  for (size_t i = 0; i < sizeof moding / sizeof *moding; i++)
    traits[moding[i]] |= SETS_CHILD_MODE;
  for (size_t i = 0; i < sizeof entered / sizeof *entered; i++)
    traits[entered[i]] |= HAS_ENTER_CASE;
  return traits;
}

ll_scope_model *ll_bind(ll_arena *arena, const ll_source *source, const TSTree *tree,
                        ll_source_kind kind, const uint8_t *visit) {
  binder b = {.arena = arena,
              .source = source,
              .jsx_namespace_name = ll_grammar_symbol("jsx_namespace_name"),
              .visit = visit};
  b.traits = symbol_traits(arena);
  b.cap_frames = 64;
  b.frames = ll_arena_alloc(arena, b.cap_frames * sizeof *b.frames);
  ll_scope_model *m = ll_arena_alloc(arena, sizeof *m);
  b.model = m;
  b.cap_scopes = 64;
  m->scopes = ll_arena_alloc(arena, b.cap_scopes * sizeof *m->scopes);
  b.cap_refs = 256;
  m->refs = ll_arena_alloc(arena, b.cap_refs * sizeof *m->refs);
  b.cap_errors = 4;
  m->errors = ll_arena_alloc(arena, b.cap_errors * sizeof *m->errors);

  TSNode root = ts_tree_root_node(tree);
  b.tree_has_error = ts_node_has_error(root);
  m->is_module = kind == LL_SOURCE_MODULE || (kind == LL_SOURCE_DETECT && has_module_syntax(root));
  uint32_t strict = m->is_module || has_use_strict(&b, root) ? LL_SCOPE_STRICT : 0;
  m->global = open_scope(&b, LL_SCOPE_GLOBAL, root, m->is_module ? 0 : strict);
  m->program = m->is_module ? open_scope(&b, LL_SCOPE_MODULE, root, strict) : m->global;

  walk(&b, root);
  b.scope = NULL;
  resolve(&b);
  m->declared = ll_arena_alloc(arena, sizeof *m->declared);
  *m->declared = b.decls;
  return m;
}
