// syntax-error: the file does not parse as JavaScript (with JSX).
//
// Not a leak, but a file that does not parse is a file whose leaks cannot be found: the code
// inside the broken part is not analysed. The engine reports it once per file, at the first
// ERROR or MISSING node, so this rule has no callbacks of its own; it is declared here so that it
// has an id, documentation and a SARIF descriptor like every other rule.
#include "analyzer/rule.h"

static const char *const tags[] = {"analysis", "correctness", NULL};

const ll_rule ll_rule_syntax_error = {
    .id = "syntax-error",
    .name = "SyntaxError",
    .short_description = "The file does not parse, so the code in the broken part is not analysed",
    .full_description =
        "leaklint parses every file with tree-sitter's JavaScript grammar (JSX included). When a\n"
        "file does not parse, leaklint reports the first error once, analyses the rest of the\n"
        "file, and reports nothing from inside the broken part.\n\n"
        "Fix the syntax error, or exclude generated and non-JavaScript files from the run.\n",
    .help_uri = LL_RULE_PAGES_URL "syntax-error.md",
    .fix = "fix the syntax, so that the whole file is analysed",
    .category = LL_CATEGORY_ANALYSIS,
    .default_severity = LL_ERROR,
    .precision = "very-high",
    .tags = tags,
};
