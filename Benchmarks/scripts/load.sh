# One bounded wrk run against one server, recorded as one line of runs.log (sourced by
# run.sh). Needs: RUN_DIR, LUA, CASE, THREADS, DURATION, CLK_TCK, CORES, SERVER_PID.

# tree_ticks PID / tree_kib PID FIELD: the process and its children (nginx's workers).
tree_ticks() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(process_ticks "$pid"))); done
    echo "$total"
}
tree_kib() {
    local total=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(memory_kib "$pid" "$2"))); done
    echo "$total"
}

# run_load ROUND SCENARIO SERVER PORT CONNECTIONS PATH SCRIPT [more wrk arguments...]
run_load() {
    local round=$1 scenario=$2 server=$3 port=$4 connections=$5 path=$6 script=$7
    shift 7
    local pid=${SERVER_PID[$server]}
    local raw=$RUN_DIR/raw/r$round-$scenario-$server.txt
    local command=(env BENCH_LUA="$LUA" BENCH_CASE="$CASE"
        wrk -t"$(( connections < THREADS ? connections : THREADS ))" -c"$connections" -d"${DURATION}s" --timeout 2s -s "$LUA/$script" "$@"
        "http://127.0.0.1:$port$path")
    printf '%q ' "${command[@]}" >>"$RUN_DIR/commands.txt"
    echo >>"$RUN_DIR/commands.txt"

    local load1 busy_before nice_before server_before
    load1=$(cut -d' ' -f1 /proc/loadavg)
    busy_before=$(machine_busy_ticks)
    nice_before=$(machine_nice_ticks)
    server_before=$(tree_ticks "$pid")
    /usr/bin/time -f "%U %S" -o "$raw.cpu" timeout $((DURATION + 30)) "${command[@]}" >"$raw" 2>&1 \
        || echo "  wrk exited with an error (see $raw)" >&2
    local busy=$(( $(machine_busy_ticks) - busy_before ))
    local nice=$(( $(machine_nice_ticks) - nice_before ))
    local server_ticks=$(( $(tree_ticks "$pid") - server_before ))
    local wrk_ticks
    wrk_ticks=$(awk -v hz="$CLK_TCK" '/^[0-9.]+ [0-9.]+$/ { printf "%d", ($1 + $2) * hz }' "$raw.cpu")
    local capacity=$((DURATION * CLK_TCK * CORES))
    local others=$(( (busy - server_ticks - ${wrk_ticks:-0}) * 100 / capacity ))
    (( others < 0 )) && others=0

    local figures
    figures=$(sed -n 's/^BENCH //p' "$raw")
    [[ -n $figures ]] || figures="failed=1"
    local line="round=$round scenario=$scenario server=$server connections=$connections $figures"
    line+=" rss_kib=$(tree_kib "$pid" VmRSS) hwm_kib=$(tree_kib "$pid" VmHWM) load1=$load1"
    line+=" server_ticks=$server_ticks server_cpu_pct=$((server_ticks * 100 / capacity)) wrk_cpu_pct=$(( ${wrk_ticks:-0} * 100 / capacity )) others_cpu_pct=$others others_nice_pct=$((nice * 100 / capacity))"
    echo "$line" >>"$RUN_DIR/runs.log"
    printf '  r%s %-14s %-14s %s\n' "$round" "$scenario" "$server" \
        "$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^(rps|p50_us|p99_us|read|status|timeout|connect|others_cpu_pct)=/) printf "%s ", $i }' <<<"$line")"
    sleep "$PAUSE"
}
