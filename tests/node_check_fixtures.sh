#!/usr/bin/env bash
# node_check_fixtures.sh NODE FIXTURES_DIR: every fixture but the syntax-error ones and JSX must be
# JavaScript that node accepts. Files with import/export are checked as ES modules.
set -u
node=$1 dir=$2
passed=0 failed=0
while IFS= read -r -d '' file; do
  case "$file" in */syntax-error/* | *.jsx) continue ;; esac
  if [[ "$file" == *.mjs ]] || grep -Eq '^\s*(import|export)\b' "$file"; then
    out=$("$node" --input-type=module --check <"$file" 2>&1)
  else
    out=$("$node" --check "$file" 2>&1)
  fi
  if [ $? -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "$file: node does not accept it:" >&2
    echo "$out" | head -5 >&2
  fi
done < <(find "$dir" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) -print0 | sort -z)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
