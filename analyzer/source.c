// Line tables and position arithmetic. Columns are counted in UTF-16 code units, the unit of VS
// Code, LSP and SARIF's `utf16CodeUnits`, so a finding after an emoji still points at the right
// character. Invalid UTF-8 counts one unit per byte, as editors show a replacement per byte.
#include "analyzer/source.h"

#include <string.h>

void ll_source_init(ll_source *source, ll_arena *arena, const char *path, const char *text,
                    uint32_t len) {
  source->path = path;
  source->text = text;
  source->len = len;
  uint32_t capacity = 256, count = 0;
  uint32_t *starts = ll_arena_alloc(arena, capacity * sizeof *starts);
  starts[count++] = 0;
  bool has_cr = memchr(text, '\r', len) != NULL;
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *nl;
    if (has_cr) {
      nl = p;
      while (nl < end && *nl != '\n' && *nl != '\r')
        nl++;
      if (nl == end) break;
      if (*nl == '\r' && nl + 1 < end && nl[1] == '\n') nl++;
    } else {
      nl = memchr(p, '\n', (size_t)(end - p));
      if (!nl) break;
    }
    if (count == capacity) {
      starts = ll_arena_grow(arena, starts, count, capacity * 2, sizeof *starts);
      capacity *= 2;
    }
    starts[count++] = (uint32_t)(nl + 1 - text);
    p = nl + 1;
  }
  source->line_start = starts;
  source->n_lines = count;
}

size_t ll_utf8_sequence(const unsigned char *p, const unsigned char *end) {
  unsigned char c = *p;
  if (c < 0x80) return 1;
  // The well-formed sequences of Unicode's table 3-7: the lead byte fixes the length and the
  // range of the second byte, which rules out overlong forms (C0, C1, E0 80..9F, F0 80..8F),
  // UTF-16 surrogates (ED A0..BF) and code points past U+10FFFF (F4 90.., F5..FF). Accepting
  // those would pass invalid UTF-8 on to JSON and SARIF output.
  size_t width;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    width = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    width = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    width = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if ((size_t)(end - p) < width || p[1] < low || p[1] > high) return 0;
  for (size_t i = 2; i < width; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  return width;
}

static uint32_t utf16_units(const unsigned char *p, const unsigned char *end) {
  uint32_t units = 0;
  while (p < end) {
    // A malformed byte counts as one unit, as editors show one replacement character per byte.
    size_t width = ll_utf8_sequence(p, end);
    units += width == 4 ? 2 : 1;
    p += width ? width : 1;
  }
  return units;
}

ll_position ll_source_position(const ll_source *source, uint32_t byte) {
  if (byte > source->len) byte = source->len;
  // The last line whose start is <= byte.
  uint32_t lo = 0, hi = source->n_lines;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (source->line_start[mid] <= byte)
      lo = mid;
    else
      hi = mid;
  }
  const unsigned char *line = (const unsigned char *)source->text + source->line_start[lo];
  return (ll_position){lo + 1, 1 + utf16_units(line, (const unsigned char *)source->text + byte)};
}

ll_str ll_source_line(const ll_source *source, uint32_t line) {
  if (line == 0 || line > source->n_lines) return (ll_str){source->text + source->len, 0};
  uint32_t start = source->line_start[line - 1];
  uint32_t end = line < source->n_lines ? source->line_start[line] : source->len;
  while (end > start && (source->text[end - 1] == '\n' || source->text[end - 1] == '\r'))
    end--;
  return (ll_str){source->text + start, end - start};
}

size_t ll_edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64) return 99;
  size_t row[65];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diagonal + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = up;
    }
  }
  return row[lb];
}
