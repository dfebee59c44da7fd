// String-keyed map (strmap.h).
#include "analyzer/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"

uint64_t ll_hash_text(const char *text) {
  uint64_t h = 14695981039346656037ull;
  for (; *text; text++)
    h = (h ^ (unsigned char)*text) * 1099511628211ull;
  return h;
}

static ll_strmap_entry *slot(const ll_strmap *map, const char *key) {
  size_t mask = map->capacity - 1;
  for (size_t i = ll_hash_text(key) & mask;; i = (i + 1) & mask)
    if (!map->entries[i].key || !strcmp(map->entries[i].key, key)) return &map->entries[i];
}

void **ll_strmap_put(ll_strmap *map, const char *key) {
  if ((map->count + 1) * 2 > map->capacity) {
    ll_strmap_entry *old = map->entries;
    size_t old_capacity = map->capacity;
    map->capacity = old_capacity ? old_capacity * 2 : 64;
    map->entries = ll_xcalloc(map->capacity, sizeof *map->entries);
    for (size_t i = 0; i < old_capacity; i++)
      if (old[i].key) *slot(map, old[i].key) = old[i];
    free(old);
  }
  ll_strmap_entry *e = slot(map, key);
  if (!e->key) {
    e->key = ll_xstrdup(key);
    map->count++;
  }
  return &e->value;
}

void *ll_strmap_get(const ll_strmap *map, const char *key) {
  if (!map->capacity) return NULL;
  const ll_strmap_entry *e = slot(map, key);
  return e->key ? e->value : NULL;
}

void ll_strmap_fini(ll_strmap *map, void (*free_value)(void *value)) {
  for (size_t i = 0; i < map->capacity; i++) {
    free(map->entries[i].key);
    if (free_value && map->entries[i].value) free_value(map->entries[i].value);
  }
  free(map->entries);
  *map = (ll_strmap){0};
}
