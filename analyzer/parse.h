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

#endif
