// The lifecycle fact: a set-up hook of a component or element and the teardown hook paired with
// it. A component mounts many times; what its set-up acquires (a listener on `window`, an
// interval, a subscription) and its teardown does not release is kept once more per mount. The
// pairs known (vocabulary, not code):
//
//   React class components  componentDidMount, componentDidUpdate   -> componentWillUnmount
//   React hooks             useEffect, useLayoutEffect, useInsertionEffect callback
//                                                                   -> the function it returns
//   Vue options (2 and 3)   created, beforeMount, mounted            -> beforeUnmount, unmounted,
//                                                                      beforeDestroy, destroyed
//                           activated                               -> deactivated
//   Vue composition         onBeforeMount, onMounted, onActivated    -> onBeforeUnmount,
//                                                                      onUnmounted, onDeactivated,
//                                                                      onScopeDispose
//   Svelte                  onMount                                 -> its returned function,
//                                                                      onDestroy
//   Solid                   onMount, createEffect                    -> onCleanup
//   Angular                 ngOnInit, ngAfterViewInit, ngAfterContentInit -> ngOnDestroy
//   Backbone, Marionette    initialize                               -> remove, destroy,
//                                                                      onDestroy
//   Web Components, Lit     connectedCallback, firstUpdated          -> disconnectedCallback
//   plain classes, widgets  constructor, start, open, connect, listen, init, initialize, mount,
//                           attach, subscribe, render (Backbone)     -> stop, close, disconnect,
//                           destroy, dispose, teardown, unmount, detach, unsubscribe, remove
//
// Components mount many times; a plain object may be started once per process, so its pairs
// name the teardown in messages but do not make its set-up run repeatedly.
#ifndef LEAKLINT_LIFECYCLE_H
#define LEAKLINT_LIFECYCLE_H

#include <stdbool.h>

#include <tree_sitter/api.h>

#include "analyzer/scope.h"
#include "analyzer/source.h"

/** How often an effect runs, from its dependency list. */
typedef enum ll_effect_runs {
  LL_EFFECT_RUNS_PER_MOUNT,          // a lifecycle hook, or an effect with `[]`
  LL_EFFECT_RUNS_ON_CHANGE,          // an effect with dependencies: when one of them changes
  LL_EFFECT_RUNS_AFTER_EVERY_RENDER, // an effect without a dependency list
} ll_effect_runs;

/** A set-up hook, and its teardown. */
typedef struct ll_lifecycle {
  const char *setup;    // how the set-up is named in messages: "componentDidMount", "useEffect"
  const char *teardown; // the teardown it pairs with: "componentWillUnmount", "onUnmounted"; for
                        // effects "the function the effect returns"
  const char *owner;    // what mounts: "component", "element", "view"
  const char *event;    // what happens to it each time the set-up runs: "mounts", "is activated"
  TSNode teardown_node; // the teardown function when the code has one; a null node otherwise
  ll_effect_runs runs;
  bool mounts; // a component or element: its set-up runs each time it mounts. False for a plain
               // object's start() and stop(), named only when the object has the teardown
} ll_lifecycle;

/**
 * True when the function scope `fn` is a set-up hook: a method of a component class or options
 * object named as one, or a callback handed to an effect or mount hook. Fills `out`.
 */
bool ll_lifecycle_of(const ll_source *source, const ll_scope *fn, ll_lifecycle *out);

/** True when `callee` (a call's function) registers a set-up callback: `useEffect`, `onMounted`. */
bool ll_lifecycle_is_setup_call(const ll_source *source, TSNode callee);

#endif
