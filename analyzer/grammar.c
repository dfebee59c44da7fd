// Symbol and field ids of tree-sitter-javascript, looked up by name once per process.
#include "analyzer/grammar.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"

const TSLanguage *tree_sitter_javascript(void);

ll_grammar ll_js;

TSSymbol ll_grammar_symbol(const char *name) {
  return ts_language_symbol_for_name(tree_sitter_javascript(), name, (uint32_t)strlen(name), true);
}

bool ll_grammar_init(const char **missing) {
  if (ll_js.language) return true;
  // tree-sitter allocates through leaklint's wrappers: running out of memory in the parser then
  // ends the run like any other allocation failure (a message and exit status 2), not SIGABRT.
  ts_set_allocator(ll_xmalloc, ll_xcalloc, ll_xrealloc, free);
  const TSLanguage *language = tree_sitter_javascript();
  ll_grammar g = {.language = language, .symbol_count = ts_language_symbol_count(language)};
#define LL_LOOKUP_SYMBOL(name)           \
  g.sym.name = ll_grammar_symbol(#name); \
  if (!g.sym.name) {                     \
    *missing = #name;                    \
    return false;                        \
  }
  LL_NODE_TYPES(LL_LOOKUP_SYMBOL)
#undef LL_LOOKUP_SYMBOL
#define LL_LOOKUP_FIELD(name)                                                             \
  g.field.name = ts_language_field_id_for_name(language, #name, (uint32_t)strlen(#name)); \
  if (!g.field.name) {                                                                    \
    *missing = "field " #name;                                                            \
    return false;                                                                         \
  }
  LL_FIELDS(LL_LOOKUP_FIELD)
#undef LL_LOOKUP_FIELD
  ll_js = g;
  return true;
}
