#!/usr/bin/env bash
# The whole test suite under ThreadSanitizer and AddressSanitizer (LeakSanitizer included).
# Each sanitizer gets its own scratch path (a full debug build with instrumented code; the
# end-to-end tests launch the instrumented sarcoma-guide built there). Reports are written
# to files through the sanitizers' log_path, so those of the service processes the
# end-to-end tests start (their stderr goes to the tests' temporary files) are found too.
#
# Usage: scripts/sanitizers.sh                    both, thread then address
#        scripts/sanitizers.sh thread|address     one
#        SCRATCH_ROOT=/tmp/x (default /tmp/sarcoma-guide-sanitize) puts the builds in
#        /tmp/x-tsan and /tmp/x-asan; NICE=N (default 10) is the build's nice level.
# Prints per sanitizer its build and test times, the test summary and the reports found,
# then "N passed, M failed"; exit status non-zero when M > 0. Logs stay in $SCRATCH_ROOT-logs.
# A sanitizer passes when `swift test` exits 0 and no report was written, and a planted bug
# (scripts/lib/sanitizer-canary/) compiled with the same sanitizer is reported, which proves
# the reports are collected.
# Suppressions: scripts/lib/lsan-suppressions.txt (leaks in Foundation and XCTest, each with
# its evidence). ThreadSanitizer needs none.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch_root="${SCRATCH_ROOT:-/tmp/sarcoma-guide-sanitize}"
logs="$scratch_root-logs"
nice_level="${NICE:-10}"
passed=0
failed=0
ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

if [ $# -gt 0 ]; then sanitizers=("$@"); else sanitizers=(thread address); fi
for s in "${sanitizers[@]}"; do
    case "$s" in thread|address) ;; *) echo "unknown sanitizer '$s' (thread or address)"; echo "0 passed, 1 failed"; exit 1 ;; esac
done
mkdir -p "$logs"

# options_for SANITIZER REPORT_PREFIX: the runtime options as VAR=value lines (reports go to
# files, every report is kept).
options_for() {
    case "$1" in
        thread)
            echo "TSAN_OPTIONS=log_path=$2 halt_on_error=0 second_deadlock_stack=1" ;;
        address)
            echo "ASAN_OPTIONS=log_path=$2 detect_leaks=1 strict_string_checks=1 detect_stack_use_after_return=1"
            echo "LSAN_OPTIONS=suppressions=$root/scripts/lib/lsan-suppressions.txt" ;;
    esac
}

# cpu_of TIMEFILE: the CPU seconds (user + system) that bash's `time` wrote, which tell what
# a step costs on an idle machine when the shared one is busy.
TIMEFORMAT='%R %U %S'
cpu_of() { awk '{ printf "cpu %.0f s (user %.0f + sys %.0f)", $2 + $3, $2, $3 }' "$1"; }

# canary SANITIZER: builds and runs scripts/lib/sanitizer-canary/<name>.swift (a planted
# race or overflow) with the same options; its report must land in the log files, or the
# suite's "no report" would not mean anything.
canary() {
    local s="$1" dir="$logs/canary-$1"
    rm -rf "$dir"; mkdir -p "$dir"
    if ! nice -n "$nice_level" swiftc -sanitize="$s" -Onone "$root/scripts/lib/sanitizer-canary/$s.swift" -o "$dir/canary" >"$dir/build.log" 2>&1; then
        fail "$s: canary did not build (see $dir/build.log)"; return
    fi
    local -a options; mapfile -t options < <(options_for "$s" "$dir/report")
    env "${options[@]}" "$dir/canary" >"$dir/run.log" 2>&1
    local found
    found="$(cat "$dir"/report.* 2>/dev/null | grep -m1 -E '^WARNING: ThreadSanitizer|^==[0-9]+==ERROR: AddressSanitizer' | sed 's/ on address.*//; s/ (pid=.*//; s/^==[0-9]*==//')"
    [ -n "$found" ] && ok "$s: the planted canary bug is reported ($found)" || fail "$s: the planted canary bug was not reported"
}

run_one() {
    local s="$1" short="${1:0:1}san"
    local scratch="$scratch_root-$short" log="$logs/$1"
    rm -f "$log".report.* 2>/dev/null
    echo "--- $s sanitizer (scratch path $scratch)"
    local t0 t1 t2 build_status test_status
    t0=$(date +%s)
    { time (cd "$root" && nice -n "$nice_level" swift build --build-tests --sanitize="$s" --scratch-path "$scratch" >"$log.build.log" 2>&1); } 2>"$log.build.time"
    build_status=$?
    t1=$(date +%s)
    echo "$s: build $((t1 - t0)) s, $(cpu_of "$log.build.time") (status $build_status, load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if [ "$build_status" -ne 0 ]; then
        tail -20 "$log.build.log"
        fail "$s: build failed (see $log.build.log)"
        return
    fi
    # The end-to-end tests launch the instrumented binary of this scratch path (E2E_BINARY).
    local -a options; mapfile -t options < <(options_for "$s" "$log.report")
    { time (cd "$root" && env "${options[@]}" E2E_BINARY="$scratch/debug/sarcoma-guide" \
        nice -n "$nice_level" swift test --skip-build --sanitize="$s" --scratch-path "$scratch" >"$log.test.log" 2>&1); } 2>"$log.test.time"
    test_status=$?
    t2=$(date +%s)
    local summary reports
    summary="$(grep -E '^✔ Test run with|^✘ Test run with|Executed [0-9]+ tests' "$log.test.log" | tail -2 | tr '\n' ' ')"
    reports="$(cat "$log".report.* 2>/dev/null | grep -cE '^WARNING: ThreadSanitizer|^==[0-9]+==ERROR: (Address|Leak)Sanitizer')"
    echo "$s: tests $((t2 - t1)) s, $(cpu_of "$log.test.time"), swift test status $test_status, $reports report(s); ${summary:-no test summary line}"
    echo "$s: summary: build $((t1 - t0)) s + tests $((t2 - t1)) s, status $test_status, reports $reports"
    grep -E '^✘|^.*error: ' "$log.test.log" | head -10 | sed 's/^/  /'
    if [ "$reports" -gt 0 ]; then
        # The first line of each report and its first frame in our code.
        cat "$log".report.* | grep -E '^WARNING: ThreadSanitizer|^==[0-9]+==ERROR|^SUMMARY' | sort | uniq -c | head -20 | sed 's/^/  /'
        echo "  full reports: $log.report.*"
    fi
    canary "$s"
    [ "$test_status" -eq 0 ] && ok "$s: swift test passed" || fail "$s: swift test exited $test_status (see $log.test.log)"
    [ "$reports" -eq 0 ] && ok "$s: no sanitizer report" || fail "$s: $reports sanitizer report(s)"
}

for s in "${sanitizers[@]}"; do run_one "$s"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
