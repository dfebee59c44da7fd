#!/usr/bin/env bash
# Leak fixes from public repositories (issue 15): each case is an excerpt of a file before and
# after a real commit that fixed a set-up/teardown leak, with a CASE file naming the rule that
# should report the before. A case under leak-fixes/ passes when leaklint reports that rule on
# before.* and not on after.*. Cases under missed/ are leaks leaklint does not catch yet: they
# never fail the run; they are reported as 'missed NAME' (or 'now caught NAME' once they are).
# usage: run.sh LEAKLINT_BINARY
set -u
if [ $# -ne 1 ]; then
  echo "usage: $0 LEAKLINT_BINARY" >&2
  exit 2
fi
leaklint=$1
here=$(cd "$(dirname "$0")" && pwd)

# rule_count FILE RULE: how many findings of RULE leaklint reports on FILE
rule_count() {
  local out status
  out=$("$leaklint" --no-config "$1" 2>/dev/null)
  status=$?
  if [ "$status" -gt 1 ]; then
    echo "error: leaklint exited $status on $1" >&2
    echo -1
    return
  fi
  printf '%s\n' "$out" | grep -c -- "\[$2\]\$"
}

cases=0 before_reported=0 after_silent=0 failed=0 missed=0 missed_total=0
for dir in "$here"/*/ "$here"/missed/*/; do
  [ -f "$dir/CASE" ] || continue
  name=$(basename "$dir")
  rule=$(sed -n 's/^rule: *//p' "$dir/CASE" | head -n 1)
  before=$(ls "$dir"/before.* 2>/dev/null | head -n 1)
  after=$(ls "$dir"/after.* 2>/dev/null | head -n 1)
  if [ -z "$rule" ] || [ -z "$before" ] || [ -z "$after" ]; then
    echo "FAIL $name: the case needs a rule line in CASE, a before.* and an after.*"
    failed=$((failed + 1))
    continue
  fi
  nb=$(rule_count "$before" "$rule")
  na=$(rule_count "$after" "$rule")
  case "$dir" in
    "$here"/missed/*)
      missed_total=$((missed_total + 1))
      if [ "$nb" -gt 0 ] && [ "$na" -eq 0 ]; then
        echo "now caught $name: move it out of missed/"
      else
        echo "missed $name ($rule: $nb on before, $na on after)"
        missed=$((missed + 1))
      fi
      continue
      ;;
  esac
  cases=$((cases + 1))
  problems=()
  if [ "$nb" -gt 0 ]; then
    before_reported=$((before_reported + 1))
  else
    problems+=("no $rule finding on $(basename "$before")")
  fi
  if [ "$na" -eq 0 ]; then
    after_silent=$((after_silent + 1))
  else
    problems+=("$na $rule finding(s) on $(basename "$after")")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok $name"
  else
    failed=$((failed + 1))
    msg=$(IFS=';'; echo "${problems[*]}")
    echo "FAIL $name: ${msg//;/; }"
  fi
done

echo "$cases cases: $before_reported before reported, $after_silent after silent;" \
     "$missed of $missed_total missed cases still missed"
[ "$failed" -eq 0 ]
