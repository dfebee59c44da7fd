# --rule ID:SEVERITY sets a rule's severity over every configuration, as ESLint's --rule does:
# repeatable (the last one wins), with ESLint's spellings too; a misspelt id or severity is a
# usage error naming it, with the nearest id.
printf '%s\n' "$leaky_js" >leaky.js
run --rule implicit-global:off leaky.js
expect_code 0 "--rule ID:off"
expect_no_stdout "--rule ID:off turns the rule off"
run --rule implicit-global:warning leaky.js
expect_code 0 "--rule ID:warning"
expect_match out '^leaky.js:1:16: warning: `leaked` is assigned' "--rule ID:warning makes its findings warnings"
run --rule implicit-global:off --rule implicit-global:2 leaky.js
expect_code 1 "--rule twice: the last one wins"
printf '{"rules": {"implicit-global": "off"}}\n' >leaklint.json
run --rule implicit-global:warn leaky.js
expect_code 0 "--rule over the configuration file"
expect_match out '^leaky.js:1:16: warning: ' "--rule has the last word over leaklint.json"
run --print-config leaky.js --rule implicit-global:error
expect_match out '"implicit-global": "error"' "--print-config shows the severity --rule set"
rm leaklint.json
run --rule implicit-globl:off leaky.js
expect_code 2 "--rule with a misspelt id"
expect_line err "leaklint: error: --rule: 'implicit-globl' is not a rule (did you mean \"implicit-global\"?); \`leaklint --list-rules\` lists them" \
  "--rule with a misspelt id names the nearest"
run --rule implicit-global:loud leaky.js
expect_code 2 "--rule with an unknown severity"
expect_line err "leaklint: error: --rule: 'loud' is not a severity (off, warning or error)" "--rule names the bad severity"
run --rule implicit-global leaky.js
expect_code 2 "--rule without a severity"
