#!/usr/bin/env bash
# Slow and hostile clients: slowloris (slowhttptest, 250 connections sending headers
# slowly) together with 1,000 idle connections must not stop the service answering a normal
# client; clients that disconnect mid-request or mid-response cost nothing; 10,000
# connect/close cycles leak no descriptor (/proc/PID/fd counted before and after); 200
# connections trickling a request body one byte every 2 s are dropped by the body timeout
# (408) while others are answered; over --max-connections, new connections get 503 with
# Retry-After and the service recovers when the others close.
#
# Usage: scripts/hostile-clients.sh           (~1.5 min)
#        QUICK=1 scripts/hostile-clients.sh   (shorter attack, fewer aborts and cycles)
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

# The probe runs while all slow connections are open (they are dropped after 10 s).
if [ -n "${QUICK:-}" ]; then attack=6; aborts=50; cycles="${CYCLES:-10000}"
else attack=8; aborts=200; cycles="${CYCLES:-10000}"; fi
# Slow bodies: the service runs with a 5 s body timeout (default 30 s) to keep this short.
body_timeout=5
slow_bodies=200
slow_conns=250
idle_conns=1000
# Latency a normal request may take while under attack (debug build, shared 2-core box).
max_ms="${MAX_MS:-1000}"

need_tools slowhttptest:slowhttptest python3:python3
find_binary
lib="$root/scripts/lib"
ulimit -n 8192 2>/dev/null || true
start_server "$work/cases.sqlite" "$work/server" --body-timeout-seconds "$body_timeout" \
    || { fail "server did not start"; finish; }
pid="$(service_pid)"
echo "hostile-clients: service pid $pid at $base"

probe_field() { python3 -c "import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print(v if v is not None else -1)" "$1" "$2"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
# settle LIMIT: waits (up to 5 s) until the fd count is at most LIMIT; prints the count.
settle() {
    local n
    for _ in $(seq 1 50); do n="$(fd_count "$pid")"; [ "$n" -le "$1" ] && break; sleep 0.1; done
    echo "$n"
}

# Warm up (database readers, lazily created state), then the baseline.
python3 "$lib/hostile_clients.py" probe "$base" 1 "$work/warm.json" >/dev/null
fd_base="$(fd_count "$pid")"; threads_base="$(threads "$pid")"
python3 "$lib/hostile_clients.py" probe "$base" 2 "$work/baseline.json"
echo "baseline: $fd_base descriptors, $threads_base threads"

# ---- 1. 1,000 idle connections + slowloris ------------------------------------------------
python3 "$lib/hostile_clients.py" idle "$base" "$idle_conns" "$work/stop-idle" >"$work/idle.log" 2>&1 &
idle_pid=$!; started_pids+=("$idle_pid")
for _ in $(seq 1 100); do grep -q 'connections open' "$work/idle.log" && break; sleep 0.1; done
cat "$work/idle.log"
port="${base##*:}"
# All 250 slow connections open within the first second; each sends a header line every
# 3 s and never ends its head. The server's head timeout (10 s) must drop them (408).
slow_t0="$(now_ms)"
slowhttptest -H -c "$slow_conns" -r "$slow_conns" -i 3 -s 8192 -t GET -u "http://127.0.0.1:$port/health" \
    -x 24 -p 2 -l 40 >"$work/slowhttptest.log" 2>&1 &
slow_pid=$!; started_pids+=("$slow_pid")
sleep 1.5
python3 "$lib/hostile_clients.py" probe "$base" "$attack" "$work/attack.json" &
probe_pid=$!; started_pids+=("$probe_pid")
peak=0
while kill -0 "$probe_pid" 2>/dev/null; do
    n="$(fd_count "$pid")"; [ "$n" -gt "$peak" ] && peak="$n"; sleep 0.5
done
wait "$probe_pid"
held=$((peak - fd_base))
echo "during the attack: up to $peak descriptors open in the service (~$held client connections)"
# slowhttptest ends by itself once the server has closed every slow connection.
for _ in $(seq 1 150); do kill -0 "$slow_pid" 2>/dev/null || break; sleep 0.1; done
slow_ms=$(( $(now_ms) - slow_t0 ))
kill "$slow_pid" 2>/dev/null; wait "$slow_pid" 2>/dev/null
sed 's/\x1b\[[0-9;]*[a-zA-Z]//g' "$work/slowhttptest.log" | tr '\r' '\n' >"$work/slowhttptest.txt"
slow_peak="$(awk '/^connected:/ {if ($2 > m) m = $2} END {print m + 0}' "$work/slowhttptest.txt")"
slow_exit="$(grep -m1 '^Exit status:' "$work/slowhttptest.txt" | sed 's/^Exit status: *//')"
echo "  slowhttptest: peak $slow_peak slow connections; ended after $((slow_ms / 1000)) s: ${slow_exit:-still running}"
touch "$work/stop-idle"; wait "$idle_pid"; tail -1 "$work/idle.log"

attack_fail="$(probe_field "$work/attack.json" failures)"
attack_max="$(probe_field "$work/attack.json" max)"
attack_p50="$(probe_field "$work/attack.json" p50)"
[ "$held" -ge $((idle_conns + 200)) ] && ok "service held $held connections at once (1,000 idle + slowloris)" \
    || fail "only $held connections held (expected >= $((idle_conns + 200)))"
[ "$slow_peak" -ge 200 ] && ok "slowhttptest held $slow_peak slow-header connections" || fail "slowhttptest held only $slow_peak connections"
[ "$slow_exit" = "No open connections left" ] && [ "$slow_ms" -le 16000 ] \
    && ok "the server dropped every slowloris connection (head timeout) within $((slow_ms / 1000)) s" \
    || fail "slowloris connections not dropped in time (${slow_exit:-still open} after $slow_ms ms)"
[ "$attack_fail" = "0" ] && ok "normal requests all answered during slowloris + idle ($(probe_field "$work/attack.json" requests) requests)" \
    || fail "normal requests failed during the attack: $attack_fail"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$attack_max" "$max_ms" \
    && ok "latency of a normal request under attack: p50 $(printf '%.1f' "$attack_p50") ms, max $(printf '%.1f' "$attack_max") ms (< $max_ms ms)" \
    || fail "latency under attack too high: max $attack_max ms (limit $max_ms ms)"
after_attack="$(settle $((fd_base + 2)))"
[ "$after_attack" -le $((fd_base + 2)) ] && ok "descriptors back to $after_attack after the attack (baseline $fd_base)" \
    || fail "descriptors after the attack: $after_attack (baseline $fd_base)"

# ---- 2. clients that disconnect mid-request / mid-response ----------------------------
rss_before="$(rss_kb "$pid")"
python3 "$lib/hostile_clients.py" disconnects "$base" "$aborts"
echo "resident memory: $rss_before kB before the aborts, $(rss_kb "$pid") kB after (informational)"
after_aborts="$(settle "$fd_base")"
[ "$after_aborts" -le "$fd_base" ] && ok "aborted clients cost nothing: descriptors $fd_base before, $after_aborts after" \
    || fail "descriptors leaked by aborted clients: $fd_base before, $after_aborts after"
threads_now="$(threads "$pid")"
[ "$threads_now" -eq "$threads_base" ] && ok "threads unchanged ($threads_now)" || fail "threads $threads_base -> $threads_now"
python3 "$lib/hostile_clients.py" probe "$base" 1 "$work/after-aborts.json"
[ "$(probe_field "$work/after-aborts.json" failures)" = "0" ] && ok "service answers after the aborts" || fail "service fails after the aborts"

# ---- 3. 10,000 connect/close cycles ------------------------------------------------------
fd_before="$(fd_count "$pid")"
python3 "$lib/hostile_clients.py" cycles "$base" "$cycles"; cycles_status=$?
fd_after="$(settle "$fd_before")"
echo "connect/close: /proc/$pid/fd $fd_before before, $fd_after after"
[ "$cycles_status" -eq 0 ] && ok "$cycles connect/close cycles all connected" || fail "some of $cycles connects failed"
[ "$fd_after" -le "$fd_before" ] && ok "no descriptor leaked by $cycles connect/close cycles ($fd_before -> $fd_after)" \
    || fail "descriptors leaked: $fd_before -> $fd_after"
python3 "$lib/hostile_clients.py" probe "$base" 1 "$work/final.json"
[ "$(probe_field "$work/final.json" failures)" = "0" ] && ok "service answers at the end" || fail "service fails at the end"

# ---- 4. slow request bodies -----------------------------------------------------------
# Each sends a whole head declaring 100 kB, then one body byte every 2 s (a 55-hour upload).
python3 "$lib/hostile_clients.py" slowbody "$base" "$slow_bodies" 2 "$work/slowbody.json" &
slowbody_pid=$!; started_pids+=("$slowbody_pid")
sleep 1
python3 "$lib/hostile_clients.py" probe "$base" $((body_timeout - 2)) "$work/slowbody-probe.json"
wait "$slowbody_pid"
dropped="$(probe_field "$work/slowbody.json" dropped)"
last_drop="$(probe_field "$work/slowbody.json" lastDropS)"
first_drop="$(probe_field "$work/slowbody.json" firstDropS)"
statuses="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['statuses'])" "$work/slowbody.json")"
[ "$dropped" = "$slow_bodies" ] && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= $body_timeout - 0.5 and float(sys.argv[2]) <= $body_timeout + 3 else 1)" "$first_drop" "$last_drop" \
    && ok "all $slow_bodies slow-body connections dropped by the ${body_timeout} s body timeout (after $(printf '%.1f' "$first_drop")-$(printf '%.1f' "$last_drop") s: $statuses)" \
    || fail "slow-body connections: $dropped of $slow_bodies dropped, after $first_drop-$last_drop s ($statuses)"
[ "$(probe_field "$work/slowbody-probe.json" failures)" = "0" ] \
    && ok "normal requests all answered during the slow bodies ($(probe_field "$work/slowbody-probe.json" requests) requests, max $(printf '%.1f' "$(probe_field "$work/slowbody-probe.json" max)") ms)" \
    || fail "normal requests failed during the slow bodies: $(probe_field "$work/slowbody-probe.json" failures)"
after_bodies="$(settle "$fd_base")"
[ "$after_bodies" -le "$fd_base" ] && ok "descriptors back to $after_bodies after the slow bodies (baseline $fd_base)" \
    || fail "descriptors after the slow bodies: $after_bodies (baseline $fd_base)"

kill -TERM "$server_pid"; wait "$server_pid"; status=$?; server_pid=""
[ "$status" -eq 0 ] && ok "SIGTERM exit status 0" || fail "SIGTERM exit status $status"

# ---- 5. over capacity: --max-connections 40 -----------------------------------------------
start_server "$work/cases2.sqlite" "$work/server2" --max-connections 40 || { fail "second server did not start"; finish; }
python3 "$lib/hostile_clients.py" overcapacity "$base" 40 25 "$work/overcapacity.json"
over="$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['statuses'].get('503', 0), d['retryAfter'], d['afterRelease'], d['heldAnswered'])" "$work/overcapacity.json")"
read -r got503 got_retry after_release held_ok <<<"$over"
[ "$held_ok" = "40" ] && ok "40 connections held at the cap of 40 (each answered 200, kept alive)" || fail "held connections answered: $held_ok of 40"
[ "$got503" = "25" ] && [ "$got_retry" = "25" ] && ok "25 connections over the cap got 503 with Retry-After" \
    || fail "over the cap: $got503 of 25 got 503, $got_retry with Retry-After"
[ "$after_release" = "200" ] && ok "the service answers 200 again once the held connections closed" \
    || fail "after releasing the held connections: $after_release"
kill -TERM "$server_pid"; wait "$server_pid"; status=$?; server_pid=""
[ "$status" -eq 0 ] && ok "SIGTERM exit status 0 (second service)" || fail "SIGTERM exit status $status (second service)"
finish
