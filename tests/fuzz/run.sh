#!/usr/bin/env bash
# run.sh [SECONDS] [JOBS]: builds the libFuzzer target (build-fuzz/, clang, -DLEAKLINT_FUZZ=ON) and
# runs it for SECONDS (default 600) with JOBS processes (default 1; more uses libFuzzer's -fork).
#
# The corpus grows in build-fuzz/fuzz-corpus, seeded from fixtures/, tests/example-app and
# tests/fuzz/regressions (copies: nothing is ever written to the source tree). Crashes, leaks,
# timeouts and sanitizer reports are saved in build-fuzz/fuzz-artifacts; reproduce one with
# `build-fuzz/fuzz_analyze FILE`, then add a small copy to tests/fuzz/regressions. Runs again
# continue from the corpus so far. BUILD_JOBS (default 1) sets the build's parallelism.
set -eu
seconds=${1:-600} jobs=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build-fuzz"
corpus="$build/fuzz-corpus" artifacts="$build/fuzz-artifacts" seeds="$build/fuzz-seeds"

configure=(-DCMAKE_C_COMPILER="${CC:-clang}" -DLEAKLINT_FUZZ=ON -DBUILD_TESTING=OFF
           -DLEAKLINT_WERROR=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo)
# Reuse the tree-sitter tarballs another build directory has already fetched and verified.
for dir in "$root"/build*/_deps/tarballs; do
  if [ ! -d "$build/_deps/tarballs" ] && compgen -G "$dir/*.tgz" >/dev/null; then
    configure+=(-DLEAKLINT_TARBALL_DIR="$dir")
    break
  fi
done
cmake -S "$root" -B "$build" "${configure[@]}" >/dev/null
cmake --build "$build" -j "${BUILD_JOBS:-1}" --target fuzz_analyze

mkdir -p "$corpus" "$artifacts" "$seeds"
# Seeds, named by content so that repeated runs do not pile up copies.
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$(sha1sum "$file" | cut -c1-40)"
done < <(find "$root/fixtures" "$root/tests/example-app" "$here/regressions" -type f \
           \( -name '*.js' -o -name '*.jsx' -o -name '*.mjs' -o -name '*.cjs' -o -path '*/regressions/*' \) \
           -print0)

flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
       -dict="$here/js.dict" -artifact_prefix="$artifacts/" -print_final_stats=1)
if [ "$jobs" -gt 1 ]; then flags+=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
log="$build/fuzz-run.log"
echo "fuzz: running ${seconds}s with $jobs job(s); corpus $corpus"
started=$(date +%s)
set +e
# Keep going after a crash: the run is time-boxed, each artifact is looked at afterwards.
TIMEFORMAT='fuzz: cpu user=%U sys=%S wall=%R'
time "$build/fuzz_analyze" "${flags[@]}" "$corpus" "$seeds" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

echo "fuzz: ---- summary ----"
echo "fuzz: exit status $status after $(($(date +%s) - started))s"
grep -E '^#[0-9]+' "$log" | tail -n 1 | sed 's/^/fuzz: last: /'
grep -E 'stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" |
  sed 's/^/fuzz: /'
echo "fuzz: corpus files: $(find "$corpus" -type f | wc -l)"
# Coverage of the whole corpus in one process (-fork prints per-job figures that do not compare
# with a single run's): replays every file once, with leak detection.
"$build/fuzz_analyze" -runs=0 -timeout=10 -rss_limit_mb=2048 -max_len=65536 "$corpus" 2>&1 |
  grep -E '^#[0-9]+[[:space:]]+DONE|ERROR|SUMMARY' | sed 's/^/fuzz: corpus replay: /'
n=$(find "$artifacts" -type f | wc -l)
echo "fuzz: artifacts (crashes, leaks, timeouts, ooms): $n"
find "$artifacts" -type f -newermt "@$started" -printf 'fuzz: new artifact %p\n'
exit "$status"
