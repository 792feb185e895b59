#!/usr/bin/env bash
# Crash safety: concurrent clients create and update cases while the server is SIGKILLed at
# random moments and restarted on the same database. Then: every write answered 2xx is
# present and intact, no write answered with an error is applied, PRAGMA integrity_check
# is ok after every kill, clients never got a wrong answer (connection errors only).
# Second part: strace proves that every 2xx reply to a write is sent after the WAL sync
# covering that write returned (SIGKILL alone cannot show that a reply waits for the disk).
#
# BACKEND=postgres: the same on a throw-away PostgreSQL (scripts/lib/postgres.sh): the binary
# is SIGKILLed and restarted on one database of it; instead of integrity_check, PostgreSQL
# must answer after every kill; part 1b gives each start-up a fresh database; part 1c restarts
# PostgreSQL under load (writes answer 503 meanwhile, none acknowledged is lost, the service
# recovers by itself); part 2 (strace of SQLite's WAL sync) does not apply: a reply follows
# COMMIT with synchronous_commit = on.
#
# Usage: scripts/crash-test.sh            (20 kills, 8 clients; ~1-2 min)
#        QUICK=1 scripts/crash-test.sh    (5 kills, 4 clients; < 1 min)
#        BACKEND=postgres scripts/crash-test.sh
#        KILLS=N CLIENTS=N SARCOMA_BINARY=path KEEP_WORK=1 also work.
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/postgres.sh"
backend="${BACKEND:-sqlite}"
case "$backend" in sqlite | postgres) ;; *) echo "BACKEND must be sqlite or postgres"; exit 2 ;; esac

if [ -n "${QUICK:-}" ]; then kills="${KILLS:-5}"; clients="${CLIENTS:-4}"; burst=10
else kills="${KILLS:-20}"; clients="${CLIENTS:-8}"; burst=25; fi

if [ "$backend" = "postgres" ]; then need_tools python3:python3 curl:curl
else need_tools sqlite3:sqlite3 strace:strace python3:python3 curl:curl; fi
find_binary
lib="$root/scripts/lib"
if [ "$backend" = "postgres" ]; then
    start_postgres || finish
    pg_createdb crash || { fail "createdb crash"; finish; }
    db="$(pg_url crash)"
else
    db="$work/cases.sqlite"
fi
echo "crash-test: $kills kills, $clients clients, database $db"

# db_query DATABASE SQL: rows of the store's database, whichever the backend.
db_query() {
    if [ "$backend" = "postgres" ]; then pg_sql "$(basename "${1%%\?*}")" "$2"; else sqlite3 "$1" "$2"; fi
}
# db_check DATABASE: "ok" when the database is sound: SQLite's integrity_check; for
# PostgreSQL (which a client's crash cannot corrupt) that it answers a query on the cases.
db_check() {
    if [ "$backend" = "postgres" ]; then
        db_query "$1" 'SELECT count(*) FROM cases;' >/dev/null 2>&1 && echo ok || echo "PostgreSQL does not answer"
    else
        sqlite3 "$1" 'PRAGMA integrity_check;' 2>&1
    fi
}
check_name="$([ "$backend" = "postgres" ] && echo "PostgreSQL answered" || echo "integrity_check ok")"

# ---- Part 1: SIGKILL at random moments -------------------------------------------------
python3 "$lib/crash_clients.py" run --base-file "$work/base" --stop-file "$work/stop" \
    --journal "$work/journal.json" --threads "$clients" --run-id "$$" >"$work/clients.log" 2>&1 &
clients_pid=$!
started_pids+=("$clients_pid")

survived=0
integrity_bad=0
start_failures=0
for i in $(seq 1 "$kills"); do
    if ! start_server "$db" "$work/server"; then start_failures=$((start_failures + 1)); continue; fi
    echo "$base" >"$work/base.tmp" && mv "$work/base.tmp" "$work/base"
    # Kill somewhere between 0.15 s and 1.2 s after the socket opened.
    sleep "$(python3 -c 'import random; print(round(random.uniform(0.15, 1.2), 3))')"
    kill -KILL "$server_pid"
    wait "$server_pid" 2>/dev/null
    rm -f "$work/base"
    server_pid=""
    result="$(db_check "$db")"
    if [ "$result" = "ok" ]; then survived=$((survived + 1)); else
        integrity_bad=$((integrity_bad + 1)); echo "database check after kill $i: $result"; fi
done

# Final start: clients settle unknown outcomes, then stop; every case is read back.
if start_server "$db" "$work/server"; then
    echo "$base" >"$work/base"
    sleep 1
    touch "$work/stop"
    wait "$clients_pid"
    cat "$work/clients.log"
    db_query "$db" "SELECT external_id FROM cases;" >"$work/externals.txt" 2>"$work/externals.err" \
        || head -5 "$work/externals.err"
    python3 "$lib/crash_clients.py" verify --base "$base" --journal "$work/journal.json" \
        --externals "$work/externals.txt"
    verify_status=$?
    kill -TERM "$server_pid"; wait "$server_pid"; term_status=$?; server_pid=""
else
    touch "$work/stop"; wait "$clients_pid"; verify_status=1; term_status=1
fi
final_integrity="$(db_check "$db")"
verdict="$(cat "$work/journal.json.verdict" 2>/dev/null || echo '{}')"
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('$1', -1))" "$verdict"; }
acked="$(field acked)"; lost="$(field lost)"; wrong_states="$(field wrong)"
wrong_answers="$(field wrong_answers)"; phantom="$(field phantom)"

echo "figures: kills survived $survived/$kills, acknowledged writes $acked, lost writes $lost"
[ "$start_failures" -eq 0 ] && ok "server restarted after every kill" || fail "server failed to start $start_failures times"
[ "$survived" -eq "$kills" ] && ok "$check_name after each of $kills kills" || fail "database check failed after $integrity_bad kills"
[ "$final_integrity" = "ok" ] && ok "$check_name at the end" || fail "final database check: $final_integrity"
[ "$acked" -gt 0 ] 2>/dev/null && ok "acknowledged writes: $acked" || fail "no acknowledged writes"
[ "$lost" = "0" ] && ok "lost writes: 0" || fail "lost writes: $lost"
[ "$wrong_states" = "0" ] && ok "no case in a state it was never written to (errors never half-applied)" || fail "wrong case states: $wrong_states"
[ "$phantom" = "0" ] && ok "no case in the database that clients were not told of" || fail "unknown cases: $phantom"
[ "$wrong_answers" = "0" ] && ok "clients saw connection errors only, never a wrong answer" || fail "wrong answers: $wrong_answers"
# Each committed write has exactly one audit row (same transaction), crashes or not: one
# create per case, version - 1 updates, one evaluate per recorded evaluation.
unaudited="$(db_query "$db" "SELECT count(*) FROM cases c WHERE
    (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'create') != 1
    OR (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'update') != c.version - 1
    OR (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.action = 'evaluate')
       != (SELECT count(*) FROM evaluations e WHERE e.case_id = c.id);" 2>&1)"
[ "$unaudited" = "0" ] && ok "every committed write has exactly its one audit row" || fail "cases whose audit rows do not match their writes: $unaudited"
[ "$verify_status" -eq 0 ] || fail "verification failed (see above)"
[ "$term_status" -eq 0 ] && ok "final SIGTERM exit status 0" || fail "final SIGTERM exit status $term_status"

# ---- Part 1b: SIGKILL during start-up (database creation, migrations) -------------------
startup_kills="$([ -n "${QUICK:-}" ] && echo 4 || echo 10)"
startup_ok=0
for i in $(seq 1 "$startup_kills"); do
    if [ "$backend" = "postgres" ]; then
        pg_createdb "startup_$i" || fail "createdb startup_$i"
        sdb="$(pg_url "startup_$i")"
    else
        sdb="$work/startup-$i.sqlite"
    fi
    "$binary" serve --port 0 --database "$sdb" --migrations "$root/Migrations" \
        --guidelines "$root/Config/guidelines" --openapi "$root/Config/openapi.json" \
        --access-log false >"$work/startup-$i.out" 2>&1 &
    server_pid=$!
    # Start-up takes ~0.2 s (debug build): kill anywhere in it, or just after it.
    sleep "$(python3 -c 'import random; print(round(random.uniform(0.0, 0.3), 3))')"
    kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
    was_listening="$(grep -c '^listening on' "$work/startup-$i.out")"
    if start_server "$sdb" "$work/startup-$i-again"; then
        ready="$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")"
        kill -TERM "$server_pid"; wait "$server_pid"; st=$?; server_pid=""
        integrity="$(db_check "$sdb")"
        migrated="$(db_query "$sdb" 'SELECT count(*) FROM schema_migrations;' 2>&1)"
        if [ "$ready" = "200" ] && [ "$st" -eq 0 ] && [ "$integrity" = "ok" ]; then
            startup_ok=$((startup_ok + 1))
        else
            echo "start-up kill $i (listening before kill: $was_listening): ready $ready, exit $st, integrity $integrity, migrations $migrated"
        fi
    else
        echo "start-up kill $i (listening before kill: $was_listening): restart failed"; tail -3 "$work/startup-$i-again.err"
    fi
done
[ "$startup_ok" -eq "$startup_kills" ] && ok "SIGKILL during start-up: restart ready, $check_name ($startup_ok/$startup_kills)" \
    || fail "SIGKILL during start-up: only $startup_ok/$startup_kills restarts clean"

# ---- Part 1c (PostgreSQL only): PostgreSQL restarted under load -------------------------
# `pg_ctl restart -m fast` cuts every connection while the clients write; a write then
# answers 503 (its outcome unknown if the cut came during COMMIT: the clients resolve it like
# a dropped connection), the service recovers by itself, and no acknowledged write is lost.
if [ "$backend" = "postgres" ]; then
    restarts="$([ -n "${QUICK:-}" ] && echo 3 || echo 8)"
    pg_createdb restart || fail "createdb restart"
    rdb="$(pg_url restart)"
    python3 "$lib/crash_clients.py" run --base-file "$work/rbase" --stop-file "$work/rstop" \
        --journal "$work/rjournal.json" --threads "$clients" --run-id "r$$" --unavailable-is-unknown \
        >"$work/rclients.log" 2>&1 &
    rclients_pid=$!
    started_pids+=("$rclients_pid")
    restart_failures=0
    if start_server "$rdb" "$work/restart-server"; then
        echo "$base" >"$work/rbase"
        for i in $(seq 1 "$restarts"); do
            sleep "$(python3 -c 'import random; print(round(random.uniform(0.3, 1.5), 3))')"
            pg_restart || restart_failures=$((restart_failures + 1))
        done
        recovered=""
        for _ in $(seq 1 100); do
            [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")" = "200" ] && { recovered=1; break; }
            sleep 0.1
        done
        sleep 1
        touch "$work/rstop"
        wait "$rclients_pid"
        cat "$work/rclients.log"
        db_query "$rdb" "SELECT external_id FROM cases;" >"$work/rexternals.txt" 2>"$work/rexternals.err"
        python3 "$lib/crash_clients.py" verify --base "$base" --journal "$work/rjournal.json" \
            --externals "$work/rexternals.txt"
        rverify_status=$?
        kill -TERM "$server_pid"; wait "$server_pid"; rterm_status=$?; server_pid=""
        rverdict="$(cat "$work/rjournal.json.verdict" 2>/dev/null || echo '{}')"
        rfield() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('$1', -1))" "$rverdict"; }
        unavailable="$(grep -o '503 answers [0-9]*' "$work/rclients.log" | grep -o '[0-9]*$')"
        echo "figures: PostgreSQL restarts $restarts, acknowledged writes $(rfield acked), lost $(rfield lost), 503 answers ${unavailable:-?}"
        [ "$restart_failures" -eq 0 ] && ok "PostgreSQL restarted $restarts times under load" || fail "pg_ctl restart failed $restart_failures times"
        [ -n "$recovered" ] && ok "/ready 200 again after the restarts, without restarting the service" || fail "/ready not 200 within 10 s of the last restart"
        [ "$(rfield acked)" -gt 0 ] 2>/dev/null && ok "acknowledged writes across restarts: $(rfield acked)" || fail "no acknowledged writes across restarts"
        [ "$(rfield lost)" = "0" ] && ok "lost writes across PostgreSQL restarts: 0" || fail "lost writes across restarts: $(rfield lost)"
        [ "$(rfield wrong)" = "0" ] && [ "$(rfield phantom)" = "0" ] && ok "no case in a state it was never written to, none unknown" \
            || fail "after restarts: wrong states $(rfield wrong), unknown cases $(rfield phantom)"
        [ "$(rfield wrong_answers)" = "0" ] && ok "during restarts clients saw 503s and connection errors only, never a wrong answer" \
            || fail "wrong answers during restarts: $(rfield wrong_answers)"
        [ "$rverify_status" -eq 0 ] || fail "verification after the restarts failed (see above)"
        [ "$rterm_status" -eq 0 ] && ok "SIGTERM after the restarts: exit status 0" || fail "SIGTERM after the restarts: exit $rterm_status"
    else
        touch "$work/rstop"; wait "$rclients_pid"; fail "server did not start for the PostgreSQL restarts"
    fi
fi

# ---- Part 2: strace — a write's reply waits for its sync -------------------------------
if [ "$backend" = "postgres" ]; then
    echo "part 2 (strace of the WAL sync) skipped: it proves SQLite's ordering; PostgreSQL replies follow COMMIT"
    finish
fi
# pwrite64 is traced too: SQLite writes WAL frames with it, and the proof needs them.
strace_cmd=(strace -f -tt -y -s 8192 -o "$work/strace.log"
            -e trace=fsync,fdatasync,write,pwrite64,sendmsg,writev,sendto)
SERVER_WRAPPER=strace_cmd
if start_server "$work/strace.sqlite" "$work/strace-server"; then
    traced_pid="$(service_pid)"; started_pids+=("$traced_pid")
    python3 "$lib/write_burst.py" "$base" 4 "$burst" "$work/tokens.txt"
    burst_status=$?
    # SIGTERM goes to the service itself (strace does not forward it); strace exits with it.
    kill -TERM "$traced_pid"; wait "$server_pid"; server_pid=""
    python3 "$lib/strace_check.py" "$work/strace.log" "$work/tokens.txt"
    strace_status=$?
    [ "$burst_status" -eq 0 ] && ok "write burst under strace answered" || fail "write burst under strace had failures"
    [ "$strace_status" -eq 0 ] && ok "strace: every 2xx write reply sent after its covering WAL sync returned" \
        || fail "strace: replies not ordered after their sync (see above)"
else
    fail "server did not start under strace"
fi
unset SERVER_WRAPPER

finish
