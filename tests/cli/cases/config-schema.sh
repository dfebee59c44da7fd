# The JSON Schema of leaklint.json (analyzer/leaklint.schema.json) agrees with leaklint: every
# example (the README's, the fixtures', --init's, --print-config's) is valid against it and
# accepted by leaklint; each broken configuration below is refused by both; and the schema names
# exactly the keys, rules and options that --print-config shows. Validated with Debian's
# python3-jsonschema (draft 2020-12).
schema="$root/analyzer/leaklint.schema.json"
validate() { /usr/bin/python3 -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
for e in errors: print(sys.argv[2], "/".join(map(str, e.absolute_path)), e.message)
sys.exit(1 if errors else 0)' "$schema" "$1"; }
if ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  fail "python3-jsonschema is not installed (.ci/deps installs it)"
  return
fi

# Examples. The README marks each leaklint.json example with <!-- leaklint.json --> above it.
mkdir examples
awk '/<!-- leaklint.json -->/ { take = 1; n++; next }
     take && /^```json/ { inside = 1; next }
     inside && /^```/ { inside = 0; take = 0; next }
     inside { print > ("examples/readme-" n ".json") }' "$root/README.md"
expect "the README has leaklint.json examples" test "$(ls examples | wc -l)" -ge 2
n=0
for f in "$root"/fixtures/*/*leaklint.json; do n=$((n + 1)); cp "$f" "examples/fixture-$n.json"; done
run --init && mv leaklint.json examples/init.json
run --config examples/init.json --print-config a.js
node -e '
  const c = JSON.parse(require("fs").readFileSync("out", "utf8"));
  for (const k of ["file", "ignored", "configFile"]) delete c[k];
  require("fs").writeFileSync("examples/printed.json", JSON.stringify(c));'
for f in examples/*.json; do
  if out=$(validate "$f"); then pass; else fail "$f is valid against the schema" "$out"; fi
  run --config "$f" --print-config a.js
  expect_code 0 "leaklint accepts $f"
done

# Broken configurations: the schema and leaklint both refuse each.
bad=(
  '{"rule": {}}'
  '{"rules": {"timer-leek": "off"}}'
  '{"rules": {"timer-leak": "warnings"}}'
  '{"rules": {"timer-leak": 3}}'
  '{"rules": {"timer-leak": ["fatal"]}}'
  '{"minConfidence": "low"}'
  '{"rules": {"timer-leak": ["warning", {"x": []}]}}'
  '{"rules": {"listener-unbalanced": ["warning", {"ignoreEvents": "error"}]}}'
  '{"rules": {"listener-unbalanced": ["warning", {}, 3]}}'
  '{"ignore": "dist"}'
  '{"ignore": ["!keep.js"]}'
  '{"extensions": ["js"]}'
  '{"routeMethods": [1]}'
  '{"globals": {}}'
  '[]'
)
i=0
for doc in "${bad[@]}"; do
  i=$((i + 1))
  printf '%s\n' "$doc" >"bad-$i.json"
  if validate "bad-$i.json" >/dev/null; then fail "the schema refuses $doc"; else pass; fi
  run --config "bad-$i.json" --print-config a.js
  expect_code 2 "leaklint refuses $doc"
done

# The schema's names are leaklint's names.
run --no-config --print-config a.js
node -e '
  const fs = require("fs");
  const schema = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const printed = JSON.parse(fs.readFileSync("out", "utf8"));
  for (const k of ["file", "ignored", "configFile"]) delete printed[k];
  const keys = (o) => Object.keys(o).sort().join(" ");
  let bad = 0;
  const same = (what, a, b) => { if (a !== b) { bad++; console.log(what, ":", a, "<>", b); } };
  same("top-level keys", keys(schema.properties).replace("$schema ", ""), keys(printed));
  same("rules", keys(schema.properties.rules.properties), keys(printed.rules));
  for (const [id, value] of Object.entries(printed.rules)) {
    const s = schema.properties.rules.properties[id] || {};
    const opts = s.oneOf ? keys(s.oneOf[1].prefixItems[1].properties) : "";
    same(`options of ${id}`, opts, Array.isArray(value) ? keys(value[1]) : "");
  }
  process.exit(bad ? 1 : 0)' "$schema" && pass || fail "the schema and --print-config name the same keys, rules and options"
