#!/usr/bin/env bash
# Graceful shutdown under load: SIGTERM while clients write. In-flight requests complete
# (one POST is half-sent when the signal arrives and finished 1 s later), new connections
# are refused, the process exits 0 within the configured drain time, and every write
# answered 201 is in the database afterwards. A second run holds a request that never
# completes: the drain timeout must end it and the process must still exit 0 in time.
#
# Usage: scripts/shutdown-under-load.sh          (~30 s)
#        QUICK=1 scripts/shutdown-under-load.sh  (< 20 s: lighter load)
#        DRAIN=N (seconds, default 4) changes the configured drain time.
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

drain="${DRAIN:-4}"
if [ -n "${QUICK:-}" ]; then load_threads=4; load_seconds=1; idle=200; else load_threads=8; load_seconds=3; idle=1000; fi
need_tools sqlite3:sqlite3 python3:python3
find_binary
lib="$root/scripts/lib"
# Slack beyond the drain time: the server gives its threads up to 1 s to leave after the
# drain (ServerRuntime.exitGrace), then closes the database.
slack="${SLACK:-1.5}"

# run_case NAME EXTRA_CLIENT_FLAGS: one server, load, SIGTERM, checks.
run_case() {
    local name="$1" flags="$2" db="$work/$1.sqlite"
    echo "--- $name (drain time ${drain}s)"
    start_server "$db" "$work/$name" --drain-timeout-seconds "$drain" || { fail "$name: server did not start"; return; }
    python3 "$lib/shutdown_clients.py" "$base" "$work/$name.json" "$work/$name.signal" \
        --threads "$load_threads" $flags >"$work/$name.clients.log" 2>&1 &
    local clients_pid=$!
    started_pids+=("$clients_pid")
    for _ in $(seq 1 200); do grep -q '^ready' "$work/$name.clients.log" && break; sleep 0.05; done
    sleep "$load_seconds"
    local t0 t1 status
    # The clients' marker first, so they never mistake the server's reaction for load trouble.
    touch "$work/$name.signal"
    t0="$(now_ms)"
    kill -TERM "$server_pid"
    wait "$server_pid"; status=$?
    t1="$(now_ms)"
    touch "$work/$name.signal.exited"
    server_pid=""
    wait "$clients_pid"
    cat "$work/$name.clients.log" | grep -v '^ready'
    local elapsed_ms=$((t1 - t0))
    echo "$name: exit status $status after $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000))) s (drain time ${drain} s)"
    grep -h -i -E 'drain|signal|stopped' "$work/$name.out" "$work/$name.err" 2>/dev/null | tail -3 | sed 's/^/  log: /'

    [ "$status" -eq 0 ] && ok "$name: exit status 0" || fail "$name: exit status $status"
    local limit_ms
    limit_ms="$(python3 -c "print(int(($drain + $slack) * 1000))")"
    if [ "$name" = "in-flight" ]; then limit_ms=$((drain * 1000)); fi
    [ "$elapsed_ms" -le "$limit_ms" ] && ok "$name: exited ${elapsed_ms} ms after SIGTERM (limit ${limit_ms} ms)" \
        || fail "$name: took ${elapsed_ms} ms to exit (limit ${limit_ms} ms)"

    # Figures from the clients, and every acknowledged write checked in the database.
    sqlite3 "$db" "SELECT external_id, json_extract(document, '$.tumor.sizeCm') FROM cases;" >"$work/$name.rows" 2>&1
    python3 - "$work/$name.json" "$work/$name.rows" "$name" >"$work/$name.verdict" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
rows = {}
for line in open(sys.argv[2]):
    if "|" in line:
        ext, size = line.rstrip("\n").split("|", 1)
        rows[ext] = size
lost = [e for e, s in r["acked"].items() if e not in rows or float(rows[e]) != float(s)]
resets = sum(n for k, n in r["errorKinds"].items() if not k.startswith("ConnectionRefusedError"))
applied = [e for e in r["broken"] if e in rows]
print("brokenapplied=%d resets=%d acked=%d lost=%d wrong=%d refused=%d accepted=%d attempts=%d slow=%s stuck=%s idle=%d idleclosed=%d idlems=%d" % (
    len(applied), resets, len(r["acked"]), len(lost), len(r["wrong"]), r["probe"]["refused"], r["probe"]["accepted"],
    r["probe"]["attempts"], r["slow"].get("status", 0), json.dumps(r["stuck"]).replace(" ", ""),
    r["idle"].get("held", 0), r["idle"].get("closed", 0), int(r["idle"].get("last_closed_after", 0) * 1000)))
for e in lost[:5]: print("lost " + e)
for w in r["wrong"][:5]: print("wrong " + w)
EOF
    local verdict; verdict="$(head -1 "$work/$name.verdict")"
    echo "$name: $verdict"
    tail -n +2 "$work/$name.verdict" | sed 's/^/  /'
    get() { echo "$verdict" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
    [ "$(get acked)" -gt 0 ] 2>/dev/null && ok "$name: $(get acked) writes acknowledged under load" || fail "$name: no write acknowledged"
    [ "$(get lost)" = "0" ] && ok "$name: no acknowledged write lost" || fail "$name: $(get lost) acknowledged writes lost"
    [ "$(get wrong)" = "0" ] && ok "$name: no wrong answer" || fail "$name: $(get wrong) wrong answers"
    # Each load client's last answer says Connection: close and its reconnect is refused.
    # A reset / broken pipe can still hit a client that reuses an idle keep-alive connection
    # at the very moment the drain closes it (its request had not reached the server: the
    # HTTP/1.1 keep-alive race; a POST client must treat it as "outcome unknown"). Reported,
    # not failed: it is a race of microseconds per connection, not a lost request. What is
    # checked: none of those requests was applied (a reply dropped after the write).
    echo "$name: keep-alive reuse races after SIGTERM (reset/EPIPE): $(get resets), of which applied in the database: $(get brokenapplied)"
    [ "$(get brokenapplied)" = "0" ] && ok "$name: no request that got a reset/EPIPE was applied (no reply dropped after a write)" \
        || fail "$name: $(get brokenapplied) requests applied although their connection was reset"
    [ "$(get refused)" -gt 0 ] 2>/dev/null && [ "$(get accepted)" = "0" ] \
        && ok "$name: new connections refused after SIGTERM ($(get refused)/$(get attempts))" \
        || fail "$name: new connections after SIGTERM: $(get accepted) accepted, $(get refused) refused"
    if [ "$name" = "in-flight" ]; then
        [ "$(get idle)" -gt 0 ] && [ "$(get idleclosed)" = "$(get idle)" ] && [ "$(get idlems)" -le 1000 ] \
            && ok "$name: all $(get idle) idle keep-alive connections closed within $(get idlems) ms of SIGTERM" \
            || fail "$name: idle connections: $(get idleclosed) of $(get idle) closed, last after $(get idlems) ms"
        [ "$(get slow)" = "201" ] && ok "$name: request in flight at SIGTERM completed (201)" \
            || fail "$name: in-flight request got status $(get slow)"
    else
        echo "$(get stuck)" | grep -q '"closed_after"' && ok "$name: never-finished request closed by the drain timeout: $(get stuck)" \
            || fail "$name: stuck request not closed: $(get stuck)"
    fi
    local integrity; integrity="$(sqlite3 "$db" 'PRAGMA integrity_check;' 2>&1)"
    [ "$integrity" = "ok" ] && ok "$name: integrity_check ok" || fail "$name: integrity_check: $integrity"
}

run_case in-flight "--idle $idle"
run_case stuck-request "--stuck"
finish
