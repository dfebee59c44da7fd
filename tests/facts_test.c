// Unit tests for the shared facts: how often the code at a marker runs, and why. Each snippet
// marks the place asked about with the comment `/*here*/`.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/analyze.h"
#include "analyzer/binder.h"
#include "analyzer/collections.h"
#include "analyzer/facts.h"
#include "analyzer/grammar.h"
#include "analyzer/handles.h"
#include "analyzer/parse.h"
#include "facts_fixture.h"

typedef struct answer {
  ll_frequency freq;
  ll_repeat_reason reason;
  char description[256];
  char teardown[128]; // ll_facts_teardown_misses with "remove", or ""
  char unit[64];      // ll_facts_repeat_unit
} answer;

static answer ask(const char *code, ll_source_kind kind) {
  answer out = {0};
  const char *marker = strstr(code, "/*here*/");
  assert_non_null(marker);
  loaded l;
  load(&l, code, kind);
  ll_repeat why;
  ll_scope *scope = ll_scope_at(l.model, (uint32_t)(marker - code));
  out.freq = ll_facts_frequency(l.facts, scope, &why);
  out.reason = out.freq == LL_FREQ_REPEATED ? why.reason : LL_REPEAT_NONE;
  if (out.freq == LL_FREQ_REPEATED) {
    snprintf(out.description, sizeof out.description, "%s",
             ll_facts_describe_repeat(l.facts, &l.arena, &why));
    const char *teardown = ll_facts_teardown_misses(l.facts, &l.arena, &why, "remove");
    snprintf(out.teardown, sizeof out.teardown, "%s", teardown ? teardown : "");
    snprintf(out.unit, sizeof out.unit, "%s", ll_facts_repeat_unit(l.facts, &why));
  }
  unload(&l);
  return out;
}

#define ASSERT_REPEATED(code, expected_reason, expected_text) \
  do {                                                        \
    answer a = ask(code, LL_SOURCE_DETECT);                   \
    assert_int_equal(a.freq, LL_FREQ_REPEATED);               \
    assert_int_equal(a.reason, expected_reason);              \
    assert_string_equal(a.description, expected_text);        \
  } while (0)

#define ASSERT_FREQ(code, expected)         \
  do {                                      \
    answer a = ask(code, LL_SOURCE_DETECT); \
    assert_int_equal(a.freq, expected);     \
  } while (0)

static void top_level_runs_once(void **state) {
  (void)state;
  ASSERT_FREQ("const a = [];\n/*here*/a.push(1);\n", LL_FREQ_ONCE);
  // A loop at the top level fills a table at start-up: still once.
  ASSERT_FREQ("const a = [];\nfor (const x of [1, 2]) { /*here*/a.push(x); }\n", LL_FREQ_ONCE);
}

static void start_up_helper_runs_once(void **state) {
  (void)state;
  ASSERT_FREQ("function boot() { /*here*/ }\nboot();\n", LL_FREQ_ONCE);
  ASSERT_FREQ("function helper() { /*here*/ }\nfunction boot() { helper(); }\nboot();\n",
              LL_FREQ_ONCE);
}

static void unused_function_is_unknown(void **state) {
  (void)state;
  ASSERT_FREQ("function lonely() { /*here*/ }\n", LL_FREQ_UNKNOWN);
}

static void route_handlers_repeat(void **state) {
  (void)state;
  ASSERT_REPEATED("app.get('/a', (req, res) => { /*here*/ });\n", LL_REPEAT_ROUTE,
                  "inside a handler registered with app.get at line 1");
  ASSERT_REPEATED("router.route('/a').post(function (req, res) { /*here*/ });\n", LL_REPEAT_ROUTE,
                  "inside a handler registered with router.route('/a').post at line 1");
  ASSERT_REPEATED("const http = require('http');\nhttp.createServer((q, s) => { /*here*/ });\n",
                  LL_REPEAT_ROUTE, "inside a handler registered with http.createServer at line 2");
  // Any receiver, when the first argument is a path.
  ASSERT_REPEATED("api.v1.put('/x', async (c) => { /*here*/ });\n", LL_REPEAT_ROUTE,
                  "inside a handler registered with api.v1.put at line 1");
  // `.get` on a map is not a route: the callback is a value handed to unseen code.
  ASSERT_REPEATED("cache.get(key, () => { /*here*/ });\n", LL_REPEAT_CALLBACK,
                  "in a function, handed at line 1 to code outside this file");
}

static void listeners_repeat_once_does_not(void **state) {
  (void)state;
  ASSERT_REPEATED("bus.on('tick', () => { /*here*/ });\n", LL_REPEAT_LISTENER,
                  "inside a listener registered with bus.on at line 1");
  ASSERT_REPEATED("el.addEventListener('click', function () { /*here*/ });\n", LL_REPEAT_LISTENER,
                  "inside a listener registered with el.addEventListener at line 1");
  ASSERT_FREQ("bus.once('ready', () => { /*here*/ });\n", LL_FREQ_ONCE);
  ASSERT_FREQ("el.addEventListener('load', () => { /*here*/ }, { once: true });\n", LL_FREQ_ONCE);
}

static void timers(void **state) {
  (void)state;
  ASSERT_REPEATED("setInterval(() => { /*here*/ }, 1000);\n", LL_REPEAT_INTERVAL,
                  "inside a setInterval callback (line 1)");
  ASSERT_FREQ("setTimeout(() => { /*here*/ }, 1000);\n", LL_FREQ_ONCE);
  ASSERT_REPEATED("function poll() { /*here*/ setTimeout(poll, 500); }\nsetTimeout(poll, 500);\n",
                  LL_REPEAT_TIMEOUT_LOOP,
                  "inside a setTimeout callback that schedules itself again (line 2)");
}

static void effects_and_classes(void **state) {
  (void)state;
  ASSERT_REPEATED("function C() { useEffect(() => { /*here*/ }, []); }\nC();\n", LL_REPEAT_EFFECT,
                  "inside the useEffect callback, which runs each time the component mounts");
  ASSERT_REPEATED("class Q { add(x) { /*here*/ } }\n", LL_REPEAT_CLASS_MEMBER,
                  "in class member add(), which runs for every instance or call");
  ASSERT_REPEATED("class Q { constructor() { /*here*/ } }\n", LL_REPEAT_CLASS_MEMBER,
                  "in class member constructor(), which runs for every instance or call");
}

#define ASSERT_LIFECYCLE(code, expected_text, expected_teardown, expected_unit) \
  do {                                                                          \
    answer a = ask(code, LL_SOURCE_DETECT);                                     \
    assert_int_equal(a.freq, LL_FREQ_REPEATED);                                 \
    assert_int_equal(a.reason, LL_REPEAT_EFFECT);                               \
    assert_string_equal(a.description, expected_text);                          \
    assert_string_equal(a.teardown, expected_teardown);                         \
    assert_string_equal(a.unit, expected_unit);                                 \
  } while (0)

// Every row of lifecycle.h's table: the set-up runs per mount (an effect as its dependencies
// say), and the teardown it pairs with is named, whether the code has one or not.
static void lifecycles_pair_setup_and_teardown(void **state) {
  (void)state;
  ASSERT_LIFECYCLE("class A extends React.Component {\n  componentDidMount() { /*here*/ }\n"
                   "  componentWillUnmount() {}\n}\n",
                   "in componentDidMount(), which runs each time the component mounts",
                   "componentWillUnmount does not remove it", "mount");
  ASSERT_LIFECYCLE("class A extends PureComponent {\n  componentDidUpdate() { /*here*/ }\n}\n",
                   "in componentDidUpdate(), which runs each time the component mounts",
                   "the component has no componentWillUnmount", "mount");
  ASSERT_LIFECYCLE("function C() { useEffect(() => { /*here*/ return () => {}; }, [id]); }\n",
                   "inside the useEffect callback, which runs again each time its dependencies "
                   "change",
                   "the function the effect returns does not remove it",
                   "change of its dependencies");
  ASSERT_LIFECYCLE("function C() { React.useLayoutEffect(() => { /*here*/ }); }\n",
                   "inside the useLayoutEffect callback, which runs after every render",
                   "the effect returns no cleanup function", "render");
  ASSERT_LIFECYCLE("export default {\n  data() { return {}; },\n  mounted() { /*here*/ },\n"
                   "  beforeDestroy() {},\n};\n",
                   "in mounted(), which runs each time the component mounts",
                   "beforeDestroy does not remove it", "mount");
  ASSERT_LIFECYCLE("defineComponent({ created: function () { /*here*/ } });\n",
                   "in created(), which runs each time the component mounts",
                   "the component has no beforeUnmount", "mount");
  ASSERT_LIFECYCLE("export default {\n  methods: {},\n  activated() { /*here*/ },\n};\n",
                   "in activated(), which runs each time the component is activated",
                   "the component has no deactivated", "mount");
  ASSERT_LIFECYCLE("function setup() {\n  onMounted(() => { /*here*/ });\n"
                   "  onBeforeUnmount(() => {});\n}\n",
                   "inside the onMounted callback, which runs each time the component mounts",
                   "onBeforeUnmount does not remove it", "mount");
  ASSERT_LIFECYCLE("onMount(() => { /*here*/ });\n",
                   "inside the onMount callback, which runs each time the component mounts",
                   "the component has no onDestroy", "mount");
  ASSERT_LIFECYCLE(
      "function C() {\n  createEffect(() => { /*here*/ });\n  onCleanup(() => {});\n}\n",
      "inside the createEffect callback, which runs each time the component mounts",
      "onCleanup does not remove it", "mount");
  ASSERT_LIFECYCLE("class A {\n  ngOnInit() { /*here*/ }\n  ngOnDestroy() {}\n}\n",
                   "in ngOnInit(), which runs each time the component mounts",
                   "ngOnDestroy does not remove it", "mount");
  ASSERT_LIFECYCLE("class A extends HTMLElement {\n  connectedCallback() { /*here*/ }\n}\n",
                   "in connectedCallback(), which runs each time the element mounts",
                   "the element has no disconnectedCallback", "mount");
  ASSERT_LIFECYCLE("class A extends LitElement {\n  firstUpdated() { /*here*/ }\n"
                   "  disconnectedCallback() {}\n}\n",
                   "in firstUpdated(), which runs each time the element mounts",
                   "disconnectedCallback does not remove it", "mount");
  ASSERT_LIFECYCLE(
      "class V extends Backbone.View {\n  initialize() { /*here*/ }\n  remove() {}\n}\n",
      "in initialize(), which runs each time the view mounts", "remove() does not remove it",
      "mount");
  ASSERT_LIFECYCLE("const V = Marionette.View.extend({ initialize() { /*here*/ } });\n",
                   "in initialize(), which runs each time the view mounts",
                   "the view has no remove()", "mount");
  // Through a private helper the set-up calls.
  answer helper = ask("class A extends Component {\n  componentDidMount() { this._listen(); }\n"
                      "  _listen() { /*here*/ }\n}\n",
                      LL_SOURCE_DETECT);
  assert_int_equal(helper.reason, LL_REPEAT_CALLED);
  assert_string_equal(helper.description, "in _listen(), called at line 2 in componentDidMount(), "
                                          "which runs each time the component mounts");
  assert_string_equal(helper.teardown, "the component has no componentWillUnmount");
  assert_string_equal(helper.unit, "mount");
  // A plain object with a teardown: named, but its set-up is a class member (medium).
  answer plain = ask("class Poller {\n  attach() { /*here*/ }\n  stop() {}\n}\n", LL_SOURCE_DETECT);
  assert_int_equal(plain.reason, LL_REPEAT_CLASS_MEMBER);
  assert_string_equal(plain.teardown, "stop() does not remove it");
  assert_string_equal(plain.unit, "run");
  answer bare = ask("class Poller {\n  attach() { /*here*/ }\n}\n", LL_SOURCE_DETECT);
  assert_string_equal(bare.teardown, "");
  // Look-alikes: the names alone make no component.
  ASSERT_REPEATED("class Q { componentDidMount() { /*here*/ } }\n", LL_REPEAT_CLASS_MEMBER,
                  "in class member componentDidMount(), which runs for every instance or call");
  ASSERT_REPEATED("exports.hooks = { mounted() { /*here*/ } };\n", LL_REPEAT_EXPORTED,
                  "in exported function mounted()");
}

// The handle acquired by the call or `new` right after `/*here*/` in `code`, and its fate;
// -1 when the call acquires none. `kept` gets where it is kept, or "".
static int handle_fate(const char *code, char kept[64]) {
  loaded l;
  load(&l, code, LL_SOURCE_DETECT);
  // The call itself, or the one it is made on (`new ResizeObserver(f)` in `....observe(el)`).
  TSNode call = expression_after(&l, code, "/*here*/");
  ll_handle handle;
  bool acquires = false;
  for (int depth = 0; depth < 4 && !ts_node_is_null(call) && !acquires; depth++) {
    acquires = (ts_node_symbol(call) == ll_js.sym.call_expression ||
                ts_node_symbol(call) == ll_js.sym.new_expression) &&
               ll_handle_of_call(l.facts, call, &handle);
    if (!acquires) call = ts_node_named_child(ts_node_named_child(call, 0), 0);
  }
  int fate = -1;
  kept[0] = '\0';
  if (acquires) {
    const char *where;
    fate = (int)ll_facts_handle_fate(l.facts, call, &handle, &l.arena, &where);
    snprintf(kept, 64, "%s", where ? where : "");
  }
  unload(&l);
  return fate;
}

static void handles_and_their_fates(void **state) {
  (void)state;
  char kept[64];
  // Acquisitions, dropped.
  assert_int_equal(handle_fate("/*here*/store.subscribe(render);\n", kept), LL_HANDLE_DROPPED);
  assert_int_equal(
      handle_fate("import { autorun } from 'mobx';\n/*here*/autorun(() => {});\n", kept),
      LL_HANDLE_DROPPED);
  assert_int_equal(handle_fate("/*here*/fromEvent(window, 'resize').subscribe(() => {});\n", kept),
                   LL_HANDLE_DROPPED);
  assert_int_equal(handle_fate("/*here*/new ResizeObserver(fit).observe(el);\n", kept),
                   LL_HANDLE_DROPPED);
  assert_int_equal(handle_fate("/*here*/fs.watch('a', onChange);\n", kept), LL_HANDLE_DROPPED);
  assert_int_equal(handle_fate("/*here*/db.collection('x').onSnapshot(show);\n", kept),
                   LL_HANDLE_DROPPED);
  // Released through a name, a member, a drained list; returned.
  assert_int_equal(handle_fate("const off = /*here*/store.subscribe(f);\noff();\n", kept),
                   LL_HANDLE_RELEASED);
  assert_int_equal(handle_fate("class A {\n  a() { this.sub = /*here*/x$.subscribe(f); }\n"
                               "  b() { this.sub?.unsubscribe(); }\n}\n",
                               kept),
                   LL_HANDLE_RELEASED);
  assert_int_equal(handle_fate("const o = /*here*/new MutationObserver(f);\no.observe(el);\n"
                               "o.disconnect();\n",
                               kept),
                   LL_HANDLE_RELEASED);
  assert_int_equal(handle_fate("subs.push(/*here*/store.subscribe(f));\n", kept),
                   LL_HANDLE_ESCAPES);
  assert_int_equal(handle_fate("function s() { return /*here*/store.subscribe(f); }\n", kept),
                   LL_HANDLE_ESCAPES);
  // Kept, never released.
  assert_int_equal(
      handle_fate("class A {\n  a() { this.stop = /*here*/store.subscribe(f); }\n}\n", kept),
      LL_HANDLE_KEPT);
  assert_string_equal(kept, "this.stop");
  assert_int_equal(handle_fate("const w = /*here*/fs.watch('a', f);\nw.on('error', log);\n", kept),
                   LL_HANDLE_KEPT);
  assert_string_equal(kept, "w");
  // Not handles: sources that complete, names that are not the vocabulary's.
  assert_int_equal(handle_fate("/*here*/this.http.get('/x').subscribe(f);\n", kept), -1);
  assert_int_equal(handle_fate("/*here*/interval(1000).pipe(take(3)).subscribe(f);\n", kept), -1);
  assert_int_equal(handle_fate("/*here*/autorun(() => {});\n", kept), -1);
  assert_int_equal(handle_fate("function f(onValue) { /*here*/onValue(1); }\n", kept), -1);
}

// The event the expression after `/*here*/` names, "" when it varies; `by_name` as
// ll_facts_event_name says.
static void event_named(const char *code, char out[64], bool *by_name) {
  loaded l;
  load(&l, code, LL_SOURCE_DETECT);
  ll_str event;
  out[0] = '\0';
  if (ll_facts_event_name(l.facts, expression_after(&l, code, "/*here*/"), &event, by_name))
    snprintf(out, 64, "%.*s", (int)event.len, event.ptr);
  unload(&l);
}

static void events_from_strings_and_constants(void **state) {
  (void)state;
  char event[64];
  bool by_name;
  event_named("bus.on(/*here*/'data', f);\n", event, &by_name);
  assert_string_equal(event, "data");
  assert_false(by_name);
  event_named("const E = 'tick';\nbus.on(/*here*/E, f);\n", event, &by_name);
  assert_string_equal(event, "tick");
  event_named("const EV = Object.freeze({ up: 'update' });\nbus.on(/*here*/EV.up, f);\n", event,
              &by_name);
  assert_string_equal(event, "update");
  assert_false(by_name);
  event_named("import { Events } from './c';\nbus.on(/*here*/Events.Change, f);\n", event,
              &by_name);
  assert_string_equal(event, "Events.Change");
  assert_true(by_name);
  event_named("import { SHOW } from './c';\nbus.on(/*here*/SHOW, f);\n", event, &by_name);
  assert_string_equal(event, "SHOW");
  // Names that vary: a parameter, a member assigned elsewhere, a computed member.
  event_named("function f(e) { bus.on(/*here*/e, g); }\n", event, &by_name);
  assert_string_equal(event, "");
  event_named("const EV = {};\nEV.x = next();\nbus.on(/*here*/EV.x, f);\n", event, &by_name);
  assert_string_equal(event, "");
  event_named("let E = 'a';\nE = 'b';\nbus.on(/*here*/E, f);\n", event, &by_name);
  assert_string_equal(event, "");
}

static void exported_functions_repeat(void **state) {
  (void)state;
  ASSERT_REPEATED("function track(id) { /*here*/ }\nmodule.exports = { track };\n",
                  LL_REPEAT_EXPORTED, "in exported function track()");
  ASSERT_REPEATED("exports.save = function (x) { /*here*/ };\n", LL_REPEAT_EXPORTED,
                  "in an exported function");
  ASSERT_REPEATED("export function load() { /*here*/ }\n", LL_REPEAT_EXPORTED,
                  "in exported function load()");
  ASSERT_REPEATED("export const run = () => { /*here*/ };\n", LL_REPEAT_EXPORTED,
                  "in exported function run()");
}

static void immediate_callbacks_inherit(void **state) {
  (void)state;
  ASSERT_FREQ("[1, 2].forEach((x) => { /*here*/ });\n", LL_FREQ_ONCE);
  ASSERT_FREQ("(function () { /*here*/ })();\n", LL_FREQ_ONCE);
  ASSERT_FREQ("new Promise((resolve) => { /*here*/ });\n", LL_FREQ_ONCE);
  ASSERT_FREQ("load().then((x) => { /*here*/ });\n", LL_FREQ_ONCE);
  ASSERT_REPEATED("app.post('/a', (req) => { req.body.items.map((x) => { /*here*/ }); });\n",
                  LL_REPEAT_ROUTE, "inside a handler registered with app.post at line 1");
}

static void call_graph_propagates(void **state) {
  (void)state;
  ASSERT_REPEATED(
      "function save(x) { /*here*/ }\napp.post('/a', (req) => save(req.body));\n", LL_REPEAT_CALLED,
      "in save(), called at line 2 inside a handler registered with app.post at line 2");
  ASSERT_REPEATED(
      "function inner() { /*here*/ }\nfunction outer() { inner(); }\n"
      "bus.on('x', outer);\n",
      LL_REPEAT_CALLED,
      "in inner(), called at line 2 inside a listener registered with bus.on at line 3");
  ASSERT_REPEATED("const handler = (req, res) => { /*here*/ };\napp.use(handler);\n",
                  LL_REPEAT_ROUTE, "inside a handler registered with app.use at line 2");
}

static void returned_and_unseen(void **state) {
  (void)state;
  ASSERT_REPEATED("function make() { return function (req) { /*here*/ }; }\nmake();\n",
                  LL_REPEAT_RETURNED,
                  "in a function, returned to callers that may run it again and again");
  ASSERT_REPEATED("const lib = require('lib');\nlib.register(() => { /*here*/ });\n",
                  LL_REPEAT_CALLBACK, "in a function, handed at line 2 to code outside this file");
}

// ll_facts_path for the expression that starts at the marker `/*here*/` (just after it).
typedef struct path_answer {
  bool resolved;
  ll_lifetime lifetime;
  char text[LL_PATH_MAX + 32];
} path_answer;

static path_answer path_of(const char *code, int which) {
  path_answer out = {0};
  loaded l;
  load(&l, code, LL_SOURCE_DETECT);
  const char *marker = code;
  for (int i = 0; i <= which; i++)
    marker = strstr(marker, "/*here*/") + 8;
  uint32_t byte = (uint32_t)(marker - code);
  // The largest expression starting at the marker that is a member chain or a name.
  TSNode node = ts_node_descendant_for_byte_range(ts_tree_root_node(l.tree), byte, byte);
  // Climb member accesses, and calls whose callee is not itself a member (`make().x`), so that
  // `a.b.push(1)` gives `a.b.push` and `make().x` gives the whole access.
  for (;;) {
    TSNode parent = ts_node_parent(node);
    if (ts_node_is_null(parent) || ts_node_start_byte(parent) != byte) break;
    TSSymbol sym = ts_node_symbol(parent);
    bool member = sym == ll_js.sym.member_expression || sym == ll_js.sym.subscript_expression;
    bool call =
        sym == ll_js.sym.call_expression && ts_node_symbol(node) != ll_js.sym.member_expression;
    if (!member && !call) break;
    node = parent;
  }
  ll_path path;
  out.resolved = ll_facts_path(l.facts, node, &path);
  if (out.resolved) {
    out.lifetime = path.lifetime;
    snprintf(out.text, sizeof out.text, "%s", ll_path_describe(&path, &l.arena));
  }
  unload(&l);
  return out;
}

#define ASSERT_PATH(code, expected_lifetime, expected_text) \
  do {                                                      \
    path_answer p = path_of(code, 0);                       \
    assert_true(p.resolved);                                \
    assert_int_equal(p.lifetime, expected_lifetime);        \
    assert_string_equal(p.text, expected_text);             \
  } while (0)

static void lifetimes_of_roots(void **state) {
  (void)state;
  ASSERT_PATH("const cache = {};\nfunction f() { /*here*/cache.byUser[1].push(2); }\n",
              LL_LIFETIME_LONG, "cache.byUser[].push");
  ASSERT_PATH("function f(req) { const local = []; /*here*/local.push(req); }\n", LL_LIFETIME_SHORT,
              "local.push");
  ASSERT_PATH("function f(req) { /*here*/req.body; }\n", LL_LIFETIME_SHORT, "req.body");
  ASSERT_PATH("function f() { /*here*/window.cache; }\n", LL_LIFETIME_LONG, "window.cache");
  ASSERT_PATH("function f() { /*here*/process.stdout; }\n", LL_LIFETIME_LONG, "process.stdout");
  ASSERT_PATH("function f() { /*here*/console.log; }\n", LL_LIFETIME_UNKNOWN, "console.log");
  ASSERT_PATH("import store from './store';\nexport function f() { /*here*/store.items; }\n",
              LL_LIFETIME_UNKNOWN, "store.items");
  ASSERT_PATH("function f() { /*here*/module.exports.items; }\n", LL_LIFETIME_UNKNOWN,
              "module.exports.items");
  ASSERT_PATH("function f() { g = g || []; /*here*/g.push(1); }\n", LL_LIFETIME_LONG, "g.push");
}

static void lifetimes_of_this(void **state) {
  (void)state;
  ASSERT_PATH("class A { m() { /*here*/this.items; } }\n", LL_LIFETIME_SHORT, "this.items");
  ASSERT_PATH("class A { m() { [1].forEach(() => /*here*/this.#items); } }\n", LL_LIFETIME_SHORT,
              "this.#items");
  ASSERT_PATH("class A { static m() { /*here*/this.items; } }\n", LL_LIFETIME_LONG, "A.items");
  assert_false(path_of("function f() { /*here*/this.x; }\n", 0).resolved); // unknown `this`
  assert_false(path_of("function f() { /*here*/make().x; }\n", 0).resolved);
}

static void paths_compare(void **state) {
  (void)state;
  const char *code = "function f() { /*here*/global.x; /*here*/globalThis.x; /*here*/self.y; }\n";
  loaded l;
  load(&l, code, LL_SOURCE_SCRIPT);
  ll_path paths[3];
  const char *at = code;
  for (int i = 0; i < 3; i++) {
    at = strstr(at, "/*here*/") + 8;
    uint32_t byte = (uint32_t)(at - code);
    TSNode node =
        ts_node_parent(ts_node_descendant_for_byte_range(ts_tree_root_node(l.tree), byte, byte));
    assert_true(ll_facts_path(l.facts, node, &paths[i]));
  }
  assert_true(ll_path_equal(&paths[0], &paths[1])); // every name of the global object
  assert_false(ll_path_equal(&paths[0], &paths[2]));
  unload(&l);
}

// The collections fact, read by a probe rule at file end: the effects on the collection named
// by `path` ("cache.byUser"), and whether it is known to be a collection.
static const char *probe_path;
static uint32_t probe_effects;
static bool probe_found, probe_known;
static int probe_growths;

static void probe_file_end(ll_ctx *ctx, void *state) {
  (void)state;
  const ll_collections *collections = ll_ctx_collections(ctx);
  for (const ll_collection *c = collections->collections; c; c = c->next) {
    if (strcmp(ll_path_describe(&c->path, ll_ctx_arena(ctx)), probe_path) != 0) continue;
    probe_found = true;
    probe_effects = ll_collection_effects(collections, c);
    probe_known = ll_collection_is_known(collections, c);
    for (const ll_growth *g = ll_collections_growths(collections); g; g = g->next)
      probe_growths += g->target == c;
  }
}

static const ll_rule probe_rule = {.id = "probe", .file_end = probe_file_end};

static uint32_t effects_of(const char *code, const char *path) {
  probe_path = path;
  probe_effects = 0;
  probe_found = probe_known = false;
  probe_growths = 0;
  ll_enabled_rule enabled = {&probe_rule, LL_WARNING, false, NULL};
  ll_config *config = ll_config_new_for_rules(&enabled, 1);
  ll_analyzer_options options = {.max_file_size = 1 << 20, .parse_timeout = 10};
  ll_analyzer *analyzer = ll_analyzer_new(&options);
  ll_file_result result;
  ll_analyzer_source(analyzer, config, "t.js", code, strlen(code), &result);
  ll_analyzer_delete(analyzer);
  ll_config_delete(config);
  assert_true(probe_found);
  return probe_effects;
}

static void collection_growth(void **state) {
  (void)state;
  const char *grows[] = {
      "const a = [];\nexports.f = (x) => { a.push(x); };\n",
      "const a = new Map();\nexports.f = (k) => { a.set(k, 1); };\n",
      "const a = new Set();\nexports.f = (k) => { a.add(k); };\n",
      "const a = {};\nexports.f = (k) => { a[k] = 1; };\n",
      "let a = [];\nexports.f = (x) => { a = a.concat(x); };\n",
      "let a = [];\nexports.f = (x) => { a = [...a, x]; };\n",
      "const a = {};\nexports.f = (x) => { Object.assign(a, x); };\n",
      "const a = [];\nexports.f = (x) => { a.splice(0, 0, x); };\n",
  };
  for (size_t i = 0; i < sizeof grows / sizeof *grows; i++) {
    assert_int_equal(effects_of(grows[i], "a"), LL_EFFECT_GROWS);
    assert_true(probe_known);
    assert_int_equal(probe_growths, 1);
  }
  // Growth at start-up is an effect, but not a growth in repeated code.
  assert_int_equal(effects_of("const a = [];\na.push(1);\n", "a"), LL_EFFECT_GROWS);
  assert_int_equal(probe_growths, 0);
  // A constant key sets one entry: not growth.
  assert_int_equal(effects_of("const a = {};\nexports.f = () => { a['k'] = 1; };\n", "a"), 0);
}

static void collection_shrink_reset_bound(void **state) {
  (void)state;
  assert_int_equal(effects_of("const a = [];\nexports.f = () => a.shift();\n", "a"),
                   LL_EFFECT_SHRINKS);
  assert_int_equal(effects_of("const a = new Map();\nexports.f = (k) => a.delete(k);\n", "a"),
                   LL_EFFECT_SHRINKS);
  assert_int_equal(effects_of("const a = {};\nexports.f = (k) => { delete a[k]; };\n", "a"),
                   LL_EFFECT_SHRINKS);
  assert_int_equal(effects_of("let a = [];\nexports.f = () => { a = a.filter(Boolean); };\n", "a"),
                   LL_EFFECT_SHRINKS);
  assert_int_equal(effects_of("const a = new Set();\nexports.f = () => a.clear();\n", "a"),
                   LL_EFFECT_RESETS);
  assert_int_equal(effects_of("const a = [];\nexports.f = () => { a.length = 0; };\n", "a"),
                   LL_EFFECT_RESETS);
  assert_int_equal(effects_of("let a = [];\nexports.f = () => { a = []; };\n", "a"),
                   LL_EFFECT_RESETS);
  assert_int_equal(effects_of("const a = [];\nexports.f = () => a.length > 10;\n", "a"),
                   LL_EFFECT_BOUNDED);
  assert_int_equal(effects_of("const a = new Map();\nexports.f = () => a.size >= 5;\n", "a"),
                   LL_EFFECT_BOUNDED);
  // So does its logical-assignment form.
  assert_int_equal(effects_of("let a;\nexports.f = (x) => { a ||= []; a.push(x); };\n", "a"),
                   LL_EFFECT_GROWS);
  assert_true(probe_known);
  // The set-up idiom creates, it does not reset.
  assert_int_equal(effects_of("global.a = global.a || [];\n", "global.a"), 0);
  assert_true(probe_known);
}

static void collection_escapes_and_weak(void **state) {
  (void)state;
  assert_int_equal(effects_of("const a = [];\nsend(a);\n", "a"), LL_EFFECT_ESCAPES);
  assert_int_equal(effects_of("const a = [];\nmodule.exports = { a };\n", "a"), LL_EFFECT_ESCAPES);
  assert_int_equal(effects_of("const a = [];\nexports.get = () => a;\n", "a"), LL_EFFECT_ESCAPES);
  assert_int_equal(effects_of("const a = [];\nconst b = a;\n", "a"), LL_EFFECT_ESCAPES);
  assert_int_equal(effects_of("const a = [];\nexport { a as items };\n", "a"), LL_EFFECT_ESCAPES);
  assert_int_equal(effects_of("const a = new Set();\nexport default a;\n", "a"), LL_EFFECT_ESCAPES);
  // Reading calls do not hand it away.
  assert_int_equal(effects_of("const a = [];\nconsole.log(JSON.stringify(a));\n", "a"), 0);
  assert_int_equal(effects_of("const a = new WeakMap();\n", "a"), LL_EFFECT_WEAK);
  assert_int_equal(effects_of("const a = new LRUCache({ max: 5 });\n", "a"), LL_EFFECT_WEAK);
  // Resetting or handing out the root reaches its members.
  assert_int_equal(effects_of("let c = { m: new Map() };\nexports.f = (k) => c.m.set(k, 1);\n"
                              "exports.g = () => { c = { m: new Map() }; };\n",
                              "c.m"),
                   LL_EFFECT_GROWS | LL_EFFECT_RESETS);
  // A value whose type the file does not show is not known to be a collection.
  effects_of("const a = make();\nexports.f = (x) => a.push(x);\n", "a");
  assert_false(probe_known);
}

int main(void) {
  const char *missing;
  if (!ll_grammar_init(&missing)) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(top_level_runs_once),
      cmocka_unit_test(start_up_helper_runs_once),
      cmocka_unit_test(unused_function_is_unknown),
      cmocka_unit_test(route_handlers_repeat),
      cmocka_unit_test(listeners_repeat_once_does_not),
      cmocka_unit_test(timers),
      cmocka_unit_test(effects_and_classes),
      cmocka_unit_test(lifecycles_pair_setup_and_teardown),
      cmocka_unit_test(handles_and_their_fates),
      cmocka_unit_test(events_from_strings_and_constants),
      cmocka_unit_test(exported_functions_repeat),
      cmocka_unit_test(immediate_callbacks_inherit),
      cmocka_unit_test(call_graph_propagates),
      cmocka_unit_test(returned_and_unseen),
      cmocka_unit_test(lifetimes_of_roots),
      cmocka_unit_test(lifetimes_of_this),
      cmocka_unit_test(paths_compare),
      cmocka_unit_test(collection_growth),
      cmocka_unit_test(collection_shrink_reset_bound),
      cmocka_unit_test(collection_escapes_and_weak),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
