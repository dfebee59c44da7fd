// Findings: what a rule reports, where, and how they are ordered and de-duplicated.
#ifndef LEAKLINT_FINDING_H
#define LEAKLINT_FINDING_H

#include <stddef.h>
#include <stdint.h>

#include "analyzer/source.h"

typedef struct ll_rule ll_rule;

typedef enum ll_severity {
  LL_OFF = 0,
  LL_WARNING = 1,
  LL_ERROR = 2,
} ll_severity;

/**
 * How sure the facts behind a finding are. High: every fact it rests on was established (the code
 * runs per request, the key comes from the request). Medium: one of them is unknown (an exported
 * function's caller is not in the file, a key's origin is not visible); the finding is shown, but
 * as a warning, not an error (unless the rule's severity is configured). Zero is high, so a
 * finding is high unless its rule says otherwise.
 */
typedef enum ll_confidence {
  LL_CONFIDENCE_HIGH = 0,
  LL_CONFIDENCE_MEDIUM = 1,
} ll_confidence;

/** Why a finding is not reported (it is still kept for SARIF's --include-suppressed). */
typedef enum ll_suppression {
  LL_SUPPRESSED_NOT = 0,
  LL_SUPPRESSED_IN_SOURCE, // a leaklint-disable comment (suppress.c)
  LL_SUPPRESSED_BASELINE,  // recorded in the --baseline file (baseline.c)
} ll_suppression;

/**
 * One step of the evidence a finding was decided on: where something is acquired or added, why
 * that code runs again and again (the route, listener or hook that calls it), the long-lived
 * owner, the release that does not match or the way that skips it. In narrative order.
 */
typedef struct ll_trace_step {
  uint32_t start_byte, end_byte;
  uint32_t line, column, end_line, end_column; // as for the finding (ll_findings_finish)
  const char *message;                         // lower case, no final period; owned like message
} ll_trace_step;

typedef struct ll_finding {
  const ll_rule *rule; // static descriptor; never NULL
  ll_severity severity;
  ll_confidence confidence;
  ll_suppression suppression;
  const char *justification; // the directive's `-- reason`, or NULL; owned like `message`
  uint32_t start_byte, end_byte;
  uint32_t line, column;         // 1-based; column in UTF-16 code units
  uint32_t end_line, end_column; // the position just after the reported node
  const char *message;           // lower case, no final period; owned by the file arena
  const char *export_root;    // when its repetition rests only on callers in other files: the name
                              // its function is exported under (ll_facts_export_root); else NULL.
                              // Owned like `message`
  bool doubt_is_repeat;       // medium only for want of those callers: sure callers make it high
  bool needs_sure_callers;    // shown only if those callers surely repeat (start-up code)
  const ll_trace_step *trace; // the evidence, in order (ll_ctx_trace); owned like `message`
  uint32_t n_trace;
  char fingerprint[24]; // "<16 hex digits>:<occurrence>", stable across unrelated edits
  char line_hash[17];   // 16 hex digits of the rule and the line's own text only
} ll_finding;

/** "warning" or "error". */
const char *ll_severity_name(ll_severity severity);

/**
 * A severity as leaklint writes it ("off", "warning", "error") or as ESLint users do ("warn",
 * "0", "1", "2"); false for anything else.
 */
bool ll_severity_parse(const char *text, ll_severity *out);

/** "high" or "medium". */
const char *ll_confidence_name(ll_confidence confidence);

/**
 * Fills in positions and fingerprints from byte offsets, sorts by (line, column, rule id,
 * message) and removes exact duplicates (same rule, same place, same message). Returns the new
 * count.
 */
size_t ll_findings_finish(ll_finding *findings, size_t n, const ll_source *source);

#endif
