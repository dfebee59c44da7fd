// See lifecycle.h. Hook names are vocabulary; what makes a class a component is read from its
// `extends` clause (React's `Component`, an `...Element`), and what makes an object a Vue
// component from its other options (`data`, `methods`, `props`...) or the call it is handed to
// (`defineComponent`, `Vue.extend`, `createApp`, `new Vue`).
#include "analyzer/lifecycle.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/ast.h"

static bool ends_with(ll_str text, const char *word) {
  size_t n = strlen(word);
  return text.len >= n && !memcmp(text.ptr + text.len - n, word, n);
}

// The name a member is defined with: `mounted() {}`, `mounted: function () {}`.
static ll_str member_name(const ll_source *source, TSNode member) {
  TSNode key = ll_ast_is(member, ll_js.sym.pair) ? ll_ast_field(member, ll_js.field.key)
               : ll_ast_is(member, ll_js.sym.field_definition)
                   ? ll_ast_field(member, ll_js.field.property)
                   : ll_ast_field(member, ll_js.field.name);
  return ll_ast_is(key, ll_js.sym.property_identifier) ? ll_ast_text(source, key) : (ll_str){"", 0};
}

// The member of a class body or object literal named `name`, or a null node.
static TSNode find_member(const ll_source *source, TSNode body, const char *name) {
  // A cursor: ts_node_named_child(i) walks from the first child each time.
  TSTreeCursor cursor = ts_tree_cursor_new(body);
  TSNode found = {.id = NULL};
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && ts_node_is_null(found);
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode member = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_named(member) && ll_str_eq(member_name(source, member), name)) found = member;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

typedef enum owner_kind {
  REACT_CLASS,
  ELEMENT_CLASS,
  ANGULAR_CLASS,
  VIEW_CLASS, // Backbone and Marionette views: `class X extends Backbone.View`, or the options of
              // `Backbone.View.extend({...})`
  VUE_OPTIONS,
} owner_kind;

typedef struct hook_pair {
  const char *setup;
  const char *teardowns[4]; // the first is the one named when there is none
  owner_kind owner;
} hook_pair;

static const hook_pair member_hooks[] = {
    {"componentDidMount", {"componentWillUnmount"}, REACT_CLASS},
    {"componentDidUpdate", {"componentWillUnmount"}, REACT_CLASS},
    {"connectedCallback", {"disconnectedCallback"}, ELEMENT_CLASS},
    {"firstUpdated", {"disconnectedCallback"}, ELEMENT_CLASS},
    {"ngOnInit", {"ngOnDestroy"}, ANGULAR_CLASS},
    {"ngAfterViewInit", {"ngOnDestroy"}, ANGULAR_CLASS},
    {"ngAfterContentInit", {"ngOnDestroy"}, ANGULAR_CLASS},
    {"created", {"beforeUnmount", "unmounted", "beforeDestroy", "destroyed"}, VUE_OPTIONS},
    {"beforeMount", {"beforeUnmount", "unmounted", "beforeDestroy", "destroyed"}, VUE_OPTIONS},
    {"mounted", {"beforeUnmount", "unmounted", "beforeDestroy", "destroyed"}, VUE_OPTIONS},
    {"activated", {"deactivated"}, VUE_OPTIONS},
    {"initialize", {"remove()", "destroy()", "onDestroy()"}, VIEW_CLASS},
};

// The `extends` clause of a class node, or an empty slice.
static ll_str heritage_of(const ll_source *source, TSNode cls) {
  uint32_t n = ts_node_named_child_count(cls);
  for (uint32_t i = 0; i < n; i++) {
    TSNode child = ts_node_named_child(cls, i);
    if (!strcmp(ts_node_type(child), "class_heritage")) return ll_ast_text(source, child);
  }
  return (ll_str){"", 0};
}

static bool is_vue_definer(const ll_source *source, TSNode call) {
  TSNode callee = ll_ast_is(call, ll_js.sym.new_expression)
                      ? ll_ast_field(call, ll_js.field.constructor)
                      : ll_ast_field(call, ll_js.field.function);
  ll_str text = ll_ast_text(source, callee);
  return ll_str_eq(text, "defineComponent") || ll_str_eq(text, "Vue.extend") ||
         ll_str_eq(text, "Vue.component") || ll_str_eq(text, "createApp") ||
         ll_str_eq(text, "Vue") || ll_str_eq(text, "Vue.mixin");
}

// An object literal that is a Vue component's options: handed to a Vue call, or with options
// only Vue components have besides its hooks.
static bool is_vue_options(const ll_source *source, TSNode object) {
  TSNode parent = ll_ast_parent_of(object);
  if (ll_ast_is(parent, ll_js.sym.arguments) && is_vue_definer(source, ll_ast_parent_of(parent)))
    return true;
  static const char *const options[] = {"data",  "methods", "computed", "props",     "template",
                                        "watch", "setup",   "emits",    "components"};
  for (size_t i = 0; i < sizeof options / sizeof *options; i++)
    if (!ts_node_is_null(find_member(source, object, options[i]))) return true;
  return false;
}

static bool owner_matches(const ll_source *source, owner_kind owner, TSNode holder) {
  switch (owner) {
    case REACT_CLASS: {
      ll_str base = heritage_of(source, holder);
      return ends_with(base, "Component") || ll_str_contains(base, "Component<") ||
             ll_str_contains(base, "PureComponent");
    }
    case ELEMENT_CLASS: {
      ll_str base = heritage_of(source, holder);
      return ll_str_contains(base, "Element");
    }
    case ANGULAR_CLASS:
      return true; // the ng* names are Angular's alone
    case VIEW_CLASS: {
      if (ll_ast_is(holder, ll_js.sym.object)) { // `Backbone.View.extend({ initialize() {} })`
        TSNode args = ll_ast_parent_of(holder), call = ll_ast_parent_of(args);
        if (!ll_ast_is(args, ll_js.sym.arguments) || !ll_ast_is(call, ll_js.sym.call_expression))
          return false;
        ll_str callee = ll_ast_text(source, ll_ast_field(call, ll_js.field.function));
        return ends_with(callee, "View.extend");
      }
      ll_str base = heritage_of(source, holder);
      return ends_with(base, "View");
    }
    case VUE_OPTIONS:
      return is_vue_options(source, holder);
  }
  return false;
}

// A plain class's set-up method and its teardown, when the class has one (`start()` and
// `stop()`, a constructor and `destroy()`): named in messages, with no claim on how often the
// set-up runs.
static bool object_lifecycle(const ll_source *source, TSNode body, ll_str name, ll_lifecycle *out) {
  static const char *const setups[] = {"constructor", "start",      "open",   "connect",
                                       "listen",      "init",       "mount",  "attach",
                                       "subscribe",   "initialize", "render", NULL};
  static const char *const teardowns[] = {"stop",        "close",    "disconnect", "destroy",
                                          "dispose",     "teardown", "unmount",    "detach",
                                          "unsubscribe", "remove",   NULL};
  bool setup = false;
  for (const char *const *s = setups; *s && !setup; s++)
    setup = ll_str_eq(name, *s);
  if (!setup) return false;
  for (const char *const *t = teardowns; *t; t++) {
    TSNode found = find_member(source, body, *t);
    if (ts_node_is_null(found)) continue;
    static const char *const named[] = {"stop()",        "close()",    "disconnect()", "destroy()",
                                        "dispose()",     "teardown()", "unmount()",    "detach()",
                                        "unsubscribe()", "remove()"};
    out->setup = setups[0]; // not named in messages: the repetition's own words are
    out->teardown = named[t - teardowns];
    out->owner = "instance";
    out->event = "starts";
    out->teardown_node = found;
    out->runs = LL_EFFECT_RUNS_PER_MOUNT;
    out->mounts = false;
    return true;
  }
  return false;
}

static bool member_lifecycle(const ll_source *source, const ll_scope *fn, ll_lifecycle *out) {
  // `mounted() {}` in a class body or object; `mounted: function () {}` in an object.
  TSNode member = fn->node, body = fn->context[0];
  if (ll_ast_is(body, ll_js.sym.pair) || ll_ast_is(body, ll_js.sym.field_definition)) {
    // `mounted: function () {}`; `componentDidMount = () => {}` as a class field
    member = body;
    body = ll_ast_parent_of(body);
  } else if (!ll_ast_is(member, ll_js.sym.method_definition)) {
    return false;
  }
  bool in_class = ll_ast_is(body, ll_js.sym.class_body);
  if (!in_class && !ll_ast_is(body, ll_js.sym.object)) return false;
  ll_str name = member_name(source, member);
  if (!name.len) return false;
  for (size_t i = 0; i < sizeof member_hooks / sizeof *member_hooks; i++) {
    const hook_pair *hook = &member_hooks[i];
    bool object_owner = hook->owner == VUE_OPTIONS || hook->owner == VIEW_CLASS;
    if (!ll_str_eq(name, hook->setup) || (!in_class && !object_owner) ||
        (in_class && hook->owner == VUE_OPTIONS))
      continue;
    TSNode holder = in_class ? ll_ast_parent_of(body) : body;
    if (!owner_matches(source, hook->owner, holder)) return false;
    out->setup = hook->setup;
    out->teardown = hook->teardowns[0];
    out->owner = hook->owner == ELEMENT_CLASS ? "element"
                 : hook->owner == VIEW_CLASS  ? "view"
                                              : "component";
    out->event = ll_str_eq(name, "activated") ? "is activated" : "mounts";
    out->runs = LL_EFFECT_RUNS_PER_MOUNT;
    out->teardown_node = (TSNode){.id = NULL};
    out->mounts = true;
    for (size_t t = 0; t < 4 && hook->teardowns[t]; t++) {
      // A view's teardown is a method like others (`remove()`): named with its parentheses.
      char name_only[32];
      snprintf(name_only, sizeof name_only, "%.*s", (int)strcspn(hook->teardowns[t], "("),
               hook->teardowns[t]);
      TSNode found = find_member(source, body, name_only);
      if (ts_node_is_null(found)) continue;
      out->teardown = hook->teardowns[t];
      out->teardown_node = found;
      break;
    }
    return true;
  }
  return in_class && object_lifecycle(source, body, name, out);
}

// Calls that register a set-up callback, and the teardown registrations that pair with them in
// the same function (a component's `setup()`, a Svelte component's script).
static const struct {
  const char *setup;
  const char *teardowns[4];
  bool effect;          // its callback's returned function is its teardown (React, Svelte)
  const char *returned; // how that returned function is named
} call_hooks[] = {
    {"useEffect", {NULL}, true, "the function the effect returns"},
    {"useLayoutEffect", {NULL}, true, "the function the effect returns"},
    {"useInsertionEffect", {NULL}, true, "the function the effect returns"},
    {"onMounted", {"onUnmounted", "onBeforeUnmount", "onScopeDispose"}, false, NULL},
    {"onBeforeMount", {"onUnmounted", "onBeforeUnmount", "onScopeDispose"}, false, NULL},
    {"onActivated", {"onDeactivated"}, false, NULL},
    {"onMount", {"onDestroy", "onCleanup"}, true, "the function onMount returns"},
    {"createEffect", {"onCleanup"}, false, NULL},
};

bool ll_lifecycle_is_setup_call(const ll_source *source, TSNode callee) {
  ll_str name = ll_ast_callee_name(source, callee);
  for (size_t i = 0; i < sizeof call_hooks / sizeof *call_hooks; i++)
    if (ll_str_eq(name, call_hooks[i].setup)) return true;
  return false;
}

// The function a callback returns: `return () => ...`, `return cleanup`, or an arrow's body.
static TSNode returned_function(TSNode fn) {
  TSNode body = ll_ast_field(fn, ll_js.field.body), none = {.id = NULL};
  if (ll_ast_is_function(ll_ast_unparenthesized(body))) return ll_ast_unparenthesized(body);
  if (!ll_ast_is(body, ll_js.sym.statement_block)) return none;
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode statement = ts_node_named_child(body, i);
    if (!ll_ast_is(statement, ll_js.sym.return_statement)) continue;
    TSNode value = ll_ast_unparenthesized(ts_node_named_child(statement, 0));
    if (ll_ast_is_function(value) || ll_ast_is(value, ll_js.sym.identifier) ||
        ll_ast_is(value, ll_js.sym.member_expression))
      return value;
  }
  return none;
}

// The callback of the first call in `region` (not inside nested functions other than `region`
// itself) to one of `names`, or a null node.
typedef struct teardown_search {
  const ll_source *source;
  const char *const *names;
  TSNode found;        // the callback handed to the teardown call
  const char *matched; // the teardown's name
} teardown_search;

static bool is_teardown_call(TSNode node, void *data) {
  teardown_search *search = data;
  if (!ll_ast_is(node, ll_js.sym.call_expression)) return false;
  ll_str name = ll_ast_callee_name(search->source, ll_ast_field(node, ll_js.field.function));
  for (size_t i = 0; i < 4 && search->names[i]; i++)
    if (ll_str_eq(name, search->names[i])) {
      TSNode args = ll_ast_field(node, ll_js.field.arguments);
      search->found = ts_node_named_child_count(args) ? ts_node_named_child(args, 0) : node;
      search->matched = search->names[i];
      return true;
    }
  return false;
}

static bool call_lifecycle(const ll_source *source, const ll_scope *fn, ll_lifecycle *out) {
  if (!ll_ast_is(fn->context[0], ll_js.sym.arguments) ||
      !ll_ast_is(fn->context[1], ll_js.sym.call_expression))
    return false;
  TSNode call = fn->context[1], args = fn->context[0];
  if (!ts_node_eq(ll_ast_unparenthesized(ts_node_named_child(args, 0)), fn->node)) return false;
  ll_str name = ll_ast_callee_name(source, ll_ast_field(call, ll_js.field.function));
  for (size_t i = 0; i < sizeof call_hooks / sizeof *call_hooks; i++) {
    if (!ll_str_eq(name, call_hooks[i].setup)) continue;
    out->setup = call_hooks[i].setup;
    out->owner = "component";
    out->event = !strcmp(out->setup, "onActivated") ? "is activated" : "mounts";
    out->mounts = true;
    out->runs = LL_EFFECT_RUNS_PER_MOUNT;
    out->teardown_node = (TSNode){.id = NULL};
    out->teardown =
        call_hooks[i].teardowns[0] ? call_hooks[i].teardowns[0] : call_hooks[i].returned;
    if (call_hooks[i].effect) {
      out->teardown_node = returned_function(fn->node);
      if (!ts_node_is_null(out->teardown_node)) out->teardown = call_hooks[i].returned;
      if (!strncmp(out->setup, "use", 3)) {
        TSNode deps = ll_ast_unparenthesized(ts_node_named_child(args, 1));
        out->runs = ts_node_is_null(deps) ? LL_EFFECT_RUNS_AFTER_EVERY_RENDER
                    : ll_ast_is(deps, ll_js.sym.array) && !ts_node_named_child_count(deps)
                        ? LL_EFFECT_RUNS_PER_MOUNT
                        : LL_EFFECT_RUNS_ON_CHANGE;
      }
    }
    if (ts_node_is_null(out->teardown_node) && call_hooks[i].teardowns[0]) {
      // `onUnmounted(...)` next to `onMounted(...)`, in the function that calls both.
      teardown_search search = {source, call_hooks[i].teardowns, {.id = NULL}, NULL};
      const ll_scope *around = fn->parent ? fn->parent->function : NULL;
      TSNode region = around ? around->node : (TSNode){.id = NULL};
      if (around && around->kind == LL_SCOPE_FUNCTION)
        region = ll_ast_field(region, ll_js.field.body);
      if (!ts_node_is_null(region) && ll_ast_find(region, is_teardown_call, &search)) {
        out->teardown_node = search.found;
        out->teardown = search.matched;
      }
    }
    return true;
  }
  return false;
}

bool ll_lifecycle_of(const ll_source *source, const ll_scope *fn, ll_lifecycle *out) {
  if (fn->kind != LL_SCOPE_FUNCTION || !fn->context) return false;
  return member_lifecycle(source, fn, out) || call_lifecycle(source, fn, out);
}
