// A test shim, loaded with LD_PRELOAD: deletes the file whose name ends in
// $LEAKLINT_TEST_UNLINK_ON_OPEN just before leaklint opens it. That is the race of a file deleted
// between the directory walk and the read (an editor's temporary file, a concurrent checkout),
// made deterministic.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void unlink_if_targeted(const char *path) {
  const char *target = getenv("LEAKLINT_TEST_UNLINK_ON_OPEN");
  if (!target || !*target || !path) return;
  size_t len = strlen(path), target_len = strlen(target);
  if (len >= target_len && strcmp(path + len - target_len, target) == 0) unlink(path);
}

int open(const char *path, int flags, ...) {
  mode_t mode = 0;
  if (flags & O_CREAT) {
    va_list args;
    va_start(args, flags);
    mode = (mode_t)va_arg(args, int);
    va_end(args);
  }
  unlink_if_targeted(path);
  int (*real)(const char *, int, ...) = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
  return real(path, flags, mode);
}

// glibc's 64-bit name for the same call (x86_64 has no other): the same shim.
int open64(const char *path, int flags, ...) __attribute__((alias("open")));
