// The collections fact: what a file does to each of its long-lived collections (see
// collections.c). Built during the engine's walk; complete when the rules' file_end runs.
#ifndef LEAKLINT_COLLECTIONS_H
#define LEAKLINT_COLLECTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "analyzer/origin.h"
#include "analyzer/rule.h"

/** One collection: a long-lived root and a member path below it (`cache.byUser`, `list[]`). */
typedef struct ll_collection {
  ll_path path;
  uint32_t effects;   // LL_EFFECT_* of the uses of exactly this path
  bool is_collection; // created or assigned as an array, object, Map or Set somewhere
  struct ll_collection *next;
} ll_collection;

/** A use that grows a collection, with why the code there runs repeatedly. */
typedef struct ll_growth {
  ll_collection *target;
  TSNode site; // the call or assignment that grows it
  TSNode key;  // the key or Set member it adds (`id` in `map.set(id, v)`, `memo[id] = v`), whose
               // origin decides whether the growth is bounded; null when each growth adds a new
               // element whatever its value (push, unshift, concat)
  ll_repeat why;
  struct ll_growth *next;
} ll_growth;

/** The fact for one file; owned by the file arena. */
typedef struct ll_collections {
  ll_collection *collections; // every collection seen, newest first
  ll_collection **index;      // open-addressing table over `collections`, by path
  uint32_t index_capacity, count;
  ll_growth *growths, *last_growth; // growths in code that runs repeatedly, in source order
} ll_collections;

/**
 * The collector, run by the engine before the rules on every file; not in the registry and never
 * reporting. Its state is the file's ll_collections (ll_ctx_collections).
 */
extern const ll_rule ll_collections_collector;

/** The file's collections fact (complete at file_end). */
const ll_collections *ll_ctx_collections(const ll_ctx *ctx);

/**
 * The effects on `c` and on every collection it hangs from that reach it: resetting or handing
 * out `cache` also empties or hands out `cache.byUser` (a class handed out does not hand out
 * its static members' collections).
 */
uint32_t ll_collection_effects(const ll_collections *collections, const ll_collection *c);

/** True when `c` is known to hold an array, object, Map or Set (itself or through its root). */
bool ll_collection_is_known(const ll_collections *collections, const ll_collection *c);

/** True when `c` hangs from an `export`ed binding: other modules may drain it. */
bool ll_collection_is_exported(const ll_collection *c);

/**
 * The value a growth stores: `v` in `memo[k] = v`, `map.set(k, v)`, `list.push(v)`, `set.add(v)`;
 * a null node when there is none to name (`Object.assign`, several pushed values).
 */
TSNode ll_growth_value(const ll_growth *growth);

/**
 * True when `growth` adds for good: nothing in the file shrinks, clears, bounds or hands out its
 * collection, which is known to be a collection, is not exported and not weak, and its key is
 * not drawn from a fixed set (nor, when the file does not show the keys, the key of a registry of
 * functions or of a warn-once set). `*origin` gets the key's origin (PER_RUN for a push). What
 * global-accumulator reports, and what keeps a resource stored there open for good.
 */
bool ll_growth_accumulates(const ll_facts *facts, const ll_collections *collections,
                           const ll_growth *growth, ll_origin *origin);

/** The growth made by `site` (a call or assignment), or NULL. */
const ll_growth *ll_collections_growth_at(const ll_collections *collections, TSNode site);

/** The growths in repeated code, in source order. */
const ll_growth *ll_collections_growths(const ll_collections *collections);

#endif
