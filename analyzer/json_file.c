// See json_file.h.
#include "analyzer/json_file.h"

#include <stdlib.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"

json_t *ll_json_read(const char *path, const char *what) {
  // Out of memory inside jansson exits like everywhere else.
  json_set_alloc_funcs(ll_xmalloc, free);
  json_error_t error;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
  if (root) return root;
  if (error.line > 0)
    ll_diag_error(path, "%d:%d: %s", error.line, error.column, error.text);
  else
    ll_diag_error(path, "cannot read %s: %s", what, error.text);
  return NULL;
}
