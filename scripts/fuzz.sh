#!/usr/bin/env bash
# Fuzzes the parsers with SharpFuzz (instrumentation) and AFL++ (afl-fuzz from Debian), one target at a time
# (issue 13, section 6). Targets: csv, xlsx (ledger files), idnumber, date, community (registry workbook);
# each starts from its committed seed corpus in fuzz/corpus/TARGET.
#
#   scripts/fuzz.sh [--seconds N] [TARGET...]     default 30 s each, every target
#
# What it does:
#   1. Publishes fuzz/FullEmployment.Fuzz (Release) into test-output/fuzz/bin and instruments the project's own
#      assemblies and CsvHelper with `sharpfuzz` (SharpFuzz.CommandLine, a local dotnet tool in dotnet-tools.json).
#   2. Replays the seed corpus once with the uninstrumented build (a seed that throws fails at once, with its stack
#      trace); `dotnet test-output/fuzz/plain/FullEmployment.Fuzz.dll TARGET --replay FILE…` replays a finding.
#   3. Runs `afl-fuzz -V N -t 1000` per target: an input that takes longer than 1 s is a hang. Findings go to
#      test-output/fuzz/TARGET; the target's peak RSS is sampled every 2 s.
#   4. Prints per target: executions, paths (corpus count), crashes, hangs, peak RSS, and PASS/FAIL.
# A crash or a hang fails the run (exit 1); finding no new path does not.
# FUZZ_NICE=19 runs afl-fuzz under nice (long runs on a shared machine); FUZZ_OUT=DIR puts the builds and findings
# elsewhere (a second run alongside). Installs afl++ with apt-get when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

seconds=30
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(csv xlsx idnumber date community)

log() { printf '[fuzz.sh] %s\n' "$*" >&2; }

if ! command -v afl-fuzz >/dev/null; then
    log "installing afl++"
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi

OUT="${FUZZ_OUT:-$ROOT/test-output/fuzz}"
BIN="$OUT/bin"     # instrumented: runs only under afl-fuzz (it writes AFL's shared coverage map)
PLAIN="$OUT/plain" # not instrumented: replays seeds and findings
rm -rf "$BIN" "$PLAIN" && mkdir -p "$OUT"
log "publishing fuzz/FullEmployment.Fuzz (Release) into $PLAIN"
dotnet publish fuzz/FullEmployment.Fuzz -c Release -o "$PLAIN" -v q -nologo >"$OUT/publish.log" 2>&1 \
    || { cat "$OUT/publish.log" >&2; exit 1; }
cp -r "$PLAIN" "$BIN"
dotnet tool restore >/dev/null
for dll in FullEmployment.Domain.dll FullEmployment.Application.dll CsvHelper.dll; do
    dotnet tool run sharpfuzz "$BIN/$dll" >/dev/null
done
log "instrumented FullEmployment.Domain, FullEmployment.Application and CsvHelper with sharpfuzz"

# afl-fuzz runs `dotnet`, which carries no AFL instrumentation of its own: SharpFuzz reports coverage for it.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000
export DOTNET_TieredPGO=0 DOTNET_gcServer=0

rc=0
summary=()
for target in "${targets[@]}"; do
    seeds="$ROOT/fuzz/corpus/$target"
    [ -d "$seeds" ] || { log "no seed corpus $seeds"; exit 2; }
    if ! dotnet "$PLAIN/FullEmployment.Fuzz.dll" "$target" --replay "$seeds"/* >"$OUT/$target-replay.log" 2>&1; then
        cat "$OUT/$target-replay.log" >&2
        summary+=("FAIL $target: a seed of fuzz/corpus/$target throws (see above)")
        rc=1
        continue
    fi

    findings="$OUT/$target"
    stats="$findings/default/fuzzer_stats"
    stat() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
    peak=0
    # The target runs the seeds once before the loop (--warm): a cold first input took over 1 s on a loaded machine
    # and afl-fuzz stopped in its dry run ("No instrumentation detected"). A run that stops there, or stops before its
    # time, is tried once more and fails if it stops early again; a saved crash or hang is never retried.
    for attempt in 1 2; do
        rm -rf "$findings"
        log "afl-fuzz $target for $seconds s (attempt $attempt)"
        ${FUZZ_NICE:+nice -n "$FUZZ_NICE"} afl-fuzz -i "$seeds" -o "$findings" -t 1000 -m none -V "$seconds" \
            -- dotnet "$BIN/FullEmployment.Fuzz.dll" "$target" --warm "$seeds" >"$OUT/$target-afl.log" 2>&1 &
        afl=$!
        while kill -0 "$afl" 2>/dev/null; do
            # The target is afl-fuzz's child (the dotnet process SharpFuzz runs the loop in).
            for child in $(pgrep -P "$afl" 2>/dev/null); do
                rss=$(awk '/VmRSS/ {print $2}' "/proc/$child/status" 2>/dev/null || echo 0)
                [ "${rss:-0}" -gt "$peak" ] && peak=$rss
            done
            sleep 2
        done
        afl_rc=0
        wait "$afl" || afl_rc=$?
        [ -f "$stats" ] || continue
        # SharpFuzz's loop runs in afl-fuzz's fork server: an input that outlasts -t, or kills the process, ends the whole
        # run ("Unable to communicate with fork server") with no crash or hang saved. Such a run is no pass.
        [ "$(stat run_time)" -ge $((seconds * 9 / 10)) ] && break
        log "afl-fuzz $target stopped after $(stat run_time) of $seconds s: $(grep -a -m1 -o 'PROGRAM ABORT.*' "$OUT/$target-afl.log" | sed 's/\x1b\[[0-9;]*m//g')"
    done

    if [ ! -f "$stats" ]; then
        tail -n 30 "$OUT/$target-afl.log" >&2
        summary+=("FAIL $target: afl-fuzz did not run (exit $afl_rc; see $OUT/$target-afl.log)")
        rc=1
        continue
    fi
    if [ "$(stat run_time)" -lt $((seconds * 9 / 10)) ]; then
        tail -n 30 "$OUT/$target-afl.log" >&2
        summary+=("FAIL $target: afl-fuzz stopped after $(stat run_time) of $seconds s, twice: an input outlasted 1 s or killed the target (see $OUT/$target-afl.log)")
        rc=1
        continue
    fi
    crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
    hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
    line="$target: $(stat run_time) s, $(stat execs_done) execs ($(stat execs_per_sec)/s), $(stat corpus_count) paths, $crashes crashes, $hangs hangs (>1 s), peak RSS $((peak / 1024)) MB"
    if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
        summary+=("FAIL $line; inputs in $findings/default/{crashes,hangs}")
        rc=1
    else
        summary+=("PASS $line")
    fi
done

printf '%s\n' "${summary[@]}"
exit "$rc"
