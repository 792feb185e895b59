#!/usr/bin/env bash
# Slow and hostile clients: slowloris (slowhttptest, 250 connections sending headers
# slowly) together with 1,000 idle connections must not stop the service answering a normal
# client; clients that disconnect mid-request or mid-response cost nothing; 10,000
# connect/close cycles leak no descriptor (/proc/PID/fd counted before and after).
#
# Usage: scripts/hostile-clients.sh           (~1 min)
#        QUICK=1 scripts/hostile-clients.sh   (< 1 min: shorter attack, fewer aborts)
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

# The probe runs while all slow connections are open (they are dropped after 10 s).
if [ -n "${QUICK:-}" ]; then attack=6; aborts=50; cycles="${CYCLES:-10000}"
else attack=8; aborts=200; cycles="${CYCLES:-10000}"; fi
slow_conns=250
idle_conns=1000
# Latency a normal request may take while under attack (debug build, shared 2-core box).
max_ms="${MAX_MS:-1000}"

need_tools slowhttptest:slowhttptest python3:python3
find_binary
lib="$root/scripts/lib"
ulimit -n 8192 2>/dev/null || true
start_server "$work/cases.sqlite" "$work/server" || { fail "server did not start"; finish; }
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

kill -TERM "$server_pid"; wait "$server_pid"; status=$?; server_pid=""
[ "$status" -eq 0 ] && ok "SIGTERM exit status 0" || fail "SIGTERM exit status $status"
finish
