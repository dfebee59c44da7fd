// leaklint's own messages on stderr, and the statuses that decide the exit code.
#ifndef LEAKLINT_DIAG_H
#define LEAKLINT_DIAG_H

typedef enum ll_status {
  LL_OK = 0,
  LL_ERR_IO,          // cannot open, read or write
  LL_ERR_NOT_FOUND,   // a path that does not exist
  LL_ERR_NOT_REGULAR, // a FIFO, device or socket
  LL_ERR_TOO_LARGE,   // over --max-file-size
  LL_ERR_BINARY,      // NUL bytes: not JavaScript text
  LL_ERR_PARSE_LIMIT, // the parser gave up (time limit)
  LL_ERR_USAGE,       // bad command line
} ll_status;

/** Exit codes, as ESLint and Ruff use them. */
enum { LL_EXIT_CLEAN = 0, LL_EXIT_FINDINGS = 1, LL_EXIT_TROUBLE = 2 };

/** Prints `leaklint: error: PATH: message` (or without PATH when it is NULL) to stderr. */
void ll_diag_error(const char *path, const char *format, ...) __attribute__((format(printf, 2, 3)));

/** Prints `leaklint: warning: PATH: message` to stderr. */
void ll_diag_warning(const char *path, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif
