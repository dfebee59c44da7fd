// The per-file arena: alignment, zeroing, large blocks, growth, reset and printf.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer/arena.h"

static void allocations_are_aligned_and_zeroed(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  for (size_t size = 1; size < 300; size += 7) {
    unsigned char *p = ll_arena_alloc(&arena, size);
    assert_int_equal((uintptr_t)p % 16, 0);
    for (size_t i = 0; i < size; i++)
      assert_int_equal(p[i], 0);
    memset(p, 0xAB, size);
  }
  ll_arena_fini(&arena);
}

static void large_blocks_keep_the_current_chunk(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  char *small = ll_arena_alloc(&arena, 32);
  strcpy(small, "kept");
  char *big = ll_arena_alloc(&arena, 1 << 20);
  memset(big, 1, 1 << 20);
  char *after = ll_arena_alloc(&arena, 32);
  // The small allocations share a chunk: the big one did not waste it.
  assert_true(after > small && after - small < 4096);
  assert_string_equal(small, "kept");
  assert_true(arena.bytes_reserved >= (1 << 20));
  ll_arena_fini(&arena);
}

static void grow_copies_and_reset_reuses(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  int *items = ll_arena_alloc(&arena, 4 * sizeof *items);
  for (int i = 0; i < 4; i++)
    items[i] = i * 10;
  items = ll_arena_grow(&arena, items, 4, 8, sizeof *items);
  assert_int_equal(items[3], 30);
  assert_int_equal(items[7], 0);
  void *first = ll_arena_alloc(&arena, 16);
  ll_arena_reset(&arena);
  assert_true(arena.bytes_reserved > 0); // the first chunk is kept for the next file
  void *again = ll_arena_alloc(&arena, 16);
  assert_non_null(again);
  (void)first;
  ll_arena_fini(&arena);
  assert_int_equal(arena.bytes_reserved, 0);
}

static void printf_into_the_arena(void **state) {
  (void)state;
  ll_arena arena;
  ll_arena_init(&arena);
  assert_string_equal(ll_arena_printf(&arena, "%s grows at line %d", "`cache`", 12),
                      "`cache` grows at line 12");
  assert_string_equal(ll_arena_strndup(&arena, "abcdef", 3), "abc");
  char long_text[5000];
  memset(long_text, 'x', sizeof long_text - 1);
  long_text[sizeof long_text - 1] = '\0';
  assert_int_equal(strlen(ll_arena_printf(&arena, "%s!", long_text)), sizeof long_text);
  ll_arena_fini(&arena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(allocations_are_aligned_and_zeroed),
      cmocka_unit_test(large_blocks_keep_the_current_chunk),
      cmocka_unit_test(grow_copies_and_reset_reuses),
      cmocka_unit_test(printf_into_the_arena),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
