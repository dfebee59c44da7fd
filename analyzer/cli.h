// The command line: argv to ll_options, and the --help and --list-rules texts.
#ifndef LEAKLINT_CLI_H
#define LEAKLINT_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "analyzer/config.h"
#include "analyzer/diag.h"
#include "analyzer/finding.h"
#include "analyzer/report.h"

typedef enum ll_color { LL_COLOR_AUTO, LL_COLOR_ALWAYS, LL_COLOR_NEVER } ll_color;

typedef struct ll_options {
  ll_format format;
  const char *output_file; // NULL: standard output
  char **paths;            // borrowed from argv; "." when none was given
  size_t n_paths;
  bool stats; // --stats: phase times and sizes on stderr
  bool list_rules, show_version, show_help;
  const char *explain;    // --explain RULE: print the rule's page and exit
  uint64_t max_file_size; // bytes
  double parse_timeout;   // seconds per file
  long jobs;              // worker threads; 0: one per online CPU
  bool parse_only;        // --parse-only: parse and walk, no analysis (the benchmark floor)
  // What is analysed
  bool no_ignore_vcs;     // --no-ignore-vcs: .gitignore and .git/info/exclude not read
  char **ignore_patterns; // --ignore-pattern, in order: malloc'd array, strings in argv
  size_t n_ignore_patterns;
  bool include_generated;     // --include-generated: generated and minified files too
  bool no_error_on_unmatched; // --no-error-on-unmatched-pattern: no file to analyse exits 0
  // Configuration
  const char *config_file;           // --config: this file for every file
  ll_rule_severity *rule_severities; // --rule ID:SEVERITY, in order: malloc'd
  size_t n_rule_severities;
  bool no_config;           // --no-config: the built-in configuration only
  const char *print_config; // --print-config FILE: print the configuration of FILE and exit
  bool init;                // --init: write a starter leaklint.json and exit
  // Editors and CI
  bool read_stdin;            // --stdin: analyse standard input
  const char *stdin_filename; // --stdin-filename: its path for the report and configuration
  const char *baseline;       // --baseline: leave out the findings recorded in it
  const char *write_baseline; // --write-baseline: record the findings in it
  bool report_unused_disable; // --report-unused-disable
  bool include_suppressed;    // --include-suppressed: every format shows suppressed findings
  long max_warnings;          // --max-warnings: -1 unless given
  bool quiet;                 // --quiet: errors only
  bool min_confidence_set;    // --min-confidence given: it replaces `minConfidence`
  ll_confidence min_confidence;
  ll_color color; // --color
  bool notes;     // --notes: the text format follows each finding with its trace's `note:` lines
} ll_options;

/**
 * Parses argv. On a usage error prints it (and a hint) to stderr and returns LL_ERR_USAGE.
 * Either way, ll_cli_fini releases what `options` holds.
 */
ll_status ll_cli_parse(int argc, char **argv, ll_options *options);
void ll_cli_fini(ll_options *options);

void ll_cli_print_help(FILE *out);
void ll_cli_print_rules(FILE *out);

/**
 * --explain: prints the page of the rule `id` (rules/<id>.md) to `out` and returns
 * LL_EXIT_CLEAN; for an id that is no rule's, says so on stderr, with the nearest id, and returns
 * LL_EXIT_TROUBLE.
 */
int ll_cli_explain(FILE *out, const char *id);
void ll_cli_print_version(FILE *out);

#endif
