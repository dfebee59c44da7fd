// The configuration: `leaklint.json`, found by walking up from each file's directory, or given
// with --config. It sets each rule's severity and options, the paths to skip, the extensions a
// directory walk picks up, and the project vocabulary (vocab.h). A configuration is read and
// checked completely before any file is analysed: an unknown key, a wrong type or a pattern that
// does not compile is an error naming the file and the key, and the run stops with status 2.
#ifndef LEAKLINT_CONFIG_H
#define LEAKLINT_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "analyzer/engine.h"
#include "analyzer/finding.h"
#include "analyzer/vocab.h"

/** The name looked for in each directory. */
#define LL_CONFIG_NAME "leaklint.json"

typedef struct ll_config ll_config;

/** Command-line settings that every configuration takes into account. */
/** A rule's severity set on the command line (--rule ID:SEVERITY). */
typedef struct ll_rule_severity {
  const ll_rule *rule;
  ll_severity severity;
} ll_rule_severity;

typedef struct ll_config_flags {
  bool report_unused_disable; // --report-unused-disable: unused-disable on unless configured
  bool min_confidence_set;    // --min-confidence: replaces every file's `minConfidence`
  ll_confidence min_confidence;
  const ll_rule_severity *rule_severities; // --rule: over every file's configuration, in order
  size_t n_rule_severities;
} ll_config_flags;

/**
 * The built-in configuration: every rule at its default severity, no ignores, the default
 * extensions, the built-in vocabulary. `dir` (absolute, normalised; may be NULL) is where
 * ignore patterns would be relative to. Needs ll_grammar_init first. Owned by the caller
 * (ll_config_delete).
 */
ll_config *ll_config_new_default(const char *dir, const ll_config_flags *flags);

/**
 * The built-in configuration, but with an engine that runs just `rules` (copied): for tests
 * that probe the facts through a rule of their own. Owned by the caller; NULL when a rule names
 * an unknown node type.
 */
ll_config *ll_config_new_for_rules(const ll_enabled_rule *rules, size_t n);

/**
 * Reads and checks the configuration file at `path`. On any problem prints
 * `leaklint: error: PATH: ...` (with line and column for JSON syntax errors, the key for the
 * rest) to stderr and returns NULL. Needs ll_grammar_init first. Owned by the caller.
 */
ll_config *ll_config_load(const char *path, const ll_config_flags *flags);

void ll_config_delete(ll_config *config);

/** The engine with the rules this configuration enables, at its severities. */
const ll_engine *ll_config_engine(const ll_config *config);

/** The vocabulary: built-in names plus this configuration's patterns. */
const ll_vocab *ll_config_vocab(const ll_config *config);

/** The severity `rule` has here; LL_OFF when it is turned off. */
ll_severity ll_config_severity(const ll_config *config, const ll_rule *rule);

/**
 * False when `finding` is below the configuration's `minConfidence` (or --min-confidence): it is
 * then left out of the run entirely, as if no rule had reported it.
 */
bool ll_config_shows(const ll_config *config, const ll_finding *finding);

/**
 * True when the absolute, normalised `path` is matched by an `ignore` pattern, itself or
 * through one of its directories (`is_dir`: `path` is a directory).
 */
bool ll_config_ignores(const ll_config *config, const char *path, bool is_dir);

/** True when a directory walk analyses a file with this name (its `extensions`). */
bool ll_config_wants_file(const ll_config *config, const char *name);

/**
 * Prints the effective configuration as JSON (the shape of leaklint.json, every key present,
 * plus "configFile" and, when `file` is given, "file" and whether it is "ignored").
 */
void ll_config_print(const ll_config *config, const char *file, bool ignored, FILE *out);

/**
 * Writes a starter configuration to `path` (every key, at its default), refusing to replace an
 * existing file. Returns false, with a message on stderr, when it could not.
 */
bool ll_config_write_starter(const char *path);

/** Finds the configuration of each file: one per directory tree, each file read once. */
typedef struct ll_config_finder ll_config_finder;

/**
 * A finder. With `override_path` (--config) every file gets that configuration; with
 * `no_config` (--no-config) the built-in one; otherwise the nearest `leaklint.json` in the
 * file's directory or above, up to the repository root (a directory holding `.git`) or the
 * file system's root, and the built-in one when there is none. Configurations are not merged.
 */
ll_config_finder *ll_config_finder_new(const char *override_path, bool no_config,
                                       const ll_config_flags *flags);
void ll_config_finder_delete(ll_config_finder *finder);

/**
 * The configuration for the file at `path` (as given; relative to the current directory), and
 * its absolute, normalised form in `*absolute` (malloc'd; may be NULL when not wanted). NULL when
 * a configuration that applies could not be read (the error is printed once; the finder then
 * reports failure).
 */
const ll_config *ll_config_finder_for_file(ll_config_finder *finder, const char *path,
                                           char **absolute);

/** True when some configuration could not be read. */
bool ll_config_finder_failed(const ll_config_finder *finder);

/** True when a pattern of some configuration hit a match limit during the run. */
bool ll_config_finder_pattern_failed(const ll_config_finder *finder);

#endif
