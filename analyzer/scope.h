// The scope model of one file, after eslint-scope: scopes, the bindings declared in them, every
// identifier use (a reference) with the binding it resolves to, and the captures of each function.
// binder.c builds it once per file before any rule runs; afterwards it is read-only. All of it is
// owned by the file arena and valid until that arena is reset.
#ifndef LEAKLINT_SCOPE_H
#define LEAKLINT_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "analyzer/arena.h"
#include "analyzer/source.h"

typedef struct ll_scope ll_scope;
typedef struct ll_binding ll_binding;
typedef struct ll_ref ll_ref;

typedef enum ll_scope_kind {
  LL_SCOPE_GLOBAL,       // the root: a script's top level, and the host's global object
  LL_SCOPE_MODULE,       // an ES module's top level, child of GLOBAL
  LL_SCOPE_FUNCTION,     // function, arrow, method, generator: `node` is the function
  LL_SCOPE_CLASS,        // a class body; holds a class expression's own name
  LL_SCOPE_CLASS_FIELD,  // a class field's initializer: runs per instance, like a method
  LL_SCOPE_STATIC_BLOCK, // `static { }` in a class: `var` stays inside it
  LL_SCOPE_BLOCK,        // `{ }`, switch bodies, `with` bodies
  LL_SCOPE_FOR,          // a for / for-in / for-of head with its `let`/`const` bindings
  LL_SCOPE_CATCH,        // a catch clause's parameter
} ll_scope_kind;

enum {
  LL_SCOPE_STRICT = 1u << 0,      // strict mode code: undeclared writes throw
  LL_SCOPE_DIRECT_EVAL = 1u << 1, // calls eval(...) directly: may declare names at run time
  LL_SCOPE_WITH = 1u << 2,        // the body of a `with` statement: names resolve dynamically
  LL_SCOPE_ARROW = 1u << 3,       // an arrow function: no own `arguments` or `this`
};

struct ll_scope {
  ll_scope_kind kind;
  uint32_t flags;       // LL_SCOPE_*
  TSNode node;          // the node that opens the scope
  ll_scope *parent;     // NULL only for the root
  ll_scope *function;   // nearest FUNCTION, CLASS_FIELD, STATIC_BLOCK, MODULE or GLOBAL scope:
                        // where `var` lands; the scope itself for those kinds
  ll_scope *children;   // first child scope; siblings through `next`
  ll_scope *last_child; // the last of them
  ll_scope *next;       // next sibling, in source order
  ll_binding *bindings; // declared here, in declaration order
  ll_binding *last_binding;
  ll_ref *refs;            // uses that occur directly in this scope, in source order
  uint32_t depth;          // 0 for the root
  uint32_t index;          // position in ll_scope_model.scopes (pre-order, source order)
  uint32_t loop_depth;     // loops around this scope's node inside the enclosing function (for a
                           // function scope: around where the function is created)
  const TSNode *context;   // 4 nodes: the nearest ancestors of `node`, parenthesized expressions
                           // skipped; null past the root. How a function is used starts from
                           // here. All null for block, for and catch scopes, which nothing
                           // asks (a bundle has thousands of them).
  TSFieldId context_field; // the field `node` (or its parentheses) occupies in context[0]
};

typedef enum ll_binding_kind {
  LL_BIND_VAR,
  LL_BIND_LET,
  LL_BIND_CONST,
  LL_BIND_USING,           // `using` / `await using` declarations
  LL_BIND_FUNCTION,        // function declaration
  LL_BIND_FUNCTION_NAME,   // a named function expression's own name, visible inside it
  LL_BIND_CLASS,           // class declaration, or a class expression's own name
  LL_BIND_PARAM,           // a function parameter, including destructured and rest ones
  LL_BIND_CATCH,           // a catch clause parameter
  LL_BIND_IMPORT,          // an ES import
  LL_BIND_ARGUMENTS,       // the implicit `arguments` of a non-arrow function
  LL_BIND_GLOBAL_COMMENT,  // declared by a `/* global name */` comment
  LL_BIND_IMPLICIT_GLOBAL, // created by a sloppy-mode write to an undeclared name
  LL_BIND_UNKNOWN,         // a name seen inside a syntax error: never guessed about
} ll_binding_kind;

struct ll_binding {
  ll_str name; // a slice of the source
  ll_binding_kind kind;
  ll_scope *scope; // where it is declared
  TSNode decl;     // the declaring identifier (the comment, for LL_BIND_GLOBAL_COMMENT;
                   // the first write, for LL_BIND_IMPLICIT_GLOBAL; null for ARGUMENTS)
  TSNode init;     // initializer: a declarator's value, the function or class node of a
                   // declaration, a parameter's default; null node when there is none
  ll_ref *refs;    // every resolved use, in source order
  ll_ref *last_ref;
  uint32_t n_reads, n_writes;
  ll_binding *next;     // next binding in the same scope
  ll_binding *shadowed; // binder-internal: the binding this one hides while resolving
};

enum {
  LL_REF_READ = 1u << 0,
  LL_REF_WRITE = 1u << 1,   // `x = ...`, `[x] = ...`, `for (x of ...)`; READ too for `x += 1`
  LL_REF_TYPEOF = 1u << 2,  // the operand of `typeof`: reading an undeclared name is safe
  LL_REF_CALLEE = 1u << 3,  // `x(...)`
  LL_REF_DYNAMIC = 1u << 4, // inside `with` or next to a direct eval: the target is a guess
  LL_REF_IN_LOOP = 1u << 5, // a loop of the same function encloses the use
};

// One per identifier use: the largest part of a file's model (a 4 MB bundle has 77,000), so its
// fields are ordered to leave no padding and the name is read from `id` (ll_ref_name).
struct ll_ref {
  TSNode id;             // the identifier (or shorthand property) node
  TSNode parent;         // the nearest ancestor that is not a parenthesized expression
  TSNode grandparent;    // the same, one level further up (null at the root)
  ll_scope *from;        // the innermost scope the use occurs in
  ll_binding *target;    // NULL: unresolved, i.e. a host global such as `process`
  ll_ref *next_in_scope; // next use in `from`
  ll_ref *next_of_binding;
  uint32_t flags;    // LL_REF_*
  TSFieldId field;   // the field the use (or its parentheses) occupies in `parent`
  uint16_t name_len; // the identifier's length in bytes, or LL_REF_LONG_NAME: reading the end
                     // of `id` from the tree again costs more than the two bytes left here
};

enum { LL_REF_LONG_NAME = 0xFFFF };

typedef struct ll_byte_range {
  uint32_t start, end;
} ll_byte_range;

/**
 * A node the rules asked to see (ll_bind's `visit` filter), with where it stands: the rule
 * engine replays these instead of walking the tree a second time.
 */
typedef struct ll_visit {
  TSNode node;
  // The node's parent, in `node`'s tree (parent_id NULL at the root): tree-sitter finds a parent
  // by searching down from the root, which at every node of a deep nest, or of a file of many
  // statements, would cost time quadratic in its size. Kept without the tree pointer `node`
  // already has: visits are a large part of a file's memory.
  uint32_t parent_context[4];
  const void *parent_id;
  uint32_t scope;           // index in ll_scope_model.scopes of the innermost scope at the node
                            // (one the node itself opens included)
  TSSymbol symbol;          // the node's symbol, as the binder read it: the engine dispatches on
                            // it without reading the tree again
  uint16_t loop_depth : 15; // loops around the node (itself included) inside the current
                            // function, at most 32767 (deeper nests are only ever "in a loop")
  uint16_t leaving : 1;     // after the node's children rather than before
} ll_visit;

enum { LL_VISIT_ENTER = 1, LL_VISIT_LEAVE = 2 };

typedef struct ll_scope_model {
  ll_scope *global;  // root scope
  ll_scope *program; // the MODULE scope of an ES module; `global` for a script
  ll_scope **scopes; // every scope in pre-order (by start byte)
  uint32_t n_scopes;
  ll_ref *refs; // every reference, in source order
  uint32_t n_refs;
  bool is_module;
  ll_byte_range *errors; // ERROR subtrees, in source order: nothing inside them is analysed
  uint32_t n_errors;
  TSNode first_error; // the first ERROR or MISSING node; null when the file parsed cleanly
  struct ll_binding_table *declared; // (scope, name) -> binding, for ll_scope_lookup
  ll_visit *visits; // the nodes the `visit` filter of ll_bind asked for, in walk order
  uint32_t n_visits;
} ll_scope_model;

/** The innermost scope whose node contains `byte`. */
ll_scope *ll_scope_at(const ll_scope_model *model, uint32_t byte);

/**
 * The binding `name` resolves to when used in `scope`; NULL for an undeclared (global) name.
 * Costs one hash lookup per enclosing scope. Implicit globals are found too.
 */
ll_binding *ll_scope_lookup(const ll_scope_model *model, const ll_scope *scope, ll_str name);

/** True when `scope` is `ancestor` or lies inside it. */
bool ll_scope_is_within(const ll_scope *scope, const ll_scope *ancestor);

/**
 * True when function scope `fn` captures `binding`: some use inside `fn` (in it or in any scope
 * nested in it) resolves to `binding`, and `binding` is declared outside `fn`.
 */
bool ll_scope_captures(const ll_scope *fn, const ll_binding *binding);

/**
 * Calls `visit` once for each distinct binding that function scope `fn` captures (see
 * ll_scope_captures), in the order of their first use. Unresolved names are not captures.
 */
void ll_scope_each_capture(const ll_scope_model *model, const ll_scope *fn,
                           void (*visit)(const ll_binding *binding, const ll_ref *first_use,
                                         void *data),
                           void *data);

/** True when `byte` lies inside an ERROR subtree. */
bool ll_scope_model_in_error(const ll_scope_model *model, uint32_t byte);

/** The kind's name as the tests and messages print it: "var", "let", "param", ... */
const char *ll_binding_kind_name(ll_binding_kind kind);
const char *ll_scope_kind_name(ll_scope_kind kind);

/** The name `ref` uses: its identifier's text, a slice of `source`. */
static inline ll_str ll_ref_name(const ll_ref *ref, const ll_source *source) {
  uint32_t start = ts_node_start_byte(ref->id);
  uint32_t end =
      ref->name_len != LL_REF_LONG_NAME ? start + ref->name_len : ts_node_end_byte(ref->id);
  if (end > source->len) end = source->len;
  if (start > end) start = end;
  return (ll_str){source->text + start, end - start};
}

#endif
