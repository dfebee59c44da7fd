// A JavaScript snippet parsed, bound and with its facts built, for the unit tests of the facts.
#ifndef LEAKLINT_FACTS_FIXTURE_H
#define LEAKLINT_FACTS_FIXTURE_H

#include "analyzer/binder.h"
#include "analyzer/facts.h"
#include "analyzer/parse.h"

typedef struct loaded {
  ll_arena arena;
  ll_parser *parser;
  TSTree *tree;
  ll_source source;
  ll_scope_model *model;
  ll_facts *facts;
} loaded;

/** Parses, binds and builds the facts of `code` (borrowed until unload) with the built-in
 * vocabulary. */
void load(loaded *l, const char *code, ll_source_kind kind);

/** Releases what load made. */
void unload(loaded *l);

/**
 * The expression that starts right after the comment `marker` in `code` (as loaded in `l`): the
 * largest expression beginning there (`req.params.id`, not `req`).
 */
TSNode expression_after(const loaded *l, const char *code, const char *marker);

#endif
