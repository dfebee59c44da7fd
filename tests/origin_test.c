// Unit tests for the facts added for real code: where a key comes from (origin.c), how sure a
// repetition is and whether it is start-up code (facts.c), the export a repetition goes through,
// and the project view that settles it across files (project.c). Each snippet marks the
// expression asked about with the comment `/*key*/` or the code with `/*here*/`.
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "analyzer/analyze.h"
#include "analyzer/origin.h"
#include "analyzer/project.h"
#include "facts_fixture.h"

static ll_origin_kind origin_of(const char *code) {
  loaded l;
  load(&l, code, LL_SOURCE_DETECT);
  ll_origin o = ll_facts_origin(l.facts, expression_after(&l, code, "/*key*/"));
  unload(&l);
  return o.kind;
}

static void literals_constants_and_names_are_bounded(void **state) {
  (void)state;
  assert_int_equal(origin_of("m.set(/*key*/ 'x', 1);"), LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("const V = 'v2';\nf(/*key*/ 'api:' + V);"), LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("const L = Object.freeze({ a: 1 });\nf(/*key*/ L.a);"),
                   LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("function f(x) { g(/*key*/ typeof x); }"), LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("function f(x) { g(/*key*/ x.constructor.name); }"),
                   LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("function f(el) { g(/*key*/ el.tagName); }"), LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("const T = { a: 1, b: 2 };\nfor (const k in T) g(/*key*/ k);"),
                   LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("for (const k of ['a', 'b']) g(/*key*/ k);"), LL_ORIGIN_BOUNDED);
  // A ring buffer's slot: one of SIZE.
  assert_int_equal(
      origin_of("let n = 0;\nconst SIZE = 8;\nfunction f() { g(/*key*/ n++ % SIZE); }"),
      LL_ORIGIN_BOUNDED);
}

static void request_data_ids_clocks_and_counters_are_per_run(void **state) {
  (void)state;
  assert_int_equal(origin_of("app.get('/u', (req, res) => m.set(/*key*/ req.params.id, 1));"),
                   LL_ORIGIN_PER_RUN);
  assert_int_equal(origin_of("bus.on('msg', (msg) => m.set(/*key*/ `room:${msg.room}`, 1));"),
                   LL_ORIGIN_PER_RUN);
  assert_int_equal(origin_of("setInterval(() => m.set(/*key*/ Date.now(), 1), 10);"),
                   LL_ORIGIN_PER_RUN);
  assert_int_equal(origin_of("f(/*key*/ crypto.randomUUID());"), LL_ORIGIN_PER_RUN);
  // A counter that outlives the run; a loop index counts the same numbers each run.
  assert_int_equal(origin_of("let seq = 0;\nexports.f = () => { seq++; g(/*key*/ seq); };"),
                   LL_ORIGIN_PER_RUN);
  assert_int_equal(origin_of("exports.f = () => { for (let i = 0; i < 3; i++) g(/*key*/ i); };"),
                   LL_ORIGIN_UNKNOWN);
}

static void parameters_follow_their_call_sites(void **state) {
  (void)state;
  const char *literal_only = "function bump(name) { m[/*key*/ name] = 1; }\n"
                             "app.get('/a', (req, res) => bump('a'));\n"
                             "app.get('/b', (req, res) => bump('b'));\n";
  assert_int_equal(origin_of(literal_only), LL_ORIGIN_BOUNDED);
  const char *mixed = "function bump(name) { m[/*key*/ name] = 1; }\n"
                      "app.get('/a', (req, res) => bump('a'));\n"
                      "app.get('/t', (req, res) => bump(req.query.event));\n";
  assert_int_equal(origin_of(mixed), LL_ORIGIN_PER_RUN);
  // An exported function's callers are elsewhere.
  assert_int_equal(origin_of("exports.track = (label) => m.set(/*key*/ label, 1);"),
                   LL_ORIGIN_UNKNOWN);
  // Array callbacks take the receiver's elements.
  assert_int_equal(origin_of("['a', 'b'].forEach((k) => m.set(/*key*/ k, 1));"), LL_ORIGIN_BOUNDED);
  assert_int_equal(origin_of("app.post('/x', (req) => req.body.ids.forEach((k) => m.set(/*key*/ "
                             "k, 1)));"),
                   LL_ORIGIN_PER_RUN);
}

// How sure the repetition of the code at `/*here*/` is, and whether it is start-up code.
static void repetition_at(const char *code, ll_confidence *confidence, bool *startup,
                          char *export_root, size_t size) {
  loaded l;
  load(&l, code, LL_SOURCE_DETECT);
  const char *marker = strstr(code, "/*here*/");
  assert_non_null(marker);
  ll_repeat why;
  ll_scope *scope = ll_scope_at(l.model, (uint32_t)(marker - code));
  assert_int_equal(ll_facts_frequency(l.facts, scope, &why), LL_FREQ_REPEATED);
  *confidence = ll_facts_repeat_confidence(l.facts, &why);
  *startup = ll_facts_repeat_is_startup(l.facts, &why);
  const char *root = ll_facts_export_root(l.facts, &why, &l.arena);
  snprintf(export_root, size, "%s", root ? root : "");
  unload(&l);
}

static void repetitions_sure_guessed_and_start_up(void **state) {
  (void)state;
  ll_confidence confidence;
  bool startup;
  char root[64];
  repetition_at("app.get('/x', (req, res) => { /*here*/ });", &confidence, &startup, root,
                sizeof root);
  assert_int_equal(confidence, LL_CONFIDENCE_HIGH);
  assert_false(startup);
  assert_string_equal(root, "");
  // Exported: only callers elsewhere could repeat it.
  repetition_at("exports.track = function (user) { /*here*/ };", &confidence, &startup, root,
                sizeof root);
  assert_int_equal(confidence, LL_CONFIDENCE_MEDIUM);
  assert_false(startup);
  assert_string_equal(root, "track");
  // Shaped like start-up code: settings for parameters, or none.
  repetition_at("module.exports = function start(config) { /*here*/ };", &confidence, &startup,
                root, sizeof root);
  assert_true(startup);
  assert_string_equal(root, "default");
  repetition_at("exports.start = function (peer) { /*here*/ };", &confidence, &startup, root,
                sizeof root);
  assert_false(startup);
  // A handler-shaped export is taken as a handler.
  repetition_at("exports.list = (req, res) => { /*here*/ };", &confidence, &startup, root,
                sizeof root);
  assert_int_equal(confidence, LL_CONFIDENCE_HIGH);
  // A member of an exported class goes through "Class#method".
  repetition_at("class Server { run() { /*here*/ } }\nmodule.exports = { Server };", &confidence,
                &startup, root, sizeof root);
  assert_string_equal(root, "Server#run");
  // A reconnect: the function has itself called again from its own 'close' listener.
  repetition_at("function connect() { /*here*/ const s = net.connect(1);\n"
                "  s.on('close', () => setTimeout(connect, 1000)); }\nconnect();",
                &confidence, &startup, root, sizeof root);
  assert_int_equal(confidence, LL_CONFIDENCE_HIGH);
}

// Writes `text` to `dir/name`.
static void write_file(const char *dir, const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

// The callers a project of `files` (name, text pairs) sees for `name` exported by its first file;
// `witness` (may be NULL) gets where a sure repetition was seen, after the project's directory,
// or "".
static ll_callers callers_seen(const char *const *files, size_t n, const char *name,
                               char witness[256]) {
  char dir[] = "/tmp/leaklint-project-XXXXXX";
  assert_non_null(mkdtemp(dir));
  for (size_t i = 0; i < n; i++)
    write_file(dir, files[2 * i], files[2 * i + 1]);
  ll_config_flags flags = {0};
  ll_config *config = ll_config_new_default(NULL, &flags);
  ll_analyzer_options options = {.max_file_size = 1u << 20, .parse_timeout = 10};
  ll_analyzer *analyzer = ll_analyzer_new(&options);
  ll_project *project = ll_project_new();
  char path[512];
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[2 * i]);
    ll_file_result result;
    ll_analyzer_file(analyzer, config, path, &result);
    assert_int_equal(result.status, LL_OK);
    ll_project_add(project, path, result.links, result.n_links);
  }
  snprintf(path, sizeof path, "%s/%s", dir, files[0]);
  const char *seen = NULL;
  ll_callers callers = ll_project_callers(project, path, name, &seen);
  if (witness)
    snprintf(witness, 256, "%s",
             seen && !strncmp(seen, dir, strlen(dir)) ? seen + strlen(dir) + 1
             : seen                                   ? seen
                                                      : "");
  ll_project_delete(project);
  ll_analyzer_delete(analyzer);
  ll_config_delete(config);
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[2 * i]);
    unlink(path);
  }
  rmdir(dir);
  return callers;
}

static ll_callers callers_of(const char *const *files, size_t n, const char *name) {
  return callers_seen(files, n, name, NULL);
}

static void project_sees_the_callers_in_other_files(void **state) {
  (void)state;
  const char *once[] = {"daemon.js", "exports.start = () => process.on('SIGINT', stop);\n",
                        "cli.js", "const daemon = require('./daemon');\ndaemon.start();\n"};
  assert_int_equal(callers_of(once, 2, "start"), LL_CALLERS_ONCE);
  const char *route[] = {"audit.js", "exports.record = (e) => trail.push(e);\n", "app.js",
                         "const { record } = require('./audit');\n"
                         "app.post('/x', (req, res) => record(req.body));\n"};
  assert_int_equal(callers_of(route, 2, "record"), LL_CALLERS_REPEATED);
  const char *watched[] = {"run.mjs", "export default function run() {}\n", "bin.mjs",
                           "import run from './run.mjs';\nrun();\n"
                           "fs.watch('db.json', () => run());\n"};
  assert_int_equal(callers_of(watched, 2, "default"), LL_CALLERS_REPEATED);
  const char *instance[] = {"server.js", "class Server { run() {} }\nmodule.exports = Server;\n",
                            "index.js",
                            "const Server = require('./server');\nconst s = new Server();\n"
                            "s.run();\n"};
  assert_int_equal(callers_of(instance, 2, "default#run"), LL_CALLERS_ONCE);
  // The instance handed on: any method may be called elsewhere.
  const char *handed[] = {"server.js", "class Server { run() {} }\nmodule.exports = Server;\n",
                          "index.js",
                          "const Server = require('./server');\nconst s = new Server();\n"
                          "s.run();\nregister(s);\n"};
  assert_int_equal(callers_of(handed, 2, "default#run"), LL_CALLERS_UNKNOWN);
  const char *none[] = {"lib.js", "exports.start = () => {};\n", "other.js", "start();\n"};
  assert_int_equal(callers_of(none, 2, "start"), LL_CALLERS_NONE);
}

static void project_follows_exports_callbacks_and_reexports(void **state) {
  (void)state;
  char witness[256];
  // Through another export: the cache is made by start(), which the bin script calls once...
  const char *chain[] = {"cache.js",
                         "class Cache {}\nmodule.exports = { Cache: Cache };\n",
                         "daemon.js",
                         "const { Cache } = require('./cache');\n"
                         "exports.start = function () { this.cache = new Cache(); };\n",
                         "bin.js",
                         "const daemon = require('./daemon');\ndaemon.start();\n"};
  assert_int_equal(callers_of(chain, 3, "Cache#constructor"), LL_CALLERS_ONCE);
  // ... or by a route, which makes the repetition sure, and says where.
  const char *routed[] = {"cache.js",
                          "class Cache {}\nmodule.exports = { Cache: Cache };\n",
                          "daemon.js",
                          "const { Cache } = require('./cache');\n"
                          "exports.start = function () { this.cache = new Cache(); };\n",
                          "app.js",
                          "const daemon = require('./daemon');\n"
                          "app.get('/', (req, res) => daemon.start());\n"};
  assert_int_equal(callers_seen(routed, 3, "Cache#constructor", witness), LL_CALLERS_REPEATED);
  assert_string_equal(witness, "app.js:2, inside a handler registered with app.get at line 2");
  // A callback handed to another file's export runs as often as that export calls it.
  const char *reload[] = {"signals.js",
                          "exports.init = function (config) {};\n",
                          "config.js",
                          "exports.watch = function (file, onChange) {\n"
                          "  fs.watch(file, () => onChange(file));\n};\n",
                          "main.js",
                          "const signals = require('./signals');\n"
                          "const config = require('./config');\n"
                          "config.watch('a.json', (c) => signals.init(c));\n"};
  assert_int_equal(callers_of(reload, 3, "init"), LL_CALLERS_REPEATED);
  const char *load[] = {"signals.js",
                        "exports.init = function (config) {};\n",
                        "config.js",
                        "exports.load = function (file, done) {\n  done(file);\n};\n",
                        "main.js",
                        "const signals = require('./signals');\n"
                        "const config = require('./config');\n"
                        "config.load('a.json', (c) => signals.init(c));\n"};
  assert_int_equal(callers_of(load, 3, "init"), LL_CALLERS_ONCE);
  // Called through a file that re-exports it whole.
  const char *reexported[] = {"monitor.js", "module.exports = function monitor() {};\n",
                              "index.js",   "module.exports = require('./monitor');\n",
                              "bin.js",     "const monitor = require('./index');\nmonitor();\n"};
  assert_int_equal(callers_of(reexported, 3, "default"), LL_CALLERS_ONCE);
  // The file's own start-up code, when no other file calls it.
  const char *own[] = {"poll.js",
                       "function poll(url) {}\nexports.poll = poll;\n"
                       "if (require.main === module) poll(process.argv[2]);\n",
                       "other.js", "module.exports = 1;\n"};
  assert_int_equal(callers_of(own, 2, "poll"), LL_CALLERS_ONCE);
}

static void project_follows_instances_handed_to_other_files(void **state) {
  (void)state;
  // An instance handed to another file's export: that file calls only `link()` on it, so
  // `restart()` has the start-up call of the bin script for its only caller.
  const char *handed[] = {"api.js",
                          "class API { restart() {} link() {} }\nmodule.exports = API;\n",
                          "io.js",
                          "module.exports = class IO {\n"
                          "  static use(client) { this.client = client; }\n"
                          "  static tick() { setInterval(() => this.client.link(), 1000); }\n"
                          "};\n",
                          "cli.js",
                          "const API = require('./api');\nconst IO = require('./io');\n"
                          "const api = new API();\nIO.use(api);\napi.restart();\n"};
  assert_int_equal(callers_of(handed, 3, "default#restart"), LL_CALLERS_ONCE);
  assert_int_equal(callers_of(handed, 3, "default#link"), LL_CALLERS_REPEATED);
  // What that file does with the instance decides: handed on again, any method may be called.
  const char *onward[] = {"api.js",
                          "class API { restart() {} }\nmodule.exports = API;\n",
                          "io.js",
                          "exports.use = function (client) { registry.add(client); };\n",
                          "cli.js",
                          "const API = require('./api');\nconst io = require('./io');\n"
                          "const api = new API();\nio.use(api);\napi.restart();\n"};
  assert_int_equal(callers_of(onward, 3, "default#restart"), LL_CALLERS_UNKNOWN);
  // A method bound to its instance is that method handed on, not the instance; the instance
  // under a second name is still the instance.
  const char *bound[] = {"api.js", "class API { restart() {} stop() {} }\nmodule.exports = API;\n",
                         "cli.js",
                         "const API = require('./api');\nlet api = new API();\n"
                         "const other = new API();\nif (process.env.X) api = other;\n"
                         "program.command('stop').action(api.stop.bind(api));\n"
                         "other.restart();\n"};
  assert_int_equal(callers_of(bound, 2, "default#restart"), LL_CALLERS_ONCE);
  assert_int_equal(callers_of(bound, 2, "default#stop"), LL_CALLERS_UNKNOWN);
}

int main(void) {
  const char *missing;
  if (!ll_grammar_init(&missing)) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(literals_constants_and_names_are_bounded),
      cmocka_unit_test(request_data_ids_clocks_and_counters_are_per_run),
      cmocka_unit_test(parameters_follow_their_call_sites),
      cmocka_unit_test(repetitions_sure_guessed_and_start_up),
      cmocka_unit_test(project_sees_the_callers_in_other_files),
      cmocka_unit_test(project_follows_exports_callbacks_and_reexports),
      cmocka_unit_test(project_follows_instances_handed_to_other_files),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
