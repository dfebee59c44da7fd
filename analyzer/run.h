// A whole run: paths to files, files to findings, findings to the report, and the exit code.
#ifndef LEAKLINT_RUN_H
#define LEAKLINT_RUN_H

#include "analyzer/cli.h"

/** Runs leaklint as `options` say; returns the process exit code (LL_EXIT_*). */
int ll_run(const ll_options *options);

#endif
