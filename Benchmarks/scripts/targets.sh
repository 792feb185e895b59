# Issue 13's targets only, sourced by `TARGETS=1 Benchmarks/run.sh` after the build: ours
# (--access-log false), ours with the default access log, Hummingbird and nginx, started
# once per round, loads interleaved (a different server first each round); the 1,000-idle
# connection probe on ours; then scripts/targets_report.py prints the targets table.
# About 6 minutes with the defaults (DURATION 6 s, ROUNDS 3, IDLE_SECONDS 10).
declare -A PORT=()
assign_ports
echo "ports: ours ${PORT[ours]}, ours with the log ${PORT[ours-log]}, hb ${PORT[hb]}, nginx ${PORT[nginx]}" \
    | tee -a "$RUN_DIR/settings.txt"
echo "mode: targets" >>"$RUN_DIR/settings.txt"
TARGET_SERVERS=(ours ours-log hb nginx)

# rotated NAME...: the names, starting at a different one each round.
rotated() {
    local names=("$@") shift_by=$(( (round - 1) % $# ))
    echo "${names[@]:shift_by}" "${names[@]:0:shift_by}"
}

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round of $ROUNDS (machine before it: $(wait_for_quiet_machine))"
    mkdir -p "$RUN_DIR/db-r$round"
    for server in "${TARGET_SERVERS[@]}"; do
        start_server "$server" "${PORT[$server]}" "$RUN_DIR/logs/$server-r$round.log" "$RUN_DIR/db-r$round/$server.sqlite"
    done
    for server in $(rotated ours ours-log hb nginx); do
        run_load "$round" health-ka "$server" "${PORT[$server]}" 64 /health get.lua
    done
    for server in $(rotated ours ours-log hb); do
        run_load "$round" assessment-ka "$server" "${PORT[$server]}" 64 /v1/assessment post-case.lua
    done
    for server in $(rotated ours hb); do
        run_load "$round" assessment-256 "$server" "${PORT[$server]}" 256 /v1/assessment post-case.lua
    done
    for server in $(rotated ours hb); do
        run_load "$round" health-256 "$server" "${PORT[$server]}" 256 /health get.lua
    done
    for server in $(rotated ours hb); do
        run_load "$round" health-close "$server" "${PORT[$server]}" 64 /health get.lua -H "Connection: close"
        sleep 2
    done
    if ((round == 1)); then
        probe=$RUN_DIR/raw/r$round-idle-ours.json
        timeout $((IDLE_SECONDS + 120)) python3 "$BENCH/scripts/idle_connections.py" "${PORT[ours]}" \
            "${SERVER_PID[ours]}" "$IDLE_CONNECTIONS" "$IDLE_SECONDS" >"$probe" || echo '{"failed": true}' >"$probe"
        echo "  r$round idle           ours $(cat "$probe")"
    fi
    for server in "${TARGET_SERVERS[@]}"; do
        echo "round=$round server=$server final_hwm_kib=$(tree_kib "${SERVER_PID[$server]}" VmHWM) final_rss_kib=$(tree_kib "${SERVER_PID[$server]}" VmRSS)" >>"$RUN_DIR/memory.log"
        stop_server "$server" "$round"
    done
done
python3 "$BENCH/scripts/targets_report.py" "$RUN_DIR" "$CLK_TCK" | tee "$RUN_DIR/targets.md"
echo "report: $RUN_DIR/targets.md"
