// The directory walk. Iterative (a stack of directories still to read), so a deep tree cannot
// overflow the C stack, and it never follows links to directories, so a link loop cannot trap it.
// d_type in struct dirent saves a stat per entry; it is a BSD extension.
#define _DEFAULT_SOURCE
#include "analyzer/files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"

static void push(ll_file_list *list, char *path) {
  if (list->n == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 64;
    list->paths = ll_xrealloc(list->paths, list->cap * sizeof *list->paths);
  }
  list->paths[list->n++] = path;
}

static void problem(ll_file_list *list, const char *path, const char *message) {
  ll_diag_error(path, "%s", message);
  if (list->n_problems == list->cap_problems) {
    list->cap_problems = list->cap_problems ? list->cap_problems * 2 : 4;
    list->problems = ll_xrealloc(list->problems, list->cap_problems * sizeof *list->problems);
  }
  list->problems[list->n_problems++] = (ll_path_problem){ll_xstrdup(path), ll_xstrdup(message)};
}

bool ll_file_is_javascript(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && (strcmp(dot, ".js") == 0 || strcmp(dot, ".mjs") == 0 || strcmp(dot, ".cjs") == 0 ||
                 strcmp(dot, ".jsx") == 0);
}

static bool skipped_directory(const char *name) {
  return name[0] == '.' || strcmp(name, "node_modules") == 0;
}

static char *join(const char *dir, const char *name) {
  // "." as the directory adds nothing: `leaklint` alone prints `src/a.js`, not `./src/a.js`.
  if (strcmp(dir, ".") == 0) return ll_xstrdup(name);
  size_t dlen = strlen(dir), nlen = strlen(name);
  bool slash = dlen && dir[dlen - 1] == '/';
  char *path = ll_xmalloc(dlen + nlen + 2);
  memcpy(path, dir, dlen);
  if (!slash) path[dlen++] = '/';
  memcpy(path + dlen, name, nlen + 1);
  return path;
}

static bool walk(ll_file_list *list, const char *root, ll_file_filter filter, void *data) {
  char message[256];
  bool ok = true;
  ll_file_list pending = {0}; // directories still to read
  push(&pending, ll_xstrdup(root));
  while (pending.n) {
    char *dir = pending.paths[--pending.n];
    DIR *d = opendir(dir);
    if (!d) {
      snprintf(message, sizeof message, "cannot read directory: %s", strerror(errno));
      problem(list, dir, message);
      ok = false;
      free(dir);
      continue;
    }
    struct dirent *entry;
    while ((entry = readdir(d))) {
      const char *name = entry->d_name;
      if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
      unsigned char type = entry->d_type;
      char *path = join(dir, name);
      if (type == DT_UNKNOWN || type == DT_LNK) {
        struct stat st;
        // A link counts as what it points to, except that links to directories are not
        // followed; a dangling link is left alone like any non-JavaScript entry.
        if (type == DT_LNK)
          type = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
        else if (lstat(path, &st) == 0)
          type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
      }
      if (type == DT_DIR && !skipped_directory(name) &&
          (!filter || filter(data, path, true, false))) {
        push(&pending, path);
        continue;
      }
      if (type == DT_REG &&
          (filter ? filter(data, path, false, false) : ll_file_is_javascript(name)))
        push(list, path);
      else
        free(path);
    }
    closedir(d);
    free(dir);
  }
  ll_file_list_fini(&pending);
  return ok;
}

bool ll_file_list_add(ll_file_list *list, const char *path, ll_file_filter filter, void *data) {
  struct stat st;
  if (stat(path, &st) != 0) {
    problem(list, path, errno == ENOENT ? "no such file or directory" : strerror(errno));
    return false;
  }
  bool is_dir = S_ISDIR(st.st_mode);
  if (filter && !filter(data, path, is_dir, true)) return true; // ignored by configuration
  if (is_dir) return walk(list, path, filter, data);
  push(list, ll_xstrdup(path)); // named explicitly: analysed whatever its extension
  return true;
}

static int compare_paths(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct file_id {
  dev_t dev;
  ino_t ino;
  size_t index; // in the list, in the order the paths were given and found
} file_id;

static int compare_ids(const void *a, const void *b) {
  const file_id *x = a, *y = b;
  if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
  if (x->ino != y->ino) return x->ino < y->ino ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

// The same file under two names (`a.js ./a.js`, a folder named twice or also reached through a
// link) is analysed and reported once, under the name it was first given.
static void drop_same_files(ll_file_list *list) {
  if (list->n < 2) return;
  file_id *ids = ll_xmalloc(list->n * sizeof *ids);
  size_t n_ids = 0;
  for (size_t i = 0; i < list->n; i++) {
    struct stat st;
    if (stat(list->paths[i], &st) == 0) ids[n_ids++] = (file_id){st.st_dev, st.st_ino, i};
  }
  qsort(ids, n_ids, sizeof *ids, compare_ids);
  bool *dropped = ll_xcalloc(list->n, sizeof *dropped);
  for (size_t k = 1; k < n_ids; k++)
    if (ids[k].dev == ids[k - 1].dev && ids[k].ino == ids[k - 1].ino) dropped[ids[k].index] = true;
  size_t kept = 0;
  for (size_t i = 0; i < list->n; i++) {
    if (dropped[i])
      free(list->paths[i]);
    else
      list->paths[kept++] = list->paths[i];
  }
  list->n = kept;
  free(dropped);
  free(ids);
}

void ll_file_list_sort(ll_file_list *list) {
  drop_same_files(list);
  if (list->n) qsort(list->paths, list->n, sizeof *list->paths, compare_paths);
  size_t kept = 0;
  for (size_t i = 0; i < list->n; i++) {
    if (kept && strcmp(list->paths[kept - 1], list->paths[i]) == 0) {
      free(list->paths[i]);
      continue;
    }
    list->paths[kept++] = list->paths[i];
  }
  list->n = kept;
}

void ll_file_list_fini(ll_file_list *list) {
  for (size_t i = 0; i < list->n; i++)
    free(list->paths[i]);
  free(list->paths);
  for (size_t i = 0; i < list->n_problems; i++) {
    free(list->problems[i].path);
    free(list->problems[i].message);
  }
  free(list->problems);
  memset(list, 0, sizeof *list);
}
