# --help has a line for every option the binary accepts: the options are read from the option
# table and the getopt string in analyzer/cli.c, so an option added without help text fails here.
cli_c=$root/analyzer/cli.c
long_options=$(sed -n '/long_options\[\] = {/,/^};/p' "$cli_c" |
  sed -nE 's/^ *\{"([a-z0-9-]+)", *(no|required|optional)_argument.*/\1/p')
short_options=$(sed -nE 's/.*getopt_long\([^"]*"([^"]*)".*/\1/p' "$cli_c" | tr -d ':')
expect "the option table is found in cli.c" [ "$(printf '%s\n' "$long_options" | wc -w)" -ge 5 ]
expect "the getopt string is found in cli.c" [ -n "$short_options" ]

run -h
expect_code 0 "-h"
cp out short-help
run --help
expect_code 0 "--help"
expect_no_stderr "--help"
expect_same short-help out "-h and --help print the same"
expect "--help starts with the usage" [ "$(head -n 1 out)" = "usage: leaklint [OPTIONS] [PATH...]" ]

for option in $long_options; do
  expect_match out "^ +(-[a-zA-Z], )?--$option( |$)" "--help has a line for --$option"
done
for letter in $(printf '%s\n' "$short_options" | grep -o .); do
  expect_match out "^ +-$letter, --[a-z-]+" "--help has a line for -$letter"
done
# And it offers no option that the table does not have.
for option in $(grep -oE -- '(^| )--[a-z0-9-]+' out | tr -d ' ' | sort -u); do
  if printf '%s\n' $long_options | grep -qxF -- "${option#--}"; then pass; else
    fail "--help mentions $option, which the option table does not have"
  fi
done
# The README's option table documents every option too.
for option in $long_options; do
  if grep -qE -- "^\| \`(-[a-zA-Z]\`, \`)?--$option( [A-Z:]+)?\` \|" "$root/README.md"; then pass; else
    fail "the README's option table has no row for --$option"
  fi
done
