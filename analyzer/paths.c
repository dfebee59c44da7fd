// Path text, never the file system (but for getcwd): what a path names is decided by its
// spelling, so results do not depend on symlinks that may change between runs.
#include "analyzer/paths.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyzer/arena.h"

char *ll_paths_normalize(const char *path) {
  bool absolute = path[0] == '/';
  char *out = ll_xmalloc(strlen(path) + 2);
  size_t len = 0, floor = 0; // out[0, floor) is leading ".." segments, which stay
  const char *p = path;
  while (*p) {
    while (*p == '/')
      p++;
    const char *segment = p;
    while (*p && *p != '/')
      p++;
    size_t n = (size_t)(p - segment);
    if (n == 0 || (n == 1 && segment[0] == '.')) continue;
    if (n == 2 && segment[0] == '.' && segment[1] == '.') {
      if (len > floor) { // drop the last segment and its separator
        while (len > floor && out[len - 1] != '/')
          len--;
        if (len > floor) len--;
        continue;
      }
      if (absolute) continue;
      if (len) out[len++] = '/';
      memcpy(out + len, "..", 2);
      floor = len += 2;
      continue;
    }
    if (len || absolute) out[len++] = '/';
    memcpy(out + len, segment, n);
    len += n;
  }
  if (!len) out[len++] = absolute ? '/' : '.';
  out[len] = '\0';
  return out;
}

char *ll_paths_absolute(const char *path, const char *cwd) {
  if (path[0] == '/') return ll_paths_normalize(path);
  if (!cwd) return NULL;
  size_t size = strlen(cwd) + strlen(path) + 2;
  char *joined = ll_xmalloc(size);
  snprintf(joined, size, "%s/%s", cwd, path);
  char *absolute = ll_paths_normalize(joined);
  free(joined);
  return absolute;
}

const char *ll_paths_below(const char *path, const char *dir) {
  if (!dir) return NULL;
  size_t len = strcmp(dir, "/") == 0 ? 0 : strlen(dir);
  if (strncmp(path, dir, len) != 0 || path[len] != '/' || !path[len + 1]) return NULL;
  return path + len + 1;
}

char *ll_paths_from(const char *path, const char *dir) {
  if (strcmp(path, dir) == 0) return ll_xstrdup(".");
  // Length of the common prefix that ends at a segment boundary of both.
  size_t common = 0;
  for (size_t i = 0;; i++) {
    bool dir_end = dir[i] == '\0' || dir[i] == '/', path_end = path[i] == '\0' || path[i] == '/';
    if (dir_end && path_end) common = i;
    if (dir[i] != path[i] || !dir[i]) break;
  }
  size_t ups = 0; // one per segment of `dir` after the common prefix
  for (const char *d = dir + common; *d; d++)
    ups += *d == '/' && d[1] != '\0';
  const char *rest = path + common;
  while (*rest == '/')
    rest++;
  char *out = ll_xmalloc(ups * 3 + strlen(rest) + 1), *o = out;
  for (size_t i = 0; i < ups; i++, o += 3)
    memcpy(o, "../", 3);
  strcpy(o, rest);
  return out;
}

char *ll_paths_dirname(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash || slash == path) return ll_xstrdup("/");
  size_t len = (size_t)(slash - path);
  char *dir = ll_xmalloc(len + 1);
  memcpy(dir, path, len);
  dir[len] = '\0';
  return dir;
}

char *ll_paths_cwd(void) {
  for (size_t size = 256;; size *= 2) {
    char *buffer = ll_xmalloc(size);
    if (getcwd(buffer, size)) {
      char *normal = ll_paths_normalize(buffer);
      free(buffer);
      return normal;
    }
    free(buffer);
    if (errno != ERANGE) return NULL;
  }
}
