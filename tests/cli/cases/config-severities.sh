# Severities as ESLint users write them: "warn" for "warning", and 0 (off), 1 (warning) and
# 2 (error), alone or as the first item of [severity, options]; --print-config shows leaklint's
# names. The JSON Schema accepts the same (config-schema.sh).
printf '%s\n' "$leaky_js" >leaky.js
# severity_is CONFIG-VALUE LEVEL: with "implicit-global": CONFIG-VALUE, the finding is LEVEL.
severity_is() {
  printf '{"rules": {"implicit-global": %s}}\n' "$1" >leaklint.json
  run leaky.js
  if [ "$2" = off ]; then
    expect_no_stdout "$1 turns the rule off"
  else
    expect_match out "^leaky\.js:1:16: $2: .*\[implicit-global\]$" "$1 is $2"
  fi
  run --print-config leaky.js
  expect_match out "^    \"implicit-global\": \"$2\",$" "--print-config shows $1 as \"$2\""
}
severity_is '"warn"' warning
severity_is '0' off
severity_is '1' warning
severity_is '2' error
severity_is '["warn"]' warning
printf '{"rules": {"listener-unbalanced": [1, {"ignoreEvents": ["^x$"]}]}}\n' >leaklint.json
run --print-config leaky.js
expect_code 0 "a number with options"
expect_match out '^      "warning",$' "a number with options: shown as \"warning\""
