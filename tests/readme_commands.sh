#!/usr/bin/env bash
# readme_commands.sh ROOT: the README's Quick start has exactly two commands, the first runs
# leaklint on the bundled example and the second runs ctest, and .ci/run runs the second one
# verbatim.
set -u
root=$1
block=$(awk '/^## Quick start/{q=1} q&&/^```sh/{c=1;next} c&&/^```/{exit} c' "$root/README.md")
lines=$(printf '%s\n' "$block" | grep -c .)
first=$(printf '%s\n' "$block" | sed -n 1p)
second=$(printf '%s\n' "$block" | sed -n 2p)
failed=0
check() { if eval "$2"; then :; else echo "FAIL: $1" >&2; failed=$((failed + 1)); fi; }
check "the Quick start block has exactly two commands (has $lines)" '[ "$lines" -eq 2 ]'
check "the first command runs leaklint on tests/example-app" '[[ "$first" == *"leaklint tests/example-app"* ]]'
check "the second command runs ctest" '[[ "$second" == *"ctest --test-dir build"* ]]'
check ".ci/run ends with the second command, verbatim" '[ "$(tail -n 1 "$root/.ci/run")" = "$second" ]'
check "the example app exists" '[ -d "$root/tests/example-app" ]'
echo "$((5 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
