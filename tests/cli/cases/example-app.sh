# The bundled example application, run the way the README's first command runs it: it has
# findings (exit 1), among them the implicit global of webhooks.js; each leak its files describe
# is found; and from a `No leak` comment to the end of a file, leaklint stays silent.
app=tests/example-app
(cd "$root" && timeout 20 "$leaklint" "$app") >out 2>err
code=$?
expect_code 1 "the example app has findings"
expect_match out "^$app/src/webhooks.js:11:3: (error|warning): \`seen\` is assigned but never declared.*\[implicit-global\]$" \
  "the example app has the implicit global"
expect_match err '^leaklint: [0-9]+ findings? \([0-9]+ errors?, [0-9]+ warnings?\) in [0-9]+ of 5 files$' \
  "stderr: the summary, over the app's 5 files"
expect "stderr: nothing but the summary" [ "$(wc -l <err)" -eq 1 ]

# The level is an error or, for a medium-confidence finding, a warning.
expect_finding() { # expect_finding FILE LINE RULE: a finding of RULE on that line of FILE
  expect_match out "^$app/$1:$2:[0-9]+: (error|warning): .* \[$3\]$" "the example app: $3 at $1:$2"
}
expect_finding src/server.js 16 global-accumulator          # ordersById.set in POST /orders
expect_finding src/server.js 29 listener-unbalanced         # bus.on in GET /orders/:id/events
expect_finding src/server.js 34 timer-leak                  # setInterval in GET /dashboard/stream
expect_finding src/jobs.js 10 closure-in-loop               # a retry closure kept in `retries`
expect_finding src/public/widget.jsx 12 ineffective-cleanup # the resize listener's removal

for file in $(cd "$root/$app" && find src -name '*.js' -o -name '*.jsx' | sort); do
  from=$(grep -n -m 1 'No leak' "$root/$app/$file" | cut -d: -f1)
  [ -n "$from" ] || continue
  noisy=$(awk -F: -v path="$app/$file" -v from="$from" '$1 == path && $2 >= from' out)
  if [ -z "$noisy" ]; then pass; else
    fail "the example app: findings in $file after its 'No leak' comment (line $from)" "$noisy"
  fi
done

# Plain JavaScript that node accepts (node cannot parse JSX).
if ! command -v node >/dev/null; then
  fail "node is not on PATH: cannot check the example app's syntax"
else
  for file in $(cd "$root/$app" && find src -name '*.js' -o -name '*.cjs' -o -name '*.mjs' | sort); do
    if node --check "$root/$app/$file" 2>node.err; then pass; else
      fail "node --check $app/$file" "$(cat node.err)"
    fi
  done
fi
