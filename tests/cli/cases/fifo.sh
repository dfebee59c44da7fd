# A FIFO named explicitly is refused at once, named on stderr (exit 2): leaklint must not wait
# for a writer. The other file is still analysed. In a walk, a FIFO is not a file to analyse.
mkfifo pipe.js
printf '%s\n' "$leaky_js" >leaky.js

run pipe.js leaky.js
expect_code 2 "a FIFO named explicitly (124: it hung)"
expect_stdout "a FIFO: the other file is still reported" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "a FIFO is named" <<END
leaklint: error: pipe.js: not a regular file; skipped
$(summary 1 1 1 2)
END

run .
expect_code 1 "a FIFO in a walk (124: it hung)"
expect_stderr "a FIFO in a walk is passed over" <<END
$(summary 1 1 1 1)
END
