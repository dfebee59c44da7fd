// One file's bytes and the line table that turns byte offsets into the positions people see.
#ifndef LEAKLINT_SOURCE_H
#define LEAKLINT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "analyzer/arena.h"

typedef struct ll_str {
  const char *ptr; // not NUL-terminated: a slice of a source buffer
  uint32_t len;
} ll_str;

typedef struct ll_source {
  const char *path;     // as the user gave it; owned by the caller
  const char *text;     // file bytes without a UTF-8 byte order mark; NUL-terminated
  uint32_t len;         // bytes in `text`
  uint32_t *line_start; // byte offset of each line's first byte; arena-owned
  uint32_t n_lines;
} ll_source;

typedef struct ll_position {
  uint32_t line;   // 1-based
  uint32_t column; // 1-based, in UTF-16 code units, as editors and SARIF count
} ll_position;

/**
 * Builds the line table of `text`: "\n", "\r\n" and a lone "\r" each end a line (tree-sitter
 * only counts "\n", so leaklint never uses TSPoint rows for what it prints). A leading UTF-8 byte
 * order mark must already have been removed: editors do not count it as a column.
 */
void ll_source_init(ll_source *source, ll_arena *arena, const char *path, const char *text,
                    uint32_t len);

/** The 1-based line and UTF-16 column of the byte at `byte` (clamped to the end of the text). */
ll_position ll_source_position(const ll_source *source, uint32_t byte);

/** The text of 1-based `line` without its line terminator; empty past the last line. */
ll_str ll_source_line(const ll_source *source, uint32_t line);

/**
 * The length of the valid UTF-8 sequence at `p` (1 to 4 bytes, not past `end`), or 0 when the
 * bytes there are not valid UTF-8 (a stray continuation byte, a truncated sequence).
 */
size_t ll_utf8_sequence(const unsigned char *p, const unsigned char *end);

/**
 * True when the slice equals the NUL-terminated `text`. Inline: the rules compare names with it
 * millions of times a run, and a literal's length is then known at compile time.
 */
static inline bool ll_str_eq(ll_str slice, const char *text) {
  if (slice.len && slice.ptr[0] != text[0]) return false; // most mismatches, before strlen
  size_t len = strlen(text);
  return slice.len == len && memcmp(slice.ptr, text, len) == 0;
}

/** True when the two slices hold the same text. */
static inline bool ll_str_same(ll_str a, ll_str b) {
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/** True when the slice `word` occurs in the slice (an empty word occurs everywhere). */
static inline bool ll_str_has(ll_str slice, ll_str word) {
  for (uint32_t i = 0; i + word.len <= slice.len; i++)
    if (memcmp(slice.ptr + i, word.ptr, word.len) == 0) return true;
  return false;
}

/** True when the NUL-terminated `word` occurs in the slice. */
static inline bool ll_str_contains(ll_str slice, const char *word) {
  return ll_str_has(slice, (ll_str){word, (uint32_t)strlen(word)});
}

/** The edit distance between two short names, for "did you mean" (99 past 64 characters). */
size_t ll_edit_distance(const char *a, const char *b);

/** True when the slice equals one of `names`, a NULL-terminated list. */
static inline bool ll_str_in(ll_str slice, const char *const *names) {
  for (; *names; names++)
    if (ll_str_eq(slice, *names)) return true;
  return false;
}

#endif
