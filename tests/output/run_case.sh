#!/usr/bin/env bash
# run_case.sh LEAKLINT TOOLS_DIR CASE: one output-format test (see CMakeLists.txt for the list).
# It runs the real binary on copies of inputs/ in a fresh working directory whose name needs
# percent-encoding (space, '#', non-ASCII), checks what editors, scripts and GitHub code scanning
# read, and validates every SARIF log it makes. Each check prints FAIL with details when it fails;
# the case goes on and ends with `N passed, N failed`, exiting 1 if any failed.
# shellcheck disable=SC2016 # the single-quoted scripts are for bash -c and node, not this shell
set -u
leaklint=$1 tools=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
work="$tmp/wörk dir #1"
mkdir -p "$work" "$tmp/elsewhere"
cp -r "$here/inputs" "$work/inputs"
cd "$work" || exit 2
# Same files under names that need encoding, and outside the working directory.
mkdir "odd name #1%"
cp inputs/leaks.js "odd name #1%/ä b.js"
cp inputs/leaks.js "$tmp/elsewhere/far.js"
mkdir -p absolute && cp inputs/leaks.js absolute/leaks.js

passed=0 failed=0
# check WHAT COMMAND...: runs COMMAND; a non-zero status fails WHAT, showing COMMAND's output.
check() {
  local what=$1 output
  shift
  if output=$("$@" 2>&1); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what" >&2
    [ -n "$output" ] && printf '%s\n' "$output" | sed 's/^/    /' >&2
  fi
}

# lint OUT ARGS...: runs leaklint with ARGS, stdout to OUT, stderr to OUT.err; never hangs.
lint() {
  local out=$1
  shift
  timeout 20 "$leaklint" "$@" >"$out" 2>"$out.err"
}

sarif_files=()
# sarif OUT ARGS...: a SARIF run of leaklint, validated at the end of the case.
sarif() {
  lint "$@" -f sarif
  sarif_files+=("$1")
}

# node_check WHAT SCRIPT ARGS...: a check written in JavaScript; the script exits non-zero (or
# throws) to fail and may print why.
node_check() {
  local what=$1
  shift
  check "$what" node -e "$@"
}

# The findings of a report, FORMAT FILE (findings.js), one per line.
findings() { node "$here/findings.js" "$@"; }
same_findings() { diff <(findings "$1" "$2") <(findings "$3" "$4"); }
# Paths on the command line below the working directory: a directory, one with "./" that needs
# percent-encoding, an absolute one (another file: the same file named twice is reported once).
# A file elsewhere, outside it.
mixed_paths=(inputs "./odd name #1%/ä b.js" "$work/absolute/leaks.js")
far="$tmp/elsewhere/far.js"

case "$case" in
  formats-agree)
    lint text.out "${mixed_paths[@]}"
    lint json.out -f json "${mixed_paths[@]}"
    sarif sarif.out "${mixed_paths[@]}"
    check "the inputs give implicit-global and syntax-error findings, and the other rules'" \
      bash -c 'for r in implicit-global syntax-error global-accumulator listener-unbalanced timer-leak; do
        grep -q "\[$r\]$" text.out || { echo "no $r in"; cat text.out; exit 1; }; done'
    check "at least 12 findings" test "$(wc -l <text.out)" -ge 12
    check "text and JSON give the same findings (path, line, column, severity, rule), same order" \
      same_findings text text.out json json.out
    check "text and SARIF give the same findings, same order" \
      same_findings text text.out sarif sarif.out
    ;;

  json-format)
    lint text.out "${mixed_paths[@]}" "$far"
    lint json.out -f json "${mixed_paths[@]}" "$far"
    "$leaklint" --list-rules | cut -d' ' -f1 >rules.txt
    "$leaklint" --list-rules | awk '{print $1, $3}' >categories.txt
    "$leaklint" --list-rules | awk '{print $1, $NF}' >pages.txt
    node_check "each finding has exactly the documented fields, types and values" '
      const fs = require("fs");
      const rules = fs.readFileSync("rules.txt", "utf8").split("\n").filter(Boolean);
      const category = Object.fromEntries(fs.readFileSync("categories.txt", "utf8").split("\n")
        .filter(Boolean).map((l) => l.split(" ")));
      const pages = Object.fromEntries(fs.readFileSync("pages.txt", "utf8").split("\n")
        .filter(Boolean).map((l) => l.split(" ")));
      const findings = JSON.parse(fs.readFileSync("json.out", "utf8"));
      const keys = "path line column endLine endColumn rule category severity confidence message trace fix helpUri";
      let bad = 0;
      const no = (i, why) => { bad++; console.log(`[${i}]: ${why}: ${JSON.stringify(findings[i])}`); };
      if (!Array.isArray(findings) || !findings.length) { console.log("not a non-empty array"); process.exit(1); }
      findings.forEach((f, i) => {
        if (Object.keys(f).join(" ") !== keys) no(i, "fields are not " + keys);
        for (const k of ["line", "column", "endLine", "endColumn"])
          if (!Number.isInteger(f[k]) || f[k] < 1) no(i, `${k} is not an integer >= 1`);
        if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) no(i, "ends before it starts");
        if (!rules.includes(f.rule)) no(i, "rule is not one of --list-rules");
        if (f.category !== category[f.rule]) no(i, "category is not the one --list-rules gives its rule");
        if (typeof f.fix !== "string" || !/^[a-z][^\n]*[^.\n]$/.test(f.fix)) no(i, "fix is not a lower-case hint without a final period");
        if (f.helpUri !== pages[f.rule]) no(i, "helpUri is not the page --list-rules gives its rule");
        if (!["warning", "error"].includes(f.severity)) no(i, "severity");
        if (!["high", "medium"].includes(f.confidence)) no(i, "confidence");
        if (typeof f.message !== "string" || !/^[^A-Z\n][^\n]*[^.\n]$/.test(f.message)) no(i, "message is not lower case without a final period");
        if (typeof f.path !== "string" || !f.path) no(i, "path");
        if (!Array.isArray(f.trace) || !f.trace.length) no(i, "trace is not a non-empty array");
        for (const step of f.trace || []) {
          if (Object.keys(step).join(" ") !== "line column endLine endColumn message") no(i, "trace step fields");
          for (const k of ["line", "column", "endLine", "endColumn"])
            if (!Number.isInteger(step[k]) || step[k] < 1) no(i, `trace ${k} is not an integer >= 1`);
          if (typeof step.message !== "string" || !/^[^A-Z\n][^\n]*[^.\n]$/.test(step.message)) no(i, "trace message");
        }
      });
      process.exit(bad ? 1 : 0)'
    node_check "JSON paths are the text format's paths, byte for byte, in the same order" '
      const fs = require("fs");
      const text = fs.readFileSync("text.out", "utf8").split("\n").filter(Boolean)
        .filter((l) => !/^.*?:\d+:\d+: note: /.test(l)).map((l) => /^(.*?):(\d+):(\d+): /.exec(l)[1]);
      const json = JSON.parse(fs.readFileSync("json.out", "utf8")).map((f) => f.path);
      if (JSON.stringify(text) !== JSON.stringify(json)) { console.log(text, json); process.exit(1); }
      for (const p of ["inputs/leaks.js", "./odd name #1%/ä b.js", ...process.argv.slice(1)])
        if (!json.includes(p)) { console.log(`no path ${p}`); process.exit(1); }' "$far" "$work/absolute/leaks.js"
    check "JSON output is ASCII and ends with a newline" \
      bash -c '! LC_ALL=C grep -q "[^ -~]" json.out && [ "$(tail -c1 json.out | od -An -c | tr -d " ")" = "\n" ]'
    lint clean.out -f json inputs/clean.js
    check "no findings is exactly []" bash -c '[ "$(cat clean.out)" = "[]" ] && [ "$(wc -c <clean.out)" -eq 3 ]'
    ;;

  sarif-valid)
    sarif all.sarif inputs
    sarif clean.sarif inputs/clean.js
    sarif mixed.sarif "${mixed_paths[@]}"
    "$leaklint" --list-rules | cut -d' ' -f1 >rules.txt
    node_check "tool.driver.rules lists every rule of --list-rules, in order, findings or not" '
      const fs = require("fs");
      const want = fs.readFileSync("rules.txt", "utf8").split("\n").filter(Boolean);
      for (const f of ["all.sarif", "clean.sarif"]) {
        const got = JSON.parse(fs.readFileSync(f, "utf8")).runs[0].tool.driver.rules.map((r) => r.id);
        if (got.join() !== want.join()) { console.log(f, got, want); process.exit(1); }
      }'
    node_check "the help is the rule's Markdown documentation, and the same as help text" '
      for (const r of JSON.parse(require("fs").readFileSync("all.sarif", "utf8")).runs[0].tool.driver.rules)
        if (r.help.markdown !== r.help.text || r.help.markdown.length < 80) { console.log(r.id); process.exit(1); }'
    node_check "no findings: an empty results array, execution successful" '
      const run = JSON.parse(require("fs").readFileSync("clean.sarif", "utf8")).runs[0];
      process.exit(Array.isArray(run.results) && run.results.length === 0 &&
        run.invocations[0].executionSuccessful === true ? 0 : 1)'
    check "the SARIF version, name and semanticVersion are leaklint's --version" bash -c '
      v=$("$0" --version | grep -Eo "[0-9]+\.[0-9]+\.[0-9]+[^ ]*" | head -1)
      node -e "const d=JSON.parse(require(\"fs\").readFileSync(\"all.sarif\")).runs[0].tool.driver;
        process.exit(d.version===process.argv[1] && d.semanticVersion===process.argv[1] ? 0 : 1)" "$v"' \
      "$leaklint"
    ;;

  sarif-uris)
    sarif inside.sarif "${mixed_paths[@]}" "inputs/../inputs/unclosed.js"
    # A working directory reached through a symlink: $PWD is not what getcwd() says.
    ln -s "$work" "$tmp/link"
    (cd "$tmp/link" && lint "$work/link.sarif" -f sarif "$tmp/link/inputs/leaks.js")
    sarif_files+=(link.sarif)
    # Files outside the working directory climb out of it with "../": GitHub rejects absolute
    # file:// URIs (Multitool rule GH1006), and would reject the whole upload for one of them.
    lint outside.sarif -f sarif "$far" inputs/clean.js
    mkdir sub
    (cd sub && lint ../sub.sarif -f sarif ../inputs/leaks.js "$work/inputs/unicode.js")
    sarif_files+=(outside.sarif sub.sarif)
    node_check "%SRCROOT% is the working directory as an absolute, percent-encoded file URI ending in /" '
      const { fileURLToPath } = require("url");
      const fs = require("fs");
      for (const [file, dir] of [["inside.sarif", "."], ["sub.sarif", "sub"], ["link.sarif", "."]]) {
        const uri = JSON.parse(fs.readFileSync(file, "utf8")).runs[0].originalUriBaseIds["%SRCROOT%"].uri;
        if (!/^file:\/\/\/.*\/$/.test(uri) || /[ #ö]/.test(uri)) { console.log(file, uri); process.exit(1); }
        if (fs.realpathSync(fileURLToPath(uri)) !== fs.realpathSync(dir)) { console.log(file, uri, dir); process.exit(1); }
      }'
    node_check "artifact URIs: relative to %SRCROOT%, climbing with ../ only outside it, encoded" '
      const fs = require("fs");
      const base = (file) => JSON.parse(fs.readFileSync(file, "utf8")).runs[0].originalUriBaseIds["%SRCROOT%"].uri;
      const uris = (file) => [...new Set(JSON.parse(fs.readFileSync(file, "utf8")).runs[0].results.map((r) => {
        const a = r.locations[0].physicalLocation.artifactLocation;
        return a.uriBaseId ? `${a.uriBaseId} ${a.uri}` : a.uri; }))].sort();
      const root = base("inside.sarif");
      const expect = {
        "inside.sarif": ["%SRCROOT% absolute/leaks.js", "%SRCROOT% inputs/broken.js", "%SRCROOT% inputs/leaks.js", "%SRCROOT% inputs/unclosed.js",
          "%SRCROOT% inputs/unicode.js", "%SRCROOT% odd%20name%20%231%25/%C3%A4%20b.js"],
        "link.sarif": ["%SRCROOT% inputs/leaks.js"],
        "outside.sarif": ["%SRCROOT% ../elsewhere/far.js"],
        "sub.sarif": ["%SRCROOT% ../inputs/leaks.js", "%SRCROOT% ../inputs/unicode.js"],
      };
      let bad = 0;
      for (const [file, want] of Object.entries(expect)) {
        const got = uris(file);
        if (got.join("\n") !== want.sort().join("\n")) { bad++; console.log(file, got, "expected", want); }
      }
      process.exit(bad)'
    check "every URI resolves to the file that was analysed" bash -c '
      for f in inside.sarif link.sarif outside.sarif sub.sarif; do
        node "$0/findings.js" sarif "$f" | cut -f1 | sort -u | while IFS= read -r p; do
          [ -f "$p" ] || { echo "$f: $p does not exist"; exit 1; }; done || exit 1
      done' "$here"
    ;;

  sarif-notifications)
    cp inputs/leaks.js big.js
    sarif missing.sarif inputs/leaks.js no-such-file.js
    sarif toobig.sarif --max-file-size 100 big.js inputs/clean.js
    sarif broken.sarif inputs/broken.js inputs/unclosed.js
    sarif clean.sarif inputs/clean.js
    # notification FILE SUCCESS LEVEL URI: FILE's invocation has executionSuccessful SUCCESS and a
    # notification of LEVEL whose location is URI (relative to %SRCROOT%) and whose message names it.
    notification() {
      node -e '
        const [file, success, level, uri] = process.argv.slice(1);
        const inv = JSON.parse(require("fs").readFileSync(file, "utf8")).runs[0].invocations[0];
        const ok = String(inv.executionSuccessful) === success && (inv.toolExecutionNotifications || []).some((n) => {
          const a = n.locations[0].physicalLocation.artifactLocation;
          return n.level === level && a.uri === uri && a.uriBaseId === "%SRCROOT%" && n.message.text.includes(uri);
        });
        if (!ok) { console.log(JSON.stringify(inv, null, 1)); process.exit(1); }' "$@"
    }
    check "a missing file: an error notification naming it, executionSuccessful false" \
      notification missing.sarif false error no-such-file.js
    check "the other files are still reported" test "$(findings sarif missing.sarif | wc -l)" -eq 6
    check "a file that cannot be analysed (too large): an error notification, unsuccessful" \
      notification toobig.sarif false error big.js
    if [ "$(id -u)" -ne 0 ]; then # root reads any file
      cp inputs/leaks.js unreadable.js
      chmod 000 unreadable.js
      sarif unreadable.sarif unreadable.js
      check "an unreadable file: an error notification, unsuccessful" \
        notification unreadable.sarif false error unreadable.js
    fi
    check "a syntax error: a warning notification, still successful" \
      notification broken.sarif true warning inputs/broken.js
    check "an unclosed brace: a warning notification, still successful" \
      notification broken.sarif true warning inputs/unclosed.js
    node_check "a clean run: successful, no notifications" '
      const inv = JSON.parse(require("fs").readFileSync("clean.sarif", "utf8")).runs[0].invocations[0];
      process.exit(inv.executionSuccessful === true && !inv.toolExecutionNotifications ? 0 : 1)'
    ;;

  gcc-lines)
    lint text.out "${mixed_paths[@]}" "$far"
    lint json.out -f json "${mixed_paths[@]}" "$far"
    check "stdout has findings" test -s text.out
    # VS Code's $gcc and the GitHub Actions matcher leaklint ships (.github/leaklint-matcher.json,
    # read as GitHub reads it) must read each line as the JSON says.
    node_check "every line matches both problem matchers, and both read the JSON's path, line, column, severity" '
      const fs = require("fs");
      const gcc = /^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$/;
      const matcher = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).problemMatcher[0].pattern[0];
      if (matcher.file !== 1 || matcher.line !== 2 || matcher.column !== 3 || matcher.severity !== 4 ||
          matcher.message !== 5 || matcher.code !== 6) { console.log("matcher groups", matcher); process.exit(1); }
      const own = new RegExp(matcher.regexp);
      const text = fs.readFileSync("text.out", "utf8");
      const json = JSON.parse(fs.readFileSync("json.out", "utf8"));
      let bad = 0;
      if (!text.endsWith("\n")) { bad++; console.log("no final newline"); }
      const all = text.split("\n").slice(0, -1);
      // The trace`s note lines follow their finding: neither matcher may read one as a problem.
      const note = /^.*?:\d+:\d+: note: /;
      for (const l of all.filter((l) => note.test(l)))
        if (gcc.exec(l) || own.exec(l)) { bad++; console.log("a matcher reads a note as a problem:", l); }
      const lines = all.filter((l) => !note.test(l));
      if (lines.length !== json.length) { bad++; console.log(`${lines.length} lines, ${json.length} findings`); }
      lines.forEach((l, i) => {
        const g = gcc.exec(l), o = own.exec(l), f = json[i] || {};
        const want = [f.path, String(f.line), String(f.column), f.severity].join("|");
        if (/[\x00-\x1f\x7f]/.test(l)) { bad++; console.log("control character (ANSI escape, CR) in", JSON.stringify(l)); }
        if (!g || g.slice(1, 5).join("|") !== want) { bad++; console.log("$gcc reads", g && g.slice(1, 5), "in", l); }
        if (!o || o.slice(1, 5).join("|") !== want || o[6] !== f.rule) { bad++; console.log("matcher reads", o && o.slice(1, 7), "in", l); }
      });
      process.exit(bad ? 1 : 0)' "$root/.github/leaklint-matcher.json"
    node_check "the README's VS Code task reads the lines with the same pattern as the shipped matcher" '
      const fs = require("fs");
      const readme = fs.readFileSync(process.argv[1], "utf8");
      const task = readme.slice(readme.indexOf("\"label\": \"leaklint\""));
      const block = task.slice(task.indexOf("\"problemMatcher\""), task.indexOf("```"));
      const json = JSON.parse("{" + block.trim().replace(/\}\s*\}\s*\]\s*\}\s*$/, "}") + "}");
      const matcher = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).problemMatcher[0].pattern[0];
      const p = json.problemMatcher.pattern;
      process.exit(p.regexp === matcher.regexp && p.file === 1 && p.code === 6 ? 0 : 1)' \
      "$root/README.md" "$root/.github/leaklint-matcher.json"
    check "stderr has the one-line summary only" \
      bash -c '[ "$(wc -l <text.out.err)" -eq 1 ] && grep -q "^leaklint: [0-9]* findings" text.out.err'
    # Color only when asked for or on a terminal: a pipe (a CI log, an editor) gets plain lines.
    lint auto.out --color auto "${mixed_paths[@]}" "$far"
    check "--color auto into a pipe writes no escapes" cmp text.out auto.out
    lint always.out --color always "${mixed_paths[@]}" "$far"
    esc=$(printf '\033[')
    check "--color always colors every line" \
      test "$(grep -cF "$esc" always.out)" -eq "$(wc -l <text.out)"
    check "--color always says the same once the escapes are removed" \
      bash -c 'sed "s/\x1b\[[0-9;]*m//g" always.out | cmp - text.out'
    NO_COLOR=1 lint nocolor.out --color auto "${mixed_paths[@]}" "$far"
    check "NO_COLOR turns auto color off" cmp text.out nocolor.out
    FORCE_COLOR=1 lint force.out "${mixed_paths[@]}"
    check "FORCE_COLOR turns auto color on in a pipe" grep -qF "$esc" force.out
    lint never.out --color never "${mixed_paths[@]}" "$far"
    check "--color never writes plain lines" cmp text.out never.out
    if command -v script >/dev/null; then
      script -qec "'$leaklint' inputs/leaks.js" /dev/null >tty.out 2>&1
      check "a terminal gets color by default" grep -qF "$esc" tty.out
    fi
    ;;

  github-format)
    lint json.out -f json "${mixed_paths[@]}" "$far"
    lint gh.out -f github "${mixed_paths[@]}" "$far" no-such-file.js
    node_check "one ::warning/::error command per finding, its properties and message unescaped as the JSON says" '
      const fs = require("fs");
      const json = JSON.parse(fs.readFileSync("json.out", "utf8"));
      const lines = fs.readFileSync("gh.out", "utf8").split("\n").filter(Boolean);
      const unescapeData = (s) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
      const unescapeProp = (s) => unescapeData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));
      let bad = 0;
      const findings = lines.filter((l) => !l.includes("title=leaklint::"));
      if (findings.length !== json.length) { bad++; console.log(findings.length, "commands for", json.length, "findings"); }
      findings.forEach((l, i) => {
        const m = /^::(warning|error) ([^:]*)::(.*)$/.exec(l);
        if (!m) { bad++; console.log("not a workflow command:", l); return; }
        const props = Object.fromEntries(m[2].split(",").map((p) => { const k = p.indexOf("="); return [p.slice(0, k), unescapeProp(p.slice(k + 1))]; }));
        const f = json[i];
        const want = { file: f.path, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn), title: f.rule };
        if (JSON.stringify(props) !== JSON.stringify(want) || m[1] !== f.severity || unescapeData(m[3]) !== f.message) {
          bad++; console.log("read", m[1], props, unescapeData(m[3]), "expected", f);
        }
      });
      const problem = lines.find((l) => l.startsWith("::error file=no-such-file.js,title=leaklint::"));
      if (!problem) { bad++; console.log("no ::error for the missing file"); }
      process.exit(bad ? 1 : 0)'
    check "a path with % is escaped as %25" grep -qF 'file=./odd name #1%25/ä b.js,' gh.out
    mkdir "dir,with:odd"
    printf 'function f() { leaked = 1; }\n' >"dir,with:odd/a.js"
    lint gh2.out -f github "dir,with:odd/a.js"
    check "commas and colons in a property are escaped" grep -qF 'file=dir%2Cwith%3Aodd/a.js,' gh2.out
    ;;

  sarif-suppressions)
    cat >supp.js <<'EOS'
const cache = [];
exports.add = (x) => {
  // leaklint-disable-next-line global-accumulator -- bounded by the number of tenants
  cache.push(x);
};
exports.poll = (socket) => {
  setInterval(() => socket.ping(), 1000); // leaklint-disable-line timer-leak
};
const seen = new Set();
exports.track = (id) => seen.add(id);
EOS
    lint base.out --write-baseline base.json supp.js
    # A new leak, on a line inserted above the others: the baselined finding below stays matched.
    { printf 'exports.more = (s) => { setInterval(() => s.ping(), 5); };\n'; cat supp.js; } >supp2.js
    mv supp2.js supp.js
    sarif with.sarif --include-suppressed --baseline base.json supp.js
    sarif without.sarif --baseline base.json supp.js
    lint with.json -f json --include-suppressed --baseline base.json supp.js
    node_check "--include-suppressed: inSource suppressions with their reasons, the baseline as external" '
      const fs = require("fs");
      const results = JSON.parse(fs.readFileSync("with.sarif", "utf8")).runs[0].results;
      const got = results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine,
        JSON.stringify(r.suppressions || null)].join(" "));
      const want = [
        `timer-leak 1 null`,
        `global-accumulator 5 [{"kind":"inSource","justification":"bounded by the number of tenants"}]`,
        `timer-leak 8 [{"kind":"inSource"}]`,
        `global-accumulator 11 [{"kind":"external"}]`];
      if (got.join("\n") !== want.join("\n")) { console.log(got, want); process.exit(1); }'
    node_check "without --include-suppressed only the new finding is a result" '
      const results = JSON.parse(require("fs").readFileSync("without.sarif", "utf8")).runs[0].results;
      process.exit(results.length === 1 && results[0].ruleId === "timer-leak" && !results[0].suppressions ? 0 : 1)'
    node_check "JSON shows the same suppressions" '
      const f = JSON.parse(require("fs").readFileSync("with.json", "utf8"));
      const got = f.map((x) => x.suppressed ? x.suppressed.kind + ":" + (x.suppressed.justification || "") : "-").join(" ");
      if (got !== "- inSource:bounded by the number of tenants inSource: external:") { console.log(got); process.exit(1); }'
    ;;

  utf16-columns)
    # inputs/unicode.js line 2: `  const s = "😀漢字"; note = s;`. In UTF-16 the emoji is 2 units,
    # each CJK character 1: `note` starts at column 21 (it is byte 27 in UTF-8, code point 20).
    lint text.out inputs/unicode.js
    lint json.out -f json inputs/unicode.js
    sarif u.sarif inputs/unicode.js
    check "text: column 21" grep -Eq '^inputs/unicode.js:2:21: (error|warning): .*\[implicit-global\]$' text.out
    node_check "JSON and SARIF: 2:21 to 2:25, and that is where JavaScript (UTF-16) finds note" '
      const fs = require("fs");
      const line = fs.readFileSync("inputs/unicode.js", "utf8").split("\n")[1];
      const col = line.indexOf("note = s") + 1, end = col + "note".length;
      const f = JSON.parse(fs.readFileSync("json.out", "utf8"));
      const r = JSON.parse(fs.readFileSync("u.sarif", "utf8")).runs[0].results.map((r) => r.locations[0].physicalLocation.region);
      const got = JSON.stringify([f.map((x) => [x.line, x.column, x.endLine, x.endColumn]),
        r.map((x) => [x.startLine, x.startColumn, x.endLine, x.endColumn])]);
      const want = JSON.stringify([[[2, col, 2, end]], [[2, col, 2, end]]]);
      if (col !== 21 || got !== want) { console.log("got", got, "want", want); process.exit(1); }'
    ;;

  output-file)
    for format in text json sarif; do
      lint stdout.$format -f $format "${mixed_paths[@]}"
      lint quiet.$format -f $format -o report.$format "${mixed_paths[@]}"
      check "-o writes the same $format bytes as stdout" cmp stdout.$format report.$format
      check "-o leaves stdout empty ($format)" test ! -s quiet.$format
    done
    sarif_files+=(report.sarif)
    lint unwritable.out -o no-such-dir/report.txt inputs
    check "an unwritable -o exits 2" test $? -eq 2
    check "an unwritable -o is named on stderr" grep -q "no-such-dir/report.txt" unwritable.out.err
    check "an unwritable -o leaves nothing behind" test ! -e no-such-dir
    ;;

  traces)
    # One finding of every rule, each with its trace, the same in the three formats, and in text a
    # last note with its fix and page.
    mkdir traced
    for f in closure-in-loop/positive-async-each-limit-iteratee.js \
      closure-in-route/positive-app-locals.js ineffective-cleanup/positive-bind-mismatch.js \
      listener-unbalanced/positive-listener-removed-in-one-branch.js \
      resource-leak/positive-pool-connect-release-after-query.js \
      timer-leak/positive-interval-cleared-after-await.js; do
      cp "$root/fixtures/$f" "traced/$(echo "$f" | tr / -)"
    done
    cp "$root/tests/example-app/src/server.js" traced/server.js
    cp inputs/broken.js inputs/leaks.js traced/
    printf 'const a = 1; // leaklint-disable-line timer-leak\nmodule.exports = a;\n' >traced/unused.js
    lint text.out --notes --report-unused-disable traced
    lint json.out --report-unused-disable -f json traced
    sarif sarif.out --report-unused-disable traced
    "$leaklint" --list-rules | cut -d' ' -f1 >rules.txt
    node_check "every rule has a finding, and every finding a trace that text, JSON and SARIF give alike" '
      const fs = require("fs");
      const rules = fs.readFileSync("rules.txt", "utf8").split("\n").filter(Boolean);
      const json = JSON.parse(fs.readFileSync("json.out", "utf8"));
      const results = JSON.parse(fs.readFileSync("sarif.out", "utf8")).runs[0].results;
      const lines = fs.readFileSync("text.out", "utf8").split("\n").filter(Boolean);
      const plain = (m) => m.replace(/\.$/, "").toLowerCase();
      let bad = 0;
      const no = (why) => { bad++; console.log(why); };
      for (const r of rules) if (!json.some((f) => f.rule === r)) no(`no finding of ${r}`);
      if (results.length !== json.length) no(`${results.length} SARIF results, ${json.length} JSON findings`);
      let at = 0, multi = 0;
      json.forEach((f, i) => {
        const head = `${f.path}:${f.line}:${f.column}: ${f.severity}: `;
        if (!lines[at] || !lines[at].startsWith(head)) { no(`text line ${at} is not finding ${i}: ${lines[at]}`); return; }
        at++;
        const own = (s) => s.line === f.line && s.column === f.column && s.endLine === f.endLine && s.endColumn === f.endColumn;
        const notes = f.trace.filter((s) => !own(s));
        for (const s of notes) {
          const want = `${f.path}:${s.line}:${s.column}: note: ${s.message}`;
          if (lines[at] !== want) no(`finding ${i}: note ${JSON.stringify(lines[at])}, want ${JSON.stringify(want)}`);
          at++;
        }
        const fix = `${f.path}:${f.line}:${f.column}: note: fix: ${f.fix}; see ${f.helpUri}`;
        if (lines[at] !== fix) no(`finding ${i}: last note ${JSON.stringify(lines[at])}, want ${JSON.stringify(fix)}`);
        at++;
        if (f.trace.length > 1) multi++;
        const flow = ((((results[i] || {}).codeFlows || [])[0] || {}).threadFlows || [])[0];
        const steps = flow ? flow.locations : [];
        if (steps.length !== f.trace.length) no(`finding ${i}: ${steps.length} codeFlow steps, ${f.trace.length} trace steps`);
        steps.forEach((st, k) => {
          const loc = st.location, region = loc.physicalLocation.region, step = f.trace[k] || {};
          if (region.startLine !== step.line || region.startColumn !== step.column || plain(loc.message.text) !== plain(step.message))
            no(`finding ${i} step ${k}: SARIF ${JSON.stringify(loc)} vs ${JSON.stringify(step)}`);
        });
        const related = (results[i] || {}).relatedLocations || [];
        if (related.length !== notes.length) no(`finding ${i}: ${related.length} relatedLocations, ${notes.length} notes`);
        related.forEach((r, k) => { if (r.id !== k + 1) no(`finding ${i}: relatedLocations id ${r.id}`); });
      });
      if (at !== lines.length) no(`${lines.length - at} text lines left over`);
      if (multi < 5) no(`only ${multi} findings with more than one step`);
      process.exit(bad ? 1 : 0)'
    lint quiet.out --report-unused-disable traced
    check "without --notes, only the finding lines" bash -c '! grep -q ": note: " quiet.out && [ "$(wc -l <quiet.out)" -eq "$(node -e "console.log(JSON.parse(require(\"fs\").readFileSync(\"json.out\", \"utf8\")).length)")" ]'
    ;;

  *)
    echo "run_case.sh: unknown case $case" >&2
    exit 2
    ;;
esac

if [ ${#sarif_files[@]} -gt 0 ]; then
  check "the SARIF logs pass the Multitool and check_sarif.js: ${sarif_files[*]}" \
    "$here/validate_sarif.sh" "$tools" "${sarif_files[@]}"
fi
echo "$case: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
