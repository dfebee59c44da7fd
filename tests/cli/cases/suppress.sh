# Inline suppressions as a run sees them: suppressed findings leave the report and the exit
# status, the summary counts them, problems with directives are warnings on stderr naming the
# line (and the column of an unknown rule id, with the id it probably meant), and
# --report-unused-disable turns stale directives and unknown ids into findings.
# The level of findings in functions that run nowhere visible is not the point here: fixed.
printf '{"rules": {"implicit-global": "error"}}\n' >leaklint.json
cat >a.js <<'END'
function f() {
  leaked = 1; // leaklint-disable-line implicit-global -- set by the legacy loader
  // leaklint-disable-next-line implicit-glob
  other = 2;
}
/* leaklint-enable timer-leak */
END
run a.js
expect_code 1 "a suppressed finding and one whose directive names an unknown rule"
expect_stdout "only the finding whose directive names no real rule is reported" <<END
$(ig a.js 4 3 other)
END
expect_stderr "directive problems are warnings naming file and line; the summary counts suppressions" <<END
leaklint: warning: a.js:3:33: unknown rule 'implicit-glob' in leaklint-disable-next-line (did you mean \`implicit-global\`?)
leaklint: warning: a.js:6: leaklint-enable without a leaklint-disable before it
leaklint: 1 finding (1 error, 0 warnings) in 1 of 1 file; 1 suppressed
END

cat >b.js <<'END'
function f() {
  // leaklint-disable-next-line
  leaked = 1;
}
END
run b.js
expect_code 0 "every finding suppressed: exit 0"
expect_no_stdout "every finding suppressed: nothing on stdout"

cat >c.js <<'END'
// leaklint-disable-next-line timer-leak
const x = 1;
module.exports = x;
END
run c.js
expect_code 0 "a stale directive is not reported by default"
run --report-unused-disable c.js
expect_code 0 "--report-unused-disable: a warning, which alone does not fail the run"
expect_stdout "--report-unused-disable reports the stale directive" <<'END'
c.js:1:1: warning: `leaklint-disable-next-line timer-leak` suppresses nothing: no timer-leak finding on the next line [unused-disable]
END
printf '{"rules": {"unused-disable": "error"}}\n' >leaklint.json
run c.js
expect_code 1 "unused-disable turned on by the configuration"
expect_match out '^c\.js:1:1: error: .*\[unused-disable\]$' "the configuration sets its severity"
rm leaklint.json

run -f json --include-suppressed b.js
node -e '
  const f = JSON.parse(require("fs").readFileSync("out", "utf8"));
  process.exit(f.length === 1 && f[0].rule === "implicit-global" && f[0].suppressed.kind === "inSource" &&
    !("justification" in f[0].suppressed) ? 0 : 1)' &&
  pass || fail "--include-suppressed shows the suppressed finding in JSON" "$(shown out)"
run --include-suppressed b.js
expect_code 0 "--include-suppressed in text: a suppressed finding still fails nothing"
expect_stdout "--include-suppressed in text: a note line, which problem matchers pass over, marked as suppressed" <<END
b.js:3:3: note: \`leaked\` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var (suppressed in the source) [implicit-global]
END
run -f github --include-suppressed b.js
expect_code 0 "--include-suppressed in GitHub format"
expect_stdout "--include-suppressed in GitHub format: a notice, marked as suppressed" <<END
::notice file=b.js,line=3,col=3,endLine=3,endColumn=9,title=implicit-global::\`leaked\` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var (suppressed in the source)
END
run b.js
expect_no_stdout "without --include-suppressed, a suppressed finding is not shown in text"
