// Inline suppressions: `leaklint-disable-next-line`, `leaklint-disable-line`, and the
// `leaklint-disable` ... `leaklint-enable` block form, each naming rule ids (none: every rule)
// and an optional `-- reason`. Applied centrally after the rules ran, the way ESLint's
// apply-disable-directives does: rules never see the comments.
#ifndef LEAKLINT_SUPPRESS_H
#define LEAKLINT_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "analyzer/finding.h"

/** A problem with a directive itself (an unknown rule id, an enable without a disable). */
typedef struct ll_suppress_note {
  uint32_t line;       // 1-based line of the directive
  uint32_t column;     // 1-based column of what is wrong in it (an unknown id); 0: the directive
  const char *message; // arena-owned
} ll_suppress_note;

typedef struct ll_suppress_result {
  ll_finding *findings; // the findings, suppressed ones marked, unused-disable ones added
  size_t n_findings;
  ll_suppress_note *notes; // arena-owned
  size_t n_notes;
} ll_suppress_result;

/**
 * Applies the directives in the comments of `tree` to `findings` (finished: sorted, with
 * positions; ll_findings_finish). A finding a directive covers gets LL_SUPPRESSED_IN_SOURCE and
 * the directive's reason; syntax-error findings cannot be suppressed. When `unused_severity` is
 * not LL_OFF, each directive that suppressed nothing, or each rule id of one that suppressed
 * nothing of that rule, becomes an unused-disable finding at the comment. The result's arrays
 * are owned by `arena` (the input array may be reused); the findings are finished again.
 */
void ll_suppress_apply(ll_arena *arena, const ll_source *source, const TSTree *tree,
                       ll_finding *findings, size_t n_findings, ll_severity unused_severity,
                       ll_suppress_result *out);

#endif
