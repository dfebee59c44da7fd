// File-system paths as text: lexical normalisation, and one path relative to a directory. The
// SARIF reporter, the configuration (ignore patterns are relative to the configuration file) and
// the baseline (paths relative to the baseline file) all name files the same way through these.
#ifndef LEAKLINT_PATHS_H
#define LEAKLINT_PATHS_H

/**
 * A lexically normalised copy of `path`: no empty or "." segments, "dir/.." removed. An absolute
 * path stays absolute ("/.." is "/"); a relative one keeps the ".." it cannot remove and is "."
 * when nothing is left. Lexical, like a URI's dot segments: a symlinked directory followed by
 * ".." is taken by its name. Malloc'd: the caller frees it.
 */
char *ll_paths_normalize(const char *path);

/**
 * `path` made absolute against the directory `cwd` (absolute and normalised; NULL when unknown)
 * and normalised. NULL when `path` is relative and `cwd` is NULL. Malloc'd.
 */
char *ll_paths_absolute(const char *path, const char *cwd);

/**
 * The part of the absolute, normalised `path` strictly below the directory `dir`, or NULL when
 * it does not lie below it (or `dir` is NULL). Points into `path`.
 */
const char *ll_paths_below(const char *path, const char *dir);

/**
 * The absolute, normalised `path` relative to the directory `dir` (also absolute and
 * normalised), climbing with ".." where it lies outside it: "/srv/b/x.js" from "/srv/a" is
 * "../b/x.js"; `dir` itself is ".". Malloc'd.
 */
char *ll_paths_from(const char *path, const char *dir);

/** The directory part of the absolute, normalised `path` ("/" for "/a"). Malloc'd. */
char *ll_paths_dirname(const char *path);

/** The current directory, absolute and normalised, or NULL when it is gone. Malloc'd. */
char *ll_paths_cwd(void);

#endif
