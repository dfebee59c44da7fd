// PCRE2 patterns for the project vocabulary in the configuration (route methods, emitter
// methods, bounded caches...): compiled once, matched on slices of the source without copying,
// with limits so that no pattern can make a run hang. pattern.c is the only file that includes
// <pcre2.h>; nothing here exposes a PCRE2 type.
#ifndef LEAKLINT_PATTERN_H
#define LEAKLINT_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/source.h"

/** A compiled pattern. Opaque; immutable once ll_pattern_new returns it. */
typedef struct ll_pattern ll_pattern;

/** What a match attempt found. Negative values are failures, distinct so callers can say why. */
typedef enum ll_match {
  LL_MATCH_NO = 0,
  LL_MATCH_YES = 1,
  LL_MATCH_LIMIT = -1, // a match, depth, heap or JIT stack limit stopped it: the pattern
                       // backtracks catastrophically on this subject
  LL_MATCH_ERROR = -2, // any other PCRE2 failure (out of memory inside PCRE2, an internal error)
} ll_match;

/** Steps, nested backtracking frames and KiB of heap that one match may use. */
enum {
  LL_PATTERN_MATCH_LIMIT = 1000000,
  LL_PATTERN_DEPTH_LIMIT = 10000,
  LL_PATTERN_HEAP_LIMIT_KIB = 20 * 1024,
};

/**
 * Compiles `source`, a NUL-terminated pattern in PCRE2 syntax, in UTF mode (PCRE2_UTF; `\C` is
 * refused because it can split a character), then JIT-compiles it where PCRE2 was built with JIT
 * support and the platform allows it; otherwise the pattern silently runs on PCRE2's
 * interpreter, which gives the same answers.
 *
 * On success returns a new pattern, owned by the caller, who must free it with
 * ll_pattern_delete; `error` and `*error_offset` are left untouched. The pattern keeps its own
 * copy of `source`.
 *
 * On a syntax error (or a pattern that is not valid UTF-8) returns NULL, writes PCRE2's message
 * (pcre2_get_error_message) into `error`, truncated to `error_size` bytes and always
 * NUL-terminated, and sets `*error_offset` to the byte offset in `source` where PCRE2 stopped.
 * `error` may be NULL when `error_size` is 0, and `error_offset` may be NULL.
 *
 * Out of memory exits through ll_out_of_memory, like every allocation in leaklint.
 */
ll_pattern *ll_pattern_new(const char *source, char *error, size_t error_size,
                           size_t *error_offset);

/** Frees a pattern from ll_pattern_new. NULL is allowed and does nothing. */
void ll_pattern_delete(ll_pattern *pattern);

/**
 * Matches `subject` against the pattern: the `subject.len` bytes at `subject.ptr`, which need
 * not be NUL-terminated and are not copied (`ptr` may be NULL when `len` is 0). The answer never
 * depends on the bytes after the slice. (PCRE2's JIT code may load them in the same aligned
 * word, which cannot fault; valgrind reports those loads as uninitialised unless PCRE2 was built
 * with --enable-valgrind.) The pattern is unanchored unless it anchors itself (`^`, `$`, `\A`,
 * `\z`); `$` matches at the end of the slice.
 *
 * The subject need not be valid UTF-8 (a slice of an arbitrary file may not be): invalid bytes
 * never match any part of the pattern, and valid text around them matches normally
 * (PCRE2_MATCH_INVALID_UTF).
 *
 * Returns LL_MATCH_YES or LL_MATCH_NO, or LL_MATCH_LIMIT when one of the limits above stopped
 * the match (the caller should report the pattern, not treat it as a mismatch), or
 * LL_MATCH_ERROR.
 *
 * Thread safety: any number of threads may match the same pattern at once. The pattern and its
 * match context are only read; the match data that PCRE2 writes into is allocated per call and
 * freed before returning, so nothing mutable is shared. (One small allocation per call is cheap
 * next to a match, and spares callers a per-thread handle.)
 */
ll_match ll_pattern_match(const ll_pattern *pattern, ll_str subject);

/** The text the pattern was compiled from; owned by the pattern, valid until it is deleted. */
const char *ll_pattern_source(const ll_pattern *pattern);

/**
 * The patterns of one configuration key ("routeMethods", "rules.x.ignoreNames"): text matches
 * the list when any pattern matches it. Owned by the configuration that built it
 * (ll_pattern_list_fini frees the patterns and flags, not the struct).
 */
typedef struct ll_pattern_list {
  ll_pattern **items;
  size_t n;
  const char *file; // the configuration file, for messages; owned by the configuration
  const char *key;  // the key the patterns are under, for messages; static or config-owned
  int *failed;      // per pattern: set (atomically) once a limit stopped it; see below
} ll_pattern_list;

/**
 * True when a pattern of `list` matches `text`. A pattern that a match limit stops
 * (LL_MATCH_LIMIT) or that fails otherwise is reported once on stderr, naming the
 * configuration file, the key, the pattern and `where` (the file being analysed), and is then
 * skipped for the rest of the run, so that one pathological pattern costs one limit's worth of
 * time. Safe to call from any number of threads.
 */
bool ll_pattern_list_match(const ll_pattern_list *list, ll_str text, const char *where);

/** True when some pattern of `list` has failed (the run then exits with status 2). */
bool ll_pattern_list_failed(const ll_pattern_list *list);

/** Appends a compiled pattern to `list` (which takes ownership). */
void ll_pattern_list_add(ll_pattern_list *list, ll_pattern *pattern);

/** Frees the patterns and flags of `list` and empties it. */
void ll_pattern_list_fini(ll_pattern_list *list);

#endif
