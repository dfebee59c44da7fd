// See json_file.h.
#include "analyzer/json_file.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"

json_t *ll_json_read(const char *path, const char *what) {
  // Out of memory inside jansson exits like everywhere else.
  json_set_alloc_funcs(ll_xmalloc, free);
  json_error_t error;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
  if (root) return root;
  if (error.line > 0)
    ll_diag_error(path, "%d:%d: %s", error.line, error.column, error.text);
  else
    ll_diag_error(path, "cannot read %s: %s", what, error.text);
  return NULL;
}

void ll_jsonc_strip(char *text, size_t len) {
  size_t comma = SIZE_MAX; // a comma after a value, not yet followed by anything but blanks
  char last = '\0';        // the last character outside strings, comments and blanks
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c == '"') {
      last = c;
      // A string is left alone, escapes included, to its closing quote (or the end: jansson
      // then reports the unterminated string where it starts).
      comma = SIZE_MAX;
      for (i++; i < len && text[i] != '"'; i++)
        if (text[i] == '\\' && i + 1 < len) i++;
      continue;
    }
    if (c == '/' && i + 1 < len && text[i + 1] == '/') {
      while (i < len && text[i] != '\n' && text[i] != '\r')
        text[i++] = ' ';
      i--; // the line break is kept, and looked at again as a blank
      continue;
    }
    if (c == '/' && i + 1 < len && text[i + 1] == '*') {
      size_t end = i + 2;
      while (end + 1 < len && !(text[end] == '*' && text[end + 1] == '/'))
        end++;
      // An unclosed comment stays: jansson reports an invalid token where it starts.
      if (end + 1 >= len) return;
      for (size_t k = i; k <= end + 1; k++)
        if (text[k] != '\n' && text[k] != '\r') text[k] = ' ';
      i = end + 1;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if ((c == '}' || c == ']') && comma != SIZE_MAX) text[comma] = ' ';
    // Only a comma after a value is trailing: `{,}` and `[1,,]` stay errors.
    comma = c == ',' && last != '{' && last != '[' && last != ',' && last ? i : SIZE_MAX;
    last = c;
  }
}

// jansson's line and column of the byte offset `position` of `text`: lines counted by '\n',
// columns in characters (UTF-8 lead bytes) since the line's start, 0 when none.
static void position_of(const char *text, size_t position, int *line, int *column) {
  *line = 1;
  *column = 0;
  for (size_t i = 0; i < position; i++) {
    if (text[i] == '\n') {
      (*line)++;
      *column = 0;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      (*column)++;
    }
  }
}

json_t *ll_jsonc_read(const char *path, const char *what) {
  json_set_alloc_funcs(ll_xmalloc, free);
  FILE *file = fopen(path, "rb");
  if (!file) {
    // jansson's own wording, as ll_json_read prints it.
    ll_diag_error(path, "cannot read %s: unable to open %s: %s", what, path, strerror(errno));
    return NULL;
  }
  size_t len = 0, cap = 4096;
  char *text = ll_xmalloc(cap);
  size_t got;
  while ((got = fread(text + len, 1, cap - len, file)) > 0) {
    len += got;
    if (len == cap) text = ll_xrealloc(text, cap *= 2);
  }
  bool failed = ferror(file);
  int saved = errno;
  fclose(file);
  if (failed) {
    ll_diag_error(path, "cannot read %s: %s", what, strerror(saved));
    free(text);
    return NULL;
  }
  char *stripped = ll_xmalloc(len + 1);
  memcpy(stripped, text, len);
  ll_jsonc_strip(stripped, len);
  json_error_t error;
  json_t *root = json_loadb(stripped, len, JSON_REJECT_DUPLICATES, &error);
  free(stripped);
  if (!root) {
    // Blanked comments keep every byte offset, but a comment's non-ASCII characters became
    // several blanks each: count the column on the text as written.
    int line, column;
    position_of(text, (size_t)error.position <= len ? (size_t)error.position : len, &line, &column);
    ll_diag_error(path, "%d:%d: %s", line, column, error.text);
  }
  free(text);
  return root;
}
