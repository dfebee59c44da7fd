# A configuration that is not valid stops the run before any file is read (exit 2), with one
# error that names the file, the key and, for JSON syntax, the line and column: a misspelt key
# must never silently turn a rule off.
printf '%s\n' "$leaky_js" >leaky.js

# bad NAME EXPECTED-STDERR-LINE: leaklint.json holds stdin; the run fails with that line.
bad() {
  cat >leaklint.json
  run leaky.js
  expect_code 2 "$1"
  expect_no_stdout "$1: nothing is analysed"
  expect_line err "$2" "$1: the error"
}

bad "invalid JSON" "leaklint: error: $PWD/leaklint.json: 3:0: string or '}' expected near end of file" <<'END'
{ "rules": {
  "timer-leak": "off",
END
bad "a duplicate key" "leaklint: error: $PWD/leaklint.json: 1:36: duplicate object key near '\"rules\"'" <<'END'
{ "rules": {}, "ignore": [], "rules": {} }
END
bad "not an object" "leaklint: error: $PWD/leaklint.json: expected an object at the top level, not an array" <<'END'
["rules"]
END
bad "an unknown key" "leaklint: error: $PWD/leaklint.json: \"rule\": unknown key (did you mean \"rules\"?)" <<'END'
{ "rule": { "timer-leak": "off" } }
END
bad "an unknown rule" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leek\": unknown rule (did you mean \"timer-leak\"?); \`leaklint --list-rules\` lists them" <<'END'
{ "rules": { "timer-leek": "off" } }
END
bad "a bad severity" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leak\": expected \"off\", \"warning\" or \"error\" (or 0, 1, 2), not \"warnings\"" <<'END'
{ "rules": { "timer-leak": "warnings" } }
END
bad "a severity of the wrong type" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leak\": expected \"off\", \"warning\" or \"error\" (or 0, 1, 2), not a boolean" <<'END'
{ "rules": { "timer-leak": false } }
END
bad "a severity number out of range" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leak\": expected \"off\", \"warning\" or \"error\" (or 0, 1, 2), not 3" <<'END'
{ "rules": { "timer-leak": 3 } }
END
bad "a severity number that is not whole" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leak\": expected \"off\", \"warning\" or \"error\" (or 0, 1, 2), not a number" <<'END'
{ "rules": { "timer-leak": 1.5 } }
END
bad "an unknown option" "leaklint: error: $PWD/leaklint.json: \"rules.listener-unbalanced\": unknown option \"ignoreEvent\" (did you mean \"ignoreEvents\"?)" <<'END'
{ "rules": { "listener-unbalanced": ["warning", { "ignoreEvent": ["^error$"] }] } }
END
bad "an option of a rule that has none" "leaklint: error: $PWD/leaklint.json: \"rules.timer-leak\": unknown option \"x\": this rule has no options" <<'END'
{ "rules": { "timer-leak": ["warning", { "x": [] }] } }
END
bad "a list that is a string" "leaklint: error: $PWD/leaklint.json: \"routeMethods\": expected an array of strings, not a string" <<'END'
{ "routeMethods": "^app\\.get$" }
END
bad "a list with a number" "leaklint: error: $PWD/leaklint.json: \"ignore\": item 1: expected a string, not a number" <<'END'
{ "ignore": ["dist/", 3] }
END
bad "a pattern that does not compile" "leaklint: error: $PWD/leaklint.json: \"listenerAddMethods[1]\": pattern \`(subscribe\` does not compile at offset 10: missing closing parenthesis" <<'END'
{ "listenerAddMethods": ["\\.on$", "(subscribe"] }
END
bad "a pattern in a rule option that does not compile" "leaklint: error: $PWD/leaklint.json: \"rules.global-accumulator.ignoreNames[0]\": pattern \`[a-\` does not compile at offset 3: missing terminating ] for character class" <<'END'
{ "rules": { "global-accumulator": ["warning", { "ignoreNames": ["[a-"] }] } }
END
bad "a negated ignore" "leaklint: error: $PWD/leaklint.json: \"ignore[0]\": negated patterns (\"!...\") are not supported" <<'END'
{ "ignore": ["!src/keep.js"] }
END
bad "an unclosed class in a glob" "leaklint: error: $PWD/leaklint.json: \"ignore[0]\": \`src/[ab.js\`: unclosed \`[\` at offset 4" <<'END'
{ "ignore": ["src/[ab.js"] }
END
bad "an extension without a dot" "leaklint: error: $PWD/leaklint.json: \"extensions[0]\": \`js\` is not an extension such as \".js\"" <<'END'
{ "extensions": ["js"] }
END

# The same error for a configuration found below the directory given, before anything is read.
rm leaklint.json
mkdir sub && printf '%s\n' "$leaky_js" >sub/a.js && printf '{"rulez": {}}\n' >sub/leaklint.json
run leaky.js sub
expect_code 2 "a bad configuration found during the walk"
expect_no_stdout "a bad configuration found during the walk: no file is analysed"
expect_line err "leaklint: error: $PWD/sub/leaklint.json: \"rulez\": unknown key (did you mean \"rules\"?)" \
  "a bad configuration found during the walk is named"
