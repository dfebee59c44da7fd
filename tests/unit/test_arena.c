// The per-file arena: alignment, zeroing, zero-byte and large blocks, many chunks, growth (in
// place for large arrays), reset and reuse, and printf.
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/arena.h"

static bool all_zero(const unsigned char *p, size_t size) {
  for (size_t i = 0; i < size; i++)
    if (p[i]) return false;
  return true;
}

static void allocations_are_aligned_and_zeroed(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  assert_int_equal(arena.bytes_reserved, 0); // nothing taken before the first allocation
  unsigned char *prev = NULL;
  for (size_t size = 1; size < 300; size += 7) {
    unsigned char *p = ll_arena_alloc(&arena, size);
    assert_int_equal((uintptr_t)p % 16, 0);
    assert_true(all_zero(p, size));
    memset(p, 0xAB, size);
    // Consecutive small blocks are packed: the next one starts at the next 16-byte boundary.
    if (prev) assert_true(p > prev);
    prev = p;
  }
  ll_arena_fini(&arena);
}

static void zero_bytes_is_a_distinct_pointer(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  void *a = ll_arena_alloc(&arena, 0); // on a fresh arena: the cursor is still NULL
  void *b = ll_arena_alloc(&arena, 0);
  assert_non_null(a);
  assert_non_null(b);
  assert_ptr_not_equal(a, b);
  assert_int_equal((uintptr_t)a % 16, 0);
  // Growing an empty array to nothing, as a binder table with no entries does.
  assert_non_null(ll_arena_grow(&arena, NULL, 0, 0, sizeof(int)));
  ll_arena_fini(&arena);
}

static void large_blocks_keep_the_current_chunk(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  char *small = ll_arena_alloc(&arena, 32);
  size_t chunk = arena.bytes_reserved;
  assert_true(chunk >= 32);
  strcpy(small, "kept");
  enum { BIG = 1 << 20 };
  unsigned char *big = ll_arena_alloc(&arena, BIG);
  assert_int_equal((uintptr_t)big % 16, 0);
  assert_true(all_zero(big, BIG));
  memset(big, 1, BIG);
  assert_int_equal(arena.bytes_reserved, chunk + BIG); // exactly its own size, no more
  char *after = ll_arena_alloc(&arena, 32);
  // The small blocks share the first chunk: the big one did not abandon its free space.
  assert_ptr_equal(after, small + 32);
  assert_string_equal(small, "kept");
  assert_int_equal(big[BIG - 1], 1);
  ll_arena_fini(&arena);
  assert_int_equal(arena.bytes_reserved, 0);
  assert_null(arena.chunks);
}

// The size of a standard chunk, as a fresh arena reserves for its first small block.
static size_t standard_chunk(void) {
  ll_arena arena;
  ll_arena_init(&arena);
  ll_arena_alloc(&arena, 16);
  size_t size = arena.bytes_reserved;
  ll_arena_fini(&arena);
  return size;
}

static void a_large_first_block(void **state) {
  (void)state;
  // A file's text is usually the first and largest block of its arena.
  ll_arena arena;
  ll_arena_init(&arena);
  unsigned char *big = ll_arena_alloc(&arena, 300000);
  assert_true(all_zero(big, 300000));
  unsigned char *small = ll_arena_alloc(&arena, 16);
  assert_true(small < big || small >= big + 300000);
  assert_int_equal(arena.bytes_reserved, 300000 + standard_chunk());
  memset(small, 0x5A, 16);
  // The reset still keeps the standard chunk for the next file and frees the large block.
  ll_arena_reset(&arena);
  assert_int_equal(arena.bytes_reserved, standard_chunk());
  unsigned char *again = ll_arena_alloc(&arena, 16);
  assert_ptr_equal(again, small);
  assert_true(all_zero(again, 16));
  ll_arena_fini(&arena);
}

static void many_chunks_do_not_overlap(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  enum { N = 20000, SIZE = 100 };
  static unsigned char *blocks[N];
  for (int i = 0; i < N; i++) {
    blocks[i] = ll_arena_alloc(&arena, SIZE);
    memset(blocks[i], i & 0xFF, SIZE);
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < SIZE; j++)
      if (blocks[i][j] != (i & 0xFF)) fail_msg("block %d byte %d was overwritten", i, j);
  assert_true(arena.bytes_reserved >= (size_t)N * 112); // each block rounded up to 16
  ll_arena_fini(&arena);
}

static void grow_copies_small_arrays(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  int *items = ll_arena_grow(&arena, NULL, 0, 4, sizeof *items);
  for (int i = 0; i < 4; i++)
    items[i] = i * 10;
  int *grown = ll_arena_grow(&arena, items, 4, 100000, sizeof *items);
  assert_ptr_not_equal(grown, items);
  for (int i = 0; i < 4; i++)
    assert_int_equal(grown[i], i * 10);
  assert_int_equal(items[3], 30); // the old block is abandoned, not freed or cleared
  ll_arena_fini(&arena);
}

// An array of over 64 KiB sits in a chunk of its own, which growth resizes (no copy left
// behind): the contents survive, and so do the blocks allocated around it, in either order.
static void grow_resizes_large_arrays_in_place(void **state) {
  (void)state;
  for (int first_large = 0; first_large < 2; first_large++) {
    ll_arena arena;
    ll_arena_init(&arena);
    enum { START = 20000, END = 20000 << 6 };
    int *items = first_large ? ll_arena_alloc(&arena, START * sizeof *items) : NULL;
    unsigned char *small = ll_arena_alloc(&arena, 32);
    memset(small, 0x5A, 32);
    if (!first_large) items = ll_arena_alloc(&arena, START * sizeof *items);
    for (int i = 0; i < START; i++)
      items[i] = i;
    size_t before = arena.bytes_reserved;
    for (size_t n = START; n < END; n *= 2) {
      items = ll_arena_grow(&arena, items, n, n * 2, sizeof *items);
      for (size_t i = n; i < n * 2; i++)
        items[i] = (int)i;
      unsigned char *more = ll_arena_alloc(&arena, 100); // the cursor still works
      memset(more, 0x11, 100);
    }
    for (int i = 0; i < END; i++)
      if (items[i] != i) fail_msg("item %d is %d", i, items[i]);
    for (int i = 0; i < 32; i++)
      assert_int_equal(small[i], 0x5A);
    // Only the final size is held, not the sum of every copy.
    assert_true(arena.bytes_reserved - before < (size_t)END * sizeof *items + (1 << 16));
    ll_arena_reset(&arena);
    ll_arena_fini(&arena);
  }
}

static void reset_reuses_the_first_chunk(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  unsigned char *first = ll_arena_alloc(&arena, 16);
  size_t chunk = arena.bytes_reserved;
  memset(first, 0xCD, 16);
  for (int i = 0; i < 5000; i++) // several chunks' worth
    memset(ll_arena_alloc(&arena, 200), 0xEE, 200);
  ll_arena_alloc(&arena, 1 << 20);
  assert_true(arena.bytes_reserved > chunk + (1 << 20));
  ll_arena_reset(&arena);
  assert_int_equal(arena.bytes_reserved, chunk); // only the first chunk is kept
  assert_non_null(arena.chunks);
  // The next file starts where the first one did, on cleared memory.
  unsigned char *again = ll_arena_alloc(&arena, 16);
  assert_ptr_equal(again, first);
  assert_true(all_zero(again, 16));
  unsigned char *next = ll_arena_alloc(&arena, 200);
  assert_true(all_zero(next, 200));
  // fini releases everything and leaves an arena that can be used again.
  ll_arena_fini(&arena);
  assert_int_equal(arena.bytes_reserved, 0);
  assert_non_null(ll_arena_alloc(&arena, 8));
  ll_arena_fini(&arena);
}

static char *via_vprintf(ll_arena *arena, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *text = ll_arena_vprintf(arena, format, args);
  va_end(args);
  return text;
}

static void printf_into_the_arena(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  assert_string_equal(ll_arena_printf(&arena, "%s grows at line %d", "`cache`", 12),
                      "`cache` grows at line 12");
  assert_string_equal(ll_arena_printf(&arena, "%s", ""), "");
  assert_string_equal(via_vprintf(&arena, "%u/%zu", 3u, (size_t)4), "3/4");
  assert_string_equal(ll_arena_strndup(&arena, "abcdef", 3), "abc");
  assert_string_equal(ll_arena_strndup(&arena, "", 0), "");
  // Longer than a chunk: formatted in full, into a block of its own.
  static char long_text[200001];
  memset(long_text, 'x', sizeof long_text - 1);
  char *copy = ll_arena_printf(&arena, "[%s]", long_text);
  assert_int_equal(strlen(copy), sizeof long_text + 1);
  assert_int_equal(copy[0], '[');
  assert_int_equal(copy[sizeof long_text], ']');
  ll_arena_fini(&arena);
}

static void xalloc_wrappers(void **state) {
  (void)state;
  char *dup = ll_xstrdup("leak");
  assert_string_equal(dup, "leak");
  dup = ll_xrealloc(dup, 100);
  assert_string_equal(dup, "leak");
  free(dup);
  unsigned char *zeroed = ll_xcalloc(10, 10);
  assert_true(all_zero(zeroed, 100));
  free(zeroed);
  // Zero sizes still give a pointer that can be freed.
  void *none = ll_xmalloc(0);
  assert_non_null(none);
  free(none);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(allocations_are_aligned_and_zeroed),
      cmocka_unit_test(zero_bytes_is_a_distinct_pointer),
      cmocka_unit_test(large_blocks_keep_the_current_chunk),
      cmocka_unit_test(a_large_first_block),
      cmocka_unit_test(many_chunks_do_not_overlap),
      cmocka_unit_test(grow_copies_small_arrays),
      cmocka_unit_test(grow_resizes_large_arrays_in_place),
      cmocka_unit_test(reset_reuses_the_first_chunk),
      cmocka_unit_test(printf_into_the_arena),
      cmocka_unit_test(xalloc_wrappers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
