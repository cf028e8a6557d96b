#!/usr/bin/env bash
# Several web nodes on one PostgreSQL behind nginx (docs/operations.md "Several web nodes"): one PostgreSQL, two web
# nodes (Release build of src/FullEmployment.Web, Production, demo data) started at the same moment on two ports, and
# nginx round-robin in front on 127.0.0.1. Everything lives in one state folder; nothing of the system's nginx or
# PostgreSQL configuration is used or changed.
#
#   scripts/multi-node.sh start          start it all and leave it running (prints the addresses)
#   scripts/multi-node.sh stop           stop what start started and delete the state folder
#   scripts/multi-node.sh check [--wrk]  start, run the checks (one PASS/FAIL line each), optionally wrk through nginx
#                                        (scripts/bench-web.sh on the nginx address), stop; exit 1 when a check failed
#
# Environment: PG_SERVER='Host=…;Port=…;Username=…;Password=…' (a FE_TEST_POSTGRES-style server whose user may create
# databases: a database fe_multinode_<pid> is created there and dropped by stop) instead of a throwaway cluster run as
# the postgres user; STATE=/tmp/fe-multi-node; PORT=5280 (nginx; the nodes take PORT+1 and PORT+2, a throwaway
# PostgreSQL PORT+3); WEB_DIR / FE_DIR: a published web app / built fe to use instead of building them into
# $STATE-build; DURATION=10s CONNECTIONS=16 THREADS=2 for --wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
STATE=${STATE:-/tmp/fe-multi-node}
PORT=${PORT:-5280}
port_a=$((PORT + 1)) port_b=$((PORT + 2)) pg_port=$((PORT + 3))
pgbin=/usr/lib/postgresql/15/bin
password='Multi#Node2026' # every demo account's initial password
new_password='Multi#Node2026-new'

say() { printf '%s\n' "$*" >&2; }

stop() {
  [[ -d $STATE ]] || return 0
  for node in a b; do
    if [[ -f $STATE/node-$node.pid ]]; then
      local pid; pid=$(cat "$STATE/node-$node.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  [[ -f $STATE/nginx/nginx.pid ]] && nginx -p "$STATE/nginx/" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log" -s stop 2>/dev/null || true
  if [[ -d $STATE/pg/data ]]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  elif [[ -f $STATE/pg-database ]]; then
    psql_server -c "DROP DATABASE IF EXISTS \"$(cat "$STATE/pg-database")\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"
}

# psql on PG_SERVER (its postgres database) or, with a database name, on that database.
psql_server() {
  local h=127.0.0.1 p=5432 u=postgres w=
  IFS=';' read -ra kv <<<"$PG_SERVER"
  for pair in "${kv[@]}"; do case ${pair%%=*} in Host) h=${pair#*=};; Port) p=${pair#*=};; Username) u=${pair#*=};; Password) w=${pair#*=};; esac; done
  PGPASSWORD=$w psql -h "$h" -p "$p" -U "$u" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

# One value from the installation's database.
sql() { source "$STATE/env"; PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -qtAc "$1"; }

build() {
  local out=$STATE-build
  if [[ -z ${WEB_DIR:-} ]]; then
    WEB_DIR=$out/web
    say "building the web app (Release) into $WEB_DIR …"
    dotnet publish src/FullEmployment.Web -c Release -o "$WEB_DIR" >"$out.publish.log" 2>&1 || { cat "$out.publish.log" >&2; exit 1; }
  fi
  if [[ -z ${FE_DIR:-} ]]; then
    FE_DIR=$out/fe
    say "building fe (Release) into $FE_DIR …"
    dotnet build src/FullEmployment.Cli -c Release -o "$FE_DIR" >"$out.build.log" 2>&1 || { cat "$out.build.log" >&2; exit 1; }
  fi
}

start_postgres() {
  local name
  if [[ -n ${PG_SERVER:-} ]]; then
    name=fe_multinode_$$
    psql_server -c "CREATE DATABASE \"$name\"" >/dev/null
    echo "$name" >"$STATE/pg-database"
    local h=127.0.0.1 p=5432 u=postgres w=
    IFS=';' read -ra kv <<<"$PG_SERVER"
    for pair in "${kv[@]}"; do case ${pair%%=*} in Host) h=${pair#*=};; Port) p=${pair#*=};; Username) u=${pair#*=};; Password) w=${pair#*=};; esac; done
    printf 'DB_HOST=%q DB_PORT=%q DB_USER=%q DB_PASSWORD=%q DB_NAME=%q\n' "$h" "$p" "$u" "$w" "$name" >"$STATE/env"
  else
    # A throwaway cluster, run as the postgres user (initdb refuses root), on loopback only.
    mkdir -p "$STATE/pg" && chown postgres: "$STATE/pg"
    runuser -u postgres -- "$pgbin/initdb" -D "$STATE/pg/data" -A trust -U postgres >"$STATE/pg/initdb.log" 2>&1
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/server.log" -w \
      -o "-p $pg_port -k $STATE/pg -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c max_connections=200" start >/dev/null
    PGPASSWORD= psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE fe" >/dev/null
    printf 'DB_HOST=127.0.0.1 DB_PORT=%q DB_USER=postgres DB_PASSWORD= DB_NAME=fe\n' "$pg_port" >"$STATE/env"
  fi
}

start_nodes() {
  source "$STATE/env"
  mkdir -p "$STATE/keys" "$STATE/files"
  # The secrets every node must share, outside the database (docs/operations.md "Keys").
  (umask 077; openssl rand -base64 32 >"$STATE/keys/audit-hmac.key"; openssl rand -base64 32 >"$STATE/keys/second-factor.key"
    printf '{"current":1,"dataKeys":[{"id":1,"key":"%s"}],"indexKey":"%s"}\n' "$(openssl rand -base64 32)" "$(openssl rand -base64 32)" \
      >"$STATE/keys/personal-data.json")
  local node port
  for node in a b; do
    [[ $node == a ]] && port=$port_a || port=$port_b
    (
      cd "$WEB_DIR"
      export Database__Provider=Postgres
      export ConnectionStrings__Default="Host=$DB_HOST;Port=$DB_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
      export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port Node__Name=node-$node
      export Audit__HmacKeyFile=$STATE/keys/audit-hmac.key SecondFactor__KeyFile=$STATE/keys/second-factor.key DataProtection__KeyEncryptionKeyFile=$STATE/keys/data-protection.key PersonalData__KeyFile=$STATE/keys/personal-data.json Files__Root=$STATE/files
      export Demo__Seed=true Demo__Password=$password Logging__LogLevel__Default=Warning
      exec dotnet FullEmployment.Web.dll >"$STATE/node-$node.log" 2>&1
    ) &
    echo $! >"$STATE/node-$node.pid"
  done
  # Both at once on an empty database: migration and the demo seed run once, under the start-up lock.
  for port in $port_a $port_b; do
    for _ in $(seq 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 1; done
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" || { say "a node did not start:"; tail -30 "$STATE"/node-*.log >&2; exit 1; }
  done
}

start_nginx() {
  mkdir -p "$STATE/nginx/tmp" && chmod 777 "$STATE/nginx/tmp"
  cat >"$STATE/nginx/nginx.conf" <<NGINX
worker_processes 1;
user nobody nogroup;
pid $STATE/nginx/nginx.pid;
error_log $STATE/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $STATE/nginx/tmp/body;
    proxy_temp_path $STATE/nginx/tmp/proxy;
    fastcgi_temp_path $STATE/nginx/tmp/fastcgi;
    uwsgi_temp_path $STATE/nginx/tmp/uwsgi;
    scgi_temp_path $STATE/nginx/tmp/scgi;
    upstream fe {
        # Round-robin (nginx's default): consecutive requests go to alternate nodes.
        server 127.0.0.1:$port_a;
        server 127.0.0.1:$port_b;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PORT;
        client_max_body_size 200m;
        location / {
            proxy_pass http://fe;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
NGINX
  nginx -p "$STATE/nginx/" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log"
}

start() {
  command -v nginx >/dev/null || { say "nginx is missing: apt-get install -y nginx"; exit 2; }
  [[ -e $STATE ]] && { say "$STATE exists: scripts/multi-node.sh stop first"; exit 2; }
  mkdir -p "$STATE" && chmod 755 "$STATE"
  build
  start_postgres
  start_nodes
  start_nginx
  say "nginx http://127.0.0.1:$PORT → node-a http://127.0.0.1:$port_a, node-b http://127.0.0.1:$port_b; demo accounts' initial password $password"
}

# ---- checks ----
failures=0
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
nginx_url=http://127.0.0.1:$PORT
jar() { echo "$STATE/cookies-$1"; }

# GET/POST through a base URL with a cookie jar; prints the status and adds the node that answered to $STATE/nodes.
request() { # base jar method path [curl args…]
  local base=$1 jar=$2 method=$3 path=$4; shift 4
  local out; out=$(curl -s -o "$STATE/body" -D "$STATE/headers" -w '%{http_code}' -c "$jar" -b "$jar" -X "$method" "$@" "$base$path")
  tr -d '\r' <"$STATE/headers" | awk -F': ' 'tolower($1) == "x-fe-node" { print $2 }' >>"$STATE/nodes"
  echo "$out"
}
nodes_reset() { : >"$STATE/nodes"; }
nodes_count() { sort "$STATE/nodes" | uniq -c | awk '{printf "%s×%s ", $2, $1}'; }
nodes_distinct() { sort -u "$STATE/nodes" | grep -c node || true; }
location() { tr -d '\r' <"$STATE/headers" | awk -F': ' 'tolower($1) == "location" { print $2 }'; }
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$STATE/body" | head -1 | sed 's/.*value="//;s/"$//'; }
totp() { python3 "$root/scripts/lib/totp.py" "$1"; } # base32 secret → the current code

# The whole sign-in of a person through nginx: password, second-factor enrolment, recovery codes, the initial
# password changed. Every request is a new connection, so nginx sends consecutive ones to alternate nodes.
sign_in_through_nginx() { # user → the cookie jar on stdout
  local user=$1 jar; jar=$(jar "$user"); rm -f "$jar"
  nodes_reset
  request "$nginx_url" "$jar" GET /Account/Login >/dev/null
  request "$nginx_url" "$jar" POST /Account/Login --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=$password" \
    --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  local next; next=$(location)
  [[ $next == /Account/EnrolSecondFactor* ]] || { say "sign-in of $user: expected the enrolment page, got '$next'"; return 1; }
  request "$nginx_url" "$jar" GET "$next" >/dev/null
  local secret; secret=$(grep -o 'data-testid="totp-secret">[A-Z2-7]*<' "$STATE/body" | sed 's/.*>\([A-Z2-7]*\)</\1/')
  request "$nginx_url" "$jar" POST "$next" --data-urlencode "Code=$(totp "$secret")" --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  local continue_url; continue_url=$(grep -o 'href="[^"]*" data-testid="continue"' "$STATE/body" | sed 's/href="//;s/" data-testid.*//;s/&amp;/\&/g')
  [[ -n $continue_url ]] || { say "sign-in of $user: the code was not accepted"; return 1; }
  request "$nginx_url" "$jar" GET "$continue_url" >/dev/null
  if [[ $(location) == /Account/ChangePassword* ]]; then
    request "$nginx_url" "$jar" GET /Account/ChangePassword >/dev/null
    request "$nginx_url" "$jar" POST /Account/ChangePassword --data-urlencode "Input.CurrentPassword=$password" \
      --data-urlencode "Input.NewPassword=$new_password" --data-urlencode "Input.ConfirmPassword=$new_password" \
      --data-urlencode "__RequestVerificationToken=$(form_token)" >/dev/null
  fi
  echo "$jar"
}

check_startup() {
  local users campaigns duplicates regions keys
  users=$(sql 'SELECT count(*) FROM "AspNetUsers"')
  campaigns=$(sql 'SELECT count(*) FROM campaigns')
  duplicates=$(sql 'SELECT count(*) - count(DISTINCT "Name") FROM campaigns')
  regions=$(sql 'SELECT count(*) FROM regions')
  keys=$(sql 'SELECT count(*) FROM "DataProtectionKeys"')
  if [[ $users == 10 && $campaigns -gt 0 && $duplicates == 0 && $keys == 1 ]]; then
    pass "start-up: two nodes started at once on an empty database; migrated and seeded once ($regions regions, $users demo accounts (one each), $campaigns campaigns, no campaign twice, $keys data-protection key)"
  else
    fail "start-up: users=$users (want the demo's 10) campaigns=$campaigns duplicates=$duplicates (want 0) data-protection keys=$keys (want 1)"
  fi
}

check_sign_in() {
  local jar; jar=$(sign_in_through_nginx province) || { fail "sign-in through nginx (password + second factor)"; return; }
  local signin_nodes signin_distinct; signin_nodes=$(nodes_count) signin_distinct=$(nodes_distinct)
  nodes_reset
  local codes=() page
  for page in /Communities /Ledgers/RollUp /Communities /Campaigns/Inbox /Communities /Ledgers/RollUp /Communities /Campaigns; do
    codes+=("$(request "$nginx_url" "$jar" GET "$page")")
  done
  local work_nodes; work_nodes=$(nodes_count)
  if printf '%s\n' "${codes[@]}" | grep -qv '^200$'; then
    fail "sign-in through nginx: pages after sign-in answered ${codes[*]} (nodes: $work_nodes)"
  elif [[ $(nodes_distinct) -lt 2 || $signin_distinct -lt 2 ]]; then
    fail "sign-in through nginx: only one node answered (sign-in: $signin_nodes; pages: $work_nodes)"
  else
    pass "sign-in through nginx: password, enrolment with a TOTP code, recovery codes, new password across both nodes ($signin_nodes); then 8 pages, all 200, from $work_nodes"
  fi
}

check_objection_limit() {
  # The demo's open notice and a candidate on it, so the objections are real ones (the limit counts any POST).
  local notice candidate
  read -r notice candidate <<<"$(sql "SELECT n.\"Id\", e.\"ApplicationId\" FROM public_notices n JOIN list_entries e ON e.\"CandidateListId\" = n.\"CandidateListId\" LIMIT 1" | tr '|' ' ')"
  [[ -n $notice ]] || notice=$(python3 -c 'import uuid; print(uuid.uuid4())')
  [[ -n $candidate ]] || candidate=$(python3 -c 'import uuid; print(uuid.uuid4())')
  nodes_reset
  local codes=() i
  for i in 1 2 3 4 5 6; do
    codes+=("$(request "$nginx_url" /dev/null POST "/api/v1/public/notices/$notice/objections" -H 'Content-Type: application/json' \
      --data "{\"candidateId\":\"$candidate\",\"name\":\"多节点\",\"phone\":\"13700000000\",\"content\":\"第${i}次异议（multi-node.sh）\"}")")
  done
  local sixth=${codes[5]} detail; detail=$(jq -r '.detail // empty' "$STATE/body" 2>/dev/null || true)
  local first_five; first_five=$(printf '%s\n' "${codes[@]:0:5}" | grep -c '^429$' || true)
  local where; where=$(tr '\n' ' ' <"$STATE/nodes")
  if [[ $first_five == 0 && $sixth == 429 && $detail == *每小时最多提交5次异议* && $(head -5 "$STATE/nodes" | sort -u | grep -c node) == 2 ]]; then
    pass "objection limit across nodes: POSTs 1-5 through nginx answered ${codes[*]:0:5}, the 6th 429 «$detail» (nodes in order: $where)"
  else
    fail "objection limit across nodes: answered ${codes[*]} (nodes: $where) detail «$detail»"
  fi
}

# A municipal campaign of 兰州市 whose 城关区 quota is 1, two applications of 城关区 communities ready to forward, and
# two county officers of 城关区 forwarding one each at the same moment, one on each node.
check_quota_race() {
  local fe=$FE_DIR/fe
  export Database__Provider=Postgres ConnectionStrings__Default
  source "$STATE/env"
  ConnectionStrings__Default="Host=$DB_HOST;Port=$DB_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
  export Audit__HmacKeyFile=$STATE/keys/audit-hmac.key SecondFactor__KeyFile=$STATE/keys/second-factor.key DataProtection__KeyEncryptionKeyFile=$STATE/keys/data-protection.key PersonalData__KeyFile=$STATE/keys/personal-data.json Files__Root=$STATE/files
  local token_city token_county token_county2 token_staff token_staff2
  "$fe" user add --username chengguan2 --role county-officer --scope 620102 --password "$password" >/dev/null
  token_city=$("$fe" token create --user lanzhou) token_county=$("$fe" token create --user chengguan)
  token_county2=$("$fe" token create --user chengguan2) token_staff=$("$fe" token create --user jiuquanlu)
  api() { # token method path [json] → body on stdout, status in $STATE/status
    local body=(); [[ -n ${4:-} ]] && body=(--data "$4")
    curl -s -o "$STATE/api" -w '%{http_code}' -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -X "$2" "${body[@]}" "$nginx_url$3" >"$STATE/status"
    cat "$STATE/api"
  }
  # A second untitled community in 城关区 (the demo has one, 酒泉路社区) and its staff account.
  api "$token_county" POST /api/v1/communities '{"code":"620102001099","name":"多节点社区","cityCode":"620100","countyCode":"620102","street":"酒泉路街道","address":"城关区酒泉路99号","approvalDocumentNumber":"城政发〔2026〕99号","civilAffairsFilingNumber":"民备-2026-99","civilAffairsFiledOn":"2025-01-05","contactName":"李多","contactPhone":"0931-8123499"}' >/dev/null
  [[ $(cat "$STATE/status") == 201 ]] || { fail "quota race: registering a community answered $(cat "$STATE/status") $(cat "$STATE/api")"; return; }
  "$fe" user add --username multinode-staff --role community-staff --scope 620102001099 --password "$password" >/dev/null
  token_staff2=$("$fe" token create --user multinode-staff)
  local today year; today=$(TZ=Asia/Shanghai date +%F) year=${today:0:4}
  plus() { TZ=Asia/Shanghai date -d "$today + $1 days" +%F; }
  local campaign id version
  campaign=$(api "$token_city" POST /api/v1/campaigns "{\"kind\":\"municipal\",\"name\":\"多节点名额竞争$$\",\"creationYear\":$year,\"totalQuota\":2,\"templateVersion\":\"2023-1\",\"passMark\":85,\"assessmentFrom\":\"$((year - 1))-01-01\",\"assessmentTo\":\"$((year - 1))-12-31\",\"deadlines\":{\"application\":\"$(plus 30)\",\"county\":\"$(plus 60)\",\"city\":\"$(plus 90)\",\"province\":\"$(plus 150)\"}}")
  id=$(jq -r .id <<<"$campaign") version=$(jq -r .version <<<"$campaign")
  campaign=$(api "$token_city" POST "/api/v1/campaigns/$id/quotas" "{\"version\":$version,\"quotas\":[{\"regionCode\":\"620102\",\"quota\":1},{\"regionCode\":\"620103\",\"quota\":1}]}")
  api "$token_city" POST "/api/v1/campaigns/$id/publish" "{\"version\":$(jq -r .version <<<"$campaign"),\"noticeBody\":\"多节点检查\"}" >/dev/null
  [[ $(cat "$STATE/status") == 200 ]] || { fail "quota race: publishing the campaign answered $(cat "$STATE/status") $(cat "$STATE/api")"; return; }
  act() { # token application action json-without-version
    local v; v=$(api "$1" GET "/api/v1/applications/$2" | jq -r '.version // 0')
    api "$1" POST "/api/v1/applications/$2/$3" "$(jq -c --argjson v "$v" '. + {version: $v}' <<<"$4")" >/dev/null
  }
  score() { # token application level
    local entries; entries=$(api "$1" GET "/api/v1/applications/$2" | jq -c '[.sheets[0].lines[] | {number, score: .maxPoints, remark: "经核实，按满分计。"}]')
    act "$1" "$2" score "{\"level\":\"$3\",\"entries\":$entries}"
  }
  local apps=() staff
  for staff in "$token_staff" "$token_staff2"; do
    local app; app=$(api "$staff" POST /api/v1/applications "{\"campaignId\":\"$id\"}" | jq -r '.id // empty')
    [[ -n $app ]] || { fail "quota race: starting an application answered $(cat "$STATE/status") $(cat "$STATE/api")"; return; }
    score "$staff" "$app" self; act "$staff" "$app" submit '{}'
    score "$token_county" "$app" county
    act "$token_county" "$app" inspection "{\"date\":\"$today\",\"inspectors\":[\"赵刚\",\"钱丽\"],\"passed\":true,\"findings\":\"符合条件。\"}"
    [[ $(cat "$STATE/status") == 200 ]] || { fail "quota race: preparing an application answered $(cat "$STATE/status") $(cat "$STATE/api")"; return; }
    apps+=("$app")
  done
  local v1 v2
  v1=$(api "$token_county" GET "/api/v1/applications/${apps[0]}" | jq -r .version)
  v2=$(api "$token_county2" GET "/api/v1/applications/${apps[1]}" | jq -r .version)
  # The race: both requests leave at once, one to each node directly.
  curl -s -o "$STATE/race-a" -w '%{http_code}' -H "Authorization: Bearer $token_county" -H 'Content-Type: application/json' \
    --data "{\"version\":$v1}" "http://127.0.0.1:$port_a/api/v1/applications/${apps[0]}/forward" >"$STATE/race-a.status" &
  local race_a=$!
  curl -s -o "$STATE/race-b" -w '%{http_code}' -H "Authorization: Bearer $token_county2" -H 'Content-Type: application/json' \
    --data "{\"version\":$v2}" "http://127.0.0.1:$port_b/api/v1/applications/${apps[1]}/forward" >"$STATE/race-b.status" &
  wait $race_a $!
  local a b forwarded
  a=$(cat "$STATE/race-a.status") b=$(cat "$STATE/race-b.status")
  forwarded=$(api "$token_city" GET "/api/v1/campaigns/$id" | jq '[.quotas[] | select(.regionCode == "620102") | .forwarded] | first')
  local refused_detail; refused_detail=$(jq -r '.detail // empty' "$STATE/race-$([[ $a == 200 ]] && echo b || echo a)" 2>/dev/null)
  if [[ "$(printf '%s\n' "$a" "$b" | sort | tr '\n' ' ')" == "200 409 " && $forwarded == 1 ]]; then
    pass "quota race: two county officers forward for 城关区's one place at once, node-a $a, node-b $b «$refused_detail»; the county's quota use is $forwarded"
  elif [[ "$(printf '%s\n' "$a" "$b" | sort | tr '\n' ' ')" == "200 422 " && $forwarded == 1 ]]; then
    pass "quota race: node-a $a, node-b $b (the second came after the first committed, so it was refused on the quota itself, not as a conflict) «$refused_detail»; quota use $forwarded"
  else
    fail "quota race: node-a $a, node-b $b, quota use $forwarded (want one 200, one 409, use 1): $(cat "$STATE/race-a") $(cat "$STATE/race-b")"
  fi
}

check_wrk() {
  local jar; jar=$(jar province)
  local cookie; cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF == 7) printf "%s=%s; ", $6, $7 }' "$jar")
  source "$STATE/env"
  BASE_URL=$nginx_url COOKIE=$cookie DURATION=${DURATION:-10s} CONNECTIONS=${CONNECTIONS:-16} THREADS=${THREADS:-2} \
    scripts/bench-web.sh postgres "Host=$DB_HOST;Port=$DB_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
}

check() {
  trap stop EXIT
  start
  check_startup
  check_sign_in
  check_objection_limit
  check_quota_race
  if [[ ${1:-} == --wrk ]]; then
    echo "wrk through nginx ($nginx_url, both nodes):"
    check_wrk || fail "wrk through nginx: scripts/bench-web.sh failed"
  fi
  echo "$failures check(s) failed"
  [[ $failures == 0 ]]
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  check) shift; check "$@" ;;
  *) say "usage: scripts/multi-node.sh start|stop|check [--wrk]"; exit 2 ;;
esac
