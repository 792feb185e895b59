#!/usr/bin/env python3
"""Per-slice table and totals of a soak run (scripts/soak.sh).

  soak_report.py SLICES_LOG SAMPLES_LOG

SLICES_LOG: one line per wrk slice, "slice=N start=EPOCH end=EPOCH load1=X" followed by
the BENCH and SOAK fields of scripts/lib/soak.lua. SAMPLES_LOG: "EPOCH RSS_KIB FDS" every
few seconds. Prints a Markdown table (one row per slice: requests, rate, p50/p99/max
latency, answers by class, socket errors, median RSS and max fds of the samples taken
during the slice), then one line "VERDICT key=value ..." that soak.sh checks.
Slice 1 is the warm-up; RSS growth compares slice 2's median with the last slice's.
"""
import statistics
import sys


def fields(line):
    out = {}
    for part in line.split():
        if "=" in part:
            key, value = part.split("=", 1)
            out[key] = value
    return out


slices = [fields(l) for l in open(sys.argv[1]) if l.startswith("slice=")]
samples = []
for line in open(sys.argv[2]):
    parts = line.split()
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        samples.append(tuple(int(p) for p in parts))

rows, medians = [], []
totals = dict(requests=0, s2xx=0, s409=0, s4xx=0, s5xx=0, other=0, dups=0, sockerr=0, created=0)
min_requests = None
for s in slices:
    start, end = int(s["start"]), int(s["end"])
    inside = [x for x in samples if start <= x[0] <= end]
    rss = statistics.median(x[1] for x in inside) if inside else 0
    fds = max(x[2] for x in inside) if inside else 0
    medians.append(rss)
    if "requests" not in s:
        rows.append("| %s | wrk failed | | | | | | | | | %.1f | %d |" % (s["slice"], rss / 1024, fds))
        min_requests = 0
        continue
    req = int(s["requests"])
    sock = sum(int(s.get(k, 0)) for k in ("connect", "read", "write", "timeout"))
    statuses = dict(p.split(":") for p in s.get("statuses", "").split(",") if ":" in p)
    created = int(statuses.get("201", 0))
    totals["requests"] += req
    for key in ("s2xx", "s409", "s4xx", "s5xx", "other"):
        totals[key] += int(s.get(key, 0))
    totals["dups"] += int(s.get("sent_duplicates", 0))
    totals["sockerr"] += sock
    totals["created"] += created
    min_requests = req if min_requests is None else min(min_requests, req)
    rows.append("| %s | %d | %.0f | %.2f | %.2f | %.1f | %s | %s/%s | %s | %s | %d | %.1f | %d | %s |" % (
        s["slice"], req, float(s["rps"]), int(s["p50_us"]) / 1000, int(s["p99_us"]) / 1000,
        int(s["max_us"]) / 1000, s["s2xx"], s["s409"], s["sent_duplicates"], s["s4xx"], s["s5xx"],
        sock, rss / 1024, fds, s.get("load1", "?")))

print("| slice | requests | req/s | p50 ms | p99 ms | max ms | 2xx | 409/dups sent | other 4xx | 5xx | socket errors | RSS MiB (median) | fds (max) | load1 at start |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for row in rows:
    print(row)

warm = medians[1] if len(medians) > 1 else (medians[0] if medians else 0)
last = medians[-1] if medians else 0
growth = (last - warm) * 100.0 / warm if warm else 0.0
first_sample = samples[0] if samples else (0, 0, 0)
last_sample = samples[-1] if samples else (0, 0, 0)
print("VERDICT " + " ".join("%s=%d" % kv for kv in totals.items())
      + " min_slice_requests=%d rss_warm_kib=%d rss_last_kib=%d rss_growth_pct=%.1f" % (min_requests or 0, warm, last, growth)
      + " rss_first_sample_kib=%d rss_last_sample_kib=%d rss_peak_kib=%d fds_first_sample=%d fds_last_sample=%d samples=%d" % (
          first_sample[1], last_sample[1], max((x[1] for x in samples), default=0),
          first_sample[2], last_sample[2], len(samples)))
