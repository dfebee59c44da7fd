#!/usr/bin/env bash
# run_case.sh LEAKLINT CASE: one bad-input case. Each runs leaklint on the bad file together with
# a good file that has one finding, and checks the exit code, the message on stderr naming the
# bad file, and that the good file is still reported. Prints `N passed, N failed`.
set -u
leaklint=$1 case=$2 shim=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1" >&2; fi; }
# One implicit global in a route handler: a high-confidence finding, an error.
printf "function f() { leaked = 1; }\napp.get('/', f);\n" >good.js
# run BAD [OPTIONS...]: leaklint OPTIONS BAD good.js; keeps out, err and code.
run() {
  local bad=$1
  shift
  timeout "${limit:-60}" "$leaklint" -j 2 "$@" "$bad" good.js >out 2>err
  code=$?
}
good_reported() { grep -q '^good.js:1:16: error: .*\[implicit-global\]$' out; }
# found PATTERN: a finding line matches the extended regular expression; the bad files' globals
# are in functions nothing visibly calls, so their level (error or warning) is not checked.
found() { grep -Eq -- "$1" out; }

case "$case" in
  deleted-after-walk)
    # The walk finds gone.js (given, and inside a directory); the shim deletes it as leaklint
    # opens it. verify_asan_link_order: in the sanitizer build the shim is preloaded before ASan.
    printf 'function g() { lost = 1; }\n' >gone.js
    mkdir dir && cp gone.js good.js dir/
    export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
    LD_PRELOAD=$shim LEAKLINT_TEST_UNLINK_ON_OPEN=gone.js run gone.js
    check "a file deleted before it is read exits 2" '[ $code -eq 2 ]'
    check "it is named, with the reason" 'grep -q "^leaklint: error: gone.js: cannot open: No such file or directory$" err'
    check "nothing else is wrong" '[ "$(grep -c "^leaklint: error" err)" -eq 1 ]'
    check "good.js is reported" good_reported
    LD_PRELOAD=$shim LEAKLINT_TEST_UNLINK_ON_OPEN=dir/gone.js run dir
    check "found by the directory walk: exit 2" '[ $code -eq 2 ]'
    check "it is named" 'grep -q "^leaklint: error: dir/gone.js: cannot open: No such file or directory$" err'
    check "the rest of the directory is reported" 'found "^dir/good.js:1:16: (error|warning): .*\[implicit-global\]$"'
    ;;
  empty)
    : >empty.js
    run empty.js
    check "an empty file is fine: exit 1 for good.js's finding only" '[ $code -eq 1 ] && ! grep -q empty.js out err'
    check "good.js is reported" good_reported
    ;;
  binary)
    printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01' >image.js
    run image.js
    check "a binary file exits 2" '[ $code -eq 2 ]'
    check "it is named, with the reason" 'grep -q "^leaklint: error: image.js: not a text file (NUL byte at offset 8); file skipped$" err'
    check "good.js is reported" good_reported
    ;;
  nul-bytes)
    printf 'const a = 1;\n\0\nfunction g() { x = 2; }\n' >nul.js
    run nul.js
    check "NUL bytes in a JS file exit 2" '[ $code -eq 2 ]'
    check "it is named" 'grep -q "^leaklint: error: nul.js: not a text file (NUL byte at offset 13); file skipped$" err'
    check "good.js is reported" good_reported
    ;;
  invalid-utf8)
    printf 'const s = "\xff\xfe";\nfunction h() { bad = s; }\n' >latin.js
    run latin.js
    check "invalid UTF-8 is analysed: exit 1, no error" '[ $code -eq 1 ] && ! grep -q "leaklint: error" err'
    check "its finding has the right line and column" 'found "^latin.js:2:16: (error|warning): .*\[implicit-global\]$"'
    run latin.js -f sarif
    check "SARIF stays valid JSON" 'node -e "JSON.parse(require(\"fs\").readFileSync(\"out\",\"utf8\"))"'
    check "good.js is reported" 'grep -q good.js out'
    ;;
  bom)
    printf '\xef\xbb\xbffunction b() { withBom = 1; }\n' >bom.js
    run bom.js
    check "a BOM does not count as a column" 'found "^bom.js:1:16: (error|warning): .*\[implicit-global\]$"'
    check "good.js is reported" good_reported
    ;;
  line-endings)
    printf 'const a = 1;\r\n\r\nfunction c() {\r\n  crlf = 1;\r\n}\r\n' >crlf.js
    printf 'const a = 1;\r\rfunction d() {\r  lonecr = 1;\r}\r' >cr.js
    run crlf.js cr.js
    check "CRLF: line 4" 'found "^crlf.js:4:3: (error|warning): .*\[implicit-global\]$"'
    check "lone CR: line 4" 'found "^cr.js:4:3: (error|warning): .*\[implicit-global\]$"'
    check "good.js is reported" good_reported
    ;;
  too-large)
    head -c 100000000 /dev/zero | tr '\0' ' ' >huge.js
    run huge.js
    check "a 100 MB file exits 2" '[ $code -eq 2 ]'
    check "refused as too large, naming the limit" 'grep -q "^leaklint: error: huge.js: file too large (100000000 bytes, --max-file-size is 16777216)$" err'
    check "good.js is reported" good_reported
    # Analysing 100 MB takes about 5 s in a release build, ten times that under the sanitizers
    # on a busy machine: the limit is for hangs, not for speed.
    limit=600 run huge.js --max-file-size 200M
    check "--max-file-size raises the limit: analysed" '[ $code -eq 1 ] && ! grep -q huge.js err'
    ;;
  deep-nesting)
    { printf 'x = '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf ';\n'; } >brackets.js
    { for i in $(seq 1 20000); do printf 'function f%d() {' "$i"; done; printf 'deep = 1;'; head -c 20000 /dev/zero | tr '\0' '}'; printf '\n'; } >functions.js
    { printf 'var g = '; for i in $(seq 1 50000); do printf '() => '; done; printf 'arrowDeep = 1;\n'; } >arrows.js
    run brackets.js functions.js arrows.js
    check "100,000 nested brackets, 20,000 nested functions, 50,000 nested arrows: no crash" '[ $code -eq 1 ]'
    check "the innermost function's global is found" 'found "^functions.js:1:[0-9]*: (error|warning): .deep. is assigned"'
    check "good.js is reported" good_reported
    ;;
  long-line)
    { printf 'const data = "'; head -c 1000000 /dev/zero | tr '\0' 'a'; printf '"; function l() { far = data; }\n'; } >long.js
    run long.js
    # `const data = "` (14) + 1,000,000 + `"; function l() { ` (18): `far` is at column 1,000,033.
    check "a 1-million-character line: the column is exact" 'found "^long.js:1:1000033: (error|warning): .*\[implicit-global\]$"'
    check "good.js is reported" good_reported
    ;;
  catastrophic-pattern)
    # `^(a+)+$` backtracks exponentially on a run of a's that ends in another letter: PCRE2's
    # match limit stops it, the run names the configuration, the key, the pattern and the file,
    # the pattern is dropped for the rest of the run, and the other files are still analysed.
    printf '{"routeMethods": ["^(a+)+$", "^mux\\\\.handle$"]}\n' >leaklint.json
    { printf 'module.exports = () => '; head -c 40 /dev/zero | tr '\0' 'a'; printf 'b(() => 1);\n'; } >slow.js
    cp slow.js slow2.js
    started=$(date +%s)
    run slow.js slow2.js
    check "a pattern that hits the match limit exits 2" '[ $code -eq 2 ]'
    check "it is named with the configuration, the key and the file" \
      'grep -q "^leaklint: error: $PWD/leaklint.json: \"routeMethods\[0\]\": pattern \`^(a+)+\$\` hit the match limit (catastrophic backtracking) on \`a*b\` (in slow2\{0,1\}.js); the pattern is disabled for the rest of the run$" err'
    check "once: the pattern is disabled after it failed" '[ "$(grep -c "hit the match limit" err)" -eq 1 ]'
    check "the run does not hang (under 10 s)" '[ $(($(date +%s) - started)) -lt 10 ]'
    check "good.js is reported" good_reported
    ;;
  *)
    echo "unknown case $case" >&2
    exit 2
    ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
