// The origin fact: where a value comes from, as far as its domain goes. A long-lived collection
// grows without bound only when its keys (or the members a Set holds) come from a domain without
// bound: request data, generated ids, timestamps, counters. Keys drawn from literals, constants,
// the names of functions, classes or DOM nodes, or a helper's parameter that every call site in
// the file fills with such values, make a cache over a fixed set: it stops growing.
#ifndef LEAKLINT_ORIGIN_H
#define LEAKLINT_ORIGIN_H

#include <tree_sitter/api.h>

#include "analyzer/facts.h"

/** The verdicts, ordered: combining two origins keeps the larger one. */
typedef enum ll_origin_kind {
  LL_ORIGIN_BOUNDED = 0, // literals, constants, typeof, names of functions, classes, nodes
  LL_ORIGIN_UNKNOWN,     // nothing in the file says (an exported function's parameter)
  LL_ORIGIN_PER_RUN,     // new with each run: request or event data, ids, times, counters
} ll_origin_kind;

/** Where a value comes from, and the expression the verdict rests on. */
typedef struct ll_origin {
  ll_origin_kind kind;
  TSNode evidence; // for PER_RUN: the per-run value (`req.params.id`, `Date.now()`, `++seq`), in
                   // this file, possibly at a call site of the function that uses it; for
                   // UNKNOWN: the value whose origin is unseen; null for BOUNDED
  bool keys_of;    // the keys are the property names of `evidence` (`for (k in style)`)
} ll_origin;

/**
 * The origin of the value of `expr`, an expression of the file `facts` describe. Follows
 * constants and locals to their values, parameters to the arguments of every call site in the
 * file (and to the events that call a registered callback), loop variables to what they iterate,
 * and string building (`'user:' + id`, templates, toString) to its parts. A null `expr` is
 * UNKNOWN. Costs a bounded walk over the scope model: ask it for the few sites a rule reports.
 */
ll_origin ll_facts_origin(const ll_facts *facts, TSNode expr);

/**
 * True when `value`, stored in a table, names a function: a declared function or class, or a
 * parameter named for one (`handler`, `fn`, `transformer`). A table of functions
 * keyed by name is a registry (`commands[name] = handler`): it grows with the code that
 * registers, not with the data the program handles.
 */
bool ll_facts_is_registered_function(const ll_facts *facts, TSNode value);

/**
 * True when the growth at `site` (`warned[name] = true`, `seen.add(key)`) is the bookkeeping
 * of a warning printed the first time only: under an `if` that tests the
 * collection (`if (!warned[name])`, `if (!seen.has(key))`) and prints or emits a warning
 * (`console.warn`, `console.error`, `process.emitWarning`, a `warn(...)` or `deprecate(...)`
 * helper). It grows by one entry per distinct warning a person would read in the log.
 */
bool ll_facts_warns_once(const ll_facts *facts, TSNode site);

#endif
