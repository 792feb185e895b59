# Starting, checking and stopping the servers under test (sourced by run.sh).
# Needs: ROOT, RUN_DIR, OURS_BIN, PEERS_BIN, SYNC_DELAY_US. Fills SERVER_PID[name].

declare -A SERVER_PID=()
STARTED_PIDS=()

port_in_use() {
    ss -Htln "sport = :$1" | grep -q .
}

# assign_ports: PORT[name] for every server, the first free ports from BASE_PORT on (another
# engineer's server may hold one: a request to it would be measured as ours).
assign_ports() {
    local port=$BASE_PORT name
    for name in ours ours-log hb nginx ours-slowdisk pg-a pg-b pg-lb; do
        while port_in_use "$port"; do port=$((port + 1)); done
        PORT[$name]=$port
        port=$((port + 1))
    done
}

# start_server NAME PORT LOG [DATABASE]: ours | ours-log | ours-slowdisk | hb | nginx | pg-a | pg-b
# (ours-log: the default access log on, one line per request into LOG, as a user runs it;
# pg-a, pg-b: ours as replicas, DATABASE a postgresql:// URL)
start_server() {
    local name=$1 port=$2 log=$3 database=${4:-}
    if port_in_use "$port"; then
        fail "port $port is already taken, by: $(ss -Htlnp "sport = :$port")"
    fi
    local ours=("$OURS_BIN" serve --port "$port" --database "$database"
        --migrations "$ROOT/Migrations" --guidelines "$ROOT/Config/guidelines"
        --openapi "$ROOT/Config/openapi.json" ${OURS_ARGS:-} --access-log false)
    case $name in
        ours | pg-a | pg-b) "${ours[@]}" >"$log" 2>&1 & ;;
        ours-log) "${ours[@]/%false/true}" >"$log" 2>&1 & ;;  # --access-log true
        ours-slowdisk)
            # Every fsync/fdatasync of the server takes SYNC_DELAY_US longer: a slow disk.
            strace -f --seccomp-bpf -qq -o "$log.syncs" -e trace=fsync,fdatasync \
                -e inject=fsync,fdatasync:delay_exit="$SYNC_DELAY_US" "${ours[@]}" >"$log" 2>&1 & ;;
        hb) "$PEERS_BIN/hb-server" --port "$port" --guidelines "$ROOT/Config/guidelines" >"$log" 2>&1 & ;;
        nginx)
            local dir=$RUN_DIR/nginx
            mkdir -p "$dir"
            sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" "$BENCH/scripts/nginx.conf.template" >"$dir/nginx.conf"
            nginx -c "$dir/nginx.conf" -e "$dir/nginx-error.log" >"$log" 2>&1 & ;;
        *) fail "unknown server $name" ;;
    esac
    local pid=$!
    STARTED_PIDS+=("$pid")
    wait_ready "$name" "$port" "$pid" "$log"
    if [[ $name == ours-slowdisk ]]; then
        pid=$(pgrep -P "$pid" | head -1)   # the server itself, not strace
        STARTED_PIDS+=("$pid")
    fi
    SERVER_PID[$name]=$pid
}

# wait_ready NAME PORT PID LOG: until GET /health answers 200, at most 120 s.
wait_ready() {
    local name=$1 port=$2 pid=$3 log=$4
    for _ in $(seq 1 240); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "--- $log" >&2; tail -20 "$log" >&2
            fail "$name did not start (exited); see $log"
        fi
        if curl -sf -m 2 -o /dev/null "http://127.0.0.1:$port/health"; then return 0; fi
        sleep 0.5
    done
    fail "$name did not answer GET /health on port $port within 120 s; see $log"
}

# stop_server NAME ROUND: SIGTERM (nginx: QUIT), then SIGKILL after STOP_WAIT seconds;
# records in stops.log how the server ended.
stop_server() {
    local name=$1 round=$2 pid=${SERVER_PID[$1]:-}
    [[ -n $pid ]] || return 0
    local started=$SECONDS how
    how=$(stop_pid "$pid" "$([[ $name == nginx ]] && echo QUIT || echo TERM)")
    echo "round=$round server=$name ended=$how seconds=$((SECONDS - started))" >>"$RUN_DIR/stops.log"
    unset "SERVER_PID[$name]"
}

# stop_pid PID [SIGNAL]: prints "exited" or "killed" (still running STOP_WAIT s after SIGNAL).
stop_pid() {
    local pid=$1 signal=${2:-TERM} how=killed
    if kill -0 "$pid" 2>/dev/null; then
        kill -"$signal" "$pid" 2>/dev/null || true
        for _ in $(seq 1 $((STOP_WAIT * 4))); do
            kill -0 "$pid" 2>/dev/null || { how=exited; break; }
            # A zombie has exited: only its parent (this shell) has not reaped it yet.
            [[ $(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) == Z ]] && { how=exited; break; }
            sleep 0.25
        done
        kill -KILL "$pid" 2>/dev/null || true
    else
        how=exited
    fi
    wait "$pid" 2>/dev/null || true
    echo "$how"
}

# Called on exit: every process this script started, by its id.
stop_everything() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do stop_pid "$pid" >/dev/null; done
}

# memory_kib PID FIELD: VmHWM (peak resident set) or VmRSS of a process, in KiB.
memory_kib() {
    awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}
