// What the file does to each long-lived collection: a shared fact, collected during the engine's
// one walk (the engine runs this collector before the rules) and read by rules at file end.
//
// Every array, object, Map or Set reached from a long-lived root (a module or global binding, a
// global object, a static member, the instance of a class made once) gets one entry, keyed by its
// path (`cache.byUser`). Each use adds an effect: growth (push, set, add, obj[key] = v, x =
// x.concat(...)), shrinking (pop, shift, splice, delete, filter), reset (clear(), length = 0, an
// empty value assigned by repeated code), a size check, an escape (exported, passed to a call,
// returned, aliased), or a weak or bounded type. Growths are also kept with the reason their code
// repeats.
#include "analyzer/collections.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/ast.h"

static const char *const collected_types[] = {"augmented_assignment_expression",
                                              "export_specifier",
                                              "export_statement",
                                              "call_expression",
                                              "new_expression",
                                              "assignment_expression",
                                              "unary_expression",
                                              "binary_expression",
                                              "return_statement",
                                              "pair",
                                              "shorthand_property_identifier",
                                              "arrow_function",
                                              "variable_declarator",
                                              "field_definition",
                                              NULL};

static bool is_reading_callee(const ll_ctx *ctx, TSNode callee);

static uint32_t hash_path(const ll_path *p) {
  uint32_t h = 2166136261u ^ (uint32_t)((uintptr_t)p->binding >> 4) ^
               (uint32_t)((uintptr_t)p->this_class >> 4);
  for (uint32_t i = 0; i < p->host.len; i++)
    h = (h ^ (unsigned char)p->host.ptr[i]) * 16777619u;
  for (const char *c = p->text; *c; c++)
    h = (h ^ (unsigned char)*c) * 16777619u;
  return h;
}

static void index_insert(ll_collections *st, ll_collection *c) {
  uint32_t mask = st->index_capacity - 1;
  uint32_t i = hash_path(&c->path) & mask;
  while (st->index[i])
    i = (i + 1) & mask;
  st->index[i] = c;
}

static ll_collection *find_collection(ll_ctx *ctx, ll_collections *st, const ll_path *path) {
  if (st->index_capacity) {
    uint32_t mask = st->index_capacity - 1;
    for (uint32_t i = hash_path(path) & mask; st->index[i]; i = (i + 1) & mask)
      if (ll_path_equal(&st->index[i]->path, path)) return st->index[i];
  }
  if ((st->count + 1) * 2 > st->index_capacity) {
    st->index_capacity = st->index_capacity ? st->index_capacity * 2 : 64;
    st->index = ll_arena_alloc(ll_ctx_arena(ctx), st->index_capacity * sizeof *st->index);
    for (ll_collection *c = st->collections; c; c = c->next)
      index_insert(st, c);
  }
  ll_collection *c = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *c);
  c->path = *path;
  c->next = st->collections;
  st->collections = c;
  st->count++;
  index_insert(st, c);
  return c;
}

// The long-lived collection `expr` names, or NULL: locals, parameters and instance state live no
// longer than the run that fills them, and unknown roots (imports, unseen hosts) are not judged.
static ll_collection *collection_of(ll_ctx *ctx, ll_collections *st, TSNode expr) {
  ll_path path;
  if (!ll_facts_long_lived_path(ll_ctx_facts(ctx), expr, &path)) return NULL;
  return find_collection(ctx, st, &path);
}

static void add_effect(ll_ctx *ctx, ll_collections *st, TSNode expr, uint32_t effect) {
  ll_collection *c = collection_of(ctx, st, expr);
  if (c) c->effects |= effect;
}

static bool is_empty_collection(const ll_ctx *ctx, TSNode value, bool *is_weak) {
  *is_weak = false;
  value = ll_ast_unparenthesized(value);
  if (ll_ast_is(value, ll_js.sym.array) || ll_ast_is(value, ll_js.sym.object)) return true;
  if (ll_ast_is(value, ll_js.sym.new_expression)) {
    ll_str ctor = ll_ctx_text(ctx, ll_ast_field(value, ll_js.field.constructor));
    if (ll_str_eq(ctor, "Map") || ll_str_eq(ctor, "Set") || ll_str_eq(ctor, "Array") ||
        ll_str_eq(ctor, "Object"))
      return true;
    if (ll_vocab_is_bounded_cache(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx),
                                  ll_ast_field(value, ll_js.field.constructor))) {
      *is_weak = true;
      return true;
    }
  }
  if (ll_ast_is(value, ll_js.sym.call_expression)) {
    TSNode callee = ll_ast_field(value, ll_js.field.function);
    if (ll_str_eq(ll_ctx_text(ctx, callee), "Object.create")) return true;
    // A configured factory of bounded caches (`createCache({ max: 100 })`).
    if (ll_vocab_is_bounded_cache(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx), callee)) {
      *is_weak = true;
      return true;
    }
  }
  return false;
}

// `cache['x']`, `slots[0]`: one fixed entry, however often it is written.
static bool is_constant_key(TSNode index) {
  return ll_ast_is(index, ll_js.sym.string) || ll_ast_is(index, ll_js.sym.number);
}

// `x || []`, `x ?? new Map()`: the set-up idiom; the right side tells the type.
static TSNode default_value(TSNode value) {
  value = ll_ast_unparenthesized(value);
  if (ts_node_symbol(value) == ll_js.sym.binary_expression)
    return ll_ast_field(value, ll_js.field.right);
  return value;
}

// Does `value` mention the collection `c` (as in `list = list.concat(x)`)?
static bool mentions(ll_ctx *ctx, ll_collections *st, TSNode value, const ll_collection *c,
                     TSNode *use) {
  // Look at the receiver of a method call or the spread elements of an array literal.
  value = ll_ast_unparenthesized(value);
  if (ll_ast_is(value, ll_js.sym.call_expression)) {
    TSNode callee = ll_ast_field(value, ll_js.field.function);
    if (ll_ast_is(callee, ll_js.sym.member_expression)) {
      *use = ll_ast_field(callee, ll_js.field.property);
      return collection_of(ctx, st, ll_ast_field(callee, ll_js.field.object)) == c;
    }
  } else if (ll_ast_is(value, ll_js.sym.array) || ll_ast_is(value, ll_js.sym.object)) {
    uint32_t n = ts_node_named_child_count(value);
    for (uint32_t i = 0; i < n; i++) {
      TSNode element = ts_node_named_child(value, i);
      if (ts_node_symbol(element) == ll_js.sym.spread_element &&
          collection_of(ctx, st, ts_node_named_child(element, 0)) == c) {
        *use = element;
        return true;
      }
    }
  }
  return false;
}

// `{ [key]: value }`: the first key of an object literal computed at run time (the expression
// inside the brackets), or a null node.
static TSNode computed_key(TSNode object) {
  uint32_t n = ts_node_named_child_count(object);
  for (uint32_t i = 0; i < n; i++) {
    TSNode member = ts_node_named_child(object, i);
    TSNode key = ll_ast_field(member, ll_js.field.key);
    if (ll_ast_is(member, ll_js.sym.pair) && ll_ast_is(key, ll_js.sym.computed_property_name))
      return ts_node_named_child(key, 0);
  }
  return (TSNode){.id = NULL};
}

static void record_growth(ll_ctx *ctx, ll_collections *st, ll_collection *c, TSNode site,
                          TSNode key) {
  ll_repeat why;
  if (ll_ctx_frequency_at(ctx, site, &why) != LL_FREQ_REPEATED) return;
  ll_growth *g = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *g);
  g->target = c;
  g->site = site;
  g->key = key;
  g->why = why;
  if (st->last_growth)
    st->last_growth->next = g;
  else
    st->growths = g;
  st->last_growth = g;
}

typedef struct membership_search {
  ll_ctx *ctx;
  ll_collections *st;
  const ll_collection *target;
  ll_str value;
} membership_search;

// `list.includes(value)`, `list.indexOf(value)` on the collection searched for.
static bool tests_membership(TSNode node, void *data) {
  membership_search *search = data;
  if (!ll_ast_is(node, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(node, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_str method = ll_ctx_text(search->ctx, ll_ast_field(callee, ll_js.field.property));
  if (!ll_str_eq(method, "includes") && !ll_str_eq(method, "indexOf")) return false;
  TSNode arg = ll_ast_named_child(ll_ast_field(node, ll_js.field.arguments), 0);
  if (ts_node_is_null(arg)) return false;
  ll_str text = ll_ctx_text(search->ctx, arg);
  if (text.len != search->value.len || memcmp(text.ptr, search->value.ptr, text.len) != 0)
    return false;
  return collection_of(search->ctx, search->st, ll_ast_field(callee, ll_js.field.object)) ==
         search->target;
}

// True when the function that pushes `value` into `c` first looks it up there: the array holds
// each value once, like a Set, and grows only with new values.
static bool is_deduplicated(ll_ctx *ctx, ll_collections *st, const ll_collection *c, TSNode value) {
  if (!c) return false;
  const ll_scope *fn = ll_ctx_scope(ctx)->function;
  TSNode body = ll_ast_field(fn->node, ll_js.field.body);
  if (ts_node_is_null(body)) return false;
  membership_search search = {ctx, st, c, ll_ctx_text(ctx, value)};
  return ll_ast_find(body, tests_membership, &search);
}

static bool method_is(ll_str method, const char *const *names) {
  for (; *names; names++)
    if (ll_str_eq(method, *names)) return true;
  return false;
}

// Passed to a call: unseen code may drain it.
static void on_arguments(ll_ctx *ctx, ll_collections *st, TSNode args) {
  if (ts_node_is_null(args)) return;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode arg = ll_ast_named_child(args, i);
    if (ll_ast_is(arg, ll_js.sym.spread_element)) arg = ts_node_named_child(arg, 0);
    add_effect(ctx, st, arg, LL_EFFECT_ESCAPES);
  }
}

static void on_call(ll_ctx *ctx, ll_collections *st, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) {
    if (!is_reading_callee(ctx, callee)) on_arguments(ctx, st, args);
    return;
  }
  TSNode receiver = ll_ast_field(callee, ll_js.field.object);
  ll_str method = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  if (ll_str_eq(method, "assign") && ll_str_eq(ll_ctx_text(ctx, receiver), "Object")) {
    TSNode target = ts_node_named_child(args, 0);
    ll_collection *c = ts_node_is_null(target) ? NULL : collection_of(ctx, st, target);
    if (!c) return;
    // `Object.assign(state, { ready: true })` sets fixed keys: the object does not grow. With a
    // computed key, that key's origin decides.
    TSNode source = ll_ast_unparenthesized(ts_node_named_child(args, 1));
    TSNode key = {.id = NULL};
    if (ll_ast_is(source, ll_js.sym.object)) {
      key = computed_key(source);
      if (ts_node_is_null(key)) return;
    }
    c->effects |= LL_EFFECT_GROWS;
    record_growth(ctx, st, c, call, key);
    return;
  }
  static const char *const grows[] = {"push", "unshift", "set", "add", NULL};
  static const char *const shrinks[] = {"pop", "shift", "delete", "splice", "remove", NULL};
  static const char *const resets[] = {"clear", NULL};
  bool grow = method_is(method, grows);
  // The receiver's own methods do not hand the arguments away (`list.push(item)` stores
  // `item` in `list`; that `item` is itself a collection elsewhere is rare).
  if (!grow && !ll_str_eq(method, "assign") && !is_reading_callee(ctx, callee))
    on_arguments(ctx, st, args);
  bool shrink = method_is(method, shrinks);
  if (ll_str_eq(method, "splice")) {
    // splice(start, deleteCount, ...items): inserts when it has items, removes unless it says
    // to delete nothing (`splice(i, 0, item)` only inserts).
    grow = ts_node_named_child_count(args) > 2;
    shrink = !(grow && ll_str_eq(ll_ctx_text(ctx, ts_node_named_child(args, 1)), "0"));
  }
  uint32_t effect = (grow ? LL_EFFECT_GROWS : 0) | (shrink ? LL_EFFECT_SHRINKS : 0) |
                    (method_is(method, resets) ? LL_EFFECT_RESETS : 0);
  if (!effect) return;
  ll_collection *c = collection_of(ctx, st, receiver);
  if (!c) return;
  c->effects |= effect;
  // A Map's or Set's entry is named by its key; an array's push adds an element whatever it is,
  // unless the code first checks that the value is not in it yet (an array used as a Set).
  if (!grow || ts_node_named_child_count(args) == 0) return;
  TSNode first = ts_node_named_child(args, 0);
  bool keyed = ll_str_eq(method, "set") || ll_str_eq(method, "add") ||
               (ts_node_named_child_count(args) == 1 &&
                ll_ctx_frequency_at(ctx, call, NULL) == LL_FREQ_REPEATED &&
                is_deduplicated(ctx, st, c, first));
  record_growth(ctx, st, c, call, keyed ? first : (TSNode){.id = NULL});
}

static void on_assignment(ll_ctx *ctx, ll_collections *st, TSNode node) {
  TSNode left = ll_ast_field(node, ll_js.field.left);
  TSNode right = ll_ast_field(node, ll_js.field.right);
  left = ll_ast_unparenthesized(left);
  // `list.length = 0` empties an array.
  if (ll_ast_is(left, ll_js.sym.member_expression) &&
      ll_str_eq(ll_ctx_text(ctx, ll_ast_field(left, ll_js.field.property)), "length")) {
    add_effect(ctx, st, ll_ast_field(left, ll_js.field.object), LL_EFFECT_RESETS);
    return;
  }
  // `memo[key] = value` with a key computed at run time adds an entry per distinct key.
  if (ll_ast_is(left, ll_js.sym.subscript_expression)) {
    TSNode index = ll_ast_field(left, ll_js.field.index);
    bool constant_key = is_constant_key(index);
    ll_collection *c = collection_of(ctx, st, ll_ast_field(left, ll_js.field.object));
    ll_str value = ll_ctx_text(ctx, right);
    if (c &&
        (ll_str_eq(value, "null") || ll_str_eq(value, "undefined") || ll_str_eq(value, "void 0"))) {
      // `stack[index] = null` releases a slot: an index-managed stack or a cleared entry.
      c->effects |= LL_EFFECT_SHRINKS;
    } else if (c && !constant_key) {
      c->effects |= LL_EFFECT_GROWS;
      record_growth(ctx, st, c, node, index);
    }
    // The element itself is a collection too (`groups[id] = []`).
  }
  ll_collection *c = collection_of(ctx, st, left);
  if (!c) {
    // `other = list`, `module.exports.items = list`: an alias that others may drain.
    add_effect(ctx, st, right, LL_EFFECT_ESCAPES);
    return;
  }
  TSNode use;
  bool weak;
  if (mentions(ctx, st, right, c, &use)) {
    ll_str how = ll_ctx_text(ctx, use);
    // `byId = { ...byId, [item.id]: item }` adds a key per distinct id; with fixed keys only
    // (`state = { ...state, loading: true }`) it is a new object of the same size.
    bool adds_keys = !ll_ast_is(ll_ast_unparenthesized(right), ll_js.sym.object) ||
                     !ts_node_is_null(computed_key(ll_ast_unparenthesized(right)));
    if (!adds_keys) {
      c->effects |= LL_EFFECT_RESETS;
    } else if (ll_str_eq(how, "concat") || ll_ast_is(use, ll_js.sym.spread_element)) {
      c->effects |= LL_EFFECT_GROWS;
      c->is_collection = true;
      // `{ ...byId, [item.id]: item }` adds the computed key; `[...list, x]` an element.
      TSNode object = ll_ast_unparenthesized(right);
      record_growth(ctx, st, c, node,
                    ll_ast_is(object, ll_js.sym.object) ? computed_key(object)
                                                        : (TSNode){.id = NULL});
    } else {
      c->effects |= LL_EFFECT_SHRINKS; // filter, slice, map...: a new, usually smaller array
    }
    return;
  }
  if (is_empty_collection(ctx, default_value(right), &weak)) {
    c->is_collection = true;
    if (weak) c->effects |= LL_EFFECT_WEAK;
    // An empty value assigned by repeated code empties the collection; at start-up it is the
    // collection's creation (`global.cache = global.cache || {}`).
    if (ts_node_eq(default_value(right), right) &&
        ll_ctx_frequency_at(ctx, node, NULL) == LL_FREQ_REPEATED)
      c->effects |= LL_EFFECT_RESETS;
    return;
  }
  c->effects |= LL_EFFECT_RESETS; // replaced by something else
}

static void on_augmented_assignment(ll_ctx *ctx, ll_collections *st, TSNode node) {
  ll_str op = ll_ctx_text(ctx, ll_ast_field(node, ll_js.field.operator));
  TSNode left = ll_ast_unparenthesized(ll_ast_field(node, ll_js.field.left));
  // `list ||= []` and its nullish twin: the set-up idiom, written as a logical assignment. (The
  // nullish operator is spelled with an escape below: its three characters form a C trigraph.)
  bool sets_missing = ll_str_eq(op, "?\?=") || ll_str_eq(op, "||=");
  bool weak;
  if (sets_missing && is_empty_collection(ctx, ll_ast_field(node, ll_js.field.right), &weak)) {
    ll_collection *c = collection_of(ctx, st, left);
    if (c) {
      c->is_collection = true;
      if (weak) c->effects |= LL_EFFECT_WEAK;
    }
  }
  // `memo[key] ??= compute(key)`: an entry per distinct key, like `memo[key] = ...`.
  if (sets_missing && ll_ast_is(left, ll_js.sym.subscript_expression) &&
      !is_constant_key(ll_ast_field(left, ll_js.field.index))) {
    ll_collection *c = collection_of(ctx, st, ll_ast_field(left, ll_js.field.object));
    if (c) {
      c->effects |= LL_EFFECT_GROWS;
      record_growth(ctx, st, c, node, ll_ast_field(left, ll_js.field.index));
    }
  }
}

static void on_declarator(ll_ctx *ctx, ll_collections *st, TSNode node) {
  TSNode name = ll_ast_field(node, ll_js.field.name);
  TSNode value = ll_ast_field(node, ll_js.field.value);
  if (!ll_ast_is(name, ll_js.sym.identifier) || ts_node_is_null(value)) return;
  ll_path path;
  if (!ll_facts_declared_path(ll_ctx_facts(ctx), ll_ctx_scope(ctx), name, &path) ||
      path.lifetime != LL_LIFETIME_LONG)
    return;
  ll_collection *c = find_collection(ctx, st, &path);
  bool weak;
  if (is_empty_collection(ctx, default_value(value), &weak)) {
    c->is_collection = true;
    if (weak) c->effects |= LL_EFFECT_WEAK;
  }
  // `const list = other` aliases another collection: both are the same object.
  add_effect(ctx, st, value, LL_EFFECT_ESCAPES);
}

// `static cache = new Map()` in a class: a static member created with the class; `items = []` in
// a class with one instance (ll_facts_only_instance): that instance's state.
static void on_field(ll_ctx *ctx, ll_collections *st, TSNode node) {
  TSNode value = ll_ast_field(node, ll_js.field.value);
  TSNode property = ll_ast_field(node, ll_js.field.property);
  bool weak;
  if (ts_node_is_null(value) || !is_empty_collection(ctx, value, &weak)) return;
  const ll_scope *cls = ll_ctx_scope(ctx)->parent;
  if (!cls || cls->kind != LL_SCOPE_CLASS) return;
  ll_path path = {.lifetime = LL_LIFETIME_LONG};
  if (!ll_facts_is_static_member(node)) {
    if (!ll_facts_only_instance(ll_ctx_facts(ctx), cls)) return;
    path.this_class = cls;
  } else {
    TSNode name = ll_ast_field(cls->node, ll_js.field.name);
    if (ts_node_is_null(name)) return;
    path.binding = ll_scope_lookup(ll_ctx_scopes(ctx), cls->parent, ll_ctx_text(ctx, name));
    // Only a class declared at the top level lives as long as the process.
    if (!path.binding || !(path.binding->scope->kind == LL_SCOPE_GLOBAL ||
                           path.binding->scope->kind == LL_SCOPE_MODULE))
      return;
  }
  ll_str prop = ll_ctx_text(ctx, property);
  snprintf(path.text, sizeof path.text, ".%.*s", (int)prop.len, prop.ptr);
  ll_collection *c = find_collection(ctx, st, &path);
  c->is_collection = true;
  if (weak) c->effects |= LL_EFFECT_WEAK;
}

static bool is_size_of(ll_ctx *ctx, ll_collections *st, TSNode operand) {
  operand = ll_ast_unparenthesized(operand);
  if (!ll_ast_is(operand, ll_js.sym.member_expression)) return false;
  ll_str prop = ll_ctx_text(ctx, ll_ast_field(operand, ll_js.field.property));
  if (!ll_str_eq(prop, "length") && !ll_str_eq(prop, "size")) return false;
  add_effect(ctx, st, ll_ast_field(operand, ll_js.field.object), LL_EFFECT_BOUNDED);
  return true;
}

// Callees that only read what they are given.
static bool is_reading_callee(const ll_ctx *ctx, TSNode callee_node) {
  ll_str callee = ll_ctx_text(ctx, callee_node);
  static const char *const readers[] = {"JSON.stringify", "Object.keys", "Object.values",
                                        "Object.entries", "Array.from",  "Array.isArray",
                                        "String",         "Number",      "Boolean",
                                        "Object.freeze",  NULL};
  if (method_is(callee, readers)) return true;
  return callee.len > 8 && memcmp(callee.ptr, "console.", 8) == 0;
}

static void collect(ll_ctx *ctx, TSNode node, void *opaque) {
  ll_collections *st = opaque;
  TSSymbol sym = ts_node_symbol(node);
  if (sym == ll_js.sym.call_expression) {
    on_call(ctx, st, node);
  } else if (sym == ll_js.sym.export_specifier) {
    // `export { list }`, `export { list as items }`: other modules own it too.
    add_effect(ctx, st, ll_ast_field(node, ll_js.field.name), LL_EFFECT_ESCAPES);
  } else if (sym == ll_js.sym.export_statement) {
    TSNode value = ll_ast_field(node, ll_js.field.value); // `export default list`
    if (!ts_node_is_null(value)) add_effect(ctx, st, value, LL_EFFECT_ESCAPES);
  } else if (sym == ll_js.sym.augmented_assignment_expression) {
    on_augmented_assignment(ctx, st, node);
  } else if (sym == ll_js.sym.assignment_expression) {
    on_assignment(ctx, st, node);
  } else if (sym == ll_js.sym.variable_declarator) {
    on_declarator(ctx, st, node);
  } else if (sym == ll_js.sym.field_definition) {
    on_field(ctx, st, node);
  } else if (sym == ll_js.sym.unary_expression) {
    // `delete cache[key]`
    TSNode op = ll_ast_field(node, ll_js.field.operator);
    TSNode arg = ll_ast_field(node, ll_js.field.argument);
    if (ll_str_eq(ll_ctx_text(ctx, op), "delete") &&
        (ll_ast_is(arg, ll_js.sym.subscript_expression) ||
         ll_ast_is(arg, ll_js.sym.member_expression)))
      add_effect(ctx, st, ll_ast_field(arg, ll_js.field.object), LL_EFFECT_SHRINKS);
  } else if (sym == ll_js.sym.binary_expression) {
    // `list.length > MAX`, `map.size >= LIMIT`: the code bounds it.
    ll_str op = ll_ctx_text(ctx, ll_ast_field(node, ll_js.field.operator));
    if (op.len && (op.ptr[0] == '<' || op.ptr[0] == '>' || op.ptr[0] == '=' || op.ptr[0] == '!')) {
      is_size_of(ctx, st, ll_ast_field(node, ll_js.field.left));
      is_size_of(ctx, st, ll_ast_field(node, ll_js.field.right));
    }
  } else if (sym == ll_js.sym.return_statement) {
    TSNode value = ts_node_named_child(node, 0);
    if (!ts_node_is_null(value)) add_effect(ctx, st, value, LL_EFFECT_ESCAPES);
  } else if (sym == ll_js.sym.arrow_function) {
    TSNode body = ll_ast_field(node, ll_js.field.body);
    if (!ll_ast_is(body, ll_js.sym.statement_block)) add_effect(ctx, st, body, LL_EFFECT_ESCAPES);
  } else if (sym == ll_js.sym.new_expression) {
    on_arguments(ctx, st, ll_ast_field(node, ll_js.field.arguments));
  } else if (sym == ll_js.sym.pair) {
    // `{ items: list }` makes another reference to it.
    add_effect(ctx, st, ll_ast_field(node, ll_js.field.value), LL_EFFECT_ESCAPES);
  } else if (sym == ll_js.sym.shorthand_property_identifier) {
    add_effect(ctx, st, node, LL_EFFECT_ESCAPES);
  }
}

// True when `outer` is `inner` or an object it hangs from (`cache` for `cache.byUser[]`).
static bool is_prefix(const ll_path *outer, const ll_path *inner) {
  size_t len = strlen(outer->text);
  if (len > strlen(inner->text)) return false;
  ll_path root = *inner;
  root.text[len] = '\0';
  return ll_path_equal(&root, outer) &&
         (inner->text[len] == '\0' || inner->text[len] == '.' || inner->text[len] == '[');
}

// The effects of `c` and of every collection it hangs from: resetting or handing out `cache`
// also empties or hands out `cache.byUser`.
uint32_t ll_collection_effects(const ll_collections *st, const ll_collection *c) {
  uint32_t effects = c->effects;
  for (const ll_collection *other = st->collections; other; other = other->next) {
    if (other == c || !is_prefix(&other->path, &c->path)) continue;
    uint32_t inherited = LL_EFFECT_RESETS | LL_EFFECT_ESCAPES | LL_EFFECT_WEAK;
    // Handing out a class hands out its methods, not the collections its static members hold.
    if (!other->path.text[0] && other->path.binding && other->path.binding->kind == LL_BIND_CLASS)
      inherited &= ~LL_EFFECT_ESCAPES;
    effects |= other->effects & inherited;
  }
  return effects;
}

// An `export const list = []`: other modules may drain it.
static bool is_exported_binding(const ll_binding *b) {
  if (!b || ts_node_is_null(b->decl)) return false;
  TSNode up = ll_ast_parent_of(b->decl);
  for (int i = 0; i < 3 && !ts_node_is_null(up); i++, up = ll_ast_parent_of(up))
    if (ll_ast_is(up, ll_js.sym.export_statement)) return true;
  return false;
}

// True when a collection of the file is known to be an array, object, Map or Set: created or
// assigned as one, or a member of such a root. An unknown value may be a bounded cache.
bool ll_collection_is_known(const ll_collections *st, const ll_collection *c) {
  if (c->is_collection) return true;
  for (const ll_collection *other = st->collections; other; other = other->next)
    if (other->is_collection && is_prefix(&other->path, &c->path)) return true;
  return false;
}

bool ll_collection_is_exported(const ll_collection *c) {
  return is_exported_binding(c->path.binding);
}

const ll_growth *ll_collections_growths(const ll_collections *st) {
  return st->growths;
}

const ll_growth *ll_collections_growth_at(const ll_collections *st, TSNode site) {
  for (const ll_growth *g = st->growths; g; g = g->next)
    if (ts_node_eq(g->site, site)) return g;
  return NULL;
}

bool ll_growth_accumulates(const ll_facts *facts, const ll_collections *collections,
                           const ll_growth *g, ll_origin *origin) {
  *origin = (ll_origin){LL_ORIGIN_PER_RUN, {.id = NULL}, false};
  const ll_collection *c = g->target;
  // Drained, bounded, handed to code that may drain it, or of a kind that cannot accumulate.
  if (ll_collection_effects(collections, c) &
      (LL_EFFECT_SHRINKS | LL_EFFECT_RESETS | LL_EFFECT_BOUNDED | LL_EFFECT_ESCAPES |
       LL_EFFECT_WEAK))
    return false;
  // An unknown value may be a bounded cache; an exported one is drained by its importers.
  if (!ll_collection_is_known(collections, c) || ll_collection_is_exported(c)) return false;
  // Keys from a fixed set (literals, constants, names of functions or tags) make a cache that
  // stops growing once each key is in; keys made per run (request data, ids, times) add an
  // entry each run.
  if (!ts_node_is_null(g->key)) *origin = ll_facts_origin(facts, g->key);
  if (origin->kind == LL_ORIGIN_BOUNDED) return false;
  // Keys the file does not show, for a registry of functions (`commands[name] = handler`) or a
  // warn-once set: both grow with what the code does (registers, warns about), not with the
  // data it handles. Keyed by request data, they would grow per request.
  return !(origin->kind == LL_ORIGIN_UNKNOWN &&
           (ll_facts_is_registered_function(facts, ll_growth_value(g)) ||
            ll_facts_warns_once(facts, g->site)));
}

const ll_rule ll_collections_collector = {
    .id = "collections",
    .name = "Collections",
    .short_description = "Collects the effects of the file on its long-lived collections",
    .full_description = "Internal: not a rule users see; the engine runs it before the rules.",
    .help_uri = LL_DOCS_URL,
    .default_severity = LL_WARNING,
    .node_types = collected_types,
    .state_size = sizeof(ll_collections),
    .enter = collect,
};

TSNode ll_growth_value(const ll_growth *growth) {
  TSNode site = growth->site, none = {.id = NULL};
  if (ll_ast_is(site, ll_js.sym.assignment_expression))
    return ll_ast_field(site, ll_js.field.right);
  if (!ll_ast_is(site, ll_js.sym.call_expression)) return none;
  TSNode callee = ll_ast_field(site, ll_js.field.function);
  TSNode args = ll_ast_field(site, ll_js.field.arguments);
  if (!ll_ast_is(callee, ll_js.sym.member_expression) || !ll_ast_is(args, ll_js.sym.arguments))
    return none;
  uint32_t n = ts_node_named_child_count(args);
  // `map.set(k, v)`: the value follows the key.
  if (n == 2 && ts_node_eq(ts_node_named_child(args, 0), growth->key))
    return ts_node_named_child(args, 1);
  return n == 1 ? ts_node_named_child(args, 0) : none;
}
