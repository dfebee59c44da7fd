// Where a value comes from (origin.h): a bounded walk from an expression back to what makes it,
// through the scope model. Constants and names of declared things are bounded; request and
// event data, generated ids, clocks and counters are new with each run; what the file cannot
// show (an exported function's parameter, an unseen function's result) is unknown. Verdicts
// combine by taking the larger, so `'user:' + req.user.id` is per run and `'v' + VERSION` is
// bounded. The walk keeps the bindings it is following: a binding met again adds nothing (the
// least fixed point of a recursive helper), and a budget of nodes keeps a query cheap on any
// input.
#include "analyzer/origin.h"

#include <string.h>

#include "analyzer/ast.h"

enum { MAX_FOLLOWED = 24, BUDGET = 400, MAX_DEPTH = 24 };

typedef struct walk {
  const ll_facts *facts;
  const ll_source *source;
  const ll_binding *followed[MAX_FOLLOWED];
  uint32_t n_followed;
  uint32_t budget;
  // Asking what a value holds (the keys `for (k in x)` visits) rather than what it is: a literal
  // object then holds the keys written in it, not a new identity.
  bool contents;
} walk;

static ll_origin of_expr(walk *w, TSNode expr, int depth);

static const ll_origin bounded = {LL_ORIGIN_BOUNDED, {.id = NULL}, false};

static ll_origin unknown(TSNode at) {
  return (ll_origin){LL_ORIGIN_UNKNOWN, at, false};
}

static ll_origin per_run(TSNode at) {
  return (ll_origin){LL_ORIGIN_PER_RUN, at, false};
}

static void combine(ll_origin *acc, ll_origin o) {
  if (o.kind > acc->kind) *acc = o;
}

static ll_str text_of(const walk *w, TSNode node) {
  return ll_ast_text(w->source, node);
}

// Calls whose every result is new: clocks, random numbers and generated ids.
static const char *const generators[] = {"Date.now",
                                         "performance.now",
                                         "Math.random",
                                         "crypto.randomUUID",
                                         "randomUUID",
                                         "uuid",
                                         "uuidv4",
                                         "uuid.v4",
                                         "v4",
                                         "nanoid",
                                         "cuid",
                                         "ulid",
                                         "process.hrtime",
                                         "process.hrtime.bigint",
                                         "crypto.randomBytes",
                                         "randomBytes",
                                         "Symbol",
                                         "hrtime",
                                         "generateId",
                                         "shortid.generate",
                                         NULL};

// Functions whose result is built from their arguments only.
static const char *const transparent_functions[] = {"String",
                                                    "Number",
                                                    "parseInt",
                                                    "parseFloat",
                                                    "BigInt",
                                                    "Boolean",
                                                    "JSON.stringify",
                                                    "encodeURIComponent",
                                                    "decodeURIComponent",
                                                    "encodeURI",
                                                    "decodeURI",
                                                    "escape",
                                                    "path.join",
                                                    "path.resolve",
                                                    "path.basename",
                                                    "path.extname",
                                                    "path.dirname",
                                                    "path.normalize",
                                                    "path.relative",
                                                    "Buffer.from",
                                                    "crypto.createHash",
                                                    "createHash",
                                                    "Math.floor",
                                                    "Math.round",
                                                    "Math.ceil",
                                                    "Math.trunc",
                                                    "Math.abs",
                                                    "Math.min",
                                                    "Math.max",
                                                    NULL};

// Methods whose result is built from the receiver and the arguments.
static const char *const transparent_methods[] = {"toString",
                                                  "toLowerCase",
                                                  "toUpperCase",
                                                  "toLocaleLowerCase",
                                                  "toLocaleUpperCase",
                                                  "trim",
                                                  "trimStart",
                                                  "trimEnd",
                                                  "slice",
                                                  "substring",
                                                  "substr",
                                                  "padStart",
                                                  "padEnd",
                                                  "toFixed",
                                                  "toISOString",
                                                  "toJSON",
                                                  "valueOf",
                                                  "normalize",
                                                  "replace",
                                                  "replaceAll",
                                                  "join",
                                                  "concat",
                                                  "digest",
                                                  "update",
                                                  "toDateString",
                                                  "getTime",
                                                  "charAt",
                                                  "at",
                                                  "get",
                                                  "split",
                                                  "toUTCString",
                                                  "toLocaleString",
                                                  NULL};

// Properties that name a kind of thing, not an instance: a DOM node's tag.
static const char *const kind_names[] = {"nodeName", "tagName", "localName", NULL};

// Array methods whose callback's first parameter is each element of the receiver (`reduce`'s
// second).
static const char *const element_callbacks[] = {"forEach", "map",      "filter",        "some",
                                                "every",   "find",     "findIndex",     "flatMap",
                                                "sort",    "findLast", "findLastIndex", NULL};

static bool is_module_level(const ll_binding *b) {
  return b->scope->function->kind == LL_SCOPE_GLOBAL || b->scope->function->kind == LL_SCOPE_MODULE;
}

static bool follow(walk *w, const ll_binding *b) {
  for (uint32_t i = 0; i < w->n_followed; i++)
    if (w->followed[i] == b) return false;
  if (w->n_followed == MAX_FOLLOWED) return false;
  w->followed[w->n_followed++] = b;
  return true;
}

static ll_origin of_elements_of(walk *w, TSNode iterable, int depth);

// The elements of what `iterable` iterates: an array literal's items, the keys of
// Object.keys(x) (x's own, bounded when x is), `list.split(',')`'s parts.
static ll_origin of_elements(walk *w, TSNode iterable, int depth) {
  iterable = ll_ast_unparenthesized(iterable);
  bool was = w->contents;
  w->contents = true;
  ll_origin o = of_elements_of(w, iterable, depth);
  w->contents = was;
  return o;
}

static ll_origin of_elements_of(walk *w, TSNode iterable, int depth) {
  if (ll_ast_is(iterable, ll_js.sym.array)) {
    ll_origin acc = bounded;
    uint32_t n = ts_node_named_child_count(iterable);
    for (uint32_t i = 0; i < n && acc.kind != LL_ORIGIN_PER_RUN; i++)
      combine(&acc, of_expr(w, ts_node_named_child(iterable, i), depth + 1));
    return acc;
  }
  if (ll_ast_is(iterable, ll_js.sym.call_expression)) {
    TSNode callee = ll_ast_field(iterable, ll_js.field.function);
    TSNode args = ll_ast_field(iterable, ll_js.field.arguments);
    static const char *const members_of[] = {"Object.keys",     "Object.values",
                                             "Object.entries",  "Object.getOwnPropertyNames",
                                             "Reflect.ownKeys", NULL};
    if (ll_str_in(text_of(w, callee), members_of)) {
      TSNode of = ts_node_named_child(args, 0);
      // A literal object's keys are written in the file.
      if (ll_ast_is(ll_ast_unparenthesized(of), ll_js.sym.object)) return bounded;
      return of_expr(w, of, depth + 1);
    }
    if (ll_ast_is(callee, ll_js.sym.member_expression)) {
      ll_str method = text_of(w, ll_ast_field(callee, ll_js.field.property));
      if (ll_str_eq(method, "keys") || ll_str_eq(method, "values") ||
          ll_str_eq(method, "entries") || ll_str_in(method, element_callbacks) ||
          ll_str_eq(method, "slice") || ll_str_eq(method, "split") || ll_str_eq(method, "concat"))
        return of_elements(w, ll_ast_field(callee, ll_js.field.object), depth + 1);
    }
  }
  return of_expr(w, iterable, depth + 1);
}

// `for (const k of X)` / `for (k in X)`: the statement whose `left` declares or assigns the
// identifier `decl`, or a null node.
static TSNode loop_of(TSNode decl) {
  TSNode node = decl;
  for (int up = 0; up < 6; up++) {
    TSNode parent = ll_ast_parent_of(node);
    if (ts_node_is_null(parent)) break;
    if (ll_ast_is(parent, ll_js.sym.for_in_statement))
      return ts_node_eq(ll_ast_field(parent, ll_js.field.left), node) ? parent : (TSNode){0};
    TSSymbol sym = ts_node_symbol(parent);
    if (sym != ll_js.sym.object_pattern && sym != ll_js.sym.array_pattern &&
        sym != ll_js.sym.pair_pattern && sym != ll_js.sym.assignment_pattern &&
        sym != ll_js.sym.object_assignment_pattern &&
        sym != ll_js.sym.shorthand_property_identifier_pattern && sym != ll_js.sym.rest_pattern)
      break;
    node = parent;
  }
  return (TSNode){0};
}

// The value a destructured name is taken from: `req.params` for `id` in
// `const { id } = req.params`.
static TSNode destructured_value(TSNode decl) {
  TSNode node = decl;
  for (int up = 0; up < 8; up++) {
    TSNode parent = ll_ast_parent_of(node);
    if (ts_node_is_null(parent)) break;
    if (ll_ast_is(parent, ll_js.sym.variable_declarator))
      return ts_node_eq(ll_ast_field(parent, ll_js.field.name), node)
                 ? ll_ast_field(parent, ll_js.field.value)
                 : (TSNode){0};
    node = parent;
  }
  return (TSNode){0};
}

// What a parameter receives when the function `fn` is itself passed as an argument of `call`
// (`fn` is the argument): each element of the receiver for array callbacks, else values the
// caller makes per event (a route's request, a listener's payload).
static ll_origin of_callback_argument(walk *w, TSNode call, uint32_t index, TSNode at, int depth) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    ll_str method = text_of(w, ll_ast_field(callee, ll_js.field.property));
    bool each = ll_str_in(method, element_callbacks)                              ? index == 0
                : ll_str_eq(method, "reduce") || ll_str_eq(method, "reduceRight") ? index == 1
                                                                                  : false;
    if (each) return of_elements(w, ll_ast_field(callee, ll_js.field.object), depth + 1);
    if (ll_str_in(method, element_callbacks) || ll_str_eq(method, "reduce")) return unknown(at);
    // `.then(fn)`: the value of an unseen promise.
    if (ll_str_eq(method, "then") || ll_str_eq(method, "catch")) return unknown(at);
  }
  return per_run(at);
}

// The parameter position of the parameter whose identifier is `decl` in its function, and
// whether it sits in a destructuring pattern (the argument's members, same origin).
static bool param_index(TSNode decl, uint32_t *index, TSNode *default_value) {
  TSNode node = decl;
  *default_value = (TSNode){0};
  for (int up = 0; up < 10; up++) {
    TSNode parent = ll_ast_parent_of(node);
    if (ts_node_is_null(parent)) return false;
    if (ll_ast_is(parent, ll_js.sym.assignment_pattern) &&
        ts_node_eq(ll_ast_field(parent, ll_js.field.left), node))
      *default_value = ll_ast_field(parent, ll_js.field.right);
    if (ll_ast_is(parent, ll_js.sym.formal_parameters)) {
      uint32_t n = ts_node_named_child_count(parent);
      for (uint32_t i = 0; i < n; i++)
        if (ts_node_eq(ts_node_named_child(parent, i), node)) {
          *index = i;
          return true;
        }
      return false;
    }
    if (ll_ast_is(parent, ll_js.sym.arrow_function)) {
      *index = 0; // `x => ...`
      return true;
    }
    node = parent;
  }
  return false;
}

// The argument at `index` of a call; spread arguments make every later position unknown.
static ll_origin of_argument(walk *w, TSNode call, uint32_t index, int depth) {
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  if (ts_node_is_null(args) || !ll_ast_is(args, ll_js.sym.arguments)) return unknown(call);
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n && i <= index; i++)
    if (ll_ast_is(ts_node_named_child(args, i), ll_js.sym.spread_element)) return unknown(call);
  if (index >= n) return bounded; // undefined
  return of_expr(w, ts_node_named_child(args, index), depth + 1);
}

// How a function value used at `value` (a reference to the function's binding, or the function
// node itself) reaches its callers, for parameter `index`.
static ll_origin of_function_use(walk *w, TSNode value, TSNode parent, TSFieldId field,
                                 uint32_t index, TSNode at, int depth) {
  if (ll_ast_is(parent, ll_js.sym.call_expression) && field == ll_js.field.function)
    return of_argument(w, parent, index, depth);
  if (ll_ast_is(parent, ll_js.sym.arguments)) {
    TSNode call = ll_ast_parent_of(parent);
    if (ll_ast_is(call, ll_js.sym.call_expression) || ll_ast_is(call, ll_js.sym.new_expression)) {
      (void)value;
      return ll_ast_is(call, ll_js.sym.call_expression)
                 ? of_callback_argument(w, call, index, at, depth)
                 : per_run(at);
    }
  }
  // Exported, stored in an object or a member, returned: callers this file does not show.
  return unknown(at);
}

static ll_origin of_param(walk *w, const ll_binding *b, TSNode at, int depth) {
  const ll_scope *fn = b->scope->function;
  uint32_t index;
  TSNode default_value;
  if (fn->kind != LL_SCOPE_FUNCTION || !param_index(b->decl, &index, &default_value))
    return unknown(at);
  // A request handler's parameters are the request, wherever the handler is registered.
  if (ll_facts_is_handler_shaped(w->facts, fn)) return per_run(at);
  ll_origin acc = bounded;
  if (!ts_node_is_null(default_value)) combine(&acc, of_expr(w, default_value, depth + 1));
  // A class method's callers (`this.track(x)`, `store.track(x)`) are not bound to a name.
  if (ll_ast_is(fn->node, ll_js.sym.method_definition)) return unknown(at);
  // Where the function itself stands: passed as a callback, called at once, exported.
  TSNode ctx = fn->context[0];
  if (!ll_ast_is(ctx, ll_js.sym.variable_declarator) &&
      !ll_ast_is(fn->node, ll_js.sym.function_declaration)) {
    combine(&acc, of_function_use(w, fn->node, ctx, fn->context_field, index, at, depth));
    if (acc.kind == LL_ORIGIN_PER_RUN) return acc;
  }
  const ll_binding *self = ll_facts_function_binding(w->facts, fn);
  if (!self) return acc;
  for (const ll_ref *ref = self->refs; ref && acc.kind != LL_ORIGIN_PER_RUN;
       ref = ref->next_of_binding) {
    if (w->budget == 0) return unknown(at);
    w->budget--;
    combine(&acc, of_function_use(w, ref->id, ref->parent, ref->field, index, at, depth));
  }
  // Exported under its own name (`export function f`, `module.exports = f` is a use above).
  if (ll_ast_is(fn->context[0], ll_js.sym.export_statement)) combine(&acc, unknown(at));
  return acc;
}

// A literal object, array or function: a new identity each time it is evaluated.
static bool is_fresh_object(TSNode node) {
  node = ll_ast_unparenthesized(node);
  return ll_ast_is(node, ll_js.sym.object) || ll_ast_is(node, ll_js.sym.array) ||
         (!ts_node_is_null(node) && ll_ast_is_function(node));
}

// The origin of a value written to a name that is written more than once (see of_variable).
static ll_origin written(walk *w, TSNode value, TSNode at, int depth) {
  ll_origin o = of_expr(w, value, depth);
  return o.kind == LL_ORIGIN_PER_RUN && is_fresh_object(o.evidence) ? unknown(at) : o;
}

// `for (k in x)`, as opposed to `for (v of x)`.
static bool is_for_in(TSNode loop) {
  uint32_t n = ts_node_child_count(loop);
  for (uint32_t i = 0; i < n; i++)
    if (!strcmp(ts_node_type(ts_node_child(loop, i)), "in")) return true;
  return false;
}

static bool is_counter_write(const ll_ref *ref) {
  return ll_ast_is(ref->parent, ll_js.sym.update_expression) ||
         ll_ast_is(ref->parent, ll_js.sym.augmented_assignment_expression);
}

static ll_origin of_variable(walk *w, const ll_binding *b, TSNode at, int depth) {
  // A counter that outlives the run (`let seq = 0` at the top, `++seq` per request): every run
  // sees a new number. One declared in the run (a loop index) counts the same numbers each run.
  const ll_ref *use = ll_facts_ref_at(w->facts, at);
  bool outlives = !use || use->from->function != b->scope->function;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding)
    if ((ref->flags & LL_REF_WRITE) && is_counter_write(ref))
      return outlives ? per_run(ref->parent) : unknown(at);
  TSNode loop = loop_of(b->decl);
  ll_origin acc = bounded;
  if (!ts_node_is_null(loop)) {
    TSNode right = ll_ast_field(loop, ll_js.field.right);
    // `for (k in obj)` iterates obj's keys: bounded when obj is.
    combine(&acc, of_elements(w, right, depth));
    if (acc.kind != LL_ORIGIN_BOUNDED && is_for_in(loop)) {
      acc.evidence = right; // say "the property names of `style`", not "`style`"
      acc.keys_of = true;
    }
  } else if (b->n_writes == 0 && is_module_level(b)) {
    // Made once, at start-up: one value for the life of the process.
    return bounded;
  } else if (!ts_node_is_null(b->init)) {
    combine(&acc, of_expr(w, b->init, depth + 1));
  } else {
    TSNode value = destructured_value(b->decl);
    if (!ts_node_is_null(value))
      combine(&acc, of_expr(w, value, depth + 1));
    else if (b->n_writes == 0)
      return unknown(at);
  }
  // A name written more than once holds, at the use, one of its values; which one the walk does
  // not tell. A new object among them (`x = {}` on another path) then says nothing sure.
  if (b->n_writes > 0 && acc.kind == LL_ORIGIN_PER_RUN && is_fresh_object(acc.evidence))
    acc = unknown(at);
  for (const ll_ref *ref = b->refs; ref && acc.kind != LL_ORIGIN_PER_RUN;
       ref = ref->next_of_binding) {
    if (!(ref->flags & LL_REF_WRITE)) continue;
    if (ll_ast_is(ref->parent, ll_js.sym.assignment_expression) && ref->field == ll_js.field.left)
      combine(&acc, written(w, ll_ast_field(ref->parent, ll_js.field.right), at, depth + 1));
    else if (ts_node_is_null(loop_of(ref->id)))
      combine(&acc, unknown(ref->id)); // destructured or otherwise written
    else
      combine(&acc, of_elements(w, ll_ast_field(loop_of(ref->id), ll_js.field.right), depth));
  }
  return acc;
}

// True when the last statement of a switch case leaves the switch (no fall-through).
static bool leaves_switch(TSNode clause) {
  uint32_t n = ts_node_named_child_count(clause);
  TSNode last = n ? ts_node_named_child(clause, n - 1) : (TSNode){.id = NULL};
  return ll_ast_is(last, ll_js.sym.break_statement) ||
         ll_ast_is(last, ll_js.sym.return_statement) || ll_ast_is(last, ll_js.sym.throw_statement);
}

// `switch (name) { case "inert": ... warned[name] = true }`: inside a case whose test is a
// literal, the name the switch tests holds that literal (unless a `default` falls through into
// the case, or the name is ever assigned).
static bool narrowed_by_case(const walk *w, TSNode id, const ll_binding *b) {
  if (b->n_writes) return false; // `type = getStyleKey(href)` inside the case
  TSNode clause = id;
  for (int up = 0; up < 32; up++) {
    clause = ll_ast_parent_of(clause);
    if (ts_node_is_null(clause) || ll_ast_is_function(clause)) return false;
    if (ll_ast_is(clause, ll_js.sym.switch_case) || ll_ast_is(clause, ll_js.sym.switch_default))
      break;
  }
  if (!ll_ast_is(clause, ll_js.sym.switch_case)) return false;
  TSNode test = ll_ast_field(clause, ll_js.field.value);
  if (!ll_ast_is(test, ll_js.sym.string) && !ll_ast_is(test, ll_js.sym.number)) return false;
  TSNode statement = ll_ast_parent_of(ll_ast_parent_of(clause));
  TSNode value = ll_ast_unparenthesized(ll_ast_field(statement, ll_js.field.value));
  const ll_ref *tested =
      ll_ast_is(value, ll_js.sym.identifier) ? ll_facts_ref_at(w->facts, value) : NULL;
  if (!tested || tested->target != b) return false;
  for (TSNode before = ts_node_prev_named_sibling(clause); !ts_node_is_null(before);
       before = ts_node_prev_named_sibling(before)) {
    if (leaves_switch(before)) break;
    if (ll_ast_is(before, ll_js.sym.switch_default)) return false;
  }
  return true;
}

static ll_origin of_identifier(walk *w, TSNode id, int depth) {
  const ll_ref *ref = ll_facts_ref_at(w->facts, id);
  if (!ref || (ref->flags & LL_REF_DYNAMIC)) return unknown(id);
  const ll_binding *b = ref->target;
  if (!b) {
    ll_str name = text_of(w, id);
    if (ll_str_eq(name, "undefined") || ll_str_eq(name, "NaN") || ll_str_eq(name, "Infinity"))
      return bounded;
    return unknown(id);
  }
  if (narrowed_by_case(w, id, b)) return bounded;
  // Met again while following it: adds nothing the first visit does not.
  if (!follow(w, b)) return bounded;
  ll_origin result;
  switch (b->kind) {
    case LL_BIND_FUNCTION:
    case LL_BIND_CLASS:
    case LL_BIND_FUNCTION_NAME:
      // A declared function or class: one object per declaration, unless it is declared anew
      // in each run of repeated code.
      result = is_module_level(b) ? bounded : per_run(id);
      break;
    case LL_BIND_PARAM:
      result = of_param(w, b, id, depth);
      break;
    case LL_BIND_CATCH:
      result = per_run(id);
      break;
    case LL_BIND_VAR:
    case LL_BIND_LET:
    case LL_BIND_CONST:
    case LL_BIND_USING:
      result = of_variable(w, b, id, depth);
      break;
    default: // imports, implicit globals, `arguments`: made where the file cannot see
      result = unknown(id);
      break;
  }
  w->n_followed--;
  return result;
}

// A binding whose value is a literal table (`{ ... }`, `[ ... ]`, `Object.freeze({ ... })`) or a
// declared function or class (whose members are its statics).
static bool is_constant_table(const walk *w, const ll_binding *b) {
  if (b->kind == LL_BIND_FUNCTION || b->kind == LL_BIND_CLASS) return true;
  TSNode init = ll_ast_unparenthesized(b->init);
  if (ll_ast_is(init, ll_js.sym.call_expression)) {
    ll_str callee = text_of(w, ll_ast_field(init, ll_js.field.function));
    if (!ll_str_eq(callee, "Object.freeze") && !ll_str_eq(callee, "Object.seal")) return false;
    init = ll_ast_unparenthesized(ll_ast_named_child(ll_ast_field(init, ll_js.field.arguments), 0));
  }
  return ll_ast_is(init, ll_js.sym.object) || ll_ast_is(init, ll_js.sym.array) ||
         ll_ast_is(init, ll_js.sym.string) || ll_ast_is(init, ll_js.sym.number);
}

// `obj.prop`, `obj[key]`: read from obj. A constant table's members are constants; a request's
// are request data.
static ll_origin of_member(walk *w, TSNode expr, int depth) {
  TSNode object = ll_ast_unparenthesized(ll_ast_field(expr, ll_js.field.object));
  if (ll_ast_is(expr, ll_js.sym.member_expression)) {
    ll_str prop = text_of(w, ll_ast_field(expr, ll_js.field.property));
    if (ll_str_in(prop, kind_names)) return bounded;
    // `fn.name`, `this.constructor.name`, `err.constructor.name`: the name of a declared thing.
    if (ll_str_eq(prop, "name") && ll_ast_is(object, ll_js.sym.member_expression) &&
        ll_str_eq(text_of(w, ll_ast_field(object, ll_js.field.property)), "constructor"))
      return bounded;
  }
  if (ll_ast_is(object, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(w->facts, object);
    const ll_binding *b = ref ? ref->target : NULL;
    // `Events.UPDATE`, `LEVELS.debug` of an imported module: one value, set where it is made.
    if (b && b->kind == LL_BIND_IMPORT && ll_ast_is(expr, ll_js.sym.member_expression))
      return bounded;
    // A top-level table written in the file (`const LEVELS = { ... }`, frozen or not) holds
    // constants; a top-level object made by a call (an element, a client) holds state that
    // changes under the file's eyes (`input.value`).
    if (b && b->n_writes == 0 && is_module_level(b) && b->kind != LL_BIND_PARAM)
      return is_constant_table(w, b) ? bounded : unknown(expr);
  }
  if (ll_ast_is(object, ll_js.sym.this)) return unknown(expr);
  ll_origin o = of_expr(w, object, depth + 1);
  // Name the whole read (`req.params.id`) rather than its root.
  if (o.kind == LL_ORIGIN_PER_RUN && ll_ast_is(o.evidence, ll_js.sym.identifier) &&
      ts_node_start_byte(o.evidence) >= ts_node_start_byte(expr) &&
      ts_node_end_byte(o.evidence) <= ts_node_end_byte(expr))
    o.evidence = expr;
  return o;
}

static ll_origin of_call(walk *w, TSNode call, int depth) {
  TSNode callee = ll_ast_unparenthesized(ll_ast_field(call, ll_js.field.function));
  ll_str name = text_of(w, callee);
  if (ll_str_in(name, generators)) return per_run(call);
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  ll_origin acc = bounded;
  if (ll_str_in(name, transparent_functions)) {
    // fall through to the arguments
  } else if (ll_ast_is(callee, ll_js.sym.member_expression) &&
             ll_str_in(text_of(w, ll_ast_field(callee, ll_js.field.property)),
                       transparent_methods)) {
    combine(&acc, of_expr(w, ll_ast_field(callee, ll_js.field.object), depth + 1));
  } else {
    return unknown(call);
  }
  uint32_t n = ll_ast_is(args, ll_js.sym.arguments) ? ts_node_named_child_count(args) : 0;
  for (uint32_t i = 0; i < n && acc.kind != LL_ORIGIN_PER_RUN; i++)
    combine(&acc, of_expr(w, ts_node_named_child(args, i), depth + 1));
  return acc;
}

static ll_origin of_binary(walk *w, TSNode expr, int depth) {
  ll_str op = text_of(w, ll_ast_field(expr, ll_js.field.operator));
  static const char *const yes_no[] = {
      "==", "===", "!=", "!==", "<", "<=", ">", ">=", "instanceof", "in", NULL};
  if (ll_str_in(op, yes_no)) return bounded;
  TSNode left = ll_ast_field(expr, ll_js.field.left), right = ll_ast_field(expr, ll_js.field.right);
  ll_origin r = of_expr(w, right, depth + 1);
  // `seq % SIZE`: a ring buffer's slot, one of SIZE.
  if (ll_str_eq(op, "%") && r.kind == LL_ORIGIN_BOUNDED) return bounded;
  ll_origin acc = of_expr(w, left, depth + 1);
  combine(&acc, r);
  return acc;
}

static ll_origin of_expr(walk *w, TSNode expr, int depth) {
  expr = ll_ast_unparenthesized(expr);
  if (ts_node_is_null(expr)) return unknown(expr);
  if (depth > MAX_DEPTH || w->budget == 0) return unknown(expr);
  w->budget--;
  TSSymbol sym = ts_node_symbol(expr);
  if (sym == ll_js.sym.string || sym == ll_js.sym.number || sym == ll_js.sym.regex) return bounded;
  if (!ts_node_is_named(expr) || ts_node_child_count(expr) == 0) {
    // `true`, `false`, `null`, `undefined` (leaves the grammar names like C keywords)
    const char *type = ts_node_type(expr);
    if (!strcmp(type, "true") || !strcmp(type, "false") || !strcmp(type, "null") ||
        !strcmp(type, "undefined"))
      return bounded;
  }
  if (sym == ll_js.sym.template_string) {
    ll_origin acc = bounded;
    uint32_t n = ts_node_named_child_count(expr);
    for (uint32_t i = 0; i < n; i++) {
      TSNode part = ts_node_named_child(expr, i);
      if (ll_ast_is(part, ll_js.sym.template_substitution))
        combine(&acc, of_expr(w, ts_node_named_child(part, 0), depth + 1));
    }
    return acc;
  }
  if (sym == ll_js.sym.identifier || sym == ll_js.sym.shorthand_property_identifier)
    return of_identifier(w, expr, depth);
  if (sym == ll_js.sym.member_expression || sym == ll_js.sym.subscript_expression)
    return of_member(w, expr, depth);
  if (sym == ll_js.sym.call_expression) return of_call(w, expr, depth);
  if (sym == ll_js.sym.new_expression) {
    return per_run(expr); // a new object (or `new Date()`) each run
  }
  if (sym == ll_js.sym.binary_expression) return of_binary(w, expr, depth);
  if (sym == ll_js.sym.ternary_expression) {
    ll_origin acc = of_expr(w, ll_ast_field(expr, ll_js.field.consequence), depth + 1);
    combine(&acc, of_expr(w, ll_ast_field(expr, ll_js.field.alternative), depth + 1));
    return acc;
  }
  if (sym == ll_js.sym.unary_expression) {
    ll_str op = text_of(w, ll_ast_field(expr, ll_js.field.operator));
    if (ll_str_eq(op, "typeof") || ll_str_eq(op, "!") || ll_str_eq(op, "void")) return bounded;
    return of_expr(w, ll_ast_field(expr, ll_js.field.argument), depth + 1);
  }
  if (sym == ll_js.sym.update_expression || sym == ll_js.sym.augmented_assignment_expression)
    return per_run(expr); // a counter
  if (sym == ll_js.sym.assignment_expression)
    return of_expr(w, ll_ast_field(expr, ll_js.field.right), depth + 1);
  if (sym == ll_js.sym.await_expression) return of_expr(w, ts_node_named_child(expr, 0), depth + 1);
  // What a literal object holds are the keys written in it; an array, its elements.
  if (w->contents && sym == ll_js.sym.object) return bounded;
  if (w->contents && sym == ll_js.sym.array) return of_elements_of(w, expr, depth);
  // A literal object, array or function used as a key or member is a new object each time.
  if (sym == ll_js.sym.object || sym == ll_js.sym.array || ll_ast_is_function(expr))
    return per_run(expr);
  return unknown(expr);
}

ll_origin ll_facts_origin(const ll_facts *facts, TSNode expr) {
  walk w = {.facts = facts, .source = ll_facts_source(facts), .budget = BUDGET};
  if (ts_node_is_null(expr)) return unknown(expr);
  return of_expr(&w, expr, 0);
}

bool ll_facts_is_registered_function(const ll_facts *facts, TSNode value) {
  // A function written in place (`pending[id] = () => ws.send(id)`) is a closure over the run
  // that makes it, not a registered function: only named ones count.
  value = ll_ast_unparenthesized(value);
  if (ts_node_is_null(value) || !ll_ast_is(value, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(facts, value);
  if (!ref || !ref->target) return false;
  const ll_binding *b = ref->target;
  if (b->kind == LL_BIND_FUNCTION || b->kind == LL_BIND_CLASS) return true;
  if (b->kind != LL_BIND_PARAM) return false;
  static const char *const function_names[] = {
      "fn",        "func",      "handler", "callback",    "cb",         "listener",
      "hook",      "plugin",    "factory", "transformer", "middleware", "reducer",
      "resolver",  "ctor",      "Ctor",    "constructor", "component",  "Component",
      "validator", "formatter", "loader",  NULL};
  return ll_str_in(b->name, function_names);
}

// A call that shows a warning to a person: `console.warn(...)`, `process.emitWarning(...)`,
// `warn(msg)`, `this.deprecate(...)`, `logger.warning(...)`.
static bool is_warning_call(const ll_source *source, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  TSNode name = ll_ast_is(callee, ll_js.sym.member_expression)
                    ? ll_ast_field(callee, ll_js.field.property)
                    : callee;
  ll_str text = ll_ast_text(source, name);
  if (ll_ast_is(callee, ll_js.sym.member_expression) &&
      ll_str_eq(ll_ast_text(source, ll_ast_field(callee, ll_js.field.object)), "console"))
    return ll_str_eq(text, "warn") || ll_str_eq(text, "error") || ll_str_eq(text, "log") ||
           ll_str_eq(text, "info") || ll_str_eq(text, "trace");
  static const char *const words[] = {"warn", "Warn", "deprecat", "Deprecat", NULL};
  for (const char *const *w = words; *w; w++)
    for (uint32_t i = 0; i + strlen(*w) <= text.len; i++)
      if (!memcmp(text.ptr + i, *w, strlen(*w))) return true;
  return false;
}

// True when some call in `node` shows a warning.
static bool has_warning_call(const ll_source *source, TSNode node, int depth) {
  if (depth > 8) return false;
  if (ll_ast_is(node, ll_js.sym.call_expression) && is_warning_call(source, node)) return true;
  if (ll_ast_is_function(node)) return false;
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++)
    if (has_warning_call(source, ts_node_named_child(node, i), depth + 1)) return true;
  return false;
}

bool ll_facts_warns_once(const ll_facts *facts, TSNode site) {
  const ll_source *source = ll_facts_source(facts);
  TSNode target = ll_ast_is(site, ll_js.sym.assignment_expression)
                      ? ll_ast_field(site, ll_js.field.left)
                      : ll_ast_field(site, ll_js.field.function);
  if (!ll_ast_is(target, ll_js.sym.subscript_expression) &&
      !ll_ast_is(target, ll_js.sym.member_expression))
    return false;
  ll_str name = ll_ast_text(source, ll_ast_field(target, ll_js.field.object));
  if (!name.len) return false;
  TSNode child = site;
  for (TSNode up = ll_ast_parent_of(site); !ts_node_is_null(up) && !ll_ast_is_function(up);
       child = up, up = ll_ast_parent_of(up)) {
    // `if (!warned[k]) { ... }`, or as bundlers write it, `warned[k] || (warned[k] = !0, ...)`
    TSNode test;
    if (ll_ast_is(up, ll_js.sym.if_statement) &&
        ts_node_eq(ll_ast_field(up, ll_js.field.consequence), child))
      test = ll_ast_field(up, ll_js.field.condition);
    else if (ll_ast_is(up, ll_js.sym.binary_expression) &&
             ts_node_eq(ll_ast_field(up, ll_js.field.right), child))
      test = ll_ast_field(up, ll_js.field.left);
    else
      continue;
    ll_str condition = ll_ast_text(source, test);
    bool tests = false;
    for (uint32_t i = 0; i + name.len <= condition.len && !tests; i++)
      tests = !memcmp(condition.ptr + i, name.ptr, name.len);
    if (tests && has_warning_call(source, child, 0)) return true;
  }
  return false;
}
