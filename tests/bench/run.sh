#!/usr/bin/env bash
# run.sh [BUILD_DIR]: leaklint's benchmark. Reports, in one run, for the pinned corpus of
# corpus.txt (fetched once into $LEAKLINT_CORPUS, default ~/.cache/leaklint-corpus):
#   - files, lines and MB;
#   - wall time and peak RSS of the floor (`leaklint --parse-only`: tree-sitter's parse plus one
#     visit of every node) and of the full analysis, on one thread and on every CPU;
#   - the ratios the project holds itself to: full/floor on one thread (target <= 1.3), one thread
#     over two (>= 1.8), peak RSS full/floor at the same thread count (<= 1.25);
#   - the time of a one-file run, the pre-commit case (< 5 ms);
#   - when $LEAKLINT_FLOOR_BUILD names a build script for an independent parse-and-walk program
#     (as ../shared/bench/floor/build.sh is), its figures beside ours, as a cross-check.
# Each timing is the best of $BENCH_RUNS runs (default 3), every kind of run alternating; each
# peak RSS the largest seen. Not a test: it prints figures, and a
# missed target is reported, not failed. Build with the default (Release) configuration.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
corpus=${LEAKLINT_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/leaklint-corpus}
runs=${BENCH_RUNS:-3}
cpus=$(nproc)

[ -x "$build/leaklint" ] || { cmake -S "$root" -B "$build" >/dev/null && cmake --build "$build" -j "$cpus" >/dev/null; }
leaklint=$build/leaklint
"$here/fetch_corpus.sh" "$corpus" >/dev/null

# measure CMD...: runs CMD once; prints "SECONDS PEAK_RSS_KIB".
measure() {
  local line
  # leaklint exits 1 when it has findings: the status is not the point here.
  line=$( (/usr/bin/time -f '%e %M' "$@" || true) 2>&1 >/dev/null | tail -1)
  echo "$line"
}
# keep NAME SECONDS KIB: remembers the fastest time of NAME (and the largest peak RSS seen).
declare -A kept
keep() {
  local old_s old_k
  if [ -z "${kept[$1]:-}" ]; then
    kept[$1]="$2 $3"
    return
  fi
  read -r old_s old_k <<<"${kept[$1]}"
  kept[$1]="$(awk -v a="$2" -v b="$old_s" 'BEGIN{print (a<b) ? a : b}') $((old_k > $3 ? old_k : $3))"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN{ok = op=="<=" ? v<=t : v>=t; print ok ? "met" : "MISSED"}'; }

size=$("$leaklint" --include-generated --parse-only --stats -j "$cpus" "$corpus" 2>&1 >/dev/null | grep -o 'files=.*bytes=[0-9]*')
files=$(sed 's/.*files=\([0-9]*\).*/\1/' <<<"$size")
lines=$(sed 's/.*lines=\([0-9]*\).*/\1/' <<<"$size")
bytes=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$size")
printf 'leaklint benchmark: %s\n' "$("$leaklint" --version)"
printf 'machine: %s CPUs, %s\n' "$cpus" "$(uname -srm)"
printf 'corpus: %s files, %s lines, %.1f MB (%s)\n' "$files" "$lines" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$corpus"
printf 'each figure: best of %s runs\n\n' "$runs"

# Floor, full and independent-floor runs alternate, so that a slow spell of the machine hits
# them alike. All analyse the corpus's bundles and minified files too (--include-generated), so
# that the figures stay comparable with earlier ones.
json=/tmp/leaklint-bench.$$.json
thread_counts=$(printf "%s\n" 1 2 "$cpus" | sort -un)
floor_bin=""
if [ -n "${LEAKLINT_FLOOR_BUILD:-}" ]; then floor_bin=$("$LEAKLINT_FLOOR_BUILD" | tail -1); fi
for _ in $(seq "$runs"); do
  for jobs in $thread_counts; do
    keep "floor$jobs" $(measure "$leaklint" --include-generated --parse-only -j "$jobs" "$corpus")
    keep "full$jobs" $(measure "$leaklint" --include-generated -j "$jobs" -f json -o "$json" "$corpus")
    if [ -n "$floor_bin" ]; then keep "independent$jobs" $(measure "$floor_bin" -j "$jobs" "$corpus"); fi
  done
done
read -r floor1 floor1_rss <<<"${kept[floor1]}"
read -r full1 full1_rss <<<"${kept[full1]}"
read -r floor2 floor2_rss <<<"${kept[floor2]}"
read -r full2 full2_rss <<<"${kept[full2]}"
read -r fulln _ <<<"${kept[full$cpus]}"
rm -f "$json"

printf '%-34s %9s %13s\n' "" "wall s" "peak RSS MiB"
row() { printf '%-34s %9.2f %13.1f\n' "$1" "$2" "$(awk -v k="$3" 'BEGIN{print k/1024}')"; }
for jobs in $thread_counts; do
  threads=$([ "$jobs" -eq 1 ] && echo "1 thread" || echo "$jobs threads")
  row "floor (--parse-only), $threads" ${kept[floor$jobs]}
  row "full analysis, $threads" ${kept[full$jobs]}
  if [ -n "$floor_bin" ]; then row "independent floor, $threads" ${kept[independent$jobs]}; fi
done

# The pre-commit case: one small file, the whole process each time (exec included): the best of
# 5 means of 40 runs, since one busy moment of a shared machine can double a mean of this size;
# /bin/true's figure beside it is what merely starting a process costs here.
one=$root/tests/example-app/src/server.js
mean_ms() { # CMD...: mean wall milliseconds over 40 runs
  if perf stat -r 1 true >/dev/null 2>&1; then
    # perf stat exits with the command's status, and leaklint's is 1 when it finds something.
    { perf stat -r 40 "$@" 2>&1 >/dev/null || true; } |
      awk '/seconds time elapsed/ {printf "%.2f", $1 * 1000}'
  else
    local start n=40
    start=$(date +%s%N)
    for _ in $(seq $n); do "$@" >/dev/null 2>&1 || true; done
    awk -v ns="$(($(date +%s%N) - start))" -v n=$n 'BEGIN{printf "%.2f", ns/n/1e6}'
  fi
}
best_ms() { # CMD...: the best of 5 mean_ms
  local best="" t
  for _ in 1 2 3 4 5; do
    t=$(mean_ms "$@")
    best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN{print (a < b) ? a : b}')
  done
  echo "$best"
}
one_ms=$(best_ms "$leaklint" "$one")
true_ms=$(best_ms /bin/true)

r1=$(ratio "$full1" "$floor1")
speedup=$(ratio "$full1" "$full2")
rss=$(ratio "$full2_rss" "$floor2_rss")
echo
printf '%-44s %8s  %s\n' "full / floor, 1 thread (<= 1.30)" "$r1" "$(verdict "$r1" "<=" 1.30)"
printf '%-44s %8s  %s\n' "1 thread / 2 threads, full (>= 1.80)" "$speedup" "$(verdict "$speedup" ">=" 1.80)"
printf '%-44s %8s  %s\n' "peak RSS full / floor, 2 threads (<= 1.25)" "$rss" "$(verdict "$rss" "<=" 1.25)"
printf '%-44s %8s  %s\n' "one-file run, ms (< 5)" "$one_ms" "$(verdict "$one_ms" "<=" 5)"
printf '%-44s %8s\n' "  (/bin/true on this machine, ms)" "$true_ms"
printf '%-44s %8s\n' "throughput, full, $cpus threads (lines/s)" "$(awk -v l="$lines" -v s="$fulln" 'BEGIN{printf "%.0f", l/s}')"
