#!/usr/bin/env bash
# node_check_fixtures.sh NODE FIXTURES_DIR: every fixture but the syntax-error ones and JSX must be
# JavaScript that node accepts. Files with import/export (and .mjs files) are compiled as ES
# modules, the others as CommonJS function bodies, as node --check does; one node process
# compiles them all (one `node --check` per file took over a minute).
set -u
node=$1 dir=$2
find "$dir" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) -print0 | sort -z |
  "$node" --experimental-vm-modules --no-warnings -e '
    const fs = require("fs"), vm = require("vm");
    const files = fs.readFileSync(0, "utf8").split("\0").filter(Boolean)
      .filter((f) => !f.includes("/syntax-error/"));
    let passed = 0, failed = 0;
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const esm = file.endsWith(".mjs") || /^\s*(import|export)\b/m.test(source);
      try {
        if (esm) new vm.SourceTextModule(source, { identifier: file });
        else vm.compileFunction(source, ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
        passed++;
      } catch (e) {
        failed++;
        console.error(`${file}: node does not accept it: ${e.message}`);
      }
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);'
