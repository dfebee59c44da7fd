// Where a function value created at some point of the code is kept: the shared fact behind the
// closure rules. A closure that is called at once, or held only by a local, dies with the run
// that made it; one stored in a longer-lived place, registered as a listener or scheduled keeps
// everything it captures alive for as long as that place does.
#ifndef LEAKLINT_RETENTION_H
#define LEAKLINT_RETENTION_H

#include <stdbool.h>

#include "analyzer/facts.h"

typedef enum ll_retention_kind {
  LL_KEPT_UNKNOWN = 0, // handed to code the file does not see, or used in a way not modelled
  LL_KEPT_NOT,         // run at once (forEach, IIFE, Promise executor, then) or called directly
  LL_KEPT_IN,          // stored into `place`: a collection (push/set/add/[k] =), a property, a
                       // variable
  LL_KEPT_LISTENER,    // registered as a listener on `place`
  LL_KEPT_INTERVAL,    // passed to setInterval
  LL_KEPT_TIMEOUT,     // passed to setTimeout (or requestAnimationFrame); see `delay_short`
  LL_KEPT_RETURNED,    // returned to the caller
} ll_retention_kind;

typedef struct ll_retention {
  ll_retention_kind kind;
  ll_path place; // LL_KEPT_IN and LL_KEPT_LISTENER: where (when place_known)
  bool place_known;
  bool delay_short; // LL_KEPT_TIMEOUT firing within a minute, as far as the file shows (no
                    // delay, 0, `2 * 1000`, a constant, a staggered `delay += 500`)
  TSNode site;      // the call or assignment that keeps it
} ll_retention;

/** Where the function whose scope is `fn` is kept (see ll_retention_kind). */
void ll_retention_of(const ll_facts *facts, const ll_source *source, const ll_scope *fn,
                     ll_retention *out);

/**
 * Where the value of the expression `value`, evaluated in scope `where`, is kept: the same
 * question for a value that is not a function node (an object literal holding a closure, a
 * local that names one).
 */
void ll_retention_of_value(const ll_facts *facts, const ll_source *source, TSNode value,
                           const ll_scope *where, ll_retention *out);

/**
 * The same for a value whose ancestors are `up` (as ll_retention_context gives them) and which
 * occupies `field` in up[0]; names are looked up from `where`.
 */
void ll_retention_at(const ll_facts *facts, const ll_source *source, const TSNode up[4],
                     TSFieldId field, const ll_scope *where, ll_retention *out);

/**
 * The four nearest ancestors of `node`, parenthesized expressions skipped (null past the root),
 * and the field `node` (or its parentheses) occupies in the first: what ll_scope.context holds
 * for a function.
 */
void ll_retention_context(TSNode node, TSNode up[4], TSFieldId *field);

/**
 * Appends "`name`" to the comma-separated list in `list` (`size` bytes, NUL-terminated), for
 * messages that name what a closure captures; names that do not fit are left out.
 */
void ll_retention_name_append(char *list, size_t size, ll_str name);

#endif
