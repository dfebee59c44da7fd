// PCRE2 patterns for the project vocabulary in the configuration (route methods, emitter
// methods, bounded caches...): compiled once, matched on slices of the source without copying,
// with limits so that no pattern can make a run hang. The only file that includes <pcre2.h>.
#ifndef LEAKLINT_PATTERN_H
#define LEAKLINT_PATTERN_H

#include <stddef.h>

#include "analyzer/source.h"

typedef struct ll_pattern ll_pattern;

/** What a match attempt found. */
typedef enum ll_match {
  LL_MATCH_NO = 0,
  LL_MATCH_YES = 1,
  LL_MATCH_LIMIT = -1, // the match or depth limit stopped it: the pattern backtracks badly
  LL_MATCH_ERROR = -2, // any other PCRE2 failure
} ll_match;

/**
 * Compiles `source` (UTF-8, PCRE2 syntax with PCRE2_UTF) and JIT-compiles it when the platform
 * allows. Returns NULL on a syntax error, with PCRE2's message in `error` (`error_size` bytes,
 * NUL-terminated) and the byte offset of the error in `*error_offset`. The pattern is owned by
 * the caller: ll_pattern_delete. Immutable once compiled, so threads may share it.
 */
ll_pattern *ll_pattern_new(const char *source, char *error, size_t error_size,
                           size_t *error_offset);
void ll_pattern_delete(ll_pattern *pattern);

/**
 * Matches `subject` (not NUL-terminated; its length decides) against the pattern. Match data is
 * created per call, so concurrent calls on one pattern are safe. The match limit (1,000,000
 * steps), depth limit (10,000) and heap limit (20 MiB) bound the work: LL_MATCH_LIMIT says one
 * was hit.
 */
ll_match ll_pattern_match(const ll_pattern *pattern, ll_str subject);

/** The source text the pattern was compiled from (owned by the pattern). */
const char *ll_pattern_source(const ll_pattern *pattern);

#endif
