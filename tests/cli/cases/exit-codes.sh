# ESLint's contract: exit status 0 on a clean file, 1 with an error-severity finding, 1 for a
# syntax error (a finding of its own, an error), and 0 when the findings are warnings only.
printf '%s\n' "$clean_js" >clean.js
printf '%s\n' "$leaky_js" >leaky.js
printf '%s\n' "$broken_js" >broken.js

run clean.js
expect_code 0 "a clean file"
expect_no_stdout "a clean file"
expect_stderr "a clean file: only the summary" <<END
$(summary 0 0 0 1)
END

run leaky.js
expect_code 1 "a file with an error"
expect_stdout "a file with a finding" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "a file with a finding: only the summary" <<END
$(summary 1 1 1 1)
END

run broken.js
expect_code 1 "a syntax error"
expect_stdout "a syntax error is reported as a finding" <<'END'
broken.js:1:1: error: syntax error: unexpected `function broken( {` [syntax-error]
END
expect_stderr "a syntax error: only the summary" <<END
$(summary 1 1 1 1)
END

run clean.js broken.js leaky.js
expect_code 1 "findings in some of the files"
expect_stderr "the summary counts every file" <<END
$(summary 2 2 2 3)
END

# Warnings alone: shown and counted, exit 0 (see exit-options.sh for --max-warnings).
printf '{"rules": {"implicit-global": "warning"}}\n' >leaklint.json
run clean.js leaky.js
expect_code 0 "warnings alone"
expect_stdout "warnings alone are shown" <<END
$(ig leaky.js 1 16 leaked | sed 's/: error: /: warning: /')
END
expect_stderr "warnings alone are counted" <<END
$(summary 1 0 1 2)
END
run leaky.js broken.js
expect_code 1 "warnings and an error"
