// Symbol and field ids of tree-sitter-javascript, looked up by name once per process.
#include "analyzer/grammar.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/arena.h"

const TSLanguage *tree_sitter_javascript(void);

ll_grammar ll_js;

// The names of LL_NODE_TYPES, in the order of ll_js.sym: rules name their node types with these,
// and tree-sitter's lookup by name compares the name with every symbol of the grammar, which
// made building the engine cost as much as a small file's parse.
#define LL_SYMBOL_NAME(name) #name,
static const char *const known_names[] = {LL_NODE_TYPES(LL_SYMBOL_NAME)};
#undef LL_SYMBOL_NAME
_Static_assert(sizeof(((ll_grammar *)0)->sym) ==
                   sizeof known_names / sizeof *known_names * sizeof(TSSymbol),
               "ll_js.sym is an array of TSSymbol in LL_NODE_TYPES order");

TSSymbol ll_grammar_symbol(const char *name) {
  if (ll_js.language) {
    const TSSymbol *known = (const TSSymbol *)&ll_js.sym;
    for (size_t i = 0; i < sizeof known_names / sizeof *known_names; i++)
      if (strcmp(known_names[i], name) == 0) return known[i];
  }
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
