# Output is sorted by path (bytes), then line, column and rule, whatever the order in which the
# files were created, the order of the arguments or the number of jobs: byte-identical output.

# Only a file's first syntax error is reported. Line 1 has a syntax error before an implicit
# global (column order beats rule order), line 2 an implicit global at a smaller column than
# line 1's (line order beats column order).
text='function g() { a.b = ; late = 2 }
function f() { early = 1; }'
make_tree() { # make_tree PATH...: the files, created in the order given
  local path
  for path in "$@"; do
    mkdir -p "$(dirname "$path")"
    printf '%s\n' "$text" >"$path"
  done
}
findings_of() { # findings_of PATH: what leaklint prints for a file PATH holding $text
  printf '%s:1:22: error: syntax error: unexpected `;` [syntax-error]\n' "$1"
  ig "$1" 1 24 late
  ig "$1" 2 16 early
}

make_tree a.js a/z.js a/b/c/deep.js a-b.js b.js
# The functions run nowhere visible: implicit-global's confidence is not the point here, its level
# is fixed.
printf '{"rules": {"implicit-global": "error"}}\n' >leaklint.json
run -j 1 a.js a-b.js a b.js
expect_code 1 "findings"
cp out first
# Bytes: '-' < '.' < '/', so a-b.js, a.js, then the files under a/.
expect_stdout "sorted by path, line, column and rule" <<END
$(findings_of a-b.js)
$(findings_of a.js)
$(findings_of a/b/c/deep.js)
$(findings_of a/z.js)
$(findings_of b.js)
END

rm -rf a a.js a-b.js b.js
make_tree b.js a/b/c/deep.js a-b.js a/z.js a.js
run -j 1 a.js a-b.js a b.js
expect_same first out "the same files created in another order"
run -j 4 b.js a a-b.js a.js
expect_same first out "another argument order, four jobs"
run -j 3 .
expect_same first out "the same files found by the directory walk"
run -j 2 a/z.js a a/z.js b.js a.js a-b.js
expect_same first out "a file named twice is reported once"
