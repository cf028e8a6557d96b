#!/usr/bin/env bash
# Pages under load (issue "pages under load"): starts the web app (Release) on the given database, signs in as a
# province officer, runs wrk on each page and prints a table: req/s, p50, p99, non-2xx responses, socket errors.
#
#   scripts/bench-web.sh sqlite   'Data Source=/path/province.db'            [options]
#   scripts/bench-web.sh postgres 'Host=127.0.0.1;Port=5432;...;Database=fe' [options]
#
# Options (environment): CONNECTIONS=64 DURATION=30s THREADS=2 PORT=5190 COMMUNITY=<12-digit code; default: the one
# with the most persons> WEB_DIR=<published app; default: publish into a temporary folder> FE_DIR=<built fe, to add the
# account; default: build into a temporary folder> NOTICE=<notice id; default:
# the newest notice, skipped when there is none> BASE_URL=<an app already running, e.g. nginx in front of several nodes
# (scripts/multi-node.sh): none is started> COOKIE=<a signed-in session's Cookie header: no account is added or signed in>.
# The database must be migrated and seeded (`fe seed --scale province`).
# Each run adds a province-officer account bench-<time>, enrols its second factor and sets its password. The app runs in
# Production: give it the installation's Audit__HmacKeyFile, SecondFactor__KeyFile, DataProtection__KeyEncryptionKeyFile and
# PersonalData__KeyFile in the environment.
set -euo pipefail
provider=${1:?usage: scripts/bench-web.sh sqlite|postgres CONNECTION_STRING}
connection=${2:?usage: scripts/bench-web.sh sqlite|postgres CONNECTION_STRING}
cd "$(dirname "$0")/.."
case $provider in sqlite) provider=Sqlite ;; postgres) provider=Postgres ;; *) echo "provider: sqlite or postgres" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-30s} THREADS=${THREADS:-2} PORT=${PORT:-5190}
work=$(mktemp -d)
app_pid=
cleanup() { [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ -z ${WEB_DIR:-} && -z ${BASE_URL:-} ]]; then
  WEB_DIR=$work/web
  dotnet publish src/FullEmployment.Web -c Release -o "$WEB_DIR" >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
fi
export Database__Provider=$provider ConnectionStrings__Default=$connection
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$PORT Demo__Seed=false Logging__LogLevel__Default=Warning

sql() { # one value from the database
  if [[ $provider == Sqlite ]]; then sqlite3 "${connection#Data Source=}" "$1"
  else
    local h p u w d; IFS=';' read -ra kv <<<"$connection"
    for pair in "${kv[@]}"; do case ${pair%%=*} in Host) h=${pair#*=};; Port) p=${pair#*=};; Username) u=${pair#*=};; Password) w=${pair#*=};; Database) d=${pair#*=};; esac; done
    PGPASSWORD=$w psql -h "$h" -p "${p:-5432}" -U "$u" -d "$d" -tAc "$1"
  fi
}

# A fresh province-officer account per run: officers need the second factor (issue 13 §1), so the script enrols it with a
# code computed from the secret the enrolment page shows, and changes the initial password, as a new officer would.
user=bench-$(date +%s) first='Bench#2026tmp' password='Bench#2026pw'
if [[ -z ${COOKIE:-} ]]; then
  if [[ -z ${FE_DIR:-} ]]; then
    FE_DIR=$work/fe
    dotnet build src/FullEmployment.Cli -c Release -o "$FE_DIR" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  fi
  "$FE_DIR/fe" user add --username "$user" --role province-officer --scope 620000 --password "$first" >/dev/null
fi
COMMUNITY=${COMMUNITY:-$(sql "SELECT c.\"Code\" FROM communities c JOIN ledger_persons p ON p.community_id = c.\"Id\" GROUP BY c.\"Code\" ORDER BY count(*) DESC, c.\"Code\" LIMIT 1")}
NOTICE=${NOTICE:-$(sql "SELECT \"Id\" FROM public_notices LIMIT 1" 2>/dev/null || true)}

base=${BASE_URL:-http://127.0.0.1:$PORT}
if [[ -z ${BASE_URL:-} ]]; then
  (cd "$WEB_DIR" && exec dotnet FullEmployment.Web.dll >"$work/app.log" 2>&1) &
  app_pid=$!
fi
for _ in $(seq 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
curl -fs "$base/healthz" >/dev/null || { cat "$work/app.log" 2>/dev/null >&2; exit 1; }

if [[ -n ${COOKIE:-} ]]; then
  cookie=$COOKIE
else
  . scripts/lib/sign-in.sh
  cookie=$(sign_in "$base" "$user" "$first" "$password" "$work")
fi
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/Communities") == 200 ]] || { echo "sign-in failed" >&2; exit 1; }

# Each connection keeps the cookie the app renews, as a browser does: replaying the sign-in cookie for the whole run would
# have every request past the security-stamp interval (1 minute) look the user up again and re-issue the cookie.
cat >"$work/count.lua" <<'LUA'
local threads = {}
local cookies, order, headers = {}, {}, {}
function setup(thread) table.insert(threads, thread) end
local function rebuild()
  local parts = {}
  for _, name in ipairs(order) do parts[#parts + 1] = name .. "=" .. cookies[name] end
  headers["Cookie"] = table.concat(parts, "; ")
  req = wrk.format(nil, nil, headers)
end
function init(args)
  bad = 0
  for name, value in pairs(wrk.headers) do headers[name] = value end
  for name, value in string.gmatch(headers["Cookie"] or "", "([^=; ]+)=([^;]*)") do order[#order + 1] = name; cookies[name] = value end
  rebuild()
end
function request() return req end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
  local set = headers["Set-Cookie"]
  if set then
    local name, value = string.match(set, "^([^=; ]+)=([^;]*)")
    if name and cookies[name] then cookies[name] = value; rebuild() end
  end
end
function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + t:get("bad") end
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, non2xx, e.connect + e.read + e.write + e.timeout))
end
LUA

pages=("/Communities" "/Ledgers/$COMMUNITY/Kind/Person" "/Ledgers/$COMMUNITY/Indicators" "/public")
[[ -n $NOTICE ]] && pages+=("/public/Notice/$NOTICE")
echo "$provider, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, signed in as a province officer; community $COMMUNITY"
printf '%-42s %9s %9s %9s %8s %7s\n' page 'req/s' 'p50 ms' 'p99 ms' non-2xx errors
for page in "${pages[@]}"; do
  curl -s -o /dev/null -H "Cookie: $cookie" "$base$page" # one request first: the page's first-use costs are not the load's
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" -s "$work/count.lua" "$base$page" | grep '^RESULT')
  read -r _ rps p50 p99 non2xx errors <<<"$line"
  printf '%-42s %9s %9s %9s %8s %7s\n' "$page" "$rps" "$p50" "$p99" "$non2xx" "$errors"
done
if [[ -z $NOTICE ]]; then echo "(no notice in this database: the notice page was not measured)"; fi
