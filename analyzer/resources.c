// See resources.h. An acquisition is recognised by the module its callee comes from (an import,
// a require, a member of either); where the resource goes is read from its place in the tree
// and from the scope model's uses of the local that holds it.
#include "analyzer/resources.h"

#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/modules.h"

// The module a require or import (`require('pg')`, `require('pg').Pool`, `await import('pg')`,
// `__importDefault(require('ioredis'))`) loads, or an empty slice.
static ll_str required_module(const ll_source *source, TSNode value) {
  value = ll_ast_unparenthesized(value);
  while (ll_ast_is(value, ll_js.sym.member_expression))
    value = ll_ast_unparenthesized(ll_ast_field(value, ll_js.field.object));
  ll_str module;
  return ll_module_required(source, value, &module) ? module : (ll_str){"", 0};
}

// What the identifier `id` holds of a module: `*module` gets the module ('pg'), `*export` the
// export it names ("Pool" for `import { Pool } from 'pg'`, `const { Pool } = require('pg')`,
// `const Pool = require('pg').Pool`; "default" for the module itself: `const pg =
// require('pg')`, `import Redis from 'ioredis'`), one renaming further for `const { Pool } = pg`.
// False for anything else (a local class, a host global).
static bool imported_binding(const ll_facts *facts, const ll_binding *b, ll_str *module,
                             ll_str *export, int depth);

// What `imported` found for a binding, remembered: every call of a name asks about its binding.
enum { IMPORT_MEMO_SIZE = 512 };
typedef struct import_memo {
  ll_memo_key head; // the binding
  bool imported;
  ll_str module, export;
} import_memo;
static _Thread_local import_memo import_memos[IMPORT_MEMO_SIZE];

static bool imported(const ll_facts *facts, TSNode id, ll_str *module, ll_str *export, int depth) {
  const ll_ref *ref = ll_facts_ref_at(facts, id);
  const ll_binding *b = ref ? ref->target : NULL;
  if (!b || ts_node_is_null(b->decl) || depth > 2) return false;
  // Remembered from the call sites only: an answer cut short by the renaming depth is not final.
  if (depth > 0) return imported_binding(facts, b, module, export, depth);
  bool found;
  import_memo *memo =
      ll_ast_memo_entry(import_memos, sizeof *import_memos, IMPORT_MEMO_SIZE, b, &found);
  if (!found) memo->imported = imported_binding(facts, b, &memo->module, &memo->export, depth);
  *module = memo->module;
  *export = memo->export;
  return memo->imported;
}

static bool imported_binding(const ll_facts *facts, const ll_binding *b, ll_str *module,
                             ll_str *export, int depth) {
  const ll_source *source = ll_facts_source(facts);
  if (b->kind != LL_BIND_IMPORT && b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET &&
      b->kind != LL_BIND_VAR)
    return false; // a function, a class, a parameter
  // `const x = value`: only a require, an import, a member of one or another name can hold a
  // module (a pattern's names have no value of their own: read on).
  TSNode init = ll_ast_unparenthesized(b->init);
  if (ll_ast_is(init, ll_js.sym.await_expression))
    init = ll_ast_unparenthesized(ts_node_named_child(init, 0));
  while (ll_ast_is(init, ll_js.sym.member_expression))
    init = ll_ast_unparenthesized(ll_ast_field(init, ll_js.field.object));
  if (!ts_node_is_null(init) && !ll_ast_is(init, ll_js.sym.call_expression) &&
      !ll_ast_is(init, ll_js.sym.identifier))
    return false;
  TSNode up = ll_ast_parent_of(b->decl);
  if (b->kind == LL_BIND_IMPORT) {
    *export = ll_ast_is(up, ll_js.sym.import_specifier)
                  ? ll_ast_text(source, ll_ast_field(up, ll_js.field.name))
                  : (ll_str){"default", 7};
    return ll_module_imported(source, b->decl, module) && module->len != 0;
  }
  // `{ Pool }` or `{ Pool: PgPool }` in a pattern: the key is the export.
  ll_str key = {"", 0};
  if (ll_ast_is(up, ll_js.sym.pair_pattern))
    key = ll_ast_text(source, ll_ast_field(up, ll_js.field.key));
  else if (!ll_ast_is(up, ll_js.sym.variable_declarator))
    key = b->name;
  TSNode declarator = up;
  for (int k = 0; k < 4 && !ts_node_is_null(declarator) &&
                  !ll_ast_is(declarator, ll_js.sym.variable_declarator);
       k++)
    declarator = ll_ast_parent_of(declarator);
  if (!ll_ast_is(declarator, ll_js.sym.variable_declarator)) return false; // `for (const x of y)`
  TSNode value = ll_ast_unparenthesized(ll_ast_field(declarator, ll_js.field.value));
  if (ll_ast_is(value, ll_js.sym.member_expression) && !key.len) {
    key = ll_ast_text(source, ll_ast_field(value, ll_js.field.property)); // require('pg').Pool
    value = ll_ast_unparenthesized(ll_ast_field(value, ll_js.field.object));
  }
  if (ll_ast_is(value, ll_js.sym.identifier)) { // `const { Pool } = pg`
    ll_str inner;
    if (!imported(facts, value, module, &inner, depth + 1)) return false;
    *export = key.len ? key : inner;
    return ll_str_eq(inner, "default");
  }
  *module = required_module(source, value);
  *export = key.len ? key : (ll_str){"default", 7};
  return module->len != 0;
}

// A module of `modules`: the name as written, or a path below it (`mysql2/promise`).
static bool from_module(ll_str module, const char *const *modules) {
  for (; *modules; modules++) {
    size_t n = strlen(*modules);
    if (module.len >= n && !memcmp(module.ptr, *modules, n) &&
        (module.len == n || module.ptr[n] == '/'))
      return true;
  }
  return false;
}

static const char *const ending[] = {"end", "close", "destroy", "quit", "disconnect", NULL};
static const char *const prisma_ending[] = {"$disconnect", NULL};
static const char *const closing[] = {"close", "destroy", "terminate", NULL};
static const char *const server_closing[] = {"close", NULL};
const char *const *const ll_resource_server_release = server_closing;
static const char *const terminating[] = {"terminate", NULL};
static const char *const destroying[] = {"destroy", NULL};
static const char *const fd_closing[] = {"close", "closeSync", NULL};
static const char *const giving_back[] = {"release", "releaseConnection", "destroy", "done", NULL};
static const char *const page_closing[] = {"close", NULL};
static const char *const read_ending[] = {"destroy", "close", "pipe", "resume", NULL};
static const char *const write_ending[] = {"end", "destroy", "close", NULL};
static const char *const killing[] = {"kill", "disconnect", NULL};
static const char *const kafka_ending[] = {"disconnect", NULL};
static const char *const exit_events[] = {"exit", "close", NULL};
static const char *const read_events[] = {"data", "readable", "end", "close", NULL};

// What each run that does not release a resource keeps, for messages.
static const char *const keeps_open =
    "keeps one more open, with its sockets, buffers and callbacks";
static const char *const keeps_slot =
    "keeps one more of the pool's connections until none is left and every later caller waits";
static const char *const keeps_page =
    "keeps one more browser page open, with its memory and process";

static const char *const keeps_process =
    "keeps one more process running, with its memory and file descriptors";
static const char *const keeps_thread = "keeps one more thread running, with its own heap";

static const ll_resource_words closing_words = {"created", "close", "closes", "closed"};
static const ll_resource_words giving_back_words = {"taken", "release", "releases", "given back"};
static const ll_resource_words killing_words = {"started", "kill", "kills", "killed"};
static const ll_resource_words terminating_words = {"started", "terminate", "terminates",
                                                    "terminated"};

enum {
  OPENER_KEEP_ALIVE_ONLY = 1u << 0, // an agent: only with `keepAlive: true` does it keep sockets
  OPENER_JOB_WITH_DATA = 1u << 1,   // a worker: given `workerData`, a job that ends with its script
  OPENER_LENT = 1u << 2,            // ll_resource.lent
  OPENER_STARTUP = 1u << 3,         // ll_resource.made_at_startup
  OPENER_ENDS_ITSELF = 1u << 4,     // ll_resource.ends_itself
  OPENER_PROCESS = 1u << 5,         // a child process: killed, keeps a process running
  OPENER_THREAD = 1u << 6,          // a worker: terminated, keeps a thread running
};

// One known way to open a resource: `name` exported by one of `modules` (called, or made with
// `new` when `construct`), or a method of what they export when `member_of` names it.
typedef struct opener {
  const char *const *modules;
  const char *member_of; // `MongoClient.connect`: the export whose method opens; NULL: the export
  const char *name;
  bool construct;
  const char *what;
  const char *release;
  const char *const *release_methods;
  int8_t callback_param;
  const char *const *end_events;
  unsigned flags; // OPENER_*
} opener;

static const char *const pg[] = {"pg", "pg-pool", NULL};
static const char *const mysql[] = {"mysql", "mysql2", NULL};
static const char *const sequelize[] = {"sequelize", NULL};
static const char *const knex[] = {"knex", NULL};
static const char *const mongoose[] = {"mongoose", NULL};
static const char *const mongodb[] = {"mongodb", NULL};
static const char *const prisma[] = {"@prisma/client", NULL};
static const char *const redis[] = {"redis", "@redis/client", NULL};
static const char *const ioredis[] = {"ioredis", NULL};
static const char *const amqp[] = {"amqplib", NULL};
static const char *const browsers[] = {"puppeteer",       "puppeteer-core",      "playwright",
                                       "playwright-core", "playwright-chromium", NULL};
static const char *const workers[] = {"worker_threads", NULL};
static const char *const ws[] = {"ws", "isomorphic-ws", NULL};
static const char *const sockets[] = {"net", "tls", NULL};
static const char *const servers[] = {"http", "https", "http2", "net", "tls", NULL};
static const char *const agents[] = {"http", "https", NULL};
static const char *const fs_promises[] = {"fs/promises", NULL};
static const char *const fs[] = {"fs", NULL};
static const char *const child_process[] = {"child_process", NULL};

static const opener openers[] = {
    {pg, NULL, "Pool", true, "a pg Pool", "end()", ending, -1, NULL, 0},
    {pg, NULL, "Client", true, "a pg Client", "end()", ending, -1, NULL, 0},
    {mysql, NULL, "createPool", false, "a MySQL pool", "end()", ending, -1, NULL, 0},
    {mysql, NULL, "createPoolCluster", false, "a MySQL pool cluster", "end()", ending, -1, NULL, 0},
    {mysql, NULL, "createConnection", false, "a MySQL connection", "end()", ending, -1, NULL, 0},
    {sequelize, NULL, "Sequelize", true, "a Sequelize instance", "close()", ending, -1, NULL, 0},
    {knex, NULL, "knex", false, "a knex instance", "destroy()", ending, -1, NULL, 0},
    {knex, NULL, "default", false, "a knex instance", "destroy()", ending, -1, NULL, 0},
    {mongoose, NULL, "createConnection", false, "a mongoose connection", "close()", ending, -1,
     NULL, 0},
    {mongodb, NULL, "MongoClient", true, "a MongoClient", "close()", ending, -1, NULL, 0},
    {mongodb, "MongoClient", "connect", false, "a MongoClient", "close()", ending, 1, NULL, 0},
    {prisma, NULL, "PrismaClient", true, "a PrismaClient", "$disconnect()", prisma_ending, -1, NULL,
     0},
    {redis, NULL, "createClient", false, "a Redis client", "quit()", ending, -1, NULL, 0},
    {ioredis, NULL, "Redis", true, "a Redis client", "quit()", ending, -1, NULL, 0},
    {ioredis, NULL, "default", true, "a Redis client", "quit()", ending, -1, NULL, 0},
    {ioredis, NULL, "Cluster", true, "a Redis cluster client", "quit()", ending, -1, NULL, 0},
    // amqplib/callback_api: `connect(url, (err, connection) => ...)`.
    {amqp, NULL, "connect", false, "an AMQP connection", "close()", ending, 1, NULL, 0},
    {browsers, NULL, "launch", false, "a browser", "close()", ending, -1, NULL, 0},
    {workers, NULL, "Worker", true, "a worker thread", "terminate()", terminating, -1, exit_events,
     OPENER_JOB_WITH_DATA | OPENER_THREAD},
    {ws, NULL, "WebSocket", true, "a WebSocket", "close()", closing, -1, NULL, 0},
    {ws, NULL, "default", true, "a WebSocket", "close()", closing, -1, NULL, 0},
    {sockets, NULL, "connect", false, "a socket", "end()", ending, -1, NULL, 0},
    {sockets, NULL, "createConnection", false, "a socket", "end()", ending, -1, NULL, 0},
    {servers, NULL, "createServer", false, "a server", "close()", server_closing, -1, NULL,
     OPENER_STARTUP},
    {servers, NULL, "createSecureServer", false, "a server", "close()", server_closing, -1, NULL,
     OPENER_STARTUP},
    // An agent lent to requests in their options stays the caller's.
    {agents, NULL, "Agent", true, "a keep-alive agent", "destroy()", destroying, -1, NULL,
     OPENER_KEEP_ALIVE_ONLY | OPENER_LENT},
    // A descriptor is a number every fs call takes: handing it to one is no handoff.
    {fs_promises, NULL, "open", false, "a file handle", "close()", fd_closing, -1, NULL,
     OPENER_LENT},
    {fs, "promises", "open", false, "a file handle", "close()", fd_closing, -1, NULL, OPENER_LENT},
    {fs, NULL, "open", false, "a file descriptor", "fs.close()", fd_closing, 1, NULL, OPENER_LENT},
    {fs, NULL, "createReadStream", false, "a file read stream", "destroy()", read_ending, -1,
     read_events, 0},
    {fs, NULL, "createWriteStream", false, "a file write stream", "end()", write_ending, -1, NULL,
     0},
    {child_process, NULL, "fork", false, "a child process", "kill()", killing, -1, exit_events,
     OPENER_PROCESS},
    // A command usually exits when its work is done: only code that kills it says it may not.
    {child_process, NULL, "spawn", false, "a child process", "kill()", killing, -1, exit_events,
     OPENER_ENDS_ITSELF | OPENER_PROCESS},
    {child_process, NULL, "exec", false, "a child process", "kill()", killing, -1, exit_events,
     OPENER_ENDS_ITSELF | OPENER_PROCESS},
    {child_process, NULL, "execFile", false, "a child process", "kill()", killing, -1, exit_events,
     OPENER_ENDS_ITSELF | OPENER_PROCESS},
};

// True when `expr` is a kafkajs client: `new Kafka(...)`, or a name made so.
static bool is_kafka(const ll_facts *facts, TSNode expr) {
  expr = ll_ast_unparenthesized(expr);
  if (ll_ast_is(expr, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(facts, expr);
    if (!ref || !ref->target) return false;
    expr = ll_ast_unparenthesized(ref->target->init);
  }
  if (!ll_ast_is(expr, ll_js.sym.new_expression)) return false;
  TSNode ctor = ll_ast_field(expr, ll_js.field.constructor);
  ll_str module, export;
  if (ll_ast_is(ctor, ll_js.sym.member_expression)) {
    TSNode object = ll_ast_field(ctor, ll_js.field.object);
    return ll_ast_is(object, ll_js.sym.identifier) &&
           imported(facts, object, &module, &export, 0) && ll_str_eq(module, "kafkajs");
  }
  return ll_ast_is(ctor, ll_js.sym.identifier) && imported(facts, ctor, &module, &export, 0) &&
         ll_str_eq(module, "kafkajs") && ll_str_eq(export, "Kafka");
}

// `browser` names of playwright: `chromium.launch()`, `firefox.launch()`, `webkit.launch()`.
static bool is_browser_type(ll_str name) {
  return ll_str_eq(name, "chromium") || ll_str_eq(name, "firefox") || ll_str_eq(name, "webkit");
}

// The value the object literal `options` gives the key `key` (the identifier itself for a
// shorthand `{ workerData }`), or a null node.
static TSNode property_value(const ll_source *source, TSNode options, const char *key) {
  uint32_t n = ll_ast_is(options, ll_js.sym.object) ? ts_node_named_child_count(options) : 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode entry = ts_node_named_child(options, i);
    if (ll_ast_is(entry, ll_js.sym.pair) &&
        ll_str_eq(ll_ast_text(source, ll_ast_field(entry, ll_js.field.key)), key))
      return ll_ast_field(entry, ll_js.field.value);
    if (ll_ast_is(entry, ll_js.sym.shorthand_property_identifier) &&
        ll_str_eq(ll_ast_text(source, entry), key))
      return entry;
  }
  return (TSNode){.id = NULL};
}

// The last name of `expr` (`pool`, `this.pool` -> "pool"), for checkouts recognised by the name
// of what they are checked out of.
static ll_str last_name(const ll_source *source, TSNode expr) {
  expr = ll_ast_unparenthesized(expr);
  if (ll_ast_is(expr, ll_js.sym.member_expression))
    return ll_ast_text(source, ll_ast_field(expr, ll_js.field.property));
  if (ll_ast_is(expr, ll_js.sym.identifier)) return ll_ast_text(source, expr);
  return (ll_str){"", 0};
}

static bool names_pool(ll_str name) {
  for (uint32_t i = 0; i + 4 <= name.len; i++)
    if ((name.ptr[i] == 'p' || name.ptr[i] == 'P') && !memcmp(name.ptr + i + 1, "ool", 3))
      return true;
  return false;
}

// True when the call's arguments are none, or only a callback: `pool.connect()`,
// `pool.connect((err, client, done) => ...)`, not `client.connect(url)`.
static bool only_callback(TSNode args) {
  uint32_t n = ts_node_named_child_count(args);
  return n == 0 || (n == 1 && !ts_node_is_null(ts_node_named_child(args, 0)) &&
                    ll_ast_is_function(ts_node_named_child(args, 0)));
}

// True when `receiver` is a local of the function that calls it, or a variable of a function
// around it (`pages.map(() => browser.newPage())`): a browser launched for that run, whose pages
// go with it (its own acquisition is the one to judge).
static bool local_of_caller(const ll_facts *facts, TSNode receiver) {
  receiver = ll_ast_unparenthesized(receiver);
  const ll_ref *ref =
      ll_ast_is(receiver, ll_js.sym.identifier) ? ll_facts_ref_at(facts, receiver) : NULL;
  if (!ref || !ref->target) return false;
  const ll_scope *owner = ref->target->scope->function;
  return owner == ref->from->function ||
         (owner->kind == LL_SCOPE_FUNCTION && ref->target->kind != LL_BIND_PARAM);
}

static bool checkout(const ll_facts *facts, TSNode call, TSNode callee, ll_resource *out) {
  const ll_source *source = ll_facts_source(facts);
  if (!ll_ast_is(callee, ll_js.sym.member_expression)) return false;
  ll_str method = ll_ast_text(source, ll_ast_field(callee, ll_js.field.property));
  TSNode receiver = ll_ast_field(callee, ll_js.field.object);
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  if (ll_str_eq(method, "newPage") && ts_node_named_child_count(args) <= 1) {
    if (local_of_caller(facts, receiver)) return false;
    *out = (ll_resource){.kind = LL_RESOURCE_CHECKED_OUT,
                         .what = "a page",
                         .release = "close()",
                         .words = &closing_words,
                         .keeps = keeps_page,
                         .release_methods = page_closing,
                         .callback_param = -1,
                         .callback_release = -1};
    return true;
  }
  bool pooled = (ll_str_eq(method, "connect") || ll_str_eq(method, "acquire")) &&
                names_pool(last_name(source, receiver)) && only_callback(args);
  if (!pooled && !(ll_str_eq(method, "getConnection") && only_callback(args))) return false;
  *out = (ll_resource){.kind = LL_RESOURCE_CHECKED_OUT,
                       .what = "a connection checked out of the pool",
                       .release = "release()",
                       .words = &giving_back_words,
                       .keeps = keeps_slot,
                       .release_methods = giving_back,
                       .callback_param = 1,
                       .callback_release = 2};
  return true;
}

static bool resource_of_call(const ll_facts *facts, TSNode call, ll_resource *out, int depth);

// What a `return` of a factory hands back: `puppeteer.launch(...)`, `await new Client(...)`, or
// a local that holds one (`const c = new Client(); await c.connect(); return c;`).
typedef struct factory_search {
  const ll_facts *facts;
  ll_resource *out;
  int depth;
  bool returns_resource, returns_other;
} factory_search;

static bool returned_resource(const factory_search *search, TSNode value) {
  for (int i = 0; i < 4; i++) {
    value = ll_ast_unparenthesized(value);
    if (ll_ast_is(value, ll_js.sym.await_expression)) {
      value = ts_node_named_child(value, 0);
      continue;
    }
    if (!ll_ast_is(value, ll_js.sym.identifier)) break;
    const ll_ref *ref = ll_facts_ref_at(search->facts, value);
    const ll_binding *b = ref ? ref->target : NULL;
    if (!b || (b->kind != LL_BIND_CONST && b->kind != LL_BIND_LET) ||
        b->scope->function != ref->from->function || ts_node_is_null(b->init))
      return false;
    value = b->init;
  }
  return resource_of_call(search->facts, value, search->out, search->depth + 1);
}

// Reads the `return`s among the statements of `node`, down through blocks, branches, loops and
// `try`, never into expressions (where the bulk of a body is) nor nested functions, whose returns
// are theirs. Stops at the first `return` of something else.
static void factory_returns(factory_search *search, TSNode node, int depth) {
  TSSymbol s = ts_node_symbol(node);
  if (s == ll_js.sym.return_statement) {
    TSNode value = ts_node_named_child(node, 0);
    if (!ts_node_is_null(value) && returned_resource(search, value))
      search->returns_resource = true;
    else
      search->returns_other = true;
    return;
  }
  bool holds_statements = s == ll_js.sym.statement_block || s == ll_js.sym.if_statement ||
                          s == ll_js.sym.else_clause || s == ll_js.sym.try_statement ||
                          s == ll_js.sym.catch_clause || s == ll_js.sym.finally_clause ||
                          s == ll_js.sym.switch_statement || s == ll_js.sym.switch_body ||
                          s == ll_js.sym.switch_case || s == ll_js.sym.switch_default ||
                          s == ll_js.sym.for_statement || s == ll_js.sym.for_in_statement ||
                          s == ll_js.sym.while_statement || s == ll_js.sym.do_statement ||
                          s == ll_js.sym.labeled_statement || s == ll_js.sym.with_statement;
  if (!holds_statements) return;
  if (depth > 64) { // a nest that deep is no helper's
    search->returns_other = true;
    return;
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n && !search->returns_other; i++)
    factory_returns(search, ts_node_named_child(node, i), depth + 1);
}

// Whether a function is a factory, remembered by its node: a file calls its helpers many times,
// and the answer takes a walk of the function's body.
enum { FACTORY_MEMO_SIZE = 1024 };
typedef struct factory_memo {
  ll_memo_key head; // the function node's id
  bool is_factory;
  ll_resource resource;
} factory_memo;
static _Thread_local factory_memo factory_memos[FACTORY_MEMO_SIZE];

// A factory is a helper (`connect()`, `launchBrowser()`): a function longer than this is not
// read for one, which bounds the walks.
enum { FACTORY_MAX_BYTES = 4096 };

// True when `callee` names a function of this file that returns a resource on its every
// `return` (`const lanceNavigateur = () => puppeteer.launch({...})`): its caller owns what the
// call opens, as if it had opened it itself. `out` gets the resource.
static bool factory_call(const ll_facts *facts, TSNode callee, ll_resource *out, int depth) {
  if (depth >= 2 || !ll_ast_is(callee, ll_js.sym.identifier)) return false;
  const ll_ref *ref = ll_facts_ref_at(facts, callee);
  const ll_binding *b = ref ? ref->target : NULL;
  if (!b || ts_node_is_null(b->init) || !ll_ast_is_function(b->init) ||
      ll_ast_is(b->init, ll_js.sym.class_declaration) || ll_ast_is(b->init, ll_js.sym.class) ||
      ts_node_end_byte(b->init) - ts_node_start_byte(b->init) > FACTORY_MAX_BYTES)
    return false;
  factory_memo *memo = NULL;
  if (depth == 0) {
    bool found;
    memo = ll_ast_memo_entry(factory_memos, sizeof *factory_memos, FACTORY_MEMO_SIZE, b->init.id,
                             &found);
    if (found) {
      if (memo->is_factory) *out = memo->resource;
      return memo->is_factory;
    }
  }
  factory_search search = {facts, out, depth, false, false};
  TSNode body = ll_ast_field(b->init, ll_js.field.body);
  if (ts_node_is_null(body)) return false;
  if (ll_ast_is(body, ll_js.sym.statement_block)) {
    factory_returns(&search, body, 0);
  } else {
    search.returns_resource = returned_resource(&search, body);
  }
  if (!search.returns_resource || search.returns_other) return false;
  out->from_factory = true;
  if (memo) memo->is_factory = true, memo->resource = *out;
  return true;
}

// True when the value of `call` is thrown away (`helper();`, `await helper();`): most calls of a
// file's own functions, which then need not be read for a factory.
static bool result_dropped(TSNode call) {
  TSNode parent = ll_ast_parent_of(call);
  if (ll_ast_is(parent, ll_js.sym.await_expression)) parent = ll_ast_parent_of(parent);
  return ll_ast_is(parent, ll_js.sym.expression_statement);
}

bool ll_resource_of_call(const ll_facts *facts, TSNode call, ll_resource *out) {
  return resource_of_call(facts, call, out, 0);
}

static bool resource_of_call(const ll_facts *facts, TSNode call, ll_resource *out, int depth) {
  const ll_source *source = ll_facts_source(facts);
  bool construct = ll_ast_is(call, ll_js.sym.new_expression);
  if (!construct && !ll_ast_is(call, ll_js.sym.call_expression)) return false;
  TSNode callee = ll_ast_unparenthesized(
      ll_ast_field(call, construct ? ll_js.field.constructor : ll_js.field.function));
  if (ll_vocab_is_resource_acquire(ll_facts_vocab(facts), source, callee)) {
    *out = (ll_resource){.kind = LL_RESOURCE_OPENED,
                         .what = "a resource",
                         .release = "close()",
                         .words = &closing_words,
                         .keeps = keeps_open,
                         .release_methods = ending,
                         .configured = true,
                         .callback_param = -1,
                         .callback_release = -1};
    return true;
  }
  // The export called and its module: `Pool` from 'pg' (`new Pool`, `new pg.Pool`), `connect`
  // of `MongoClient` from 'mongodb', `open` of `promises` from 'fs'.
  ll_str name = {"", 0}, module = {"", 0}, owner = {"", 0};
  if (ll_ast_is(callee, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(facts, callee);
    if (construct && ref && !ref->target) { // the browser's globals
      if (ll_str_eq(ll_ast_text(source, callee), "WebSocket"))
        module = (ll_str){"ws", 2}, name = (ll_str){"WebSocket", 9};
      else if (ll_str_eq(ll_ast_text(source, callee), "Worker")) {
        *out = (ll_resource){.kind = LL_RESOURCE_OPENED,
                             .what = "a web worker",
                             .release = "terminate()",
                             .words = &terminating_words,
                             .keeps = keeps_thread,
                             .release_methods = terminating,
                             .callback_param = -1,
                             .callback_release = -1,
                             .end_events = exit_events};
        return true;
      }
    } else if (!imported(facts, callee, &module, &name, 0)) {
      if (!construct && !result_dropped(call) && factory_call(facts, callee, out, depth))
        return true;
      return !construct && checkout(facts, call, callee, out);
    }
  } else if (ll_ast_is(callee, ll_js.sym.member_expression)) {
    name = ll_ast_text(source, ll_ast_field(callee, ll_js.field.property));
    TSNode object = ll_ast_unparenthesized(ll_ast_field(callee, ll_js.field.object));
    if (ll_ast_is(object, ll_js.sym.identifier)) {
      if (imported(facts, object, &module, &owner, 0) && ll_str_eq(owner, "default"))
        owner = (ll_str){"", 0};
    } else if (ll_ast_is(object, ll_js.sym.member_expression) &&
               ll_ast_is(ll_ast_field(object, ll_js.field.object), ll_js.sym.identifier)) {
      ll_str root_export; // `fs.promises.open`, `playwright.chromium.launch`
      if (imported(facts, ll_ast_field(object, ll_js.field.object), &module, &root_export, 0) &&
          ll_str_eq(root_export, "default"))
        owner = ll_ast_text(source, ll_ast_field(object, ll_js.field.property));
      else
        module = (ll_str){"", 0};
    }
    if (is_browser_type(owner)) owner = (ll_str){"", 0};
  }
  if (!construct && (ll_str_eq(name, "producer") || ll_str_eq(name, "consumer")) &&
      is_kafka(facts, ll_ast_field(callee, ll_js.field.object))) {
    *out =
        (ll_resource){.kind = LL_RESOURCE_OPENED,
                      .what = ll_str_eq(name, "producer") ? "a Kafka producer" : "a Kafka consumer",
                      .release = "disconnect()",
                      .words = &closing_words,
                      .keeps = keeps_open,
                      .release_methods = kafka_ending,
                      .callback_param = -1,
                      .callback_release = -1};
    return true;
  }
  if (module.len) {
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
      const opener *o = &openers[i];
      if (o->construct != construct || !ll_str_eq(name, o->name) ||
          !from_module(module, o->modules))
        continue;
      if (o->member_of ? !ll_str_eq(owner, o->member_of) : owner.len != 0) continue;
      TSNode args = ll_ast_field(call, ll_js.field.arguments);
      // `new Worker(file, { workerData })`: a job handed to a script that ends with it.
      if ((o->flags & OPENER_JOB_WITH_DATA) &&
          !ts_node_is_null(property_value(source, ll_ast_named_child(args, 1), "workerData")))
        return false;
      // Without keepAlive, an agent closes its sockets when they are idle.
      if ((o->flags & OPENER_KEEP_ALIVE_ONLY) &&
          !ll_str_eq(
              ll_ast_text(source, property_value(source, ll_ast_named_child(args, 0), "keepAlive")),
              "true"))
        return false;
      *out = (ll_resource){.kind = LL_RESOURCE_OPENED,
                           .what = o->what,
                           .release = o->release,
                           .words = o->flags & OPENER_PROCESS  ? &killing_words
                                    : o->flags & OPENER_THREAD ? &terminating_words
                                                               : &closing_words,
                           .keeps = o->flags & OPENER_PROCESS  ? keeps_process
                                    : o->flags & OPENER_THREAD ? keeps_thread
                                                               : keeps_open,
                           .release_methods = o->release_methods,
                           .callback_param = o->callback_param,
                           .callback_release = -1,
                           .lent = o->flags & OPENER_LENT,
                           .end_events = o->end_events,
                           .made_at_startup = o->flags & OPENER_STARTUP,
                           .ends_itself = o->flags & OPENER_ENDS_ITSELF};
      return true;
    }
  }
  return !construct && checkout(facts, call, callee, out);
}

// ---------------------------------------------------------------------------------------------
// Where the resource goes

static bool releases_with(const ll_facts *facts, const ll_resource *r, ll_str method) {
  if (ll_str_in(method, r->release_methods)) return true;
  if (r->configured)
    return ll_str_in(method, ending) ||
           ll_vocab_is_resource_release(ll_facts_vocab(facts), ll_facts_source(facts), method);
  return false;
}

static void add_release(ll_resource_use *out, TSNode call) {
  if (out->n_releases < LL_RESOURCE_MAX_RELEASES) out->releases[out->n_releases++] = call;
}

// The function argument of `call` (its last): written in place, or a function of the file
// named there (`MongoClient.connect(url, options, connected)`); or a null node.
static TSNode callback_argument(const ll_facts *facts, TSNode call) {
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  uint32_t n = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
  TSNode last = n ? ts_node_named_child(args, n - 1) : (TSNode){.id = NULL};
  if (ll_ast_is(last, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(facts, last);
    if (ref && ref->target && !ts_node_is_null(ref->target->init) &&
        (ll_ast_is(ref->target->init, ll_js.sym.function_expression) ||
         ll_ast_is(ref->target->init, ll_js.sym.arrow_function) ||
         ll_ast_is(ref->target->init, ll_js.sym.function_declaration)))
      last = ref->target->init;
  }
  return !ts_node_is_null(last) && ll_ast_is_function(last) ? last : (TSNode){.id = NULL};
}

// The binding of parameter `index` of the function node `fn`, or NULL.
static const ll_binding *parameter(const ll_facts *facts, TSNode fn, int index) {
  TSNode params = ll_ast_field(fn, ll_js.field.parameters);
  TSNode param = ts_node_is_null(params)
                     ? (index == 0 ? ll_ast_field(fn, ll_js.field.parameter) : params)
                     : ts_node_named_child(params, (uint32_t)index);
  if (!ll_ast_is(param, ll_js.sym.identifier)) return NULL;
  const ll_scope *scope = ll_scope_at(ll_facts_model(facts), ts_node_start_byte(param));
  return ll_scope_lookup(ll_facts_model(facts), scope, ll_ast_text(ll_facts_source(facts), param));
}

// Follows the uses of `holder` into `out`: the calls that release the resource, or the use that
// hands it on.
static void follow(const ll_facts *facts, const ll_resource *r, const ll_binding *holder,
                   ll_resource_use *out) {
  const ll_source *source = ll_facts_source(facts);
  out->fate = LL_RESOURCE_HELD;
  out->holder = holder;
  for (const ll_ref *ref = holder->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & (LL_REF_WRITE | LL_REF_CALLEE)) continue; // `db('users')` of knex: a use
    TSNode parent = ref->parent;
    TSSymbol ps = ts_node_symbol(parent);
    if (ps == ll_js.sym.member_expression && ref->field == ll_js.field.object) {
      TSNode use = ll_ast_parent_of(parent);
      ll_str method = ll_ast_text(source, ll_ast_field(parent, ll_js.field.property));
      if (ll_ast_is(use, ll_js.sym.call_expression) &&
          ts_node_eq(ll_ast_field(use, ll_js.field.function), parent)) {
        TSNode result = use, above = ll_ast_parent(&result);
        if (releases_with(facts, r, method)) {
          add_release(out, use);
        } else if ((ll_str_eq(method, "listen") || ll_str_eq(method, "on") ||
                    ll_str_eq(method, "once")) &&
                   !ll_ast_is(above, ll_js.sym.expression_statement) &&
                   !ll_ast_is(above, ll_js.sym.await_expression) &&
                   !ll_ast_is(above, ll_js.sym.member_expression)) {
          out->fate = LL_RESOURCE_ESCAPES; // `return server.listen(port)`: the same object
          return;
        } else if (r->end_events && (ll_str_eq(method, "on") || ll_str_eq(method, "once"))) {
          TSNode event = ll_ast_named_child(ll_ast_field(use, ll_js.field.arguments), 0);
          ll_str name = ll_ast_text(source, event);
          if (ll_ast_is(event, ll_js.sym.string) && name.len >= 2 &&
              ll_str_in((ll_str){name.ptr + 1, name.len - 2}, r->end_events))
            out->ended = true;
        }
      }
      continue; // `client.query(...)`, `page.goto(...)`: uses that keep it
    }
    if (ps == ll_js.sym.arguments) {
      TSNode call = ref->grandparent;
      if (!ll_ast_is(call, ll_js.sym.call_expression)) { // `new Wrapper(client)`: handed on
        if (!r->lent) out->fate = LL_RESOURCE_ESCAPES;
        continue;
      }
      TSNode callee = ll_ast_field(call, ll_js.field.function);
      ll_str name = ll_ast_callee_name(source, callee);
      if (releases_with(facts, r, name) || ll_str_eq(name, "pipeline") ||
          ll_str_eq(name, "finished")) {
        add_release(out, call); // `pool.release(conn)`, `fs.close(fd)`, `pipeline(...)`
        continue;
      }
      if (ll_str_eq(ll_ast_text(source, ll_ast_field(callee, ll_js.field.object)), "console") ||
          ll_str_eq(name, "bind") || ll_str_eq(name, "call") || ll_str_eq(name, "apply"))
        continue; // printed, or the `this` of its own methods: `promisify(c.query).bind(c)`
      // `clients.push(client)` into a long-lived collection hands it to nobody: still this
      // run's to close, unless the collection's removals end it.
      ll_path kept;
      if ((ll_str_eq(name, "push") || ll_str_eq(name, "add") || ll_str_eq(name, "set") ||
           ll_str_eq(name, "unshift")) &&
          ll_facts_long_lived_path(facts, ll_ast_field(callee, ll_js.field.object), &kept)) {
        if (ts_node_is_null(out->collected)) out->collected = call;
        continue;
      }
      if (!r->lent) out->fate = LL_RESOURCE_ESCAPES; // handed on: the callee may close it
      continue;
    }
    if (ps == ll_js.sym.unary_expression || ps == ll_js.sym.binary_expression ||
        ps == ll_js.sym.if_statement || ps == ll_js.sym.ternary_expression ||
        ps == ll_js.sym.await_expression || ps == ll_js.sym.expression_statement)
      continue;                                    // tests, and `await x`
    if (r->lent && ps == ll_js.sym.pair) continue; // `{ agent }` in a request's options
    // `sockets[id] = ws` into a long-lived table: as `clients.push(client)`.
    TSNode left = ps == ll_js.sym.assignment_expression && ref->field == ll_js.field.right
                      ? ll_ast_field(parent, ll_js.field.left)
                      : (TSNode){.id = NULL};
    ll_path kept;
    if (ll_ast_is(left, ll_js.sym.subscript_expression) &&
        ll_facts_long_lived_path(facts, ll_ast_field(left, ll_js.field.object), &kept)) {
      if (ts_node_is_null(out->collected)) out->collected = parent;
      continue;
    }
    out->fate = LL_RESOURCE_ESCAPES; // returned, stored, in a literal, renamed
  }
}

void ll_facts_resource_use(const ll_facts *facts, TSNode call, const ll_resource *r,
                           ll_resource_use *out) {
  const ll_source *source = ll_facts_source(facts);
  memset(out, 0, sizeof *out);
  out->fate = LL_RESOURCE_ESCAPES;
  TSNode callback = r->callback_param >= 0 ? callback_argument(facts, call) : (TSNode){.id = NULL};
  if (!ts_node_is_null(callback)) {
    const ll_binding *holder = parameter(facts, callback, r->callback_param);
    if (!holder) return;
    follow(facts, r, holder, out);
    const ll_binding *done =
        r->callback_release >= 0 ? parameter(facts, callback, r->callback_release) : NULL;
    for (const ll_ref *ref = done ? done->refs : NULL; ref; ref = ref->next_of_binding)
      if (ref->flags & LL_REF_CALLEE) add_release(out, ref->parent);
    return;
  }
  // Climb from the value: parentheses, `await`, and calls on it that return it again
  // (`http.createServer(app).listen(port)`, `new Worker(f).on('error', ...)`).
  TSNode value = call, parent = ll_ast_parent(&value);
  for (int depth = 0; depth < 8; depth++) {
    // `options.browser || await puppeteer.launch()`: a fallback opened here, held as the value.
    bool fallback =
        ll_ast_is(parent, ll_js.sym.binary_expression) &&
        ts_node_eq(ll_ast_field(parent, ll_js.field.right), value) &&
        (ll_str_eq(ll_ast_text(source, ll_ast_field(parent, ll_js.field.operator)), "||") ||
         ll_str_eq(ll_ast_text(source, ll_ast_field(parent, ll_js.field.operator)), "??"));
    if (ll_ast_is(parent, ll_js.sym.await_expression) || fallback) {
      value = parent;
      parent = ll_ast_parent(&value);
      continue;
    }
    if (!ll_ast_is(parent, ll_js.sym.member_expression)) break;
    TSNode use = ll_ast_parent_of(parent);
    ll_str method = ll_ast_text(source, ll_ast_field(parent, ll_js.field.property));
    if (!ll_ast_is(use, ll_js.sym.call_expression) ||
        !ts_node_eq(ll_ast_field(use, ll_js.field.function), parent))
      return; // `(await pool.connect()).query`, a property: not followed
    if (releases_with(facts, r, method)) {
      add_release(out, use);
      out->fate = LL_RESOURCE_HELD;
      return;
    }
    if (ll_str_eq(method, "then")) { // `pool.connect().then((client) => ...)`
      TSNode fn = ll_ast_named_child(ll_ast_field(use, ll_js.field.arguments), 0);
      const ll_binding *holder =
          !ts_node_is_null(fn) && ll_ast_is_function(fn) ? parameter(facts, fn, 0) : NULL;
      if (holder) follow(facts, r, holder, out);
      return;
    }
    if (!ll_str_eq(method, "listen") && !ll_str_eq(method, "on") && !ll_str_eq(method, "once") &&
        !ll_str_eq(method, "asPromise"))
      return;
    value = use;
    parent = ll_ast_parent(&value);
  }
  if (ll_ast_is(parent, ll_js.sym.expression_statement)) {
    out->fate = LL_RESOURCE_DROPPED;
    return;
  }
  // An agent made for one request's options (`{ agent: new Agent(...) }` as an argument); one
  // stored in an object the code keeps is that object's.
  TSNode literal = ll_ast_is(parent, ll_js.sym.pair) ? ll_ast_parent_of(parent) : parent;
  if (r->lent && ll_ast_is(literal, ll_js.sym.object)) {
    TSNode holder = literal;
    ll_ast_parent(&holder);
    literal = ll_ast_parent_of(holder);
  }
  if (r->lent && ll_ast_is(literal, ll_js.sym.arguments)) {
    out->fate = LL_RESOURCE_DROPPED;
    return;
  }
  TSNode name = {.id = NULL};
  if (ll_ast_is(parent, ll_js.sym.variable_declarator))
    name = ll_ast_field(parent, ll_js.field.name);
  else if (ll_ast_is(parent, ll_js.sym.assignment_expression) &&
           ts_node_eq(ll_ast_field(parent, ll_js.field.right), value))
    name = ll_ast_field(parent, ll_js.field.left);
  if (!ll_ast_is(name, ll_js.sym.identifier)) return; // a member, a pattern: stored elsewhere
  const ll_scope *scope = ll_scope_at(ll_facts_model(facts), ts_node_start_byte(name));
  const ll_binding *holder =
      ll_scope_lookup(ll_facts_model(facts), scope, ll_ast_text(source, name));
  // Only a local of the acquiring function holds it for that run; a variable outside it is
  // state that outlives the run (a lazily made singleton, or one replaced on purpose).
  if (!holder || holder->scope->function != scope->function) return;
  follow(facts, r, holder, out);
}
