#!/usr/bin/env bash
# Where a request's CPU goes, in numbers that do not depend on the machine's load:
# instructions per request per stage (callgrind) and syscalls per request (strace -c).
#
#   Benchmarks/scripts/profile.sh            N=200 requests per scenario
#   N=500 Benchmarks/scripts/profile.sh      more requests (steadier per-request figures)
#   SKIP_BUILD=1 ...                         use the release binary already built
#   SYSCALLS=0 ...                           callgrind only (no strace, no nginx)
#   CALLGRIND=0 ...                          syscalls only
#   OUT=dir ...                              keep the raw files there (default: a temp dir)
#
# The release server runs under `valgrind --tool=callgrind`, once with `--access-log false`
# and once with the default access log (stdout to a file). After a warm-up, the counters are
# zeroed (callgrind_control), N keep-alive `GET /health` are sent on one connection, one
# at a time, and the counters dumped; then the same for N `POST /v1/assessment` cycling
# through Benchmarks/Cases. Each stage is the inclusive count of the functions that do it
# (callgrind_annotate --inclusive), divided by N; "rest" is what no stage claims (the
# worker loop, connection bookkeeping, retain/release between stages). Stages can nest:
# "JSON write" runs inside "handler", which is why "handler" is also shown without it.
# Then the same server (no valgrind) and nginx under `strace -c -f`, N requests each:
# syscalls per request.
#
# Needs valgrind, strace, nginx, python3 (installed with apt-get when missing).
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(dirname "$BENCH")
N=${N:-200}
WARMUP=${WARMUP:-20}
OUT=${OUT:-$(mktemp -d /tmp/profile.XXXXXX)}
mkdir -p "$OUT"
CLIENT=$BENCH/scripts/keepalive_client.py
CASES=("$BENCH"/Cases/*.json)

fail() { echo "profile.sh: $*" >&2; exit 1; }
for pair in valgrind:valgrind strace:strace nginx:nginx-light; do
    command -v "${pair%%:*}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${pair#*:}" >/dev/null; }
done

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    (cd "$ROOT" && swift build -c release --product sarcoma-guide) >"$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log"; fail "the product does not build"; }
fi
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)/sarcoma-guide
[[ -x $BIN ]] || fail "missing $BIN"
# valgrind 3.19 cannot read the DWARF 5 that the C dependencies' objects carry ("unhandled
# dwarf2 abbrev form"); a copy without debug info keeps the symbol table, which is all the
# per-function counts need.
objcopy --strip-debug "$BIN" "$OUT/sarcoma-guide"

PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# start TAG PREFIX... -- SERVE-FLAGS...: starts the server (under PREFIX) and sets PORT, PID.
start() {
    local tag=$1
    shift
    local prefix=()
    while [[ $1 != -- ]]; do prefix+=("$1"); shift; done
    shift
    rm -f "$OUT/$tag.db"*
    "${prefix[@]}" "$OUT/sarcoma-guide" serve --port 0 --database "$OUT/$tag.db" --migrations "$ROOT/Migrations" \
        --guidelines "$ROOT/Config/guidelines" --openapi "$ROOT/Config/openapi.json" "$@" \
        >"$OUT/$tag.stdout" 2>"$OUT/$tag.stderr" &
    PID=$!
    PIDS+=("$PID")
    for _ in $(seq 1 600); do
        PORT=$(grep -o 'listening on http://[^ ]*' "$OUT/$tag.stdout" 2>/dev/null | grep -o '[0-9]*$' || true)
        [[ -n $PORT ]] && return 0
        kill -0 "$PID" 2>/dev/null || { cat "$OUT/$tag.stderr" >&2; fail "$tag did not start"; }
        sleep 0.2
    done
    fail "$tag did not print its port within 120 s"
}

# stop PID: SIGTERM to the server; under strace to its child (strace then ends with it).
stop() {
    local target
    target=$(pgrep -P "$1" -x sarcoma-guide || true)
    kill -TERM "${target:-$1}" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

health() { python3 "$CLIENT" "$PORT" /health "$1"; }
assessment() { python3 "$CLIENT" "$PORT" /v1/assessment "$1" "${CASES[@]}"; }

# --- instructions (callgrind) ----------------------------------------------------------------
for log in $([[ ${CALLGRIND:-1} == 1 ]] && echo false true); do
    tag=cg-log-$log
    start "$tag" valgrind --tool=callgrind --callgrind-out-file="$OUT/$tag.%p.out" -- --access-log "$log"
    health "$WARMUP"
    assessment "$WARMUP"
    for scenario in health assessment; do
        callgrind_control --zero "$PID" >/dev/null
        "$scenario" "$N"
        callgrind_control --dump="$scenario" "$PID" >/dev/null
    done
    stop "$PID"
    for scenario in health assessment; do
        dump=$(grep -l "^desc: Trigger: Client Request: $scenario\$\|^desc: Trigger: .*$scenario" "$OUT/$tag".*.out* | head -1)
        [[ -n $dump ]] || fail "no callgrind dump for $scenario in $OUT"
        callgrind_annotate --inclusive=yes --threshold=100 "$dump" | swift demangle --simplified \
            >"$OUT/$tag-$scenario.annotate.txt"
    done
done
[[ ${CALLGRIND:-1} == 1 ]] && python3 "$BENCH/scripts/profile_stages.py" "$N" "$OUT"

# --- syscalls (strace -c) ------------------------------------------------------------------
if [[ ${SYSCALLS:-1} == 1 ]]; then
    for log in false true; do
        tag=strace-log-$log
        start "$tag" strace -c -f -o "$OUT/$tag.strace" -- --access-log "$log"
        health "$WARMUP"
        assessment "$WARMUP"
        stop "$PID"
        base=$OUT/$tag.strace
        mv "$base" "$OUT/$tag.base.strace"
        start "$tag" strace -c -f -o "$OUT/$tag.strace" -- --access-log "$log"
        health "$WARMUP"
        assessment "$WARMUP"
        health "$N"
        stop "$PID"
    done
    dir=$OUT/nginx
    mkdir -p "$dir"
    port=18190
    while ss -Htln "sport = :$port" | grep -q .; do port=$((port + 1)); done
    sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" "$BENCH/scripts/nginx.conf.template" \
        | sed -e 's/worker_processes 2;/worker_processes 1;/' >"$dir/nginx.conf"
    for run in base full; do
        strace -c -f -o "$OUT/nginx.$run.strace" nginx -c "$dir/nginx.conf" -e "$dir/error.log" &
        PID=$!
        PIDS+=("$PID")
        for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
        PORT=$port
        health "$WARMUP"
        [[ $run == full ]] && health "$N"
        kill -QUIT "$(cat "$dir/nginx.pid")"
        wait "$PID" || true
    done
    python3 "$BENCH/scripts/profile_syscalls.py" "$N" "$OUT"
fi
echo "raw files: $OUT"
