# --print-config FILE shows the configuration that applies to FILE, every key present; --init
# writes a starter file with every key at its default and never replaces one.
run --init
expect_code 0 "--init"
expect_line err "leaklint: wrote leaklint.json with every setting at its default" "--init says what it wrote"
expect "--init writes leaklint.json" test -s leaklint.json
cp leaklint.json first.json
run --init
expect_code 2 "--init with a leaklint.json there"
expect_line err "leaklint: error: leaklint.json: cannot create the configuration: the file exists (remove it first)" \
  "--init refuses to replace a configuration"
expect_same first.json leaklint.json "--init leaves the existing file alone"

mkdir src
run --print-config src/a.js
expect_code 0 "--print-config with the starter file"
node -e '
  const fs = require("fs");
  const printed = JSON.parse(fs.readFileSync("out", "utf8"));
  const starter = JSON.parse(fs.readFileSync("leaklint.json", "utf8"));
  delete starter["$schema"];
  for (const k of ["file", "ignored", "configFile"]) delete printed[k];
  process.exit(JSON.stringify(printed) === JSON.stringify(starter) ? 0 : 1)' &&
  pass || fail "the starter file is the effective default configuration" "$(shown out)"

cat >leaklint.json <<'END'
{
  "rules": { "timer-leak": "error", "global-accumulator": ["off", { "ignoreNames": ["^registry$"] }] },
  "ignore": ["dist/", "**/*.{min,bundle}.js"],
  "routeMethods": ["^mux\\.handle$"]
}
END
run --print-config src/a.js
expect_code 0 "--print-config"
node -e '
  const c = JSON.parse(require("fs").readFileSync("out", "utf8"));
  const ok = c.file === "src/a.js" && c.ignored === false && c.configFile === process.cwd() + "/leaklint.json" &&
    c.rules["timer-leak"] === "error" && c.rules["closure-in-loop"] === "error" &&
    JSON.stringify(c.rules["global-accumulator"]) === JSON.stringify(["off", { ignoreNames: ["^registry$"] }]) &&
    JSON.stringify(c.ignore) === JSON.stringify(["dist/", "**/*.{min,bundle}.js"]) &&
    JSON.stringify(c.routeMethods) === JSON.stringify(["^mux\\.handle$"]) &&
    JSON.stringify(c.extensions) === JSON.stringify([".js", ".mjs", ".cjs", ".jsx"]);
  if (!ok) console.log(JSON.stringify(c));
  process.exit(ok ? 0 : 1)' && pass || fail "--print-config shows the file, the rules and the lists" "$(shown out)"

run --print-config dist/x.js
node -e 'process.exit(JSON.parse(require("fs").readFileSync("out", "utf8")).ignored === true ? 0 : 1)' &&
  pass || fail "--print-config says when the file is ignored" "$(shown out)"
run --print-config src/app.bundle.js
node -e 'process.exit(JSON.parse(require("fs").readFileSync("out", "utf8")).ignored === true ? 0 : 1)' &&
  pass || fail "braces in an ignore glob" "$(shown out)"

run --no-config --print-config src/a.js
node -e 'process.exit(JSON.parse(require("fs").readFileSync("out", "utf8")).configFile === null ? 0 : 1)' &&
  pass || fail "--no-config --print-config: no file" "$(shown out)"
