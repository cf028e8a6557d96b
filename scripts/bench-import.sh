#!/usr/bin/env bash
# Ledger import through the user's paths against the engine's floor, in the same run (issue 12, section 1). For each
# file (人员 and 援助记录, sorted and shuffled) it times `fe ledger import` and the HTTP background import (POST
# …/ledger/import-jobs with an API token, polled until finished), then `sqlite3 .import` (SQLite) or `\copy`
# (PostgreSQL COPY) of the same file into a bare table, and prints wall time, CPU, peak RSS and the ratios.
#
#   scripts/bench-import.sh                     1,000,000 人员 and 5,000,000 援助记录 rows (the issue's files)
#   scripts/bench-import.sh --rows 100000       a quick check: 100,000 人员 and 500,000 援助记录 rows
#   scripts/bench-import.sh PERSONS ASSISTANCES
#   BENCH_DATABASES="sqlite postgres" BENCH_PATHS="cli http" BENCH_ORDERS="sorted shuffled" BENCH_KINDS="persons assistances"
#   BENCH_TIMEOUT=1800  seconds any one step (an import, a floor, a seed) may take before it is killed and marked failed
#   BENCH_NO_BUILD=1    reuse the Release builds of an earlier run
#   PostgreSQL: PGHOST, PGPORT, PGUSER, PGPASSWORD (a role that may create databases); skipped when PGHOST is unset.
#   BENCH_DB_PREFIX=fe_bench  prefix of the databases it drops and creates (PREFIX_cli, PREFIX_http, PREFIX_bare)
#   Files and databases go to BENCH_DIR (default /work/perfdata), never into the repository; generated files are kept
#   and reused (they are deterministic).
# Peak RSS is the process's maximum resident set (GNU time's %M, the figure `/usr/bin/time -v` prints; the web app's
# VmHWM). The machine's load average is printed beside the figures: on a shared machine, read them with it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
persons=1000000
assistances=5000000
if [ "${1:-}" = --rows ]; then
  persons=${2:?--rows needs a number}
  assistances=$((persons * 5))
elif [ $# -ge 1 ]; then
  persons=$1
  assistances=${2:-$((persons * 5))}
fi
dir=${BENCH_DIR:-/work/perfdata}
databases=${BENCH_DATABASES:-sqlite postgres}
paths=${BENCH_PATHS:-cli http}
orders=${BENCH_ORDERS:-sorted shuffled}
kinds=${BENCH_KINDS:-persons assistances}
port=${BENCH_PORT:-5391}
prefix=${BENCH_DB_PREFIX:-fe_bench} # names the databases (SQLite files in BENCH_DIR, PostgreSQL databases)
step_timeout=${BENCH_TIMEOUT:-1800}
community=620102001001
mkdir -p "$dir"
for tool in sqlite3 bc curl /usr/bin/time timeout; do
  command -v "$tool" >/dev/null || { echo "$tool missing" >&2; exit 2; }
done

# The CLI and the web app run in Production, as deployed; the audit key and the personal-data key file are the settings it requires.
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
export Audit__HmacKey=${Audit__HmacKey:-$(head -c 32 /dev/urandom | base64)}
# Production also requires the personal-data key file (ADR 0016); one for the run, outside the repository.
export PersonalData__KeyFile=${PersonalData__KeyFile:-$dir/personal-data.json}
[ -f "$PersonalData__KeyFile" ] || (umask 077; printf '{"current":1,"dataKeys":[{"id":1,"key":"%s"}],"indexKey":"%s"}\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" >"$PersonalData__KeyFile")
export Indicators__WarmRollUp=false DOTNET_gcServer=0 DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "== building (Release)" >&2
  for project in src/FullEmployment.Cli src/FullEmployment.Web benchmarks/FullEmployment.Benchmarks; do
    timeout "$step_timeout" dotnet build -c Release -v q -nologo "$project" >/dev/null
  done
fi
fe="dotnet $repo/src/FullEmployment.Cli/bin/Release/net10.0/fe.dll"
web="$repo/src/FullEmployment.Web/bin/Release/net10.0/FullEmployment.Web.dll"

echo "== generating files into $dir" >&2
timeout "$step_timeout" dotnet "$repo/benchmarks/FullEmployment.Benchmarks/bin/Release/net10.0/FullEmployment.Benchmarks.dll" \
  generate-import "$dir" "$persons" "$assistances" >&2

file_of() { # kind order
  if [ "$1" = persons ]; then echo "$dir/persons-$persons-$2.csv"; else echo "$dir/assistances-$assistances-$2.csv"; fi
}
sheet_of() { if [ "$1" = persons ]; then echo 人员; else echo 援助记录; fi; }
rows_of() { if [ "$1" = persons ]; then echo "$persons"; else echo "$assistances"; fi; }
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# A database with the demo regions, users and communities (东岗社区 620102001001 among them), migrated by this branch.
use_database() { # sqlite|postgres name
  if [ "$1" = sqlite ]; then
    export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$dir/${prefix}_$2.db"
    rm -f "$dir/${prefix}_$2.db" "$dir/${prefix}_$2.db-wal" "$dir/${prefix}_$2.db-shm"
  else
    export Database__Provider=Postgres ConnectionStrings__Default="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER;Password=${PGPASSWORD:-};Database=${prefix}_$2"
    psql -q -d postgres -c "DROP DATABASE IF EXISTS ${prefix}_$2 WITH (FORCE)" -c "CREATE DATABASE ${prefix}_$2" >/dev/null
  fi
  timeout "$step_timeout" $fe seed --scale small >/dev/null
}

# The persons an 援助记录 file refers to must be in the ledger first; they are imported untimed.
prepare() { # kind order
  if [ "$1" = assistances ]; then
    timeout "$step_timeout" $fe ledger import "$(file_of persons "$2")" --community $community --kind 人员 --max-mb 4096 >/dev/null
  fi
}

results=()
failures=()
record() { # db kind order path wall cpu rss load
  results+=("$(printf '%-9s %-11s %-8s %-5s %9.1f %9.1f %9s %6s' "$@")")
  printf '%-9s %-11s %-8s %-5s %9.1f s wall %9.1f s CPU %8s MB peak RSS (load %s)\n' "$@" >&2
}

run_cli() { # db kind order
  local file; file=$(file_of "$2" "$3")
  use_database "$1" cli; prepare "$2" "$3"
  local before; before=$(load)
  local status=0
  /usr/bin/time -o "$dir/time.out" -f "TIME %e %U %S %M" timeout "$step_timeout" $fe ledger import "$file" --community $community \
    --kind "$(sheet_of "$2")" --max-mb 4096 >"$dir/cli.out" 2>"$dir/cli.err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "CLI import failed ($status): $(head -c 1000 "$dir/cli.err")" >&2
    return 1
  fi
  read -r _ wall user sys rss <<<"$(grep '^TIME' "$dir/time.out")"
  record "$1" "$2" "$3" cli "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$before"
}

run_http() { # db kind order
  local file; file=$(file_of "$2" "$3")
  use_database "$1" http; prepare "$2" "$3"
  local token; token=$(timeout 120 $fe token create --user chengguan --days 1)
  ASPNETCORE_URLS="http://127.0.0.1:$port" Ledgers__MaxImportMb=4096 Files__Root="$dir/files" Demo__Seed=false \
    timeout "$step_timeout" dotnet "$web" >"$dir/web.log" 2>&1 &
  local pid=$!
  local up=
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { up=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  # timeout(1) runs the app as its child: measure and stop the app itself.
  local app; app=$(pgrep -P "$pid" -f FullEmployment.Web.dll || echo "$pid")
  if [ -z "$up" ]; then
    echo "web app did not start: $(tail -c 2000 "$dir/web.log")" >&2
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return 1
  fi
  local before; before=$(load)
  local cpu0; cpu0=$(cpu_of "$app")
  local start; start=$(date +%s.%N)
  local location
  location=$(curl -sf --max-time "$step_timeout" -D - -o /dev/null -H "Authorization: Bearer $token" -F "file=@$file" \
    -F "kind=$(sheet_of "$2")" "http://127.0.0.1:$port/api/v1/communities/$community/ledger/import-jobs" \
    | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}') || true
  local state=none body=
  if [ -n "$location" ]; then
    local deadline=$(($(date +%s) + step_timeout))
    while [ "$(date +%s)" -lt "$deadline" ]; do
      body=$(curl -sf --max-time 30 -H "Authorization: Bearer $token" "http://127.0.0.1:$port$location") || body=
      state=$(sed -nE 's/.*"state":"([a-z]+)".*/\1/p' <<<"$body")
      { [ "$state" = succeeded ] || [ "$state" = failed ]; } && break
      sleep 0.5
    done
  fi
  local end; end=$(date +%s.%N)
  local cpu1; cpu1=$(cpu_of "$app")
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$app/status")
  kill "$app" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  if [ "$state" != succeeded ]; then
    echo "HTTP import ended '$state': ${body:0:1000} $(tail -c 1000 "$dir/web.log")" >&2
    return 1
  fi
  record "$1" "$2" "$3" http "$(echo "$end - $start" | bc)" "$(echo "$cpu1 - $cpu0" | bc)" "$rss" "$before"
}

run_floor() { # db kind order
  local file; file=$(file_of "$2" "$3")
  local before; before=$(load)
  local out
  if [ "$1" = sqlite ]; then
    rm -f "$dir/${prefix}_bare.db"
    out=$( { /usr/bin/time -f "TIME %e %U %S %M" timeout "$step_timeout" sqlite3 "$dir/${prefix}_bare.db" ".import --csv '$file' bare"; } 2>&1 | grep '^TIME')
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS ${prefix}_bare WITH (FORCE)" -c "CREATE DATABASE ${prefix}_bare" >/dev/null
    local columns; columns=$(head -1 "$file" | tr ',' '\n' | awk '{printf "%sc%d text", (NR > 1 ? ", " : ""), NR}')
    psql -q -d "${prefix}_bare" -c "CREATE TABLE bare ($columns)" >/dev/null
    # The server's CPU is not this process's: the floor is compared by wall time only.
    out=$( { /usr/bin/time -f "TIME %e %U %S %M" timeout "$step_timeout" psql -q -d "${prefix}_bare" \
      -c "\\copy bare FROM '$file' WITH (FORMAT csv, HEADER true)"; } 2>&1 | grep '^TIME')
  fi
  read -r _ wall user sys rss <<<"$out"
  record "$1" "$2" "$3" floor "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$before"
  floor_wall=$wall
  floor_cpu=$(echo "$user + $sys" | bc)
}

echo "== timing ($persons 人员, $assistances 援助记录 rows; $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg))" >&2
summary=()
for db in $databases; do
  if [ "$db" = postgres ] && [ -z "${PGHOST:-}" ]; then echo "PostgreSQL skipped: PGHOST unset" >&2; continue; fi
  for kind in $kinds; do
    for order in $orders; do
      run_floor "$db" "$kind" "$order"
      for path in $paths; do
        if ! "run_$path" "$db" "$kind" "$order"; then
          failures+=("$db $kind $order $path")
          continue
        fi
        last=${results[-1]}
        wall=$(awk '{print $5}' <<<"$last")
        cpu=$(awk '{print $6}' <<<"$last")
        # PostgreSQL's floor works in the server, not in psql: no CPU ratio there.
        if [ "$db" = postgres ] || [ "$(echo "$floor_cpu == 0" | bc)" = 1 ]; then cpu_ratio=n/a; else cpu_ratio=$(echo "scale=2; $cpu / $floor_cpu" | bc); fi
        # CPU against CPU as well: on a loaded machine a CPU-bound import waits for a core, the floor (mostly I/O) hardly.
        summary+=("$(printf '%-9s %-11s %-8s %-5s %7.1f s / floor %6.1f s = %5.2f×  CPU %6.1f s / %5.1f s = %5s×  peak RSS %s MB  load %s' \
          "$db" "$kind" "$order" "$path" "$wall" "$floor_wall" "$(echo "scale=2; $wall / $floor_wall" | bc)" \
          "$cpu" "$floor_cpu" "$cpu_ratio" "$(awk '{print $7}' <<<"$last")" "$(awk '{print $8}' <<<"$last")")")
      done
    done
  done
done

echo
echo "database  kind        order    path       wall s     CPU s  RSS (MB)   load"
printf '%s\n' "${results[@]}"
echo
echo "ratios against the floor of the same file in the same run (target ≤ 3× SQLite, ≤ 2× PostgreSQL; goal 1.5×; peak RSS ≤ 500 MB):"
printf '%s\n' "${summary[@]}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "FAILED: ${failures[*]}"
  exit 1
fi
