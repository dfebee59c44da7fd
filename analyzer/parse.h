// Owns a TSParser for the JavaScript grammar and bounds how long one parse may take.
#ifndef LEAKLINT_PARSE_H
#define LEAKLINT_PARSE_H

#include <stdint.h>

#include <tree_sitter/api.h>

typedef struct ll_parser ll_parser;

/** A parser for JavaScript with JSX. One per thread; delete with ll_parser_delete. */
ll_parser *ll_parser_new(double timeout_seconds);
void ll_parser_delete(ll_parser *parser);

/**
 * Parses `len` bytes of UTF-8. Returns the tree (the caller owns it: ts_tree_delete), or NULL
 * when the parse ran out of time; the parser is then reset for the next file.
 */
TSTree *ll_parser_parse(ll_parser *parser, const char *text, uint32_t len);

/**
 * Works around gaps in the pinned grammar (tree-sitter-javascript 0.25.0) where valid code is a
 * syntax error and the error recovery spoils the whole enclosing expression:
 * - a JSX attribute named with a reserved word (upstream issue #387): `<div class="x">`,
 *   `<label for="id">`, `<Fade in={open}>`, and bare, `<Fade in>`, `<FormGroup switch />`;
 * - a variable named `using` assigned to (`using = function () {}`), read as the start of an
 *   explicit-resource-management declaration.
 * Writes into `out` (of `len` bytes) a copy of `text` in which each such word has its first
 * letter upper-cased (`Class=`, `Using =`), which keeps every byte offset; returns the number of
 * words changed (0: nothing to retry). Only text of those forms is touched (`<space>WORD=` or
 * `<space>WORD>` after an identifier, quote or `}`; `using` before a single `=`): outside JSX
 * that text is a syntax error for the grammar anyway, and inside a string it changes nothing
 * leaklint reads.
 */
uint32_t ll_parser_patch_grammar_gaps(const char *text, uint32_t len, char *out);

#endif
