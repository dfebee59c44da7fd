# In text mode stdout holds nothing but finding lines, `path:line:column: severity: message
# [rule]`, and stderr the errors about inputs and a one-line summary.
printf '%s\n' "$leaky_js" >leaky.js
printf '%s\n' "$broken_js" >broken.js
printf '%s\n' "$clean_js" >clean.js

run clean.js broken.js leaky.js missing.js
expect_code 2 "a run with findings and a missing file"
expect_stdout "stdout: the finding lines only" <<END
broken.js:1:1: error: syntax error: unexpected \`function broken( {\` [syntax-error]
$(ig leaky.js 1 16 leaked)
END
expect_stderr "stderr: the error about the missing file, then the summary" <<END
leaklint: error: missing.js: no such file or directory
$(summary 2 2 2 3)
END

run -f text -j 1 leaky.js
expect_stdout "-f text is the default format" <<END
$(ig leaky.js 1 16 leaked)
END

run --stats leaky.js
expect_stdout "--stats: stdout unchanged" <<END
$(ig leaky.js 1 16 leaked)
END
expect_line err "$(summary 1 1 1 1)" "--stats: the summary"
expect_match err '^leaklint: stats: files=1 lines=2 bytes=46 read=[0-9.]+s parse=[0-9.]+s scopes=[0-9.]+s rules=[0-9.]+s report=[0-9.]+s total=[0-9.]+s$' \
  "--stats prints the phases and counts on stderr"
expect "--stats: two lines on stderr" [ "$(wc -l <err)" -eq 2 ]

# On several threads the phase times are sums over the threads, which --stats says.
cp leaky.js leaky2.js
run --stats -j 2 leaky.js leaky2.js
expect_match err '^leaklint: stats: files=2 .* total=[0-9.]+s \(phase times summed over 2 threads; total is wall-clock\)$' \
  "--stats -j 2 says the phase times are summed over the threads"
run --stats -j 1 leaky.js leaky2.js
expect_match err '^leaklint: stats: files=2 .* total=[0-9.]+s$' "--stats -j 1 prints no thread note"
