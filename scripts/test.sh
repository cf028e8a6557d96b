#!/usr/bin/env bash
# The project's single test command: builds the solution and runs every test project.
#
#   scripts/test.sh            # from anywhere inside the repository
#
# What it does:
#   1. Installs what is missing with apt-get (Debian 12): chromium + fonts-noto-cjk for the
#      end-to-end tests, postgresql for the PostgreSQL integration tests. Needs root or
#      passwordless sudo only when something is missing.
#   2. Unless FE_TEST_POSTGRES is already set or FE_SKIP_POSTGRES=1, starts a throwaway
#      PostgreSQL cluster in a temp dir on 127.0.0.1 (free port from 55432 up), creates a
#      user with CREATEDB (and pg_signal_backend: DROP DATABASE … WITH (FORCE) in the tests' clean-up
#      must also stop an autovacuum worker that happens to be in the database) and exports
#      FE_TEST_POSTGRES (Npgsql connection string).
#      The cluster is stopped and its directory deleted on exit.
#   3. Checks the style: `dotnet format FullEmployment.slnx --verify-no-changes` (a failure fails the run, after the tests),
#      and that no two test classes share a name across the test projects.
#   4. Exports FE_CHROMIUM (default /usr/bin/chromium) and runs
#      `dotnet test FullEmployment.slnx -c Release` with a TRX logger.
#   4b. Runs scripts/crash-test.sh (SIGKILL during an import, a campaign action and a fund report submit, both
#      databases; FE_CRASH_ARGS adds options, e.g. "--rows 1000000") and scripts/fuzz.sh --seconds 20 (every parser;
#      FE_FUZZ_SECONDS changes it); a failure of either counts as one failed test.
#   5. Prints, as the last line, `N passed, N failed, N skipped` summed over all TRX files (skipped: total minus
#      executed, e.g. the PostgreSQL cases when FE_SKIP_POSTGRES=1),
#      and exits non-zero when the build or any test failed or when no test ran.
#
# Extra arguments are passed to `dotnet test` (e.g. --filter "FullyQualifiedName~Health").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export FE_CHROMIUM="${FE_CHROMIUM:-/usr/bin/chromium}"

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# ---------------------------------------------------------------- 1. packages
want_postgres=1
if [ -n "${FE_TEST_POSTGRES:-}" ] || [ "${FE_SKIP_POSTGRES:-0}" = "1" ]; then
    want_postgres=0
fi

find_pg_bin() {
    local d
    for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

missing=()
[ -x "$FE_CHROMIUM" ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ "$want_postgres" = 1 ] && ! find_pg_bin >/dev/null; then missing+=(postgresql); fi
# The crash test (scripts/crash-test.sh) and the short fuzz run (scripts/fuzz.sh).
command -v afl-fuzz >/dev/null || missing+=(afl++)
for tool in sqlite3 jq bc curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done

if [ "${#missing[@]}" -gt 0 ]; then
    log "installing missing packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- 2. PostgreSQL
PG_TMP=""
PG_BIN=""
DOTNET_PID=""
as_postgres() {
    # initdb refuses root: run the cluster as the postgres user when we are root.
    if [ "$(id -u)" -eq 0 ]; then (cd "$PG_TMP" && runuser -u postgres -- "$@"); else (cd "$PG_TMP" && "$@"); fi
}

stop_postgres() {
    if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
        if [ -f "$PG_TMP/data/postmaster.pid" ]; then
            log "stopping PostgreSQL"
            as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_TMP"
    fi
    PG_TMP=""
}

cleanup() {
    local rc=$?
    if [ -n "$DOTNET_PID" ]; then kill -TERM "$DOTNET_PID" 2>/dev/null || true; wait "$DOTNET_PID" 2>/dev/null || true; fi
    stop_postgres
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
    # Something already listening on 127.0.0.1:$1?
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if [ "$want_postgres" = 1 ]; then
    PG_BIN="$(find_pg_bin)"
    PG_TMP="$(mktemp -d "${TMPDIR:-/tmp}/fe-pg.XXXXXX")"
    chmod 755 "$PG_TMP"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_TMP"

    pg_port=55432
    while port_in_use "$pg_port"; do
        pg_port=$((pg_port + 1))
        [ "$pg_port" -lt 55532 ] || { log "no free port for PostgreSQL"; exit 1; }
    done
    pg_password="fe$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

    log "starting PostgreSQL ($("$PG_BIN/postgres" --version)) in $PG_TMP on 127.0.0.1:$pg_port"
    as_postgres "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_TMP/initdb.log" 2>&1 \
        || { cat "$PG_TMP/initdb.log" >&2; exit 1; }
    # Throwaway cluster: durability off for speed.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$PG_TMP/server.log" >&2; exit 1; }
    # amcheck (installable by a superuser only) in a template of its own, from which the crash test creates its database
    # to check the indexes; the other tests' databases come from template1 and stay plain (a backup of one restores as fe).
    as_postgres "$PG_BIN/psql" -q -h "$PG_TMP" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE fe_amcheck_template IS_TEMPLATE true;"
    as_postgres "$PG_BIN/psql" -q -h "$PG_TMP" -p "$pg_port" -U postgres -d fe_amcheck_template -v ON_ERROR_STOP=1 \
        -c "CREATE EXTENSION amcheck;" -c "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC;"
    export FE_CRASH_PG_TEMPLATE=fe_amcheck_template
    as_postgres "$PG_BIN/psql" -q -h "$PG_TMP" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE fe LOGIN CREATEDB PASSWORD '$pg_password';" \
        -c "GRANT pg_signal_backend TO fe;" \
        -c "CREATE DATABASE fe_test OWNER fe;"
    export FE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=fe;Password=$pg_password;Database=fe_test"
    log "PostgreSQL ready; FE_TEST_POSTGRES exported (Database=fe_test, user fe with CREATEDB)"
elif [ -n "${FE_TEST_POSTGRES:-}" ]; then
    log "using the PostgreSQL given in FE_TEST_POSTGRES"
else
    log "FE_SKIP_POSTGRES=1: PostgreSQL integration tests will not get a server"
fi

# ---------------------------------------------------------------- 3. style
# The .editorconfig is the style: a file dotnet format would change fails the run (after the tests, so they still run).
mkdir -p "$ROOT/test-output"
log "checking style: dotnet format FullEmployment.slnx --verify-no-changes"
format_rc=0
dotnet format FullEmployment.slnx --verify-no-changes >"$ROOT/test-output/format.log" 2>&1 || format_rc=$?
if [ "$format_rc" -ne 0 ]; then
    log "dotnet format would change these files (run 'dotnet format FullEmployment.slnx' and commit):"
    grep -E "(error|warning) " "$ROOT/test-output/format.log" | sed 's/^/    /' | head -40 >&2 || true
fi

# ---------------------------------------------------------------- 3b. test class names
# A test class name is unique across the test projects, so a --filter, a TRX file or a report names one class.
names_rc=0
duplicate_classes="$(grep -rhoE --include='*.cs' --exclude-dir=bin --exclude-dir=obj \
    '^[[:space:]]*(public |internal )?((sealed|abstract|static|partial) )*class [A-Za-z0-9_]+Tests\b' tests \
    | awk '{print $NF}' | sort | uniq -d)"
if [ -n "$duplicate_classes" ]; then
    log "test class names used in more than one test project or file (rename so each is unique):"
    sed 's/^/    /' <<<"$duplicate_classes" >&2
    names_rc=1
fi

# ---------------------------------------------------------------- 4. dotnet test
# TRX files are kept in test-output/test-results (git-ignored) for inspection.
RESULTS="$ROOT/test-output/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
log "running dotnet test FullEmployment.slnx -c Release"
# Run in the background and wait, so that INT/TERM reach the trap at once (and stop PostgreSQL).
set +e
dotnet test FullEmployment.slnx -c Release \
    --logger trx --results-directory "$RESULTS" \
    --blame-hang-timeout 10m "$@" &
DOTNET_PID=$!
wait "$DOTNET_PID"
test_rc=$?
DOTNET_PID=""
set -e

# ---------------------------------------------------------------- 4b. crash safety and short fuzz
# The crash test builds what dotnet test did not (the file generator in benchmarks/; Web and Cli are up to date), the fuzz
# script publishes its own; each prints PASS/FAIL lines and counts as one test here.
crash_rc=0 fuzz_rc=0
if [ "$test_rc" -eq 0 ]; then
    log "crash test: scripts/crash-test.sh ${FE_CRASH_ARGS:-}"
    # shellcheck disable=SC2086 # FE_CRASH_ARGS is a list of options
    bash scripts/crash-test.sh ${FE_CRASH_ARGS:-} >"$ROOT/test-output/crash-test.log" 2>&1 || crash_rc=$?
    tail -n 60 "$ROOT/test-output/crash-test.log" >&2
    log "short fuzz: scripts/fuzz.sh --seconds ${FE_FUZZ_SECONDS:-20}"
    bash scripts/fuzz.sh --seconds "${FE_FUZZ_SECONDS:-20}" >"$ROOT/test-output/fuzz.log" 2>&1 || fuzz_rc=$?
    tail -n 8 "$ROOT/test-output/fuzz.log" >&2
fi
stop_postgres

# ---------------------------------------------------------------- 5. summary
passed=0 failed=0 skipped=0 executed=0
trx_count=0
attr() { sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
while IFS= read -r -d '' trx; do
    trx_count=$((trx_count + 1))
    counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n1 || true)"
    [ -n "$counters" ] || { log "no <Counters> in $trx"; failed=$((failed + 1)); continue; }
    # A skipped test (e.g. a PostgreSQL case without FE_TEST_POSTGRES) counts in total but not in executed;
    # the TRX logger leaves notExecuted at 0 for it.
    for a in passed failed error timeout aborted total executed; do
        v="$(attr "$a" "$counters")"; v="${v:-0}"
        case "$a" in
            passed) passed=$((passed + v)) ;;
            failed|error|timeout|aborted) failed=$((failed + v)) ;;
            total) skipped=$((skipped + v)) ;;
            executed) executed=$((executed + v)); skipped=$((skipped - v)) ;;
        esac
    done
done < <(find "$RESULTS" -name '*.trx' -print0)

rc=0
if [ "$test_rc" -ne 0 ]; then
    log "FAILED: dotnet test exited with $test_rc (build error or failing tests)"
    rc=1
    if [ "$failed" -eq 0 ]; then
        log "no failing test in the TRX files: counting the build/run failure as 1 failed"
        failed=1
    fi
fi
if [ "$trx_count" -eq 0 ] || [ "$executed" -eq 0 ]; then
    log "FAILED: no test ran ($trx_count TRX files)"
    rc=1
fi
if [ "$format_rc" -ne 0 ]; then
    log "FAILED: the code is not formatted as .editorconfig says (dotnet format --verify-no-changes exited $format_rc)"
    failed=$((failed + 1))
fi
if [ "$crash_rc" -ne 0 ]; then
    log "FAILED: the crash test (test-output/crash-test.log)"
    failed=$((failed + 1))
fi
if [ "$fuzz_rc" -ne 0 ]; then
    log "FAILED: the short fuzz run found a crash or a hang, or did not run (test-output/fuzz.log)"
    failed=$((failed + 1))
fi
if [ "$names_rc" -ne 0 ]; then
    log "FAILED: test class names are not unique across the test projects"
    failed=$((failed + 1))
fi
if [ "$failed" -gt 0 ]; then rc=1; fi
log "$trx_count test projects reported"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
