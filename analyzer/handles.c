// See handles.h. The vocabulary is matched on callee names, with the package a bare name is
// imported from when the name alone is common (`observe`, `when`, `watch`); where the handle goes
// is read from its place in the tree and, for a name, from the scope model's uses of it.
#include "analyzer/handles.h"

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/modules.h"

// True when the identifier `id` names what an import or require of a package containing
// `package` gives (`import { autorun } from 'mobx'`, `const { watch } = require('chokidar')`), or
// is a member of such a module object (`mobx.autorun`).
static bool imported_from(const ll_facts *facts, TSNode id, const char *package) {
  const ll_source *source = ll_facts_source(facts);
  if (ll_ast_is(id, ll_js.sym.member_expression)) id = ll_ast_field(id, ll_js.field.object);
  if (!ll_ast_is(id, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(facts, id);
  if (!ref || !ref->target || ts_node_is_null(ref->target->decl)) return false;
  TSNode node = ref->target->decl;
  for (int up = 0; up < 6 && !ts_node_is_null(node); up++, node = ll_ast_parent_of(node))
    if (ll_ast_is(node, ll_js.sym.import_statement) ||
        ll_ast_is(node, ll_js.sym.variable_declarator))
      return ll_str_contains(ll_ast_text(source, node), package);
  return false;
}

// RxJS operators after which a subscription ends by itself.
static const char *const completing_operators[] = {"take",     "first",   "takeUntil", "takeWhile",
                                                   "single",   "last",    "find",      "findIndex",
                                                   "takeLast", "timeout", NULL};

// True when the observable `source` completes by itself: a pipe with a completing operator, an
// HTTP request, `of`/`from` of fixed values.
static bool completes(const ll_source *source, TSNode observable) {
  static const char *const requests[] = {"get",     "post", "put",   "patch", "delete",
                                         "request", "head", "jsonp", NULL};
  static const char *const finite[] = {"of", "from", "ajax", "defer", "forkJoin", NULL};
  for (int depth = 0; depth < 16 && ll_ast_is(observable, ll_js.sym.call_expression); depth++) {
    TSNode callee = ll_ast_field(observable, ll_js.field.function);
    ll_str name = ll_ast_callee_name(source, callee);
    if (ll_str_eq(name, "pipe")) {
      TSNode args = ll_ast_field(observable, ll_js.field.arguments);
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < n; i++) {
        TSNode op = ts_node_named_child(args, i);
        if (ll_ast_is(op, ll_js.sym.call_expression) &&
            ll_str_in(ll_ast_callee_name(source, ll_ast_field(op, ll_js.field.function)),
                      completing_operators))
          return true;
      }
    }
    if (ll_ast_is(callee, ll_js.sym.member_expression) && ll_str_in(name, requests)) {
      ll_str client = ll_ast_text(source, ll_ast_field(callee, ll_js.field.object));
      if (ll_str_contains(client, "http") || ll_str_contains(client, "Http") ||
          ll_str_contains(client, "ajax"))
        return true;
    }
    if (ll_ast_is(callee, ll_js.sym.identifier) && ll_str_in(name, finite)) return true;
    if (!ll_ast_is(callee, ll_js.sym.member_expression)) break;
    observable = ll_ast_field(callee, ll_js.field.object);
  }
  return false;
}

// True when the observable `source` goes on emitting for as long as something lives: DOM events,
// intervals, `$`-named streams and subjects, form value changes, a store's selections.
static bool keeps_emitting(const ll_source *source, TSNode observable) {
  for (int depth = 0; depth < 16; depth++) {
    if (ll_ast_is(observable, ll_js.sym.call_expression)) {
      TSNode callee = ll_ast_field(observable, ll_js.field.function);
      ll_str name = ll_ast_callee_name(source, callee);
      TSNode args = ll_ast_field(observable, ll_js.field.arguments);
      if (ll_str_eq(name, "fromEvent") || ll_str_eq(name, "interval") ||
          ll_str_eq(name, "select") ||
          (ll_str_eq(name, "timer") && ts_node_named_child_count(args) >= 2))
        return true;
      if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
      observable = ll_ast_field(callee, ll_js.field.object);
      continue;
    }
    ll_str name = ll_ast_is(observable, ll_js.sym.member_expression)
                      ? ll_ast_text(source, ll_ast_field(observable, ll_js.field.property))
                      : ll_ast_text(source, observable);
    return (name.len > 1 && name.ptr[name.len - 1] == '$') || ll_str_contains(name, "Subject") ||
           ll_str_eq(name, "valueChanges") || ll_str_eq(name, "statusChanges");
  }
  return false;
}

bool ll_handle_of_call(const ll_facts *facts, TSNode call, ll_handle *out) {
  const ll_source *source = ll_facts_source(facts);
  if (ll_ast_is(call, ll_js.sym.new_expression)) {
    static const char *const observers[] = {"MutationObserver", "ResizeObserver",
                                            "IntersectionObserver", "PerformanceObserver", NULL};
    if (!ll_str_in(ll_ast_text(source, ll_ast_field(call, ll_js.field.constructor)), observers))
      return false;
    *out = (ll_handle){LL_HANDLE_OBSERVER, "observer", "disconnect()"};
    return true;
  }
  if (!ll_ast_is(call, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  ll_str name = ll_ast_callee_name(source, callee);
  bool member = ll_ast_is(callee, ll_js.sym.member_expression);
  if (ll_str_eq(name, "subscribe") && member) {
    TSNode receiver = ll_ast_field(callee, ll_js.field.object);
    ll_str last = ll_ast_is(receiver, ll_js.sym.member_expression)
                      ? ll_ast_text(source, ll_ast_field(receiver, ll_js.field.property))
                  : ll_ast_is(receiver, ll_js.sym.identifier) ? ll_ast_text(source, receiver)
                                                              : (ll_str){"", 0};
    // A store: named so, or imported from a stores module (Svelte's `stores.js`).
    if (ll_str_contains(last, "store") || ll_str_contains(last, "Store") ||
        (ll_ast_is(receiver, ll_js.sym.identifier) && imported_from(facts, receiver, "store"))) {
      *out = (ll_handle){LL_HANDLE_DISPOSER, "subscription", "calling the function it returns"};
      return true;
    }
    if (completes(source, receiver) || !keeps_emitting(source, receiver)) return false;
    *out = (ll_handle){LL_HANDLE_SUBSCRIPTION, "subscription", "unsubscribe()"};
    return true;
  }
  // Firebase: the modular functions imported from it (`onValue(ref, cb)`), or the methods of its
  // objects (`query.onSnapshot(cb)`, `auth.onAuthStateChanged(cb)`).
  static const char *const firebase[] = {
      "onSnapshot",   "onValue",        "onAuthStateChanged", "onIdTokenChanged",
      "onChildAdded", "onChildChanged", "onChildRemoved",     NULL};
  static const char *const firebase_methods[] = {"onSnapshot", "onAuthStateChanged",
                                                 "onIdTokenChanged", NULL};
  if (member ? ll_str_in(name, firebase_methods)
             : ll_str_in(name, firebase) && imported_from(facts, callee, "firebase")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "listener", "calling the function it returns"};
    return true;
  }
  static const char *const mobx[] = {"autorun", "reaction", "when", "observe", "intercept", NULL};
  if (ll_str_in(name, mobx) && imported_from(facts, callee, "mobx")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "reaction", "calling the function it returns"};
    return true;
  }
  if (ll_str_eq(name, "onExit") && imported_from(facts, callee, "signal-exit")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "exit handler", "calling the function it returns"};
    return true;
  }
  if (ll_str_eq(name, "watch") &&
      (ll_str_eq(ll_ast_text(source, callee), "fs.watch") ||
       imported_from(facts, callee, "chokidar") || imported_from(facts, callee, "'fs'") ||
       imported_from(facts, callee, "\"fs\"") || imported_from(facts, callee, "node:fs"))) {
    *out = (ll_handle){LL_HANDLE_WATCHER, "watcher", "close()"};
    return true;
  }
  return false;
}

// The methods that release each kind of handle, called on the handle.
static bool releases(const ll_handle *handle, ll_str method) {
  switch (handle->kind) {
    case LL_HANDLE_DISPOSER:
      return false; // a disposer is called itself
    case LL_HANDLE_SUBSCRIPTION:
      return ll_str_eq(method, "unsubscribe");
    case LL_HANDLE_WATCHER:
      return ll_str_eq(method, "close") || ll_str_eq(method, "unwatch");
    case LL_HANDLE_OBSERVER: // `unobserve(el)`: an observer of one target stops with it
      return ll_str_eq(method, "disconnect") || ll_str_eq(method, "unobserve");
  }
  return false;
}

// The fate of a handle held by the name `b`: released through it, handed on, or only kept.
static ll_handle_fate fate_of_name(const ll_facts *facts, const ll_binding *b,
                                   const ll_handle *handle) {
  const ll_source *source = ll_facts_source(facts);
  ll_handle_fate fate = LL_HANDLE_KEPT;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue;
    if (ref->flags & LL_REF_CALLEE) {
      if (handle->kind == LL_HANDLE_DISPOSER) return LL_HANDLE_RELEASED;
      continue;
    }
    if (ll_ast_is(ref->parent, ll_js.sym.member_expression) && ref->field == ll_js.field.object) {
      ll_str method = ll_ast_text(source, ll_ast_field(ref->parent, ll_js.field.property));
      if (releases(handle, method)) return LL_HANDLE_RELEASED;
      continue; // `observer.observe(el)`, `sub.closed`: uses that keep it
    }
    if (ll_ast_is(ref->parent, ll_js.sym.unary_expression) ||
        ll_ast_is(ref->parent, ll_js.sym.binary_expression) ||
        ll_ast_is(ref->parent, ll_js.sym.if_statement))
      continue;               // `if (stop)`, `!sub`: tests
    fate = LL_HANDLE_ESCAPES; // returned, handed on, stored elsewhere
  }
  return fate;
}

// The fate of a handle kept in the member `place` (`this.unsubscribe`): its other mentions in
// `region` (the class, or the file), read as text.
static ll_handle_fate fate_of_member(const ll_source *source, ll_str place, TSNode written,
                                     TSNode region, const ll_handle *handle) {
  ll_str text = ll_ast_text(source, region);
  uint32_t skip_from = ts_node_start_byte(written) - ts_node_start_byte(region);
  ll_handle_fate fate = LL_HANDLE_KEPT;
  for (uint32_t i = 0; i + place.len <= text.len; i++) {
    if (memcmp(text.ptr + i, place.ptr, place.len) != 0 || i == skip_from) continue;
    char after = i + place.len < text.len ? text.ptr[i + place.len] : ' ';
    if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
        (after >= '0' && after <= '9') || after == '_' || after == '$')
      continue; // `this.sub` in `this.subs`
    ll_str rest = {text.ptr + i + place.len, text.len - i - place.len};
    // `(_a = this.observer) == null ? void 0 : _a.disconnect()`: optional chaining as compilers
    // write it, through a temporary.
    ll_str temp = {NULL, 0};
    if (rest.len && rest.ptr[0] == ')') {
      uint32_t k = i;
      while (k > 0 && text.ptr[k - 1] == ' ')
        k--;
      if (k > 0 && text.ptr[k - 1] == '=') {
        k--;
        while (k > 0 && text.ptr[k - 1] == ' ')
          k--;
        uint32_t end = k;
        while (k > 0 && ((text.ptr[k - 1] >= 'a' && text.ptr[k - 1] <= 'z') ||
                         (text.ptr[k - 1] >= 'A' && text.ptr[k - 1] <= 'Z') ||
                         (text.ptr[k - 1] >= '0' && text.ptr[k - 1] <= '9') ||
                         text.ptr[k - 1] == '_' || text.ptr[k - 1] == '$'))
          k--;
        if (k > 0 && text.ptr[k - 1] == '(' && end > k) temp = (ll_str){text.ptr + k, end - k};
      }
    }
    if (temp.len) {
      // The temporary's use after the test: `_a.disconnect(`, `_a.call(` or `_a(`.
      uint32_t window = rest.len < 120 ? rest.len : 120;
      for (uint32_t j = 0; j + temp.len + 1 < window; j++) {
        if (memcmp(rest.ptr + j, temp.ptr, temp.len) != 0) continue;
        char next = rest.ptr[j + temp.len];
        if (next == '(' && handle->kind == LL_HANDLE_DISPOSER) return LL_HANDLE_RELEASED;
        if (next != '.') continue;
        uint32_t m = j + temp.len + 1, n = 0;
        while (m + n < rest.len && ((rest.ptr[m + n] >= 'a' && rest.ptr[m + n] <= 'z') ||
                                    (rest.ptr[m + n] >= 'A' && rest.ptr[m + n] <= 'Z')))
          n++;
        ll_str method = {rest.ptr + m, n};
        if (releases(handle, method) ||
            (handle->kind == LL_HANDLE_DISPOSER && ll_str_eq(method, "call")))
          return LL_HANDLE_RELEASED;
      }
      continue;
    }
    if (rest.len && rest.ptr[0] == '?') rest.ptr++, rest.len--; // `this.stop?.()`
    if (rest.len && rest.ptr[0] == '.') rest.ptr++, rest.len--;
    if (rest.len && rest.ptr[0] == '(') {
      if (handle->kind == LL_HANDLE_DISPOSER) return LL_HANDLE_RELEASED;
      continue;
    }
    uint32_t n = 0;
    while (n < rest.len && ((rest.ptr[n] >= 'a' && rest.ptr[n] <= 'z') ||
                            (rest.ptr[n] >= 'A' && rest.ptr[n] <= 'Z')))
      n++;
    if (n && releases(handle, (ll_str){rest.ptr, n})) return LL_HANDLE_RELEASED;
    // Handed on: `subs.push(this.sub)`, `return this.sub`, `cleanup(this.stop)`.
    char before = i ? text.ptr[i - 1] : ' ';
    uint32_t k = i;
    while (k > 0 && (text.ptr[k - 1] == ' ' || text.ptr[k - 1] == '\t'))
      k--;
    if (before == '(' || before == ',' || before == '[' ||
        (k >= 6 && !memcmp(text.ptr + k - 6, "return", 6)))
      fate = LL_HANDLE_ESCAPES;
  }
  return fate;
}

ll_handle_fate ll_facts_handle_fate(const ll_facts *facts, TSNode call, const ll_handle *handle,
                                    ll_arena *arena, const char **kept_in) {
  const ll_source *source = ll_facts_source(facts);
  *kept_in = NULL;
  TSNode value = call, parent = ll_ast_parent(&value);
  // `new ResizeObserver(cb).observe(el)`, `chokidar.watch(dir).on('change', f)`: a call on the
  // handle that registers with it and returns nothing else (or the handle again); what that call
  // returns is what the code keeps.
  static const char *const registering[] = {"observe",          "on", "once", "addListener",
                                            "addEventListener", NULL};
  for (int depth = 0; depth < 8 && ll_ast_is(parent, ll_js.sym.member_expression) &&
                      handle->kind != LL_HANDLE_DISPOSER && handle->kind != LL_HANDLE_SUBSCRIPTION;
       depth++) {
    TSNode use = ll_ast_parent_of(parent);
    if (!ll_ast_is(use, ll_js.sym.call_expression) ||
        !ts_node_eq(ll_ast_field(use, ll_js.field.function), parent) ||
        !ll_str_in(ll_ast_text(source, ll_ast_field(parent, ll_js.field.property)), registering))
      return LL_HANDLE_ESCAPES;
    value = use;
    parent = ll_ast_parent(&value);
  }
  if (ll_ast_is(parent, ll_js.sym.expression_statement)) return LL_HANDLE_DROPPED;
  if (ll_ast_is(parent, ll_js.sym.variable_declarator)) {
    TSNode name = ll_ast_field(parent, ll_js.field.name);
    if (!ll_ast_is(name, ll_js.sym.identifier)) return LL_HANDLE_ESCAPES;
    const ll_ref *ref = ll_facts_ref_at(facts, name);
    const ll_binding *b = ref ? ref->target : NULL;
    if (!b) {
      const ll_scope *scope = ll_scope_at(ll_facts_model(facts), ts_node_start_byte(name));
      b = ll_scope_lookup(ll_facts_model(facts), scope, ll_ast_text(source, name));
    }
    if (!b) return LL_HANDLE_ESCAPES;
    ll_handle_fate fate = fate_of_name(facts, b, handle);
    if (fate == LL_HANDLE_KEPT)
      *kept_in = ll_arena_printf(arena, "%.*s", (int)b->name.len, b->name.ptr);
    return fate;
  }
  if (ll_ast_is(parent, ll_js.sym.assignment_expression) &&
      ts_node_eq(ll_ast_unparenthesized(ll_ast_field(parent, ll_js.field.right)), value)) {
    TSNode left = ll_ast_field(parent, ll_js.field.left);
    if (ll_ast_is(left, ll_js.sym.identifier)) {
      const ll_ref *ref = ll_facts_ref_at(facts, left);
      if (!ref || !ref->target) return LL_HANDLE_ESCAPES;
      ll_handle_fate fate = fate_of_name(facts, ref->target, handle);
      if (fate == LL_HANDLE_KEPT)
        *kept_in =
            ll_arena_printf(arena, "%.*s", (int)ref->target->name.len, ref->target->name.ptr);
      return fate;
    }
    if (!ll_ast_is(left, ll_js.sym.member_expression)) return LL_HANDLE_ESCAPES;
    // `this.sub = ...`: its mentions in the class; another object's member: in the file.
    TSNode region = left;
    bool on_this = ll_ast_is(ll_ast_field(left, ll_js.field.object), ll_js.sym.this);
    for (TSNode up = ll_ast_parent_of(left); !ts_node_is_null(up); up = ll_ast_parent_of(up)) {
      region = up;
      if (on_this && (ll_ast_is(up, ll_js.sym.class_body) || ll_ast_is(up, ll_js.sym.object)))
        break;
    }
    ll_str place = ll_ast_text(source, left);
    ll_handle_fate fate = fate_of_member(source, place, left, region, handle);
    if (fate == LL_HANDLE_KEPT)
      *kept_in = ll_arena_printf(arena, "%.*s", (int)place.len, place.ptr);
    return fate;
  }
  return LL_HANDLE_ESCAPES; // returned, an argument, in a literal, awaited...
}

// ---------------------------------------------------------------------------------------------
// Places of handles (handles.h), and the timer vocabulary

static bool is_console_call(const ll_facts *f, TSNode call) {
  if (!ll_ast_is(call, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  return ll_ast_is(callee, ll_js.sym.member_expression) &&
         ll_str_eq(ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.object)),
                   "console");
}

// `setInterval`, `window.setInterval`, `global.setTimeout`, `timers.setInterval`, and names
// imported from 'timers': the timer function's name, or an empty slice. The async iterators of
// 'timers/promises' are not timers: they end with their loop or their AbortSignal.
ll_str ll_facts_timer_function(const ll_facts *f, TSNode callee) {
  static const ll_str none = {"", 0};
  if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    // The global object's timers, or the 'timers' module's; `this.setInterval(ms)` is a method
    // of the object's own (which may well clear the previous interval first).
    TSNode receiver = ll_ast_unparenthesized(ll_ast_field(callee, ll_js.field.object));
    if (!ll_ast_is(receiver, ll_js.sym.identifier)) return none;
    const ll_ref *ref = ll_facts_ref_at(f, receiver);
    ll_str name = ll_ast_text(ll_facts_source(f), receiver);
    if (ref && ref->target) {
      // `const timers = require('timers')`, `import * as timers from 'timers'`
      TSNode init = ll_ast_unparenthesized(ref->target->init);
      TSNode module = ll_ast_is(init, ll_js.sym.call_expression)
                          ? ll_ast_named_child(ll_ast_field(init, ll_js.field.arguments), 0)
                          : (TSNode){.id = NULL};
      ll_str from;
      if (!(ref->target->kind == LL_BIND_IMPORT
                ? ll_module_imported(ll_facts_source(f), ref->target->decl, &from)
                : ll_module_specifier(ll_facts_source(f), module, &from)) ||
          !ll_str_eq(from, "timers"))
        return none;
    } else if (!ll_str_eq(name, "window") && !ll_str_eq(name, "global") &&
               !ll_str_eq(name, "globalThis") && !ll_str_eq(name, "self") &&
               !ll_str_eq(name, "timers")) {
      return none;
    }
    return ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.property));
  }
  if (!ll_ast_is(callee, ll_js.sym.identifier)) return none;
  const ll_ref *ref = ll_facts_ref_at(f, callee);
  if (!ref || !ref->target) return ll_ast_text(ll_facts_source(f), callee);
  const ll_binding *b = ref->target;
  if (b->kind != LL_BIND_IMPORT) return none; // a local function of that name
  ll_str from;
  if (!ll_module_imported(ll_facts_source(f), b->decl, &from) || !ll_str_eq(from, "timers"))
    return none;
  // `import { setInterval as every } from 'timers'`: the imported name.
  TSNode spec = ll_ast_parent_of(b->decl);
  if (ll_ast_is(spec, ll_js.sym.import_specifier))
    return ll_ast_text(ll_facts_source(f), ll_ast_field(spec, ll_js.field.name));
  return ll_ast_text(ll_facts_source(f), callee);
}

bool ll_timer_is_clear_name(ll_str fn) {
  return ll_str_eq(fn, "clearInterval") || ll_str_eq(fn, "clearTimeout") ||
         ll_str_eq(fn, "cancelAnimationFrame");
}

// The one-shot schedulers whose callbacks can loop by scheduling themselves again: a
// `requestAnimationFrame` loop runs every frame until cancelAnimationFrame stops it.
bool ll_timer_is_one_shot_name(ll_str fn) {
  return ll_str_eq(fn, "setTimeout") || ll_str_eq(fn, "requestAnimationFrame");
}

// The object literal whose method `this` at `node` belongs to, or a null node.
static TSNode this_owner(const ll_facts *f, TSNode node) {
  const ll_scope *fn = ll_scope_at(ll_facts_model(f), ts_node_start_byte(node))->function;
  while (fn && fn->kind == LL_SCOPE_FUNCTION && (fn->flags & LL_SCOPE_ARROW))
    fn = fn->parent ? fn->parent->function : NULL;
  if (!fn || fn->kind != LL_SCOPE_FUNCTION) return (TSNode){.id = NULL};
  TSNode up = fn->context[0];
  if (ll_ast_is(fn->node, ll_js.sym.method_definition) && ll_ast_is(up, ll_js.sym.object))
    return up;
  if (ll_ast_is(fn->node, ll_js.sym.function_expression) && ll_ast_is(up, ll_js.sym.pair) &&
      fn->context_field == ll_js.field.value && ll_ast_is(fn->context[1], ll_js.sym.object))
    return fn->context[1];
  return (TSNode){.id = NULL};
}

// Resolves the place `expr` names into `out` (known or not).
static void resolve_place(const ll_facts *f, TSNode expr, ll_handle_place *out) {
  memset(out, 0, sizeof *out);
  out->known = ll_facts_path(f, expr, &out->path);
  if (out->known || !ll_ast_is(expr, ll_js.sym.member_expression)) return;
  TSNode root = expr;
  while (ll_ast_is(root, ll_js.sym.member_expression))
    root = ll_ast_field(root, ll_js.field.object);
  if (!ll_ast_is(root, ll_js.sym.this)) return;
  TSNode owner = this_owner(f, root);
  if (ts_node_is_null(owner)) return;
  out->known = true;
  out->owner = ts_node_start_byte(owner) + 1;
  out->this_text = ll_ast_text(ll_facts_source(f), expr);
}

bool ll_handle_place_equal(const ll_handle_place *a, const ll_handle_place *b) {
  if (a->owner || b->owner) return a->owner == b->owner && ll_str_same(a->this_text, b->this_text);
  return ll_path_equal(&a->path, &b->path);
}

static void append_elements(ll_handle_place *id) {
  size_t used = strlen(id->path.text);
  if (used + 3 <= LL_PATH_MAX) memcpy(id->path.text + used, "[]", 3);
}

// `xs.set(k, ...)`, `xs.add(...)`, `xs.push(...)`: the collection `xs`, or a null node.
static TSNode collection_of_store(const ll_facts *f, TSNode call) {
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return (TSNode){.id = NULL};
  ll_str method = ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.property));
  if (ll_str_eq(method, "set") || ll_str_eq(method, "add") || ll_str_eq(method, "push") ||
      ll_str_eq(method, "unshift"))
    return ll_ast_field(callee, ll_js.field.object);
  return (TSNode){.id = NULL};
}

// Where the id returned by `call` goes.
void ll_facts_handle_place(const ll_facts *f, TSNode call, ll_handle_place *id) {
  memset(id, 0, sizeof *id);
  TSNode node = call, parent = ll_ast_parent(&node);
  if (ts_node_is_null(parent)) return;
  TSSymbol ps = ts_node_symbol(parent);
  if (ps == ll_js.sym.assignment_expression &&
      ts_node_eq(ll_ast_field(parent, ll_js.field.right), node)) {
    resolve_place(f, ll_ast_field(parent, ll_js.field.left), id);
    id->escapes = !id->known;
  } else if (ps == ll_js.sym.variable_declarator) {
    TSNode name = ll_ast_field(parent, ll_js.field.name);
    const ll_binding *b =
        ll_ast_is(name, ll_js.sym.identifier)
            ? ll_scope_lookup(ll_facts_model(f),
                              ll_scope_at(ll_facts_model(f), ts_node_start_byte(name)),
                              ll_ast_text(ll_facts_source(f), name))
            : NULL;
    if (b) {
      id->path = (ll_path){.binding = b, .lifetime = ll_facts_binding_lifetime(b)};
      id->known = true;
    } else {
      id->escapes = true;
    }
  } else if (ps == ll_js.sym.expression_statement) {
    // Dropped: nothing can ever clear it.
  } else if (ps == ll_js.sym.member_expression) {
    // `setInterval(...).unref()` still keeps the callback alive; other members escape.
    ll_str member = ll_ast_text(ll_facts_source(f), ll_ast_field(parent, ll_js.field.property));
    id->escapes = !(ll_str_eq(member, "unref") || ll_str_eq(member, "ref"));
  } else if (ps == ll_js.sym.arguments) {
    // Kept in a collection the file names (`timers.set(key, setInterval(...))`): an element of
    // it; handed to any other call: that code may clear it.
    TSNode store = collection_of_store(f, ll_ast_parent_of(parent));
    if (!ts_node_is_null(store) && ll_facts_path(f, store, &id->path)) {
      id->known = true;
      append_elements(id);
    } else {
      id->escapes = true;
    }
  } else {
    id->escapes = true; // returned, an array element, an arrow's value...
  }
}

// `xs.values()`, `xs.entries()`, `Object.values(xs)`, `xs`: the collection `xs` iterated.
static TSNode iterated_collection(const ll_facts *f, TSNode expr) {
  if (!ll_ast_is(expr, ll_js.sym.call_expression)) return expr;
  TSNode callee = ll_ast_field(expr, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return (TSNode){.id = NULL};
  TSNode object = ll_ast_field(callee, ll_js.field.object);
  ll_str method = ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.property));
  if (ll_str_eq(method, "values") || ll_str_eq(method, "entries")) {
    if (ll_str_eq(ll_ast_text(ll_facts_source(f), object), "Object"))
      return ll_ast_named_child(ll_ast_field(expr, ll_js.field.arguments), 0);
    return object;
  }
  return (TSNode){.id = NULL};
}

// `xs.get(k)`: `xs`, or a null node.
static TSNode got_from(const ll_facts *f, TSNode expr) {
  if (!ll_ast_is(expr, ll_js.sym.call_expression)) return (TSNode){.id = NULL};
  TSNode callee = ll_ast_field(expr, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression) ||
      !ll_str_eq(ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.property)),
                 "get"))
    return (TSNode){.id = NULL};
  return ll_ast_field(callee, ll_js.field.object);
}

// The collection whose element a local binding holds: `for (const t of xs)`,
// `xs.forEach((t) => ...)`; a null node otherwise.
static TSNode element_source(const ll_facts *f, const ll_binding *b) {
  if (b->kind == LL_BIND_PARAM) {
    const ll_scope *fn = b->scope->function;
    TSNode call = fn->context[1];
    if (!ll_ast_is(fn->context[0], ll_js.sym.arguments) ||
        !ll_ast_is(call, ll_js.sym.call_expression))
      return (TSNode){.id = NULL};
    TSNode callee = ll_ast_field(call, ll_js.field.function);
    if (ll_ast_is(callee, ll_js.sym.member_expression) &&
        ll_str_eq(ll_ast_text(ll_facts_source(f), ll_ast_field(callee, ll_js.field.property)),
                  "forEach"))
      return iterated_collection(f, ll_ast_field(callee, ll_js.field.object));
    return (TSNode){.id = NULL};
  }
  if (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR)
    return (TSNode){.id = NULL};
  if (!ts_node_is_null(b->init)) return (TSNode){.id = NULL}; // see resolve_released
  for (TSNode up = ll_ast_parent_of(b->decl); !ts_node_is_null(up); up = ll_ast_parent_of(up)) {
    if (ll_ast_is(up, ll_js.sym.for_in_statement))
      return ts_node_start_byte(b->decl) < ts_node_start_byte(ll_ast_field(up, ll_js.field.right))
                 ? iterated_collection(f, ll_ast_field(up, ll_js.field.right))
                 : (TSNode){.id = NULL};
    if (ll_ast_is_function(up) || ll_ast_is(up, ll_js.sym.statement_block)) break;
  }
  return (TSNode){.id = NULL};
}

// A variable that only ever holds the value of another place: `const t = this.timers.get(k)`,
// `const id = state.poller`. Its initializer, or a null node.
static TSNode alias_of(const ll_binding *b) {
  if (ts_node_is_null(b->init) ||
      (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET && b->kind != LL_BIND_VAR))
    return (TSNode){.id = NULL};
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding)
    if (ref->flags & LL_REF_WRITE) return (TSNode){.id = NULL};
  TSSymbol s = ts_node_symbol(b->init);
  if (s == ll_js.sym.identifier || s == ll_js.sym.member_expression ||
      s == ll_js.sym.subscript_expression || s == ll_js.sym.call_expression)
    return b->init;
  return (TSNode){.id = NULL};
}

// `const { poller } = this`, `const { timer: t } = job`: sets `out` to the place the
// destructured binding `b` was read from (unknown when it cannot tell). False when `b` is not
// destructured from an object.
static bool destructured(const ll_facts *f, const ll_binding *b, ll_handle_place *out) {
  TSNode node = b->decl, parent = ll_ast_parent_of(node);
  if (ll_ast_is(parent, ll_js.sym.pair_pattern)) {
    node = parent;
    parent = ll_ast_parent_of(parent);
  }
  if (!ll_ast_is(parent, ll_js.sym.object_pattern)) return false;
  out->known = false;
  TSNode key = ll_ast_is(node, ll_js.sym.pair_pattern) ? ll_ast_field(node, ll_js.field.key) : node;
  TSNode declarator = ll_ast_parent_of(parent);
  if (!ll_ast_is(declarator, ll_js.sym.variable_declarator) ||
      !ts_node_eq(ll_ast_field(declarator, ll_js.field.name), parent) ||
      (!ll_ast_is(key, ll_js.sym.property_identifier) &&
       !ll_ast_is(key, ll_js.sym.shorthand_property_identifier_pattern)))
    return true;
  ll_handle_place object;
  resolve_place(f, ll_ast_field(declarator, ll_js.field.value), &object);
  if (!object.known || object.owner) return true;
  ll_str name = ll_ast_text(ll_facts_source(f), key);
  size_t used = strlen(object.path.text);
  if (used + name.len + 2 > LL_PATH_MAX) return true;
  object.path.text[used] = '.';
  memcpy(object.path.text + used + 1, name.ptr, name.len);
  object.path.text[used + 1 + name.len] = '\0';
  *out = object;
  return true;
}

// What a clear call's argument names: a place, or an element of a collection.
static void resolve_released(const ll_facts *f, TSNode arg, ll_handle_place *out, int depth) {
  TSNode from = got_from(f, arg);
  if (!ts_node_is_null(from)) {
    resolve_place(f, from, out);
    if (out->known) append_elements(out);
    return;
  }
  resolve_place(f, arg, out);
  const ll_binding *b = out->path.binding;
  if (!out->known || out->owner || !b || out->path.text[0]) return;
  if (destructured(f, b, out)) return;
  TSNode alias = alias_of(b);
  if (!ts_node_is_null(alias) && depth < 4) {
    if (ll_ast_is(alias, ll_js.sym.call_expression) && ts_node_is_null(got_from(f, alias))) {
      // `const t = setInterval(...)` is the timer itself; `const t = lookup(k)` may be any.
      ll_str fn = ll_facts_timer_function(f, ll_ast_field(alias, ll_js.field.function));
      out->known = ll_str_eq(fn, "setInterval") || ll_timer_is_one_shot_name(fn);
      return;
    }
    resolve_released(f, alias, out, depth + 1);
    return;
  }
  TSNode source = element_source(f, b);
  if (ts_node_is_null(source)) return;
  ll_handle_place element;
  resolve_place(f, source, &element);
  if (!element.known) return;
  *out = element;
  append_elements(out);
}

void ll_facts_place_of(const ll_facts *f, TSNode expr, ll_handle_place *out) {
  resolve_place(f, expr, out);
}

void ll_facts_released_elements(const ll_facts *f, TSNode collection, ll_handle_place *out) {
  memset(out, 0, sizeof *out);
  TSNode iterated = iterated_collection(f, collection);
  if (!ts_node_is_null(iterated)) resolve_place(f, iterated, out);
  if (out->known) append_elements(out);
}

void ll_facts_released_place(const ll_facts *f, TSNode arg, ll_handle_place *out) {
  resolve_released(f, arg, out, 0);
}

bool ll_facts_is_timer_clear(const ll_facts *f, TSNode call) {
  return ll_ast_is(call, ll_js.sym.call_expression) &&
         ll_timer_is_clear_name(
             ll_facts_timer_function(f, ll_ast_field(call, ll_js.field.function)));
}

static bool is_exported_declaration(const ll_binding *b) {
  for (TSNode up = ll_ast_parent_of(b->decl); !ts_node_is_null(up); up = ll_ast_parent_of(up)) {
    if (ll_ast_is(up, ll_js.sym.export_statement)) return true;
    if (ll_ast_is(up, ll_js.sym.program) || ll_ast_is(up, ll_js.sym.statement_block)) break;
  }
  return false;
}

// A binding holding an id, or a collection of ids, that is returned, passed on or stored
// elsewhere: the code it goes to may clear it. Clear calls and member uses do not count.
static bool binding_escapes(const ll_facts *f, const ll_binding *b) {
  if (is_exported_declaration(b)) return true;
  for (const ll_ref *ref = b->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue;
    TSSymbol ps = ts_node_symbol(ref->parent);
    if (ps == ll_js.sym.return_statement || ps == ll_js.sym.pair || ps == ll_js.sym.array ||
        ps == ll_js.sym.object ||
        (ps == ll_js.sym.arrow_function && ref->field == ll_js.field.body) ||
        (ps == ll_js.sym.assignment_expression && ref->field == ll_js.field.right) ||
        (ps == ll_js.sym.variable_declarator && ref->field == ll_js.field.value))
      return true;
    if (ps == ll_js.sym.arguments && !ll_facts_is_timer_clear(f, ref->grandparent) &&
        !is_console_call(f, ref->grandparent))
      return true;
  }
  return false;
}

bool ll_facts_handle_place_escapes(const ll_facts *f, const ll_handle_place *id) {
  if (id->escapes) return true;
  if (!id->known || id->owner) return false;
  // `module.exports.timer`, an import's member: other modules may clear it.
  if (id->path.lifetime == LL_LIFETIME_UNKNOWN) return true;
  if (!id->path.binding) return false;
  // A collection the caller handed in is the caller's to drain.
  size_t len = strlen(id->path.text);
  if (id->path.binding->kind == LL_BIND_PARAM && len >= 2 &&
      strcmp(id->path.text + len - 2, "[]") == 0)
    return true;
  // The variable itself, the collection it is an element of, or an object made in this run
  // (`job.timer = setInterval(...)`) that is handed on with the id in it.
  const ll_binding *b = id->path.binding;
  const char *text = id->path.text;
  bool made_here = (b->kind == LL_BIND_CONST || b->kind == LL_BIND_LET || b->kind == LL_BIND_VAR) &&
                   ll_facts_binding_lifetime(b) == LL_LIFETIME_SHORT;
  if (!text[0] || strcmp(text, "[]") == 0 || made_here) return binding_escapes(f, b);
  return false;
}
