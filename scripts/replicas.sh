#!/usr/bin/env bash
# Several replicas behind nginx on one throw-away PostgreSQL, on this host (docs/postgresql.md):
# initdb/pg_ctl in a temporary folder, REPLICAS (2 or 3) binaries on the same database, nginx
# on a loopback port balancing them. Then a short smoke: writes through the balancer are read
# on every replica, If-Match and externalId conflicts hold across replicas, a listing pages
# every case once, the audit trail has every write; one replica is SIGKILLed and requests
# through the balancer keep succeeding; PostgreSQL is restarted and the service recovers by
# itself. Everything is stopped and removed at the end.
#
# Usage: scripts/replicas.sh                 (2 replicas; ~15-30 s)
#        REPLICAS=3 scripts/replicas.sh
#        HOLD=1 scripts/replicas.sh          (after the smoke, keeps it all running until Ctrl-C)
#        SARCOMA_BINARY=path KEEP_WORK=1 also work.
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
WORK_PREFIX=sarcoma-replicas
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/balancer.sh"

replicas="${REPLICAS:-2}"
case "$replicas" in 2 | 3) ;; *) echo "REPLICAS must be 2 or 3"; exit 2 ;; esac
need_tools curl:curl python3:python3 nginx:nginx
find_binary
start_postgres || finish
pg_createdb sarcoma || { fail "createdb sarcoma"; finish; }
url="$(pg_url sarcoma)"

# ---- The replicas and the balancer -----------------------------------------------------
replica_pids=()
replica_bases=()
for i in $(seq 1 "$replicas"); do
    if ! start_server "$url" "$work/replica-$i" --database-pool-size 4; then
        fail "replica $i did not start"; finish
    fi
    started_pids+=("$server_pid")
    replica_pids+=("$server_pid")
    replica_bases+=("$base")
    server_pid=""
done
ok "$replicas replicas started on one PostgreSQL database (schema_migrations: $(pg_sql sarcoma 'SELECT count(*) FROM schema_migrations') rows, each applied once)"

lb_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
lb="http://127.0.0.1:$lb_port"
if ! start_balancer "$work/nginx" "$lb_port" "${replica_bases[@]#http://}"; then
    fail "nginx did not start (see above)"; finish
fi
nginx_pid="$balancer_pid"
echo "replicas: ${replica_bases[*]}; balancer $lb; PostgreSQL $pg_dir"

# http METHOD URL [BODY [HEADER]]: prints the status; the body goes to $work/body, headers to $work/headers.
http() {
    local args=(-s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$1" --max-time 10)
    [ $# -ge 3 ] && [ -n "$3" ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
    [ $# -ge 4 ] && args+=(-H "$4")
    curl "${args[@]}" "$2" || true
}
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2]) or '')" "$work/body" "$1"; }
header() { tr -d '\r' <"$work/headers" | awk -v name="$(echo "$1" | tr 'A-Z' 'a-z')" -F': ' 'tolower($1) == name { print $2 }'; }
case_body() { echo "{\"externalId\": \"$1\", \"tumor\": {\"site\": \"extremity\", \"sizeCm\": $2, \"grade\": 2}}"; }

# ---- Smoke -----------------------------------------------------------------------------
[ "$(http GET "$lb/ready")" = "200" ] && ok "/ready through the balancer" || fail "/ready through the balancer"

ids=()
created_ok=0
for n in $(seq 1 12); do
    status="$(http POST "$lb/v1/cases" "$(case_body "REPL-$n" 3)")"
    if [ "$status" = "201" ]; then created_ok=$((created_ok + 1)); ids+=("$(json_field id)"); fi
done
[ "$created_ok" -eq 12 ] && ok "12 cases created through the balancer" || fail "only $created_ok/12 creates answered 201"

for i in $(seq 0 $((replicas - 1))); do
    found=0
    for id in "${ids[@]}"; do [ "$(http GET "${replica_bases[$i]}/v1/cases/$id")" = "200" ] && found=$((found + 1)); done
    [ "$found" -eq "${#ids[@]}" ] && ok "replica $((i + 1)) reads all ${#ids[@]} cases" || fail "replica $((i + 1)) reads $found/${#ids[@]} cases"
done

# If-Match across replicas: update on replica 1, the same (now stale) ETag on replica 2 is 412.
first="${ids[0]:-none}"
http GET "${replica_bases[0]}/v1/cases/$first" >/dev/null
etag="$(header ETag)"
s1="$(http PUT "${replica_bases[0]}/v1/cases/$first" "$(case_body REPL-1 4)" "If-Match: $etag")"
s2="$(http PUT "${replica_bases[1]}/v1/cases/$first" "$(case_body REPL-1 5)" "If-Match: $etag")"
[ "$s1 $s2" = "200 412" ] && ok "a stale ETag on the other replica is 412" || fail "If-Match across replicas: $s1 $s2 (expected 200 412)"
[ "$(http POST "${replica_bases[1]}/v1/cases" "$(case_body REPL-2 3)")" = "409" ] \
    && ok "a duplicate externalId on the other replica is 409" || fail "duplicate externalId across replicas not 409"

# One listing through the balancer, page by page (each page may come from another replica).
listed="$(python3 - "$lb" <<'EOF'
import json, sys, urllib.request
base, cursor, seen = sys.argv[1], None, []
for _ in range(50):
    url = base + "/v1/cases?limit=5" + ("&cursor=" + cursor if cursor else "")
    page = json.load(urllib.request.urlopen(url, timeout=10))
    seen += [item["id"] for item in page["items"]]
    cursor = page.get("nextCursor")
    if not cursor:
        break
print(" ".join(seen))
EOF
)"
[ "$listed" = "${ids[*]}" ] && ok "the listing through the balancer pages every case once, in order" || fail "listing: got [$listed]"

audit_creates="$(pg_sql sarcoma "SELECT count(*) FROM audit WHERE action = 'create'")"
[ "$audit_creates" = "12" ] && ok "the audit trail has the 12 creates" || fail "audit creates: $audit_creates"

# ---- A replica dies --------------------------------------------------------------------
kill -KILL "${replica_pids[0]}"; wait "${replica_pids[0]}" 2>/dev/null
answered=0
for n in $(seq 1 20); do
    if [ $((n % 2)) -eq 0 ]; then status="$(http GET "$lb/v1/cases/${ids[$((n % ${#ids[@]}))]}")"; want=200
    else status="$(http POST "$lb/v1/cases" "$(case_body "AFTER-KILL-$n" 3)")"; want=201; fi
    [ "$status" = "$want" ] && answered=$((answered + 1)) || echo "after the kill, request $n: $status"
done
[ "$answered" -eq 20 ] && ok "replica 1 SIGKILLed: 20/20 requests through the balancer still succeed" \
    || fail "replica 1 SIGKILLed: $answered/20 requests succeeded"
[ "$(pg_sql sarcoma "SELECT count(*) FROM cases WHERE external_id LIKE 'AFTER-KILL-%'")" = "10" ] \
    && ok "the 10 writes after the kill are in the database" || fail "writes after the kill missing"

# ---- PostgreSQL restarts ---------------------------------------------------------------
if pg_restart; then
    recovered=""
    # A new externalId each attempt: a write cut during COMMIT may have landed unanswered.
    for attempt in $(seq 1 100); do
        [ "$(http POST "$lb/v1/cases" "$(case_body "AFTER-RESTART-$attempt" 3)")" = "201" ] && { recovered=1; break; }
        sleep 0.1
    done
    [ -n "$recovered" ] && ok "PostgreSQL restarted: writes through the balancer succeed again without restarting a replica" \
        || fail "no write succeeded within 10 s of the PostgreSQL restart"
    ready_all=1
    for i in $(seq 1 $((replicas - 1))); do [ "$(http GET "${replica_bases[$i]}/ready")" = "200" ] || ready_all=""; done
    [ -n "$ready_all" ] && ok "the surviving replicas are ready again" || fail "a surviving replica is not ready after the restart"
else
    fail "pg_ctl restart"
fi

if [ -n "${HOLD:-}" ]; then
    echo "holding: balancer $lb, replicas ${replica_bases[*]:1}, database $url; Ctrl-C stops everything"
    wait "$nginx_pid"
fi
finish
