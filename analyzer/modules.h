// Module specifiers: which module a `require`, an `import` or the code a compiler writes for
// them loads. Both the project view (calls between the run's own files, `./daemon`) and the
// resource fact (`pg`, `mysql2/promise`) recognise what a name holds by the module it comes from,
// and both meet the same spellings: hand-written, and TypeScript's or Babel's output.
#ifndef LEAKLINT_MODULES_H
#define LEAKLINT_MODULES_H

#include <stdbool.h>

#include <tree_sitter/api.h>

#include "analyzer/source.h"

/**
 * The specifier of the string literal `literal` (`'./daemon'`, `"node:fs"`), without its quotes
 * and without a `node:` prefix; false for anything but a string.
 */
bool ll_module_specifier(const ll_source *source, TSNode literal, ll_str *out);

/**
 * The module that the expression `node` loads, when it is one of: `require('x')`, `import('x')`,
 * either awaited, wrapped in a compiler's interop helper (`__importDefault(...)`,
 * `__importStar(...)`, `_interopRequireDefault(...)`, `_interopRequireWildcard(...)`, also as
 * `tslib_1.__importDefault`), or TypeScript's dynamic import, `Promise.resolve().then(() =>
 * require('x'))`. `*out` gets the specifier as ll_module_specifier gives it.
 */
bool ll_module_required(const ll_source *source, TSNode node, ll_str *out);

/**
 * The module of the import statement that declares `decl` (the identifier of an import
 * binding: `Redis` in `import Redis from 'ioredis'`), as ll_module_specifier gives it.
 */
bool ll_module_imported(const ll_source *source, TSNode decl, ll_str *out);

#endif
