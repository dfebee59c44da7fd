// A map from strings to pointers, for the run-level tables keyed by paths and names (the
// project view's exports and directories), and the one string hash the run-level tables share.
#ifndef LEAKLINT_STRMAP_H
#define LEAKLINT_STRMAP_H

#include <stddef.h>
#include <stdint.h>

/** FNV-1a over a NUL-terminated string. */
uint64_t ll_hash_text(const char *text);

typedef struct ll_strmap_entry {
  char *key; // owned by the map
  void *value;
} ll_strmap_entry;

/** Open addressing, capacity a power of two; zero-initialise to start empty. */
typedef struct ll_strmap {
  ll_strmap_entry *entries;
  size_t capacity, count;
} ll_strmap;

/**
 * The value slot of `key`, made (with a copy of `key` and a NULL value) when there is none.
 * Valid until the next put.
 */
void **ll_strmap_put(ll_strmap *map, const char *key);

/** The value of `key`, or NULL when there is none. */
void *ll_strmap_get(const ll_strmap *map, const char *key);

/** Frees the keys, each value with `free_value` when it is not NULL, and the table. */
void ll_strmap_fini(ll_strmap *map, void (*free_value)(void *value));

#endif
