// The project view (project.h): each file's calls into the other files of the run, gathered into
// one table keyed by the real path of the called file and the export's name.
#define _DEFAULT_SOURCE
#include "analyzer/project.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/ast.h"
#include "analyzer/modules.h"
#include "analyzer/strmap.h"

// ---------------------------------------------------------------------------------------------
// The links of one file

typedef struct link_list {
  ll_arena *arena;
  ll_link *items;
  size_t n, cap;
} link_list;

static ll_str text_of(const ll_source *source, TSNode node) {
  if (ts_node_is_null(node)) return (ll_str){"", 0};
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

static const char *copy(ll_arena *arena, ll_str text) {
  return ll_arena_printf(arena, "%.*s", (int)text.len, text.ptr);
}

// How often a use runs: its frequency, and for a repetition the file only guesses, the export
// of this file whose callers decide (ll_link.via).
typedef struct use_frequency {
  ll_frequency freq;
  ll_confidence confidence;
  const char *via, *via_module;
  const char *witness; // for a sure repetition: "<line>, <why>" (ll_link.witness)
  bool handoff;        // ll_link.handoff
} use_frequency;

static void add_link(link_list *list, const char *module, const char *name, use_frequency use) {
  if (list->n == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 16;
    list->items = ll_arena_grow(list->arena, list->items, list->n, cap, sizeof *list->items);
    list->cap = cap;
  }
  list->items[list->n++] = (ll_link){module,  name,           use.freq,    use.confidence,
                                     use.via, use.via_module, use.witness, use.handoff};
}

static const use_frequency handed_on = {
    LL_FREQ_UNKNOWN, LL_CONFIDENCE_MEDIUM, NULL, NULL, NULL, false};

// An instance handed to another file's export, as argument "use{0}" of module `via_module`.
static use_frequency handed_to(const char *via, const char *via_module) {
  return (use_frequency){LL_FREQ_UNKNOWN, LL_CONFIDENCE_MEDIUM, via, via_module, NULL, true};
}

// The name of a link that says the file re-exports the whole module (reexports_of).
static const char REEXPORT[] = "=";

// A module specifier of the project's own files: a string literal starting with `.`.
static bool relative_module(const ll_source *source, TSNode string, ll_str *out) {
  return ll_module_specifier(source, string, out) && out->ptr[0] == '.';
}

// `require('./x')`, `await import('./x')`, and as compilers write them (modules.h), for a
// module of the project's own files.
static bool required_module(const ll_source *source, TSNode node, ll_str *out) {
  return ll_module_required(source, node, out) && out->len && out->ptr[0] == '.';
}

// What binding `b` holds of another file: the module object (`*name` = "*"), or one export.
static bool imported(const ll_facts *facts, const ll_binding *b, ll_str *module, ll_str *name) {
  const ll_source *source = ll_facts_source(facts);
  static const ll_str whole = {"*", 1}, module_itself = {"default", 7};
  if (ts_node_is_null(b->decl)) return false;
  if (b->kind == LL_BIND_IMPORT) {
    if (!ll_module_imported(source, b->decl, module) || module->ptr[0] != '.') return false;
    TSNode parent = ll_ast_parent_of(b->decl);
    if (ll_ast_is(parent, ll_js.sym.import_specifier))
      *name = text_of(source, ll_ast_field(parent, ll_js.field.name)); // `{ start as s }`
    else if (ll_ast_is(parent, ll_js.sym.namespace_import))
      *name = whole;
    else
      *name = module_itself; // `import daemon from './daemon'`
    return true;
  }
  if (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR) return false;
  if (required_module(source, b->init, module)) {
    *name = whole;
    return true;
  }
  // `const { start } = require('./daemon')`, `const { start: run } = require(...)`, `const {
  // Process } = await import('./index')` in a `main()`: a name without an initializer of its
  // own. (The parents are asked only for the few names that may be one.)
  if (!ts_node_is_null(b->init) || b->kind == LL_BIND_VAR) return false;
  TSNode parent = ll_ast_parent_of(b->decl);
  TSNode pattern = ll_ast_is(parent, ll_js.sym.pair_pattern) ? ll_ast_parent_of(parent) : parent;
  if (!ll_ast_is(pattern, ll_js.sym.object_pattern)) return false;
  TSNode declarator = ll_ast_parent_of(pattern);
  if (!ll_ast_is(declarator, ll_js.sym.variable_declarator) ||
      !required_module(source, ll_ast_field(declarator, ll_js.field.value), module))
    return false;
  *name = ll_ast_is(parent, ll_js.sym.pair_pattern)
              ? text_of(source, ll_ast_field(parent, ll_js.field.key))
              : text_of(source, b->decl);
  return true;
}

// The export of another file of the project that the call `callee(...)` calls: `configFile`
// for `config.configFile(...)` or `configFile(...)` when `config` or `configFile` was imported
// from a relative module; "default" for the module itself.
static bool called_export(const ll_facts *facts, TSNode callee, ll_str *module, ll_str *name) {
  const ll_source *source = ll_facts_source(facts);
  TSNode object = ll_ast_is(callee, ll_js.sym.member_expression)
                      ? ll_ast_field(callee, ll_js.field.object)
                      : callee;
  if (!ll_ast_is(object, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(facts, object);
  if (!ref || !ref->target || !imported(facts, ref->target, module, name)) return false;
  bool whole = ll_str_eq(*name, "*");
  if (ts_node_eq(object, callee)) {
    if (whole) *name = (ll_str){"default", 7};
    return true;
  }
  if (!whole) return false;
  *name = text_of(source, ll_ast_field(callee, ll_js.field.property));
  return true;
}

// A use that runs `freq` times for the reason `why`, as a link sees it.
static use_frequency use_of(const ll_facts *facts, ll_frequency freq, const ll_repeat *why,
                            ll_arena *arena, TSNode at) {
  use_frequency use = {freq, LL_CONFIDENCE_HIGH, NULL, NULL, NULL, false};
  if (freq == LL_FREQ_ONCE) return use;
  use.confidence =
      freq == LL_FREQ_REPEATED ? ll_facts_repeat_confidence(facts, why) : LL_CONFIDENCE_MEDIUM;
  if (use.confidence == LL_CONFIDENCE_HIGH) {
    use.witness = ll_arena_printf(arena, "%u, %s", ts_node_start_point(at).row + 1,
                                  ll_facts_describe_repeat(facts, arena, why));
    return use;
  }
  use.via = ll_facts_export_root(facts, why, arena);
  TSNode call;
  uint32_t argument;
  ll_str module, name;
  if (!use.via && ll_facts_callback_site(facts, why, &call, &argument) &&
      called_export(facts, ll_ast_field(call, ll_js.field.function), &module, &name)) {
    // In a callback handed to another file's export: as often as that export calls it.
    use.via_module = copy(arena, module);
    use.via = ll_arena_printf(arena, "%.*s(%u)", (int)name.len, name.ptr, argument);
  }
  return use;
}

// How often code in `scope` runs, as a link sees it.
static use_frequency frequency_at(const ll_facts *facts, const ll_scope *scope, ll_arena *arena,
                                  TSNode at) {
  ll_repeat why;
  ll_frequency freq = ll_facts_frequency(facts, scope, &why);
  // Behind a run-once guard (`if (!serversLoaded) { ...; serversLoaded = true; }`), a use in
  // repeated code happens once.
  if (freq == LL_FREQ_REPEATED && !ts_node_is_null(at) && ll_facts_guarded_once(facts, at))
    freq = LL_FREQ_ONCE;
  return use_of(facts, freq, &why, arena, at);
}

// "E{k}", when `value` is argument k of a call of another file's export E
// (`Handler.use(client)`): the export whose uses of its parameter k are uses of `value`; its
// module in `*module`. NULL for any other argument.
static const char *handoff_of(const ll_facts *facts, ll_arena *arena, TSNode value,
                              const char **module) {
  TSNode args = ll_ast_parent(&value);
  TSNode call = ll_ast_parent_of(args);
  if (!ll_ast_is(args, ll_js.sym.arguments) || !ll_ast_is(call, ll_js.sym.call_expression))
    return NULL;
  ll_str module_text, name;
  if (!called_export(facts, ll_ast_field(call, ll_js.field.function), &module_text, &name))
    return NULL;
  uint32_t k = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(args);
  bool found = false;
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && !found;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode arg = ts_tree_cursor_current_node(&cursor);
    if (!ts_node_is_named(arg) || ll_ast_is(arg, ll_js.sym.comment)) continue;
    if (ts_node_eq(arg, value))
      found = true;
    else
      k++;
  }
  ts_tree_cursor_delete(&cursor);
  if (!found) return NULL;
  *module = copy(arena, module_text);
  return ll_arena_printf(arena, "%.*s{%u}", (int)name.len, name.ptr, k);
}

// How a method `member` (`x.run`, whose parent is `up`) is used: called (`x.run()`,
// `x.run.call(x)`, `x.run.apply(x)`), bound and so taken away (`x.run.bind(x)`), or only read.
typedef enum member_use { MEMBER_READ, MEMBER_CALLED, MEMBER_BOUND } member_use;

static member_use use_of_member(const ll_source *source, TSNode member, TSNode up) {
  if (ll_ast_is(up, ll_js.sym.call_expression) &&
      ts_node_eq(ll_ast_field(up, ll_js.field.function), member))
    return MEMBER_CALLED;
  if (!ll_ast_is(up, ll_js.sym.member_expression)) return MEMBER_READ;
  ll_str how = text_of(source, ll_ast_field(up, ll_js.field.property));
  if (!ll_str_eq(how, "bind") && !ll_str_eq(how, "call") && !ll_str_eq(how, "apply"))
    return MEMBER_READ;
  TSNode call = ll_ast_parent_of(up);
  if (!ll_ast_is(call, ll_js.sym.call_expression) ||
      !ts_node_eq(ll_ast_field(call, ll_js.field.function), up))
    return MEMBER_READ;
  return ll_str_eq(how, "bind") ? MEMBER_BOUND : MEMBER_CALLED;
}

// True when `ref` is the `this` handed to its own method: the first `x` of `x.run.bind(x)`.
static bool binds_own_method(const ll_facts *facts, const ll_ref *ref) {
  if (!ll_ast_is(ref->parent, ll_js.sym.arguments)) return false;
  TSNode callee = ll_ast_field(ref->grandparent, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  TSNode method = ll_ast_field(callee, ll_js.field.object);
  if (!ll_ast_is(method, ll_js.sym.member_expression)) return false;
  TSNode object = ll_ast_field(method, ll_js.field.object);
  const ll_ref *own =
      ll_ast_is(object, ll_js.sym.identifier) ? ll_facts_ref_at(facts, object) : NULL;
  return own && own->target == ref->target &&
         use_of_member(ll_facts_source(facts), method, callee) != MEMBER_READ;
}

// The links of the uses of `held`, a name holding an instance of another file's class (`export`
// of `module`): the methods called on it, with the frequency of each call; the instance handed
// to another file's export (a handoff: "Server#*" via "use{0}", the methods that export calls
// on its parameter); stored under another name (`pm2 = other`), followed `depth` names deep;
// handed anywhere else, any method ("Server#*").
static void instance_uses(const ll_facts *facts, link_list *list, const char *module, ll_str export,
                          const ll_binding *held, int depth) {
  const ll_source *source = ll_facts_source(facts);
  ll_arena *arena = list->arena;
  const char *any = ll_arena_printf(arena, "%.*s#*", (int)export.len, export.ptr);
  for (const ll_ref *ref = held->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue;
    if (ll_ast_is(ref->parent, ll_js.sym.member_expression) && ref->field == ll_js.field.object) {
      ll_str method = text_of(source, ll_ast_field(ref->parent, ll_js.field.property));
      const char *name = ll_arena_printf(arena, "%.*s#%.*s", (int)export.len, export.ptr,
                                         (int)method.len, method.ptr);
      member_use use = use_of_member(source, ref->parent, ref->grandparent);
      if (use == MEMBER_BOUND)
        add_link(list, module, name, handed_on); // the bound method goes where the call goes
      else if (use == MEMBER_CALLED)
        add_link(list, module, name, frequency_at(facts, ref->from, arena, ref->id));
      continue; // otherwise reading a property
    }
    if (binds_own_method(facts, ref)) continue;
    const char *via_module, *via = handoff_of(facts, arena, ref->id, &via_module);
    if (via) {
      add_link(list, module, any, handed_to(via, via_module));
      continue;
    }
    // `pm2 = pm2NoDaemon`, `const client = pm2`: the same instance under another name.
    TSNode left = {0};
    if (ll_ast_is(ref->parent, ll_js.sym.assignment_expression) && ref->field == ll_js.field.right)
      left = ll_ast_field(ref->parent, ll_js.field.left);
    else if (ll_ast_is(ref->parent, ll_js.sym.variable_declarator) &&
             ref->field == ll_js.field.value)
      left = ll_ast_field(ref->parent, ll_js.field.name);
    const ll_binding *other = NULL;
    if (ll_ast_is(left, ll_js.sym.identifier)) {
      const ll_ref *written = ll_facts_ref_at(facts, left);
      other = written ? written->target
                      : ll_scope_lookup(ll_facts_model(facts), ref->from, text_of(source, left));
    }
    if (other && other != held && depth < 3) {
      instance_uses(facts, list, module, export, other, depth + 1);
      continue;
    }
    add_link(list, module, any, handed_on);
  }
}

// The uses of an instance of another file's class `export` made by the `new` expression
// `made`: its construction, then the methods called on it (`server.run()`, or
// `new Server().run()`), as instance_uses follows them.
static void instance_links(const ll_facts *facts, link_list *list, const char *module,
                           ll_str export, TSNode made, const ll_scope *where) {
  const ll_source *source = ll_facts_source(facts);
  ll_arena *arena = list->arena;
  use_frequency use = frequency_at(facts, where, arena, made);
  add_link(list, module, ll_arena_printf(arena, "%.*s#constructor", (int)export.len, export.ptr),
           use);
  TSNode child = made, parent = ll_ast_parent(&child);
  if (ll_ast_is(parent, ll_js.sym.member_expression)) {
    TSNode call = ll_ast_parent_of(parent);
    if (ll_ast_is(call, ll_js.sym.call_expression) &&
        ts_node_eq(ll_ast_field(call, ll_js.field.function), parent)) {
      ll_str method = text_of(source, ll_ast_field(parent, ll_js.field.property));
      add_link(list, module,
               ll_arena_printf(arena, "%.*s#%.*s", (int)export.len, export.ptr, (int)method.len,
                               method.ptr),
               use);
      return;
    }
  }
  const ll_binding *held = NULL;
  if (ll_ast_is(parent, ll_js.sym.variable_declarator)) {
    TSNode name = ll_ast_field(parent, ll_js.field.name);
    if (ll_ast_is(name, ll_js.sym.identifier))
      held = ll_scope_lookup(ll_facts_model(facts), where, text_of(source, name));
  } else if (ll_ast_is(parent, ll_js.sym.assignment_expression)) {
    // `daemon = new Daemon()`, into a name declared earlier (`let daemon = null`)
    TSNode name = ll_ast_field(parent, ll_js.field.left);
    const ll_ref *ref = ll_ast_is(name, ll_js.sym.identifier) ? ll_facts_ref_at(facts, name) : NULL;
    if (ref) held = ref->target;
  }
  const char *any = ll_arena_printf(arena, "%.*s#*", (int)export.len, export.ptr);
  if (held) {
    instance_uses(facts, list, module, export, held, 0);
    return;
  }
  const char *via_module, *via = handoff_of(facts, arena, child, &via_module);
  add_link(list, module, any, via ? handed_to(via, via_module) : handed_on);
}

static void links_of(const ll_facts *facts, link_list *list, const ll_binding *b) {
  ll_str module, name;
  if (!imported(facts, b, &module, &name)) return;
  const ll_source *source = ll_facts_source(facts);
  const char *module_text = copy(list->arena, module);
  bool whole = ll_str_eq(name, "*");
  const char *name_text = whole ? "*" : copy(list->arena, name);
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue;
    // `new Server(...)`, `new lib.Server(...)`: an instance of an exported class.
    if (ll_ast_is(ref->parent, ll_js.sym.new_expression) && ref->field == ll_js.field.constructor) {
      instance_links(facts, list, module_text, whole ? (ll_str){"default", 7} : name, ref->parent,
                     ref->from);
      continue;
    }
    if (whole && ll_ast_is(ref->parent, ll_js.sym.member_expression) &&
        ref->field == ll_js.field.object && ll_ast_is(ref->grandparent, ll_js.sym.new_expression)) {
      instance_links(facts, list, module_text,
                     text_of(source, ll_ast_field(ref->parent, ll_js.field.property)),
                     ref->grandparent, ref->from);
      continue;
    }
    if (ref->flags & LL_REF_CALLEE) {
      // `daemon()`: the module itself when it is what `require` returned.
      add_link(list, module_text, whole ? "default" : name_text,
               frequency_at(facts, ref->from, list->arena, ref->id));
      continue;
    }
    if (whole) {
      // `daemon.start(...)` calls that export; reading `daemon.port` calls nothing; handing the
      // module object on may lead to any of its exports.
      if (ll_ast_is(ref->parent, ll_js.sym.member_expression) && ref->field == ll_js.field.object) {
        const char *member =
            copy(list->arena, text_of(source, ll_ast_field(ref->parent, ll_js.field.property)));
        if (ll_ast_is(ref->grandparent, ll_js.sym.call_expression) &&
            ts_node_eq(ll_ast_field(ref->grandparent, ll_js.field.function), ref->parent)) {
          add_link(list, module_text, member, frequency_at(facts, ref->from, list->arena, ref->id));
        } else if (ll_ast_is(ref->grandparent, ll_js.sym.arguments)) {
          add_link(list, module_text, member, handed_on);
        }
        continue;
      }
      add_link(list, module_text, "*", handed_on);
      continue;
    }
    // The export handed on: registered as a route, exported again, stored.
    ll_repeat why;
    ll_frequency freq = ll_facts_use_frequency(facts, ref, &why);
    add_link(list, module_text, name_text, use_of(facts, freq, &why, list->arena, ref->id));
  }
}

// The file's own uses of what it exports, as links to itself (module NULL): an exported `start()`
// that only the file's own start-up code calls (`if (require.main === module) start()`), a class
// whose only instance the file makes, are settled by them when no other file calls more.
static void own_class_links(const ll_facts *facts, link_list *list, const ll_scope *cls) {
  ll_str export = ll_facts_class_export_name(facts, cls);
  TSNode name = ll_ast_field(cls->node, ll_js.field.name);
  if (!export.len || !ll_ast_is(name, ll_js.sym.identifier)) return;
  const ll_binding *b =
      ll_scope_lookup(ll_facts_model(facts), cls->parent, text_of(ll_facts_source(facts), name));
  for (const ll_ref *ref = b ? b->refs : NULL; ref; ref = ref->next_of_binding)
    if (ll_ast_is(ref->parent, ll_js.sym.new_expression) && ref->field == ll_js.field.constructor)
      instance_links(facts, list, NULL, export, ref->parent, ref->from);
}

// The calls (and `new`s) of function `fn`, exported itself under `root`, outside it.
static void own_function_links(const ll_facts *facts, link_list *list, const ll_scope *fn,
                               const char *root) {
  const ll_binding *self = ll_facts_function_binding(facts, fn);
  for (const ll_ref *ref = self ? self->refs : NULL; ref; ref = ref->next_of_binding) {
    bool constructed = ll_ast_is(ref->parent, ll_js.sym.new_expression) &&
                       ref->field == ll_js.field.constructor; // a constructor function
    if (((ref->flags & LL_REF_CALLEE) || constructed) && !ll_scope_is_within(ref->from, fn))
      add_link(list, NULL, root, frequency_at(facts, ref->from, list->arena, ref->id));
  }
}

// The module whose binding `expr` (`process_1` in `process_1.Process`) holds: `var process_1 =
// require('./classes/process')`.
static bool module_of_name(const ll_facts *facts, TSNode expr, ll_str *module) {
  if (ll_ast_is(expr, ll_js.sym.member_expression)) expr = ll_ast_field(expr, ll_js.field.object);
  const ll_ref *ref = ll_ast_is(expr, ll_js.sym.identifier) ? ll_facts_ref_at(facts, expr) : NULL;
  return ref && ref->target && !ts_node_is_null(ref->target->init) &&
         required_module(ll_facts_source(facts), ref->target->init, module);
}

// A re-export as TypeScript and Babel compile `export * from` and `export { X } from`:
// `__exportStar(require('./x'), exports)`, `Object.defineProperty(exports, 'X', { enumerable:
// true, get: function () { return x_1.X; } })`, `exports.X = x_1.X`.
static bool compiled_reexport(const ll_facts *facts, TSNode expr, ll_str *module) {
  const ll_source *source = ll_facts_source(facts);
  if (ll_ast_is(expr, ll_js.sym.assignment_expression)) {
    TSNode left = ll_ast_field(expr, ll_js.field.left);
    return ll_ast_is(left, ll_js.sym.member_expression) &&
           ll_str_eq(text_of(source, ll_ast_field(left, ll_js.field.object)), "exports") &&
           ll_ast_is(ll_ast_field(expr, ll_js.field.right), ll_js.sym.member_expression) &&
           module_of_name(facts, ll_ast_field(expr, ll_js.field.right), module);
  }
  if (!ll_ast_is(expr, ll_js.sym.call_expression)) return false;
  // `__exportStar`, or `tslib_1.__exportStar`
  ll_str name = ll_ast_callee_name(source, ll_ast_field(expr, ll_js.field.function));
  TSNode args = ll_ast_field(expr, ll_js.field.arguments);
  TSNode first = ts_node_named_child(args, 0);
  if (ll_str_eq(name, "__exportStar") || ll_str_eq(name, "_exportStar"))
    return required_module(source, first, module) || module_of_name(facts, first, module);
  if (!ll_str_eq(text_of(source, ll_ast_field(expr, ll_js.field.function)),
                 "Object.defineProperty") ||
      !ll_str_eq(text_of(source, first), "exports"))
    return false;
  // `{ enumerable: true, get: function () { return x_1.X; } }`
  TSNode descriptor = ts_node_named_child(args, 2);
  for (uint32_t i = 0;
       ll_ast_is(descriptor, ll_js.sym.object) && i < ts_node_named_child_count(descriptor); i++) {
    TSNode pair = ts_node_named_child(descriptor, i);
    TSNode getter = ll_ast_is(pair, ll_js.sym.pair) ? ll_ast_field(pair, ll_js.field.value) : pair;
    if (!ll_ast_is_function(getter)) continue;
    TSNode body = ll_ast_field(getter, ll_js.field.body);
    TSNode value = ll_ast_is(body, ll_js.sym.statement_block)
                       ? ts_node_named_child(ts_node_named_child(body, 0), 0)
                       : body;
    if (ll_ast_is(body, ll_js.sym.statement_block) &&
        !ll_ast_is(ts_node_named_child(body, 0), ll_js.sym.return_statement))
      continue;
    if (!ts_node_is_null(value) && module_of_name(facts, value, module)) return true;
  }
  return false;
}

// `module.exports = require('./nodemon')`, `export * from './nodemon'`: the file gives out what
// the other gives out, and the callers of its exports call the other's ("=", REEXPORT).
static void reexports_of(const ll_facts *facts, link_list *list, TSNode program) {
  const ll_source *source = ll_facts_source(facts);
  // A cursor, not ts_node_named_child(i), which walks from the first child each time: a file
  // that does not parse may hang thousands of nodes on the root.
  TSTreeCursor cursor = ts_tree_cursor_new(program);
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode statement = ts_tree_cursor_current_node(&cursor), assignment;
    if (!ts_node_is_named(statement)) continue;
    ll_str module;
    if (ll_ast_is(statement, ll_js.sym.expression_statement) &&
        ll_ast_is(assignment = ts_node_named_child(statement, 0),
                  ll_js.sym.assignment_expression) &&
        ll_str_eq(text_of(source, ll_ast_field(assignment, ll_js.field.left)), "module.exports") &&
        required_module(source, ll_ast_field(assignment, ll_js.field.right), &module)) {
      add_link(list, copy(list->arena, module), REEXPORT, handed_on);
    } else if (ll_ast_is(statement, ll_js.sym.export_statement) &&
               relative_module(source, ll_ast_field(statement, ll_js.field.source), &module) &&
               ts_node_is_null(ll_ast_field(statement, ll_js.field.declaration)) &&
               ts_node_named_child_count(statement) == 1) {
      add_link(list, copy(list->arena, module), REEXPORT, handed_on); // `export * from`
    } else if (ll_ast_is(statement, ll_js.sym.expression_statement) &&
               compiled_reexport(facts, ts_node_named_child(statement, 0), &module)) {
      add_link(list, copy(list->arena, module), REEXPORT, handed_on);
    }
  }
  ts_tree_cursor_delete(&cursor);
}

// "<param>#*": the object handed on, or a method taken away: any method may be called.
static void any_method(link_list *list, const char *param) {
  add_link(list, NULL, ll_arena_printf(list->arena, "%s#*", param), handed_on);
}

// A method of an object used: "<param>#run" for `x.run(...)`, `x.run.call(...)`, with the
// frequency of the call; a method taken away (`x.run.bind(x)`): "<param>#*", any method; a
// property read: nothing. `member` is the `x.run` expression, `up` its parent, `from` the scope.
static void method_use(const ll_facts *facts, link_list *list, const char *param, TSNode member,
                       TSNode up, const ll_scope *from) {
  const ll_source *source = ll_facts_source(facts);
  member_use use = use_of_member(source, member, up);
  if (use == MEMBER_BOUND) {
    any_method(list, param);
  } else if (use == MEMBER_CALLED) {
    ll_str method = text_of(source, ll_ast_field(member, ll_js.field.property));
    add_link(list, NULL,
             ll_arena_printf(list->arena, "%s#%.*s", param, (int)method.len, method.ptr),
             frequency_at(facts, from, list->arena, member));
  }
}

typedef struct field_uses {
  const ll_facts *facts;
  link_list *list;
  const char *param;
  ll_str field;
} field_uses;

// True when `node` is `this.<field>`.
static bool is_field(const field_uses *uses, TSNode node) {
  node = ll_ast_unparenthesized(node);
  return ll_ast_is(node, ll_js.sym.member_expression) &&
         ll_ast_is(ll_ast_field(node, ll_js.field.object), ll_js.sym.this) &&
         ll_str_same(
             text_of(ll_facts_source(uses->facts), ll_ast_field(node, ll_js.field.property)),
             uses->field);
}

// ll_ast_find_all's visitor over a class: each use of `this.<field>`, found from its parent (a
// node's parent is costly to ask): a method of it used, or the object handed on whole.
static bool visit_field_use(TSNode node, void *data) {
  field_uses *uses = data;
  const ll_scope_model *model = ll_facts_model(uses->facts);
  TSSymbol sym = ts_node_symbol(node);
  if (sym == ll_js.sym.member_expression) {
    TSNode object = ll_ast_field(node, ll_js.field.object);
    if (is_field(uses, object))
      method_use(uses->facts, uses->list, uses->param, node, ll_ast_parent_of(node),
                 ll_scope_at(model, ts_node_start_byte(node)));
    return false;
  }
  // Handed on: an argument, the value of another name, property or element, returned.
  TSNode value = {0};
  if (sym == ll_js.sym.assignment_expression)
    value = ll_ast_field(node, ll_js.field.right);
  else if (sym == ll_js.sym.variable_declarator || sym == ll_js.sym.pair)
    value = ll_ast_field(node, ll_js.field.value);
  else if (sym == ll_js.sym.return_statement)
    value = ts_node_named_child(node, 0);
  else if (sym != ll_js.sym.arguments && sym != ll_js.sym.array)
    return false;
  if (!ts_node_is_null(value)) {
    if (is_field(uses, value)) any_method(uses->list, uses->param);
    return false;
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++)
    if (is_field(uses, ts_node_named_child(node, i))) {
      any_method(uses->list, uses->param);
      break;
    }
  return false;
}

// The uses an exported function `fn` makes of its parameter `b` as an object, as links named
// "<export>{k}#<method>" (`param`#...): what another file's instance handed to it undergoes
// (instance_uses' handoffs). Followed into the field of its class that it is stored in
// (`this.client = client`, then `this.client.link()` in any method, `this` the instance or, in
// static methods, the class).
static void object_param_links(const ll_facts *facts, link_list *list, const ll_scope *fn,
                               const ll_binding *b, const char *param) {
  const ll_source *source = ll_facts_source(facts);
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & (LL_REF_WRITE | LL_REF_CALLEE)) continue; // called: parameter_links
    if (ll_ast_is(ref->parent, ll_js.sym.member_expression) && ref->field == ll_js.field.object) {
      method_use(facts, list, param, ref->parent, ref->grandparent, ref->from);
      continue;
    }
    TSNode left = {0};
    if (ll_ast_is(ref->parent, ll_js.sym.assignment_expression) && ref->field == ll_js.field.right)
      left = ll_ast_field(ref->parent, ll_js.field.left);
    const ll_scope *cls = fn->parent;
    while (cls && cls->kind != LL_SCOPE_CLASS)
      cls = cls->parent;
    if (ll_ast_is(left, ll_js.sym.member_expression) &&
        ll_ast_is(ll_ast_field(left, ll_js.field.object), ll_js.sym.this) && cls) {
      field_uses uses = {facts, list, param,
                         text_of(source, ll_ast_field(left, ll_js.field.property))};
      ll_ast_find_all(cls->node, visit_field_use, &uses);
      continue;
    }
    any_method(list, param);
  }
}

// How often each exported function of the file calls the functions it is handed: a link to this
// file (module NULL) named "configFile(1)" for argument 1 of export `configFile`, with the
// frequency of the code that calls it: a listener's (every change), or the export's own (each
// call), which its callers decide.
static void parameter_links(const ll_facts *facts, link_list *list, const ll_scope *fn,
                            const char *root) {
  TSNode params = ll_ast_field(fn->node, ll_js.field.parameters);
  if (ts_node_is_null(params)) return;
  const ll_source *source = ll_facts_source(facts);
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode param = ts_node_named_child(params, i);
    if (!ll_ast_is(param, ll_js.sym.identifier)) continue;
    const ll_binding *b = ll_scope_lookup(ll_facts_model(facts), fn, text_of(source, param));
    if (!b || b->kind != LL_BIND_PARAM) continue;
    const char *name = NULL;
    // Instances are handed only to exports called on the module (`io.use(client)`: a root
    // without '#'), never to a method of an instance or a constructor (instance_uses).
    if (!strchr(root, '#'))
      object_param_links(facts, list, fn, b, ll_arena_printf(list->arena, "%s{%u}", root, i));
    for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
      use_frequency use;
      if (ref->flags & LL_REF_CALLEE) {
        use = frequency_at(facts, ref->from, list->arena, ref->id);
      } else if (ll_ast_is(ref->parent, ll_js.sym.arguments)) {
        ll_repeat why;
        ll_frequency freq = ll_facts_use_frequency(facts, ref, &why); // `bus.on('x', cb)`
        use = use_of(facts, freq, &why, list->arena, ref->id);
      } else {
        continue;
      }
      if (!name) name = ll_arena_printf(list->arena, "%s(%u)", root, i);
      add_link(list, NULL, name, use);
    }
  }
}

ll_link *ll_project_links(const ll_facts *facts, ll_arena *arena, size_t *n) {
  link_list list = {.arena = arena};
  const ll_scope_model *model = ll_facts_model(facts);
  for (uint32_t i = 0; i < model->n_scopes; i++) {
    for (const ll_binding *b = model->scopes[i]->bindings; b; b = b->next)
      if (b->refs) links_of(facts, &list, b);
    const ll_scope *scope = model->scopes[i];
    if (scope->kind == LL_SCOPE_CLASS) own_class_links(facts, &list, scope);
    if (scope->kind != LL_SCOPE_FUNCTION) continue;
    // A function whose repetition rests on an export of this file: how often it calls what it is
    // handed, and, when it is that export itself, its calls in this file.
    ll_repeat why;
    const char *root = ll_facts_frequency(facts, scope, &why) == LL_FREQ_REPEATED
                           ? ll_facts_export_root(facts, &why, arena)
                           : NULL;
    if (!root) continue;
    parameter_links(facts, &list, scope, root);
    // Only a function exported itself: one called from an exported function has that export for
    // its root, and its calls are no calls of the export.
    if (why.reason == LL_REPEAT_EXPORTED && why.function == scope)
      own_function_links(facts, &list, scope, root);
  }
  reexports_of(facts, &list, model->global->node);
  *n = list.n;
  return list.items;
}

// ---------------------------------------------------------------------------------------------
// The table of the run

// Keys of the table, each malloc'd, without repeats.
typedef struct key_list {
  char **keys;
  size_t n, cap;
} key_list;

// Adds `key` (taking it) unless the list has it already.
static void add_key(key_list *list, char *key) {
  for (size_t i = 0; i < list->n; i++)
    if (!strcmp(list->keys[i], key)) {
      free(key);
      return;
    }
  if (list->n == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 2;
    list->keys = ll_xrealloc(list->keys, list->cap * sizeof *list->keys);
  }
  list->keys[list->n++] = key;
}

static void free_keys(key_list *list) {
  for (size_t i = 0; i < list->n; i++)
    free(list->keys[i]);
  free(list->keys);
}

// What the run knows of the callers of one export: the verdict of the uses whose frequency
// their file shows, and the uses whose frequency rests on the callers of another export (a
// link's `via`), as keys of this table, resolved when asked (ll_project_callers).
typedef struct export_callers {
  ll_callers direct;
  char *witness;     // for a direct REPEATED: "<file>:<line>, <why>" of one such use (malloc'd)
  key_list deferred; // "<real path>\n<export name>" of the exports whose callers decide
  // For an instance handed to other files ("Server#*"): "<real path>\n<export>{k}" of the
  // exports it was handed to as argument k; the methods those call on it are its own
  // (handoff_callers).
  key_list handoffs;
  ll_callers resolved;          // the verdict with the deferred uses, once asked
  const char *resolved_witness; // for a resolved REPEATED: the witness of the use that decided
  bool resolving, is_resolved;
} export_callers;

// The files that re-export a file whole.
typedef struct path_list {
  char **paths;
  size_t n, cap;
} path_list;

struct ll_project {
  ll_strmap exports;   // "<real path>\n<export name>" -> its export_callers (malloc'd)
  ll_strmap reexports; // "<real path>" -> the path_list of the files re-exporting it
  ll_strmap dirs;      // a directory of the run's files, as named -> its real path (malloc'd)
  ll_strmap resolved;  // "<real dir>\n<specifier>" -> the file it names (malloc'd) or not_found
};

// A specifier that names no file, in `resolved`.
static char not_found[] = "";

static void free_resolved(void *value) {
  if (value != not_found) free(value);
}

ll_project *ll_project_new(void) {
  return ll_xcalloc(1, sizeof(ll_project));
}

static void free_export_callers(void *value) {
  export_callers *callers = value;
  free(callers->witness);
  free_keys(&callers->deferred);
  free_keys(&callers->handoffs);
  free(callers);
}

static void free_path_list(void *value) {
  path_list *list = value;
  for (size_t i = 0; i < list->n; i++)
    free(list->paths[i]);
  free(list->paths);
  free(list);
}

void ll_project_delete(ll_project *project) {
  if (!project) return;
  ll_strmap_fini(&project->exports, free_export_callers);
  ll_strmap_fini(&project->reexports, free_path_list);
  ll_strmap_fini(&project->dirs, free);
  ll_strmap_fini(&project->resolved, free_resolved);
  free(project);
}

static export_callers *entry_of(ll_project *project, const char *key) {
  void **value = ll_strmap_put(&project->exports, key);
  if (!*value) *value = ll_xcalloc(1, sizeof(export_callers));
  return *value;
}

static void record(ll_project *project, const char *key, ll_callers callers, const char *path,
                   const char *witness) {
  export_callers *entry = entry_of(project, key);
  // Order of the verdicts: a sure repeat decides; doubt beats a run-once caller.
  if (callers > entry->direct) entry->direct = callers;
  if (callers == LL_CALLERS_REPEATED && witness && !entry->witness) {
    size_t size = strlen(path) + strlen(witness) + 2;
    entry->witness = ll_xmalloc(size);
    snprintf(entry->witness, size, "%s:%s", path, witness);
  }
}

// A use of `key` from code that runs as often as the callers of `via_key` make it run.
static void defer(ll_project *project, const char *key, char *via_key) {
  add_key(&entry_of(project, key)->deferred, via_key);
}

// The real path of `path`, a file that exists; NULL otherwise (malloc'd).
static char *real_file(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return NULL;
  return realpath(path, NULL);
}

// Removes `.` and `x/..` segments and doubled slashes from an absolute path, in place.
static void normalize(char *path) {
  char *out = path;
  for (const char *in = path; *in;) {
    if (*in != '/') {
      *out++ = *in++;
      continue;
    }
    while (*in == '/')
      in++;
    if (in[0] == '.' && (in[1] == '/' || !in[1])) {
      in++;
      continue;
    }
    if (in[0] == '.' && in[1] == '.' && (in[2] == '/' || !in[2])) {
      in += 2;
      while (out > path && *--out != '/')
        ;
      continue;
    }
    *out++ = '/';
  }
  if (out == path) *out++ = '/';
  *out = '\0';
}

// The file `module` names from the real directory `dir`, as Node's require finds it. (The
// directory is real, so joining the specifier's segments needs no realpath, unless the
// specifier itself goes through a link, which projects do not do.)
static char *resolve(const char *dir, const char *module) {
  static const char *const suffixes[] = {"",     ".js",       ".cjs",       ".mjs",
                                         ".jsx", "/index.js", "/index.cjs", "/index.mjs"};
  char candidate[PATH_MAX];
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
    if ((size_t)snprintf(candidate, sizeof candidate, "%s/%s%s", dir, module, suffixes[i]) >=
        sizeof candidate)
      return NULL;
    normalize(candidate);
    struct stat st;
    if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) return ll_xstrdup(candidate);
  }
  return NULL;
}

// resolve, asked of the system once per directory and specifier: the files of a folder require
// the same modules, and each resolution tries up to eight names.
static char *resolve_once(ll_project *project, const char *dir, const char *module) {
  size_t len = strlen(dir) + strlen(module) + 2;
  char *key = ll_xmalloc(len);
  snprintf(key, len, "%s\n%s", dir, module);
  void **value = ll_strmap_put(&project->resolved, key);
  free(key);
  if (!*value) {
    char *file = resolve(dir, module);
    *value = file ? file : not_found;
  }
  return *value == not_found ? NULL : ll_xstrdup(*value);
}

// The real path of the directory of `path` (a file of the run), asked of the system once per
// directory.
static const char *real_dir_of(ll_project *project, const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir = ll_xstrdup(slash ? path : ".");
  if (slash) dir[slash == path ? 1 : slash - path] = '\0';
  void **real = ll_strmap_put(&project->dirs, dir);
  if (!*real) *real = realpath(dir, NULL);
  free(dir);
  return *real;
}

static char *key_of(const char *real, const char *name) {
  size_t len = strlen(real) + strlen(name) + 2;
  char *key = ll_xmalloc(len);
  snprintf(key, len, "%s\n%s", real, name);
  return key;
}

void ll_project_add(ll_project *project, const char *path, const ll_link *links, size_t n) {
  if (!n) return;
  const char *real = real_dir_of(project, path);
  if (!real) return;
  char *self = NULL; // the real path of `path`, for the uses that defer to its own exports
  for (size_t i = 0; i < n; i++) {
    if (!links[i].module && !self && !(self = real_file(path))) continue;
    char *target =
        links[i].module ? resolve_once(project, real, links[i].module) : ll_xstrdup(self);
    if (!target) continue;
    if (!strcmp(links[i].name, REEXPORT)) {
      if (self || (self = real_file(path))) {
        void **value = ll_strmap_put(&project->reexports, target);
        if (!*value) *value = ll_xcalloc(1, sizeof(path_list));
        path_list *list = *value;
        if (list->n == list->cap) {
          list->cap = list->cap ? list->cap * 2 : 2;
          list->paths = ll_xrealloc(list->paths, list->cap * sizeof *list->paths);
        }
        list->paths[list->n++] = ll_xstrdup(self);
      }
      free(target);
      continue;
    }
    char *key = key_of(target, links[i].name);
    char *via_file = !links[i].via         ? NULL
                     : links[i].via_module ? resolve_once(project, real, links[i].via_module)
                     : (self || (self = real_file(path))) ? ll_xstrdup(self)
                                                          : NULL;
    if (via_file && links[i].handoff) {
      add_key(&entry_of(project, key)->handoffs, key_of(via_file, links[i].via));
      free(via_file);
    } else if (via_file) {
      defer(project, key, key_of(via_file, links[i].via));
      free(via_file);
    } else {
      record(project, key,
             links[i].freq == LL_FREQ_ONCE ? LL_CALLERS_ONCE
             : links[i].freq == LL_FREQ_REPEATED && links[i].confidence == LL_CONFIDENCE_HIGH
                 ? LL_CALLERS_REPEATED
                 : LL_CALLERS_UNKNOWN,
             path, links[i].witness);
    }
    free(key);
    free(target);
  }
  free(self);
}

// Deferred uses are followed this many exports deep; deeper, they count as unknown.
enum { MAX_DEFERRED_DEPTH = 8 };

static ll_callers callers_of(const ll_project *project, const char *real, const char *name,
                             int depth, const char **witness);

// The verdict of one table entry, its deferred uses resolved (and remembered: the table is
// complete when findings are settled). A use deferred to an export nobody in the run calls, or
// to one being resolved (recursion), is of unknown frequency. `*witness` gets, for a REPEATED
// verdict, where a sure repetition was seen.
static ll_callers entry_callers(const ll_project *project, export_callers *entry, int depth,
                                const char **witness) {
  if (entry->is_resolved) {
    *witness = entry->resolved_witness;
    return entry->resolved;
  }
  ll_callers callers = entry->direct;
  *witness = entry->witness;
  if (entry->deferred.n && (entry->resolving || depth >= MAX_DEFERRED_DEPTH))
    return callers > LL_CALLERS_UNKNOWN ? callers : LL_CALLERS_UNKNOWN;
  entry->resolving = true;
  for (size_t i = 0; i < entry->deferred.n && callers < LL_CALLERS_REPEATED; i++) {
    char *via = entry->deferred.keys[i], *newline = strchr(via, '\n');
    *newline = '\0';
    const char *seen_witness;
    ll_callers seen = callers_of(project, via, newline + 1, depth + 1, &seen_witness);
    *newline = '\n';
    if (seen == LL_CALLERS_NONE) seen = LL_CALLERS_UNKNOWN;
    if (seen > callers) {
      callers = seen;
      *witness = seen_witness;
    }
  }
  entry->resolving = false;
  entry->resolved = callers;
  entry->resolved_witness = *witness;
  entry->is_resolved = true;
  return callers;
}

static ll_callers callers_of(const ll_project *project, const char *real, const char *name,
                             int depth, const char **witness) {
  ll_callers callers = LL_CALLERS_NONE;
  *witness = NULL;
  // A method "Server#run" is also reached through an instance handed on ("Server#*"), but not
  // the constructor, which made the instance; any export through the module object handed on
  // ("*").
  // A function `Configurator` is also run by `new Configurator()` ("Configurator#constructor").
  char related[512] = "";
  const char *hash = strchr(name, '#');
  if (hash && strcmp(hash, "#constructor") != 0)
    snprintf(related, sizeof related, "%.*s#*", (int)(hash - name), name);
  else if (!hash)
    snprintf(related, sizeof related, "%s#constructor", name);
  const char *names[] = {name, "*", related};
  for (size_t i = 0; i < 3; i++) {
    if (!names[i][0]) continue;
    char *key = key_of(real, names[i]);
    export_callers *entry = ll_strmap_get(&project->exports, key);
    free(key);
    if (!entry) continue;
    const char *seen_witness;
    ll_callers seen = entry_callers(project, entry, depth, &seen_witness);
    if (seen > callers) {
      callers = seen;
      *witness = seen_witness;
    }
    // "Server#run" of an instance handed to `use(client)` of another file: that file's calls
    // of `client.run()` ("use{0}#run"), or of any method when it hands the instance on.
    for (size_t k = 0; i == 2 && hash && k < entry->handoffs.n && depth < MAX_DEFERRED_DEPTH; k++) {
      char *to = entry->handoffs.keys[k], *newline = strchr(to, '\n');
      char method[512];
      snprintf(method, sizeof method, "%s%s", newline + 1, hash);
      *newline = '\0';
      seen = callers_of(project, to, method, depth + 1, &seen_witness);
      *newline = '\n';
      if (seen > callers) {
        callers = seen;
        *witness = seen_witness;
      }
    }
  }
  // What a file re-exports whole is called through it as well.
  const path_list *reexporters = ll_strmap_get(&project->reexports, real);
  for (size_t i = 0; reexporters && i < reexporters->n && depth < MAX_DEFERRED_DEPTH; i++) {
    const char *seen_witness;
    ll_callers seen = callers_of(project, reexporters->paths[i], name, depth + 1, &seen_witness);
    if (seen > callers) {
      callers = seen;
      *witness = seen_witness;
    }
  }
  return callers;
}

ll_callers ll_project_callers(const ll_project *project, const char *path, const char *name,
                              const char **witness) {
  const char *ignored;
  if (!witness) witness = &ignored;
  *witness = NULL;
  char *real = real_file(path);
  if (!real) return LL_CALLERS_NONE;
  ll_callers callers = callers_of(project, real, name, 0, witness);
  free(real);
  return callers;
}

size_t ll_project_settle(const ll_project *project, const char *path, const ll_config *config,
                         ll_finding *findings, size_t n, const ll_settle_owner *owner) {
  size_t kept = 0;
  for (size_t k = 0; k < n; k++) {
    ll_finding *f = &findings[k];
    const char *witness = NULL;
    ll_callers callers = project && f->export_root
                             ? ll_project_callers(project, path, f->export_root, &witness)
                             : LL_CALLERS_NONE;
    if (callers == LL_CALLERS_ONCE || (f->needs_sure_callers && callers != LL_CALLERS_REPEATED)) {
      if (owner && owner->drop) owner->drop(f);
      continue;
    }
    if (callers == LL_CALLERS_REPEATED && f->doubt_is_repeat) {
      f->confidence = LL_CONFIDENCE_HIGH;
      f->severity = ll_config_severity(config, f->rule);
    }
    // Say which code repeats it: the message only knew that other files might.
    if (callers == LL_CALLERS_REPEATED && witness && owner && owner->append) {
      char note[1024];
      snprintf(note, sizeof note, " (called again and again from %s)", witness);
      owner->append(f, note);
    }
    f->needs_sure_callers = false;
    findings[kept++] = *f;
  }
  return kept;
}
