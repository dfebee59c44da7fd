// The flow fact: whether a release written after an acquisition in the same function runs on
// every way the function can go on from it. Cleanup on the success path only (a clear after an
// `await` that may throw, a removal that an early `return` skips, a release in one branch of an
// `if`) leaks once per failed or diverted call, as surely as no cleanup at all. Within one
// function only: what callbacks and callers do is the other facts' business.
#ifndef LEAKLINT_FLOW_H
#define LEAKLINT_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "analyzer/facts.h"

typedef enum ll_skip_kind {
  LL_SKIP_NONE,
  LL_SKIP_THROW,  // a call or `await` between them may throw, and no catch or finally releases
  LL_SKIP_RETURN, // a `return` or `throw` between them leaves without releasing
  LL_SKIP_BRANCH, // every release sits in a branch of an `if` that the acquisition does not
} ll_skip_kind;

typedef struct ll_skip {
  ll_skip_kind kind;
  TSNode at; // the call that may throw, the exit, or the `if` whose condition decides
} ll_skip;

/**
 * Whether some way through the function that makes the acquisition `acquire` (a call) skips
 * every one of `releases` (the calls that release it, `n` of them): true with the first such way
 * in `*out`. False when no release is in that function (other code releases it: not this fact's
 * question), when one sits in a `finally` that covers the way, or when every way out passes a
 * release. A branch whose condition tests the handle itself (`if (timer) clearInterval(timer)`)
 * is no diversion.
 */
bool ll_flow_release_skipped(const ll_facts *facts, TSNode acquire, const TSNode *releases,
                             uint32_t n, ll_skip *out);

/**
 * ll_flow_release_skipped for a resource that the function node `fn` is handed on entry (a
 * callback's parameter): whether some way from its start skips every one of `releases`. With
 * `error`, the error parameter of an error-first callback that is handed the resource, a way
 * that leaves in a branch testing it (`if (err) return next(err)`) got no resource to release.
 * With `plain_callback` (not async, not a promise's callback), a `throw` is uncaught and ends the
 * process: no way on.
 */
bool ll_flow_release_skipped_from_entry(const ll_facts *facts, TSNode fn, const ll_binding *error,
                                        bool plain_callback, const TSNode *releases, uint32_t n,
                                        ll_skip *out);

/** The words of a message about a skipped release (ll_flow_describe). */
typedef struct ll_skip_words {
  const char *way;  // "but not when the call at line 8 throws (no catch or finally clears it)"
  const char *runs; // the runs that go that way: "that fails", "that leaves there"
  const char *note; // the trace's note at skip.at: "this may throw, and then the clear never runs"
} ll_skip_words;

/**
 * Describes `skip` for a release named by `noun` ("clear", "removal") and done by `verb`
 * ("clears", "removes"), in `arena`.
 */
ll_skip_words ll_flow_describe(const ll_skip *skip, const ll_source *source, ll_arena *arena,
                               const char *noun, const char *verb);

#endif
