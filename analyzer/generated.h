// Generated and minified files: code that is not its reader's to fix (a bundle, a minified
// build, a file a tool writes), which a directory walk passes over unless --include-generated is
// given. Detected from the bytes already read, cheaply: a marker near the top, or the shape of
// minified code.
#ifndef LEAKLINT_GENERATED_H
#define LEAKLINT_GENERATED_H

#include <stddef.h>

/**
 * Why the `len` bytes of `text` look generated or minified ("an @generated marker", "a webpack
 * bundle", "minified"...), or NULL when they look written by hand. Reads the first 4 KiB for
 * markers, the last 512 bytes for a source map comment, and the line lengths (found with memchr),
 * counting blanks on the long lines only. Returns a static string.
 */
const char *ll_generated_reason(const char *text, size_t len);

#endif
