// listener-unbalanced: a listener added again and again to an emitter that outlives the code
// adding it, and never removed; or a removal that can never match the listener it means.
//
// Every `.on()` appends its function to the emitter's listener list, and the emitter keeps that
// function, and everything the function captures (a request, a response, a socket), alive for as
// long as the emitter lives. Added from a request handler, a timer or a loop, the list grows on
// every run; Node prints MaxListenersExceededWarning long after the heap started growing.
//
// The listeners fact (listeners.h) collects every add and every removal of the file and matches
// them; at the end of the file the rule reports the adds no removal can match. A removal that
// cannot work because one side is a new function object is ineffective-cleanup's finding, at the
// removal.
#include <stdio.h>
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/flow.h"
#include "analyzer/handles.h"
#include "analyzer/listeners.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "listeners", "events", NULL};
static const char *const node_types[] = {"call_expression", "new_expression", NULL};

enum { OPT_IGNORE_EVENTS };
static const ll_rule_option rule_options[] = {
    [OPT_IGNORE_EVENTS] =
        {"ignoreEvents", "events whose listeners are never reported (e.g. \"^(error|SIGTERM)$\")"},
    {0},
};

// A subscription, reaction, watcher or observer (handles.h) acquired by code that runs again and
// again, whose handle is dropped or kept and never released: each run leaves one more
// registered.
static void check_handle(ll_ctx *ctx, TSNode call) {
  const ll_facts *facts = ll_ctx_facts(ctx);
  ll_handle handle;
  ll_repeat why;
  if (!ll_handle_of_call(facts, call, &handle) ||
      ll_ctx_frequency_at(ctx, call, &why) != LL_FREQ_REPEATED)
    return;
  ll_arena *arena = ll_ctx_arena(ctx);
  const char *kept_in;
  ll_handle_fate fate = ll_facts_handle_fate(facts, call, &handle, arena, &kept_in);
  if (fate != LL_HANDLE_DROPPED && fate != LL_HANDLE_KEPT) return;
  TSNode callee = ll_ast_is(call, ll_js.sym.new_expression)
                      ? ll_ast_field(call, ll_js.field.constructor)
                      : ll_ast_field(call, ll_js.field.function);
  ll_str name = ll_ctx_text(ctx, callee);
  if (name.len > 40 && ll_ast_is(callee, ll_js.sym.member_expression))
    name = ll_ctx_text(ctx, ll_ast_field(callee, ll_js.field.property));
  if (name.len > 40) name.len = 40;
  const char *made =
      ll_arena_printf(arena, "%s%.*s", ll_ast_is(call, ll_js.sym.new_expression) ? "new " : "",
                      (int)name.len, name.ptr);
  const char *verb = ll_ast_is(call, ll_js.sym.new_expression) ? "made" : "called";
  const char *where = ll_facts_describe_repeat(facts, arena, &why);
  const char *unit = ll_facts_repeat_unit(facts, &why);
  if (fate == LL_HANDLE_DROPPED) {
    ll_ctx_report_repeated(ctx, call, &why, 0,
                           "`%s` is %s %s, and what it returns, the only way to end the %s "
                           "(%s), is dropped: every %s adds one more %s",
                           made, verb, where, handle.what, handle.release, unit, handle.what);
    return;
  }
  const char *teardown = ll_facts_teardown_misses(facts, arena, &why, "release");
  ll_ctx_report_repeated(
      ctx, call, &why, 0,
      "`%s` is %s %s; what it returns is kept in `%s` but %s: every %s adds one more %s", made,
      verb, where, kept_in,
      teardown
          ? teardown
          : ll_arena_printf(arena, "never used to end the %s (%s)", handle.what, handle.release),
      unit, handle.what);
}

// Listener calls are the listeners fact's; the rule itself only looks at other calls, which may
// acquire a subscription or an observer.
static void on_call(ll_ctx *ctx, TSNode call, void *opaque) {
  (void)opaque;
  // The listeners collector visits each call just before the rules do: its newest site is this
  // call when it is a listener call.
  const ll_listener_site *last = ll_ctx_listeners(ctx)->last;
  if (last && ts_node_eq(last->call, call)) return;
  check_handle(ctx, call);
}

// The emitter outlives the code that adds to it: module or global scope, a global object,
// `process`, `window`, `document`, a static member, an import.
static bool emitter_is_long_lived(const ll_ctx *ctx, const ll_listener_site *add) {
  return add->emitter_known &&
         ll_facts_listener_outlives_run(ll_ctx_facts(ctx), add->call, &add->emitter);
}

// A constructor adding to an emitter handed to it: the emitter existed before the instance and
// will keep every instance reachable. (A method's parameter is as often the instance's own
// connection or stream passed between its helpers, so only constructor parameters count; and
// an emitter the class ends itself, a client's connection, is the instance's own.)
static bool emitter_is_constructor_parameter(const ll_ctx *ctx, const ll_listener_site *add) {
  const ll_binding *root = add->emitter.binding;
  if (!add->emitter_known || !root || root->kind != LL_BIND_PARAM || add->emitter.text[0] ||
      !add->class_scope)
    return false;
  const ll_scope *fn = root->scope;
  if (fn->parent != add->class_scope || !ll_ast_is(fn->node, ll_js.sym.method_definition))
    return false;
  return ll_str_eq(ll_ctx_text(ctx, ll_ast_field(fn->node, ll_js.field.name)), "constructor") &&
         !ll_facts_class_ends(ll_ctx_facts(ctx), add->class_scope, root);
}

// A listener on the process's standard streams (`process.stdin.on('data', ...)`).
static bool reads_standard_stream(const ll_listener_site *add) {
  return !strcmp(add->emitter.text, ".stdin") || !strcmp(add->emitter.text, ".stdout") ||
         !strcmp(add->emitter.text, ".stderr");
}

// A signal, exit or crash handler on the process itself (`process.on('SIGTERM', ...)`), or a
// reader of its standard streams: a daemon installs it once, at start-up, in its `start()` or a
// CLI command. Only code the file
// shows to repeat, or a handler that keeps the data of the call that adds it, makes it a leak;
// the mere chance that some caller runs it twice does not.
static bool is_process_lifecycle(const ll_listener_site *add) {
  if (!add->emitter_known || add->event_set) return false;
  bool is_process = (add->emitter.binding == NULL && ll_str_eq(add->emitter.host, "process")) ||
                    (add->emitter.binding && add->emitter.binding->kind == LL_BIND_IMPORT &&
                     add->emitter.lifetime == LL_LIFETIME_LONG);
  if (!is_process) return false;
  // `process.stdin.on('data')` in a command-line tool: read once per command.
  if (reads_standard_stream(add)) return true;
  if (add->emitter.text[0]) return false;
  static const char *const events[] = {
      "SIGINT",   "SIGTERM",    "SIGHUP",  "SIGQUIT",    "SIGUSR1",           "SIGUSR2",
      "SIGBREAK", "SIGWINCH",   "exit",    "beforeExit", "uncaughtException", "unhandledRejection",
      "warning",  "disconnect", "message", NULL};
  for (const char *const *e = events; *e; e++)
    if (ll_str_eq(add->event, *e)) return true;
  return false;
}

typedef struct capture_search {
  const ll_scope *run; // the function whose run adds the listener
  bool found;
} capture_search;

static void note_capture(const ll_binding *b, const ll_ref *first_use, void *data) {
  (void)first_use;
  capture_search *search = data;
  if (b->kind != LL_BIND_FUNCTION && ll_scope_is_within(b->scope, search->run))
    search->found = true;
}

// True when the listener is an inline function that captures a parameter or a local of the
// function that adds it: the listener keeps that run's data (a user, a request, a child), the
// signature of a handler added per call rather than once.
static bool keeps_run_state(const ll_ctx *ctx, const ll_listener_site *add) {
  if (add->fn != LL_FN_INLINE || !add->scope) return false;
  TSNode body = ll_ast_field(add->listener, ll_js.field.body);
  if (ts_node_is_null(body)) return false;
  const ll_scope *fn = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(body))->function;
  if (!ts_node_eq(fn->node, add->listener)) return false;
  capture_search search = {add->scope->function, false};
  ll_scope_each_capture(ll_ctx_scopes(ctx), fn, note_capture, &search);
  return search.found;
}

// The trace step of a long-lived emitter: where its name is declared.
static void trace_emitter(ll_ctx *ctx, const ll_listener_site *add) {
  const ll_binding *b = add->emitter.binding;
  if (!b || ts_node_is_null(b->decl) || b->kind == LL_BIND_PARAM) return;
  ll_ctx_trace(ctx, b->decl, "`%.*s` is declared here and outlives the code that adds to it",
               (int)b->name.len, b->name.ptr);
}

// A listener its own function removes on some ways through it only (after a call that may
// throw, past an early return, in one branch): each run that goes the other way leaves it.
static void report_skipped_removal(ll_ctx *ctx, const ll_listener_site *add, const TSNode *removals,
                                   uint32_t n) {
  ll_skip skip;
  const ll_facts *facts = ll_ctx_facts(ctx);
  if (!n || !ll_flow_release_skipped(facts, add->call, removals, n, &skip)) return;
  const ll_source *source = ll_ctx_source(ctx);
  ll_arena *arena = ll_ctx_arena(ctx);
  unsigned removed_at = ll_source_position(source, ts_node_start_byte(removals[0])).line;
  ll_skip_words words = ll_flow_describe(&skip, source, arena, "removal", "removes");
  ll_ctx_report_repeated(
      ctx, add->call, &add->why, 0,
      "%s is added to long-lived `%s` %s; it is removed at line %u, %s: every %s "
      "%s adds one more",
      ll_listener_describe(arena, add), ll_path_describe(&add->emitter, arena),
      ll_facts_describe_repeat(facts, arena, &add->why), removed_at, words.way,
      ll_facts_repeat_unit(facts, &add->why), words.runs);
  trace_emitter(ctx, add);
  ll_ctx_trace(ctx, removals[0], "removed here");
  ll_ctx_trace(ctx, skip.at, "%s", words.note);
}

static void file_end(ll_ctx *ctx, void *opaque) {
  (void)opaque;
  const ll_listeners *listeners = ll_ctx_listeners(ctx);
  ll_arena *arena = ll_ctx_arena(ctx);
  for (const ll_listener_site *add = listeners->sites; add; add = add->next) {
    if (!add->is_add || add->self_removing) continue;
    const ll_listener_site *mismatch = NULL;
    const char *mismatch_reason = NULL;
    bool balanced = false, fresh = false, maybe = false;
    enum { MAX_REMOVALS = 16 };
    TSNode removals[MAX_REMOVALS];
    uint32_t n_removals = 0;
    for (const ll_listener_site *rm = listeners->sites; rm; rm = rm->next) {
      if (rm->is_add) continue;
      const char *why_not;
      ll_mismatch kind;
      ll_listener_match m = ll_listener_removes(arena, rm, add, &why_not, &kind);
      if (m == LL_REMOVES_YES && n_removals < MAX_REMOVALS) removals[n_removals++] = rm->call;
      if (m == LL_REMOVES_MAYBE) maybe = true;
      if (m != LL_REMOVES_NO)
        balanced = true;
      else if (why_not && rm->orphaned && kind != LL_MISMATCH_OTHER)
        fresh = true; // a new function object on one side: ineffective-cleanup, at the removal
      else if (why_not && rm->orphaned && !mismatch) {
        mismatch = rm;
        mismatch_reason = why_not;
      }
    }
    if (balanced && !maybe && add->event_known && add->emitter_known &&
        add->freq == LL_FREQ_REPEATED && emitter_is_long_lived(ctx, add))
      report_skipped_removal(ctx, add, removals, n_removals);
    if (balanced || fresh) continue;
    ll_str event = add->event_known ? add->event : (ll_str){"?", 1};
    // The project says these events are meant to be listened to for good.
    if (add->event_known && ll_ctx_option_matches(ctx, OPT_IGNORE_EVENTS, event)) continue;
    const char *what = ll_listener_describe(arena, add);
    const char *emitter = add->emitter_known ? ll_path_describe(&add->emitter, arena) : "?";
    if (mismatch) {
      // The code meant to remove it: flagged wherever the add is.
      ll_ctx_report(ctx, add->call,
                    "%s on `%s` is never removed: the removal at line %u "
                    "cannot match it, because %s",
                    what, emitter,
                    ll_source_position(ll_ctx_source(ctx), ts_node_start_byte(mismatch->call)).line,
                    mismatch_reason);
      ll_ctx_trace(ctx, mismatch->call, "this removal cannot match it: %s", mismatch_reason);
      continue;
    }
    // Without the event's name the file cannot tell what is added: stay silent.
    if (!add->event_known || !add->emitter_known) continue;
    // Added once per emitter, behind a test of the emitter itself that the guarded code records
    // (`if (!tracked.has(req.socket)) { tracked.add(req.socket); req.socket.on(...) }`).
    if (ll_facts_guarded_per_object(ll_ctx_facts(ctx), add->call, &add->emitter)) continue;
    if (add->freq == LL_FREQ_REPEATED && emitter_is_long_lived(ctx, add)) {
      bool sure_only = is_process_lifecycle(add) && !keeps_run_state(ctx, add);
      // In a component's set-up: say which teardown misses the removal, and per what it adds.
      const ll_facts *facts = ll_ctx_facts(ctx);
      const char *teardown = ll_facts_teardown_misses(facts, arena, &add->why, "remove");
      // `req.socket` outlives the request, not the process: say what it lives as long as.
      const char *owner =
          add->emitter.lifetime == LL_LIFETIME_CONNECTION
              ? ll_arena_printf(arena,
                                "`%s`, which lives as long as the connection and serves each "
                                "request on it (keep-alive),",
                                emitter)
              : ll_arena_printf(arena, "long-lived `%s`", emitter);
      ll_ctx_report_repeated(ctx, add->call, &add->why, sure_only ? LL_REPORT_SURE_ONLY : 0,
                             "%s is added to %s %s, and %s: every %s adds one more", what, owner,
                             ll_facts_describe_repeat(facts, arena, &add->why),
                             teardown ? teardown : "never removed",
                             ll_facts_repeat_unit(facts, &add->why));
      trace_emitter(ctx, add);
    } else if (add->in_loop && !add->event_set && emitter_is_long_lived(ctx, add) &&
               add->emitter.text[0] != '[' && !strstr(add->emitter.text, "[]")) {
      // The same emitter and event in every iteration: the listener is stacked once per
      // iteration. (A loop over a set of events adds one listener to each: not a stack.)
      ll_ctx_report(ctx, add->call,
                    "%s is added to `%s` inside a loop, once per iteration, and "
                    "never removed",
                    what, emitter);
    } else if (add->freq == LL_FREQ_REPEATED && add->why.reason == LL_REPEAT_CLASS_MEMBER &&
               emitter_is_constructor_parameter(ctx, add)) {
      ll_ctx_report_with_confidence(
          ctx, add->call, LL_CONFIDENCE_MEDIUM,
          "%s is added to `%s`, an emitter the instance did not create, "
          "and no method of the class removes it: every instance stays reachable from "
          "the emitter",
          what, emitter);
    }
  }
}

const ll_rule ll_rule_listener_unbalanced = {
    .id = "listener-unbalanced",
    .name = "ListenerUnbalanced",
    .short_description = "Listener added by code that runs repeatedly and never removed",
    .full_description =
        "Adding a listener in a request handler, loop, timer or effect grows the emitter's\n"
        "listener list on every run; the emitter keeps each function, and everything it\n"
        "captures, alive for as long as the emitter lives.\n\n"
        "Bad:\n\n"
        "```js\n"
        "app.get('/feed', (req, res) => {\n"
        "  bus.on('tick', (t) => res.write(t)); // one more listener per request\n"
        "});\n"
        "```\n\n"
        "Good: register once at start-up, use `once()` or `{ once: true }`, pass an\n"
        "AbortSignal, or remove the same function with `off()` / `removeListener()` when the\n"
        "request ends. A removal only works with the same emitter, event and function object\n"
        "(and, for DOM listeners, the same capture flag): an inline function or `f.bind(x)`\n"
        "can never be removed by another expression.\n",
    .help_uri = LL_RULE_PAGES_URL "listener-unbalanced.md",
    .fix = "remove the listener in the matching teardown, or add it once at start-up",
    .category = LL_CATEGORY_LISTENERS,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .options = rule_options,
    .enter = on_call,
    .file_end = file_end,
};
