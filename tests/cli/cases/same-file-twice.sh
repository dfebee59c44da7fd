# A file named twice (`a.js ./a.js`), or reached both by its name and through a symlinked folder,
# is analysed and reported once, under the name it was first given.
printf '%s\n' "$leaky_js" >leaky.js
run leaky.js ./leaky.js
expect_code 1 "the same file under two names"
expect_stdout "the same file under two names is reported once, as first given" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "the same file under two names counts once" <<END
$(summary 1 1 1 1)
END
run ./leaky.js leaky.js
expect_stdout "the first spelling given is the one kept" <<END
$(ig ./leaky.js 1 16 leaked)
END
mkdir linked
ln -s ../leaky.js linked/again.js
run leaky.js linked
expect_stdout "a file also reached through a link is reported once" <<END
$(ig leaky.js 1 16 leaked)
END
expect_stderr "a file also reached through a link counts once" <<END
$(summary 1 1 1 1)
END
