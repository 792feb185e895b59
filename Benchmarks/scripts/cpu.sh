# CPU accounting in clock ticks (sourced by run.sh): the machine's busy time from
# /proc/stat and a process's utime+stime (all its threads) from /proc/PID/stat.

machine_busy_ticks() {   # user + nice + system + irq + softirq + steal, all cores
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

machine_nice_ticks() {   # the part of it spent in niced processes (background jobs)
    awk '$1 == "cpu" { print $3; exit }' /proc/stat
}

process_ticks() {
    [[ -r /proc/$1/stat ]] || { echo 0; return; }
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# wait_for_quiet_machine: until processes that are not niced use less than QUIET_PERCENT
# of the machine over 5 s (other engineers compile here; niced background jobs such as
# fuzzers yield to the benchmark and are only reported), at most QUIET_WAIT seconds.
# Prints the last reading.
wait_for_quiet_machine() {
    local waited=0 busy nice
    while true; do
        local busy_before nice_before
        busy_before=$(machine_busy_ticks) nice_before=$(machine_nice_ticks)
        sleep 5
        busy=$(( ($(machine_busy_ticks) - busy_before) * 100 / (5 * CLK_TCK * CORES) ))
        nice=$(( ($(machine_nice_ticks) - nice_before) * 100 / (5 * CLK_TCK * CORES) ))
        if (( busy - nice < QUIET_PERCENT || waited >= QUIET_WAIT )); then break; fi
        waited=$((waited + 5))
        (( waited % 60 == 0 )) && echo "  machine ${busy}% busy, ${nice}% of it niced; waiting (${waited}s of ${QUIET_WAIT}s)" >&2
    done
    echo "${busy}% busy, ${nice}% of it niced"
}
