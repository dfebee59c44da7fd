#!/bin/sh
# The entry point of the pre-commit hook (.pre-commit-hooks.yaml): runs leaklint on the files
# pre-commit passes (the staged JavaScript and JSX files), with any arguments the project's
# `args:` adds. pre-commit clones this repository and runs this script from that clone, so the
# binary is found, or built once, there:
#   1. $LEAKLINT, when it names an executable (a build of the project's own choosing);
#   2. build-hook/leaklint in the clone, when it is newer than every source file;
#   3. otherwise it is built into build-hook/ with CMake (a Release build, no tests), under a
#      lock so that two hooks starting at once do not build over each other. The configure step
#      fetches the pinned tree-sitter tarballs with npm, or takes them from
#      $LEAKLINT_TARBALL_DIR for an offline build;
#   4. without CMake, a leaklint on the PATH.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-hook"
bin="$build/leaklint"

[ "$#" -gt 0 ] || exit 0 # nothing staged that leaklint reads

if [ -n "${LEAKLINT:-}" ] && [ -x "$LEAKLINT" ]; then
  exec "$LEAKLINT" "$@"
fi

# True when the binary is missing or older than a file it is built from.
stale() {
  [ ! -x "$bin" ] && return 0
  [ -n "$(find "$here/CMakeLists.txt" "$here/analyzer" "$here/rules" -newer "$bin" \
    \( -name '*.c' -o -name '*.h' -o -name '*.cmake' -o -name CMakeLists.txt \) -print -quit)" ]
}

build_leaklint() {
  log="$build/build.log"
  mkdir -p "$build"
  echo "leaklint: building (first run only) in $build" >&2
  set -- -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
  if [ -n "${LEAKLINT_TARBALL_DIR:-}" ]; then set -- "$@" -DLEAKLINT_TARBALL_DIR="$LEAKLINT_TARBALL_DIR"; fi
  jobs=$(nproc 2>/dev/null || echo 2)
  if ! { cmake "$@" && cmake --build "$build" -j "$jobs" --target leaklint; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "leaklint: the build failed (log: $log); on Debian, sh $here/.ci/deps installs what it needs" >&2
    exit 2
  fi
  # A source touched without a change relinks nothing: mark the binary fresh all the same, or
  # every later commit would run CMake again.
  touch "$bin"
}

if stale; then
  if command -v cmake >/dev/null 2>&1; then
    mkdir -p "$build"
    if command -v flock >/dev/null 2>&1; then
      # The first hook builds; one that starts meanwhile waits, then finds the binary fresh.
      exec 9>"$build/.lock"
      flock 9
      if stale; then build_leaklint; fi
      exec 9>&-
    else
      until mkdir "$build/.lock.d" 2>/dev/null; do sleep 1; done
      trap 'rmdir "$build/.lock.d"' EXIT
      if stale; then build_leaklint; fi
      rmdir "$build/.lock.d"
      trap - EXIT
    fi
  elif command -v leaklint >/dev/null 2>&1; then
    exec leaklint "$@"
  else
    echo "leaklint: cannot build the hook's binary: cmake is not installed (sh $here/.ci/deps)," >&2
    echo "leaklint: and there is no leaklint on the PATH" >&2
    exit 2
  fi
fi
exec "$bin" "$@"
