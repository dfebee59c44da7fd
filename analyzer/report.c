// What the reporters share: the format table and text clean-up for formats that require
// valid UTF-8 (JSON, SARIF), since file names and source text may not be.
#include "analyzer/report.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"
#include "analyzer/source.h"

const ll_reporter_ops *ll_report_ops(ll_format format) {
  switch (format) {
    case LL_FORMAT_JSON:
      return &ll_report_json;
    case LL_FORMAT_SARIF:
      return &ll_report_sarif;
    case LL_FORMAT_GITHUB:
      return &ll_report_github;
    case LL_FORMAT_TEXT:
      break;
  }
  return &ll_report_text;
}

const char *ll_report_suppression(const ll_finding *f) {
  if (f->suppression == LL_SUPPRESSED_BASELINE) return "suppressed by the baseline";
  return "suppressed in the source";
}

char *ll_report_utf8(const char *text, bool sentence) {
  size_t len = strlen(text);
  char *out = ll_xmalloc(len * 3 + 2), *o = out;
  const unsigned char *p = (const unsigned char *)text, *end = p + len;
  while (p < end) {
    size_t width = ll_utf8_sequence(p, end);
    if (width) {
      memcpy(o, p, width);
      o += width;
      p += width;
    } else {
      memcpy(o, "\xEF\xBF\xBD", 3); // U+FFFD REPLACEMENT CHARACTER
      o += 3;
      p++;
    }
  }
  if (sentence && o > out && o[-1] != '.') *o++ = '.';
  *o = '\0';
  return out;
}
