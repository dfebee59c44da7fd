# --no-color is --color never (as most CLIs accept it), and -j 0 is one job per CPU (the default).
printf '%s\n' "$leaky_js" >leaky.js
FORCE_COLOR=1 run --no-color leaky.js
expect_code 1 "--no-color"
expect_stdout "--no-color: plain text even with FORCE_COLOR" <<END
$(ig leaky.js 1 16 leaked)
END
run -j 0 leaky.js
expect_code 1 "-j 0"
expect_stdout "-j 0 analyses as the default does" <<END
$(ig leaky.js 1 16 leaked)
END
run -j -1 leaky.js
expect_code 2 "-j -1 is a usage error"
expect_match err "^leaklint: error: --jobs: '-1' is not a number from 0 \\(one per CPU\\) to 256$" "-j -1 says why"
