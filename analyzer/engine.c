// The engine: the rules' walk over one file.
//
// The walk is iterative (a TSTreeCursor plus an arena stack), so nesting depth costs heap, not C
// stack. Dispatch is a table indexed by grammar symbol that lists the rules wanting that symbol,
// so the cost per node does not grow with the number of rules. ERROR subtrees are not entered:
// nothing in them is reliable enough to report on. The walk keeps the current scope in step with
// the binder's pre-order scope list, so rules can ask for it without a search.
#include "analyzer/engine.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/ast.h"
#include "analyzer/collections.h"
#include "analyzer/listeners.h"
#include "analyzer/registry.h"

struct ll_engine {
  ll_enabled_rule *rules;
  size_t n_rules;
  // For each symbol s, the rules to call are enter_list[enter_start[s] .. enter_start[s + 1]).
  uint32_t *enter_start, *leave_start;
  uint16_t *enter_list, *leave_list;
  uint8_t *visit; // per symbol: LL_VISIT_ENTER and/or LL_VISIT_LEAVE when some rule wants it
  uint32_t symbol_count;
};

struct ll_ctx {
  ll_arena *arena;
  const ll_source *source;
  const ll_scope_model *model;
  const ll_facts *facts;
  ll_scope *scope;
  const ll_collections *collections; // the collectors' states
  const ll_listeners *listeners;
  uint32_t loop_depth; // loops around the visited node inside the current function
  const ll_enabled_rule *running;
  ll_finding *findings;
  size_t n_findings, cap_findings;
  // The finding ll_ctx_trace adds to: the running rule's last kept report, or none.
  size_t traced; // index + 1; 0 when the last report was not kept
  const ll_enabled_rule *traced_by;
};

// calls[r * symbol_count + s]: LL_VISIT_ENTER and/or LL_VISIT_LEAVE when rule r has that
// callback and asked for symbol s. Computed once per rule and type: a symbol lookup by name
// scans the grammar's symbol table, far too slow to repeat per symbol (it made every run, a
// one-file pre-commit run included, pay milliseconds at start-up).
static uint8_t *rule_calls(const ll_engine *e) {
  uint8_t *calls = ll_xcalloc(e->n_rules * e->symbol_count + 1, sizeof *calls);
  for (size_t r = 0; r < e->n_rules; r++) {
    const ll_rule *rule = e->rules[r].rule;
    uint8_t when =
        (uint8_t)((rule->enter ? LL_VISIT_ENTER : 0) | (rule->leave ? LL_VISIT_LEAVE : 0));
    for (const char *const *type = rule->node_types; type && *type; type++)
      calls[r * e->symbol_count + ll_grammar_symbol(*type)] = when;
  }
  return calls;
}

// The dispatch list for `when` (LL_VISIT_ENTER or LL_VISIT_LEAVE): for symbol s, the rules to call
// are list[start[s] .. start[s + 1]).
static void build_lists(ll_engine *e, const uint8_t *calls, uint8_t when, uint32_t **start,
                        uint16_t **list) {
  *start = ll_xcalloc(e->symbol_count + 1, sizeof **start);
  size_t total = 0;
  for (uint32_t s = 0; s < e->symbol_count; s++) {
    (*start)[s] = (uint32_t)total;
    for (size_t r = 0; r < e->n_rules; r++)
      total += (calls[r * e->symbol_count + s] & when) != 0;
  }
  (*start)[e->symbol_count] = (uint32_t)total;
  *list = ll_xcalloc(total ? total : 1, sizeof **list);
  size_t at = 0;
  for (uint32_t s = 0; s < e->symbol_count; s++)
    for (size_t r = 0; r < e->n_rules; r++)
      if (calls[r * e->symbol_count + s] & when) (*list)[at++] = (uint16_t)r;
}

ll_engine *ll_engine_new(const ll_enabled_rule *rules, size_t n, const char **bad_type) {
  for (size_t r = 0; r < n; r++)
    for (const char *const *type = rules[r].rule->node_types; type && *type; type++)
      if (!ll_grammar_symbol(*type)) {
        *bad_type = *type;
        return NULL;
      }
  ll_engine *e = ll_xcalloc(1, sizeof *e);
  // The facts built during the walk (collections, listeners) come first, so that their data is
  // complete before any rule's file_end and up to date when a rule visits the same node.
  static const ll_rule *const collectors[] = {&ll_collections_collector, &ll_listeners_collector};
  enum { N_COLLECTORS = sizeof collectors / sizeof *collectors };
  e->rules = ll_xmalloc((n + N_COLLECTORS) * sizeof *e->rules);
  for (size_t c = 0; c < N_COLLECTORS; c++)
    e->rules[c] = (ll_enabled_rule){collectors[c], LL_WARNING, false, NULL};
  if (n) memcpy(e->rules + N_COLLECTORS, rules, n * sizeof *rules);
  e->n_rules = n + N_COLLECTORS;
  e->symbol_count = ll_js.symbol_count;
  uint8_t *calls = rule_calls(e);
  build_lists(e, calls, LL_VISIT_ENTER, &e->enter_start, &e->enter_list);
  build_lists(e, calls, LL_VISIT_LEAVE, &e->leave_start, &e->leave_list);
  free(calls);
  e->visit = ll_xcalloc(e->symbol_count, 1);
  for (uint32_t s = 0; s < e->symbol_count; s++)
    e->visit[s] = (uint8_t)((e->enter_start[s] < e->enter_start[s + 1] ? LL_VISIT_ENTER : 0) |
                            (e->leave_start[s] < e->leave_start[s + 1] ? LL_VISIT_LEAVE : 0));
  return e;
}

const uint8_t *ll_engine_visit_filter(const ll_engine *engine) {
  return engine->visit;
}

void ll_engine_delete(ll_engine *engine) {
  if (!engine) return;
  free(engine->rules);
  free(engine->enter_start);
  free(engine->leave_start);
  free(engine->enter_list);
  free(engine->leave_list);
  free(engine->visit);
  free(engine);
}

static void add_step(ll_ctx *ctx, TSNode node, const char *message);

static void report(ll_ctx *ctx, TSNode node, ll_confidence confidence, const char *export_root,
                   const char *format, va_list args) {
  uint32_t start = ts_node_start_byte(node);
  ctx->traced = 0;
  if (ll_scope_model_in_error(ctx->model, start)) return;
  if (ctx->n_findings == ctx->cap_findings) {
    size_t cap = ctx->cap_findings ? ctx->cap_findings * 2 : 16;
    ctx->findings =
        ll_arena_grow(ctx->arena, ctx->findings, ctx->n_findings, cap, sizeof *ctx->findings);
    ctx->cap_findings = cap;
  }
  ll_severity severity = ctx->running->severity;
  // A doubtful finding is shown without failing the run, unless the user chose its level.
  if (confidence == LL_CONFIDENCE_MEDIUM && !ctx->running->severity_configured &&
      severity > LL_WARNING)
    severity = LL_WARNING;
  ctx->findings[ctx->n_findings++] = (ll_finding){
      .rule = ctx->running->rule,
      .severity = severity,
      .confidence = confidence,
      .export_root = export_root,
      .start_byte = start,
      .end_byte = ts_node_end_byte(node),
      .message = ll_arena_vprintf(ctx->arena, format, args),
  };
  ctx->traced = ctx->n_findings;
  ctx->traced_by = ctx->running;
  add_step(ctx, node, "reported here");
}

enum { MAX_STEPS = 8 };

// Adds a step to the last kept finding of the running rule: at the end, or first (`front`).
static void put_step(ll_ctx *ctx, TSNode node, const char *message, bool front) {
  if (!ctx->traced || ctx->traced_by != ctx->running || ts_node_is_null(node)) return;
  ll_finding *f = &ctx->findings[ctx->traced - 1];
  if (f->n_trace == MAX_STEPS) return;
  ll_trace_step *steps =
      f->trace ? (ll_trace_step *)f->trace : ll_arena_alloc(ctx->arena, MAX_STEPS * sizeof *steps);
  ll_trace_step step = {.start_byte = ts_node_start_byte(node),
                        .end_byte = ts_node_end_byte(node),
                        .message = message};
  if (front) {
    memmove(steps + 1, steps, f->n_trace * sizeof *steps);
    steps[0] = step;
  } else {
    steps[f->n_trace] = step;
  }
  f->n_trace++;
  f->trace = steps;
}

static void add_step(ll_ctx *ctx, TSNode node, const char *message) {
  put_step(ctx, node, message, false);
}

void ll_ctx_trace(ll_ctx *ctx, TSNode node, const char *format, ...) {
  if (!ctx->traced || ctx->traced_by != ctx->running) return;
  va_list args;
  va_start(args, format);
  const char *message = ll_arena_vprintf(ctx->arena, format, args);
  va_end(args);
  add_step(ctx, node, message);
}

void ll_ctx_report(ll_ctx *ctx, TSNode node, const char *format, ...) {
  va_list args;
  va_start(args, format);
  report(ctx, node, LL_CONFIDENCE_HIGH, NULL, format, args);
  va_end(args);
}

void ll_ctx_report_with_confidence(ll_ctx *ctx, TSNode node, ll_confidence confidence,
                                   const char *format, ...) {
  va_list args;
  va_start(args, format);
  report(ctx, node, confidence, NULL, format, args);
  va_end(args);
}

void ll_ctx_report_repeated(ll_ctx *ctx, TSNode node, const ll_repeat *why, unsigned flags,
                            const char *format, ...) {
  ll_confidence confidence = ll_facts_repeat_confidence(ctx->facts, why);
  bool sure = confidence == LL_CONFIDENCE_HIGH;
  const char *export_root = sure ? NULL : ll_facts_export_root(ctx->facts, why, ctx->arena);
  // Start-up code, or a finding that needs a sure repeat: only callers elsewhere can show one.
  bool needs_sure_callers =
      !sure && ((flags & LL_REPORT_SURE_ONLY) || ll_facts_repeat_is_startup(ctx->facts, why));
  if (needs_sure_callers && !export_root) return;
  if (flags & LL_REPORT_MEDIUM) confidence = LL_CONFIDENCE_MEDIUM;
  va_list args;
  va_start(args, format);
  size_t before = ctx->n_findings;
  report(ctx, node, confidence, export_root, format, args);
  if (ctx->n_findings > before) {
    // The evidence starts with what makes the code run again and again.
    if (!ts_node_is_null(why->site) && !ts_node_eq(why->site, node))
      put_step(ctx, why->site,
               ll_arena_printf(ctx->arena, "why it runs again and again: %s",
                               ll_facts_describe_repeat(ctx->facts, ctx->arena, why)),
               true);
    ctx->findings[before].doubt_is_repeat = !sure && !(flags & LL_REPORT_MEDIUM);
    ctx->findings[before].needs_sure_callers = needs_sure_callers;
  }
  va_end(args);
}

const ll_source *ll_ctx_source(const ll_ctx *ctx) {
  return ctx->source;
}

const ll_scope_model *ll_ctx_scopes(const ll_ctx *ctx) {
  return ctx->model;
}

ll_scope *ll_ctx_scope(const ll_ctx *ctx) {
  return ctx->scope;
}

const ll_collections *ll_ctx_collections(const ll_ctx *ctx) {
  return ctx->collections;
}

const ll_listeners *ll_ctx_listeners(const ll_ctx *ctx) {
  return ctx->listeners;
}

bool ll_ctx_option_matches(const ll_ctx *ctx, size_t option, ll_str text) {
  const ll_pattern_list *options = ctx->running->options;
  return options && ll_pattern_list_match(&options[option], text, ctx->source->path);
}

const ll_facts *ll_ctx_facts(const ll_ctx *ctx) {
  return ctx->facts;
}

bool ll_ctx_in_loop(const ll_ctx *ctx) {
  return ctx->loop_depth > 0;
}

ll_frequency ll_ctx_frequency(const ll_ctx *ctx, ll_repeat *why) {
  return ll_facts_frequency(ctx->facts, ctx->scope, why);
}

ll_frequency ll_ctx_frequency_at(const ll_ctx *ctx, TSNode node, ll_repeat *why) {
  ll_frequency freq = ll_facts_frequency(ctx->facts, ctx->scope, why);
  if (freq != LL_FREQ_REPEATED || !ll_facts_guarded_once(ctx->facts, node)) return freq;
  if (why) *why = (ll_repeat){0};
  return LL_FREQ_ONCE;
}

ll_arena *ll_ctx_arena(ll_ctx *ctx) {
  return ctx->arena;
}

ll_str ll_ctx_text(const ll_ctx *ctx, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  if (end > ctx->source->len) end = ctx->source->len;
  if (start > end) start = end;
  return (ll_str){ctx->source->text + start, end - start};
}

bool ll_ctx_is_console_call(const ll_ctx *ctx, TSNode call) {
  if (ts_node_symbol(call) != ll_js.sym.call_expression) return false;
  TSNode callee = ts_node_child_by_field_id(call, ll_js.field.function);
  if (ts_node_symbol(callee) != ll_js.sym.member_expression) return false;
  return ll_str_eq(ll_ctx_text(ctx, ts_node_child_by_field_id(callee, ll_js.field.object)),
                   "console");
}

static void dispatch(const ll_engine *e, ll_ctx *ctx, TSNode node, TSSymbol sym, void **states,
                     bool leaving) {
  const uint32_t *start = leaving ? e->leave_start : e->enter_start;
  const uint16_t *list = leaving ? e->leave_list : e->enter_list;
  for (uint32_t i = start[sym]; i < start[sym + 1]; i++) {
    const ll_enabled_rule *er = &e->rules[list[i]];
    ctx->running = er;
    if (leaving)
      er->rule->leave(ctx, node, states[list[i]]);
    else
      er->rule->enter(ctx, node, states[list[i]]);
  }
}

void ll_engine_run(const ll_engine *e, ll_arena *arena, const ll_source *source,
                   const ll_scope_model *model, const ll_facts *facts, ll_finding **findings,
                   size_t *n_findings) {
  ll_ctx ctx = {.arena = arena,
                .source = source,
                .model = model,
                .facts = facts,
                .scope = model->global,
                .findings = *findings,
                .n_findings = *n_findings,
                .cap_findings = *n_findings};
  void **states = ll_arena_alloc(arena, (e->n_rules + 1) * sizeof *states);
  for (size_t r = 0; r < e->n_rules; r++) {
    states[r] =
        e->rules[r].rule->state_size ? ll_arena_alloc(arena, e->rules[r].rule->state_size) : NULL;
    if (e->rules[r].rule == &ll_collections_collector) ctx.collections = states[r];
    if (e->rules[r].rule == &ll_listeners_collector) ctx.listeners = states[r];
    if (e->rules[r].rule->file_begin) {
      ctx.running = &e->rules[r];
      e->rules[r].rule->file_begin(&ctx, states[r]);
    }
  }

  // The binder recorded the nodes the rules want, with their scope and loop depth, during its
  // own walk: replaying them spares a second walk of the whole tree.
  for (uint32_t i = 0; i < model->n_visits; i++) {
    const ll_visit *v = &model->visits[i];
    ctx.scope = model->scopes[v->scope];
    ctx.loop_depth = v->loop_depth;
    if (!v->leaving && v->parent_id) {
      TSNode parent = {
          {v->parent_context[0], v->parent_context[1], v->parent_context[2], v->parent_context[3]},
          v->parent_id,
          v->node.tree};
      ll_ast_remember_parent(v->node, parent);
    }
    // A callback's way to the call it is handed to climbs through the call's arguments.
    if (!v->leaving &&
        (v->symbol == ll_js.sym.call_expression || v->symbol == ll_js.sym.new_expression)) {
      TSNode args = ll_ast_field(v->node, ll_js.field.arguments);
      if (!ts_node_is_null(args)) ll_ast_remember_parent(args, v->node);
    }
    dispatch(e, &ctx, v->node, v->symbol, states, v->leaving);
  }

  for (size_t r = 0; r < e->n_rules; r++)
    if (e->rules[r].rule->file_end) {
      ctx.running = &e->rules[r];
      e->rules[r].rule->file_end(&ctx, states[r]);
    }
  *findings = ctx.findings;
  *n_findings = ctx.n_findings;
}
