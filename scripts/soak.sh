#!/usr/bin/env bash
# Load and soak (issue 13, section 7): the web app (Release) on a fresh database with the demo data, wrk on the main
# pages for the whole run (signed in as a province officer), and every minute a background ledger import through the
# API as community staff: the same persons for 东岗社区 each time, each with its address changed (as a community
# re-imports its corrected ledger), so the data stays the same size and growth can only be the app's. Every 10 s it
# samples the app's memory (RSS), open file handles and threads. At the end it checks:
#   - wrk saw no socket error and no non-2xx answer;
#   - every import job succeeded, the first adding every person and each later one updating every person, and the
#     community holds exactly the persons it had plus the imported ones, each with the last import's address (nothing
#     lost);
#   - memory, handles and threads after warm-up (the first fifth of the run, at least 2 minutes) do not grow: over the
#     samples after it, the median of the last quarter is at most 10 % (RSS; threads: 10 %, at least 8) above the
#     median of the first quarter, and handles at most 16 more;
#   - the database is intact (SQLite PRAGMA integrity_check; PostgreSQL amcheck when installed) and `fe audit verify`
#     passes.
# Prints a table per database and PASS/FAIL lines; exits 1 on any failure.
#
#   scripts/soak.sh [--minutes 30] [--databases "sqlite postgres"] [--connections 16] [--slice-rows 5000] [--no-build]
#
# PostgreSQL comes from FE_TEST_POSTGRES (an Npgsql connection string of a role that may create databases); without
# it, PostgreSQL is skipped with a notice. The samples and wrk's output stay in the printed work folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

minutes=30 databases="sqlite postgres" connections=16 slice=5000 build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="$2"; shift 2 ;;
        --databases) databases="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --slice-rows) slice="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
for tool in wrk jq sqlite3 curl python3; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }; done

log() { printf '[soak] %s\n' "$*" >&2; }
results=()
failures=0
pass() { results+=("PASS $*"); log "PASS $*"; }
fail() { results+=("FAIL $*"); log "FAIL $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

work="$(mktemp -d "${TMPDIR:-/tmp}/fe-soak.XXXXXX")"
web_pid="" wrk_pid="" pg_database=""
cleanup() {
    local rc=$?
    [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null
    [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null && wait "$web_pid" 2>/dev/null
    [ -n "$pg_database" ] && pg_admin -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1
    log "work folder: $work"
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

dotnet "$gen_dll" generate-import "$work/files" "$slice" 1 >/dev/null
persons_file="$work/files/persons-$slice-shuffled.csv"
community=620102001001

port=5700
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Demo__Seed=true Demo__Password='Soak#2026demo'
# The project folder is the content root: a Release build serves wwwroot from there.
export Logging__LogLevel__Default=Warning Files__Root="$work/uploads" ASPNETCORE_CONTENTROOT="$ROOT/src/FullEmployment.Web"
export Audit__HmacKeyFile="$work/keys/audit-hmac.key" SecondFactor__KeyFile="$work/keys/second-factor.key"
export DataProtection__KeyEncryptionKeyFile="$work/keys/data-protection.key" PersonalData__KeyFile="$work/keys/personal-data.json"
mkdir -p "$work/keys" && (umask 077 && head -c 32 /dev/urandom | base64 >"$work/keys/audit-hmac.key"
  printf '{"current":1,"dataKeys":[{"id":1,"key":"%s"}],"indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" \
    >"$work/keys/personal-data.json")

pg_field() { tr ';' '\n' <<<"$FE_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) {print substr($0, length($1) + 2)}'; }
pg_admin() { PGPASSWORD="$(pg_field Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$(pg_field Database)" "$@"; }
pg_db() { PGPASSWORD="$(pg_field Password)" psql -X -q -v ON_ERROR_STOP=1 -h "$(pg_field Host)" -p "$(pg_field Port)" -U "$(pg_field Username)" -d "$pg_database" "$@"; }
db=""
sql() { if [ "$db" = sqlite ]; then sqlite3 "$work/soak.db" "$1"; else pg_db -tAc "$1"; fi; }

use_database() {
    db=$1
    if [ "$db" = sqlite ]; then
        export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$work/soak.db"
    else
        pg_database="fe_soak_$$_$RANDOM"
        pg_admin -c "CREATE DATABASE $pg_database TEMPLATE ${FE_CRASH_PG_TEMPLATE:-template1}" >/dev/null
        export Database__Provider=Postgres
        export ConnectionStrings__Default="Host=$(pg_field Host);Port=$(pg_field Port);Username=$(pg_field Username);Password=$(pg_field Password);Database=$pg_database"
    fi
}

integrity_ok() {
    if [ "$db" = sqlite ]; then
        local out; out=$(sqlite3 "$work/soak.db" "PRAGMA integrity_check")
        [ "$out" = ok ] || { log "integrity_check: $out"; return 1; }
    else
        if ! pg_db -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1; then
            log "amcheck is not available to this role: the PostgreSQL check is the import counts and the audit chain"
            return 0
        fi
        local corrupt
        pg_db -tAc "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = 'public'" >/dev/null || return 1
        corrupt=$(pg_db -tAc "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
            LATERAL verify_heapam(c.oid) WHERE c.relkind = 'r' AND n.nspname = 'public'") || return 1
        [ "$corrupt" = 0 ] || { log "amcheck: $corrupt heap problems"; return 1; }
    fi
}
audit_ok() { fe audit verify >"$work/audit-$db.log" 2>&1 || { cat "$work/audit-$db.log" >&2; return 1; }; }
persons() { sql "SELECT count(*) FROM ledger_persons p JOIN communities c ON c.\"Id\" = p.community_id WHERE c.\"Code\" = '$community'"; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else print v[int((NR + 1) / 2)] }'; }

soak() {
    use_database "$1"
    local label="$db, $minutes min, wrk -c$connections"
    (cd "$work" && exec dotnet "$web_dll" >>"$work/web-$db.log" 2>&1) &
    web_pid=$!
    for _ in $(seq 1 600); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; kill -0 "$web_pid" 2>/dev/null || break; sleep 0.5; done
    curl -fs "$base/healthz" >/dev/null 2>&1 || { tail -n 30 "$work/web-$db.log" >&2; log "the web app did not start"; exit 1; }

    local officer=soak-officer-$db
    fe user add --username "$officer" --role province-officer --scope 620000 --password 'Soak#2026first' >/dev/null
    . "$ROOT/scripts/lib/sign-in.sh"
    local cookie; cookie=$(sign_in "$base" "$officer" 'Soak#2026first' 'Soak#2026second' "$work")
    local token; token=$(fe token create --user community --days 1)
    local notice; notice=$(sql 'SELECT "Id" FROM public_notices LIMIT 1')
    local paths=("/Communities" "/Ledgers/$community/Kind/Person" "/Ledgers/$community/Indicators" "/public" "/public/Notice/$notice" "/")
    for p in "${paths[@]}"; do
        local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$p")
        [ "$status" = 200 ] || { log "$p answers $status before the soak"; exit 1; }
    done

    # wrk cycles through the pages, one path per request, and counts every answer outside 2xx by status.
    {
        printf 'local paths = {'; printf '"%s",' "${paths[@]}"; printf '}\n'
        cat <<'LUA'
local threads = {}
local cookies, order, headers = {}, {}, {}
function setup(thread) table.insert(threads, thread) end
-- Each connection keeps the cookie the app renews, as a browser does: the sign-in cookie alone expires 30 minutes
-- after sign-in (the idle timeout), and a run replaying it ends on redirects to the login page.
local function rebuild()
  local parts = {}
  for _, name in ipairs(order) do parts[#parts + 1] = name .. "=" .. cookies[name] end
  headers["Cookie"] = table.concat(parts, "; ")
end
function init(args)
  i = 0 bad = 0 statuses = ""
  for name, value in pairs(wrk.headers) do headers[name] = value end
  for name, value in string.gmatch(headers["Cookie"] or "", "([^=; ]+)=([^;]*)") do order[#order + 1] = name; cookies[name] = value end
  rebuild()
end
function request() i = i % #paths + 1 return wrk.format("GET", paths[i], headers) end
function response(status, response_headers, body)
  if status < 200 or status > 299 then bad = bad + 1 if #statuses < 200 then statuses = statuses .. status .. " " end end
  local set = response_headers["Set-Cookie"]
  if set then
    local name, value = string.match(set, "^([^=; ]+)=([^;]*)")
    if name and cookies[name] then cookies[name] = value; rebuild() end
  end
end
function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + t:get("bad") end
  local e = summary.errors
  for _, t in ipairs(threads) do if t:get("statuses") ~= "" then io.write("NON2XX " .. t:get("statuses") .. "\n") end end
  io.write(string.format("RESULT %d %.0f %.1f %.1f %.1f %d %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, non2xx, e.connect + e.read + e.write + e.timeout))
end
LUA
    } >"$work/soak.lua"
    local before; before=$(persons)
    wrk -t2 -c"$connections" -d"${minutes}m" --timeout 10s --latency -H "Cookie: $cookie" -s "$work/soak.lua" "$base" >"$work/wrk-$db.txt" 2>&1 &
    wrk_pid=$!

    local samples="$work/samples-$db.csv" imports="$work/imports-$db.csv"
    echo "second,rss_kb,handles,threads" >"$samples"
    echo "minute,state,added,updated,seconds" >"$imports"
    local t0; t0=$(date +%s)
    local end=$((t0 + minutes * 60)) next_import=$t0 next_sample=$t0 minute=0 jobs_failed=0
    local job="" job_started=0
    while [ "$(date +%s)" -lt "$end" ]; do
        local now; now=$(date +%s)
        if [ "$now" -ge "$next_sample" ]; then
            echo "$((now - t0)),$(awk '/^VmRSS/ {print $2}' "/proc/$web_pid/status"),$(ls "/proc/$web_pid/fd" | wc -l),$(awk '/^Threads/ {print $2}' "/proc/$web_pid/status")" >>"$samples"
            next_sample=$((next_sample + 10))
        fi
        if [ -n "$job" ]; then
            local body state; body=$(curl -s -H "Authorization: Bearer $token" "$base$job"); state=$(jq -r .state <<<"$body")
            if [ "$state" = succeeded ] || [ "$state" = failed ]; then
                echo "$minute,$state,$(jq -r '"\(.result.added // 0),\(.result.updated // 0)"' <<<"$body"),$((now - job_started))" >>"$imports"
                [ "$state" = succeeded ] || { jobs_failed=$((jobs_failed + 1)); log "import $minute failed: $(jq -r .message <<<"$body")"; }
                job=""
            fi
        elif [ "$now" -ge "$next_import" ] && [ $((end - now)) -gt 30 ]; then
            minute=$((minute + 1))
            awk -F, -v OFS=, -v m="$minute" 'NR > 1 { $NF = $NF "（第" m "次）" } 1' "$persons_file" >"$work/slice.csv"
            job=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" -F "file=@$work/slice.csv" -F "kind=人员" \
                "$base/api/v1/communities/$community/ledger/import-jobs" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
            job_started=$now
            [ -n "$job" ] || { jobs_failed=$((jobs_failed + 1)); log "import $minute was not accepted"; echo "$minute,refused,0,0" >>"$imports"; }
            next_import=$((next_import + 60))
        fi
        sleep 1
    done
    # The last job, if one runs, is awaited; wrk ends by itself.
    while [ -n "$job" ]; do
        local body state; body=$(curl -s -H "Authorization: Bearer $token" "$base$job"); state=$(jq -r .state <<<"$body")
        if [ "$state" = succeeded ] || [ "$state" = failed ]; then
            echo "$minute,$state,$(jq -r '"\(.result.added // 0),\(.result.updated // 0)"' <<<"$body"),$(( $(date +%s) - job_started))" >>"$imports"
            [ "$state" = succeeded ] || jobs_failed=$((jobs_failed + 1))
            job=""
        fi
        sleep 1
    done
    wait "$wrk_pid" || true; wrk_pid=""

    grep '^NON2XX' "$work/wrk-$db.txt" | head -n 4 >&2 || true
    local line; line=$(grep '^RESULT' "$work/wrk-$db.txt" || true)
    [ -n "$line" ] || { cat "$work/wrk-$db.txt" >&2; fail "$label: wrk printed no result"; line="RESULT 0 0 0 0 0 -1 -1"; }
    local requests rps p50 p99 max non2xx errors
    read -r _ requests rps p50 p99 max non2xx errors <<<"$line"
    local after; after=$(persons) expected=$((before + slice))
    local latest; latest=$(sql "SELECT count(*) FROM ledger_persons p JOIN communities c ON c.\"Id\" = p.community_id WHERE c.\"Code\" = '$community' AND p.address LIKE '%（第$minute次）'")
    local imported; imported=$(awk -F, 'NR > 1 && $2 == "succeeded"' "$imports" | wc -l)
    # The first import adds every person; every later one updates every person.
    local counts_right; counts_right=$(awk -F, -v n="$slice" 'NR == 2 && !($3 == n && $4 == 0) {bad++} NR > 2 && !($3 == 0 && $4 == n) {bad++} END {print bad + 0}' "$imports")
    local import_median; import_median=$(awk -F, 'NR > 1 && $2 == "succeeded" {print $5}' "$imports" | median)

    # Warm-up: the first fifth of the run, at least two minutes. Growth compares the medians of the first and the last
    # quarter of the samples after it: one sample or one busy minute (a garbage collection, an import) is not a trend.
    local warm=$(( minutes * 60 / 5 )); [ "$warm" -lt 120 ] && warm=120
    local after_warm; after_warm=$(awk -F, -v w="$warm" 'NR > 1 && $1 > w' "$samples" | wc -l)
    local quarter=$(( after_warm / 4 )); [ "$quarter" -lt 1 ] && quarter=1
    warm_median() { awk -F, -v w="$warm" -v c="$1" 'NR > 1 && $1 > w {print $c}' "$samples" | head -n "$quarter" | median; }
    last_median() { awk -F, -v w="$warm" -v c="$1" 'NR > 1 && $1 > w {print $c}' "$samples" | tail -n "$quarter" | median; }
    local rss_warm rss_last rss_max fd_warm fd_last th_warm th_last
    rss_warm=$(warm_median 2); rss_last=$(last_median 2); rss_max=$(awk -F, 'NR > 1 {print $2}' "$samples" | sort -n | tail -n1)
    fd_warm=$(warm_median 3); fd_last=$(last_median 3); th_warm=$(warm_median 4); th_last=$(last_median 4)

    stop_web() { kill -TERM "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""; }
    stop_web
    printf '\n%s\n' "$label" | tee -a "$work/summary.txt"
    {
        printf '  requests %s, %s req/s, p50 %s ms, p99 %s ms, max %s ms, non-2xx %s, socket errors %s\n' "$requests" "$rps" "$p50" "$p99" "$max" "$non2xx" "$errors"
        printf '  imports: %s of %s succeeded (%s rows each, median %s s, %s with other counts than expected); persons %s -> %s (expected %s), %s with the last address\n' \
            "$imported" "$minute" "$slice" "$import_median" "$counts_right" "$before" "$after" "$expected" "$latest"
        printf '  after warm-up, median of first and last quarter: RSS MB %s -> %s (peak %s); handles %s -> %s; threads %s -> %s\n' \
            $((rss_warm / 1024)) $((rss_last / 1024)) $((rss_max / 1024)) "$fd_warm" "$fd_last" "$th_warm" "$th_last"
    } | tee -a "$work/summary.txt"
    check "$label: no socket error and no non-2xx answer (${requests} requests: non-2xx $non2xx, errors $errors)" test "$non2xx" = 0 -a "$errors" = 0
    check "$label: every import job succeeded ($imported of $minute), the first adding and the others updating all $slice persons" \
        test "$jobs_failed" = 0 -a "$imported" = "$minute" -a "$minute" -gt 0 -a "$counts_right" = 0
    check "$label: nothing lost: persons $after = $before + $slice, $latest of them with the last import's address" \
        test "$after" = "$expected" -a "$latest" = "$slice"
    check "$label: no memory growth after warm-up (RSS $((rss_warm / 1024)) -> $((rss_last / 1024)) MB, at most +10 %)" \
        test "$rss_last" -le $((rss_warm * 110 / 100))
    check "$label: no handle growth after warm-up ($fd_warm -> $fd_last, at most +16)" test "$fd_last" -le $((fd_warm + 16))
    local thread_room=$((th_warm / 10)); [ "$thread_room" -lt 8 ] && thread_room=8
    check "$label: no thread growth after warm-up ($th_warm -> $th_last, at most +$thread_room)" test "$th_last" -le $((th_warm + thread_room))
    check "$label: database intact after the run" integrity_ok
    check "$label: fe audit verify after the run" audit_ok
    if [ "$db" = postgres ]; then pg_admin -c "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null; pg_database=""; fi
}

for d in $databases; do
    if [ "$d" = postgres ] && [ -z "${FE_TEST_POSTGRES:-}" ]; then
        log "SKIPPED postgres: FE_TEST_POSTGRES is not set"
        continue
    fi
    soak "$d"
done

printf '\n'
printf '%s\n' "${results[@]}"
[ "$failures" -eq 0 ] || { log "$failures check(s) failed"; exit 1; }
