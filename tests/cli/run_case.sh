#!/usr/bin/env bash
# run_case.sh LEAKLINT SOURCE_ROOT VERSION CASE: one command-line test, cases/CASE.sh, run on the
# real binary in a fresh temporary directory that is removed afterwards. Prints `N passed,
# N failed` and exits non-zero when a check failed.
set -u
leaklint=$1 root=$2 version=$3 case=$4
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/cases/$case.sh" ]; then
  echo "run_case.sh: no case '$case' in $here/cases" >&2
  exit 2
fi
export LC_ALL=C
work=$(mktemp -d)
# Cases make unreadable files and directories: give them back before removing the tree.
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work" # an unprivileged user runs leaklint here in the `unreadable` case
cd "$work" || exit 2
. "$here/lib.sh"
. "$here/cases/$case.sh"
finish
