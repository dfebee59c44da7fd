// leaklint's own errors and warnings: one line each on stderr, naming the file they are about,
// so that an editor or a CI log shows which input could not be analysed.
#include "analyzer/diag.h"

#include <stdarg.h>
#include <stdio.h>

static void emit(const char *level, const char *path, const char *format, va_list args) {
  // One fprintf per part on an unbuffered stream could interleave across threads: build the
  // line first, then write it at once.
  char line[2048];
  int used = snprintf(line, sizeof line, "leaklint: %s: ", level);
  if (path && used >= 0 && (size_t)used < sizeof line)
    used += snprintf(line + used, sizeof line - (size_t)used, "%s: ", path);
  if (used >= 0 && (size_t)used < sizeof line)
    vsnprintf(line + used, sizeof line - (size_t)used, format, args);
  fprintf(stderr, "%s\n", line);
}

void ll_diag_error(const char *path, const char *format, ...) {
  va_list args;
  va_start(args, format);
  emit("error", path, format, args);
  va_end(args);
}

void ll_diag_warning(const char *path, const char *format, ...) {
  va_list args;
  va_start(args, format);
  emit("warning", path, format, args);
  va_end(args);
}
