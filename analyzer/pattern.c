// PCRE2 behind a small interface: compile once (JIT when available), match slices with a match
// context whose limits turn catastrophic backtracking into an error instead of a hang.
#include "analyzer/pattern.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "analyzer/arena.h"

enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000, HEAP_LIMIT_KIB = 20 * 1024 };

struct ll_pattern {
  pcre2_code *code;
  pcre2_match_context *context;
  bool jit; // JIT-compiled: pcre2_match then runs the machine code
  char *source;
};

ll_pattern *ll_pattern_new(const char *source, char *error, size_t error_size,
                           size_t *error_offset) {
  int code_error;
  PCRE2_SIZE offset;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                   &code_error, &offset, NULL);
  if (!code) {
    if (error_size) {
      PCRE2_UCHAR message[256];
      if (pcre2_get_error_message(code_error, message, sizeof message) < 0)
        strcpy((char *)message, "unknown error");
      snprintf(error, error_size, "%s", (const char *)message);
    }
    *error_offset = offset;
    return NULL;
  }
  ll_pattern *pattern = ll_xcalloc(1, sizeof *pattern);
  pattern->code = code;
  // JIT is an optimisation: where it is unavailable, the interpreter gives the same answers.
  pattern->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
  pattern->context = pcre2_match_context_create(NULL);
  if (!pattern->context) ll_out_of_memory(sizeof(pcre2_match_context *));
  pcre2_set_match_limit(pattern->context, MATCH_LIMIT);
  pcre2_set_depth_limit(pattern->context, DEPTH_LIMIT);
  pcre2_set_heap_limit(pattern->context, HEAP_LIMIT_KIB);
  pattern->source = ll_xstrdup(source);
  return pattern;
}

void ll_pattern_delete(ll_pattern *pattern) {
  if (!pattern) return;
  pcre2_match_context_free(pattern->context);
  pcre2_code_free(pattern->code);
  free(pattern->source);
  free(pattern);
}

const char *ll_pattern_source(const ll_pattern *pattern) {
  return pattern->source;
}

ll_match ll_pattern_match(const ll_pattern *pattern, ll_str subject) {
  pcre2_match_data *data = pcre2_match_data_create_from_pattern(pattern->code, NULL);
  if (!data) ll_out_of_memory(sizeof(pcre2_match_data *));
  PCRE2_SPTR text = subject.len ? (PCRE2_SPTR)subject.ptr : (PCRE2_SPTR) "";
  // pcre2_match runs the JIT code when there is some, after checking that the subject is valid
  // UTF-8: a slice of an arbitrary file may not be, and pcre2_jit_match would not check.
  int rc = pcre2_match(pattern->code, text, subject.len, 0, 0, data, pattern->context);
  pcre2_match_data_free(data);
  if (rc >= 0) return LL_MATCH_YES;
  if (rc == PCRE2_ERROR_NOMATCH) return LL_MATCH_NO;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT)
    return LL_MATCH_LIMIT;
  return LL_MATCH_ERROR;
}
