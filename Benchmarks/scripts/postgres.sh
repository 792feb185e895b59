# Issue 10's figures, sourced by `POSTGRES=1 Benchmarks/run.sh` after the build: durable
# POST /v1/cases at 1 and 16 connections and GET /v1/cases/{id} at 16 and 64 connections on
# ours with SQLite, one replica on PostgreSQL (pg-a), and two replicas behind nginx (pg-lb:
# pg-a and pg-b on the same database), loads interleaved (a different server first each
# round). PostgreSQL is a throw-away cluster (scripts/lib/postgres.sh) with its defaults:
# fsync and synchronous_commit on, as durable as SQLite's synchronous WAL commit.
# Then prints the ratios the issue sets targets for, and leaves them in postgres.md:
#   PostgreSQL writes within 2x of SQLite's at 16 connections (pg-a / ours >= 0.5)
#   two replicas >= 1.6x one replica on reads (pg-lb / pg-a >= 1.6)
# About 5 minutes with the defaults (DURATION 6 s, ROUNDS 3).

# scripts/lib/postgres.sh expects these from scripts/lib/common.sh.
need_tools() {
    local item missing=()
    for item in "$@"; do command -v "${item%%:*}" >/dev/null 2>&1 || missing+=("${item#*:}"); done
    ((${#missing[@]} == 0)) && return 0
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
cleanup_hooks=()
source "$ROOT/scripts/lib/postgres.sh"
source "$ROOT/scripts/lib/balancer.sh"
trap 'stop_everything; stop_postgres' EXIT

declare -A PORT=()
assign_ports
echo "ports: ours ${PORT[ours]}, pg-a ${PORT[pg-a]}, pg-b ${PORT[pg-b]}, pg-lb ${PORT[pg-lb]}" \
    | tee -a "$RUN_DIR/settings.txt"
echo "mode: postgres" >>"$RUN_DIR/settings.txt"
start_postgres || fail "no PostgreSQL cluster (see above)"
echo "postgresql: $("$pg_bin/postgres" --version), folder $pg_dir" | tee -a "$RUN_DIR/settings.txt"

# rotated NAME...: the names, starting at a different one each round.
rotated() {
    local names=("$@") shift_by=$(( (round - 1) % $# ))
    echo "${names[@]:shift_by}" "${names[@]:0:shift_by}"
}

# a_case PORT: the id of a case created on that server (the GET loads read it).
a_case() {
    curl -sf -m 5 -H 'Content-Type: application/json' --data-binary @"$CASE" \
        "http://127.0.0.1:$1/v1/cases" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS (machine before it: $(wait_for_quiet_machine))"
    mkdir -p "$RUN_DIR/db-r$round"
    pg_createdb "bench_r$round" || fail "createdb bench_r$round"
    url=$(pg_url "bench_r$round")
    start_server ours "${PORT[ours]}" "$RUN_DIR/logs/ours-r$round.log" "$RUN_DIR/db-r$round/ours.sqlite"
    start_server pg-a "${PORT[pg-a]}" "$RUN_DIR/logs/pg-a-r$round.log" "$url"
    start_server pg-b "${PORT[pg-b]}" "$RUN_DIR/logs/pg-b-r$round.log" "$url"
    start_balancer "$RUN_DIR/nginx-r$round" "${PORT[pg-lb]}" "127.0.0.1:${PORT[pg-a]}" "127.0.0.1:${PORT[pg-b]}" \
        || fail "nginx did not start as the balancer (see $RUN_DIR/nginx-r$round)"
    STARTED_PIDS+=("$balancer_pid")
    SERVER_PID[pg-lb]=$balancer_pid

    for connections in 1 16; do
        for server in $(rotated ours pg-a pg-lb); do
            run_load "$round" "inserts-$connections" "$server" "${PORT[$server]}" "$connections" /v1/cases insert-case.lua
        done
    done
    declare -A READ_ID=([ours]=$(a_case "${PORT[ours]}") [pg-a]=$(a_case "${PORT[pg-a]}"))
    READ_ID[pg-lb]=${READ_ID[pg-a]}
    for connections in 16 64; do
        for server in $(rotated ours pg-a pg-lb); do
            run_load "$round" "reads-$connections" "$server" "${PORT[$server]}" "$connections" \
                "/v1/cases/${READ_ID[$server]}" get.lua
        done
    done
    for server in pg-lb pg-b pg-a ours; do
        stop_server "$server" "$round"
    done
done

python3 - "$RUN_DIR" <<'EOF' | tee "$RUN_DIR/postgres.md"
import statistics, sys
from collections import defaultdict

rps = defaultdict(list)
for line in open(sys.argv[1] + "/runs.log"):
    fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
    if "rps" in fields and fields.get("status", "0") == "0" and fields.get("failed") != "1":
        rps[(fields["scenario"], fields["server"])].append(float(fields["rps"]))

def median(scenario, server):
    values = rps.get((scenario, server))
    return statistics.median(values) if values else None

print("| scenario | SQLite (ours) | PostgreSQL, 1 replica | 2 replicas + nginx |")
print("|---|---:|---:|---:|")
for scenario in ("inserts-1", "inserts-16", "reads-16", "reads-64"):
    cells = [median(scenario, s) for s in ("ours", "pg-a", "pg-lb")]
    print(f"| {scenario} | " + " | ".join("-" if c is None else f"{c:.0f} req/s" for c in cells) + " |")
print()

def ratio(top, bottom):
    return None if not top or not bottom else top / bottom

targets = [
    ("PostgreSQL writes vs SQLite, 16 connections", ratio(median("inserts-16", "pg-a"), median("inserts-16", "ours")), 0.5),
    ("PostgreSQL writes vs SQLite, 1 connection", ratio(median("inserts-1", "pg-a"), median("inserts-1", "ours")), None),
    ("2 replicas vs 1 replica, reads at 16", ratio(median("reads-16", "pg-lb"), median("reads-16", "pg-a")), 1.6),
    ("2 replicas vs 1 replica, reads at 64", ratio(median("reads-64", "pg-lb"), median("reads-64", "pg-a")), 1.6),
]
print("| ratio (medians of the rounds) | measured | target |")
print("|---|---:|---|")
for name, value, target in targets:
    shown = "-" if value is None else f"{value:.2f}x"
    verdict = "not measured" if value is None else ("met" if value >= target else "NOT met") if target else ""
    goal = "-" if target is None else f">= {target}x: {verdict}"
    print(f"| {name} | {shown} | {goal} |")
print()
print("Runs with errors (status >= 400 or wrk failures) are left out of the medians; see runs.log.")
EOF
echo "report: $RUN_DIR/postgres.md"
