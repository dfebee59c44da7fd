// PCRE2 behind a small interface: compile once (JIT when available), match slices of the source
// with a match context whose limits turn catastrophic backtracking into a reportable result
// instead of a hang. The only file that includes <pcre2.h> (PCRE2_CODE_UNIT_WIDTH comes from
// CMake), so the rest of leaklint never sees a PCRE2 type.
#include "analyzer/pattern.h"

#include <stdio.h>
#include <stdlib.h>

#include <pcre2.h>

#include "analyzer/arena.h"
#include "analyzer/diag.h"

struct ll_pattern {
  pcre2_code *code;             // JIT-compiled too when jit_compile succeeded
  pcre2_match_context *context; // the limits; read-only after ll_pattern_new, shared by threads
  char *source;
};

ll_pattern *ll_pattern_new(const char *source, char *error, size_t error_size,
                           size_t *error_offset) {
  int code_error;
  PCRE2_SIZE offset;
  // MATCH_INVALID_UTF: subjects are slices of arbitrary files, so invalid UTF-8 in them must be
  // a mismatch, not an error. NEVER_BACKSLASH_C: `\C` can stop in the middle of a character.
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C,
                                   &code_error, &offset, NULL);
  if (!code) {
    if (error && error_size) {
      PCRE2_UCHAR message[256];
      if (pcre2_get_error_message(code_error, message, sizeof message) < 0)
        snprintf((char *)message, sizeof message, "PCRE2 error %d", code_error);
      snprintf(error, error_size, "%s", (const char *)message);
    }
    if (error_offset) *error_offset = offset;
    return NULL;
  }
  // JIT is an optimisation: where PCRE2 has none (or the platform refuses executable memory),
  // the interpreter gives the same answers, so a failure here is not reported.
  (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  ll_pattern *pattern = ll_xcalloc(1, sizeof *pattern);
  pattern->code = code;
  pattern->context = pcre2_match_context_create(NULL);
  if (!pattern->context) ll_out_of_memory(sizeof(pcre2_match_context *));
  // The JIT honours the match limit; the interpreter all three. Either way a pathological
  // pattern stops after about a million steps, well under a second.
  pcre2_set_match_limit(pattern->context, LL_PATTERN_MATCH_LIMIT);
  pcre2_set_depth_limit(pattern->context, LL_PATTERN_DEPTH_LIMIT);
  pcre2_set_heap_limit(pattern->context, LL_PATTERN_HEAP_LIMIT_KIB);
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
  // Per call, so that threads share nothing mutable; one pair of offsets is enough to learn
  // whether there is a match (PCRE2 then returns 0 rather than the number of groups).
  pcre2_match_data *data = pcre2_match_data_create(1, NULL);
  if (!data) ll_out_of_memory(sizeof(pcre2_match_data *));
  PCRE2_SPTR text = subject.len ? (PCRE2_SPTR)subject.ptr : (PCRE2_SPTR) "";
  // pcre2_match runs the JIT code when there is some; the length bounds every read.
  int rc = pcre2_match(pattern->code, text, subject.len, 0, 0, data, pattern->context);
  pcre2_match_data_free(data);
  if (rc >= 0) return LL_MATCH_YES;
  switch (rc) {
    case PCRE2_ERROR_NOMATCH:
      return LL_MATCH_NO;
    case PCRE2_ERROR_MATCHLIMIT:
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
    case PCRE2_ERROR_JIT_STACKLIMIT:
      return LL_MATCH_LIMIT;
    default:
      return LL_MATCH_ERROR;
  }
}

void ll_pattern_list_add(ll_pattern_list *list, ll_pattern *pattern) {
  list->items = ll_xrealloc(list->items, (list->n + 1) * sizeof *list->items);
  list->failed = ll_xrealloc(list->failed, (list->n + 1) * sizeof *list->failed);
  list->items[list->n] = pattern;
  list->failed[list->n] = 0;
  list->n++;
}

void ll_pattern_list_fini(ll_pattern_list *list) {
  for (size_t i = 0; i < list->n; i++)
    ll_pattern_delete(list->items[i]);
  free(list->items);
  free(list->failed);
  list->items = NULL;
  list->failed = NULL;
  list->n = 0;
}

bool ll_pattern_list_match(const ll_pattern_list *list, ll_str text, const char *where) {
  for (size_t i = 0; i < list->n; i++) {
    // The flags are ints read and written with atomic builtins rather than _Atomic members, so
    // that a const list (shared by threads) can still retire a pattern.
    if (__atomic_load_n(&list->failed[i], __ATOMIC_RELAXED)) continue;
    ll_match m = ll_pattern_match(list->items[i], text);
    if (m == LL_MATCH_YES) return true;
    if (m == LL_MATCH_NO) continue;
    if (__atomic_exchange_n(&list->failed[i], 1, __ATOMIC_RELAXED)) continue;
    ll_diag_error(list->file,
                  "\"%s[%zu]\": pattern `%s` %s on `%.*s` (in %s); the pattern is disabled for "
                  "the rest of the run",
                  list->key, i, ll_pattern_source(list->items[i]),
                  m == LL_MATCH_LIMIT ? "hit the match limit (catastrophic backtracking)"
                                      : "failed to match",
                  (int)(text.len > 60 ? 60 : text.len), text.ptr, where ? where : "?");
  }
  return false;
}

bool ll_pattern_list_failed(const ll_pattern_list *list) {
  for (size_t i = 0; i < list->n; i++)
    if (__atomic_load_n(&list->failed[i], __ATOMIC_RELAXED)) return true;
  return false;
}
