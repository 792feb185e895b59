-- Prints one machine-readable line at the end of a wrk run (run.sh reads it):
-- BENCH requests=N duration_us=N rps=X p50_us=N p99_us=N max_us=N connect=N read=N write=N status=N timeout=N
-- `status` counts answers with a status >= 400 (wrk's own non-2xx/3xx counter).
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%.0f p99_us=%.0f max_us=%.0f connect=%d read=%d write=%d status=%d timeout=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), latency.max,
      e.connect, e.read, e.write, e.status, e.timeout))
end
