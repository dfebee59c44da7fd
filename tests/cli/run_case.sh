#!/usr/bin/env bash
# run_case.sh LEAKLINT SOURCE_ROOT CASE: one command-line behaviour test, run on the real binary
# in a fresh temporary directory. Prints `N passed, N failed`.
set -u
leaklint=$1 root=$2 case=$3
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
# run ARGS...: runs leaklint, keeping stdout, stderr and the exit code in out, err, code.
run() { "$leaklint" "$@" >out 2>err; code=$?; }

leaky='function f() { leaked = 1; }
module.exports = f;'
clean='module.exports = function f(a) { return a + 1; };'

case "$case" in
  exit-codes)
    printf '%s\n' "$clean" >clean.js
    printf '%s\n' "$leaky" >leaky.js
    printf 'function broken( {\n' >broken.js
    run clean.js
    check "a clean file exits 0" '[ $code -eq 0 ] && [ ! -s out ]'
    run leaky.js
    check "findings exit 1" '[ $code -eq 1 ] && grep -q "^leaky.js:1:16: warning: .*\[implicit-global\]$" out'
    run broken.js
    check "a syntax error exits 1" '[ $code -eq 1 ] && grep -q "^broken.js:1:1: error: syntax error: .*\[syntax-error\]$" out'
    run --bogus clean.js
    check "an unknown option exits 2 and is named" '[ $code -eq 2 ] && grep -q "unknown option .--bogus." err && [ ! -s out ]'
    run --format xml clean.js
    check "an unknown format exits 2 and is named" '[ $code -eq 2 ] && grep -q "unknown format .xml." err'
    run --jobs 0 clean.js
    check "a bad --jobs exits 2" '[ $code -eq 2 ] && grep -q -- "--jobs" err'
    run missing.js leaky.js
    check "a missing path exits 2, named on stderr" '[ $code -eq 2 ] && grep -q "^leaklint: error: missing.js: no such file or directory$" err'
    check "the other files are still reported" 'grep -q "^leaky.js:1:16:" out'
    ;;
  unreadable)
    printf '%s\n' "$leaky" >leaky.js
    printf '%s\n' "$clean" >secret.js
    chmod 000 secret.js
    if [ "$(id -u)" -eq 0 ]; then
      # root reads anything: drop to an unprivileged user for this case.
      command -v setpriv >/dev/null || { echo "FAIL: running as root without setpriv" >&2; exit 1; }
      as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    else
      as_user() { "$@"; }
    fi
    as_user "$leaklint" secret.js leaky.js >out 2>err
    code=$?
    check "an unreadable file exits 2" '[ $code -eq 2 ]'
    check "stderr names the file and the reason" 'grep -q "^leaklint: error: secret.js: cannot open: Permission denied$" err'
    check "the other file is still analysed" 'grep -q "^leaky.js:1:16:" out'
    mkdir -p dir/inner && printf '%s\n' "$leaky" >dir/inner/a.js && chmod 000 dir/inner
    as_user "$leaklint" dir leaky.js >out 2>err
    code=$?
    check "an unreadable directory exits 2 and is named" '[ $code -eq 2 ] && grep -q "dir/inner: cannot read directory" err'
    chmod 755 dir/inner
    ;;
  ordering)
    mkdir -p a/z b
    for f in b/two.js a/z/three.js a/one.js; do printf '%s\nfunction g() { other = 2; }\n' "$leaky" >"$f"; done
    run .
    cp out first
    rm -rf a b
    mkdir -p b a/z
    for f in a/one.js a/z/three.js b/two.js; do printf '%s\nfunction g() { other = 2; }\n' "$leaky" >"$f"; done
    run -j 1 .
    check "the same files created in another order give the same output" 'cmp -s first out'
    run -j 4 b a
    check "any thread count and argument order give the same output" 'cmp -s first out'
    check "output is sorted by path, then line" '[ "$(cut -d: -f1,2 out | tr "\n" " ")" = "a/one.js:1 a/one.js:3 a/z/three.js:1 a/z/three.js:3 b/two.js:1 b/two.js:3 " ]'
    check "paths under the default . have no ./ prefix" '! grep -q "^\./" out'
    ;;
  walk)
    mkdir -p src/deep/er node_modules/pkg .git .hidden vendor
    for f in src/a.js src/b.mjs src/c.cjs src/d.jsx src/deep/er/e.js node_modules/pkg/x.js .git/y.js .hidden/z.js vendor/v.js; do
      printf 'function f() { leaked = 1; }\nf();\n' >"$f"
    done
    printf 'function f() { leaked = 1; }\nf();\n' >src/notes.txt
    printf 'function f() { leaked = 1; }\nf();\n' >script.node
    # .mjs and .jsx with import/export would be modules; these are plain scripts except .mjs.
    run .
    check "every JavaScript extension is found, recursively" 'grep -q "^src/a.js:" out && grep -q "^src/c.cjs:" out && grep -q "^src/d.jsx:" out && grep -q "^src/deep/er/e.js:" out && grep -q "^vendor/v.js:" out'
    check ".mjs is a module: strict, no implicit global" '! grep -q "^src/b.mjs:" out'
    check "node_modules, .git and hidden directories are skipped" '! grep -Eq "node_modules|\.git/|\.hidden" out'
    check "other extensions are skipped in a walk" '! grep -q "notes.txt" out'
    run script.node
    check "a file named explicitly is analysed whatever its extension" '[ $code -eq 1 ] && grep -q "^script.node:1:" out'
    ln -s .. src/deep/loop
    timeout 10 "$leaklint" src >out 2>err
    check "a directory symlink loop does not hang" '[ $? -eq 1 ]'
    ;;
  fifo)
    mkfifo pipe.js
    printf '%s\n' "$leaky" >leaky.js
    timeout 10 "$leaklint" pipe.js leaky.js >out 2>err
    code=$?
    check "a FIFO does not hang and exits 2" '[ $code -eq 2 ]'
    check "the FIFO is named" 'grep -q "^leaklint: error: pipe.js: not a regular file; skipped$" err'
    check "the other file is still analysed" 'grep -q "^leaky.js:1:16:" out'
    ;;
  help-version-rules)
    run --help
    check "--help exits 0" '[ $code -eq 0 ]'
    # Every long option in the option table has a line in --help.
    options=$(grep -oE '^\s*\{"[a-z-]+", (no|required)_argument' "$root/analyzer/cli.c" | grep -oE '"[a-z-]+"' | tr -d '"')
    check "the option table is found" '[ -n "$options" ]'
    for option in $options; do
      check "--help mentions --$option" 'grep -q -- "--$option" out'
    done
    run --version
    check "--version prints the version" '[ $code -eq 0 ] && grep -Eq "^leaklint [0-9]+\.[0-9]+\.[0-9]+ " out'
    run --list-rules
    for rule in closure-in-loop closure-in-route global-accumulator implicit-global listener-unbalanced syntax-error timer-leak; do
      check "--list-rules lists $rule" 'grep -Eq "^$rule +(warning|error) +[A-Z]" out'
    done
    ;;
  text-stdout)
    printf '%s\n' "$leaky" >leaky.js
    run leaky.js
    check "stdout holds only finding lines" '! grep -Ev "^[^:]+:[0-9]+:[0-9]+: (warning|error): .* \[[a-z-]+\]$" out'
    check "stderr holds the one-line summary" '[ "$(cat err)" = "leaklint: 1 finding (0 errors, 1 warning) in 1 of 1 file" ]'
    run --stats leaky.js
    check "--stats prints phases and counts to stderr" 'grep -Eq "^leaklint: stats: files=1 lines=2 bytes=[0-9]+ read=.* parse=.* scopes=.* rules=.* report=.*" err'
    ;;
  out-of-memory)
    # Deep nesting makes the parser allocate; under a small address-space limit that fails.
    # A sanitizer build reserves more address space than the limit allows: it is checked by
    # the release build only.
    if ldd "$leaklint" 2>/dev/null | grep -q libasan; then
      echo "out-of-memory is checked by the release build (sanitizer build detected)"
      echo "0 passed, 0 failed"
      exit 0
    fi
    head -c 300000 /dev/zero | tr '\0' '[' >deep.js
    printf '%s\n' "$leaky" >leaky.js
    (ulimit -v 60000 && exec "$leaklint" -j 1 deep.js leaky.js) >out 2>err
    code=$?
    check "running out of memory exits 2" '[ $code -eq 2 ]'
    check "and says so on stderr" 'grep -q "^leaklint: fatal: out of memory" err'
    ;;
  example-app)
    run "$root/tests/example-app"
    check "the example app has findings" '[ $code -eq 1 ]'
    for rule in implicit-global global-accumulator listener-unbalanced timer-leak; do
      check "the example app shows $rule" 'grep -q "\[$rule\]$" out'
    done
    ;;
  *)
    echo "unknown case $case" >&2
    exit 2
    ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
