# A bad command line exits 2 with a message on stderr naming the option, and analyses nothing.
printf '%s\n' "$leaky_js" >leaky.js
try_again="Try 'leaklint --help' for more information."

run --bogus leaky.js
expect_code 2 "an unknown long option"
expect_no_stdout "an unknown long option"
expect_stderr "an unknown long option is named" <<END
leaklint: error: unknown option '--bogus'
$try_again
END

run --format xml leaky.js
expect_code 2 "an unknown format"
expect_no_stdout "an unknown format"
expect_stderr "an unknown format is named" <<END
leaklint: error: unknown format 'xml' (expected text, json, sarif or github)
$try_again
END

run -f xml leaky.js
expect_code 2 "an unknown format given to -f"

run leaky.js --format
expect_code 2 "an option without its value"
expect_stderr "an option without its value is named" <<END
leaklint: error: option '--format' needs a value
$try_again
END

run --jobs 257 leaky.js
expect_code 2 "--jobs 257"
expect_stderr "--jobs 257 is named" <<END
leaklint: error: --jobs: '257' is not a number from 0 (one per CPU) to 256
$try_again
END

run -x leaky.js
expect_code 2 "an unknown short option"
expect_stderr "an unknown short option is named" <<END
leaklint: error: unknown option '-x'
$try_again
END

# In a cluster of short options the message names the unknown one, not the argument before it.
run leaky.js -xV
expect_code 2 "an unknown short option in a cluster"
expect_stderr "an unknown short option in a cluster is named" <<END
leaklint: error: unknown option '-x'
$try_again
END
