// The baseline: findings recorded once (--write-baseline FILE) so that later runs
// (--baseline FILE) report only new ones, for adopting leaklint on an existing codebase. A
// finding is identified by its file (relative to the baseline's directory, so the run may start
// anywhere), its rule and its fingerprint (finding.c: the text of its line and neighbours, the
// same as SARIF's partialFingerprints), never by line number: lines inserted above leave it in.
// An entry whose fingerprint no finding has any more (a neighbouring line was edited) still
// matches a finding of the same rule on a line with the same text.
#ifndef LEAKLINT_BASELINE_H
#define LEAKLINT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer/finding.h"

typedef struct ll_baseline ll_baseline;

/**
 * Reads the baseline file at `path`. When `missing_ok` and there is no such file, returns an
 * empty baseline; on any other problem prints `leaklint: error: PATH: ...` and returns NULL.
 * Owned by the caller (ll_baseline_delete).
 */
ll_baseline *ll_baseline_load(const char *path, bool missing_ok);

void ll_baseline_delete(ll_baseline *baseline);

/**
 * Marks the findings of `file` (as the run names it) that the baseline holds with
 * LL_SUPPRESSED_BASELINE, each entry matching at most one finding: first by fingerprint, then,
 * for the entries left, by line text. Findings suppressed in source are left alone. Returns
 * how many were marked.
 */
size_t ll_baseline_match(const ll_baseline *baseline, const char *file, ll_finding *findings,
                         size_t n);

/**
 * Records that `file` was analysed and had `findings` (the unsuppressed ones count): when the
 * baseline is written, they replace whatever it held for that file. Files never recorded keep
 * their entries, so a run over part of a tree does not forget the rest.
 */
void ll_baseline_record(ll_baseline *baseline, const char *file, const ll_finding *findings,
                        size_t n);

/** Number of entries the baseline holds now. */
size_t ll_baseline_count(const ll_baseline *baseline);

/**
 * Writes the baseline back to the file it was loaded from (through a temporary file). Returns
 * false, with a message on stderr, when it could not.
 */
bool ll_baseline_write(ll_baseline *baseline);

#endif
