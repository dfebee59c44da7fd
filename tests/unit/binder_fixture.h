// What the binder tests share: bind a snippet, find its references, bindings and scopes by name
// or by a marker in the text, and print parts of the model as short strings so that a test can
// assert the exact shape in one line.
#ifndef LEAKLINT_TESTS_BINDER_FIXTURE_H
#define LEAKLINT_TESTS_BINDER_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "analyzer/binder.h"
#include "analyzer/grammar.h"
#include "analyzer/parse.h"

typedef struct bound {
  ll_arena arena;
  ll_parser *parser;
  TSTree *tree;
  ll_source source;
  ll_scope_model *model;
} bound;

/** Initialises the grammar once; every binder test's main calls it first. */
void fixture_init(void);

/** Parses and binds `code` (which must outlive the result); free with bound_free. */
bound *bind_js(const char *code, ll_source_kind kind);
void bound_free(bound *b);

/** The byte offset of the first occurrence of `marker` in the source (fails the test if none). */
uint32_t offset_of(const bound *b, const char *marker);

/** The `nth` (0-based) reference named `name`, in source order; fails the test if there is none. */
const ll_ref *ref_nth(const bound *b, const char *name, int nth);

/** The reference whose identifier starts where `marker` first occurs; fails if there is none. */
const ll_ref *ref_at(const bound *b, const char *marker);

/** How many references are named `name`. */
int count_refs(const bound *b, const char *name);

/** The `nth` binding named `name`, scopes in pre-order; fails the test if there is none. */
const ll_binding *binding_nth(const bound *b, const char *name, int nth);

/** How many bindings are named `name`, in all scopes. */
int count_bindings(const bound *b, const char *name);

/** ll_scope_at at the first occurrence of `marker`. */
ll_scope *scope_at(const bound *b, const char *marker);

/**
 * The scope tree in pre-order: `kind` followed by `+strict`, `+arrow`, `+with`, `+eval` for its
 * flags and by `{children}`, siblings separated by spaces: "global{function+arrow{block}}".
 * Owned by the bound's arena.
 */
const char *scope_tree(bound *b);

/** The bindings of `scope` in declaration order, "name:kind" separated by spaces. */
const char *bindings_of(bound *b, const ll_scope *scope);

/** A reference's flags as "read|write|typeof|callee|dynamic|loop" (only those set). */
const char *flags_of(bound *b, const ll_ref *ref);

/** The source text of a node (the empty string for a null node). Owned by the bound's arena. */
const char *text_of(bound *b, TSNode node);

#endif
