// See generated.h. Each sign is one a hand-written file does not show: the markers are those
// tools write and people do not (`@generated`, webpack's `/******/` bootstrap, bundlers' helper
// names); minified code is mostly very long lines with almost no blanks. A lone
// `/* eslint-disable */` is not a sign: hand-written files start with one too.
#include "analyzer/generated.h"

#include <stdbool.h>
#include <string.h>

enum {
  HEADER = 1024,    // where a header comment's markers are looked for
  BOOTSTRAP = 4096, // where a bundler's helpers are looked for (after a license comment)
  TAIL = 512,       // where a source map comment is looked for
  LONG_LINE = 250,  // a longer line is a minified line candidate (minifiers wrap at 500 or more)
};

// Markers a tool writes near the top of its output, where they are looked for, and what they
// say.
static const struct {
  const char *text;
  size_t window;
  const char *reason;
} markers[] = {
    {"@generated", HEADER, "an @generated marker"},
    {"DO NOT EDIT", HEADER, "a DO NOT EDIT header"},
    {"DO NOT MODIFY", HEADER, "a DO NOT MODIFY header"},
    {"\n/******/", BOOTSTRAP, "a webpack bundle"},
    {"__webpack_require__", BOOTSTRAP, "a webpack bundle"},
    {"__webpack_modules__", BOOTSTRAP, "a webpack bundle"},
    {"webpackBootstrap", BOOTSTRAP, "a webpack bundle"},
    {"parcelRequire", BOOTSTRAP, "a parcel bundle"},
    // browser-pack's prelude, minified whatever the rest is (a person writes blanks around `=`)
    {".code=\"MODULE_NOT_FOUND\"", BOOTSTRAP, "a browserify bundle"},
    {"var __commonJS = ", BOOTSTRAP, "an esbuild bundle"},
    {"var __toESM = ", BOOTSTRAP, "an esbuild bundle"},
    {"_interopDefaultLegacy", BOOTSTRAP, "a rollup bundle"},
    {"typeof exports === 'object' && typeof module !== 'undefined' ? ", BOOTSTRAP,
     "a rollup bundle"},
};

static const char *find(const char *text, size_t len, const char *needle) {
  size_t n = strlen(needle);
  for (const char *p = text, *end = text + len; (size_t)(end - p) >= n; p++) {
    p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
    if (!p) return NULL;
    if (memcmp(p, needle, n) == 0) return p;
  }
  return NULL;
}

// The source map comment of the last bytes, when it names a minified file or a bundle.
static bool map_of_bundle(const char *text, size_t len) {
  size_t from = len > TAIL ? len - TAIL : 0;
  const char *map = find(text + from, len - from, "sourceMappingURL=");
  if (!map) return false;
  const char *end = map;
  while (end < text + len && *end != '\n' && *end != ' ' && *end != '*')
    end++;
  size_t n = (size_t)(end - map);
  if (find(map, n, "=data:")) return false; // an inline map names no file
  return find(map, n, ".min.") || find(map, n, "bundle") || find(map, n, "chunk");
}

const char *ll_generated_reason(const char *text, size_t len) {
  // `/******/` starts a line: count the file's start as one.
  if (len >= 8 && memcmp(text, "/******/", 8) == 0) return "a webpack bundle";
  for (size_t i = 0; i < sizeof markers / sizeof *markers; i++)
    if (find(text, len < markers[i].window ? len : markers[i].window, markers[i].text))
      return markers[i].reason;
  // `/* eslint-disable */` alone is common in hand-written files; generators write it with
  // `@ts-nocheck`, to silence both checkers on code nobody reads.
  size_t header = len < HEADER ? len : HEADER;
  if (find(text, header, "/* eslint-disable */") && find(text, header, "@ts-nocheck"))
    return "a generated-code header";

  // Line lengths, found with memchr; blanks are counted on the very long lines only.
  size_t long_bytes = 0, long_blanks = 0, long_code = 0, longest = 0;
  for (const char *line = text, *end = text + len; line < end;) {
    const char *nl = memchr(line, '\n', (size_t)(end - line));
    size_t n = (size_t)((nl ? nl : end) - line);
    // An inline source map is one long line of base64 in any compiler's output: not counted.
    bool map = n > LONG_LINE && find(line, n < 64 ? n : 64, "sourceMappingURL=");
    if (n > longest && !map) longest = n;
    if (n > LONG_LINE && !map) {
      long_bytes += n;
      for (size_t k = 0; k < n; k++) {
        char c = line[k];
        long_blanks += c == ' ' || c == '\t';
        long_code += c == ';' || c == '{' || c == '}';
      }
    }
    line = nl ? nl + 1 : end;
  }
  // Minified: most of the file is on very long lines, which are nearly free of blanks
  // (hand-written code is 10 to 30 % blanks, even on long lines; a minifier's output under 7 %) and
  // are code (statements and blocks, not one long table of data such as a Unicode regex).
  if (long_bytes * 2 >= len && long_blanks * 100 < long_bytes * 8 && long_code * 100 >= long_bytes)
    return "minified";
  if (longest > LONG_LINE && map_of_bundle(text, len)) return "minified";
  return NULL;
}
