# CPU accounting in clock ticks (sourced by run.sh): the machine's busy time from
# /proc/stat and a process's utime+stime (all its threads) from /proc/PID/stat.

machine_busy_ticks() {   # user + nice + system + irq + softirq + steal, all cores
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

process_ticks() {
    [[ -r /proc/$1/stat ]] || { echo 0; return; }
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# wait_for_quiet_machine: until the machine is less than QUIET_PERCENT busy over 5 s
# (other engineers compile here), at most QUIET_WAIT seconds; prints the last reading.
wait_for_quiet_machine() {
    local waited=0 busy
    while true; do
        local before; before=$(machine_busy_ticks)
        sleep 5
        busy=$(( ($(machine_busy_ticks) - before) * 100 / (5 * CLK_TCK * CORES) ))
        if (( busy < QUIET_PERCENT || waited >= QUIET_WAIT )); then break; fi
        waited=$((waited + 5))
        (( waited % 60 == 0 )) && echo "  machine ${busy}% busy (others compiling?); waiting (${waited}s of ${QUIET_WAIT}s)" >&2
    done
    echo "$busy"
}
