# What a directory walk leaves out: .gitignore files (nested ones for their subtree) and
# .git/info/exclude, with gitignore's syntax (comments, negation, anchoring, a trailing slash,
# `**`, escapes), inside a git repository only; --no-ignore-vcs turns them off; a path named on
# the command line is analysed anyway. .leaklintignore, read the same way, with --no-ignore-vcs
# too and for named paths too; --ignore-pattern GLOB, repeatable, relative to the current
# directory.
git init -q repo
cd repo
mkdir -p src/gen src/deep/gen build vendor/keep docs/a/b/c sub/out 'odd #dir'
for f in src/a.js src/gen/g.js src/deep/gen/h.js build/b.js vendor/v.js vendor/keep/k.js \
  docs/a/b/c/d.js sub/out/o.js sub/s.js 'odd #dir/x.js' 'src/!bang.js' src/local.js src/trail.js \
  '#hash.js'; do
  printf '%s\n' "$leaky_js" >"$f"
done
cat >.gitignore <<'END'
# build output
build/
/src/gen
vendor/**
!vendor/keep/
!vendor/keep/**
docs/**/c
\#*
\!bang.js
src/trail.js\ 
END
printf 'out/\n' >sub/.gitignore
printf 'local.js\n' >.git/info/exclude
printf '#dir/x.js\n' >'odd #dir/.gitignore'
# paths: the files of the last run's findings, sorted
paths() { cut -d: -f1 out | sort -u | tr '\n' ' '; }

run .
expect_code 1 "a repository with .gitignore files"
expect "what .gitignore, nested .gitignore and info/exclude leave out" \
  [ "$(paths)" = "odd #dir/x.js src/a.js src/deep/gen/h.js src/trail.js sub/s.js vendor/keep/k.js " ]
# src/trail.js stays: its pattern ends in an escaped blank, a name with a trailing blank.

run --no-ignore-vcs .
expect "--no-ignore-vcs: every file" [ "$(wc -l <out)" -eq 14 ]

run build/b.js src/gen sub/out/o.js
expect_code 1 "named paths"
expect "paths named on the command line are analysed anyway" \
  [ "$(paths)" = "build/b.js src/gen/g.js sub/out/o.js " ]

run src
expect "a walk from a subdirectory reads the .gitignore files above it, to the root" \
  [ "$(paths)" = "src/a.js src/deep/gen/h.js src/trail.js " ]

# .leaklintignore: gitignore syntax, honoured with --no-ignore-vcs and for named files; it comes
# before the .gitignore of its own directory, so it can re-include.
printf 'src/a.js\n!build/\n' >.leaklintignore
run --no-ignore-vcs src build
expect "--no-ignore-vcs still reads .leaklintignore" \
  [ "$(paths)" = "build/b.js src/!bang.js src/deep/gen/h.js src/gen/g.js src/local.js src/trail.js " ]
run .
expect ".leaklintignore re-includes what .gitignore leaves out" [ "$(paths)" = "build/b.js odd #dir/x.js src/deep/gen/h.js src/trail.js sub/s.js vendor/keep/k.js " ]
run src/a.js sub/s.js
expect ".leaklintignore applies to named files" [ "$(paths)" = "sub/s.js " ]
printf 'deep/\n' >src/.leaklintignore
run src
expect "a nested .leaklintignore applies to its subtree" [ "$(paths)" = "src/trail.js " ]
rm .leaklintignore src/.leaklintignore

# --ignore-pattern: repeatable, relative to the current directory, for named files too.
run --ignore-pattern 'src/**' --ignore-pattern '*.js' --ignore-pattern '!s.js' .
expect "--ignore-pattern, repeated, with a negation" [ "$(paths)" = "sub/s.js " ]
run --ignore-pattern src/a.js src/a.js sub/s.js
expect "--ignore-pattern applies to named files" [ "$(paths)" = "sub/s.js " ]
(cd src && timeout 20 "$leaklint" --ignore-pattern 'deep' . >../out 2>../err)
expect "--ignore-pattern is relative to the current directory" [ "$(paths)" = "a.js trail.js " ]
run --ignore-pattern '[ab' .
expect_code 2 "--ignore-pattern with an unclosed class"
expect_line err 'leaklint: error: --ignore-pattern: `[ab`: unclosed `[` at offset 0' \
  "--ignore-pattern: the bad pattern is named"
cd ..

# Outside a repository a .gitignore means nothing (as for git and ripgrep); .leaklintignore does.
mkdir plain && printf '%s\n' "$leaky_js" >plain/a.js && printf '%s\n' "$leaky_js" >plain/b.js
printf 'a.js\n' >plain/.gitignore
printf 'b.js\n' >plain/.leaklintignore
run plain
expect "outside a repository: .gitignore is not read, .leaklintignore is" [ "$(paths)" = "plain/a.js " ]
