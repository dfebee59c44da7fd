// See glob.h. Moved here from config.c when gitignore files joined the configuration's `ignore`
// as sources of patterns, so that both mean the same thing by a glob.
#include "analyzer/glob.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"

// The end of the class starting at `p` (just past its `]`), or NULL when it is not closed.
static const char *class_end(const char *p) {
  p++; // '['
  if (*p == '!' || *p == '^') p++;
  if (*p == ']') p++;
  while (*p && *p != ']')
    p++;
  return *p ? p + 1 : NULL;
}

static bool class_has(const char *p, char c) {
  p++;
  bool negated = *p == '!' || *p == '^';
  if (negated) p++;
  bool found = false;
  for (bool first = true; *p && (*p != ']' || first); first = false, p++) {
    if (p[1] == '-' && p[2] && p[2] != ']') {
      found |= (unsigned char)c >= (unsigned char)p[0] && (unsigned char)c <= (unsigned char)p[2];
      p += 2;
    } else {
      found |= *p == c;
    }
  }
  return found != negated;
}

bool ll_glob_match(const char *pattern, const char *subject) {
  size_t len = strlen(subject);
  // Two sets of reached positions; on the stack for the usual short paths.
  bool small[2][256];
  bool *at = small[0], *next = small[1];
  if (len + 1 > sizeof small[0]) {
    at = ll_xcalloc(len + 1, 1);
    next = ll_xcalloc(len + 1, 1);
  }
  memset(at, 0, len + 1);
  at[0] = true;
  const char *p = pattern;
  while (*p) {
    memset(next, 0, len + 1);
    size_t first = len + 1; // the first reached position
    for (size_t i = 0; i <= len; i++)
      if (at[i]) {
        first = i;
        break;
      }
    if (first > len) break;
    // `**` is special only as a whole segment, as in gitignore; elsewhere it is `*`.
    bool whole_segment = p[0] == '*' && p[1] == '*' && (p == pattern || p[-1] == '/') &&
                         (p[2] == '/' || p[2] == '\0');
    if (whole_segment && p[2] == '/') { // `**/`: nothing, or anything that ends with a slash
      for (size_t i = first; i <= len; i++)
        next[i] = at[i] || (i > first && subject[i - 1] == '/');
      p += 3;
    } else if (whole_segment) { // `**` at the end: anything
      for (size_t i = first; i <= len; i++)
        next[i] = true;
      p += 2;
    } else if (*p == '*') {
      for (size_t i = 0; i <= len; i++)
        if (at[i])
          for (size_t k = i; k <= len; k++) {
            next[k] = true;
            if (k == len || subject[k] == '/') break;
          }
      while (*p == '*')
        p++;
    } else {
      const char *end = *p == '[' ? class_end(p) : NULL;
      bool escaped = *p == '\\' && p[1];
      char literal = escaped ? p[1] : *p;
      for (size_t i = 0; i < len; i++) {
        if (!at[i]) continue;
        char c = subject[i];
        bool ok = escaped     ? c == literal
                  : *p == '?' ? c != '/'
                  : end       ? c != '/' && class_has(p, c)
                              : c == literal;
        if (ok) next[i + 1] = true;
      }
      p = end ? end : p + (escaped ? 2 : 1);
    }
    bool *swap = at;
    at = next;
    next = swap;
  }
  bool matched = *p == '\0' && at[len];
  if (len + 1 > sizeof small[0]) {
    // `at` and `next` were swapped an unknown number of times: both are heap memory here.
    free(at);
    free(next);
  }
  return matched;
}

bool ll_glob_parse(const char *text, ll_glob *glob, size_t *error_offset) {
  memset(glob, 0, sizeof *glob);
  const char *start = text;
  if (*start == '!') {
    glob->negated = true;
    start++;
  } else if (start[0] == '\\' && (start[1] == '!' || start[1] == '#')) {
    start++; // the escape only keeps the character from meaning negation or a comment
  }
  for (const char *p = start; *p; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p == '[' && !class_end(p)) {
      *error_offset = (size_t)(p - text);
      return false;
    }
  }
  size_t len = strlen(start);
  // A trailing slash (not an escaped one) means directories only.
  if (len > 1 && start[len - 1] == '/' && start[len - 2] != '\\') {
    glob->dir_only = true;
    len--;
  }
  while (len && *start == '/') {
    glob->anchored = true;
    start++;
    len--;
  }
  glob->body = ll_xmalloc(len + 1);
  memcpy(glob->body, start, len);
  glob->body[len] = '\0';
  // A slash in the middle anchors too: `src/gen` is the project's src/gen, not any gen.
  if (strchr(glob->body, '/')) glob->anchored = true;
  glob->text = ll_xstrdup(text);
  return true;
}

bool ll_glob_parse_line(const char *line, size_t len, ll_glob *glob) {
  if (len && line[len - 1] == '\r') len--; // a file written on Windows
  // Trailing blanks go, unless the last one is escaped: `a\ ` is "a ".
  while (len && (line[len - 1] == ' ' || line[len - 1] == '\t') &&
         !(len >= 2 && line[len - 2] == '\\'))
    len--;
  if (!len || line[0] == '#') return false;
  char *text = ll_xmalloc(len + 1);
  memcpy(text, line, len);
  text[len] = '\0';
  size_t offset;
  bool ok = ll_glob_parse(text, glob, &offset) && glob->body[0];
  free(text);
  if (!ok) ll_glob_fini(glob);
  return ok;
}

void ll_glob_fini(ll_glob *glob) {
  free(glob->text);
  free(glob->body);
  memset(glob, 0, sizeof *glob);
}

bool ll_glob_matches(const ll_glob *glob, const char *subject, bool is_dir) {
  if (glob->dir_only && !is_dir) return false;
  if (glob->anchored) return ll_glob_match(glob->body, subject);
  const char *slash = strrchr(subject, '/');
  return ll_glob_match(glob->body, slash ? slash + 1 : subject);
}

ll_glob_verdict ll_glob_list_verdict(const ll_glob *globs, size_t n, const char *subject,
                                     bool is_dir) {
  for (size_t i = n; i-- > 0;)
    if (ll_glob_matches(&globs[i], subject, is_dir))
      return globs[i].negated ? LL_GLOB_INCLUDED : LL_GLOB_EXCLUDED;
  return LL_GLOB_NO_MATCH;
}
