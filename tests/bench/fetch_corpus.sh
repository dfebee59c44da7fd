#!/usr/bin/env bash
# fetch_corpus.sh DIR [LIST]: the pinned packages of LIST (default corpus.txt beside this script,
# one "name@version sha512-integrity" a line) in DIR/<name@version>/ (a scope's slash becomes
# "+"), keeping only JavaScript files (.js .mjs .cjs .jsx), package.json files, and the files
# their `bin` names (often scripts without an extension): together they tell start-up code. Each
# package is fetched once with `npm pack`, checked against its pinned sha512 integrity, and
# unpacked; packages already there are skipped. Prints DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: fetch_corpus.sh DIR [LIST]}
list=${2:-$here/corpus.txt}
[ -r "$list" ] || {
  echo "fetch_corpus.sh: cannot read $list" >&2
  exit 1
}
# What a finished package directory keeps; a directory marked otherwise (an older fetch, which
# kept JavaScript files only) is fetched again.
kept='kept: .js .mjs .cjs .jsx package.json bin'
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while read -r spec integrity; do
  case "$spec" in '' | \#*) continue ;; esac
  dest="$dir/${spec//\//+}"
  [ "$(cat "$dest/.complete" 2>/dev/null)" = "$kept" ] && continue
  rm -rf "$dest" "${tmp:?}"/*
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || {
    echo "fetch_corpus.sh: npm pack $spec failed" >&2
    exit 1
  }
  tarball=$(ls "$tmp"/*.tgz)
  got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  [ "$got" = "$integrity" ] || {
    echo "fetch_corpus.sh: $spec: integrity mismatch (got $got)" >&2
    exit 1
  }
  mkdir -p "$dest"
  tar -xzf "$tarball" -C "$dest" --strip-components=1
  # The absolute paths of the files that the package.json files' `bin` fields name.
  find "$dest" -type f -name package.json -print0 | xargs -0 -r node -e '
    const path = require("path"), fs = require("fs");
    for (const f of process.argv.slice(1)) {
      let bin;
      try { bin = JSON.parse(fs.readFileSync(f, "utf8")).bin; } catch { continue; }
      if (typeof bin === "string") bin = [bin];
      for (const b of Object.values(bin || {}))
        if (typeof b === "string") console.log(path.resolve(path.dirname(f), b));
    }' >"$tmp/bins"
  find "$dest" -type f ! \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.jsx' \
    -o -name package.json \) -print0 | while IFS= read -r -d '' f; do
    grep -qxF -- "$f" "$tmp/bins" || rm -f -- "$f"
  done
  find "$dest" -depth -mindepth 1 -type d -empty -delete
  echo "$kept" >"$dest/.complete"
  echo "fetched $spec" >&2
done <"$list"
echo "$dir"
