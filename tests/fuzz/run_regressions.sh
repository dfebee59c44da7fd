#!/usr/bin/env bash
# run_regressions.sh LEAKLINT DIR: runs LEAKLINT on each file of DIR in the text, JSON and SARIF
# formats and checks that it exits 0, 1 or 2 within 60 seconds, with no signal and no sanitizer
# report. Sanitizers are told to exit 86 so that their reports cannot pass for exit code 1.
# Prints `N passed, N failed`.
set -u
leaklint=$1 dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for var in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
  export "$var=${!var:+${!var}:}exitcode=86"
done
passed=0 failed=0
shopt -s nullglob
files=("$dir"/*)
if [ ${#files[@]} -eq 0 ]; then
  echo "FAIL: no inputs in $dir" >&2
  exit 1
fi
for file in "${files[@]}"; do
  for format in text json sarif; do
    timeout 60 "$leaklint" -f "$format" -o "$work/out" "$file" 2>"$work/err"
    code=$?
    if [ $code -le 2 ] && ! grep -q -e 'Sanitizer' -e 'runtime error:' "$work/err"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAIL: $file -f $format: exit code $code" >&2
      head -c 4000 "$work/err" >&2
    fi
  done
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
