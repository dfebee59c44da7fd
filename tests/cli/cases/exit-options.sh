# --max-warnings N fails past N warnings (errors always fail; without it warnings never fail);
# --quiet reports errors only.
cat >two.js <<'END'
function f() { a = 1; }
function g() { b = 2; }
END
printf '%s\n' "$broken_js" >broken.js
# implicit-global is an error by default; these cases need warnings.
printf '{"rules": {"implicit-global": "warning"}}\n' >leaklint.json
run two.js
expect_code 0 "2 warnings without --max-warnings"
run --max-warnings 2 two.js
expect_code 0 "--max-warnings 2 with 2 warnings"
expect "--max-warnings still reports the warnings" test "$(wc -l <out)" -eq 2
run --max-warnings 1 two.js
expect_code 1 "--max-warnings 1 with 2 warnings"
run --max-warnings 0 two.js
expect_code 1 "--max-warnings 0 with warnings"
run --max-warnings 5 broken.js two.js
expect_code 1 "--max-warnings does not excuse errors"
run --max-warnings -1 two.js
expect_code 2 "--max-warnings -1 is a usage error"
run --quiet two.js
expect_code 0 "--quiet: warnings are neither shown nor counted"
expect_no_stdout "--quiet: no warnings shown"
run --quiet broken.js two.js
expect_code 1 "--quiet with an error"
expect_stdout "--quiet shows the errors" <<'END'
broken.js:1:1: error: syntax error: unexpected `function broken( {` [syntax-error]
END
run --color sometimes two.js
expect_code 2 "--color with a bad value"
