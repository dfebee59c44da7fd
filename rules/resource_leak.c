// resource-leak: a pool, client, server, agent, browser, worker, socket or file opened by code
// that runs repeatedly and never closed, or a connection checked out of a pool and not given
// back on every way out.
//
// What a resource is, where its value goes and what releases it is the resource fact's
// (resources.h); whether a release runs on every way through a function is the flow fact's
// (flow.h). The rule only decides which of those a developer must hear about: an opened
// resource matters when the code opening it runs again and again (one pool at start-up is the
// right design); a checked-out one whenever it is not given back, on any way.
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/collections.h"
#include "analyzer/flow.h"
#include "analyzer/resources.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "resources", NULL};
static const char *const node_types[] = {"call_expression", "new_expression", NULL};

enum { MAX_CARRIERS = 16 };

// The function nested directly in `home` that holds `fn` (`fn` itself when it is), or NULL when
// `fn` is not inside `home`.
static const ll_scope *nested_in(const ll_scope *home, const ll_scope *fn) {
  while (fn && fn->parent && fn->parent->function != home)
    fn = fn->parent->function;
  return fn && fn->parent && fn->kind == LL_SCOPE_FUNCTION ? fn : NULL;
}

// The releases as the function `home` (where the resource is held) sees them: a release made
// in `home` itself, or the call in `home` that hands a callback holding releases to other code
// (`client.query(sql, (err) => { ...; client.release(); })`, `.finally(() => c.release())`),
// or the calls of a local cleanup function (`const done = () => c.release(); ... done();`),
// made in `home` or in such callbacks. False when a release sits somewhere `home` does not
// reach (another method, a timer set up elsewhere, a closure it returns or stores): whoever
// runs that code decides, not this function's paths.
static bool carriers_in(const ll_ctx *ctx, const ll_scope *home, const ll_resource_use *use,
                        TSNode *carriers, uint32_t *n) {
  const ll_scope_model *model = ll_ctx_scopes(ctx);
  *n = 0;
  for (uint32_t i = 0; i < use->n_releases; i++) {
    TSNode r = use->releases[i];
    const ll_scope *fn = ll_scope_at(model, ts_node_start_byte(r))->function;
    if (fn == home) {
      if (*n < MAX_CARRIERS) carriers[(*n)++] = r;
      continue;
    }
    fn = nested_in(home, fn);
    if (!fn) return false;
    if (ll_ast_is(fn->context[0], ll_js.sym.arguments)) {
      if (*n < MAX_CARRIERS) carriers[(*n)++] = fn->context[1];
      continue;
    }
    const ll_binding *cleanup = ll_facts_function_binding(ll_ctx_facts(ctx), fn);
    if (!cleanup || cleanup->scope->function != home) return false;
    for (const ll_ref *ref = cleanup->refs; ref; ref = ref->next_of_binding) {
      if (!(ref->flags & LL_REF_CALLEE)) {
        if (ref->flags & LL_REF_WRITE) continue;
        return false; // handed on: called who knows when
      }
      if (ref->from->function == home) {
        if (*n < MAX_CARRIERS) carriers[(*n)++] = ref->parent;
        continue;
      }
      // Called from a callback `home` hands to a call, that call carries it; called from a
      // closure `home` returns or stores (a transaction handle's `commit()`), its caller does.
      const ll_scope *caller = nested_in(home, ref->from->function);
      if (!caller || caller == fn || !ll_ast_is(caller->context[0], ll_js.sym.arguments))
        return false;
      if (*n < MAX_CARRIERS) carriers[(*n)++] = caller->context[1];
    }
  }
  return *n != 0;
}

// The first parameter of the function scope `fn`: an error-first callback's error.
static const ll_binding *first_parameter(const ll_scope *fn) {
  for (const ll_binding *b = fn->bindings; b; b = b->next)
    if (b->kind == LL_BIND_PARAM) return b;
  return NULL;
}

// The `.then(f)` call that `fn` is the first callback of, or a null node.
static TSNode then_of(const ll_ctx *ctx, const ll_scope *fn) {
  TSNode call = fn->context[1];
  if (!ll_ast_is(fn->context[0], ll_js.sym.arguments) ||
      !ts_node_eq(ts_node_named_child(fn->context[0], 0), fn->node) ||
      !ll_ast_is(call, ll_js.sym.call_expression) ||
      !ll_str_eq(ll_ast_callee_name(ll_ctx_source(ctx), ll_ast_field(call, ll_js.field.function)),
                 "then"))
    return (TSNode){.id = NULL};
  return call;
}

// True when a call of the promise chain around `then` (`.catch(f)`, `.finally(f)`, a second
// callback of a `.then`) holds one of the releases.
static bool chain_releases(const ll_ctx *ctx, TSNode then, const ll_resource_use *use) {
  const ll_source *source = ll_ctx_source(ctx);
  TSNode call = then;
  for (int depth = 0; depth < 16; depth++) {
    TSNode callee = ll_ast_field(call, ll_js.field.function);
    ll_str method = ll_ast_callee_name(source, callee);
    TSNode args = ll_ast_field(call, ll_js.field.arguments);
    bool handles = ll_str_eq(method, "catch") || ll_str_eq(method, "finally") ||
                   (ll_str_eq(method, "then") && ts_node_named_child_count(args) >= 2);
    for (uint32_t i = 0; handles && i < use->n_releases; i++)
      if (ts_node_start_byte(args) <= ts_node_start_byte(use->releases[i]) &&
          ts_node_end_byte(use->releases[i]) <= ts_node_end_byte(args))
        return true;
    TSNode node = call, parent = ll_ast_parent(&node);
    if (!ll_ast_is(parent, ll_js.sym.member_expression)) break;
    call = ll_ast_parent_of(parent);
    if (!ll_ast_is(call, ll_js.sym.call_expression)) break;
  }
  return false;
}

// A resource released only in `.then` callbacks, with no `.catch` or `.finally` of the chain
// releasing it: when the promise rejects, no release runs. `*skip` gets the promise's call.
static bool released_on_fulfilment_only(const ll_ctx *ctx, const ll_resource_use *use,
                                        ll_skip *skip, TSNode *release) {
  const ll_scope_model *model = ll_ctx_scopes(ctx);
  TSNode then = {.id = NULL};
  for (uint32_t i = 0; i < use->n_releases; i++) {
    const ll_scope *fn = ll_scope_at(model, ts_node_start_byte(use->releases[i]))->function;
    TSNode t = fn->kind == LL_SCOPE_FUNCTION ? then_of(ctx, fn) : (TSNode){.id = NULL};
    if (ts_node_is_null(t) || chain_releases(ctx, t, use)) return false;
    if (ts_node_is_null(then)) then = t, *release = use->releases[i];
  }
  TSNode promise = ll_ast_field(ll_ast_field(then, ll_js.field.function), ll_js.field.object);
  *skip = (ll_skip){LL_SKIP_THROW, ts_node_is_null(promise) ? then : promise};
  return !ts_node_is_null(then);
}

// True when `at` (a throw point) is the resource's own connecting call, `await client.connect()`:
// if it fails, there is no connection to close.
static bool opens(const ll_ctx *ctx, TSNode at, const ll_resource_use *use) {
  if (ll_ast_is(at, ll_js.sym.await_expression))
    at = ll_ast_unparenthesized(ts_node_named_child(at, 0));
  if (!use->holder || !ll_ast_is(at, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_field(at, ll_js.field.function);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  TSNode object = ll_ast_field(callee, ll_js.field.object);
  const ll_ref *ref =
      ll_ast_is(object, ll_js.sym.identifier) ? ll_facts_ref_at(ll_ctx_facts(ctx), object) : NULL;
  ll_str method = ll_ast_callee_name(ll_ctx_source(ctx), callee);
  return ref && ref->target == use->holder &&
         (ll_str_eq(method, "connect") || ll_str_eq(method, "$connect") ||
          ll_str_eq(method, "open"));
}

// True when `fn` is neither async nor a promise's callback: a `throw` in it is uncaught.
static bool plain_callback(const ll_ctx *ctx, const ll_scope *fn) {
  if (fn->kind != LL_SCOPE_FUNCTION || !ts_node_child_count(fn->node)) return false;
  if (ll_str_eq(ll_ctx_text(ctx, ts_node_child(fn->node, 0)), "async")) return false;
  TSNode call = fn->context[1];
  if (!ll_ast_is(fn->context[0], ll_js.sym.arguments) ||
      !ll_ast_is(call, ll_js.sym.call_expression))
    return false;
  ll_str method = ll_ast_callee_name(ll_ctx_source(ctx), ll_ast_field(call, ll_js.field.function));
  return !ll_str_eq(method, "then") && !ll_str_eq(method, "catch") && !ll_str_eq(method, "finally");
}

// The first way out that skips every release: first through `home` to the releases (or to the
// calls that carry them), then, inside each callback that holds releases, from its start
// (`if (err) return res.sendStatus(500);` before `conn.release()`), then a promise chain that
// releases on fulfilment only. `*release` gets the release that way skips.
static bool skipped(const ll_ctx *ctx, TSNode call, const ll_scope *home, const ll_resource *r,
                    const ll_resource_use *use, ll_skip *skip, TSNode *release) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  TSNode carriers[MAX_CARRIERS];
  uint32_t n;
  if (!carriers_in(ctx, home, use, carriers, &n)) return false;
  *release = carriers[0];
  bool entry =
      use->holder && use->holder->kind == LL_BIND_PARAM && use->holder->scope->function == home;
  const ll_binding *error = entry && r->callback_param > 0 ? first_parameter(home) : NULL;
  if (entry ? ll_flow_release_skipped_from_entry(facts, home->node, error,
                                                 plain_callback(ctx, home), carriers, n, skip)
            : ll_flow_release_skipped(facts, call, carriers, n, skip)) {
    // `await client.connect()` failing leaves no connection to close: the ways that matter
    // start after it.
    for (int again = 0; again < 4 && skip->kind == LL_SKIP_THROW && opens(ctx, skip->at, use);
         again++)
      if (!ll_flow_release_skipped(facts, skip->at, carriers, n, skip)) goto inside;
    return true;
  }
inside:;
  // Inside the one callback that releases (`(e, rows) => { if (e) return; conn.release(); }`);
  // releases spread over several callbacks (a timeout's and a reply's) cover each other's ways.
  const ll_scope_model *model = ll_ctx_scopes(ctx);
  const ll_scope *holding = NULL;
  for (uint32_t i = 0; i < use->n_releases; i++) {
    const ll_scope *fn = ll_scope_at(model, ts_node_start_byte(use->releases[i]))->function;
    if (holding && fn != holding) return released_on_fulfilment_only(ctx, use, skip, release);
    holding = fn;
  }
  for (uint32_t i = 0; i < use->n_releases; i++) {
    const ll_scope *fn = ll_scope_at(model, ts_node_start_byte(use->releases[i]))->function;
    if (fn == home || fn->kind != LL_SCOPE_FUNCTION) continue;
    TSNode mine[LL_RESOURCE_MAX_RELEASES];
    uint32_t k = 0;
    for (uint32_t j = 0; j < use->n_releases; j++)
      if (ll_scope_at(model, ts_node_start_byte(use->releases[j]))->function == fn)
        mine[k++] = use->releases[j];
    if (ll_flow_release_skipped_from_entry(facts, fn->node, NULL, plain_callback(ctx, fn), mine, k,
                                           skip)) {
      *release = mine[0];
      return true;
    }
  }
  return released_on_fulfilment_only(ctx, use, skip, release);
}

// Reports the acquisition `call` of `r` if `use` leaves it open on some way out. `kept`, when not
// NULL, is the growth of a collection that keeps it for good (`clients.push(client)` into a list
// nothing removes from), with `key_origin` the origin of its key.
static void judge(ll_ctx *ctx, TSNode call, const ll_resource *r, const ll_resource_use *use,
                  const ll_repeat *why, const ll_growth *kept, const ll_origin *key_origin) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  // Servers are made by start-up functions: only a repetition the code shows counts.
  unsigned flags = r->made_at_startup ? LL_REPORT_SURE_ONLY : 0;
  if (kept && key_origin->kind == LL_ORIGIN_UNKNOWN) flags |= LL_REPORT_MEDIUM;
  ll_arena *arena = ll_ctx_arena(ctx);
  const char *runs = ll_facts_describe_repeat(facts, arena, why);
  const char *unit = ll_facts_repeat_unit(facts, why);
  bool out = r->kind == LL_RESOURCE_CHECKED_OUT;
  // "created by connect()": the call names the function of the file that opens it.
  const char *made = r->words->made;
  if (r->from_factory) {
    ll_str factory = ll_ctx_text(ctx, ll_ast_field(call, ll_js.field.function));
    made = ll_arena_printf(arena, "%s by %.*s()", made, (int)factory.len, factory.ptr);
  }
  if (use->n_releases == 0 && kept) {
    const char *collection = ll_path_describe(&kept->target->path, arena);
    // Keyed (`pools.set(req.params.tenant, pool)`), it is one more per new key, not per run.
    ll_str key = ts_node_is_null(kept->key) ? (ll_str){"", 0} : ll_ctx_text(ctx, kept->key);
    if (key.len && key.len <= 40 && !memchr(key.ptr, '\n', key.len))
      unit = ll_arena_printf(arena, "new value of `%.*s`", (int)key.len, key.ptr);
    ll_ctx_report_repeated(
        ctx, call, why, flags,
        "%s is %s %s and kept in `%s`, which nothing in this file removes it from, and never %s: "
        "each %s %s; call %s and remove it from `%s` when it is done%s",
        r->what, made, runs, collection, r->words->done, unit, r->keeps, r->release, collection,
        out ? "" : ", or create it once at start-up and share it");
    ll_ctx_trace(ctx, kept->site, "kept in `%s` here, for good", collection);
    return;
  }
  if (use->n_releases == 0) {
    const char *holder =
        use->holder
            ? ll_arena_printf(arena, "`%.*s` is never passed to %s", (int)use->holder->name.len,
                              use->holder->name.ptr, r->release)
            : ll_arena_printf(arena, "it is not even kept, so nothing can %s it", r->words->verb);
    if (out)
      ll_ctx_report_repeated(ctx, call, why, flags,
                             "%s is taken %s and never given back (%s): each %s %s; call %s in a "
                             "finally block",
                             r->what, runs, holder, unit, r->keeps, r->release);
    else
      ll_ctx_report_repeated(ctx, call, why, flags,
                             "%s is %s %s and never %s (%s): each %s %s; create it once at "
                             "start-up and share it, or call %s on every way out",
                             r->what, made, runs, r->words->done, holder, unit, r->keeps,
                             r->release);
    return;
  }
  const ll_scope *home = use->holder
                             ? use->holder->scope->function
                             : ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(call))->function;
  ll_skip skip;
  TSNode release;
  if (!skipped(ctx, call, home, r, use, &skip, &release)) return;
  const ll_source *source = ll_ctx_source(ctx);
  ll_skip_words words = ll_flow_describe(&skip, source, arena, r->words->verb, r->words->verbs);
  unsigned line = ll_source_position(source, ts_node_start_byte(release)).line;
  ll_ctx_report_repeated(ctx, call, why, flags,
                         "%s is %s %s; it is %s at line %u, %s, so each %s %s %s", r->what, made,
                         runs, r->words->done, line, words.way, unit, words.runs, r->keeps);
  ll_ctx_trace(ctx, release, "%s here", r->words->done);
  ll_ctx_trace(ctx, skip.at, "%s", words.note);
}

// An acquisition that its run stores in a long-lived collection: whether the collection lets it
// go is known once the file's collections fact is complete (file_end).
typedef struct kept_in_collection {
  TSNode call;
  ll_resource resource;
  ll_resource_use use;
  ll_repeat why;
  struct kept_in_collection *next;
} kept_in_collection;

typedef struct rule_state {
  kept_in_collection *kept; // newest first
} rule_state;

static void on_acquire(ll_ctx *ctx, TSNode call, void *state) {
  rule_state *st = state;
  const ll_facts *facts = ll_ctx_facts(ctx);
  ll_resource r;
  if (!ll_resource_of_call(facts, call, &r)) return;
  ll_repeat why;
  // A reconnect makes a new connection when the last one has closed or failed: it replaces it.
  if (ll_ctx_frequency_at(ctx, call, &why) != LL_FREQ_REPEATED || why.reason == LL_REPEAT_RERUN)
    return;
  ll_resource_use use;
  ll_facts_resource_use(facts, call, &r, &use);
  if (use.fate == LL_RESOURCE_ESCAPES || use.ended) return;
  // A command never killed is taken to exit by itself when its work is done.
  if (r.ends_itself && use.n_releases == 0) return;
  // A server that closes itself from its own handler (`server.close()` after the one request
  // it waits for) ends when its clients say so: no path of this function decides.
  bool handed_in = use.holder && use.holder->kind == LL_BIND_PARAM; // `(err, conn) => ...`
  for (uint32_t i = 0; i < use.n_releases && !handed_in; i++)
    if (ts_node_start_byte(call) <= ts_node_start_byte(use.releases[i]) &&
        ts_node_end_byte(use.releases[i]) <= ts_node_end_byte(call))
      return;
  if (ts_node_is_null(use.collected)) {
    judge(ctx, call, &r, &use, &why, NULL, NULL);
    return;
  }
  kept_in_collection *kept = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *kept);
  *kept = (kept_in_collection){call, r, use, why, st->kept};
  st->kept = kept;
}

// Resources stored in a collection: one that removals drain ends each resource's run where it
// is removed (the socket deleted from `sockets` when it closes), so that code is the one to
// close it; one that nothing removes from, clears or hands out keeps each run's resource for good.
static void file_end(ll_ctx *ctx, void *state) {
  const rule_state *st = state;
  const ll_collections *collections = ll_ctx_collections(ctx);
  for (const kept_in_collection *kept = st->kept; kept; kept = kept->next) {
    const ll_growth *growth = ll_collections_growth_at(collections, kept->use.collected);
    ll_origin origin;
    if (growth && ll_growth_accumulates(ll_ctx_facts(ctx), collections, growth, &origin))
      judge(ctx, kept->call, &kept->resource, &kept->use, &kept->why, growth, &origin);
  }
}

const ll_rule ll_rule_resource_leak = {
    .id = "resource-leak",
    .name = "ResourceLeak",
    .short_description =
        "Pool, client, server, browser or connection opened per run and not closed on every path",
    .full_description =
        "A connection pool, database or Redis client, server, keep-alive agent, headless\n"
        "browser, worker, socket or file handle keeps sockets, buffers and callbacks alive until\n"
        "it is closed, whatever happens to the JavaScript object that holds it. Opened by code\n"
        "that runs again and again (a route handler, a per-message callback, a serverless\n"
        "handler) and never closed, each run leaves one more open; a connection checked out of a\n"
        "pool and given back on the success path only leaks one pool slot per failed call, until\n"
        "the pool is exhausted and every request hangs.\n\n"
        "Bad:\n\n"
        "```js\n"
        "app.get('/users', async (req, res) => {\n"
        "  const pool = new Pool(config); // one more pool per request, never ended\n"
        "  const { rows } = await pool.query('SELECT * FROM users');\n"
        "  res.json(rows);\n"
        "});\n"
        "```\n\n"
        "Good: create the pool once at start-up, and give checked-out clients back in `finally`:\n"
        "\n"
        "```js\n"
        "const pool = new Pool(config);\n"
        "app.post('/orders', async (req, res) => {\n"
        "  const client = await pool.connect();\n"
        "  try {\n"
        "    await client.query('INSERT INTO orders ...', [req.body.id]);\n"
        "    res.sendStatus(201);\n"
        "  } finally {\n"
        "    client.release();\n"
        "  }\n"
        "});\n"
        "```\n",
    .help_uri = LL_RULE_PAGES_URL "resource-leak.md",
    .fix = "create it once at start-up and share it, or close it in a finally block",
    .category = LL_CATEGORY_RESOURCES,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(rule_state),
    .enter = on_acquire,
    .file_end = file_end,
};
