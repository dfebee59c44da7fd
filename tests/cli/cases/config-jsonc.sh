# leaklint.json is read as JSONC, as VS Code, TypeScript and Biome read their configuration:
# `//` and `/* */` comments and trailing commas are allowed; comment markers and commas inside
# strings are text; and an error after a comment is still reported at its line and column in
# the file as written (a comment with non-ASCII characters included).
printf '%s\n' "$leaky_js" >leaky.js

cat >leaklint.json <<'END'
// leaklint's settings, with comments
{
  /* severities */ "rules": { "implicit-global": "warning", },
  "routeMethods": ["^a//b$", "^c/*d*/$", "^e,]$",], // trailing commas
  "globals": [
    "^x$", /* a comment between items */
  ],
}
/* trailing comment */
END
run --print-config leaky.js
expect_code 0 "comments and trailing commas are accepted"
node -e '
  const c = JSON.parse(require("fs").readFileSync("out", "utf8"));
  const ok = c.rules["implicit-global"] === "warning" &&
    JSON.stringify(c.routeMethods) === JSON.stringify(["^a//b$", "^c/*d*/$", "^e,]$"]) &&
    JSON.stringify(c.globals) === JSON.stringify(["^x$"]);
  process.exit(ok ? 0 : 1)' && pass || fail "strings that look like comments or commas are kept as written" "$(shown out)"
run leaky.js
expect_code 0 "the commented configuration applies (implicit-global a warning: exit 0)"
expect_match out '^leaky\.js:1:16: warning: ' "the commented configuration applies"

# bad NAME EXPECTED-STDERR-LINE: as in config-errors.sh.
bad() {
  cat >leaklint.json
  run leaky.js
  expect_code 2 "$1"
  expect_line err "$2" "$1: the error"
}
bad "an error after a comment: its position in the file as written" "leaklint: error: $PWD/leaklint.json: 3:27: invalid token near 'x'" <<'END'
{
  // ünïcödé comment
  /* é */ "rules": { "a": x }
}
END
bad "an unclosed comment is an error where it starts" "leaklint: error: $PWD/leaklint.json: 1:16: string or '}' expected near '/'" <<'END'
{ "rules": {}, /* unclosed
}
END
bad "a comma alone is not a trailing comma" "leaklint: error: $PWD/leaklint.json: 1:15: string or '}' expected near ','" <<'END'
{ "rules": {},, }
END
bad "a comment inside a string is the string's" "leaklint: error: $PWD/leaklint.json: \"rules.// x\": unknown rule; \`leaklint --list-rules\` lists them" <<'END'
{ "rules": { "// x": "off" } }
END
