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

#endif
