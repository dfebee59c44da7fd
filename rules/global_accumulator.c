// global-accumulator: a long-lived collection that grows from code that runs again and again,
// and that nothing in the file ever shrinks, clears or bounds.
//
// A module-level array, Map, Set or object lives as long as the process. When a route handler,
// listener or timer adds to it on every run and nothing removes entries, the heap grows with
// every request until the process dies of "JavaScript heap out of memory". The collections fact
// (analyzer/collections.c) records what the whole file does to each long-lived collection; this
// rule reports the growths that run repeatedly in collections that are never drained.
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/collections.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "globals", "collections", NULL};

enum { OPT_IGNORE_NAMES };
static const ll_rule_option rule_options[] = {
    [OPT_IGNORE_NAMES] = {"ignoreNames",
                          "collections never reported, matched against their name as the message "
                          "gives it (e.g. \"^registry$\", \"^handlers\\\\.\")"},
    {0},
};

static const char *describe_collection(ll_ctx *ctx, const ll_collection *c) {
  const ll_binding *b = c->path.binding;
  const TSNode *instance = ll_facts_only_instance(ll_ctx_facts(ctx), c->path.this_class);
  if (instance) {
    // `this.items` of a class made once: name the class when the `new` does.
    TSNode ctor = ll_ast_field(*instance, ll_js.field.constructor);
    ll_str name = ll_ast_is(ctor, ll_js.sym.identifier) ? ll_ctx_text(ctx, ctor) : (ll_str){"", 0};
    return ll_arena_printf(ll_ctx_arena(ctx), "`%s` of the only %s%.*s%sinstance (made at line %u)",
                           ll_path_describe(&c->path, ll_ctx_arena(ctx)), name.len ? "`" : "",
                           (int)name.len, name.ptr, name.len ? "` " : "",
                           ts_node_start_point(*instance).row + 1);
  }
  // Declared at the top of a file: module-level in Node (CommonJS wraps the file in a
  // function), global in a browser script; "top-level" is right for both.
  const char *where = "top-level";
  if (!b || b->kind == LL_BIND_IMPLICIT_GLOBAL || b->kind == LL_BIND_GLOBAL_COMMENT)
    where = "global";
  else if (b->kind == LL_BIND_CLASS && c->path.text[0])
    where = "static";
  return ll_arena_printf(ll_ctx_arena(ctx), "%s `%s`", where,
                         ll_path_describe(&c->path, ll_ctx_arena(ctx)));
}

// ", keyed by `req.params.id` (new with each run)": what makes each entry new, quoted short.
static const char *describe_key(ll_ctx *ctx, const ll_growth *g, const ll_origin *origin) {
  if (ts_node_is_null(g->key)) return "";
  TSNode shown = ts_node_is_null(origin->evidence) ? g->key : origin->evidence;
  ll_str text = ll_ctx_text(ctx, shown);
  bool cut = false;
  for (uint32_t i = 0; i < text.len; i++)
    if (text.ptr[i] == '\n' || text.ptr[i] == '\r') {
      text.len = i;
      cut = true;
    }
  if (text.len > 40) {
    text.len = 40;
    cut = true;
  }
  uint32_t line = ts_node_start_point(shown).row + 1;
  bool elsewhere = line != ts_node_start_point(g->key).row + 1;
  const char *keys = origin->keys_of ? "the property names of " : "";
  if (origin->kind == LL_ORIGIN_UNKNOWN)
    return ll_arena_printf(ll_ctx_arena(ctx),
                           ", keyed by %s`%.*s%s`%s%s, whose values this file does not show", keys,
                           (int)text.len, text.ptr, cut ? "..." : "", elsewhere ? " at line " : "",
                           elsewhere ? ll_arena_printf(ll_ctx_arena(ctx), "%u", line) : "");
  return ll_arena_printf(ll_ctx_arena(ctx),
                         ", keyed by %s`%.*s%s`%s%s (one entry per distinct value)", keys,
                         (int)text.len, text.ptr, cut ? "..." : "", elsewhere ? " from line " : "",
                         elsewhere ? ll_arena_printf(ll_ctx_arena(ctx), "%u", line) : "");
}

static void file_end(ll_ctx *ctx, void *state) {
  (void)state;
  const ll_collections *collections = ll_ctx_collections(ctx);
  const ll_facts *facts = ll_ctx_facts(ctx);
  for (const ll_growth *g = ll_collections_growths(collections); g; g = g->next) {
    const ll_collection *c = g->target;
    ll_origin origin;
    if (!ll_growth_accumulates(facts, collections, g, &origin)) continue;
    // A table the project means to keep for good (a registry filled by plugins).
    const char *name = ll_path_describe(&c->path, ll_ctx_arena(ctx));
    if (ll_ctx_option_matches(ctx, OPT_IGNORE_NAMES, (ll_str){name, (uint32_t)strlen(name)}))
      continue;
    // Where the keys come from is unseen, the finding is less sure.
    ll_ctx_report_repeated(
        ctx, g->site, &g->why, origin.kind == LL_ORIGIN_UNKNOWN ? LL_REPORT_MEDIUM : 0,
        "%s grows here %s%s, and nothing in this file removes, clears or bounds its entries",
        describe_collection(ctx, c), ll_facts_describe_repeat(facts, ll_ctx_arena(ctx), &g->why),
        describe_key(ctx, g, &origin));
    const ll_binding *b = c->path.binding;
    if (b && !ts_node_is_null(b->decl))
      ll_ctx_trace(ctx, b->decl, "`%.*s` is declared here and lives as long as the process",
                   (int)b->name.len, b->name.ptr);
    if (!ts_node_is_null(origin.evidence) && origin.kind == LL_ORIGIN_PER_RUN)
      ll_ctx_trace(ctx, origin.evidence, "its key comes from here, new with each run");
  }
}

const ll_rule ll_rule_global_accumulator = {
    .id = "global-accumulator",
    .name = "GlobalAccumulator",
    .short_description =
        "Long-lived collection grows in code that runs repeatedly and is never drained",
    .full_description =
        "A module-level or global array, Map, Set or object lives as long as the process. When\n"
        "a request handler, listener, timer or exported function adds to it on every run and\n"
        "nothing ever removes entries, memory grows with every call until the process crashes\n"
        "with \"JavaScript heap out of memory\".\n\n"
        "Bad:\n\n"
        "```js\n"
        "const sessions = new Map();\n"
        "app.post('/login', (req, res) => {\n"
        "  sessions.set(req.body.user, { at: Date.now() }); // never deleted\n"
        "});\n"
        "```\n\n"
        "Good: delete entries when they are done (`sessions.delete(user)` on logout or expiry),\n"
        "bound the collection (`if (list.length > MAX) list.shift()`), or use an LRU cache or a\n"
        "`WeakMap` keyed by the object whose lifetime the entry shares.\n",
    .help_uri = LL_RULE_PAGES_URL "global-accumulator.md",
    .fix =
        "delete entries when they are done, bound the collection, or use an LRU cache or a WeakMap",
    .category = LL_CATEGORY_GLOBALS,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .options = rule_options,
    .file_end = file_end,
};