// The handle fact: calls that acquire something that stays registered until the value they
// return is used to release it (a disposer), and what the code does with that value. A
// subscription to a store, a MobX reaction, a Firebase listener, an RxJS subscription to a source
// that does not complete, a file watcher or a DOM observer: dropped, or kept and never released,
// from code that runs again and again (a handler, a component's set-up), each run leaves one more
// registered, holding its callback and everything the callback captures.
//
// Known acquisitions (vocabulary):
//   returns a function that undoes it   store.subscribe (Redux, Zustand, Svelte stores), MobX
//                                       autorun/reaction/when/observe/intercept, Firebase
//                                       onSnapshot/onValue/onAuthStateChanged/onIdTokenChanged,
//                                       signal-exit onExit
//   returns a subscription              RxJS .subscribe() on fromEvent/interval/timer sources,
//                                       on `$`-named streams and on pipes, unless the pipe
//                                       completes it (take, first, takeUntil, takeWhile...)
//   returns a watcher (close())         fs.watch, chokidar.watch
//   is an observer (disconnect())       new MutationObserver/ResizeObserver/
//                                       IntersectionObserver/PerformanceObserver
#ifndef LEAKLINT_HANDLES_H
#define LEAKLINT_HANDLES_H

#include <stdbool.h>

#include <tree_sitter/api.h>

#include "analyzer/arena.h"
#include "analyzer/facts.h"

typedef enum ll_handle_kind {
  LL_HANDLE_DISPOSER,     // a function: calling it releases
  LL_HANDLE_SUBSCRIPTION, // an object: `.unsubscribe()` releases
  LL_HANDLE_WATCHER,      // `.close()` releases
  LL_HANDLE_OBSERVER,     // `.disconnect()` releases
} ll_handle_kind;

typedef struct ll_handle {
  ll_handle_kind kind;
  const char *what;    // what stays registered: "subscription", "reaction", "watcher", "observer"
  const char *release; // how it is released, for messages: "calling the function it returns"
} ll_handle;

/** True when `call` (a call or `new` expression) acquires a handle; fills `out`. */
bool ll_handle_of_call(const ll_facts *facts, TSNode call, ll_handle *out);

typedef enum ll_handle_fate {
  LL_HANDLE_RELEASED, // the file releases it (calls the disposer, unsubscribes, closes)
  LL_HANDLE_ESCAPES,  // returned, handed to other code, stored where others reach it
  LL_HANDLE_DROPPED,  // not kept at all
  LL_HANDLE_KEPT,     // kept, but nothing in the file ever releases it
} ll_handle_fate;

/**
 * What the code does with the handle `call` acquires. For LL_HANDLE_KEPT, `*kept_in` gets where
 * it is kept, as written (`this.unsubscribe`, `stop`), arena-owned. A value kept in a name is
 * followed through its uses; one kept in a member (`this.sub`) through the uses of the same
 * member in the class (or the file), as text.
 */
ll_handle_fate ll_facts_handle_fate(const ll_facts *facts, TSNode call, const ll_handle *handle,
                                    ll_arena *arena, const char **kept_in);

// ---------------------------------------------------------------------------------------------
// Where a handle is kept, and where it is released. Timer ids are handles too: setInterval,
// setTimeout and requestAnimationFrame acquire one, clearInterval, clearTimeout and
// cancelAnimationFrame release it, and timer-leak follows them here.

/** Where a handle (a timer id, a subscription) is kept. */
typedef struct ll_handle_place {
  bool known;       // kept in `path` (or `this_text` of `owner`)
  bool escapes;     // returned, passed on or stored where other code may release it
  ll_path path;     // a local, a module variable, instance state, an element of a collection (`[]`)
  uint32_t owner;   // nonzero: `this_text` on the object literal starting at byte owner - 1
  ll_str this_text; // `this.poller` in a method of that object literal (a Vue component)
} ll_handle_place;

/** Where the value `call` returns goes (kept, dropped: not known and not escaping, handed on). */
void ll_facts_handle_place(const ll_facts *facts, TSNode call, ll_handle_place *out);

/**
 * What a release's argument names (`clearInterval(this.timers.get(k))`, `clearInterval(t)` in
 * `for (const t of timers)`, `const { poller } = this; clearInterval(poller)`): the place, through
 * aliases, destructuring and the elements of collections.
 */
void ll_facts_released_place(const ll_facts *facts, TSNode arg, ll_handle_place *out);

/** The place the expression `expr` names (`this.poller`, `timers`), known or not. */
void ll_facts_place_of(const ll_facts *facts, TSNode expr, ll_handle_place *out);

/**
 * The elements of the collection a release is applied to (`timers.forEach(clearInterval)`,
 * `Object.values(timers).forEach(...)`): `timers[]`, known or not.
 */
void ll_facts_released_elements(const ll_facts *facts, TSNode collection, ll_handle_place *out);

/** True when both name the same place. */
bool ll_handle_place_equal(const ll_handle_place *a, const ll_handle_place *b);

/**
 * True when the handle kept at `place` reaches other code that may release it: returned, handed
 * on, exported, an element of a collection the caller handed in.
 */
bool ll_facts_handle_place_escapes(const ll_facts *facts, const ll_handle_place *place);

/**
 * `setInterval`, `window.setInterval`, `timers.setInterval` and names imported from 'timers': the
 * timer function a callee names (the imported name for an alias), or an empty slice. The async
 * iterators of 'timers/promises' are not timers.
 */
ll_str ll_facts_timer_function(const ll_facts *facts, TSNode callee);

/** clearInterval, clearTimeout, cancelAnimationFrame. */
bool ll_timer_is_clear_name(ll_str fn);

/** setTimeout and requestAnimationFrame: one-shot schedulers whose callbacks may loop. */
bool ll_timer_is_one_shot_name(ll_str fn);

/** True when `call` clears a timer. */
bool ll_facts_is_timer_clear(const ll_facts *facts, TSNode call);

#endif
