// Command-line parsing and the texts it prints. Every option has one line in --help.
#include "analyzer/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/registry.h"

#ifndef LEAKLINT_VERSION
#define LEAKLINT_VERSION "0.0.0"
#endif

enum { OPT_LIST_RULES = 256, OPT_STATS, OPT_MAX_FILE_SIZE, OPT_PARSE_TIMEOUT, OPT_PARSE_ONLY };

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"jobs", required_argument, NULL, 'j'},
    {"output-file", required_argument, NULL, 'o'},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"stats", no_argument, NULL, OPT_STATS},
    {"max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE},
    {"parse-timeout", required_argument, NULL, OPT_PARSE_TIMEOUT},
    {"parse-only", no_argument, NULL, OPT_PARSE_ONLY},
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
      ".cjs .jsx files, skipping node_modules, .git and hidden directories.\n"
      "\n"
      "options:\n"
      "  -f, --format FORMAT     output format: text (default), json or sarif\n"
      "  -o, --output-file FILE  write the report to FILE instead of standard output\n"
      "  -j, --jobs N            analyse N files at a time (default: one per online CPU)\n"
      "      --list-rules        list every rule: id, default severity, summary\n"
      "      --stats             print time per phase and file, line and byte counts to stderr\n"
      "      --max-file-size N   skip files over N bytes, with an error (default 16M; K, M, G)\n"
      "      --parse-timeout S   give up on a file whose parse takes over S seconds (default 10)\n"
      "      --parse-only        benchmark: only parse each file and visit its nodes; no findings\n"
      "  -V, --version           print the version and exit\n"
      "  -h, --help              print this help and exit\n"
      "\n"
      "exit status: 0 no findings, 1 findings, 2 a file or option could not be handled\n",
      out);
}

void ll_cli_print_rules(FILE *out) {
  size_t n;
  const ll_rule *const *rules = ll_registry_rules(&n);
  for (size_t i = 0; i < n; i++)
    fprintf(out, "%-22s %-8s %s\n", rules[i]->id, ll_severity_name(rules[i]->default_severity),
            rules[i]->short_description);
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
  fputs("\nTry 'leaklint --help' for more information.\n", stderr);
  return LL_ERR_USAGE;
}

ll_status ll_cli_parse(int argc, char **argv, ll_options *options) {
  static char *default_path[] = {"."};
  *options =
      (ll_options){.format = LL_FORMAT_TEXT, .max_file_size = 16ull << 20, .parse_timeout = 10.0};
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
        else
          return usage_error("unknown format '%s' (expected text, json or sarif)", optarg);
        break;
      case 'o':
        options->output_file = optarg;
        break;
      case 'j': {
        char *end;
        errno = 0;
        options->jobs = strtol(optarg, &end, 10);
        if (end == optarg || *end || errno || options->jobs < 1 || options->jobs > 256)
          return usage_error("--jobs: '%s' is not a number from 1 to 256", optarg);
        break;
      }
      case OPT_LIST_RULES:
        options->list_rules = true;
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
  return LL_OK;
}
