// timer-leak: an interval started by code that runs repeatedly and never cleared.
//
// A timer keeps its callback, and the whole scope the callback captures, alive until it is
// cleared. An interval started once at start-up is fine; one started by every request, every
// connection or every instance, whose id is dropped or never passed to clearInterval, adds one
// more live timer per run, forever. A setTimeout callback that schedules itself again is an
// interval by another name.
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "timers", NULL};
static const char *const node_types[] = {"call_expression", NULL};

typedef struct timer_call {
  TSNode call;
  bool is_clear;
  bool id_known;   // the id is stored somewhere a path names (or it is the cleared argument)
  bool id_escapes; // returned, passed on or kept in a collection: others may clear it
  ll_path id;
  ll_repeat why;
  bool is_timeout_loop; // a setTimeout whose callback schedules itself again
  struct timer_call *next;
} timer_call;

typedef struct state {
  timer_call *calls, *last;
} state;

// `setInterval`, `window.setInterval`, `global.setTimeout`, `timers.setInterval`: the timer
// function's name, or an empty slice.
static ll_str timer_function(const ll_ctx *ctx, TSNode callee) {
  if (ll_ast_is(callee, ll_js.sym.member_expression))
    callee = ll_ast_field(callee, ll_js.field.property);
  else if (ll_ast_is(callee, ll_js.sym.identifier)) {
    const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), callee);
    if (ref && ref->target && ref->target->kind != LL_BIND_IMPORT) return (ll_str){"", 0};
  } else {
    return (ll_str){"", 0};
  }
  return ll_ctx_text(ctx, callee);
}

// Where the id returned by `call` goes: sets the path it is stored in, or says it escapes.
static void follow_id(ll_ctx *ctx, TSNode call, timer_call *tc) {
  TSNode node = call, parent = ts_node_parent(call);
  while (ll_ast_is(parent, ll_js.sym.parenthesized_expression)) {
    node = parent;
    parent = ts_node_parent(parent);
  }
  if (ts_node_is_null(parent)) return;
  TSSymbol ps = ts_node_symbol(parent);
  if (ps == ll_js.sym.assignment_expression &&
      ts_node_eq(ll_ast_field(parent, ll_js.field.right), node)) {
    tc->id_known =
        ll_facts_path(ll_ctx_facts(ctx), ll_ast_field(parent, ll_js.field.left), &tc->id);
    tc->id_escapes = !tc->id_known;
  } else if (ps == ll_js.sym.variable_declarator) {
    TSNode name = ll_ast_field(parent, ll_js.field.name);
    const ll_binding *b =
        ll_ast_is(name, ll_js.sym.identifier)
            ? ll_scope_lookup(ll_ctx_scopes(ctx), ll_ctx_scope(ctx), ll_ctx_text(ctx, name))
            : NULL;
    if (b) {
      tc->id = (ll_path){.binding = b, .lifetime = ll_facts_binding_lifetime(b)};
      tc->id_known = true;
    } else {
      tc->id_escapes = true;
    }
  } else if (ps == ll_js.sym.expression_statement) {
    // Dropped: nothing can ever clear it.
  } else if (ps == ll_js.sym.member_expression) {
    // `setInterval(...).unref()` still keeps the callback alive; other members escape.
    ll_str member = ll_ctx_text(ctx, ll_ast_field(parent, ll_js.field.property));
    tc->id_escapes = !(ll_str_eq(member, "unref") || ll_str_eq(member, "ref"));
  } else {
    tc->id_escapes = true; // returned, an argument, an array element, an arrow's value...
  }
}

static void on_call(ll_ctx *ctx, TSNode call, void *opaque) {
  state *st = opaque;
  ll_str fn = timer_function(ctx, ll_ast_field(call, ll_js.field.function));
  bool is_interval = ll_str_eq(fn, "setInterval"), is_timeout = ll_str_eq(fn, "setTimeout");
  bool is_clear = ll_str_eq(fn, "clearInterval") || ll_str_eq(fn, "clearTimeout");
  if (!is_interval && !is_timeout && !is_clear) return;
  TSNode args = ll_ast_field(call, ll_js.field.arguments);
  TSNode first = ts_node_named_child(args, 0);
  if (ts_node_is_null(first)) return;
  timer_call *tc = ll_arena_alloc(ll_ctx_arena(ctx), sizeof *tc);
  tc->call = call;
  tc->is_clear = is_clear;
  if (is_clear) {
    tc->id_known = ll_facts_path(ll_ctx_facts(ctx), first, &tc->id);
  } else {
    if (ll_ctx_frequency(ctx, &tc->why) != LL_FREQ_REPEATED) return;
    if (is_timeout) {
      // Only a timeout whose callback keeps scheduling itself, started from outside it.
      const ll_scope *here = ll_ctx_scope(ctx);
      ll_repeat callback_why;
      const ll_scope *callback = NULL;
      if (ll_ast_is(first, ll_js.sym.identifier)) {
        const ll_ref *ref = ll_facts_ref_at(ll_ctx_facts(ctx), first);
        const ll_binding *b = ref ? ref->target : NULL;
        if (b && !ts_node_is_null(b->init))
          callback = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(b->init) + 1);
      } else if (ll_ast_is(first, ll_js.sym.arrow_function) ||
                 ll_ast_is(first, ll_js.sym.function_expression)) {
        callback = ll_scope_at(ll_ctx_scopes(ctx), ts_node_start_byte(first) + 1);
      }
      if (!callback || callback->function != callback || ll_scope_is_within(here, callback)) return;
      if (ll_facts_frequency(ll_ctx_facts(ctx), callback, &callback_why) != LL_FREQ_REPEATED ||
          callback_why.reason != LL_REPEAT_TIMEOUT_LOOP)
        return;
      tc->is_timeout_loop = true;
    }
    follow_id(ctx, call, tc);
  }
  if (st->last)
    st->last->next = tc;
  else
    st->calls = tc;
  st->last = tc;
}

// A local id that is returned, passed on or stored elsewhere: the code it goes to may clear it.
static bool id_escapes(const ll_path *id) {
  if (!id->binding || id->text[0]) return false;
  for (const ll_ref *ref = id->binding->refs; ref; ref = ref->next_of_binding) {
    if (ref->flags & LL_REF_WRITE) continue;
    TSSymbol ps = ts_node_symbol(ref->parent);
    if (ps == ll_js.sym.return_statement || ps == ll_js.sym.pair || ps == ll_js.sym.array ||
        ps == ll_js.sym.object ||
        (ps == ll_js.sym.arrow_function && ref->field == ll_js.field.body) ||
        (ps == ll_js.sym.assignment_expression && ref->field == ll_js.field.right) ||
        (ps == ll_js.sym.variable_declarator && ref->field == ll_js.field.value))
      return true;
    if (ps == ll_js.sym.arguments) return true; // clearInterval(id) is matched separately
  }
  return false;
}

static void file_end(ll_ctx *ctx, void *opaque) {
  state *st = opaque;
  for (const timer_call *t = st->calls; t; t = t->next) {
    if (t->is_clear || t->id_escapes || (t->id_known && id_escapes(&t->id))) continue;
    bool cleared = false;
    if (t->id_known)
      for (const timer_call *c = st->calls; c && !cleared; c = c->next)
        cleared = c->is_clear && (!c->id_known || ll_path_equal(&c->id, &t->id));
    // A timeout loop is usually stopped by a flag its callback checks; only report it when its
    // id is dropped and nothing in the file clears timers at all.
    if (t->is_timeout_loop && !cleared)
      for (const timer_call *c = st->calls; c && !cleared; c = c->next)
        cleared = c->is_clear;
    if (cleared) continue;
    const char *why = ll_facts_describe_repeat(ll_ctx_facts(ctx), ll_ctx_arena(ctx), &t->why);
    if (t->is_timeout_loop)
      ll_ctx_report(ctx, t->call,
                    "a setTimeout loop is started %s; nothing ever stops it, so each run adds a "
                    "timer that keeps its callback and everything it captures alive",
                    why);
    else
      ll_ctx_report(ctx, t->call,
                    "setInterval is started %s; %s, so each run adds a timer that keeps its "
                    "callback and everything it captures alive forever",
                    why,
                    t->id_known ? "its id is never passed to clearInterval"
                                : "its id is dropped and nothing can clear it");
  }
}

const ll_rule ll_rule_timer_leak = {
    .id = "timer-leak",
    .name = "TimerLeak",
    .short_description = "Interval started by code that runs repeatedly and never cleared",
    .full_description =
        "A timer keeps its callback, and everything the callback captures, alive until it is\n"
        "cleared. `setInterval` called from a request handler, listener, constructor, method or\n"
        "exported function starts one more timer on every run; if its id is dropped or never\n"
        "passed to `clearInterval`, every one of them runs, and holds memory, forever. A\n"
        "`setTimeout` callback that schedules itself again behaves the same way.\n\n"
        "Bad:\n\n"
        "```js\n"
        "io.on('connection', (socket) => {\n"
        "  setInterval(() => socket.emit('ping'), 1000); // never cleared\n"
        "});\n"
        "```\n\n"
        "Good: keep the id and clear it when the owner goes away:\n\n"
        "```js\n"
        "io.on('connection', (socket) => {\n"
        "  const timer = setInterval(() => socket.emit('ping'), 1000);\n"
        "  socket.on('disconnect', () => clearInterval(timer));\n"
        "});\n"
        "```\n",
    .help_uri = LL_DOCS_URL "#timer-leak",
    .default_severity = LL_WARNING,
    .precision = "high",
    .tags = tags,
    .node_types = node_types,
    .state_size = sizeof(state),
    .enter = on_call,
    .file_end = file_end,
};
