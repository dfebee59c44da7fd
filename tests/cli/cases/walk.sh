# The directory walk: .js .mjs .cjs .jsx files, recursively; node_modules, .git and hidden
# directories skipped; other extensions skipped; a file named explicitly is analysed whatever
# its extension; links to files count as the file, links to directories are not followed.
mkdir -p src/deep/er node_modules/pkg .git .hidden src/.cache src/lib/node_modules/dep
for path in src/a.js src/c.cjs src/d.jsx src/deep/er/e.js src/notes.txt src/a.js.bak script \
  node_modules/pkg/x.js .git/y.js .hidden/z.js src/.cache/h.js src/lib/node_modules/dep/i.js; do
  printf '%s\n' "$leaky_js" >"$path"
done
# An .mjs file is a strict module, where no implicit global exists: a syntax error shows it is read.
printf '%s\n' "$broken_js" >src/b.mjs
ln -s ../script src/linked.js
ln -s missing.js src/dangling.js
ln -s ../node_modules src/deep/modules-link

run src
expect_code 1 "the walk"
expect_stdout "every JavaScript extension, recursively; nothing else" <<END
$(ig src/a.js 1 16 leaked)
src/b.mjs:1:1: error: syntax error: unexpected \`function broken( {\` [syntax-error]
$(ig src/c.cjs 1 16 leaked)
$(ig src/d.jsx 1 16 leaked)
$(ig src/deep/er/e.js 1 16 leaked)
$(ig src/linked.js 1 16 leaked)
END
expect_stderr "the walk: no errors" <<END
$(summary 6 6 6 6)
END

run src/notes.txt script .hidden/z.js
expect_code 1 "files named explicitly"
expect_stdout "files named explicitly are analysed whatever their name" <<END
$(ig .hidden/z.js 1 16 leaked)
$(ig script 1 16 leaked)
$(ig src/notes.txt 1 16 leaked)
END

# The default path is `.`, and printed paths then have no `./` in front.
run
expect_code 1 "no path"
cp out default
run .
expect_same default out "no path is the same as ."
expect_no_match out '^\./' "paths under . have no ./ in front"
expect_line out "$(ig src/a.js 1 16 leaked)" "no path: the walk starts at ."

run ./src
expect_line out "$(ig ./src/a.js 1 16 leaked)" "a path given as ./src is printed as given"

# Nothing to analyse is an error, as in ESLint (empty-run.sh has the details).
mkdir empty && cd empty
run
expect_code 2 "no path in an empty directory"
expect_no_stdout "no path in an empty directory"
expect_stderr "no path in an empty directory: the error, then the summary" <<END
leaklint: error: no files to analyse (0 ignored, 0 generated or minified, no other JavaScript file found); --no-error-on-unmatched-pattern to accept it
$(summary 0 0 0 0)
END
cd ..
