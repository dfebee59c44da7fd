// Globs with gitignore's meaning, the one matcher for every path pattern leaklint reads: the
// configuration's `ignore`, `.gitignore`, `.git/info/exclude`, `.leaklintignore` and
// --ignore-pattern.
//
// `*` and `?` stay within a path segment, `**` as a whole segment crosses segments (`**/` also
// matches nothing; `**` elsewhere is `*`), `[a-z]` and `[!a-z]` are character classes, and `\x`
// is the character x. A pattern with a slash before its end is anchored at its base directory;
// one without matches a name at any depth; a trailing slash matches directories only.
#ifndef LEAKLINT_GLOB_H
#define LEAKLINT_GLOB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ll_glob {
  char *text;    // as written (after a line's trailing blanks are dropped), malloc'd
  char *body;    // what is matched: no `!`, no leading or trailing slash; malloc'd
  bool negated;  // `!pattern`: a match re-includes what an earlier pattern excluded
  bool anchored; // matched against the whole relative path, not just its last name
  bool dir_only; // `pattern/`: directories only
} ll_glob;

/** What a list of globs says about a path: the last matching glob decides. */
typedef enum ll_glob_verdict {
  LL_GLOB_NO_MATCH = 0,
  LL_GLOB_EXCLUDED,
  LL_GLOB_INCLUDED, // a negated glob matched last
} ll_glob_verdict;

/**
 * Parses one pattern (`text`, neither empty nor a comment). `!` negates it; `\!` and `\#` at the
 * start are literal. On an unclosed `[` returns false with `*error_offset` set.
 */
bool ll_glob_parse(const char *text, ll_glob *glob, size_t *error_offset);

/**
 * Parses one line of a gitignore-syntax file into `glob`. Returns false for a line that holds no
 * pattern (blank, a `#` comment) or a malformed one (an unclosed `[`), which git also skips.
 * Trailing blanks are dropped unless escaped with a backslash.
 */
bool ll_glob_parse_line(const char *line, size_t len, ll_glob *glob);

void ll_glob_fini(ll_glob *glob);

/**
 * True when `subject` (a path relative to the glob's base directory, without a leading slash)
 * matches: an anchored glob against all of it, another against its last name. `is_dir`: the
 * subject is a directory.
 */
bool ll_glob_matches(const ll_glob *glob, const char *subject, bool is_dir);

/** The verdict of `n` globs on `subject`, read as a gitignore file is: the last match decides. */
ll_glob_verdict ll_glob_list_verdict(const ll_glob *globs, size_t n, const char *subject,
                                     bool is_dir);

/**
 * Whether all of `subject` matches the glob pattern `pattern` (the syntax above, no anchoring
 * rules): a set of positions advanced one pattern token at a time, so the cost is tokens times
 * length, whatever the stars.
 */
bool ll_glob_match(const char *pattern, const char *subject);

#endif
