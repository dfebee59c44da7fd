// See handles.h. The vocabulary is matched on callee names, with the package a bare name is
// imported from when the name alone is common (`observe`, `when`, `watch`); where the handle goes
// is read from its place in the tree and, for a name, from the scope model's uses of it.
#include "analyzer/handles.h"

#include <string.h>

#include "analyzer/ast.h"

static ll_str text_of(const ll_source *source, TSNode node) {
  if (ts_node_is_null(node)) return (ll_str){"", 0};
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

static bool contains(ll_str text, const char *word) {
  size_t n = strlen(word);
  for (uint32_t i = 0; i + n <= text.len; i++)
    if (!memcmp(text.ptr + i, word, n)) return true;
  return false;
}

static bool in_list(ll_str text, const char *const *names) {
  for (; *names; names++)
    if (ll_str_eq(text, *names)) return true;
  return false;
}

// The name a call's function has: `subscribe` for `store.subscribe`, `autorun` for `autorun`.
static ll_str callee_name(const ll_source *source, TSNode callee) {
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    return text_of(source, ll_ast_field(callee, ll_js.field.property));
  return ll_ast_is(callee, ll_js.sym.identifier) ? text_of(source, callee) : (ll_str){"", 0};
}

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
  for (int up = 0; up < 6 && !ts_node_is_null(node); up++, node = ts_node_parent(node))
    if (ll_ast_is(node, ll_js.sym.import_statement) ||
        ll_ast_is(node, ll_js.sym.variable_declarator))
      return contains(text_of(source, node), package);
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
    ll_str name = callee_name(source, callee);
    if (ll_str_eq(name, "pipe")) {
      TSNode args = ll_ast_field(observable, ll_js.field.arguments);
      uint32_t n = ts_node_named_child_count(args);
      for (uint32_t i = 0; i < n; i++) {
        TSNode op = ts_node_named_child(args, i);
        if (ll_ast_is(op, ll_js.sym.call_expression) &&
            in_list(callee_name(source, ll_ast_field(op, ll_js.field.function)),
                    completing_operators))
          return true;
      }
    }
    if (ll_ast_is(callee, ll_js.sym.member_expression) && in_list(name, requests)) {
      ll_str client = text_of(source, ll_ast_field(callee, ll_js.field.object));
      if (contains(client, "http") || contains(client, "Http") || contains(client, "ajax"))
        return true;
    }
    if (ll_ast_is(callee, ll_js.sym.identifier) && in_list(name, finite)) return true;
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
      ll_str name = callee_name(source, callee);
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
                      ? text_of(source, ll_ast_field(observable, ll_js.field.property))
                      : text_of(source, observable);
    return (name.len > 1 && name.ptr[name.len - 1] == '$') || contains(name, "Subject") ||
           ll_str_eq(name, "valueChanges") || ll_str_eq(name, "statusChanges");
  }
  return false;
}

bool ll_handle_of_call(const ll_facts *facts, TSNode call, ll_handle *out) {
  const ll_source *source = ll_facts_source(facts);
  if (ll_ast_is(call, ll_js.sym.new_expression)) {
    static const char *const observers[] = {"MutationObserver", "ResizeObserver",
                                            "IntersectionObserver", "PerformanceObserver", NULL};
    if (!in_list(text_of(source, ll_ast_field(call, ll_js.field.constructor)), observers))
      return false;
    *out = (ll_handle){LL_HANDLE_OBSERVER, "observer", "disconnect()"};
    return true;
  }
  if (!ll_ast_is(call, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  ll_str name = callee_name(source, callee);
  bool member = ll_ast_is(callee, ll_js.sym.member_expression);
  if (ll_str_eq(name, "subscribe") && member) {
    TSNode receiver = ll_ast_field(callee, ll_js.field.object);
    ll_str last = ll_ast_is(receiver, ll_js.sym.member_expression)
                      ? text_of(source, ll_ast_field(receiver, ll_js.field.property))
                  : ll_ast_is(receiver, ll_js.sym.identifier) ? text_of(source, receiver)
                                                              : (ll_str){"", 0};
    if (contains(last, "store") || contains(last, "Store")) {
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
  if (member ? in_list(name, firebase_methods)
             : in_list(name, firebase) && imported_from(facts, callee, "firebase")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "listener", "calling the function it returns"};
    return true;
  }
  static const char *const mobx[] = {"autorun", "reaction", "when", "observe", "intercept", NULL};
  if (in_list(name, mobx) && imported_from(facts, callee, "mobx")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "reaction", "calling the function it returns"};
    return true;
  }
  if (ll_str_eq(name, "onExit") && imported_from(facts, callee, "signal-exit")) {
    *out = (ll_handle){LL_HANDLE_DISPOSER, "exit handler", "calling the function it returns"};
    return true;
  }
  if (ll_str_eq(name, "watch") &&
      (ll_str_eq(text_of(source, callee), "fs.watch") || imported_from(facts, callee, "chokidar") ||
       imported_from(facts, callee, "'fs'") || imported_from(facts, callee, "\"fs\"") ||
       imported_from(facts, callee, "node:fs"))) {
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
    case LL_HANDLE_OBSERVER:
      return ll_str_eq(method, "disconnect");
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
      ll_str method = text_of(source, ll_ast_field(ref->parent, ll_js.field.property));
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
  ll_str text = text_of(source, region);
  uint32_t skip_from = ts_node_start_byte(written) - ts_node_start_byte(region);
  ll_handle_fate fate = LL_HANDLE_KEPT;
  for (uint32_t i = 0; i + place.len <= text.len; i++) {
    if (memcmp(text.ptr + i, place.ptr, place.len) != 0 || i == skip_from) continue;
    char after = i + place.len < text.len ? text.ptr[i + place.len] : ' ';
    if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
        (after >= '0' && after <= '9') || after == '_' || after == '$')
      continue; // `this.sub` in `this.subs`
    ll_str rest = {text.ptr + i + place.len, text.len - i - place.len};
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
  // `new ResizeObserver(cb).observe(el)`: the observer is used once and dropped.
  if (handle->kind == LL_HANDLE_OBSERVER && ll_ast_is(parent, ll_js.sym.member_expression)) {
    TSNode use = ts_node_parent(parent);
    if (!ll_ast_is(use, ll_js.sym.call_expression)) return LL_HANDLE_ESCAPES;
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
      b = ll_scope_lookup(ll_facts_model(facts), scope, text_of(source, name));
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
    for (TSNode up = ts_node_parent(left); !ts_node_is_null(up); up = ts_node_parent(up)) {
      region = up;
      if (on_this && (ll_ast_is(up, ll_js.sym.class_body) || ll_ast_is(up, ll_js.sym.object)))
        break;
    }
    ll_str place = text_of(source, left);
    ll_handle_fate fate = fate_of_member(source, place, left, region, handle);
    if (fate == LL_HANDLE_KEPT)
      *kept_in = ll_arena_printf(arena, "%.*s", (int)place.len, place.ptr);
    return fate;
  }
  return LL_HANDLE_ESCAPES; // returned, an argument, in a literal, awaited...
}
