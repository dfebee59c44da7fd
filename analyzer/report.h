// Reporters: the output formats. One interface, one file per format.
//
// The run calls `file` once per analysed file, in the final output order, and `problem` once per
// file that could not be analysed; then `finish` once. Findings and their strings are borrowed
// for the duration of the call: a reporter copies what it keeps.
#ifndef LEAKLINT_REPORT_H
#define LEAKLINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "analyzer/finding.h"

typedef enum ll_format {
  LL_FORMAT_TEXT,
  LL_FORMAT_JSON,
  LL_FORMAT_SARIF,
  LL_FORMAT_GITHUB
} ll_format;

/** How the run wants its report written. */
typedef struct ll_report_options {
  bool color; // text: ANSI colors (the run decides: --color, a terminal, NO_COLOR)
  bool notes; // text: a `note:` line for each step of a finding's trace (--notes)
} ll_report_options;

typedef struct ll_reporter ll_reporter;

typedef struct ll_reporter_ops {
  void *(*begin)(FILE *out, const ll_report_options *options);
  /** The findings of one file; suppressed ones only with --include-suppressed. */
  void (*file)(void *state, const char *path, const ll_finding *findings, size_t n);
  /** A file that could not be analysed (LL_ERROR) or that has a syntax error (LL_WARNING). */
  void (*problem)(void *state, const char *path, ll_severity level, const char *message);
  /** Writes whatever is buffered; returns false when writing failed. Frees the state. */
  bool (*finish)(void *state, bool execution_successful);
} ll_reporter_ops;

extern const ll_reporter_ops ll_report_text;
extern const ll_reporter_ops ll_report_json;
extern const ll_reporter_ops ll_report_sarif;
extern const ll_reporter_ops ll_report_github;

/** How the text and GitHub formats mark a suppressed finding: "suppressed in the source". */
const char *ll_report_suppression(const ll_finding *f);

/** The ops of `format`. */
const ll_reporter_ops *ll_report_ops(ll_format format);

/**
 * A copy of `text` that is valid UTF-8 (each invalid byte becomes U+FFFD), ending in a period
 * when `sentence` is set and it does not end in one already. Malloc'd: the caller frees it.
 */
char *ll_report_utf8(const char *text, bool sentence);

#endif
