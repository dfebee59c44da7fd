// Directives are found by searching the text for "leaklint-" and keeping the hits that lie at the
// start of a comment node, so a file without directives costs one memmem, and a directive
// spelled inside a string is not one. Each finding then asks the directives in source order:
// a line directive on its line (or the line above, for -next-line) wins; otherwise the last block
// `leaklint-disable` before it that no `leaklint-enable` in between has closed for its rule.
#define _GNU_SOURCE // memmem
#include "analyzer/suppress.h"

#include <stdbool.h>
#include <string.h>

#include "analyzer/grammar.h"
#include "analyzer/registry.h"

typedef enum directive_kind {
  DISABLE_NEXT_LINE,
  DISABLE_LINE,
  DISABLE, // until a matching enable, or the end of the file
  ENABLE,
} directive_kind;

static const char *const keywords[] = {
    [DISABLE_NEXT_LINE] = "leaklint-disable-next-line",
    [DISABLE_LINE] = "leaklint-disable-line",
    [DISABLE] = "leaklint-disable",
    [ENABLE] = "leaklint-enable",
};

typedef struct directive {
  directive_kind kind;
  uint32_t start_byte, end_byte; // the comment
  uint32_t line, end_line;       // of the comment
  const ll_rule **rules;         // the rules named; n_rules == 0: every rule
  bool *rule_used;
  size_t n_rules;
  bool all;  // no rule named (or only unknown ones were: then `all` is false and n_rules 0)
  bool used; // suppressed something
  const char *reason; // arena-owned; NULL when there is none
} directive;

// A rule id a directive names that is no rule's (`timer-leek`): it suppresses nothing.
typedef struct unknown_id {
  uint32_t start_byte, end_byte; // the id in the comment
  const char *message;           // "`timer-leek` is not a rule (did you mean `timer-leak`?)..."
} unknown_id;

typedef struct collector {
  ll_arena *arena;
  const ll_source *source;
  ll_severity unused_severity; // unused-disable's: when on, unknown ids are its findings
  directive *items;
  size_t n, cap;
  ll_suppress_note *notes;
  size_t n_notes, cap_notes;
  unknown_id *unknown;
  size_t n_unknown, cap_unknown;
} collector;

static void note(collector *c, uint32_t line, uint32_t column, const char *message) {
  if (c->n_notes == c->cap_notes) {
    size_t cap = c->cap_notes ? c->cap_notes * 2 : 4;
    c->notes = ll_arena_grow(c->arena, c->notes, c->n_notes, cap, sizeof *c->notes);
    c->cap_notes = cap;
  }
  c->notes[c->n_notes++] = (ll_suppress_note){line, column, message};
}

static bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '*';
}

// Parses the comment `node` as a directive, if it is one, into c->items.
static void parse_comment(collector *c, TSNode node) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  const char *text = c->source->text + start, *stop = c->source->text + end;
  if (stop - text < 2 || text[0] != '/') return;
  bool block = text[1] == '*';
  if (block && stop - text >= 4 && stop[-1] == '/' && stop[-2] == '*') stop -= 2;
  text += 2;
  while (text < stop && is_space(*text))
    text++;
  directive_kind kind;
  size_t len = 0;
  for (kind = DISABLE_NEXT_LINE; kind <= ENABLE; kind++) {
    len = strlen(keywords[kind]);
    if ((size_t)(stop - text) >= len && memcmp(text, keywords[kind], len) == 0 &&
        (text + len == stop || is_space(text[len]) || text[len] == ','))
      break;
  }
  if (kind > ENABLE) return;
  ll_position at = ll_source_position(c->source, start);
  directive d = {.kind = kind,
                 .start_byte = start,
                 .end_byte = end,
                 .line = at.line,
                 .end_line = ll_source_position(c->source, end ? end - 1 : 0).line};
  const char *p = text + len;
  // The reason: everything after the first `--` that starts a word.
  const char *list_end = stop;
  for (const char *q = p; q + 1 < stop; q++)
    if (q[0] == '-' && q[1] == '-' && (q == p || is_space(q[-1]))) {
      list_end = q;
      const char *r = q + 2, *r_end = stop;
      while (r < r_end && is_space(*r))
        r++;
      while (r_end > r && is_space(r_end[-1]))
        r_end--;
      if (r_end > r) d.reason = ll_arena_strndup(c->arena, r, (size_t)(r_end - r));
      break;
    }
  // Rule ids, separated by commas and/or white space.
  size_t cap = 0;
  bool named_any = false;
  while (p < list_end) {
    while (p < list_end && (is_space(*p) || *p == ','))
      p++;
    const char *id = p;
    while (p < list_end && !is_space(*p) && *p != ',')
      p++;
    if (p == id) break;
    named_any = true;
    char *name = ll_arena_strndup(c->arena, id, (size_t)(p - id));
    const ll_rule *rule = ll_registry_find(name);
    if (!rule) {
      // An unused-disable finding at the id when that rule is on, a warning on stderr otherwise:
      // either way with the id it probably meant.
      const ll_rule *near = ll_registry_nearest(name);
      const char *meant = near ? ll_arena_printf(c->arena, " (did you mean `%s`?)", near->id) : "";
      if (c->unused_severity == LL_OFF) {
        ll_position at_id = ll_source_position(c->source, (uint32_t)(id - c->source->text));
        note(c, at_id.line, at_id.column,
             ll_arena_printf(c->arena, "unknown rule '%s' in %s%s", name, keywords[kind], meant));
        continue;
      }
      if (c->n_unknown == c->cap_unknown) {
        size_t grown = c->cap_unknown ? c->cap_unknown * 2 : 4;
        c->unknown = ll_arena_grow(c->arena, c->unknown, c->n_unknown, grown, sizeof *c->unknown);
        c->cap_unknown = grown;
      }
      c->unknown[c->n_unknown++] = (unknown_id){
          (uint32_t)(id - c->source->text), (uint32_t)(p - c->source->text),
          ll_arena_printf(c->arena, "`%s` is not a rule%s, so `%s` suppresses nothing for it", name,
                          meant, keywords[kind])};
      continue;
    }
    if (d.n_rules == cap) {
      size_t grown = cap ? cap * 2 : 4;
      d.rules = ll_arena_grow(c->arena, d.rules, d.n_rules, grown, sizeof *d.rules);
      d.rule_used = ll_arena_grow(c->arena, d.rule_used, d.n_rules, grown, sizeof *d.rule_used);
      cap = grown;
    }
    d.rule_used[d.n_rules] = false;
    d.rules[d.n_rules++] = rule;
  }
  d.all = !named_any;
  if (!d.all && !d.n_rules) return; // only unknown ids: noted, and it can suppress nothing
  if (c->n == c->cap) {
    size_t grown = c->cap ? c->cap * 2 : 8;
    c->items = ll_arena_grow(c->arena, c->items, c->n, grown, sizeof *c->items);
    c->cap = grown;
  }
  c->items[c->n++] = d;
}

static void collect(collector *c, const TSTree *tree) {
  static const char needle[] = "leaklint-";
  TSNode root = ts_tree_root_node(tree);
  const char *text = c->source->text;
  uint32_t from = 0, len = c->source->len;
  while (from < len) {
    const char *hit = memmem(text + from, len - from, needle, sizeof needle - 1);
    if (!hit) break;
    uint32_t at = (uint32_t)(hit - text);
    TSNode node = ts_node_descendant_for_byte_range(root, at, at + 1);
    if (ts_node_symbol(node) == ll_js.sym.comment) {
      parse_comment(c, node);
      from = ts_node_end_byte(node); // one comment, one directive
    } else {
      from = at + 1;
    }
  }
}

static int rule_slot(const directive *d, const ll_rule *rule) {
  for (size_t i = 0; i < d->n_rules; i++)
    if (d->rules[i] == rule) return (int)i;
  return -1;
}

// True when directive `d` names `rule` (or every rule).
static bool covers(const directive *d, const ll_rule *rule) {
  return d->all || rule_slot(d, rule) >= 0;
}

static void mark_used(directive *d, const ll_rule *rule) {
  d->used = true;
  int slot = rule_slot(d, rule);
  if (slot >= 0) d->rule_used[slot] = true;
}

// The directive that suppresses `f`, or NULL.
static directive *suppressor(collector *c, const ll_finding *f) {
  directive *block = NULL;
  for (size_t i = 0; i < c->n; i++) {
    directive *d = &c->items[i];
    if (!covers(d, f->rule)) continue;
    if (d->kind == DISABLE_LINE && d->line == f->line) return d;
    if (d->kind == DISABLE_NEXT_LINE && d->end_line + 1 == f->line) return d;
    if (d->end_byte > f->start_byte) continue;
    if (d->kind == DISABLE) block = d;
    if (d->kind == ENABLE) block = NULL; // closes every earlier disable of this rule
  }
  return block;
}

// An enable that no earlier block disable of one of its rules opened.
static void check_enables(collector *c) {
  for (size_t i = 0; i < c->n; i++) {
    const directive *e = &c->items[i];
    if (e->kind != ENABLE) continue;
    bool opened = false;
    for (size_t j = 0; j < i && !opened; j++) {
      const directive *d = &c->items[j];
      if (d->kind != DISABLE) continue;
      if (d->all || e->all) {
        opened = true;
        continue;
      }
      for (size_t k = 0; k < e->n_rules && !opened; k++)
        opened = rule_slot(d, e->rules[k]) >= 0;
    }
    if (!opened) note(c, e->line, 0, "leaklint-enable without a leaklint-disable before it");
  }
}

static void add_finding(collector *c, ll_finding **findings, size_t *n, size_t *cap,
                        const directive *d, ll_severity severity, const char *message) {
  if (*n == *cap) {
    size_t grown = *cap ? *cap * 2 : 8;
    *findings = ll_arena_grow(c->arena, *findings, *n, grown, sizeof **findings);
    *cap = grown;
  }
  (*findings)[(*n)++] = (ll_finding){.rule = &ll_rule_unused_disable,
                                     .severity = severity,
                                     .start_byte = d->start_byte,
                                     .end_byte = d->end_byte,
                                     .message = message};
}

// What a directive was for, in a message: "on this line", "on the next line", "below it".
static const char *scope_phrase(const directive *d) {
  switch (d->kind) {
    case DISABLE_LINE:
      return "on its line";
    case DISABLE_NEXT_LINE:
      return "on the next line";
    default:
      return "after it";
  }
}

void ll_suppress_apply(ll_arena *arena, const ll_source *source, const TSTree *tree,
                       ll_finding *findings, size_t n_findings, ll_severity unused_severity,
                       ll_suppress_result *out) {
  collector c = {.arena = arena, .source = source, .unused_severity = unused_severity};
  *out = (ll_suppress_result){.findings = findings, .n_findings = n_findings};
  collect(&c, tree);
  if (!c.n && !c.n_notes && !c.n_unknown) return;
  check_enables(&c);
  for (size_t i = 0; i < n_findings; i++) {
    ll_finding *f = &findings[i];
    if (f->rule == &ll_rule_syntax_error) continue; // a file that does not parse is not excused
    directive *d = suppressor(&c, f);
    if (!d) continue;
    mark_used(d, f->rule);
    f->suppression = LL_SUPPRESSED_IN_SOURCE;
    f->justification = d->reason;
  }
  if (unused_severity != LL_OFF) {
    size_t n = n_findings, cap = n_findings;
    for (size_t i = 0; i < c.n; i++) {
      const directive *d = &c.items[i];
      if (d->kind == ENABLE) continue;
      if (d->all) {
        if (!d->used)
          add_finding(&c, &findings, &n, &cap, d, unused_severity,
                      ll_arena_printf(arena, "`%s` suppresses nothing: no finding %s",
                                      keywords[d->kind], scope_phrase(d)));
        continue;
      }
      for (size_t k = 0; k < d->n_rules; k++)
        if (!d->rule_used[k])
          add_finding(&c, &findings, &n, &cap, d, unused_severity,
                      ll_arena_printf(arena, "`%s %s` suppresses nothing: no %s finding %s",
                                      keywords[d->kind], d->rules[k]->id, d->rules[k]->id,
                                      scope_phrase(d)));
    }
    for (size_t i = 0; i < c.n_unknown; i++) {
      directive at = {.start_byte = c.unknown[i].start_byte, .end_byte = c.unknown[i].end_byte};
      add_finding(&c, &findings, &n, &cap, &at, unused_severity, c.unknown[i].message);
    }
    if (n != n_findings) n = ll_findings_finish(findings, n, source);
    out->findings = findings;
    out->n_findings = n;
  }
  out->notes = c.notes;
  out->n_notes = c.n_notes;
}
