#!/usr/bin/env bash
# install_multitool.sh DIR: installs the SARIF Multitool, npm package
# @microsoft/sarif-multitool-linux pinned at 5.7.0, into DIR (in the build tree), once.
#
# A finished install leaves the marker DIR/.installed-5.7.0; with it present this does nothing
# and needs neither npm nor the network. The install is made in a staging directory beside DIR
# and moved into place only once complete, so an interrupted one is simply started again.
set -eu
dir=$1
version=5.7.0
marker=$dir/.installed-$version
[ -f "$marker" ] && exit 0
command -v npm >/dev/null || { echo "install_multitool: npm is required for the first run" >&2; exit 1; }
mkdir -p "$(dirname "$dir")"
stage=$(mktemp -d "$dir.staging-XXXXXX")
trap 'rm -rf "$stage"' EXIT
printf '{"name":"leaklint-output-test-tools","private":true}\n' >"$stage/package.json"
if ! (cd "$stage" && npm install --no-audit --no-fund --save-exact --loglevel=error \
  "@microsoft/sarif-multitool-linux@$version" >npm.log 2>&1); then
  echo "install_multitool: npm install failed:" >&2
  tail -20 "$stage/npm.log" >&2
  exit 1
fi
package=$stage/node_modules/@microsoft/sarif-multitool-linux
chmod +x "$package/Sarif.Multitool" # the tarball has no execute bits
# A smoke test before the marker: the binary runs here and the schema is where tests look.
"$package/Sarif.Multitool" --version >/dev/null 2>&1 ||
  { echo "install_multitool: the Multitool does not run on this machine" >&2; exit 1; }
[ -r "$package/sarif-2.1.0.json" ] || { echo "install_multitool: no sarif-2.1.0.json" >&2; exit 1; }
touch "$stage/.installed-$version"
rm -rf "$dir"
mv "$stage" "$dir"
trap - EXIT
echo "install_multitool: installed @microsoft/sarif-multitool-linux@$version in $dir"
