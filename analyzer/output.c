// The temporary-file-and-rename writer of output.h.
#include "analyzer/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"

bool ll_output_open(ll_output *out, const char *path, const char *what) {
  out->what = what;
  if (!path) {
    out->stream = stdout;
    return true;
  }
  struct stat st;
  bool exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    // A FIFO, a terminal, /dev/null: write into it; replacing it would destroy it.
    out->stream = fopen(path, "w");
    if (!out->stream) ll_diag_error(path, "cannot write %s: %s", out->what, strerror(errno));
    out->direct = out->stream != NULL;
    return out->stream != NULL;
  }
  size_t len = strlen(path);
  out->temp_path = ll_xmalloc(len + 16);
  snprintf(out->temp_path, len + 16, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(out->temp_path);
  if (fd >= 0) {
    // mkstemp makes the file 0600: give the report the mode of the file it replaces, or the
    // usual one for a new file.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask));
  }
  if (fd < 0 || !(out->stream = fdopen(fd, "w"))) {
    ll_diag_error(path, "cannot write %s: %s", out->what, strerror(errno));
    if (fd >= 0) close(fd), unlink(out->temp_path);
    free(out->temp_path);
    out->temp_path = NULL;
    return false;
  }
  return true;
}

bool ll_output_close(ll_output *out, const char *path, bool write_ok) {
  if (out->direct) {
    bool ok = fclose(out->stream) == 0 && write_ok;
    if (!ok) ll_diag_error(path, "cannot write %s", out->what);
    return ok;
  }
  if (!out->temp_path) return write_ok;
  bool ok = fclose(out->stream) == 0 && write_ok;
  if (ok && rename(out->temp_path, path) != 0) {
    ll_diag_error(path, "cannot write %s: %s", out->what, strerror(errno));
    ok = false;
  } else if (!ok) {
    ll_diag_error(path, "cannot write %s", out->what);
  }
  if (!ok) unlink(out->temp_path);
  free(out->temp_path);
  return ok;
}
