// The listeners fact: every call of the file that adds or removes a listener (`.on`, `.off`,
// `addEventListener`, configured methods), with the emitter, event and function object it names,
// and the matching of removals to adds. Built during the engine's walk, like the collections
// fact; complete when the rules' file_end runs. listener-unbalanced reports adds that nothing
// removes; ineffective-cleanup reports removals that can remove nothing.
#ifndef LEAKLINT_LISTENERS_H
#define LEAKLINT_LISTENERS_H

#include <stdbool.h>

#include "analyzer/facts.h"
#include "analyzer/rule.h"

/** What the function argument of a listener call is, as far as identity goes. */
typedef enum ll_listener_fn {
  LL_FN_UNKNOWN, // a call result, a parameter's member...: identity unknown, never guessed
  LL_FN_NAMED,   // a binding or a member path: removable with the same expression
  LL_FN_INLINE,  // a function literal: a new object, removable only through a stored reference
  LL_FN_BOUND,   // `f.bind(x)`: a new object at every call
  LL_FN_MADE,    // `bind(this.onClick, this)`: a call of a function of the file that returns a
                 // new function each time (an old-browser `bind` or `wrap` helper)
} ll_listener_fn;

typedef struct ll_listener_site {
  TSNode call;
  bool is_add;
  bool removes_all; // removeAllListeners(...)
  ll_path emitter;
  bool emitter_known;
  ll_str event; // the event's text: string contents, or a constant's initializer; for a set
                // of events, the array literal they come from
  bool event_known;
  bool event_set;     // `event` is an array of strings, and the call runs once for each
  bool event_by_name; // `event` is a constant's name (`Events.Change`), not its value
  ll_listener_fn fn;
  TSNode listener;    // the function argument; may be null
  ll_path fn_path;    // for LL_FN_NAMED: the function; for LL_FN_BOUND: the function bound
  bool bound_known;   // for LL_FN_BOUND: fn_path holds `f` of `f.bind(x)`
  ll_str maker;       // for LL_FN_MADE: the helper's name
  bool capture;       // addEventListener's capture flag
  bool self_removing; // once, prependOnceListener, { once: true }, { signal }, a kept remover
  bool orphaned;      // a removal that no add in the file can match
  ll_frequency freq;
  ll_repeat why;
  bool in_loop;
  const ll_scope *scope;
  const ll_scope *class_scope; // the class whose member makes the call, if any
  struct ll_listener_site *next;
} ll_listener_site;

/** The listener calls of a file, in source order. */
typedef struct ll_listeners {
  ll_listener_site *sites, *last;
} ll_listeners;

/**
 * The fact's collector, run by the engine before the rules like the collections collector,
 * never reporting. Its state is the file's ll_listeners (ll_ctx_listeners).
 */
extern const ll_rule ll_listeners_collector;

/** The file's listeners fact (complete at file_end). */
const ll_listeners *ll_ctx_listeners(const ll_ctx *ctx);

typedef enum ll_listener_match {
  LL_REMOVES_NO,
  LL_REMOVES_MAYBE,
  LL_REMOVES_YES
} ll_listener_match;

/** Why a removal that plainly targets an add cannot remove it. */
typedef enum ll_mismatch {
  LL_MISMATCH_NONE,
  LL_MISMATCH_FRESH_ADD,     // the add registered a new function object (inline, `.bind()`)
  LL_MISMATCH_FRESH_REMOVAL, // the removal passes a new function object
  LL_MISMATCH_OTHER,         // another event, emitter, function or capture flag
} ll_mismatch;

/**
 * Can `removal` remove `add`? MAYBE when the file cannot tell. When it cannot, and the removal
 * plainly targets the add (same emitter and event, or the same function), `*why_not` says why
 * (arena-owned) and `*kind` which kind of reason it is; else they are NULL and NONE.
 */
ll_listener_match ll_listener_removes(ll_arena *arena, const ll_listener_site *removal,
                                      const ll_listener_site *add, const char **why_not,
                                      ll_mismatch *kind);

/** "listener for 'data'", "listener for each of ['SIGINT', 'SIGTERM']", or "listener". */
const char *ll_listener_describe(ll_arena *arena, const ll_listener_site *site);

#endif
