// See ignore.h. One node per directory met, holding that directory's ignore files and a link to
// the node above (NULL at the repository's or the file system's root), in a hash table keyed by
// the directory's path; each file is read once per run.
#define _DEFAULT_SOURCE // getline
#include "analyzer/ignore.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"
#include "analyzer/glob.h"
#include "analyzer/paths.h"
#include "analyzer/strmap.h"

typedef struct glob_list {
  ll_glob *items;
  size_t n;
} glob_list;

typedef struct dir_node {
  char *dir;               // absolute, normalised
  struct dir_node *parent; // NULL at the repository's or the file system's root
  glob_list own;           // .leaklintignore
  glob_list vcs;           // .gitignore
  glob_list exclude;       // .git/info/exclude, at the repository root only
  bool in_repo;            // the directory is in a git repository: .gitignore counts
} dir_node;

struct ll_ignore {
  char *cwd;
  bool vcs;
  glob_list patterns; // --ignore-pattern
  dir_node **table;   // open addressing on the directory's path
  size_t cap, n;
};

static void list_fini(glob_list *list) {
  for (size_t i = 0; i < list->n; i++)
    ll_glob_fini(&list->items[i]);
  free(list->items);
}

static void list_add(glob_list *list, const ll_glob *glob) {
  list->items = ll_xrealloc(list->items, (list->n + 1) * sizeof *list->items);
  list->items[list->n++] = *glob;
}

static char *join(const char *dir, const char *name) {
  size_t size = strlen(dir) + strlen(name) + 2;
  char *path = ll_xmalloc(size);
  snprintf(path, size, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
  return path;
}

// Reads the gitignore-syntax file `dir`/`name` into `list`, when there is one. An unreadable
// file is passed over, as git does.
static void read_file(glob_list *list, const char *dir, const char *name) {
  char *path = join(dir, name);
  FILE *file = fopen(path, "rb");
  free(path);
  if (!file) return;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, file)) > 0) {
    if (line[len - 1] == '\n') len--;
    ll_glob glob;
    if (ll_glob_parse_line(line, (size_t)len, &glob)) list_add(list, &glob);
  }
  free(line);
  fclose(file);
}

static dir_node **slot(ll_ignore *ig, const char *dir) {
  size_t mask = ig->cap - 1;
  for (size_t i = ll_hash_text(dir) & mask;; i = (i + 1) & mask)
    if (!ig->table[i] || strcmp(ig->table[i]->dir, dir) == 0) return &ig->table[i];
}

static void insert(ll_ignore *ig, dir_node *node) {
  if ((ig->n + 1) * 4 > ig->cap * 3) {
    dir_node **old = ig->table;
    size_t old_cap = ig->cap;
    ig->cap = old_cap ? old_cap * 2 : 64;
    ig->table = ll_xcalloc(ig->cap, sizeof *ig->table);
    for (size_t i = 0; i < old_cap; i++)
      if (old[i]) *slot(ig, old[i]->dir) = old[i];
    free(old);
  }
  *slot(ig, node->dir) = node;
  ig->n++;
}

static bool exists(const char *dir, const char *name, bool *is_dir) {
  char *path = join(dir, name);
  struct stat st;
  bool found = stat(path, &st) == 0;
  free(path);
  if (found && is_dir) *is_dir = S_ISDIR(st.st_mode);
  return found;
}

// The node of the absolute, normalised directory `dir`, with its files read.
static dir_node *resolve(ll_ignore *ig, const char *dir) {
  if (ig->cap) {
    dir_node *known = *slot(ig, dir);
    if (known) return known;
  }
  dir_node *node = ll_xcalloc(1, sizeof *node);
  node->dir = ll_xstrdup(dir);
  read_file(&node->own, dir, LL_IGNORE_FILE_NAME);
  bool git_is_dir = false;
  // `.git` is a directory in a repository, a file in a worktree or a submodule: a root either way.
  bool repo_root = exists(dir, ".git", &git_is_dir);
  if (ig->vcs) {
    read_file(&node->vcs, dir, ".gitignore");
    if (repo_root && git_is_dir) read_file(&node->exclude, dir, ".git/info/exclude");
  }
  if (!repo_root && strcmp(dir, "/") != 0) {
    char *parent = ll_paths_dirname(dir);
    node->parent = resolve(ig, parent);
    free(parent);
    node->in_repo = node->parent->in_repo;
  }
  node->in_repo |= repo_root;
  insert(ig, node);
  return node;
}

ll_ignore *ll_ignore_new(const char *cwd, bool vcs, char *const *patterns, size_t n_patterns) {
  ll_ignore *ig = ll_xcalloc(1, sizeof *ig);
  ig->cwd = cwd ? ll_xstrdup(cwd) : NULL;
  ig->vcs = vcs;
  for (size_t i = 0; i < n_patterns; i++) {
    ll_glob glob;
    size_t offset = 0;
    bool parsed = *patterns[i] && ll_glob_parse(patterns[i], &glob, &offset);
    if (!parsed || !glob.body[0]) {
      if (*patterns[i] && !parsed)
        ll_diag_error(NULL, "--ignore-pattern: `%s`: unclosed `[` at offset %zu", patterns[i],
                      offset);
      else
        ll_diag_error(NULL, "--ignore-pattern: `%s` matches nothing", patterns[i]);
      if (parsed) ll_glob_fini(&glob);
      ll_ignore_delete(ig);
      return NULL;
    }
    list_add(&ig->patterns, &glob);
  }
  return ig;
}

void ll_ignore_delete(ll_ignore *ig) {
  if (!ig) return;
  for (size_t i = 0; i < ig->cap; i++) {
    dir_node *node = ig->table[i];
    if (!node) continue;
    list_fini(&node->own);
    list_fini(&node->vcs);
    list_fini(&node->exclude);
    free(node->dir);
    free(node);
  }
  free(ig->table);
  list_fini(&ig->patterns);
  free(ig->cwd);
  free(ig);
}

// The verdict on `path` itself: the command line's patterns first, then from the deepest
// directory up, each level's .leaklintignore before its .gitignore, and the repository's
// info/exclude last. The first list with a matching pattern decides.
static bool entry_ignored(ll_ignore *ig, const char *path, bool is_dir, bool named) {
  const char *rel = ig->cwd ? ll_paths_below(path, ig->cwd) : NULL;
  ll_glob_verdict v = LL_GLOB_NO_MATCH;
  if (rel) v = ll_glob_list_verdict(ig->patterns.items, ig->patterns.n, rel, is_dir);
  if (v) return v == LL_GLOB_EXCLUDED;
  char *dir = ll_paths_dirname(path);
  dir_node *node = resolve(ig, dir);
  free(dir);
  bool vcs = ig->vcs && !named;
  for (dir_node *n = node; n && !v; n = n->parent) {
    rel = ll_paths_below(path, n->dir);
    if (!rel) break;
    v = ll_glob_list_verdict(n->own.items, n->own.n, rel, is_dir);
    if (!v && vcs && n->in_repo) v = ll_glob_list_verdict(n->vcs.items, n->vcs.n, rel, is_dir);
    if (!v && vcs && !n->parent)
      v = ll_glob_list_verdict(n->exclude.items, n->exclude.n, rel, is_dir);
  }
  return v == LL_GLOB_EXCLUDED;
}

bool ll_ignore_path(ll_ignore *ig, const char *path, bool is_dir, bool named) {
  if (named) {
    // A named path can lie in an ignored directory, which a walk would never have entered.
    char *prefix = ll_xstrdup(path);
    bool ignored = false;
    for (char *slash = strchr(prefix + 1, '/'); slash && !ignored; slash = strchr(slash + 1, '/')) {
      *slash = '\0';
      ignored = entry_ignored(ig, prefix, true, true);
      *slash = '/';
    }
    free(prefix);
    if (ignored) return true;
  }
  return entry_ignored(ig, path, is_dir, named);
}
