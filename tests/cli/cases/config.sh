# leaklint.json: found by walking up from each file's directory, the nearest one applies (no
# merging), the walk stops at the repository root; --config and --no-config; severities, rules
# turned off, ignore globs (named files included) and extensions.
git init -q .
mkdir -p src/deep/er lib vendor dist build
printf '%s\n' "$leaky_js" | tee src/a.js src/deep/b.js src/deep/er/c.js lib/d.js vendor/e.js \
  dist/f.js build/g.min.js lib/h.es >/dev/null

run .
expect_code 1 "no configuration: the built-in settings"
expect_stdout "no configuration: every .js file, every finding an error (the rule's default)" <<END
$(ig build/g.min.js 1 16 leaked)
$(ig dist/f.js 1 16 leaked)
$(ig lib/d.js 1 16 leaked)
$(ig src/a.js 1 16 leaked)
$(ig src/deep/b.js 1 16 leaked)
$(ig src/deep/er/c.js 1 16 leaked)
$(ig vendor/e.js 1 16 leaked)
END

cat >leaklint.json <<'END'
{
  "rules": { "implicit-global": "error" },
  "ignore": ["dist/", "/vendor", "**/*.min.js", "src/deep/er/**"],
  "extensions": [".js", ".es"]
}
END
printf '{"rules": {"implicit-global": "off"}}\n' >src/deep/leaklint.json
run .
expect_code 1 "a configuration at the root, another below"
expect_stdout "ignored paths skipped, .es walked, errors, the nearer file wins for src/deep" <<END
lib/d.js:1:16: error: \`leaked\` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var [implicit-global]
lib/h.es:1:16: error: \`leaked\` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var [implicit-global]
src/a.js:1:16: error: \`leaked\` is assigned but never declared, so it becomes a global that lives as long as the process; declare it with let, const or var [implicit-global]
END
# src/deep/er/c.js is analysed: src/deep/leaklint.json is nearer and replaces the root's, whose
# ignore of src/deep/er/** does not reach it; the rule is off there.
expect_stderr "errors are counted as errors; the nearer file's tree follows the nearer file" <<END
$(summary 3 3 3 5)
END

run dist/f.js vendor/e.js src/deep/er/c.js build/g.min.js
expect_code 0 "named files that the configuration ignores (as pre-commit passes them)"
expect_no_stdout "named files that the configuration ignores are skipped"

run src/deep/b.js
expect_code 0 "the nearest leaklint.json turns the rule off"

# A directory with a .git is a repository root: nothing above it counts, here the leaklint.json
# of the outer repository, which makes implicit-global an error.
mkdir -p other && (cd other && git init -q . && printf '%s\n' "$leaky_js" >x.js)
run other/x.js
expect_code 1 "the walk up stops at the repository root of the file"
expect_stdout "the configuration above other/'s repository root does not apply" <<END
$(ig other/x.js 1 16 leaked)
END

run --no-config dist/f.js src/deep/b.js
expect_code 1 "--no-config: the built-in settings"
expect_stdout "--no-config: no ignore, the default severity" <<END
$(ig dist/f.js 1 16 leaked)
$(ig src/deep/b.js 1 16 leaked)
END

printf '{"rules": {"implicit-global": "off"}}\n' >quiet.json
run --config quiet.json .
expect_code 0 "--config FILE applies to every file"
expect_no_stdout "--config FILE: the rule is off everywhere"

run --config quiet.json --no-config .
expect_code 2 "--config with --no-config is a usage error"

run --config missing.json .
expect_code 2 "--config naming a missing file"
expect_line err "leaklint: error: missing.json: cannot read the configuration: unable to open missing.json: No such file or directory" \
  "--config naming a missing file says so"
