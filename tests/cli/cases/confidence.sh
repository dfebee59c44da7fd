# Confidence: every JSON finding says "high" or "medium", every SARIF result has the matching rank
# (90, 50) and properties.precision; the text format shows it only through the severity.
# `minConfidence` in leaklint.json and --min-confidence (which wins) drop the findings below
# them. Which rule reports medium findings changes as the rules learn: the checks compare runs
# over the fixtures instead of naming one.
fixtures=$root/fixtures

run -f json "$fixtures"
expect_code 1 "the fixtures have findings"
cp out all.json
node -e '
  const f = JSON.parse(require("fs").readFileSync("all.json", "utf8"));
  const bad = f.filter((x) => !["high", "medium"].includes(x.confidence));
  if (!f.length || bad.length) { console.log(JSON.stringify(bad[0])); process.exit(1); }' &&
  pass || fail "every JSON finding has a confidence, high or medium"

# The same findings, high ones only: what --min-confidence high must print.
node -e '
  const f = JSON.parse(require("fs").readFileSync("all.json", "utf8"));
  process.stdout.write(JSON.stringify(f.filter((x) => x.confidence === "high"), null, 2) + "\n");' >high.json
run -f json --min-confidence high "$fixtures"
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync("out", "utf8")), b = JSON.parse(fs.readFileSync("high.json", "utf8"));
  process.exit(JSON.stringify(a) === JSON.stringify(b) ? 0 : 1)' &&
  pass || fail "--min-confidence high: exactly the high findings of a full run" "$(shown out)"
run -f json --min-confidence medium "$fixtures"
expect_same all.json out "--min-confidence medium: every finding (the default)"

# The configuration key, and the command line over it.
mkdir proj && cp -r "$fixtures"/* proj/
find proj -name '*leaklint.json' -delete
run -f json proj
cp out proj-all.json
node -e '
  const f = JSON.parse(require("fs").readFileSync("proj-all.json", "utf8"));
  process.stdout.write(JSON.stringify(f.filter((x) => x.confidence === "high")));' >proj-high.json
printf '{"minConfidence": "high"}\n' >proj/leaklint.json
run -f json proj
node -e '
  const fs = require("fs");
  process.exit(JSON.stringify(JSON.parse(fs.readFileSync("out", "utf8"))) === fs.readFileSync("proj-high.json", "utf8") ? 0 : 1)' &&
  pass || fail "\"minConfidence\": \"high\" in leaklint.json drops the medium findings" "$(shown out)"
run -f json --min-confidence medium proj
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync("out", "utf8")), b = JSON.parse(fs.readFileSync("proj-all.json", "utf8"));
  process.exit(JSON.stringify(a) === JSON.stringify(b) ? 0 : 1)' &&
  pass || fail "--min-confidence medium wins over the file's minConfidence" "$(shown out)"
run --print-config proj/a.js
expect_match out '^  "minConfidence": "high",$' "--print-config shows minConfidence"
run --min-confidence medium --print-config proj/a.js
expect_match out '^  "minConfidence": "medium",$' "--print-config shows --min-confidence over the file"
printf '{"minConfidence": "low"}\n' >proj/leaklint.json
run proj
expect_code 2 "a bad minConfidence"
expect_line err "leaklint: error: $PWD/proj/leaklint.json: \"minConfidence\": expected \"high\" or \"medium\", not \"low\"" \
  "a bad minConfidence is named"
run --min-confidence low "$fixtures"
expect_code 2 "--min-confidence with a bad level"
expect_line err "leaklint: error: --min-confidence: 'low' is not high or medium" "--min-confidence names the bad level"

# SARIF: rank and properties.precision from the confidence, on every result.
run -f sarif "$fixtures"
node -e '
  const log = JSON.parse(require("fs").readFileSync("out", "utf8"));
  const all = JSON.parse(require("fs").readFileSync("all.json", "utf8"));
  const results = log.runs[0].results, rank = { high: 90, medium: 50 };
  let bad = results.length === all.length ? 0 : 1;
  for (const r of results) if (!r.properties || rank[r.properties.precision] !== r.rank) bad++;
  const count = (xs, f) => xs.filter(f).length;
  if (count(results, (r) => r.rank === 50) !== count(all, (x) => x.confidence === "medium")) bad++;
  process.exit(bad ? 1 : 0)' && pass || fail "SARIF: rank 90 or 50 and properties.precision high or medium, as JSON says"

# Text: unchanged, the severity says it.
run "$fixtures"
expect_no_match out '(high|medium)' "the text format does not print the confidence"
