// The built-in vocabulary and the configured patterns that extend it, in one place: a name the
// rules must agree on (what adds a listener, what removes one) is spelled here once.
#include "analyzer/vocab.h"

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/grammar.h"

const char *const ll_vocab_keys[LL_VOCAB_COUNT] = {
    [LL_VOCAB_ROUTE_METHODS] = "routeMethods",
    [LL_VOCAB_LISTENER_ADD] = "listenerAddMethods",
    [LL_VOCAB_LISTENER_REMOVE] = "listenerRemoveMethods",
    [LL_VOCAB_BOUNDED_CACHES] = "boundedCaches",
    [LL_VOCAB_GLOBALS] = "globals",
    [LL_VOCAB_RUNS_ONCE] = "runsOnce",
    [LL_VOCAB_RESOURCE_ACQUIRE] = "resourceAcquireCalls",
    [LL_VOCAB_RESOURCE_RELEASE] = "resourceReleaseMethods",
};

typedef struct listener_method {
  const char *name;
  ll_listener_kind kind;
} listener_method;

static const listener_method listener_methods[] = {
    {"on", LL_LISTENER_ADD},
    {"addListener", LL_LISTENER_ADD},
    {"prependListener", LL_LISTENER_ADD},
    {"addEventListener", LL_LISTENER_ADD},
    {"once", LL_LISTENER_ADD_ONCE},
    {"prependOnceListener", LL_LISTENER_ADD_ONCE},
    {"off", LL_LISTENER_REMOVE},
    {"removeListener", LL_LISTENER_REMOVE},
    {"removeEventListener", LL_LISTENER_REMOVE},
    {"removeAllListeners", LL_LISTENER_REMOVE_ALL},
    // Vue 2 instance events (`bus.$on(...)` on an event bus)
    {"$on", LL_LISTENER_ADD},
    {"$once", LL_LISTENER_ADD_ONCE},
    {"$off", LL_LISTENER_REMOVE},
};

// Collections that evict or are collected on their own.
static const char *const bounded_caches[] = {
    "WeakMap", "WeakSet",  "WeakRef",  "FinalizationRegistry",
    "LRU",     "LRUCache", "QuickLRU", "LruCache"};

static ll_str text_of(const ll_source *source, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

enum { CALLEE_MAX = 256 };

// `node`'s text without white space (`bus\n  .subscribe` is `bus.subscribe`), into `buffer`
// when it has any; a longer callee than the buffer holds is matched as written.
static ll_str callee_text(const ll_source *source, TSNode node, char buffer[CALLEE_MAX]) {
  ll_str text = text_of(source, node);
  if (text.len >= CALLEE_MAX) return text;
  uint32_t n = 0;
  for (uint32_t i = 0; i < text.len; i++)
    if (!strchr(" \t\r\n", text.ptr[i])) buffer[n++] = text.ptr[i];
  return n == text.len ? text : (ll_str){buffer, n};
}

static bool configured(const ll_vocab *vocab, ll_vocab_key key, const ll_source *source,
                       TSNode node) {
  const ll_pattern_list *list = &vocab->lists[key];
  if (!list->n || ts_node_is_null(node)) return false;
  char buffer[CALLEE_MAX];
  return ll_pattern_list_match(list, callee_text(source, node, buffer), source->path);
}

// The built-in listener method named `method` (the property only).
static ll_listener_kind builtin_listener_method(ll_str method) {
  for (size_t i = 0; i < sizeof listener_methods / sizeof *listener_methods; i++)
    if (ll_str_eq(method, listener_methods[i].name)) return listener_methods[i].kind;
  return LL_LISTENER_NONE;
}

bool ll_vocab_listener_call(const ll_vocab *vocab, const ll_source *source, TSNode call,
                            ll_listener_call *out) {
  memset(out, 0, sizeof *out);
  TSNode callee = ll_ast_field(call, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_listener_kind kind =
      builtin_listener_method(text_of(source, ll_ast_field(callee, ll_js.field.property)));
  if (kind == LL_LISTENER_NONE) {
    if (configured(vocab, LL_VOCAB_LISTENER_ADD, source, callee))
      kind = LL_LISTENER_ADD;
    else if (configured(vocab, LL_VOCAB_LISTENER_REMOVE, source, callee))
      kind = LL_LISTENER_REMOVE;
    else
      return false;
    out->configured = true;
  }
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  out->kind = kind;
  out->emitter = ll_ast_field(callee, ll_js.field.object);
  if (out->configured && ts_node_named_child_count(args) == 1) {
    out->listener = ts_node_named_child(args, 0);
    return true;
  }
  out->event = ts_node_named_child(args, 0);
  out->listener = ts_node_named_child(args, 1);
  out->options = ts_node_named_child(args, 2);
  return true;
}

bool ll_vocab_is_route(const ll_vocab *vocab, const ll_source *source, TSNode callee) {
  return configured(vocab, LL_VOCAB_ROUTE_METHODS, source, callee);
}

// Command-line frameworks run one command per process: commander's and cac's
// `.command('serve').action(fn)` (a single function argument: Telegraf's `bot.action(trigger,
// fn)` runs per message and has two), and yargs' `.command(name, description, builder,
// handler)` or `.command({ command, handler })`.
static bool is_cli_command(const ll_source *source, TSNode callee) {
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_str method = text_of(source, ll_ast_field(callee, ll_js.field.property));
  bool action = ll_str_eq(method, "action");
  if (!action && !ll_str_eq(method, "command")) return false;
  // The arguments only then: ts_node_parent walks down from the root.
  TSNode args = ll_ast_field(ll_ast_parent_of(callee), ll_js.field.arguments);
  uint32_t n = ll_ast_is(args, ll_js.sym.arguments) ? ts_node_named_child_count(args) : 0;
  if (action) return n == 1;
  return n >= 3 || (n == 1 && ll_ast_is(ts_node_named_child(args, 0), ll_js.sym.object));
}

// A test framework's test or hook: `test('name', fn)`, `it.only('name', fn)`, `t.test('name',
// fn)`, `describe(...)`, `beforeAll(fn)`, `afterEach(fn)`. A test file runs each once, in a
// process that ends with the run: what a test opens and keeps is no production leak.
static bool is_test_call(const ll_source *source, TSNode callee) {
  static const char *const tests[] = {"test", "it", "describe", "suite", "context", NULL};
  static const char *const hooks[] = {"before",     "after",     "beforeAll", "afterAll",
                                      "beforeEach", "afterEach", NULL};
  TSNode name = callee;
  if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    TSNode object = ll_ast_field(callee, ll_js.field.object);
    ll_str property = text_of(source, ll_ast_field(callee, ll_js.field.property));
    // `it.only`, `describe.skip`, `test.concurrent`: the test function's own modifiers; `t.test`:
    // a subtest of node:test or tap.
    name = ll_ast_is(object, ll_js.sym.identifier) && !ll_str_eq(property, "test")
               ? object
               : ll_ast_field(callee, ll_js.field.property);
  } else if (!ll_ast_is(callee, ll_js.sym.identifier)) {
    return false;
  }
  ll_str text = text_of(source, name);
  if (!ll_str_in(text, tests) && !ll_str_in(text, hooks)) return false;
  // The arguments only then: ts_node_parent walks down from the root.
  TSNode args = ll_ast_field(ll_ast_parent_of(callee), ll_js.field.arguments);
  TSNode first =
      ll_ast_is(args, ll_js.sym.arguments) ? ts_node_named_child(args, 0) : (TSNode){.id = NULL};
  for (const char *const *t = tests; *t; t++)
    if (ll_str_eq(text, *t))
      return ll_ast_is(first, ll_js.sym.string) || ll_ast_is(first, ll_js.sym.template_string);
  for (const char *const *h = hooks; *h; h++)
    if (ll_str_eq(text, *h))
      return ll_ast_is(callee, ll_js.sym.identifier) && !ts_node_is_null(first) &&
             ll_ast_is_function(first);
  return false;
}

bool ll_vocab_runs_once(const ll_vocab *vocab, const ll_source *source, TSNode callee) {
  return is_cli_command(source, callee) || is_test_call(source, callee) ||
         configured(vocab, LL_VOCAB_RUNS_ONCE, source, callee);
}

bool ll_vocab_name_runs_once(const ll_vocab *vocab, const ll_source *source, ll_str name) {
  const ll_pattern_list *list = &vocab->lists[LL_VOCAB_RUNS_ONCE];
  return list->n && ll_pattern_list_match(list, name, source->path);
}

// Words that start the names of start-up functions: `start`, `startServer`, `initConfig`,
// `setup_routes`, `bootstrap`, `main`, `listen`.
static const char *const startup_words[] = {"start",  "startup",   "init",      "initialize",
                                            "setup",  "bootstrap", "boot",      "main",
                                            "launch", "listen",    "configure", "install"};

bool ll_vocab_is_startup_name(ll_str name) {
  for (size_t i = 0; i < sizeof startup_words / sizeof *startup_words; i++) {
    size_t len = strlen(startup_words[i]);
    if (name.len < len) continue;
    bool match = true;
    for (size_t k = 0; k < len && match; k++) {
      char c = name.ptr[k];
      if (k == 0 && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
      match = c == startup_words[i][k];
    }
    if (!match) continue;
    // The word ends there: `startServer`, `init_master`, `start2`, not `started` or `mainly`.
    char next = name.len > len ? name.ptr[len] : '\0';
    if (next == '\0' || (next >= 'A' && next <= 'Z') || next == '_' || (next >= '0' && next <= '9'))
      return true;
  }
  return false;
}

bool ll_vocab_is_startup_hook_name(ll_str name) {
  static const char *const prefixes[] = {"hook_", "hook", "on_", "on"};
  size_t skip = 0;
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes && !skip; i++) {
    size_t len = strlen(prefixes[i]);
    if (name.len > len && !memcmp(name.ptr, prefixes[i], len) &&
        (prefixes[i][len - 1] == '_' || (name.ptr[len] >= 'A' && name.ptr[len] <= 'Z')))
      skip = len;
  }
  if (!skip) return false;
  // Each word after the prefix: `Module`, `Init` of `onModuleInit`; `init`, `master` of
  // `hook_init_master`.
  for (size_t at = skip; at < name.len; at++) {
    bool word_start =
        at == skip || name.ptr[at - 1] == '_' || (name.ptr[at] >= 'A' && name.ptr[at] <= 'Z');
    if (word_start && name.ptr[at] != '_' &&
        ll_vocab_is_startup_name((ll_str){name.ptr + at, name.len - at}))
      return true;
  }
  return false;
}

bool ll_vocab_is_bounded_cache(const ll_vocab *vocab, const ll_source *source, TSNode ctor) {
  ll_str name = text_of(source, ctor);
  for (size_t i = 0; i < sizeof bounded_caches / sizeof *bounded_caches; i++)
    if (ll_str_eq(name, bounded_caches[i])) return true;
  return configured(vocab, LL_VOCAB_BOUNDED_CACHES, source, ctor);
}

bool ll_vocab_is_global(const ll_vocab *vocab, const ll_source *source, ll_str name) {
  const ll_pattern_list *list = &vocab->lists[LL_VOCAB_GLOBALS];
  return list->n && ll_pattern_list_match(list, name, source->path);
}

bool ll_vocab_is_resource_acquire(const ll_vocab *vocab, const ll_source *source, TSNode callee) {
  return configured(vocab, LL_VOCAB_RESOURCE_ACQUIRE, source, callee);
}

bool ll_vocab_is_resource_release(const ll_vocab *vocab, const ll_source *source, ll_str method) {
  const ll_pattern_list *list = &vocab->lists[LL_VOCAB_RESOURCE_RELEASE];
  return list->n && ll_pattern_list_match(list, method, source->path);
}

void ll_vocab_fini(ll_vocab *vocab) {
  for (int k = 0; k < LL_VOCAB_COUNT; k++)
    ll_pattern_list_fini(&vocab->lists[k]);
}
