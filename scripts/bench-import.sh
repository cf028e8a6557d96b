#!/usr/bin/env bash
# Ledger import through the user's paths against the engine's floor, in the same run (issue "Performance as users
# meet it", section 1). For each file (人员 and 援助记录, sorted and shuffled) it times `fe ledger import` and the
# HTTP background import (POST …/ledger/import-jobs, polled until finished), then `sqlite3 .import` (SQLite) or
# `\copy` (PostgreSQL COPY) of the same file into a bare table, and prints wall and CPU ratios and peak RSS.
#
#   scripts/bench-import.sh [PERSONS] [ASSISTANCES]        defaults 1000000 5000000
#   BENCH_DATABASES="sqlite postgres" BENCH_PATHS="cli http" BENCH_ORDERS="sorted shuffled" BENCH_KINDS="persons assistances"
#   PostgreSQL: PGHOST, PGPORT, PGUSER, PGPASSWORD (a role that may create databases); skipped when PGHOST is unset.
#   Files and databases go to BENCH_DIR (default /work/perfdata), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
persons=${1:-1000000}
assistances=${2:-5000000}
dir=${BENCH_DIR:-/work/perfdata}
databases=${BENCH_DATABASES:-sqlite postgres}
paths=${BENCH_PATHS:-cli http}
orders=${BENCH_ORDERS:-sorted shuffled}
kinds=${BENCH_KINDS:-persons assistances}
port=${BENCH_PORT:-5391}
community=620102001001
mkdir -p "$dir"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }

if [ -z "${BENCH_NO_BUILD:-}" ]; then # set it to reuse the Release builds of an earlier run
  echo "== building (Release)" >&2
  dotnet build -c Release -v q -nologo src/FullEmployment.Cli >/dev/null
  dotnet build -c Release -v q -nologo src/FullEmployment.Web >/dev/null
  dotnet build -c Release -v q -nologo benchmarks/FullEmployment.Benchmarks >/dev/null
fi
fe="dotnet $repo/src/FullEmployment.Cli/bin/Release/net10.0/fe.dll"
web="$repo/src/FullEmployment.Web/bin/Release/net10.0/FullEmployment.Web.dll"

echo "== generating files into $dir" >&2
dotnet "$repo/benchmarks/FullEmployment.Benchmarks/bin/Release/net10.0/FullEmployment.Benchmarks.dll" generate-import "$dir" "$persons" "$assistances" >&2

file_of() { # kind order
  if [ "$1" = persons ]; then echo "$dir/persons-$persons-$2.csv"; else echo "$dir/assistances-$assistances-$2.csv"; fi
}
sheet_of() { if [ "$1" = persons ]; then echo 人员; else echo 援助记录; fi; }
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }

# A database with the demo regions, users and communities (东岗社区 620102001001 among them), migrated by this branch.
use_database() { # sqlite|postgres name
  if [ "$1" = sqlite ]; then
    export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$dir/$2.db"
    rm -f "$dir/$2.db" "$dir/$2.db-wal" "$dir/$2.db-shm"
  else
    export Database__Provider=Postgres ConnectionStrings__Default="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER;Password=${PGPASSWORD:-};Database=$2"
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
  fi
  $fe seed --scale small >/dev/null
}

# The persons an 援助记录 file refers to must be in the ledger first; they are imported untimed.
prepare() { # kind order
  if [ "$1" = assistances ]; then
    $fe ledger import "$(file_of persons "$2")" --community $community --kind 人员 --max-mb 4096 >/dev/null
  fi
}

results=()
record() { results+=("$(printf '%-9s %-11s %-8s %-5s %9.1f %9.1f %8s' "$@")"); printf '%-9s %-11s %-8s %-5s %9.1f s wall %9.1f s CPU %8s MB\n' "$@" >&2; }

run_cli() { # db kind order
  local file; file=$(file_of "$2" "$3")
  use_database "$1" fe_bench_cli; prepare "$2" "$3"
  local out; out=$( { /usr/bin/time -f "TIME %e %U %S %M" $fe ledger import "$file" --community $community --kind "$(sheet_of "$2")" --max-mb 4096 >/dev/null; } 2>&1 | grep '^TIME')
  read -r _ wall user sys rss <<<"$out"
  record "$1" "$2" "$3" cli "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
}

run_http() { # db kind order
  local file; file=$(file_of "$2" "$3")
  use_database "$1" fe_bench_http; prepare "$2" "$3"
  local token; token=$($fe token create --user chengguan --days 1)
  ASPNETCORE_URLS="http://127.0.0.1:$port" Ledgers__MaxImportMb=4096 Files__Root="$dir/files" DOTNET_gcServer=0 \
    dotnet "$web" >"$dir/web.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  local cpu0; cpu0=$(cpu_of $pid)
  local start; start=$(date +%s.%N)
  local location
  location=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" -F "file=@$file" -F "kind=$(sheet_of "$2")" \
    "http://127.0.0.1:$port/api/v1/communities/$community/ledger/import-jobs" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
  local state=queued body=
  for _ in $(seq 1 7200); do
    body=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$location")
    state=$(sed -E 's/.*"state":"([a-z]+)".*/\1/' <<<"$body")
    [ "$state" = succeeded ] || [ "$state" = failed ] && break
    sleep 0.5
  done
  local end; end=$(date +%s.%N)
  local cpu1; cpu1=$(cpu_of $pid)
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "$state" = succeeded ] || { echo "HTTP import $state: ${body:0:500}" >&2; return 1; }
  record "$1" "$2" "$3" http "$(echo "$end - $start" | bc)" "$(echo "$cpu1 - $cpu0" | bc)" "$rss"
}

run_floor() { # db kind order
  local file; file=$(file_of "$2" "$3")
  local out
  if [ "$1" = sqlite ]; then
    rm -f "$dir/bare.db"
    out=$( { /usr/bin/time -f "TIME %e %U %S %M" sqlite3 "$dir/bare.db" ".import --csv '$file' bare"; } 2>&1 | grep '^TIME')
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS fe_bench_bare" -c "CREATE DATABASE fe_bench_bare" >/dev/null
    local columns; columns=$(head -1 "$file" | tr ',' '\n' | awk '{printf "%sc%d text", (NR > 1 ? ", " : ""), NR}')
    psql -q -d fe_bench_bare -c "CREATE TABLE bare ($columns)" >/dev/null
    # The server's CPU is not this process's: the floor is compared by wall time only.
    out=$( { /usr/bin/time -f "TIME %e %U %S %M" psql -q -d fe_bench_bare -c "\\copy bare FROM '$file' WITH (FORMAT csv, HEADER true)"; } 2>&1 | grep '^TIME')
  fi
  read -r _ wall user sys rss <<<"$out"
  record "$1" "$2" "$3" floor "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))"
  floor_wall=$wall
}

echo "== timing" >&2
summary=()
for db in $databases; do
  if [ "$db" = postgres ] && [ -z "${PGHOST:-}" ]; then echo "PostgreSQL skipped: PGHOST unset" >&2; continue; fi
  for kind in $kinds; do
    for order in $orders; do
      run_floor "$db" "$kind" "$order"
      for path in $paths; do
        "run_$path" "$db" "$kind" "$order"
        last=${results[-1]}
        wall=$(awk '{print $5}' <<<"$last")
        summary+=("$(printf '%-9s %-11s %-8s %-5s %7.1f s / floor %6.1f s = %5.2f×  (CPU %s s, peak RSS %s MB)' \
          "$db" "$kind" "$order" "$path" "$wall" "$floor_wall" "$(echo "scale=2; $wall / $floor_wall" | bc)" "$(awk '{print $6}' <<<"$last")" "$(awk '{print $7}' <<<"$last")")")
      done
    done
  done
done

echo
echo "database  kind        order    path     wall      CPU      peak RSS (MB)"
printf '%s\n' "${results[@]}"
echo
echo "ratios against the floor of the same file in the same run (target ≤ 3× SQLite, ≤ 2× PostgreSQL; goal 1.5×):"
printf '%s\n' "${summary[@]}"
