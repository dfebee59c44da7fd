#!/usr/bin/env bash
# run.sh SOURCE_ROOT TARBALL_DIR LEAKLINT: the pre-commit hook from a user's side. A temporary project
# stages files and runs `pre-commit try-repo SOURCE_ROOT leaklint`, which clones this repository
# (its uncommitted changes to tracked files included), builds leaklint in the clone and runs it
# on the staged JavaScript; then, as a project that adopted the hook, a .pre-commit-config.yaml
# naming this repository at its HEAD commit and `pre-commit run`. Checks what a user sees: a leak
# fails the commit with the finding, other file types are not passed to leaklint, and clean
# staged files pass.
set -u
src=$1 tarballs=$2 leaklint=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" LEAKLINT_TARBALL_DIR="$tarballs"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
unset LEAKLINT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1" >&2; sed 's/^/    /' out >&2; fi; }
# try WHAT COMMAND...: runs the pre-commit COMMAND in the project on what is staged; keeps the
# output in out and the status in $code.
try() {
  local what=$1 started=$SECONDS
  shift
  (cd "$work/project" && timeout 800 pre-commit "$@") >out 2>&1
  code=$?
  echo "precommit: $what: exit $code in $((SECONDS - started)) s"
}

mkdir "$work/project"
cd "$work/project" || exit 2
git init -q . && git config user.email test@example.com && git config user.name test
mkdir src
cat >src/server.js <<'END'
const express = require('express');
const app = express();
app.get('/stream', (req, res) => {
  setInterval(() => res.write('tick'), 1000);
});
module.exports = app;
END
git add src/server.js
cd "$work" || exit 2

try "try-repo, a staged leak (builds leaklint)" try-repo "$src" leaklint
check "a staged leak fails the hook" '[ $code -ne 0 ]'
check "the finding is shown, gcc-style, with its rule id" \
  'grep -q "^src/server.js:4:3: error: setInterval is started inside a handler registered with app.get at line 3.*\[timer-leak\]$" out'
check "the hook is named as failed" 'grep -q "^leaklint\.*Failed$" out'

cd project || exit 2
git commit -qm "first" --no-verify
cat >.pre-commit-config.yaml <<END
repos:
  - repo: $src
    rev: $(git -C "$src" rev-parse HEAD)
    hooks:
      - id: leaklint
END
git add .pre-commit-config.yaml
printf 'export const add = (a, b) => a + b;\n' >src/clean.mjs
printf 'const bus = require("./bus");\nrequire("express")().get("/w", (req, res) => { bus.on("x", (m) => res.write(m)); });\n' >src/legacy.cjs
printf 'function f() { leaked = 1; }\n' >notes.txt
printf 'export function Widget() { return <div onClick={() => 1}>x</div>; }\n' >src/widget.jsx
git add src/clean.mjs src/legacy.cjs notes.txt src/widget.jsx
cd "$work" || exit 2
try "run, staged .mjs, .cjs, .jsx and .txt (builds leaklint)" run
check ".cjs files are analysed" 'grep -q "^src/legacy.cjs:2:48: error: .*\[listener-unbalanced\]$" out'
check "only JavaScript and JSX files are passed (not notes.txt)" '! grep -q "notes.txt" out'
check "a leak in a .cjs fails the hook" '[ $code -ne 0 ]'

cd project || exit 2
git reset -q src/legacy.cjs
cd "$work" || exit 2
try "run, staged clean .mjs and .jsx" run
check "clean staged files pass" '[ $code -eq 0 ]'
check "the hook is named as passed" 'grep -q "^leaklint\.*Passed$" out'

# The README's local hook, as written, with leaklint installed on the PATH.
cd project || exit 2
awk '/^### pre-commit/{p=1} p&&/^```yaml/{c=1;next} c&&/^```/{exit} c' "$src/README.md" \
  >.pre-commit-config.yaml
git add .pre-commit-config.yaml src/legacy.cjs
cd "$work" || exit 2
mkdir -p "$work/bin" && cp "$leaklint" "$work/bin/leaklint"
PATH="$work/bin:$PATH" try "the README's local hook, a staged leak" run
check "the README's local hook is a local one" 'grep -q "repo: local" project/.pre-commit-config.yaml'
check "the README's local hook fails on a staged leak" '[ $code -ne 0 ]'
check "the README's local hook shows the finding" \
  'grep -q "^src/legacy.cjs:2:48: error: .*\[listener-unbalanced\]$" out'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
