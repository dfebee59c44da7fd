// The tree-sitter-javascript grammar as leaklint sees it: the language handle and the symbol and
// field ids of every node type and field that the analyzer and the rules name. The ids are looked
// up once per process (ll_grammar_init) so that hot code compares integers, never strings.
#ifndef LEAKLINT_GRAMMAR_H
#define LEAKLINT_GRAMMAR_H

#include <stdbool.h>

#include <tree_sitter/api.h>

// Named node types, by their grammar names.
#define LL_NODE_TYPES(X)                   \
  X(arguments)                             \
  X(array)                                 \
  X(array_pattern)                         \
  X(arrow_function)                        \
  X(assignment_expression)                 \
  X(assignment_pattern)                    \
  X(augmented_assignment_expression)       \
  X(await_expression)                      \
  X(binary_expression)                     \
  X(break_statement)                       \
  X(call_expression)                       \
  X(catch_clause)                          \
  X(class)                                 \
  X(class_body)                            \
  X(class_declaration)                     \
  X(class_static_block)                    \
  X(comment)                               \
  X(computed_property_name)                \
  X(do_statement)                          \
  X(else_clause)                           \
  X(export_specifier)                      \
  X(export_statement)                      \
  X(expression_statement)                  \
  X(field_definition)                      \
  X(finally_clause)                        \
  X(for_in_statement)                      \
  X(for_statement)                         \
  X(formal_parameters)                     \
  X(function_declaration)                  \
  X(function_expression)                   \
  X(generator_function)                    \
  X(generator_function_declaration)        \
  X(identifier)                            \
  X(if_statement)                          \
  X(import_clause)                         \
  X(import_specifier)                      \
  X(import_statement)                      \
  X(jsx_closing_element)                   \
  X(jsx_opening_element)                   \
  X(jsx_self_closing_element)              \
  X(labeled_statement)                     \
  X(lexical_declaration)                   \
  X(member_expression)                     \
  X(method_definition)                     \
  X(namespace_export)                      \
  X(namespace_import)                      \
  X(new_expression)                        \
  X(number)                                \
  X(object)                                \
  X(object_assignment_pattern)             \
  X(object_pattern)                        \
  X(pair)                                  \
  X(pair_pattern)                          \
  X(parenthesized_expression)              \
  X(program)                               \
  X(property_identifier)                   \
  X(regex)                                 \
  X(rest_pattern)                          \
  X(return_statement)                      \
  X(sequence_expression)                   \
  X(shorthand_property_identifier)         \
  X(shorthand_property_identifier_pattern) \
  X(spread_element)                        \
  X(statement_block)                       \
  X(string)                                \
  X(string_fragment)                       \
  X(subscript_expression)                  \
  X(switch_body)                           \
  X(switch_case)                           \
  X(switch_default)                        \
  X(switch_statement)                      \
  X(template_string)                       \
  X(template_substitution)                 \
  X(ternary_expression)                    \
  X(this)                                  \
  X(throw_statement)                       \
  X(try_statement)                         \
  X(unary_expression)                      \
  X(update_expression)                     \
  X(using_declaration)                     \
  X(variable_declaration)                  \
  X(variable_declarator)                   \
  X(while_statement)                       \
  X(with_statement)

// Field names.
#define LL_FIELDS(X) \
  X(alias)           \
  X(alternative)     \
  X(argument)        \
  X(arguments)       \
  X(body)            \
  X(condition)       \
  X(consequence)     \
  X(constructor)     \
  X(declaration)     \
  X(finalizer)       \
  X(function)        \
  X(handler)         \
  X(index)           \
  X(key)             \
  X(kind)            \
  X(left)            \
  X(name)            \
  X(object)          \
  X(operator)        \
  X(parameter)       \
  X(parameters)      \
  X(property)        \
  X(right)           \
  X(source)          \
  X(value)

typedef struct ll_grammar {
  const TSLanguage *language;
  uint32_t symbol_count;
#define LL_DECLARE_SYMBOL(name) TSSymbol name;
  struct {
    LL_NODE_TYPES(LL_DECLARE_SYMBOL)
  } sym;
#undef LL_DECLARE_SYMBOL
#define LL_DECLARE_FIELD(name) TSFieldId name;
  struct {
    LL_FIELDS(LL_DECLARE_FIELD)
  } field;
#undef LL_DECLARE_FIELD
} ll_grammar;

/** The process-wide grammar tables; valid after ll_grammar_init. Read-only, shared by threads. */
extern ll_grammar ll_js;

/**
 * Looks up every symbol and field id. Returns false (and names the first missing one in
 * `*missing`) when the grammar lacks a name leaklint relies on: a grammar/analyzer mismatch.
 * Idempotent; call once before starting threads.
 */
bool ll_grammar_init(const char **missing);

/** The named symbol with this grammar name, or 0 when there is none. */
TSSymbol ll_grammar_symbol(const char *name);

#endif
