// The per-file bump arena and the process-wide allocation wrappers.
//
// Everything that lives as long as one file (source bytes, scope model, rule state, findings and
// their messages) is allocated from one ll_arena and released at once by ll_arena_reset. Chunks
// never move, so pointers into the arena stay valid until the reset. Out of memory is not an
// error that callers handle: ll_xmalloc and the arena print a message and exit with status 2,
// in one place.
#ifndef LEAKLINT_ARENA_H
#define LEAKLINT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ll_arena_chunk ll_arena_chunk;

typedef struct ll_arena {
  ll_arena_chunk *chunks; // newest first
  char *cursor;           // next free byte of the newest chunk
  char *limit;            // end of the newest chunk
  size_t bytes_reserved;  // total size of all chunks, for --stats
} ll_arena;

/** Prints that `size` bytes could not be allocated and exits with status 2. */
_Noreturn void ll_out_of_memory(size_t size);

/** malloc/realloc/calloc that exit (status 2) with a message instead of returning NULL. */
void *ll_xmalloc(size_t size);
void *ll_xcalloc(size_t count, size_t size);
void *ll_xrealloc(void *ptr, size_t size);
char *ll_xstrdup(const char *text);

/** An empty arena; no memory is taken until the first allocation. */
void ll_arena_init(ll_arena *arena);

/** Releases every chunk. The arena can be used again afterwards. */
void ll_arena_fini(ll_arena *arena);

/** Releases everything allocated so far but keeps the first chunk for reuse. */
void ll_arena_reset(ll_arena *arena);

/** Zeroed, 16-byte aligned memory owned by the arena; valid until the next reset. */
void *ll_arena_alloc(ll_arena *arena, size_t size);

/**
 * Grows an array allocated from the arena to hold `new_count` elements of `elem_size` bytes,
 * copying the first `old_count` (at most the capacity the array was allocated with); the new
 * elements are not initialised. A small array's old block is abandoned, not freed (callers
 * double the capacity, so the waste stays below the final size); an array of over 64 KiB is
 * resized in place, so large files do not pay twice. Pointers into the old block are invalid
 * afterwards either way.
 */
void *ll_arena_grow(ll_arena *arena, void *items, size_t old_count, size_t new_count,
                    size_t elem_size);

/** A NUL-terminated copy of `len` bytes of `text`, owned by the arena. */
char *ll_arena_strndup(ll_arena *arena, const char *text, size_t len);

/** printf into the arena; the result is owned by the arena. */
char *ll_arena_printf(ll_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
char *ll_arena_vprintf(ll_arena *arena, const char *format, va_list args);

#endif
