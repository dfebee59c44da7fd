#!/usr/bin/env bash
# install_multitool.sh DIR: installs the pinned SARIF Multitool (npm @microsoft/sarif-multitool-linux)
# into DIR once. A finished install leaves DIR/.complete; later runs do nothing and need no
# network. A half-finished one is started again.
set -eu
dir=$1
version=5.7.0
[ -f "$dir/.complete-$version" ] && exit 0
rm -rf "$dir"
mkdir -p "$dir"
printf '{"name":"leaklint-test-tools","private":true}\n' >"$dir/package.json"
if ! (cd "$dir" && npm install --no-audit --no-fund --save-exact --loglevel=error \
  "@microsoft/sarif-multitool-linux@$version" >npm.log 2>&1); then
  echo "install_multitool: npm install failed:" >&2
  tail -20 "$dir/npm.log" >&2
  exit 1
fi
chmod u+x "$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
touch "$dir/.complete-$version"
