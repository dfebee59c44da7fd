# --list-rules prints one line per rule: id, default severity, category, summary; every rule in
# rules/ is there, implicit-global and syntax-error as errors, resource-leak in its own category.
run --list-rules
expect_code 0 "--list-rules"
expect_no_stderr "--list-rules"
expect_match out '^implicit-global +error +globals +[A-Z]' "--list-rules lists implicit-global as an error"
expect_match out '^syntax-error +error +analysis +[A-Z]' "--list-rules lists syntax-error as an error"
expect_match out '^resource-leak +error +resources +[A-Z]' "--list-rules lists resource-leak under resources"
expect "no rule but resource-leak is in the resources category" \
  [ "$(grep -cE '^[a-z-]+ +[a-z]+ +resources ' out)" = 1 ]
expect_no_match out '^$' "--list-rules prints no empty line"
rules=$(sed -nE 's/^ *\.id = "([a-z-]+)",.*/\1/p' "$root"/rules/*.c | sort)
expect "the rule ids are found in rules/" [ -n "$rules" ]
printf '%s\n' "$rules" >ids-in-rules-dir
cut -d' ' -f1 out >ids-listed
expect_same ids-in-rules-dir ids-listed "--list-rules lists the rules of rules/, by id"
