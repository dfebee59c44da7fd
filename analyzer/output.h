// Writing a whole file safely: the report (--output-file) and the baseline (--write-baseline)
// go to a temporary file beside the target that replaces it only once complete, so a failed or
// interrupted run never leaves half a file where a good one was.
#ifndef LEAKLINT_OUTPUT_H
#define LEAKLINT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ll_output {
  FILE *stream;
  char *temp_path;  // NULL when writing to stdout or directly
  bool direct;      // writing straight into a special file (FIFO, device)
  const char *what; // "the report", "the baseline": for messages
} ll_output;

/**
 * Opens `path` for writing (NULL: standard output). A regular file (or a new one) is written
 * through a temporary file that ll_output_close renames over it, with the mode of the file it
 * replaces (or 0666 & ~umask); a FIFO, terminal or device is written directly, since replacing
 * it would destroy it. On failure prints `leaklint: error: PATH: cannot write WHAT: ...` and
 * returns false.
 */
bool ll_output_open(ll_output *out, const char *path, const char *what);

/**
 * Finishes what ll_output_open began: closes the stream and, when `write_ok` and closing
 * succeeded, renames the temporary file over `path`; otherwise removes it and prints an error.
 * Returns true when the file is complete.
 */
bool ll_output_close(ll_output *out, const char *path, bool write_ok);

#endif
