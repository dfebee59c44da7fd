# A path that does not exist exits 2 and is named on stderr; the other paths of the same run are
# still analysed and their findings printed.
printf '%s\n' "$leaky_js" >leaky.js
mkdir dir && printf '%s\n' "$leaky_js" >dir/inner.js

run missing.js leaky.js dir nowhere/
expect_code 2 "missing paths"
expect_stdout "the other files are still reported" <<END
$(ig dir/inner.js 1 16 leaked)
$(ig leaky.js 1 16 leaked)
END
expect_stderr "each missing path is named, then the summary" <<END
leaklint: error: missing.js: no such file or directory
leaklint: error: nowhere/: no such file or directory
$(summary 2 2 2 2)
END

run missing.js
expect_code 2 "a missing path alone"
expect_no_stdout "a missing path alone"
expect_stderr "a missing path alone is named" <<END
leaklint: error: missing.js: no such file or directory
$(summary 0 0 0 0)
END
