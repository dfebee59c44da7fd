// Reading a whole JSON file (the configuration, the baseline) with jansson, the one way: every
// allocation through ll_xmalloc, duplicate keys refused, and any error printed as
// `leaklint: error: PATH: LINE:COLUMN: message`.
#ifndef LEAKLINT_JSON_FILE_H
#define LEAKLINT_JSON_FILE_H

#include <stddef.h>

#include <jansson.h>

/**
 * The document in the file at `path`, or NULL after printing why it could not be read or parsed
 * (`what`, such as "the baseline", names it in messages). The caller owns the reference
 * (json_decref).
 */
json_t *ll_json_read(const char *path, const char *what);

/**
 * ll_json_read for JSON with comments (JSONC, as VS Code, TypeScript and Biome read their
 * configuration files): `//` and block comments and trailing commas are allowed. Error
 * positions are those of the file as written.
 */
json_t *ll_jsonc_read(const char *path, const char *what);

/**
 * Turns the comments and trailing commas of the `len` bytes of `text` into blanks, in place,
 * leaving strings, line breaks and every byte offset as they were. An unclosed block comment and
 * everything after it are left alone, for the parser to report.
 */
void ll_jsonc_strip(char *text, size_t len);

#endif
