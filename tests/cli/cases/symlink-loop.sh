# Links to directories are not followed, so a link loop neither hangs the walk nor repeats files.
mkdir -p src/deep
printf '%s\n' "$leaky_js" >src/a.js
printf '%s\n' "$leaky_js" >src/deep/b.js
ln -s .. src/deep/up
ln -s . src/self
ln -s ../loop-b loop-a && ln -s ../loop-a loop-b # two links that name each other

run src
expect_code 1 "a tree with link loops"
expect_stdout "each file once, through no link" <<END
$(ig src/a.js 1 16 leaked)
$(ig src/deep/b.js 1 16 leaked)
END
expect_stderr "a tree with link loops: no errors" <<END
$(summary 2 2 2 2)
END

# A link named explicitly is followed once; the links inside it are not.
run src/self
expect_code 1 "a directory link named explicitly"
expect_stdout "a directory link named explicitly is walked once" <<END
$(ig src/self/a.js 1 16 leaked)
$(ig src/self/deep/b.js 1 16 leaked)
END

run .
expect_code 1 "a walk past links that name each other"
expect_stderr "links that name each other are left alone" <<END
$(summary 2 2 2 2)
END
