// leaklint's entry point: parse the options, run, turn the outcome into an exit code.
#include <stdio.h>

#include "analyzer/cli.h"
#include "analyzer/run.h"

static int dispatch(const ll_options *options) {
  if (options->show_help) {
    ll_cli_print_help(stdout);
    return LL_EXIT_CLEAN;
  }
  if (options->show_version) {
    ll_cli_print_version(stdout);
    return LL_EXIT_CLEAN;
  }
  if (options->explain) return ll_cli_explain(stdout, options->explain);
  if (options->list_rules) {
    ll_cli_print_rules(stdout);
    return LL_EXIT_CLEAN;
  }
  return ll_run(options);
}

int main(int argc, char **argv) {
  ll_options options;
  int status = ll_cli_parse(argc, argv, &options) == LL_OK ? dispatch(&options) : LL_EXIT_TROUBLE;
  ll_cli_fini(&options);
  return status;
}
