// Ignore files: what a directory walk leaves out besides the configuration's `ignore`.
//
// - `.gitignore` files (each applies to its directory's subtree, a deeper one first) and the
//   repository's `.git/info/exclude`, in gitignore's syntax and meaning, as git, ripgrep and
//   oxlint read them; only inside a git repository, and only when `vcs` is on (--no-ignore-vcs
//   turns it off). They do not apply to a path named on the command line.
// - `.leaklintignore` files, the same syntax, read the same way whether or not there is a
//   repository or `vcs`; at each level they come before that level's `.gitignore` (so `!x` in
//   one re-includes what `.gitignore` leaves out). They apply to named paths too, as the
//   configuration's `ignore` does, so a pre-commit hook passing `dist/app.js` skips it.
// - --ignore-pattern globs, relative to the current directory, before everything else, for named
//   paths too (ESLint's meaning).
//
// Files are looked for in the path's directory and each one above, up to the repository root (a
// directory holding `.git`) or the file system's root, and read once. Not thread-safe: the walk
// runs on one thread.
#ifndef LEAKLINT_IGNORE_H
#define LEAKLINT_IGNORE_H

#include <stdbool.h>
#include <stddef.h>

#define LL_IGNORE_FILE_NAME ".leaklintignore"

typedef struct ll_ignore ll_ignore;

/**
 * The ignore rules of a run. `cwd`: the absolute, normalised current directory (--ignore-pattern
 * is relative to it; NULL: those patterns match nothing); `vcs`: honour .gitignore and
 * .git/info/exclude; `patterns`: the --ignore-pattern globs. NULL, after an error on stderr
 * naming the pattern, when a pattern is malformed.
 */
ll_ignore *ll_ignore_new(const char *cwd, bool vcs, char *const *patterns, size_t n_patterns);
void ll_ignore_delete(ll_ignore *ignore);

/**
 * True when the absolute, normalised `path` (a directory when `is_dir`) is left out. `named`:
 * given on the command line, so .gitignore does not apply, and the other rules apply to the
 * directories above it as well (a walk never enters an ignored directory; a named path can lie
 * in one).
 */
bool ll_ignore_path(ll_ignore *ignore, const char *path, bool is_dir, bool named);

#endif
