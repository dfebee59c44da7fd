// Command-line parsing and the texts it prints. Every option has one line in --help.
#include "analyzer/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"
#include "analyzer/registry.h"

#ifndef LEAKLINT_VERSION
#define LEAKLINT_VERSION "0.0.0"
#endif

enum {
  OPT_LIST_RULES = 256,
  OPT_EXPLAIN,
  OPT_STATS,
  OPT_MAX_FILE_SIZE,
  OPT_PARSE_TIMEOUT,
  OPT_PARSE_ONLY,
  OPT_CONFIG,
  OPT_RULE,
  OPT_NO_CONFIG,
  OPT_PRINT_CONFIG,
  OPT_INIT,
  OPT_STDIN,
  OPT_STDIN_FILENAME,
  OPT_BASELINE,
  OPT_WRITE_BASELINE,
  OPT_REPORT_UNUSED_DISABLE,
  OPT_INCLUDE_SUPPRESSED,
  OPT_MAX_WARNINGS,
  OPT_QUIET,
  OPT_COLOR,
  OPT_NO_COLOR,
  OPT_NOTES,
  OPT_MIN_CONFIDENCE,
  OPT_NO_IGNORE_VCS,
  OPT_IGNORE_PATTERN,
  OPT_INCLUDE_GENERATED,
  OPT_NO_ERROR_ON_UNMATCHED,
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"jobs", required_argument, NULL, 'j'},
    {"output-file", required_argument, NULL, 'o'},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"stats", no_argument, NULL, OPT_STATS},
    {"max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE},
    {"parse-timeout", required_argument, NULL, OPT_PARSE_TIMEOUT},
    {"parse-only", no_argument, NULL, OPT_PARSE_ONLY},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"rule", required_argument, NULL, OPT_RULE},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"print-config", required_argument, NULL, OPT_PRINT_CONFIG},
    {"init", no_argument, NULL, OPT_INIT},
    {"stdin", no_argument, NULL, OPT_STDIN},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"report-unused-disable", no_argument, NULL, OPT_REPORT_UNUSED_DISABLE},
    {"include-suppressed", no_argument, NULL, OPT_INCLUDE_SUPPRESSED},
    {"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"color", required_argument, NULL, OPT_COLOR},
    {"no-color", no_argument, NULL, OPT_NO_COLOR},
    {"notes", no_argument, NULL, OPT_NOTES},
    {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
    {"no-ignore-vcs", no_argument, NULL, OPT_NO_IGNORE_VCS},
    {"ignore-pattern", required_argument, NULL, OPT_IGNORE_PATTERN},
    {"include-generated", no_argument, NULL, OPT_INCLUDE_GENERATED},
    {"no-error-on-unmatched-pattern", no_argument, NULL, OPT_NO_ERROR_ON_UNMATCHED},
    {"version", no_argument, NULL, 'V'},
    {"help", no_argument, NULL, 'h'},
    {0},
};

void ll_cli_print_help(FILE *out) {
  fputs(
      "usage: leaklint [OPTIONS] [PATH...]\n"
      "\n"
      "Finds the JavaScript patterns behind Node.js heap-out-of-memory crashes: global\n"
      "accumulators, unbalanced listeners, retained closures and timers never cleared.\n"
      "PATHs are files or directories (default: .); directories are searched for .js .mjs\n"
      ".cjs .jsx files, skipping node_modules, .git and hidden directories, what .gitignore\n"
      "and .leaklintignore files leave out, and generated or minified files.\n"
      "\n"
      "output:\n"
      "  -f, --format FORMAT       text (default), json, sarif or github\n"
      "  -o, --output-file FILE    write the report to FILE instead of standard output\n"
      "      --color WHEN          color the text format: auto (default), always, never\n"
      "      --no-color            the same as --color never\n"
      "      --notes               text: follow each finding with `note:` lines, its trace\n"
      "      --quiet               report errors only, not warnings\n"
      "      --max-warnings N      exit 1 when there are more than N warnings\n"
      "      --min-confidence LEVEL  report findings of this confidence or higher: high,\n"
      "                            medium (default: both)\n"
      "      --include-suppressed  show suppressed and baselined findings, marked as such\n"
      "\n"
      "configuration:\n"
      "      --config FILE         use FILE for every file instead of the nearest leaklint.json\n"
      "      --no-config           ignore leaklint.json files; use the built-in settings\n"
      "      --print-config FILE   print the configuration that applies to FILE and exit\n"
      "      --init                write a starter leaklint.json here and exit\n"
      "      --report-unused-disable  report leaklint-disable comments that suppress nothing\n"
      "      --rule ID:SEVERITY    set a rule's severity (off, warning, error) over every\n"
      "                            configuration; repeatable\n"
      "\n"
      "input:\n"
      "      --ignore-pattern GLOB leave out paths matching GLOB (gitignore syntax, relative to\n"
      "                            the current directory; repeatable)\n"
      "      --no-ignore-vcs       do not read .gitignore and .git/info/exclude\n"
      "      --include-generated   also analyse generated and minified files\n"
      "      --no-error-on-unmatched-pattern  exit 0, not 2, when there is no file to analyse\n"
      "      --stdin               read the source from standard input\n"
      "      --stdin-filename PATH report it as PATH, with PATH's configuration\n"
      "      --baseline FILE       leave out the findings recorded in FILE\n"
      "      --write-baseline FILE record today's findings in FILE (and report none of them)\n"
      "\n"
      "running:\n"
      "  -j, --jobs N              analyse N files at a time (default, or 0: one per online CPU)\n"
      "      --max-file-size N     skip files over N bytes, with an error (default 16M; K, M, G)\n"
      "      --parse-timeout S     give up on a file whose parse takes over S seconds (default "
      "10)\n"
      "      --stats               print time per phase, file, line and byte counts to stderr\n"
      "      --parse-only          benchmark: only parse each file and visit its nodes\n"
      "      --list-rules          list every rule: id, default severity, category, summary, page\n"
      "      --explain RULE        print the page of RULE: the leak, wrong and right code, fixes\n"
      "  -V, --version             print the version and exit\n"
      "  -h, --help                print this help and exit\n"
      "\n"
      "exit status: 0 no errors (warnings alone do not fail, unless over --max-warnings),\n"
      "1 an error-severity finding or too many warnings, 2 a file, option or configuration\n"
      "could not be handled\n",
      out);
}

void ll_cli_fini(ll_options *options) {
  free(options->rule_severities);
  options->rule_severities = NULL;
  options->n_rule_severities = 0;
  free(options->ignore_patterns);
  options->ignore_patterns = NULL;
  options->n_ignore_patterns = 0;
}

void ll_cli_print_rules(FILE *out) {
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < n; i++)
    fprintf(out, "%-22s %-8s %-10s %s  %s\n", rules[i]->id,
            rules[i]->off_by_default ? "off" : ll_severity_name(rules[i]->default_severity),
            ll_category_name(rules[i]->category), rules[i]->short_description, rules[i]->help_uri);
}

// "PREFIX: 'timer-leek' is not a rule (did you mean "timer-leak"?); ...", on stderr.
static void print_not_a_rule(const char *prefix, const char *id) {
  const ll_rule *near = ll_registry_nearest(id);
  fprintf(stderr, "%s: '%s' is not a rule", prefix, id);
  if (near) fprintf(stderr, " (did you mean \"%s\"?)", near->id);
  fputs("; `leaklint --list-rules` lists them\n", stderr);
}

static const char try_help[] = "Try 'leaklint --help' for more information.\n";

int ll_cli_explain(FILE *out, const char *id) {
  const ll_rule *rule = ll_registry_find(id);
  const char *page = rule ? ll_registry_page(rule) : NULL;
  if (!page) {
    print_not_a_rule("leaklint: --explain", id);
    return LL_EXIT_TROUBLE;
  }
  fputs(page, out);
  return LL_EXIT_CLEAN;
}

void ll_cli_print_version(FILE *out) {
  fprintf(out, "leaklint %s (tree-sitter 0.25.1, tree-sitter-javascript 0.25.0)\n",
          LEAKLINT_VERSION);
}

static bool parse_size(const char *text, uint64_t *out) {
  errno = 0;
  char *end;
  unsigned long long value = strtoull(text, &end, 10);
  if (end == text || errno || text[0] == '-') return false;
  unsigned long long scale = 1;
  if (*end == 'K' || *end == 'k')
    scale = 1ull << 10, end++;
  else if (*end == 'M' || *end == 'm')
    scale = 1ull << 20, end++;
  else if (*end == 'G' || *end == 'g')
    scale = 1ull << 30, end++;
  if (*end || value > UINT64_MAX / scale) return false;
  *out = value * scale;
  return true;
}

static ll_status usage_error(const char *format, const char *arg) {
  fputs("leaklint: error: ", stderr);
  fprintf(stderr, format, arg);
  fputc('\n', stderr);
  fputs(try_help, stderr);
  return LL_ERR_USAGE;
}

// --rule ID:SEVERITY, as ESLint's --rule: appended to options->rule_severities (room for `argc`).
static bool rule_severity(ll_options *options, const char *arg, int argc) {
  const char *colon = strrchr(arg, ':');
  if (!colon) {
    usage_error("--rule: '%s' is not ID:SEVERITY (e.g. timer-leak:warning)", arg);
    return false;
  }
  char id[128];
  snprintf(id, sizeof id, "%.*s", (int)(colon - arg), arg);
  const ll_rule *rule = ll_registry_find(id);
  if (!rule) {
    print_not_a_rule("leaklint: error: --rule", id);
    fputs(try_help, stderr);
    return false;
  }
  ll_severity severity;
  if (!ll_severity_parse(colon + 1, &severity)) {
    usage_error("--rule: '%s' is not a severity (off, warning or error)", colon + 1);
    return false;
  }
  if (!options->rule_severities)
    options->rule_severities = ll_xcalloc((size_t)argc, sizeof *options->rule_severities);
  options->rule_severities[options->n_rule_severities++] = (ll_rule_severity){rule, severity};
  return true;
}

ll_status ll_cli_parse(int argc, char **argv, ll_options *options) {
  static char *default_path[] = {"."};
  *options = (ll_options){.format = LL_FORMAT_TEXT,
                          .max_file_size = 16ull << 20,
                          .parse_timeout = 10.0,
                          .max_warnings = -1};
  opterr = 0;
  optind = 1;
  int c;
  while ((c = getopt_long(argc, argv, ":f:o:j:Vh", long_options, NULL)) != -1) {
    switch (c) {
      case 'f':
        if (strcmp(optarg, "text") == 0)
          options->format = LL_FORMAT_TEXT;
        else if (strcmp(optarg, "json") == 0)
          options->format = LL_FORMAT_JSON;
        else if (strcmp(optarg, "sarif") == 0)
          options->format = LL_FORMAT_SARIF;
        else if (strcmp(optarg, "github") == 0)
          options->format = LL_FORMAT_GITHUB;
        else
          return usage_error("unknown format '%s' (expected text, json, sarif or github)", optarg);
        break;
      case 'o':
        if (!*optarg) return usage_error("--output-file: '%s' is not a path", optarg);
        options->output_file = optarg;
        break;
      case 'j': {
        char *end;
        errno = 0;
        options->jobs = strtol(optarg, &end, 10);
        // 0: one job per online CPU, the default.
        if (end == optarg || *end || errno || options->jobs < 0 || options->jobs > 256)
          return usage_error("--jobs: '%s' is not a number from 0 (one per CPU) to 256", optarg);
        break;
      }
      case OPT_LIST_RULES:
        options->list_rules = true;
        break;
      case OPT_EXPLAIN:
        options->explain = optarg;
        break;
      case OPT_STATS:
        options->stats = true;
        break;
      case OPT_MAX_FILE_SIZE:
        if (!parse_size(optarg, &options->max_file_size))
          return usage_error("--max-file-size: '%s' is not a size (e.g. 500K, 16M)", optarg);
        break;
      case OPT_PARSE_TIMEOUT: {
        char *end;
        options->parse_timeout = strtod(optarg, &end);
        if (end == optarg || *end || !(options->parse_timeout > 0))
          return usage_error("--parse-timeout: '%s' is not a positive number of seconds", optarg);
        break;
      }
      case OPT_PARSE_ONLY:
        options->parse_only = true;
        break;
      case OPT_CONFIG:
        options->config_file = optarg;
        break;
      case OPT_RULE:
        if (!rule_severity(options, optarg, argc)) return LL_ERR_USAGE;
        break;
      case OPT_NO_CONFIG:
        options->no_config = true;
        break;
      case OPT_PRINT_CONFIG:
        options->print_config = optarg;
        break;
      case OPT_INIT:
        options->init = true;
        break;
      case OPT_STDIN:
        options->read_stdin = true;
        break;
      case OPT_STDIN_FILENAME:
        if (!*optarg) return usage_error("--stdin-filename: '%s' is not a path", optarg);
        options->stdin_filename = optarg;
        break;
      case OPT_BASELINE:
        options->baseline = optarg;
        break;
      case OPT_WRITE_BASELINE:
        options->write_baseline = optarg;
        break;
      case OPT_REPORT_UNUSED_DISABLE:
        options->report_unused_disable = true;
        break;
      case OPT_NOTES:
        options->notes = true;
        break;
      case OPT_INCLUDE_SUPPRESSED:
        options->include_suppressed = true;
        break;
      case OPT_MAX_WARNINGS: {
        char *end;
        errno = 0;
        options->max_warnings = strtol(optarg, &end, 10);
        if (end == optarg || *end || errno || options->max_warnings < 0)
          return usage_error("--max-warnings: '%s' is not a number of warnings (0 or more)",
                             optarg);
        break;
      }
      case OPT_QUIET:
        options->quiet = true;
        break;
      case OPT_NO_IGNORE_VCS:
        options->no_ignore_vcs = true;
        break;
      case OPT_IGNORE_PATTERN:
        if (!options->ignore_patterns)
          options->ignore_patterns = ll_xcalloc((size_t)argc, sizeof *options->ignore_patterns);
        options->ignore_patterns[options->n_ignore_patterns++] = optarg;
        break;
      case OPT_INCLUDE_GENERATED:
        options->include_generated = true;
        break;
      case OPT_NO_ERROR_ON_UNMATCHED:
        options->no_error_on_unmatched = true;
        break;
      case OPT_MIN_CONFIDENCE:
        if (strcmp(optarg, "high") == 0)
          options->min_confidence = LL_CONFIDENCE_HIGH;
        else if (strcmp(optarg, "medium") == 0)
          options->min_confidence = LL_CONFIDENCE_MEDIUM;
        else
          return usage_error("--min-confidence: '%s' is not high or medium", optarg);
        options->min_confidence_set = true;
        break;
      case OPT_COLOR:
        if (strcmp(optarg, "auto") == 0)
          options->color = LL_COLOR_AUTO;
        else if (strcmp(optarg, "always") == 0)
          options->color = LL_COLOR_ALWAYS;
        else if (strcmp(optarg, "never") == 0)
          options->color = LL_COLOR_NEVER;
        else
          return usage_error("--color: '%s' is not auto, always or never", optarg);
        break;
      case OPT_NO_COLOR:
        options->color = LL_COLOR_NEVER;
        break;
      case 'V':
        options->show_version = true;
        break;
      case 'h':
        options->show_help = true;
        break;
      case ':':
        return usage_error("option '%s' needs a value", argv[optind - 1]);
      default:
        if (optopt) {
          // A short option, perhaps inside a group such as `-Vx`: name the letter itself.
          char name[3] = {'-', (char)optopt, '\0'};
          return usage_error("unknown option '%s'", name);
        }
        return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  options->paths = optind < argc ? argv + optind : default_path;
  options->n_paths = optind < argc ? (size_t)(argc - optind) : 1;
  if (options->config_file && options->no_config)
    return usage_error("%s", "--config and --no-config cannot be used together");
  if (options->stdin_filename && !options->read_stdin)
    return usage_error("%s", "--stdin-filename needs --stdin");
  if (options->read_stdin && optind < argc)
    return usage_error("--stdin reads standard input: no PATH can be given ('%s')", argv[optind]);
  if (options->output_file && options->write_baseline &&
      strcmp(options->output_file, options->write_baseline) == 0)
    return usage_error("'%s' cannot be both the report and the baseline", options->output_file);
  return LL_OK;
}
