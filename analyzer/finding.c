// Ordering, de-duplication, positions and fingerprints of one file's findings.
//
// The fingerprint identifies a finding by what it is about, not by where it is: the rule id, the
// text of its line with white space removed, and the texts of the lines just above and below.
// Adding or removing unrelated lines elsewhere leaves it unchanged; identical findings on
// identical lines are told apart by an occurrence counter in source order. SARIF reports it as a
// partialFingerprint, and the baseline matches on it, falling back to the hash of the line alone
// (`line_hash`) when a neighbouring line was edited.
#include "analyzer/finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/rule.h"

bool ll_severity_parse(const char *text, ll_severity *out) {
  if (strcmp(text, "off") == 0 || strcmp(text, "0") == 0)
    *out = LL_OFF;
  else if (strcmp(text, "warning") == 0 || strcmp(text, "warn") == 0 || strcmp(text, "1") == 0)
    *out = LL_WARNING;
  else if (strcmp(text, "error") == 0 || strcmp(text, "2") == 0)
    *out = LL_ERROR;
  else
    return false;
  return true;
}

const char *ll_severity_name(ll_severity severity) {
  return severity == LL_ERROR ? "error" : "warning";
}

const char *ll_confidence_name(ll_confidence confidence) {
  return confidence == LL_CONFIDENCE_MEDIUM ? "medium" : "high";
}

static int compare(const void *pa, const void *pb) {
  const ll_finding *a = pa, *b = pb;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  if (a->column != b->column) return a->column < b->column ? -1 : 1;
  int by_rule = strcmp(a->rule->id, b->rule->id);
  if (by_rule) return by_rule;
  return strcmp(a->message, b->message);
}

static uint64_t mix(uint64_t h, ll_str text) {
  for (uint32_t i = 0; i < text.len; i++) {
    unsigned char c = (unsigned char)text.ptr[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    h = (h ^ c) * 1099511628211ull; // FNV-1a, 64 bit
  }
  return (h ^ 0xff) * 1099511628211ull; // separates the parts
}

static uint64_t context_hash(const ll_finding *f, const ll_source *source, bool neighbours) {
  uint64_t h = 14695981039346656037ull;
  h = mix(h, (ll_str){f->rule->id, (uint32_t)strlen(f->rule->id)});
  if (neighbours) h = mix(h, ll_source_line(source, f->line - 1));
  h = mix(h, ll_source_line(source, f->line));
  return neighbours ? mix(h, ll_source_line(source, f->line + 1)) : h;
}

// The lines and columns of the bytes [start, end).
static void place(const ll_source *source, uint32_t start, uint32_t end, uint32_t *line,
                  uint32_t *column, uint32_t *end_line, uint32_t *end_column) {
  ll_position from = ll_source_position(source, start), to = ll_source_position(source, end);
  *line = from.line;
  *column = from.column;
  *end_line = to.line;
  *end_column = to.column;
}

size_t ll_findings_finish(ll_finding *findings, size_t n, const ll_source *source) {
  for (size_t i = 0; i < n; i++) {
    ll_finding *f = &findings[i];
    place(source, f->start_byte, f->end_byte, &f->line, &f->column, &f->end_line, &f->end_column);
    for (uint32_t k = 0; k < f->n_trace; k++) {
      ll_trace_step *step = (ll_trace_step *)&f->trace[k];
      place(source, step->start_byte, step->end_byte, &step->line, &step->column, &step->end_line,
            &step->end_column);
    }
  }
  if (n) qsort(findings, n, sizeof *findings, compare);
  size_t kept = 0;
  for (size_t i = 0; i < n; i++) {
    if (kept && compare(&findings[kept - 1], &findings[i]) == 0) continue;
    findings[kept++] = findings[i];
  }
  // Occurrence counters: how many earlier findings share the same hash.
  uint64_t *hashes = ll_xmalloc((kept ? kept : 1) * sizeof *hashes);
  for (size_t i = 0; i < kept; i++) {
    hashes[i] = context_hash(&findings[i], source, true);
    unsigned occurrence = 1;
    for (size_t j = 0; j < i; j++)
      occurrence += hashes[j] == hashes[i];
    snprintf(findings[i].fingerprint, sizeof findings[i].fingerprint, "%016llx:%u",
             (unsigned long long)hashes[i], occurrence);
    snprintf(findings[i].line_hash, sizeof findings[i].line_hash, "%016llx",
             (unsigned long long)context_hash(&findings[i], source, false));
  }
  free(hashes);
  return kept;
}
