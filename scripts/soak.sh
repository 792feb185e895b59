#!/usr/bin/env bash
# Soak: the release binary under a steady mix of writes, reads, lists and evaluations
# (scripts/lib/soak.lua) for DURATION seconds, run as back-to-back wrk slices of SLICE
# seconds so each slice reports its own request count, p50/p99 latency and answers by
# status. The service's RSS (VmRSS) and open fds (/proc/PID/fd) are sampled every 5 s.
#
# Warm-up: the first slice. It fills the SQLite page caches, opens the read pool, starts
# every worker thread and lets malloc's arenas settle; growth is measured after it.
# Checks: no 5xx, no 4xx but the 409s of the deliberate duplicates, no socket error, every
# slice served requests, median RSS of the last slice within 10 % of slice 2's (MAX_RSS_GROWTH),
# idle fd count after the last slice within 3 of the idle count after the warm-up, the
# database holds every acknowledged create, /health still answers, SIGTERM exits 0,
# PRAGMA integrity_check is ok.
#
# Usage: scripts/soak.sh                 (10 minutes: DURATION=600, SLICE=60)
#        QUICK=1 scripts/soak.sh         (~75 s: DURATION=60, SLICE=10)
#        DURATION=N SLICE=N CONNECTIONS=N THREADS=N SEEDS=N change the load;
#        SARCOMA_BINARY=path skips the release build. KEEP_WORK=1 keeps /tmp/soak.*.
# Ends with "N passed, M failed"; exit status non-zero when M > 0.
set -uo pipefail
WORK_PREFIX=soak
source "$(dirname "$0")/lib/common.sh"

if [ -n "${QUICK:-}" ]; then duration="${DURATION:-60}"; slice="${SLICE:-10}"; else duration="${DURATION:-600}"; slice="${SLICE:-60}"; fi
connections="${CONNECTIONS:-16}"
threads="${THREADS:-2}"
seeds="${SEEDS:-200}"
max_growth="${MAX_RSS_GROWTH:-10}"
slices=$(( (duration + slice - 1) / slice ))
[ "$slices" -ge 2 ] || { echo "DURATION must cover at least two slices (warm-up + one)"; echo "0 passed, 1 failed"; exit 1; }
lib="$root/scripts/lib"
case_file="$root/Benchmarks/Cases/example.json"

need_tools wrk:wrk sqlite3:sqlite3 python3:python3 curl:curl

if [ -n "${SARCOMA_BINARY:-}" ]; then
    binary="$SARCOMA_BINARY"
else
    echo "building the release binary (swift build -c release)..."
    (cd "$root" && swift build -c release --product sarcoma-guide >"$work/build.log" 2>&1) \
        || { echo "FAIL swift build -c release"; tail -20 "$work/build.log"; echo "0 passed, 1 failed"; exit 1; }
    binary="$(cd "$root" && swift build -c release --show-bin-path)/sarcoma-guide"
fi

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -r)"
echo "binary: $binary"
echo "load: ${duration}s in ${slices} slices of ${slice}s, wrk -t$threads -c$connections, $seeds seeded cases"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average at start: $load_start"

start_server "$work/db.sqlite" "$work/server" || { fail "server did not start"; finish; }
pid="$(service_pid)"
echo "service pid $pid at $base, database $work/db.sqlite"

run_tag="$(date +%s)-$$"
python3 "$lib/soak_seed.py" "$base" "$case_file" "$seeds" "$run_tag" "$work/seeds.txt" \
    || { fail "seeding $seeds cases"; finish; }

# Sampler: RSS and fd count every 5 s while the service lives.
( while kill -0 "$pid" 2>/dev/null; do
      rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)"
      [ -n "$rss" ] && echo "$(date +%s) $rss $(fd_count "$pid")"
      sleep 5
  done ) >"$work/samples.log" &
started_pids+=($!)

# idle_fds: the fd count once the slice's connections are closed by the server.
idle_fds() { sleep 1; fd_count "$pid"; }

wrk_command=(wrk -t"$threads" -c"$connections" -d"${slice}s" --timeout 5s -s "$lib/soak.lua" "$base/")
echo "each slice: BENCH_LUA=Benchmarks/scripts/wrk SOAK_CASE=$case_file SOAK_SEEDS=<seeds> SOAK_RUN=<tag> ${wrk_command[*]}"
: >"$work/slices.log"
fds_after_warmup=""
for i in $(seq 1 "$slices"); do
    t0="$(date +%s)"
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    BENCH_LUA="$root/Benchmarks/scripts/wrk" SOAK_CASE="$case_file" SOAK_SEEDS="$work/seeds.txt" \
        SOAK_RUN="$run_tag-$i" timeout $((slice + 30)) "${wrk_command[@]}" >"$work/slice-$i.txt" 2>&1
    t1="$(date +%s)"
    echo "slice=$i start=$t0 end=$t1 load1=$load1 $(sed -n 's/^BENCH //p; s/^SOAK //p' "$work/slice-$i.txt" | tr '\n' ' ')" >>"$work/slices.log"
    echo "  slice $i/$slices: $(sed -n 's/^BENCH //p' "$work/slice-$i.txt" | awk '{print $1, $3, $4, $5}') $(sed -n 's/^SOAK //p' "$work/slice-$i.txt" | cut -d' ' -f1-6)"
    kill -0 "$pid" 2>/dev/null || { echo "  the service died during slice $i"; break; }
    if [ "$i" -eq 1 ]; then fds_after_warmup="$(idle_fds)"; fi
done
fds_at_end="$(idle_fds)"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average at end: $load_end"

python3 "$lib/soak_report.py" "$work/slices.log" "$work/samples.log" >"$work/report.txt"
grep -v '^VERDICT' "$work/report.txt"
verdict="$(sed -n 's/^VERDICT //p' "$work/report.txt")"
get() { echo "$verdict" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
echo "RSS: first sample $(( $(get rss_first_sample_kib) / 1024 )) MiB, slice 2 median $(( $(get rss_warm_kib) / 1024 )) MiB, last slice median $(( $(get rss_last_kib) / 1024 )) MiB, last sample $(( $(get rss_last_sample_kib) / 1024 )) MiB, peak $(( $(get rss_peak_kib) / 1024 )) MiB ($(get samples) samples)"
echo "fds: first sample (before the load) $(get fds_first_sample), last sample $(get fds_last_sample); idle after warm-up $fds_after_warmup, idle at end $fds_at_end; per slice max above ($connections client connections)"

[ "$(get s5xx)" = "0" ] && ok "no 5xx in $(get requests) requests" || fail "$(get s5xx) answers were 5xx"
[ "$(get s4xx)" = "0" ] && ok "no unexpected 4xx" || fail "$(get s4xx) unexpected 4xx answers (see statuses in $work/slices.log)"
[ "$(get s409)" -le "$(get dups)" ] && [ "$(get dups)" -gt 0 ] \
    && ok "409 only for deliberate duplicates ($(get s409) answered, $(get dups) sent; the rest in flight at slice ends)" \
    || fail "409s: $(get s409) answered for $(get dups) duplicates sent"
[ "$(get other)" = "0" ] && ok "no 1xx/3xx answers" || fail "$(get other) answers neither 2xx, 4xx nor 5xx"
[ "$(get sockerr)" = "0" ] && ok "no socket error or timeout" || fail "$(get sockerr) socket errors or timeouts"
[ "$(get min_slice_requests)" -gt 0 ] && [ "$(wc -l <"$work/slices.log")" -eq "$slices" ] \
    && ok "every slice served requests (fewest: $(get min_slice_requests))" || fail "a slice served no request or did not run"
python3 -c "import sys; sys.exit(0 if float('$(get rss_growth_pct)') < float('$max_growth') else 1)" \
    && ok "RSS growth after warm-up $(get rss_growth_pct) % (slice 2 vs last slice, limit $max_growth %)" \
    || fail "RSS grew $(get rss_growth_pct) % after warm-up (limit $max_growth %)"
[ -n "$fds_after_warmup" ] && [ "$(( fds_at_end - fds_after_warmup ))" -le 3 ] && [ "$(( fds_after_warmup - fds_at_end ))" -le 3 ] \
    && ok "idle fd count flat: $fds_after_warmup after warm-up, $fds_at_end at end" \
    || fail "idle fd count moved: ${fds_after_warmup:-?} after warm-up, $fds_at_end at end"
health="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health")"
[ "$health" = "200" ] && ok "/health answers 200 after the soak" || fail "/health answered '$health' after the soak"

rows="$(sqlite3 "$work/db.sqlite" 'SELECT count(*) FROM cases;' 2>&1)"
acked=$(( seeds + $(get created) ))
if [ "$rows" -ge "$acked" ] 2>/dev/null && [ "$rows" -le $(( acked + connections * slices )) ]; then
    ok "database holds every acknowledged create: $rows cases, $acked acknowledged (seeds + 201s)"
else
    fail "database has '$rows' cases for $acked acknowledged creates"
fi

kill -TERM "$server_pid"
for _ in $(seq 1 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then
    fail "still running 30 s after SIGTERM"
else
    wait "$server_pid"; status=$?
    [ "$status" -eq 0 ] && ok "exit status 0 on SIGTERM" || fail "exit status $status on SIGTERM"
fi
server_pid=""
integrity="$(sqlite3 "$work/db.sqlite" 'PRAGMA integrity_check;' 2>&1)"
[ "$integrity" = "ok" ] && ok "integrity_check ok ($(du -h "$work/db.sqlite" | cut -f1) database)" || fail "integrity_check: $integrity"
finish
