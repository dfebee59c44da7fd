# --stdin reads the source from standard input; --stdin-filename names it in the report and
# picks its configuration (and its ignore patterns), as editors need.
printf '%s\n' "$leaky_js" >leaky.js
mkdir -p src gen
printf '{"rules": {"implicit-global": "error"}, "ignore": ["gen/"]}\n' >leaklint.json

timeout 20 "$leaklint" --stdin --stdin-filename src/unsaved.js <leaky.js >out 2>err
code=$?
expect_code 1 "--stdin with findings"
expect_stdout "--stdin-filename names the file and its configuration applies" <<'END'
src/unsaved.js:1:16: error: `leaked` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var [implicit-global]
END

timeout 20 "$leaklint" --stdin --stdin-filename gen/out.js <leaky.js >out 2>err
code=$?
expect_code 0 "--stdin-filename of an ignored path"
expect_no_stdout "--stdin-filename of an ignored path: nothing reported"

timeout 20 "$leaklint" --stdin --no-config <leaky.js >out 2>err
code=$?
expect_code 1 "--stdin without a name"
expect_stdout "--stdin without a name is <stdin>" <<END
$(ig '<stdin>' 1 16 leaked)
END

printf 'const s = "use strict"; x = 1;' | timeout 20 "$leaklint" --stdin --stdin-filename m.mjs -f json >out 2>err
code=$?
expect_code 0 "--stdin-filename's extension decides module or script (.mjs: strict, no implicit global)"

head -c 2000 /dev/zero | timeout 20 "$leaklint" --stdin >out 2>err
code=$?
expect_code 2 "binary data on stdin"
expect_line err "leaklint: error: <stdin>: not a text file (NUL byte at offset 0); file skipped" \
  "binary data on stdin is named"

run --stdin leaky.js
expect_code 2 "--stdin with a PATH"
run --stdin-filename a.js leaky.js
expect_code 2 "--stdin-filename without --stdin"
