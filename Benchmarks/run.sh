#!/usr/bin/env bash
# Measures sarcoma-guide against Hummingbird 2 answering the same endpoints with the same
# engine, with nginx (fixed body) as the machine's ceiling, all in one run, servers
# interleaved in every round; then writes BENCHMARKS.md and prints its table.
#
#   Benchmarks/run.sh             full run: 10 s per load, 3 rounds (about 25 minutes); the
#                                 report goes to the results folder
#   QUICK=1 Benchmarks/run.sh     smoke check: 3 s per load, 1 round; the report goes to
#                                 the results folder, not to BENCHMARKS.md
#   TARGETS=1 Benchmarks/run.sh   issue 13's targets only (6 s per load, 3 rounds, about
#                                 6 minutes; scripts/targets.sh): prints the targets table
#                                 and leaves it in the results folder as targets.md
#   POSTGRES=1 Benchmarks/run.sh  issue 10's figures only (6 s per load, 3 rounds, about 5
#                                 minutes; scripts/postgres.sh): SQLite vs one PostgreSQL
#                                 replica vs two behind nginx, ratios in postgres.md
#
# Settings (environment, defaults in brackets):
#   DURATION [10] seconds per load      ROUNDS [3]            THREADS [2] wrk threads
#   IDLE_CONNECTIONS [1000], IDLE_SECONDS [10]                the idle keep-alive probe
#   SYNC_DELAY_US [2000]                 the slow disk's extra time per fsync/fdatasync
#   BASE_PORT [18080]                    first port tried; taken ports are skipped
#   ENGINE_ITERATIONS [20000], ENGINE_SECONDS [4]             per engine-bench row
#   QUIET_PERCENT [20], QUIET_WAIT [300] before each round, wait up to QUIET_WAIT s for
#                                        the machine to be less than QUIET_PERCENT busy
#   STOP_WAIT [15]                       seconds between SIGTERM and SIGKILL
#   OURS_ARGS="--worker-threads 4"       extra flags for our server (word-split)
#   SKIP_BUILD=1                         use the release binaries already built
#   REPORT=file                          where to write the report
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")

if [[ ${TARGETS:-0} == 1 || ${POSTGRES:-0} == 1 ]]; then
    DURATION=${DURATION:-6} QUIET_WAIT=${QUIET_WAIT:-0}
fi
if [[ ${QUICK:-0} == 1 ]]; then
    DURATION=${DURATION:-3} ROUNDS=${ROUNDS:-1} IDLE_SECONDS=${IDLE_SECONDS:-3}
    ENGINE_ITERATIONS=${ENGINE_ITERATIONS:-2000} ENGINE_SECONDS=${ENGINE_SECONDS:-1} QUIET_WAIT=${QUIET_WAIT:-0}
fi
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-1000}
IDLE_SECONDS=${IDLE_SECONDS:-10}
SYNC_DELAY_US=${SYNC_DELAY_US:-2000}
BASE_PORT=${BASE_PORT:-18080}
ENGINE_ITERATIONS=${ENGINE_ITERATIONS:-20000}
ENGINE_SECONDS=${ENGINE_SECONDS:-4}
QUIET_PERCENT=${QUIET_PERCENT:-20}
QUIET_WAIT=${QUIET_WAIT:-300}
PAUSE=${PAUSE:-1}
STOP_WAIT=${STOP_WAIT:-15}
CLK_TCK=$(getconf CLK_TCK)
CORES=$(nproc)

fail() { echo "run.sh: $*" >&2; exit 1; }

source "$BENCH/scripts/servers.sh"
source "$BENCH/scripts/cpu.sh"
source "$BENCH/scripts/load.sh"
trap stop_everything EXIT
trap 'exit 130' INT TERM

# --- tools -------------------------------------------------------------------------------
missing=()
for pair in wrk:wrk nginx:nginx-light strace:strace curl:curl /usr/bin/time:time; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
        || fail "could not install ${missing[*]}"
fi
command -v python3 >/dev/null || fail "python3 is needed (idle-connection probe, report)"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) > IDLE_CONNECTIONS + 300 )) || fail "open-file limit $(ulimit -n) is too low for $IDLE_CONNECTIONS idle connections"
[[ -d $ROOT/Config/guidelines ]] || fail "no guideline pack at $ROOT/Config/guidelines (is the engine merged?)"

# --- results folder ------------------------------------------------------------------------
RUN_DIR=$BENCH/.build/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$RUN_DIR/raw" "$RUN_DIR/logs"
LUA=$BENCH/scripts/wrk
CASE=$BENCH/Cases/example.json
echo "results: $RUN_DIR"
"$BENCH/scripts/machine.sh" "$ROOT" >"$RUN_DIR/machine.txt"
cat >"$RUN_DIR/settings.txt" <<EOF
duration: ${DURATION}s per load, wrk -t$THREADS, timeout 2s
rounds: $ROUNDS
idle probe: $IDLE_CONNECTIONS connections for ${IDLE_SECONDS}s
slow disk: +${SYNC_DELAY_US}us per fsync/fdatasync (strace inject)
quick: ${QUICK:-0}
EOF
cat "$RUN_DIR/machine.txt"

# --- build -------------------------------------------------------------------------------
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "building sarcoma-guide (release)"
    (cd "$ROOT" && swift build -c release --product sarcoma-guide) >"$RUN_DIR/logs/build-product.log" 2>&1 \
        || { tail -30 "$RUN_DIR/logs/build-product.log"; fail "the product does not build"; }
    if [[ ${POSTGRES:-0} != 1 ]]; then
        echo "building hb-server$([[ ${TARGETS:-0} == 1 ]] || echo ", engine-bench") (release)"
        (cd "$BENCH" && swift build -c release $([[ ${TARGETS:-0} == 1 ]] && echo --product hb-server)) \
            >"$RUN_DIR/logs/build-benchmarks.log" 2>&1 \
            || { tail -30 "$RUN_DIR/logs/build-benchmarks.log"; fail "the benchmark package does not build"; }
    fi
fi
if [[ ${POSTGRES:-0} == 1 ]]; then
    OURS_BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)/sarcoma-guide
    [[ -x $OURS_BIN ]] || fail "missing $OURS_BIN (run without SKIP_BUILD=1)"
    source "$BENCH/scripts/postgres.sh"
    exit 0
fi
OURS_BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)/sarcoma-guide
PEERS_BIN=$(cd "$BENCH" && swift build -c release --show-bin-path)
for binary in "$OURS_BIN" "$PEERS_BIN/hb-server" $([[ ${TARGETS:-0} == 1 ]] || echo "$PEERS_BIN/engine-bench"); do
    [[ -x $binary ]] || fail "missing $binary (run without SKIP_BUILD=1)"
done
if [[ ${TARGETS:-0} == 1 ]]; then
    source "$BENCH/scripts/targets.sh"
    exit 0
fi

# --- the engine alone ----------------------------------------------------------------------
echo "engine-bench (machine: $(wait_for_quiet_machine))"
engine_command=("$PEERS_BIN/engine-bench" --guidelines "$ROOT/Config/guidelines" --cases "$BENCH/Cases"
    --iterations "$ENGINE_ITERATIONS" --seconds "$ENGINE_SECONDS" --json "$RUN_DIR/engine.json")
printf '%q ' "${engine_command[@]}" >"$RUN_DIR/commands.txt"
echo >>"$RUN_DIR/commands.txt"
timeout 600 "${engine_command[@]}" | tee "$RUN_DIR/engine.txt"

# --- rounds --------------------------------------------------------------------------------
declare -A PORT=()
assign_ports
echo "ports: ours ${PORT[ours]}, hb ${PORT[hb]}, nginx ${PORT[nginx]}, ours under strace ${PORT[ours-slowdisk]}" | tee -a "$RUN_DIR/settings.txt"
SERVERS=(ours hb nginx)

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS (machine before it: $(wait_for_quiet_machine))"
    mkdir -p "$RUN_DIR/db-r$round"
    # A different server goes first in each round.
    shift_by=$(( (round - 1) % ${#SERVERS[@]} ))
    order=("${SERVERS[@]:shift_by}" "${SERVERS[@]:0:shift_by}")
    for server in "${order[@]}"; do
        start_server "$server" "${PORT[$server]}" "$RUN_DIR/logs/$server-r$round.log" "$RUN_DIR/db-r$round/cases.sqlite"
    done

    for server in "${order[@]}"; do run_load "$round" health-ka "$server" "${PORT[$server]}" 64 /health get.lua; done
    for server in "${order[@]}"; do run_load "$round" validate-ka "$server" "${PORT[$server]}" 64 /v1/validate post-case.lua; done
    for server in "${order[@]}"; do run_load "$round" assessment-ka "$server" "${PORT[$server]}" 64 /v1/assessment post-case.lua; done
    for server in "${order[@]}"; do run_load "$round" health-close "$server" "${PORT[$server]}" 64 /health get.lua -H "Connection: close"; sleep 2; done
    for server in "${order[@]}"; do run_load "$round" health-256 "$server" "${PORT[$server]}" 256 /health get.lua; done

    # Durable inserts (ours only): one connection (every commit carries one case) and 16.
    run_load "$round" validate-16 ours "${PORT[ours]}" 16 /v1/validate post-case.lua
    run_load "$round" inserts-1 ours "${PORT[ours]}" 1 /v1/cases insert-case.lua
    run_load "$round" inserts-16 ours "${PORT[ours]}" 16 /v1/cases insert-case.lua

    # Idle keep-alive connections: CPU while they sit, and a new request's latency then.
    for server in ours hb; do
        probe=$RUN_DIR/raw/r$round-idle-$server.json
        timeout $((IDLE_SECONDS + 120)) python3 "$BENCH/scripts/idle_connections.py" "${PORT[$server]}" \
            "${SERVER_PID[$server]}" "$IDLE_CONNECTIONS" "$IDLE_SECONDS" >"$probe" || echo '{"failed": true}' >"$probe"
        echo "  r$round idle           $server $(cat "$probe")"
        sleep "$PAUSE"
    done
    for server in "${order[@]}"; do
        echo "round=$round server=$server final_hwm_kib=$(tree_kib "${SERVER_PID[$server]}" VmHWM) final_rss_kib=$(tree_kib "${SERVER_PID[$server]}" VmRSS)" >>"$RUN_DIR/memory.log"
        stop_server "$server" "$round"
    done

    # The same inserts on a slow disk (every sync +SYNC_DELAY_US), fresh database.
    start_server ours-slowdisk "${PORT[ours-slowdisk]}" "$RUN_DIR/logs/ours-slowdisk-r$round.log" "$RUN_DIR/db-r$round/slowdisk.sqlite"
    syncs=$RUN_DIR/logs/ours-slowdisk-r$round.log.syncs
    for connections in 1 16; do
        before=$(grep -cE 'f(data)?sync\(' "$syncs" || true)
        run_load "$round" "slowdisk-inserts-$connections" ours-slowdisk "${PORT[ours-slowdisk]}" "$connections" /v1/cases insert-case.lua
        echo "round=$round connections=$connections syncs=$(( $(grep -cE 'f(data)?sync\(' "$syncs" || true) - before ))" >>"$RUN_DIR/syncs.log"
    done
    stop_server ours-slowdisk "$round"
done

# --- report --------------------------------------------------------------------------------
# Into the results folder: BENCHMARKS.md keeps a current summary and dated history, so a
# run's tables are copied into it by hand (REPORT=BENCHMARKS.md writes over the whole file).
REPORT=${REPORT:-$RUN_DIR/BENCHMARKS.md}
python3 "$BENCH/scripts/report.py" "$RUN_DIR" "$REPORT"
echo "report: $REPORT"
