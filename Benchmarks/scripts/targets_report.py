#!/usr/bin/env python3
"""Issue 13's targets from one `TARGETS=1 Benchmarks/run.sh` results folder, as Markdown.

usage: targets_report.py RESULTS_DIR CLK_TCK

Reads runs.log (load.sh), memory.log and raw/r1-idle-ours.json. Figures are medians over
the rounds; errors are summed. Server CPU per request is the server's utime + stime
(all threads, kernel included) during a load divided by the requests wrk counted.
"""
import glob
import json
import os
import statistics
import sys

NAMES = {"ours": "sarcoma-guide (--access-log false)", "ours-log": "sarcoma-guide (access log on)",
         "hb": "Hummingbird 2", "nginx": "nginx (ceiling)"}
SCENARIOS = [
    ("health-ka", "GET /health keep-alive, 64 conn."),
    ("assessment-ka", "POST /v1/assessment keep-alive, 64 conn."),
    ("assessment-256", "POST /v1/assessment keep-alive, 256 conn."),
    ("health-256", "GET /health keep-alive, 256 conn."),
    ("health-close", "GET /health, new connection per request"),
]
ERRORS = ["connect", "read", "write", "timeout", "status"]


def parse(line):
    fields = {}
    for token in line.split():
        key, _, value = token.partition("=")
        try:
            fields[key] = float(value)
        except ValueError:
            fields[key] = value
    return fields


def main():
    folder, ticks_per_second = sys.argv[1], float(sys.argv[2])
    runs = [parse(line) for line in open(os.path.join(folder, "runs.log")) if line.strip()]
    memory = [parse(line) for line in open(os.path.join(folder, "memory.log")) if line.strip()]

    def rows(scenario, server):
        return [run for run in runs if run["scenario"] == scenario and run["server"] == server and "rps" in run]

    def median(scenario, server, key):
        values = [run[key] for run in rows(scenario, server)]
        return statistics.median(values) if values else None

    def cpu_us(scenario, server):
        values = [run["server_ticks"] / ticks_per_second * 1e6 / run["requests"]
                  for run in rows(scenario, server) if run.get("requests")]
        return statistics.median(values) if values else None

    def errors(scenario, server):
        return int(sum(run.get(key, 0) for run in rows(scenario, server) for key in ERRORS))

    print("| scenario | server | req/s | p99 ms | server CPU µs/req | errors | rounds |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for scenario, label in SCENARIOS:
        for server in ("ours", "ours-log", "hb", "nginx"):
            if not rows(scenario, server):
                continue
            print(f"| {label} | {NAMES[server]} | {median(scenario, server, 'rps'):,.0f} | "
                  f"{median(scenario, server, 'p99_us') / 1000:.2f} | {cpu_us(scenario, server):.1f} | "
                  f"{errors(scenario, server)} | {len(rows(scenario, server))} |")
    print()

    def verdict(ok):
        return "**met**" if ok else "**missed**"

    targets = []
    ratio = median("health-ka", "ours", "rps") / median("health-ka", "nginx", "rps")
    targets.append(("/health keep-alive >= 0.85x nginx", f"{ratio:.2f}x", ratio >= 0.85))
    cpu = cpu_us("health-ka", "ours")
    targets.append(("/health keep-alive <= 12 µs server CPU per request", f"{cpu:.1f} µs", cpu <= 12))
    ratio = median("assessment-ka", "ours", "rps") / median("assessment-ka", "hb", "rps")
    targets.append(("POST /v1/assessment keep-alive >= 2.0x Hummingbird", f"{ratio:.2f}x", ratio >= 2.0))
    for scenario, label in SCENARIOS:
        ours, theirs = median(scenario, "ours", "p99_us"), median(scenario, "hb", "p99_us")
        if ours is not None and theirs is not None:
            targets.append((f"p99 <= Hummingbird's: {label}", f"{ours / 1000:.2f} vs {theirs / 1000:.2f} ms",
                            ours <= theirs))
    total = sum(errors(scenario, server) for scenario, _ in SCENARIOS for server in ("ours", "ours-log"))
    targets.append(("0 errors (ours, every scenario)", str(total), total == 0))
    peak = max((entry["final_hwm_kib"] for entry in memory if entry["server"] in ("ours", "ours-log")), default=0)
    targets.append(("peak RSS <= 64 MiB (VmHWM over a round)", f"{peak / 1024:.1f} MiB", 0 < peak <= 64 * 1024))
    probes = glob.glob(os.path.join(folder, "raw", "r*-idle-ours.json"))
    if probes:
        probe = json.load(open(probes[0]))
        if not probe.get("failed"):
            percent = probe.get("cpu_percent", 0)
            targets.append((f"idle CPU ~0 with {probe.get('connections', '?')} idle connections (<= 1 %)",
                            f"{percent} %", percent <= 1))
    for scenario in ("health-ka", "assessment-ka"):
        off, on = median(scenario, "ours", "rps"), median(scenario, "ours-log", "rps")
        if off and on:
            cost = 1 - on / off
            targets.append((f"access log costs <= 15 %: {dict(SCENARIOS)[scenario]}",
                            f"{cost * 100:.0f} % ({on:,.0f} vs {off:,.0f} req/s; CPU "
                            f"{cpu_us(scenario, 'ours-log'):.1f} vs {cpu_us(scenario, 'ours'):.1f} µs/req)",
                            cost <= 0.15))
    print("| target | measured | verdict |")
    print("|---|---|---|")
    for name, measured, ok in targets:
        print(f"| {name} | {measured} | {verdict(ok)} |")


if __name__ == "__main__":
    main()
