#!/usr/bin/env bash
# Crash safety (issue 13, section 4): kills the web app (Release) with SIGKILL in the middle of a ledger import, a
# campaign action and a fund report submit, on SQLite and on PostgreSQL, and checks after every restart that
#   - the database is intact: SQLite `PRAGMA integrity_check` = ok; PostgreSQL amcheck (bt_index_check with
#     heapallindexed on every index, verify_heapam on every table);
#   - `fe audit verify` passes;
#   - no partial import is visible (the community's 人员 count is the count before) and the interrupted job shows
#     failed with the restart message, not running;
#   - the state of every campaign and report agrees with its audit events (a state change and its event commit together);
# and at the end that the same import, rerun, completes with the expected counts (HTTP job, then `fe ledger import`).
# The import is also killed as a CLI process (`fe ledger import`), the other way into the same import. The app runs
# throughout: each kill is followed by a restart, and the checks run against the restarted app's database.
#
#   scripts/crash-test.sh [--rows N] [--rounds N] [--databases "sqlite postgres"] [--no-build]
#
# Defaults: 100000 rows, 2 rounds per scenario, both databases (PostgreSQL from FE_TEST_POSTGRES, an Npgsql
# connection string of a role that may create databases; skipped with a notice when unset). --no-build uses the
# Release builds already in src/*/bin (scripts/test.sh has just built them). "In the middle" is made sure of, not
# hoped for: the HTTP import is killed when the job's progress shows a random number of rows written (at least one
# chunk of 16,384 written, at least two still to come); the CLI import at a random moment once its transaction writes
# (SQLite: the write lock is held; PostgreSQL: pg_stat_activity shows a backend holding a transaction id); the
# actions are killed at a random moment of a stream of requests, 0.2-3 s after the stream's first answer, and the
# round records how many requests the kill cut off. Prints PASS/FAIL per check; exits 1 on any failure.
# The campaign action is A7's quota change (each bumps the campaign's version and writes one campaign.quotas event);
# the fund report stream submits and returns one report of this year (the demo seed's allocation) again and again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rows=100000 rounds=2 databases="sqlite postgres" build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --databases) databases="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

log() { printf '[crash-test] %s\n' "$*" >&2; }
results=()
failures=0
pass() { results+=("PASS $*"); log "PASS $*"; }
fail() { results+=("FAIL $*"); log "FAIL $*"; failures=$((failures + 1)); }
check() { # description, then a command whose success is the check
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

work="$(mktemp -d "${TMPDIR:-/tmp}/fe-crash.XXXXXX")"
web_pid="" pg_database=""
cleanup() {
    local rc=$?
    [ -n "$web_pid" ] && kill -9 "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null
    [ -n "$pg_database" ] && pg_admin -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1
    if [ "$rc" -ne 0 ] || [ "$failures" -gt 0 ]; then log "work folder kept: $work"; else rm -rf "$work"; fi
    exit "$rc"
}
trap cleanup EXIT

if [ "$build" = 1 ]; then
    log "building Web, Cli and the file generator (Release)"
    for p in src/FullEmployment.Web src/FullEmployment.Cli benchmarks/FullEmployment.Benchmarks; do
        dotnet build "$p" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    done
fi
fe_dll="$ROOT/src/FullEmployment.Cli/bin/Release/net10.0/fe.dll"
web_dll="$ROOT/src/FullEmployment.Web/bin/Release/net10.0/FullEmployment.Web.dll"
gen_dll="$ROOT/benchmarks/FullEmployment.Benchmarks/bin/Release/net10.0/FullEmployment.Benchmarks.dll"
for f in "$fe_dll" "$web_dll" "$gen_dll"; do [ -f "$f" ] || { log "missing $f (run without --no-build)"; exit 1; }; done
fe() { (cd "$work" && dotnet "$fe_dll" "$@"); }

[ "$rows" -ge 65536 ] || { log "--rows must be at least 65536 (four chunks of 16,384 rows, so a kill lands inside the import)"; exit 2; }
dotnet "$gen_dll" generate-import "$work/files" "$rows" 1 >/dev/null
file="$work/files/persons-$rows-sorted.csv"
community=620102001001

port=5600
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Demo__Seed=false Logging__LogLevel__Default=Warning
export Audit__HmacKey="$(head -c 32 /dev/urandom | base64)" Files__Root="$work/uploads" Ledgers__MaxImportMb=4096 DOTNET_gcServer=0
export PersonalData__KeyFile="$work/personal-data.json"
(umask 077; printf '{"current":1,"dataKeys":[{"id":1,"key":"%s"}],"indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" >"$PersonalData__KeyFile")

# ---------------------------------------------------------------- databases
pg_field() { tr ';' '\n' <<<"$FE_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print substr($0, length($1) + 2)}'; }
pg_admin() { PGPASSWORD="$(pg_field Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$(pg_field Database)" "$@"; }
pg_db() { PGPASSWORD="$(pg_field Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$pg_database" "$@"; }

db=""
sql() { # one value
    if [ "$db" = sqlite ]; then sqlite3 "$work/crash.db" "$1"; else pg_db -tAc "$1"; fi
}

use_database() {
    db=$1
    if [ "$db" = sqlite ]; then
        rm -f "$work"/crash.db*
        export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$work/crash.db"
    else
        pg_database="fe_crash_$$_$RANDOM"
        # FE_CRASH_PG_TEMPLATE: a template with amcheck installed (scripts/test.sh makes one), since only a superuser may.
        pg_admin -c "CREATE DATABASE $pg_database TEMPLATE ${FE_CRASH_PG_TEMPLATE:-template1}" >/dev/null
        export Database__Provider=Postgres
        export ConnectionStrings__Default="Host=$(pg_field Host);Port=$(pg_field Port);Username=$(pg_field Username);Password=$(pg_field Password);Database=$pg_database"
    fi
    fe seed --scale small >"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
}

drop_database() {
    if [ "$db" = postgres ] && [ -n "$pg_database" ]; then
        pg_admin -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null
        pg_database=""
    fi
}

# An open write transaction, as evidence that a kill cut one off: on SQLite the write lock is taken; a PostgreSQL
# backend that has written holds a transaction id.
writes_in_flight() {
    if [ "$db" = sqlite ]; then
        if writing; then echo "write lock held"; else echo "write lock free"; fi
    else
        echo "$(pg_admin -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$pg_database' AND backend_xid IS NOT NULL") writing backends"
    fi
}

writing() {
    # SQLite: another connection cannot take the write lock (the web app's open WAL says nothing, it stays open).
    if [ "$db" = sqlite ]; then ! sqlite3 -cmd ".timeout 0" "$work/crash.db" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1
    else [ "$(pg_admin -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$pg_database' AND backend_xid IS NOT NULL")" -gt 0 ]; fi
}

integrity_ok() {
    if [ "$db" = sqlite ]; then
        local out; out=$(sqlite3 "$work/crash.db" "PRAGMA integrity_check")
        [ "$out" = ok ] || { log "integrity_check: $out"; return 1; }
    else
        pg_db -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1 || { log "amcheck is not available"; return 1; }
        local checked corrupt
        checked=$(pg_db -tAc "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public'") || return 1
        corrupt=$(pg_db -tAc "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
            LATERAL verify_heapam(c.oid) WHERE c.relkind = 'r' AND n.nspname = 'public'") || return 1
        [ "$checked" -gt 0 ] && [ "$corrupt" = 0 ] || { log "amcheck: $checked indexes checked, $corrupt heap problems"; return 1; }
    fi
}

audit_ok() { fe audit verify >"$work/audit.log" 2>&1 || { cat "$work/audit.log" >&2; return 1; }; }

after_restart() { # scenario label: the checks every restart gets
    check "$1: database intact (${db} $([ "$db" = sqlite ] && echo 'PRAGMA integrity_check' || echo 'amcheck'))" integrity_ok
    check "$1: fe audit verify" audit_ok
}

# ---------------------------------------------------------------- web app
start_web() {
    (cd "$work" && exec dotnet "$web_dll" >>"$work/web-$db.log" 2>&1) &
    web_pid=$!
    for _ in $(seq 1 240); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && return 0
        kill -0 "$web_pid" 2>/dev/null || break
        sleep 0.5
    done
    tail -n 30 "$work/web-$db.log" >&2
    log "the web app did not start"
    exit 1
}
kill_web() { kill -9 "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""; }
stop_web() { kill -TERM "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""; }

api() { # token method path [json]
    local token=$1 method=$2 path=$3
    curl -s -X "$method" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${4:+--data "$4"} "$base/api/v1$path"
}

persons() { sql "SELECT count(*) FROM ledger_persons p JOIN communities c ON c.\"Id\" = p.community_id WHERE c.\"Code\" = '$community'"; }
events() { sql "SELECT count(*) FROM audit_events WHERE \"Action\" = '$1'"; }

# The kill comes a random moment after the stream's first answer (the first requests after a start are slow).
first_answer() { for _ in $(seq 1 600); do grep -q '^ok' "$work/stream.log" && return; sleep 0.1; done; }

random_between() { echo $(($1 + ((RANDOM << 15) | RANDOM) % ($2 - $1 + 1))); }

# ---------------------------------------------------------------- 1. ledger import
import_http_rounds() {
    local before=$1 r
    for r in $(seq 1 "$rounds"); do
        local label="import/http round $r/$rounds ($db, $rows rows)"
        # Rows are written 16,384 at a time (LedgerRowValidator.ChunkRows): a kill point after the first chunk and at
        # least two chunks before the end leaves the commit well ahead.
        local target; target=$(random_between 16384 $((rows - 32768)))
        local percent=$((target * 100 / rows))
        local location
        location=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token_county" -F "file=@$file" -F "kind=人员" \
            "$base/api/v1/communities/$community/ledger/import-jobs" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
        [ -n "$location" ] || { fail "$label: the import job was not accepted"; continue; }
        local body state written=0 first=""
        while true; do
            body=$(curl -s -H "Authorization: Bearer $token_county" "$base$location")
            state=$(jq -r .state <<<"$body"); written=$(jq -r .rowsWritten <<<"$body")
            [ -z "$first" ] && [ "$written" -gt 0 ] && first=$(date +%s.%N) first_rows=$written
            [ "$state" = succeeded ] || [ "$state" = failed ] && break
            [ "$written" -ge "$target" ] && break
            sleep 0.05
        done
        local evidence; evidence=$(writes_in_flight)
        kill_web
        local t1; t1=$(date +%s.%N)
        [ -n "$first" ] && [ "$written" -gt "$first_rows" ] \
            && tenth_seconds=$(echo "scale=2; ($t1 - $first) * $rows / 10 / ($written - $first_rows)" | bc)
        start_web
        if [ "$state" = succeeded ] || [ "$state" = failed ]; then
            fail "$label: the job ended ($state) before the kill point; use more --rows"
            continue
        fi
        log "$label: SIGKILL at $written/$rows rows written (target $percent %), $evidence"
        # The worker marks what the killed process left running as it starts.
        for _ in $(seq 1 100); do
            body=$(curl -s -H "Authorization: Bearer $token_county" "$base$location")
            [ "$(jq -r .state <<<"$body")" = running ] || break
            sleep 0.2
        done
        check "$label: killed at $written rows written; after restart the job shows failed, not running ($(jq -r '.state + ": " + (.message // "")' <<<"$body"))" \
            test "$(jq -r .state <<<"$body")" = failed
        local now; now=$(persons)
        check "$label: no partial import visible (persons $now, before $before)" test "$now" = "$before"
        after_restart "$label"
    done
}

import_cli_rounds() {
    local before=$1 r
    for r in $(seq 1 "$rounds"); do
        local label="import/cli round $r/$rounds ($db, $rows rows)"
        (cd "$work" && exec dotnet "$fe_dll" ledger import "$file" --community "$community" --kind 人员 --max-mb 4096 >"$work/cli.log" 2>&1) &
        local pid=$! t0; t0=$(date +%s.%N)
        # Once its transaction writes, a random part of the time the HTTP import took to write a tenth of the rows.
        while kill -0 "$pid" 2>/dev/null && ! writing; do sleep 0.05; done
        sleep "$(echo "scale=2; $tenth_seconds * $(random_between 0 100) / 100" | bc)"
        local evidence; evidence=$(writes_in_flight)
        local delay; delay=$(echo "scale=1; ($(date +%s.%N) - $t0) / 1" | bc)
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid" || true
            fail "$label: fe ledger import ended before the kill at ${delay}s ($(tail -n1 "$work/cli.log"))"
            continue
        fi
        kill -9 "$pid"; wait "$pid" 2>/dev/null || true
        log "$label: SIGKILL after ${delay}s, $evidence"
        local now; now=$(persons)
        check "$label: killed after ${delay}s ($evidence); no partial import visible (persons $now, before $before)" test "$now" = "$before"
        after_restart "$label"
    done
}

import_reruns() {
    local before=$1
    local location body state
    location=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token_county" -F "file=@$file" -F "kind=人员" \
        "$base/api/v1/communities/$community/ledger/import-jobs" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
    for _ in $(seq 1 6000); do
        body=$(curl -s -H "Authorization: Bearer $token_county" "$base$location")
        state=$(jq -r .state <<<"$body")
        [ "$state" = succeeded ] || [ "$state" = failed ] && break
        sleep 0.2
    done
    check "import rerun over HTTP ($db): succeeded with $rows added ($(jq -c '{state, message, result: (.result // {} | {added, updated, unchanged})}' <<<"$body"))" \
        test "$state" = succeeded -a "$(jq -r '.result.added' <<<"$body")" = "$rows"
    local now; now=$(persons)
    check "import rerun over HTTP ($db): persons $now = $before + $rows" test "$now" = "$((before + rows))"
    local out; out=$(fe ledger import "$file" --community "$community" --kind 人员 --max-mb 4096 2>&1) || true
    check "import rerun with fe ledger import ($db): all $rows unchanged ($(tail -n1 <<<"$out"))" grep -Eq "未变 +$rows" <<<"$out"
    now=$(persons)
    check "import rerun with fe ledger import ($db): persons still $((before + rows))" test "$now" = "$((before + rows))"
    after_restart "import reruns ($db)"
}

# ---------------------------------------------------------------- 2. campaign actions
campaign_stream() { # worker round: open a provincial campaign and fix its cities' quotas (A7), again and again
    local n=0 out id version q
    while true; do
        n=$((n + 1))
        out=$(api "$token_province" POST /campaigns "{\"kind\":\"provincial\",\"name\":\"崩溃测试$2-$1-$n\",\"creationYear\":2025,\"totalQuota\":4,
            \"templateVersion\":\"$template\",\"assessmentFrom\":\"2024-01-01\",\"assessmentTo\":\"2024-12-31\",\"cycleOverrideReason\":\"崩溃测试\",
            \"deadlines\":{\"application\":\"2025-07-01\",\"county\":\"2025-08-01\",\"city\":\"2025-09-01\",\"province\":\"2025-12-31\"}}") \
            || { echo cut >>"$work/stream.log"; return; }
        id=$(jq -r '.id // empty' <<<"$out" 2>/dev/null); version=$(jq -r '.version // empty' <<<"$out" 2>/dev/null)
        [ -n "$id" ] || { echo "refused $out" >>"$work/stream.log"; sleep 0.2; continue; }
        echo ok >>"$work/stream.log"
        for q in 1 2 3; do
            out=$(api "$token_province" POST "/campaigns/$id/quotas" "{\"version\":$version,\"quotas\":[{\"regionCode\":\"620100\",\"quota\":$q},{\"regionCode\":\"620200\",\"quota\":1}]}") \
                || { echo cut >>"$work/stream.log"; return; }
            version=$(jq -r '.version // empty' <<<"$out" 2>/dev/null)
            [ -n "$version" ] || { echo "refused $out" >>"$work/stream.log"; break; }
            echo ok >>"$work/stream.log"
        done
    done
}

campaign_rounds() {
    local r
    for r in $(seq 1 "$rounds"); do
        local label="campaign actions round $r/$rounds ($db)"
        local campaigns0 versions0 created0 quotas0
        campaigns0=$(sql "SELECT count(*) FROM campaigns"); versions0=$(sql "SELECT sum(\"Version\") FROM campaigns")
        created0=$(events campaign.create); quotas0=$(events campaign.quotas)
        : >"$work/stream.log"
        campaign_stream 1 "$r" & local w1=$!
        campaign_stream 2 "$r" & local w2=$!
        first_answer
        sleep "$(echo "scale=2; $(random_between 20 300) / 100" | bc)"
        kill_web
        wait "$w1" "$w2" 2>/dev/null || true
        local done cut refused
        done=$(grep -c '^ok' "$work/stream.log" || true); cut=$(grep -c '^cut' "$work/stream.log" || true)
        refused=$(grep -c '^refused' "$work/stream.log" || true)
        [ "$refused" = 0 ] || log "$label: refused: $(grep -m1 '^refused' "$work/stream.log")"
        start_web
        local campaigns versions created quotas
        campaigns=$(sql "SELECT count(*) FROM campaigns"); versions=$(sql "SELECT sum(\"Version\") FROM campaigns")
        created=$(events campaign.create); quotas=$(events campaign.quotas)
        # Each quota change bumps the campaign's version and writes one campaign.quotas event, in one transaction.
        check "$label: $done actions answered, $cut cut off by the kill; campaigns +$((campaigns - campaigns0)) = campaign.create events +$((created - created0)), versions +$((versions - versions0)) = campaign.quotas events +$((quotas - quotas0))" \
            test "$((campaigns - campaigns0))" = "$((created - created0))" -a "$((versions - versions0))" = "$((quotas - quotas0))" -a "$done" -gt 0
        after_restart "$label"
    done
}

# ---------------------------------------------------------------- 3. fund report submit
report_stream() { # submit the report, return it, submit again … (from where the last kill left it)
    local version=$1 out
    while true; do
        if [ "$2" != county-review ]; then
            out=$(api "$token_community" POST "/fund-reports/$report/submit" "{\"version\":$version}") || { echo cut >>"$work/stream.log"; return; }
            version=$(jq -r '.version // empty' <<<"$out" 2>/dev/null)
            [ -n "$version" ] || { echo "refused $out" >>"$work/stream.log"; return; }
            echo ok >>"$work/stream.log"
        fi
        set -- "$1" draft
        out=$(api "$token_finance" POST "/fund-reports/$report/return" "{\"version\":$version,\"remarks\":\"崩溃测试退回\"}") \
            || { echo cut >>"$work/stream.log"; return; }
        version=$(jq -r '.version // empty' <<<"$out" 2>/dev/null)
        [ -n "$version" ] || { echo "refused $out" >>"$work/stream.log"; return; }
        echo ok >>"$work/stream.log"
    done
}

report_consistent() { # the report's state and version agree with its submit and return events
    local state version submits returns
    state=$(sql "SELECT \"State\" FROM fund_reports WHERE \"Id\" = '$report'" | head -n1)
    [ -n "$state" ] || state=$(sql "SELECT \"State\" FROM fund_reports WHERE lower(\"Id\") = lower('$report')")
    version=$(sql "SELECT \"Version\" FROM fund_reports WHERE lower(CAST(\"Id\" AS text)) = lower('$report')")
    submits=$(sql "SELECT count(*) FROM audit_events WHERE \"Action\" = 'fund-report.submit' AND lower(\"TargetId\") = lower('$report')")
    returns=$(sql "SELECT count(*) FROM audit_events WHERE \"Action\" = 'fund-report.return' AND lower(\"TargetId\") = lower('$report')")
    report_state="$state, version $version, $submits submit and $returns return events"
    case "$state" in
        CountyReview) [ "$submits" = "$((returns + 1))" ] ;;
        Returned) [ "$submits" = "$returns" ] ;;
        *) false ;;
    esac && [ "$version" = "$((report_version0 + submits + returns))" ]
}

report_rounds() {
    local r
    for r in $(seq 1 "$rounds"); do
        local label="fund report submit round $r/$rounds ($db)"
        local view; view=$(api "$token_community" GET "/fund-reports/$report")
        : >"$work/stream.log"
        report_stream "$(jq -r .version <<<"$view")" "$(jq -r .state <<<"$view")" & local w=$!
        first_answer
        sleep "$(echo "scale=2; $(random_between 20 300) / 100" | bc)"
        kill_web
        wait "$w" 2>/dev/null || true
        local done cut
        done=$(grep -c '^ok' "$work/stream.log" || true); cut=$(grep -c '^cut' "$work/stream.log" || true)
        grep -m1 '^refused' "$work/stream.log" >&2 || true
        start_web
        report_state=""
        check "$label: $done actions answered, $cut cut off by the kill; state and version agree with the audit events" report_consistent
        log "$label: $report_state"
        [ "$done" -gt 0 ] || fail "$label: no submit was answered before the kill"
        after_restart "$label"
    done
}

# ---------------------------------------------------------------- run
for database in $databases; do
    if [ "$database" = postgres ] && [ -z "${FE_TEST_POSTGRES:-}" ]; then
        log "FE_TEST_POSTGRES is not set: PostgreSQL skipped"
        results+=("SKIP postgres (FE_TEST_POSTGRES unset)")
        continue
    fi
    log "== $database: seeding"
    use_database "$database"
    token_county=$(fe token create --user chengguan --days 1)
    token_community=$(fe token create --user community --days 1)
    token_finance=$(fe token create --user chengguan-finance --days 1)
    token_province=$(fe token create --user province --days 1)

    # The first start seeds the demo data (this year's fund allocation a report needs); the app then runs throughout,
    # each kill followed by a restart, and the checks run against the restarted app's database.
    Demo__Seed=true start_web
    before=$(persons)
    tenth_seconds=0.5
    import_http_rounds "$before"
    import_cli_rounds "$before"
    import_reruns "$before"

    template=$(api "$token_province" GET /score-templates | jq -r '[.[] | .templateVersion] | first // empty' 2>/dev/null || true)
    [ -n "$template" ] || template=$(sql "SELECT \"TemplateVersion\" FROM score_templates ORDER BY \"TemplateVersion\" LIMIT 1")
    year=$(TZ=Asia/Shanghai date +%Y)
    created=$(api "$token_community" POST "/communities/$community/fund-reports" "{\"year\":$year,\"lines\":[{\"date\":\"$year-03-10\",\"category\":\"publicity\",\"description\":\"政策宣传册\",\"amount\":1000,\"payee\":\"兰州印务公司\",\"voucherNumber\":\"FP-01\"}]}")
    report=$(jq -r '.id // empty' <<<"$created")
    report_version0=$(api "$token_community" GET "/fund-reports/$report" | jq -r '.version // 0')
    campaign_rounds
    if [ -n "$report" ]; then report_rounds; else fail "fund report ($db): could not create the report: $created"; fi
    stop_web
    drop_database
done

echo
echo "crash test: $rows rows, $rounds rounds per scenario, databases: $databases"
printf '%s\n' "${results[@]}"
passed=$(printf '%s\n' "${results[@]}" | grep -c '^PASS' || true)
echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
