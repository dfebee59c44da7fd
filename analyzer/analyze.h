// The per-file pipeline: read, parse, bind, run the rules, finish the findings, apply the
// suppression comments. One analyzer per thread: it owns a parser and the file arena; each file
// comes with its read-only configuration (engine, vocabulary, severities), shared by threads.
#ifndef LEAKLINT_ANALYZE_H
#define LEAKLINT_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyzer/config.h"
#include "analyzer/diag.h"
#include "analyzer/project.h"
#include "analyzer/suppress.h"

typedef struct ll_stats {
  double read_seconds, parse_seconds, bind_seconds, rules_seconds, report_seconds;
  uint64_t files, lines, bytes;
  uint64_t nodes; // syntax tree nodes visited by --parse-only
} ll_stats;

typedef struct ll_analyzer_options {
  uint64_t max_file_size; // bytes; larger files are refused with LL_ERR_TOO_LARGE
  double parse_timeout;   // seconds per file
  bool parse_only; // parse and visit every node once, nothing else: the speed floor for benchmarks
} ll_analyzer_options;

typedef struct ll_file_result {
  const char *path;     // as given; owned by the caller
  ll_status status;     // LL_OK, or why the file could not be analysed
  const char *error;    // when status != LL_OK: what went wrong, for stderr; arena-owned
  ll_finding *findings; // sorted, positions filled in, suppressed ones marked; arena-owned
  size_t n_findings;
  ll_suppress_note *notes; // problems with suppression comments; arena-owned
  size_t n_notes;
  bool has_syntax_error;   // a syntax-error finding is among them
  const char *generated;   // ll_analyzer_file_unless_generated: why the file was not analysed
  const ll_source *source; // NULL when the file could not be read; arena-owned
  ll_link *links;          // its uses of other files' exports (project.h); arena-owned
  size_t n_links;
} ll_file_result;

typedef struct ll_analyzer ll_analyzer;

/** An analyzer: a parser and an arena of its own. */
ll_analyzer *ll_analyzer_new(const ll_analyzer_options *options);
void ll_analyzer_delete(ll_analyzer *analyzer);

/**
 * Reads and analyses the file at `path` with `config` (borrowed for the call). The result, and
 * everything it points to, is owned by the analyzer and valid until the next ll_analyzer_* call.
 * Never fails as a whole: trouble with the file is described in result->status and
 * result->error.
 */
void ll_analyzer_file(ll_analyzer *analyzer, const ll_config *config, const char *path,
                      ll_file_result *result);

/**
 * Like ll_analyzer_file, except that a file that looks generated or minified (generated.h) is
 * read but not analysed (nor counted in the stats): result->generated then says why, with status
 * LL_OK and no findings.
 */
void ll_analyzer_file_unless_generated(ll_analyzer *analyzer, const ll_config *config,
                                       const char *path, ll_file_result *result);

/** Like ll_analyzer_file, for `len` bytes of source already in memory (copied). */
void ll_analyzer_source(ll_analyzer *analyzer, const ll_config *config, const char *path,
                        const char *text, size_t len, ll_file_result *result);

/** Time and size totals of every file analysed so far. */
ll_stats *ll_analyzer_stats(ll_analyzer *analyzer);

#endif
