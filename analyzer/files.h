// Turns the paths on the command line into the sorted list of files to analyse.
#ifndef LEAKLINT_FILES_H
#define LEAKLINT_FILES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ll_path_problem {
  char *path;    // as given or found; malloc'd
  char *message; // malloc'd
} ll_path_problem;

typedef struct ll_file_list {
  char **paths; // malloc'd strings, sorted by strcmp, each file once
  size_t n, cap;
  ll_path_problem *problems; // paths that could not be walked, in the order met
  size_t n_problems, cap_problems;
} ll_file_list;

/**
 * What the walk takes: called for `path`, a directory (`is_dir`: walk into it?) or a file (add
 * it?); `named` when the path was given rather than found. A named file is expected to be
 * taken whatever its extension, unless the configuration ignores it.
 */
typedef bool (*ll_file_filter)(void *data, const char *path, bool is_dir, bool named);

/**
 * Adds `path`: a file is added, a directory is walked recursively, skipping node_modules, .git
 * and hidden directories and not following symbolic links to directories (so a link loop cannot
 * trap the walk). `filter` (with `data`) decides on every directory and file, `path` itself
 * included; without one, a named file is always added and the walk takes .js .mjs .cjs .jsx
 * files. Problems (a path that does not exist, an unreadable directory) are printed to stderr
 * naming the path and kept in `problems` for the report; returns false when there was one.
 * Call ll_file_list_sort after the last add.
 */
bool ll_file_list_add(ll_file_list *list, const char *path, ll_file_filter filter, void *data);

/**
 * Sorts and removes duplicates: the output order does not depend on the walk order, and a file
 * given or found under two names is kept once, under the first.
 */
void ll_file_list_sort(ll_file_list *list);

void ll_file_list_fini(ll_file_list *list);

/** True when `name` ends in one of the JavaScript extensions leaklint analyses. */
bool ll_file_is_javascript(const char *name);

#endif
