// The rule interface: the only analyzer header that files in rules/ include.
//
// A rule is one `const ll_rule` in one file, declared the same way as every other. Its metadata
// maps one to one onto SARIF's reportingDescriptor and onto --list-rules; its callbacks are
// called by the engine during the one walk of each file, only for the node types the rule
// names, after the scope model is complete.
#ifndef LEAKLINT_RULE_H
#define LEAKLINT_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include <tree_sitter/api.h>

#include "analyzer/facts.h"
#include "analyzer/finding.h"
#include "analyzer/grammar.h"
#include "analyzer/scope.h"
#include "analyzer/source.h"

#ifndef LEAKLINT_HOMEPAGE
#define LEAKLINT_HOMEPAGE "https://github.com/leaklint/leaklint"
#endif
/** The README, for the collectors' help_uri (they are no rules a user sees). */
#define LL_DOCS_URL LEAKLINT_HOMEPAGE "/blob/main/README.md"
/** Each rule's help_uri is this plus its id and ".md": the rule's page, rules/<id>.md. */
#define LL_RULE_PAGES_URL LEAKLINT_HOMEPAGE "/blob/main/rules/"

typedef struct ll_ctx ll_ctx;

/**
 * The kind of leak a rule finds: the four causes of "heap out of memory" leaklint exists for, and
 * the analysis itself. Shown by --list-rules, in SARIF rule properties and in JSON findings.
 */
typedef enum ll_category {
  LL_CATEGORY_GLOBALS,   // "globals": collections that only grow, implicit globals
  LL_CATEGORY_LISTENERS, // "listeners": listeners and subscriptions with no release that works
  LL_CATEGORY_CLOSURES,  // "closures": closures and timers kept alive past the run that made them
  LL_CATEGORY_RESOURCES, // "resources": pools, clients, handles and connections never released
  LL_CATEGORY_ANALYSIS,  // "analysis": about the analysis (unparsed code, unused directives)
} ll_category;

/** The category's name as the outputs print it: "globals", "resources", ... */
const char *ll_category_name(ll_category category);

/**
 * An option of a rule, set in the configuration as `"rules": {"ID": ["warning", {KEY: [...]}]}`:
 * a list of PCRE2 patterns (empty unless configured), queried with ll_ctx_option_matches.
 */
typedef struct ll_rule_option {
  const char *key;         // "ignoreEvents"
  const char *description; // one line, for --print-config, --init and the README
} ll_rule_option;

struct ll_rule {
  const char *id;                // "listener-unbalanced": stable, never reused
  const char *name;              // "ListenerUnbalanced": SARIF reportingDescriptor.name
  const char *short_description; // one sentence: SARIF shortDescription, --list-rules
  const char *full_description;  // Markdown: why it leaks, bad and good code
  const char *help_uri;          // the rule's page: LL_RULE_PAGES_URL "<id>.md"
  const char *fix;               // the usual fix, lower case, no final period: the findings'
                                 // last note and JSON `fix`
  ll_category category;          // the kind of leak it finds
  ll_severity default_severity;  // of its high-confidence findings: SARIF defaultConfiguration
  const char *precision;         // SARIF property: "very-high" | "high" | "medium" | "low"
  const char *const *tags;       // NULL-terminated: SARIF properties.tags
  const char *const *node_types; // grammar node types `enter`/`leave` want; NULL-terminated
  const ll_rule_option *options; // indexed by the rule's own enum; ends with {0}; may be NULL
  bool off_by_default;           // runs only when the configuration or a flag turns it on
  size_t state_size;             // per-file state: zeroed, arena-owned, freed with the file
  void (*file_begin)(ll_ctx *ctx, void *state);         // before the walk
  void (*enter)(ll_ctx *ctx, TSNode node, void *state); // a wanted node, before its children
  void (*leave)(ll_ctx *ctx, TSNode node, void *state); // a wanted node, after its children
  void (*file_end)(ll_ctx *ctx, void *state);           // whole-file checks, after the walk
};

/**
 * Reports a finding of the running rule at `node`. The message is printf-formatted into the file
 * arena: lower case, no final period, naming the binding or event. Findings inside a syntax
 * error's ERROR subtree are dropped centrally.
 */
void ll_ctx_report(ll_ctx *ctx, TSNode node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/**
 * ll_ctx_report with a confidence. A medium-confidence finding of a rule whose severity the
 * configuration does not set is a warning, whatever the rule's default severity.
 */
void ll_ctx_report_with_confidence(ll_ctx *ctx, TSNode node, ll_confidence confidence,
                                   const char *format, ...) __attribute__((format(printf, 4, 5)));

/** How ll_ctx_report_repeated weighs a finding, beyond the repetition it rests on. */
enum {
  LL_REPORT_MEDIUM = 1u << 0,    // other evidence is doubtful too (a key of unknown origin)
  LL_REPORT_SURE_ONLY = 1u << 1, // report only a sure repetition: shown by this file, or by the
                                 // callers other files of the run show (a process signal
                                 // handler that some caller might install twice is no leak)
};

/**
 * Reports a finding about code that runs repeatedly for the reason `why`, with `flags`
 * (LL_REPORT_*). Its confidence is that of the repetition (ll_facts_repeat_confidence). When
 * the repetition rests on callers in other files, the finding names the export they go through
 * (ll_finding.export_root), so that a run over the project settles it with the callers it sees;
 * a finding in start-up code (ll_facts_repeat_is_startup), or one that is LL_REPORT_SURE_ONLY,
 * is kept only if they show a sure repeat.
 */
void ll_ctx_report_repeated(ll_ctx *ctx, TSNode node, const ll_repeat *why, unsigned flags,
                            const char *format, ...) __attribute__((format(printf, 5, 6)));

/**
 * Adds a step to the trace of the finding the running rule reported last (if that report was
 * kept): the evidence at `node`, described by `format` (lower case, no final period). Findings of
 * ll_ctx_report_repeated get the code that repeats them first, and every finding its own place.
 */
void ll_ctx_trace(ll_ctx *ctx, TSNode node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/** The file being analysed. */
const ll_source *ll_ctx_source(const ll_ctx *ctx);

/** The file's scope model. */
const ll_scope_model *ll_ctx_scopes(const ll_ctx *ctx);

/** During the walk, the innermost scope of the node being visited. */
ll_scope *ll_ctx_scope(const ll_ctx *ctx);

/** The file's shared facts (frequencies, lifetimes). */
const ll_facts *ll_ctx_facts(const ll_ctx *ctx);

/** During the walk: true when a loop of the current function encloses the visited node. */
bool ll_ctx_in_loop(const ll_ctx *ctx);

/**
 * During the walk: how often the visited node runs, and why (ll_facts_frequency for the current
 * scope and loop state).
 */
ll_frequency ll_ctx_frequency(const ll_ctx *ctx, ll_repeat *why);

/**
 * ll_ctx_frequency for `node`, a node of the current scope, that also sees run-once guards:
 * behind `if (!ready) { ready = true; ... }` repeated code runs once (ll_facts_guarded_once).
 * Costs a walk up the tree when the scope repeats: for the nodes a rule reports on.
 */
ll_frequency ll_ctx_frequency_at(const ll_ctx *ctx, TSNode node, ll_repeat *why);

/**
 * True when `text` matches a pattern of the running rule's option `option` (an index into its
 * `options`); false when the option is not configured.
 */
bool ll_ctx_option_matches(const ll_ctx *ctx, size_t option, ll_str text);

/** The file arena, for rule-owned data that lives as long as the file. */
ll_arena *ll_ctx_arena(ll_ctx *ctx);

/** The source text of `node`, as a slice of the file buffer. */
ll_str ll_ctx_text(const ll_ctx *ctx, TSNode node);

/**
 * True for `console.log(...)` and the other console methods: a call that prints its arguments
 * and keeps none of them (a timer id printed there is not handed to code that could clear it).
 */
bool ll_ctx_is_console_call(const ll_ctx *ctx, TSNode call);

#endif
