#!/usr/bin/env bash
# fetch_corpus.sh DIR: the pinned corpus of corpus.txt, JavaScript files only, in DIR/<name@version>/.
# Each package is fetched once with `npm pack`, checked against its pinned sha512 integrity, and
# unpacked; packages already there are skipped. Prints the directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: fetch_corpus.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while read -r spec integrity; do
  case "$spec" in '' | \#*) continue ;; esac
  dest="$dir/${spec//\//+}"
  [ -f "$dest/.complete" ] && continue
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
  find "$dest" -type f ! \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.jsx' \) -delete
  find "$dest" -depth -mindepth 1 -type d -empty -delete
  touch "$dest/.complete"
  echo "fetched $spec" >&2
done <"$here/corpus.txt"
echo "$dir"
