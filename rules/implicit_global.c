// implicit-global: a function assigns to a name that no scope declares.
//
// In a script that is not strict, `total = 0` inside a function creates a property of the global
// object. It is never collected: whatever it holds (and a collection it holds can grow on every
// call) lives as long as the process. The binder turns such writes into LL_BIND_IMPLICIT_GLOBAL
// bindings; this rule reports the first write to each of them in each function.
#include "analyzer/globals.h"
#include "analyzer/rule.h"

static const char *const tags[] = {"memory", "leak", "globals", NULL};

// The code tests for the name with `typeof`: it knows the name is global and means to create or
// reuse it (the UMD and polyfill idiom), so the global is deliberate.
static bool tested_with_typeof(const ll_binding *global) {
  for (const ll_ref *ref = global->refs; ref; ref = ref->next_of_binding)
    if (ref->flags & LL_REF_TYPEOF) return true;
  return false;
}

// True when an earlier write to `global` was already reported in the same function.
static bool reported_in(const ll_binding *global, const ll_ref *upto, const ll_scope *function) {
  for (const ll_ref *ref = global->refs; ref != upto; ref = ref->next_of_binding)
    if ((ref->flags & LL_REF_WRITE) && ref->from->function == function &&
        !(ref->from->flags & LL_SCOPE_STRICT))
      return true;
  return false;
}

static void check_file(ll_ctx *ctx, void *state) {
  (void)state;
  const ll_scope_model *model = ll_ctx_scopes(ctx);
  for (const ll_binding *global = model->global->bindings; global; global = global->next) {
    if (global->kind != LL_BIND_IMPLICIT_GLOBAL) continue;
    // Assigning `onload` or `name` sets a property the host already has: nothing new is kept;
    // nor does a global the configuration declares (defined by another script).
    if (ll_globals_is_host(global->name) || tested_with_typeof(global) ||
        ll_vocab_is_global(ll_facts_vocab(ll_ctx_facts(ctx)), ll_ctx_source(ctx), global->name))
      continue;
    for (const ll_ref *ref = global->refs; ref; ref = ref->next_of_binding) {
      if (!(ref->flags & LL_REF_WRITE) || (ref->from->flags & LL_SCOPE_STRICT)) continue;
      const ll_scope *function = ref->from->function;
      // Top-level code runs once; a global it creates is as bounded as a declared one.
      if (function->kind == LL_SCOPE_GLOBAL || function->kind == LL_SCOPE_MODULE) continue;
      if (reported_in(global, ref, function)) continue;
      // Sure when code that repeats keeps writing it (what it holds outlives each run); a
      // function whose callers the file does not show may run once.
      // Sure when code the file shows to repeat keeps writing it; a bug wherever it is, so a
      // function that may run once is reported too, with less confidence.
      ll_repeat why;
      bool repeated = ll_facts_frequency(ll_ctx_facts(ctx), ref->from, &why) == LL_FREQ_REPEATED;
      ll_ctx_report_with_confidence(
          ctx, ref->id,
          repeated && ll_facts_repeat_confidence(ll_ctx_facts(ctx), &why) == LL_CONFIDENCE_HIGH
              ? LL_CONFIDENCE_HIGH
              : LL_CONFIDENCE_MEDIUM,
          "`%.*s` is assigned but never declared, so it becomes a global that lives as long as "
          "the process; declare it with let, const or var",
          (int)global->name.len, global->name.ptr);
    }
  }
}

const ll_rule ll_rule_implicit_global = {
    .id = "implicit-global",
    .name = "ImplicitGlobal",
    .short_description = "Assignment to an undeclared name creates a global that is never freed",
    .full_description =
        "In a script that is not in strict mode, assigning to a name that no scope declares\n"
        "creates a property of the global object. Unlike a local, it is never garbage\n"
        "collected: whatever it references stays alive until the process exits, and a\n"
        "collection stored in it keeps every item ever added.\n\n"
        "Bad:\n\n"
        "```js\n"
        "function track(id) {\n"
        "  seen = seen || new Set(); // implicit global\n"
        "  seen.add(id);\n"
        "}\n"
        "```\n\n"
        "Good: declare the variable (`let seen = new Set();` at module level, bounded), or\n"
        "add `\"use strict\"` so that the mistake throws. A global that is meant to exist can\n"
        "be declared with a `/* global seen */` comment.\n",
    .help_uri = LL_RULE_PAGES_URL "implicit-global.md",
    .fix = "declare it with const or let in the scope that uses it",
    .category = LL_CATEGORY_GLOBALS,
    .default_severity = LL_ERROR,
    .precision = "high",
    .tags = tags,
    .file_end = check_file,
};
