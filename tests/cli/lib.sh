# lib.sh: the assertions the command-line cases share. Sourced by run_case.sh, which sets
# $leaklint, $root and $version, and runs each case in a fresh, empty working directory.
#
# Every check counts as passed or failed; a failure prints what was expected and what came, and
# the case goes on so that one run shows every failure. finish() prints the totals and exits
# non-zero when anything failed.

passed=0 failed=0

pass() { passed=$((passed + 1)); }
# fail WHAT [DETAIL]: records a failure; DETAIL (e.g. a diff) is indented under it.
fail() {
  failed=$((failed + 1))
  printf 'FAIL: %s\n' "$1" >&2
  if [ -n "${2-}" ]; then printf '%s\n' "$2" | sed 's/^/    /' >&2; fi
}

# run ARGS...: runs leaklint in the working directory; stdout, stderr and the exit status are
# kept in the files out and err and in $code. A run that hangs is killed after 20 seconds
# (status 124), which fails whatever the case expects.
run() {
  timeout 20 "$leaklint" "$@" >out 2>err
  code=$?
}

# expect_code N WHAT: the last run's exit status was N.
expect_code() {
  if [ "$code" -eq "$1" ]; then pass; else fail "$2: exit status $code, expected $1" "$(shown err)"; fi
}

# expect_file FILE WHAT: FILE's content is exactly standard input (no input: FILE is empty).
expect_file() {
  local file=$1 what=$2 expected
  expected=$(mktemp)
  cat >"$expected"
  if [ ! -f "$file" ]; then
    fail "$what: $file does not exist"
  elif cmp -s "$expected" "$file"; then
    pass
  else
    fail "$what: $file differs from the expected text (- expected, + actual)" \
      "$(diff -u "$expected" "$file" | tail -n +3)"
  fi
  rm -f "$expected"
}
expect_stdout() { expect_file out "$1"; }
expect_stderr() { expect_file err "$1"; }
expect_no_stdout() { if [ -s out ]; then fail "$1: stdout is not empty" "$(shown out)"; else pass; fi; }
expect_no_stderr() { if [ -s err ]; then fail "$1: stderr is not empty" "$(shown err)"; else pass; fi; }

# expect WHAT COMMAND...: COMMAND succeeds.
expect() {
  local what=$1
  shift
  if "$@"; then pass; else fail "$what"; fi
}

# expect_same FILE1 FILE2 WHAT: the two files are byte-identical.
expect_same() {
  if cmp -s "$1" "$2"; then
    pass
  else
    fail "$3: $1 and $2 differ" "$(diff -u "$1" "$2" | tail -n +3)"
  fi
}

# expect_line FILE LINE WHAT: FILE has LINE as one of its lines, exactly.
expect_line() {
  if grep -qxF -- "$2" "$1"; then pass; else fail "$3: no line '$2' in $1" "$(shown "$1")"; fi
}

# expect_match FILE ERE WHAT: some line of FILE matches the extended regular expression.
expect_match() {
  if grep -qE -- "$2" "$1"; then pass; else fail "$3: no line of $1 matches /$2/" "$(shown "$1")"; fi
}

# expect_no_match FILE ERE WHAT: no line of FILE matches the extended regular expression.
expect_no_match() {
  if grep -qE -- "$2" "$1"; then fail "$3" "$(grep -E -- "$2" "$1")"; else pass; fi
}

# expect_files WHAT: the working directory holds exactly the entries (dot-files included) given
# on standard input, one per line in `ls -A` order: nothing partial or temporary is left.
expect_files() {
  local listing
  listing=$(ls -A | grep -vxE 'out|err')
  if [ "$listing" = "$(cat)" ]; then pass; else fail "$1: the directory holds" "$listing"; fi
}

# shown FILE: FILE's first lines, for failure messages.
shown() { if [ -s "$1" ]; then printf '%s:\n%s' "$1" "$(head -n 20 "$1")"; else echo "$1: (empty)"; fi; }

# The texts leaklint prints, built in one place so that a change of wording is one edit here.
#
# ig PATH LINE COLUMN NAME: the text line of an implicit-global finding.
ig() {
  printf '%s:%s:%s: error: `%s` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var [implicit-global]\n' "$@"
}
# summary FINDINGS ERRORS FILES_WITH FILES: the one-line summary on stderr.
summary() {
  local n=$1 e=$2 w=$(($1 - $2))
  printf 'leaklint: %s finding%s (%s error%s, %s warning%s) in %s of %s file%s\n' \
    "$n" "$(plural "$n")" "$e" "$(plural "$e")" "$w" "$(plural "$w")" "$3" "$4" "$(plural "$4")"
}
plural() { [ "$1" -eq 1 ] || printf s; }

# Sources that the cases write: one implicit global at 1:16 (`leaked`), none, and a syntax error.
# The implicit global is in a route handler, code that surely runs again and again: a finding of
# high confidence, so an error by default.
leaky_js="function f() { leaked = 1; }
app.get('/', f);"
clean_js='module.exports = function add(a, b) { return a + b; };'
broken_js='function broken( {'

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
