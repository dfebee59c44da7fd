#!/usr/bin/env bash
# run_case.sh LEAKLINT TOOLS_DIR CASE: one output-format test. Each case runs the real binary on
# the inputs/ beside this script and prints `N passed, N failed`.
set -u
leaklint=$1 tools=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/inputs" "$work/inputs"
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# (path line column rule) of every finding, one per line, sorted, from each format.
from_text() { sed -E 's/^(.*):([0-9]+):([0-9]+): (warning|error): .* \[([a-z-]+)\]$/\1 \2 \3 \5/' | sort; }
from_json() {
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const f of JSON.parse(s))
    console.log([f.path,f.line,f.column,f.rule].join(" "))})' | sort
}
from_sarif() {
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const r of JSON.parse(s).runs[0].results){
    const l=r.locations[0].physicalLocation;console.log([l.artifactLocation.uri,l.region.startLine,
    l.region.startColumn,r.ruleId].join(" "))}})' | sort
}

case "$case" in
  formats-agree)
    "$leaklint" inputs >text.out 2>/dev/null
    "$leaklint" -f json inputs >json.out 2>/dev/null
    "$leaklint" -f sarif inputs >sarif.out 2>/dev/null
    from_text <text.out >text.set
    from_json <json.out >json.set
    from_sarif <sarif.out >sarif.set
    check "the inputs produce at least 5 findings" '[ "$(wc -l <text.set)" -ge 5 ]'
    check "every rule family shows up" 'grep -q implicit-global text.set && grep -q global-accumulator text.set && grep -q listener-unbalanced text.set && grep -q timer-leak text.set && grep -q syntax-error text.set'
    check "text and JSON report the same findings" 'diff text.set json.set'
    check "text and SARIF report the same findings" 'diff text.set sarif.set'
    ;;
  sarif-valid)
    "$leaklint" -f sarif inputs >ok.sarif 2>/dev/null
    "$leaklint" -f sarif inputs/leaks.js no-such-file.js >missing.sarif 2>/dev/null
    check "SARIF passes the Multitool (SARIF and GitHub rules), no errors or warnings" '"$here/validate_sarif.sh" "$tools" ok.sarif missing.sarif'
    check "SARIF passes leaklint's own structural checks" 'node "$here/check_sarif.js" ok.sarif missing.sarif'
    check "a missing file makes executionSuccessful false with a notification naming it" \
      'node -e "const r=JSON.parse(require(\"fs\").readFileSync(\"missing.sarif\")).runs[0].invocations[0];
        process.exit(r.executionSuccessful===false && r.toolExecutionNotifications.some(n=>n.level===\"error\" &&
        n.locations[0].physicalLocation.artifactLocation.uri===\"no-such-file.js\")?0:1)"'
    check "a syntax error gives a warning notification" \
      'node -e "const r=JSON.parse(require(\"fs\").readFileSync(\"ok.sarif\")).runs[0].invocations[0];
        process.exit(r.toolExecutionNotifications.some(n=>n.level===\"warning\" &&
        n.locations[0].physicalLocation.artifactLocation.uri===\"inputs/broken.js\")?0:1)"'
    check "every rule is described, findings or not" \
      '[ "$(node -e "console.log(JSON.parse(require(\"fs\").readFileSync(\"ok.sarif\")).runs[0].tool.driver.rules.length)")" -eq "$("$leaklint" --list-rules | wc -l)" ]'
    ;;
  gcc-lines)
    "$leaklint" inputs >text.out 2>err.out
    check "stdout has findings" '[ -s text.out ]'
    # VS Code's $gcc (vscode-cpptools) and leaklint's GitHub Actions matcher must read each line
    # the same way: file, line, column, severity.
    check "every line matches both problem matchers identically" 'node -e "
      const gcc=/^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$/;
      const own=/^(.*?):(\d+):(\d+):\s+(warning|error):\s+(.*\[([a-z0-9]+(?:-[a-z0-9]+)*)\])$/;
      const lines=require(\"fs\").readFileSync(\"text.out\",\"utf8\").split(\"\n\").filter(Boolean);
      let bad=0;for(const l of lines){const g=gcc.exec(l),o=own.exec(l);
        if(!g||!o||/\x1b|\r/.test(l)||g.slice(1,5).join()!==o.slice(1,5).join()||+g[2]<1||+g[3]<1){bad++;console.error(l)}}
      process.exit(bad?1:0)"'
    check "the summary goes to stderr, one line" '[ "$(wc -l <err.out)" -eq 1 ] && grep -q "findings" err.out'
    ;;
  utf16-columns)
    "$leaklint" inputs/unicode.js >text.out 2>/dev/null
    # `  const s = "😀漢字"; note = s;`: 13 code units, the emoji counts 2, the two CJK 1 each,
    # then `"; ` — `note` starts at UTF-16 column 21 (byte column 27).
    check "the column counts UTF-16 code units" 'grep -q "^inputs/unicode.js:2:21: warning: .*\[implicit-global\]$" text.out'
    "$leaklint" -f sarif inputs/unicode.js >u.sarif 2>/dev/null
    check "SARIF agrees" '[ "$(from_sarif <u.sarif)" = "inputs/unicode.js 2 21 implicit-global" ]'
    ;;
  output-file)
    for format in text json sarif; do
      "$leaklint" -f $format inputs >stdout.$format 2>/dev/null
      "$leaklint" -f $format -o report.$format inputs >quiet.$format 2>/dev/null
      check "-o writes the same $format bytes as stdout" 'cmp -s stdout.$format report.$format'
      check "-o leaves stdout empty ($format)" '[ ! -s quiet.$format ]'
    done
    mkfifo pipe
    (cat pipe >from-pipe &)
    "$leaklint" -o pipe inputs/leaks.js >/dev/null 2>&1
    sleep 0.2
    check "-o writes into a FIFO instead of replacing it" '[ -p pipe ] && grep -q "leaks.js" from-pipe'
    (umask 022 && "$leaklint" -o moded.txt inputs/leaks.js >/dev/null 2>&1)
    check "a new report gets the usual mode" '[ "$(stat -c %a moded.txt)" = 644 ]'
    "$leaklint" -o no-such-dir/report.txt inputs >/dev/null 2>err.out
    check "an unwritable -o exits 2" '[ $? -eq 2 ]'
    check "an unwritable -o is named on stderr" 'grep -q "no-such-dir/report.txt" err.out'
    check "an unwritable -o leaves nothing behind" '[ ! -e no-such-dir ]'
    ;;
  *)
    echo "unknown case $case" >&2
    exit 2
    ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
