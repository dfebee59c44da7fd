# --write-baseline records the findings; --baseline then reports only new ones, matched by path,
# rule and fingerprint (not by line), from any working directory; rewriting drops findings that
# are gone and keeps the entries of files the run did not analyse.
mkdir -p proj/src proj/lib
# The level of findings in functions that run nowhere visible is not the point here: fixed.
printf '{"rules": {"implicit-global": "error"}}\n' >proj/leaklint.json
cat >proj/src/a.js <<'END'
function f() { leaked = 1; }
function g() { seen = 2; }
END
printf '%s\n' "$leaky_js" >proj/lib/b.js
cd proj
run --write-baseline baseline.json .
expect_code 0 "--write-baseline records the findings and reports none"
expect_no_stdout "--write-baseline: nothing reported"
expect_line err "leaklint: wrote 3 findings to baseline.json" "--write-baseline says what it wrote"
node -e '
  const b = JSON.parse(require("fs").readFileSync("baseline.json", "utf8"));
  const got = b.findings.map((f) => `${f.path} ${f.rule} ${f.line}`).join(",");
  process.exit(b.version === 1 && got === "lib/b.js implicit-global 1,src/a.js implicit-global 1,src/a.js implicit-global 2" &&
    b.findings.every((f) => /^[0-9a-f]{16}:[0-9]+$/.test(f.fingerprint)) ? 0 : 1)' &&
  pass || fail "the baseline lists path, rule, fingerprint and line" "$(shown baseline.json)"

run --baseline baseline.json .
expect_code 0 "nothing new"
expect_no_stdout "nothing new: nothing reported"

# Lines inserted above do not resurrect baselined findings; a new finding is reported.
{ printf '// a comment\n\n'; cat src/a.js; printf 'function h() { fresh = 3; }\n'; } >src/a2.js
mv src/a2.js src/a.js
run --baseline baseline.json .
expect_code 1 "a new finding"
expect_stdout "only the new finding is reported" <<END
$(ig src/a.js 5 16 fresh)
END

# From another directory, naming the files differently: paths are relative to the baseline.
(cd src && timeout 20 "$leaklint" --baseline ../baseline.json ../lib/b.js "$PWD/a.js" >../out 2>../err)
expect_stdout "paths match from another working directory" <<END
$(ig "$PWD/src/a.js" 5 16 fresh)
END

# Fixed: g() is gone. Rewriting over src/ only: lib/b.js keeps its entry, g's entry is dropped.
printf 'function f() { leaked = 1; }\n' >src/a.js
run --write-baseline baseline.json src
node -e '
  const b = JSON.parse(require("fs").readFileSync("baseline.json", "utf8"));
  const got = b.findings.map((f) => `${f.path} ${f.line}`).join(",");
  process.exit(got === "lib/b.js 1,src/a.js 1" ? 0 : 1)' &&
  pass || fail "rewriting drops findings that are gone and keeps files not analysed" "$(shown baseline.json)"

printf 'not json' >bad.json
run --baseline bad.json .
expect_code 2 "a baseline that is not JSON"
expect_match err '^leaklint: error: bad\.json: 1:[0-9]+: ' "a baseline that is not JSON is named"
expect_no_stdout "a baseline that is not JSON: nothing analysed"
run --baseline none.json .
expect_code 2 "a --baseline that does not exist"
expect_match err '^leaklint: error: none\.json: cannot read the baseline' "a missing baseline is named"
printf '{"version": 2, "findings": []}\n' >v2.json
run --baseline v2.json .
expect_code 2 "a baseline of another version"
run -o baseline.json --write-baseline baseline.json .
expect_code 2 "the report and the baseline cannot be the same file"
