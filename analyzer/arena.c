// The arena and the allocation wrappers: the only place where leaklint handles running out of
// memory (by printing a message and exiting with status 2, as tree-sitter's alloc.c aborts).
#include "analyzer/arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { CHUNK_SIZE = 64 * 1024, ALIGN = 16 };

struct ll_arena_chunk {
  ll_arena_chunk *next;
  size_t size; // usable bytes after the header
  _Alignas(16) char data[];
};

void ll_out_of_memory(size_t size) {
  // Exit status 2, like every other input leaklint cannot handle. _exit: other threads may be
  // mid-file, and atexit handlers must not run under them; a partial -o report stays a
  // temporary file and never replaces the old one.
  fprintf(stderr, "leaklint: fatal: out of memory (allocating %zu bytes)\n", size);
  _exit(2);
}

void *ll_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) ll_out_of_memory(size);
  return p;
}

void *ll_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) ll_out_of_memory(count * size);
  return p;
}

void *ll_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) ll_out_of_memory(size);
  return p;
}

char *ll_xstrdup(const char *text) {
  size_t len = strlen(text);
  char *copy = ll_xmalloc(len + 1);
  memcpy(copy, text, len + 1);
  return copy;
}

void ll_arena_init(ll_arena *arena) {
  memset(arena, 0, sizeof *arena);
}

void ll_arena_fini(ll_arena *arena) {
  ll_arena_chunk *chunk = arena->chunks;
  while (chunk) {
    ll_arena_chunk *next = chunk->next;
    free(chunk);
    chunk = next;
  }
  ll_arena_init(arena);
}

void ll_arena_reset(ll_arena *arena) {
  // Keep the oldest standard-sized chunk: the next file usually fits in it, and a run over many
  // small files then never calls malloc for its arena. The list runs newest first, so that is
  // the last standard chunk in it; large blocks (a file's text, often) may come after it.
  ll_arena_chunk *keep = NULL;
  ll_arena_chunk *chunk = arena->chunks;
  while (chunk) {
    ll_arena_chunk *next = chunk->next;
    if (chunk->size == CHUNK_SIZE) {
      free(keep);
      keep = chunk;
    } else {
      free(chunk);
    }
    chunk = next;
  }
  ll_arena_init(arena);
  if (keep) {
    keep->next = NULL;
    arena->chunks = keep;
    arena->cursor = keep->data;
    arena->limit = keep->data + keep->size;
    arena->bytes_reserved = keep->size;
  }
}

static void *alloc_chunk(ll_arena *arena, size_t size) {
  size_t usable = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
  if (usable > SIZE_MAX - sizeof(ll_arena_chunk)) ll_out_of_memory(size);
  ll_arena_chunk *chunk = ll_xmalloc(sizeof(ll_arena_chunk) + usable);
  chunk->size = usable;
  arena->bytes_reserved += usable;
  if (usable != CHUNK_SIZE) {
    // A large block gets a chunk of its own, linked behind the current one so that the current
    // chunk's free space is not lost.
    if (arena->chunks) {
      chunk->next = arena->chunks->next;
      arena->chunks->next = chunk;
    } else {
      chunk->next = NULL;
      arena->chunks = chunk;
      arena->cursor = arena->limit = chunk->data + usable;
    }
    return chunk->data;
  }
  chunk->next = arena->chunks;
  arena->chunks = chunk;
  arena->cursor = chunk->data + size;
  arena->limit = chunk->data + usable;
  return chunk->data;
}

void *ll_arena_alloc(ll_arena *arena, size_t size) {
  // Zero bytes still take one aligned slot: on a fresh arena the cursor is NULL, and the result
  // must be a distinct, non-NULL pointer (ll_arena_grow of an empty array asks for 0 bytes).
  size_t rounded = size ? (size + (ALIGN - 1)) & ~(size_t)(ALIGN - 1) : ALIGN;
  if (rounded < size) ll_out_of_memory(size);
  void *p;
  if ((size_t)(arena->limit - arena->cursor) >= rounded) {
    p = arena->cursor;
    arena->cursor += rounded;
  } else {
    p = alloc_chunk(arena, rounded);
  }
  memset(p, 0, rounded);
  return p;
}

// Resizes the large chunk whose data is `items` to `size` usable bytes, relinking it.
static void *realloc_large(ll_arena *arena, void *items, size_t size) {
  ll_arena_chunk *chunk = (ll_arena_chunk *)((char *)items - offsetof(ll_arena_chunk, data));
  ll_arena_chunk **link = &arena->chunks;
  while (*link != chunk)
    link = &(*link)->next;
  bool newest = chunk == arena->chunks; // then the cursor sits at its end (see alloc_chunk)
  size_t old_size = chunk->size;
  if (size > SIZE_MAX - sizeof(ll_arena_chunk)) ll_out_of_memory(size);
  chunk = ll_xrealloc(chunk, sizeof(ll_arena_chunk) + size);
  *link = chunk;
  chunk->size = size;
  arena->bytes_reserved += size - old_size;
  if (newest) arena->cursor = arena->limit = chunk->data + size;
  return chunk->data;
}

void *ll_arena_grow(ll_arena *arena, void *items, size_t old_count, size_t new_count,
                    size_t elem_size) {
  if (new_count && elem_size > SIZE_MAX / new_count) ll_out_of_memory(SIZE_MAX);
  // An array of over CHUNK_SIZE bytes cannot sit in a standard chunk, so it has a chunk of its
  // own: resize that in place (realloc moves big blocks by remapping pages) instead of leaving
  // every smaller copy behind, which would double the peak memory of a large file. The new
  // part is left untouched, so the pages a doubled capacity never uses are never resident.
  if (old_count && old_count * elem_size > CHUNK_SIZE && new_count >= old_count)
    return realloc_large(arena, items, new_count * elem_size);
  void *grown = ll_arena_alloc(arena, new_count * elem_size);
  if (old_count) memcpy(grown, items, old_count * elem_size);
  return grown;
}

char *ll_arena_strndup(ll_arena *arena, const char *text, size_t len) {
  char *copy = ll_arena_alloc(arena, len + 1);
  memcpy(copy, text, len);
  return copy;
}

char *ll_arena_vprintf(ll_arena *arena, const char *format, va_list args) {
  va_list again;
  va_copy(again, args);
  int len = vsnprintf(NULL, 0, format, args);
  if (len < 0) len = 0;
  char *text = ll_arena_alloc(arena, (size_t)len + 1);
  vsnprintf(text, (size_t)len + 1, format, again);
  va_end(again);
  return text;
}

char *ll_arena_printf(ll_arena *arena, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *text = ll_arena_vprintf(arena, format, args);
  va_end(args);
  return text;
}
