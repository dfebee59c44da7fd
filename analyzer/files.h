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
  char **paths; // malloc'd strings, sorted by strcmp, no duplicates
  size_t n, cap;
  ll_path_problem *problems; // paths that could not be walked, in the order met
  size_t n_problems, cap_problems;
} ll_file_list;

/**
 * Adds `path`: a file is always added (whatever its extension); a directory is walked
 * recursively for .js .mjs .cjs .jsx files, skipping node_modules, .git and hidden directories
 * and not following symbolic links to directories (so a link loop cannot trap the walk).
 * Problems (a path that does not exist, an unreadable directory) are printed to stderr naming
 * the path and kept in `problems` for the report; returns false when there was one. Call
 * ll_file_list_sort after the last add.
 */
bool ll_file_list_add(ll_file_list *list, const char *path);

/** Sorts and removes duplicates: the output order does not depend on the walk order. */
void ll_file_list_sort(ll_file_list *list);

void ll_file_list_fini(ll_file_list *list);

/** True when `name` ends in one of the JavaScript extensions leaklint analyses. */
bool ll_file_is_javascript(const char *name);

#endif
