// unused-disable: a `leaklint-disable` comment that suppresses nothing.
//
// Not a leak either: a directive left behind after the code it excused was fixed (or moved)
// would silently hide the next real finding on that line. The suppression pass (suppress.c)
// reports it when this rule is on (`--report-unused-disable`, or the configuration), so the rule
// has no callbacks; it is declared here for its id, documentation and SARIF descriptor.
#include "analyzer/rule.h"

static const char *const tags[] = {"analysis", "maintainability", NULL};

const ll_rule ll_rule_unused_disable = {
    .id = "unused-disable",
    .name = "UnusedDisable",
    .short_description = "A leaklint-disable directive that suppresses no finding",
    .full_description =
        "A `// leaklint-disable-next-line`, `// leaklint-disable-line` or\n"
        "`/* leaklint-disable */` comment that suppresses no finding of the rules it names\n"
        "(or of any rule, when it names none). It is stale: the code it excused has changed,\n"
        "and it would hide the next real finding there.\n\n"
        "Remove the directive, or correct the rule id. Off by default; turned on by\n"
        "`--report-unused-disable` or `\"rules\": {\"unused-disable\": \"warning\"}`.\n",
    .help_uri = LL_RULE_PAGES_URL "unused-disable.md",
    .fix = "remove the directive, or name the rule it is meant to suppress",
    .category = LL_CATEGORY_ANALYSIS,
    .default_severity = LL_WARNING,
    .precision = "very-high",
    .tags = tags,
    .off_by_default = true,
};
