# --explain RULE prints the rule's page (rules/RULE.md, built into the binary) byte for byte and
# exits 0, for every rule --list-rules lists; an id that is no rule's exits 2 with an error on
# stderr naming the nearest id, and prints nothing on stdout.
"$leaklint" --list-rules | cut -d' ' -f1 >ids
expect "--list-rules lists rules" [ -s ids ]
while read -r id; do
  run --explain "$id"
  expect_code 0 "--explain $id"
  expect_no_stderr "--explain $id"
  expect_same "$root/rules/$id.md" out "--explain $id prints rules/$id.md"
done <ids
run --explain resorce-leak
expect_code 2 "--explain of a misspelt id"
expect_no_stdout "--explain of a misspelt id"
expect_stderr "--explain of a misspelt id" <<'TEXT'
leaklint: --explain: 'resorce-leak' is not a rule (did you mean "resource-leak"?); `leaklint --list-rules` lists them
TEXT
run --explain no-such-thing-at-all
expect_code 2 "--explain of an unknown id"
expect_match err "^leaklint: --explain: 'no-such-thing-at-all' is not a rule; " "no suggestion far from every id"
run --explain
expect_code 2 "--explain without a rule id"
