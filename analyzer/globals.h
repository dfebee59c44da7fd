// The names a JavaScript host already defines: ECMAScript built-ins, Node.js and browser globals.
#ifndef LEAKLINT_GLOBALS_H
#define LEAKLINT_GLOBALS_H

#include <stdbool.h>

#include "analyzer/source.h"

/** True when `name` is a global the host provides (`process`, `window`, `Map`, `onload`...). */
bool ll_globals_is_host(ll_str name);

#endif
