// Reading a whole JSON file (the configuration, the baseline) with jansson, the one way: every
// allocation through ll_xmalloc, duplicate keys refused, and any error printed as
// `leaklint: error: PATH: LINE:COLUMN: message`.
#ifndef LEAKLINT_JSON_FILE_H
#define LEAKLINT_JSON_FILE_H

#include <jansson.h>

/**
 * The document in the file at `path`, or NULL after printing why it could not be read or parsed
 * (`what`, such as "the baseline", names it in messages). The caller owns the reference
 * (json_decref).
 */
json_t *ll_json_read(const char *path, const char *what);

#endif
