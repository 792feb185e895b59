#!/usr/bin/env python3
"""Turns one run's results folder into BENCHMARKS.md and prints its summary table.

usage: report.py RESULTS_DIR OUTPUT.md

Reads runs.log (one `key=value ...` line per wrk run, written by load.sh), engine.json,
raw/r*-idle-*.json, memory.log, syncs.log, machine.txt, settings.txt and commands.txt.
Medians are over rounds; error counts are summed over rounds.
"""
import glob
import json
import os
import re
import statistics
import sys

SERVERS = ["ours", "hb", "nginx"]
NAMES = {"ours": "sarcoma-guide", "hb": "Hummingbird 2", "ff": "FlyingFox", "nginx": "nginx (ceiling)",
         "ours-slowdisk": "sarcoma-guide, slow disk"}
SCENARIOS = [
    ("health-ka", "GET /health, keep-alive, 64 connections"),
    ("validate-ka", "POST /v1/validate, keep-alive, 64 connections"),
    ("assessment-ka", "POST /v1/assessment, keep-alive, 64 connections"),
    ("health-close", "GET /health, `Connection: close`, 64 connections"),
    ("health-256", "GET /health, keep-alive, 256 connections"),
    ("validate-16", "POST /v1/validate, keep-alive, 16 connections"),
    ("inserts-1", "POST /v1/cases (durable insert), 1 connection"),
    ("inserts-16", "POST /v1/cases (durable insert), 16 connections"),
    ("slowdisk-inserts-1", "POST /v1/cases, 1 connection, +2 ms per sync"),
    ("slowdisk-inserts-16", "POST /v1/cases, 16 connections, +2 ms per sync"),
]
ERROR_KEYS = ["connect", "read", "write", "timeout", "status"]


def parse_line(line):
    fields = {}
    for token in line.split():
        key, _, value = token.partition("=")
        try:
            fields[key] = float(value) if "." in value else int(value)
        except ValueError:
            fields[key] = value
    return fields


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as handle:
        return [parse_line(line) for line in handle if line.strip()]


def read_text(path):
    return open(path).read().strip() if os.path.exists(path) else ""


class Results:
    def __init__(self, folder):
        self.folder = folder
        self.runs = read_lines(os.path.join(folder, "runs.log"))
        self.memory = read_lines(os.path.join(folder, "memory.log"))
        self.syncs = read_lines(os.path.join(folder, "syncs.log"))
        self.stops = read_lines(os.path.join(folder, "stops.log"))
        engine_path = os.path.join(folder, "engine.json")
        self.engine = json.load(open(engine_path)) if os.path.exists(engine_path) else {}
        self.idle = {}
        for path in sorted(glob.glob(os.path.join(folder, "raw", "r*-idle-*.json"))):
            round_number, server = re.match(r"r(\d+)-idle-(.+)\.json", os.path.basename(path)).groups()
            try:
                probe = json.load(open(path))
            except ValueError:
                probe = {"failed": True}
            self.idle.setdefault(server, []).append((int(round_number), probe))

    def of(self, scenario, server):
        return [run for run in self.runs if run["scenario"] == scenario and run["server"] == server]

    def median(self, scenario, server, key):
        values = [run[key] for run in self.of(scenario, server) if key in run]
        return statistics.median(values) if values else None

    def errors(self, scenario, server):
        runs = self.of(scenario, server)
        if not runs:
            return None
        return sum(run.get(key, 0) for run in runs for key in ERROR_KEYS) + sum(run.get("failed", 0) for run in runs)


def ms(microseconds):
    return "–" if microseconds is None else f"{microseconds / 1000:.2f}"


def rate(value):
    return "–" if value is None else f"{value:,.0f}"


def ratio(a, b):
    return None if a is None or not b else a / b


def times(value):
    return "–" if value is None else f"{value:.2f}x"


def medians_table(results):
    rows = ["| scenario | server | req/s | p50 ms | p99 ms | errors | req/s vs HB | p99 vs HB |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    for scenario, _ in SCENARIOS:
        for server in SERVERS + ["ours-slowdisk"]:
            if not results.of(scenario, server):
                continue
            rps = results.median(scenario, server, "rps")
            p99 = results.median(scenario, server, "p99_us")
            hb_rps, hb_p99 = results.median(scenario, "hb", "rps"), results.median(scenario, "hb", "p99_us")
            versus = (times(ratio(rps, hb_rps)), times(ratio(p99, hb_p99))) if server != "hb" and hb_rps else ("", "")
            rows.append(f"| {scenario} | {NAMES[server]} | {rate(rps)} | {ms(results.median(scenario, server, 'p50_us'))} "
                        f"| {ms(p99)} | {results.errors(scenario, server)} | {versus[0]} | {versus[1]} |")
    return rows


class Verdicts:
    """The issue's targets, each met or missed by how much."""

    def __init__(self, results):
        self.results = results
        self.rows = ["| target | measured | verdict |", "|---|---|---|"]

    def add(self, target, measured, met, shortfall=""):
        if met is None:
            verdict = "not measured"
        else:
            verdict = "**met**" if met else f"**missed**{': ' + shortfall if shortfall else ''}"
        self.rows.append(f"| {target} | {measured} | {verdict} |")

    def throughput(self, scenario, label, wanted):
        r = self.results
        ours, hb = r.median(scenario, "ours", "rps"), r.median(scenario, "hb", "rps")
        value = ratio(ours, hb)
        measured = f"{times(value)} ({rate(ours)} vs {rate(hb)} req/s)"
        self.add(f"{label}: throughput >= {wanted}x Hummingbird", measured,
                 None if value is None else value >= wanted,
                 "" if value is None else f"{(1 - value / wanted) * 100:.0f}% short of {wanted}x")

    def tail(self, scenario, label):
        r = self.results
        ours, hb = r.median(scenario, "ours", "p99_us"), r.median(scenario, "hb", "p99_us")
        measured = f"{ms(ours)} ms vs {ms(hb)} ms"
        met = None if ours is None or hb is None else ours <= hb
        self.add(f"{label}: p99 <= Hummingbird's", measured, met,
                 "" if met is None else f"{(ours / hb - 1) * 100:.0f}% above" if hb else "")

    def build(self):
        r = self.results
        self.throughput("health-ka", "GET /health keep-alive", 1.2)
        self.tail("health-ka", "GET /health keep-alive")
        self.throughput("validate-ka", "POST /v1/validate keep-alive", 1.2)
        self.tail("validate-ka", "POST /v1/validate keep-alive")
        self.throughput("assessment-ka", "POST /v1/assessment keep-alive", 1.0)
        self.throughput("health-close", "new connection per request", 2.0)
        errors = r.errors("health-close", "ours")
        self.add("new connection per request: zero errors", f"{errors} errors", None if errors is None else errors == 0,
                 f"{errors} errors")
        errors = r.errors("health-256", "ours")
        self.add("256 connections: zero errors", f"{errors} errors", None if errors is None else errors == 0,
                 f"{errors} errors")
        value = ratio(r.median("health-256", "ours", "rps"), r.median("health-ka", "ours", "rps"))
        self.add("256 connections: >= 0.9x the 64-connection rate", times(value),
                 None if value is None else value >= 0.9,
                 "" if value is None else f"{(1 - value / 0.9) * 100:.0f}% short")
        peaks = [m["final_hwm_kib"] for m in r.memory if m["server"] == "ours"]
        peak = max(peaks) / 1024 if peaks else None
        self.add("peak RSS <= 64 MiB (VmHWM over a whole round)", "–" if peak is None else f"{peak:.1f} MiB",
                 None if peak is None else peak <= 64, "" if peak is None else f"{peak - 64:.1f} MiB over")
        idle = [probe for _, probe in r.idle.get("ours", []) if not probe.get("failed")]
        if idle:
            cpu = statistics.median(probe["cpu_percent"] for probe in idle)
            slowest = max((probe["new_connection_ms"] or 1e9) for probe in idle)
            self.add(f"idle CPU ~0 % with {idle[0]['connections']} idle keep-alive connections (<= 1 %)",
                     f"{cpu:.2f} % (a new request then: {slowest:.2f} ms at worst)", cpu <= 1.0, f"{cpu:.2f} %")
        else:
            self.add("idle CPU ~0 % with 1,000 idle keep-alive connections", "–", None)
        one, sixteen = r.median("slowdisk-inserts-1", "ours-slowdisk", "rps"), r.median("slowdisk-inserts-16", "ours-slowdisk", "rps")
        value = ratio(sixteen, one)
        self.add("group commit on a 2 ms-sync disk: 16 connections >= 5x one sync per case",
                 f"{times(value)} ({rate(sixteen)} vs {rate(one)} cases/s)",
                 None if value is None else value >= 5, "" if value is None else f"{(1 - value / 5) * 100:.0f}% short of 5x")
        engine = r.engine.get("assessment all cases")
        self.add("engine <= 20 µs per full assessment (median)",
                 "–" if not engine else f"{engine['median_us']:.2f} µs (p90 {engine['p90_us']:.2f} µs)",
                 None if not engine else engine["median_us"] <= 20, "" if not engine else f"{engine['median_us'] - 20:.2f} µs over")
        return self.rows


def niced(run):
    return f" ({run['others_nice_pct']} niced)" if "others_nice_pct" in run else ""


def raw_tables(results):
    lines = []
    for scenario, title in SCENARIOS:
        runs = [run for run in results.runs if run["scenario"] == scenario]
        if not runs:
            continue
        lines += [f"#### {scenario}: {title}", "",
                  "| round | server | req/s | p50 ms | p99 ms | max ms | connect/read/write/timeout | non-2xx | RSS MiB | peak MiB | server CPU % | wrk CPU % | others CPU % | load1 |",
                  "|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
        for run in sorted(runs, key=lambda run: (run["round"], SERVERS.index(run["server"]) if run["server"] in SERVERS else 9)):
            if run.get("failed"):
                lines.append(f"| {run['round']} | {NAMES[run['server']]} | wrk failed | | | | | | | | | | | |")
                continue
            lines.append(
                f"| {run['round']} | {NAMES[run['server']]} | {rate(run['rps'])} | {ms(run['p50_us'])} | {ms(run['p99_us'])} "
                f"| {ms(run['max_us'])} | {run['connect']}/{run['read']}/{run['write']}/{run['timeout']} | {run['status']} "
                f"| {run['rss_kib'] / 1024:.1f} | {run['hwm_kib'] / 1024:.1f} | {run['server_cpu_pct']} | {run['wrk_cpu_pct']} "
                f"| {run['others_cpu_pct']}{niced(run)} | {run['load1']} |")
        lines.append("")
    return lines


def idle_table(results):
    lines = ["| round | server | connections answered | CPU s over idle period | CPU % | new request ms | request on a held connection ms | still open after |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for server in ["ours", "hb"]:
        for round_number, probe in results.idle.get(server, []):
            if probe.get("failed"):
                lines.append(f"| {round_number} | {NAMES[server]} | probe failed | | | | | |")
                continue
            lines.append(f"| {round_number} | {NAMES[server]} | {probe['answered']}/{probe['connections']} | {probe['cpu_seconds']} "
                         f"(over {probe['idle_seconds']} s) | {probe['cpu_percent']} | {probe['new_connection_ms']} "
                         f"| {probe['held_connection_ms']} | {probe['still_open']} |")
    return lines


def sync_table(results):
    lines = ["| round | connections | cases/s | cases | fsync+fdatasync calls | cases per sync |",
             "|---:|---:|---:|---:|---:|---:|"]
    for entry in results.syncs:
        runs = [run for run in results.of(f"slowdisk-inserts-{entry['connections']}", "ours-slowdisk") if run["round"] == entry["round"]]
        if not runs or runs[0].get("failed"):
            continue
        run = runs[0]
        per_sync = f"{run['requests'] / entry['syncs']:.2f}" if entry["syncs"] else "–"
        lines.append(f"| {entry['round']} | {entry['connections']} | {rate(run['rps'])} | {run['requests']} | {entry['syncs']} | {per_sync} |")
    return lines


def memory_table(results):
    lines = ["| round | server | peak RSS (VmHWM) MiB | RSS at the end MiB |", "|---:|---|---:|---:|"]
    for entry in results.memory:
        lines.append(f"| {entry['round']} | {NAMES[entry['server']]} | {entry['final_hwm_kib'] / 1024:.1f} | {entry['final_rss_kib'] / 1024:.1f} |")
    return lines


def stop_table(results):
    lines = ["| round | server | after SIGTERM (nginx: SIGQUIT) | seconds |", "|---:|---|---|---:|"]
    for entry in results.stops:
        ended = "exited" if entry["ended"] == "exited" else "**still running: killed (SIGKILL)**"
        lines.append(f"| {entry['round']} | {NAMES[entry['server']]} | {ended} | {entry['seconds']} |")
    return lines


def engine_table(results):
    lines = ["| measurement | median µs | p90 µs | p99 µs | samples |", "|---|---:|---:|---:|---:|"]
    for name, summary in results.engine.items():
        lines.append(f"| {name} | {summary['median_us']:.2f} | {summary['p90_us']:.2f} | {summary['p99_us']:.2f} | {summary['count']} |")
    return lines


def main():
    folder, output = sys.argv[1], sys.argv[2]
    results = Results(folder)
    medians, verdicts = medians_table(results), Verdicts(results).build()
    print("\n".join(["", "Targets:"] + verdicts + ["", "Medians over rounds:"] + medians))

    template = open(os.path.join(os.path.dirname(__file__), "report-template.md")).read()
    filled = template
    for key, value in {
        "MACHINE": "\n".join(f"- {line}" for line in read_text(os.path.join(folder, "machine.txt")).splitlines()),
        "SETTINGS": "\n".join(f"- {line}" for line in read_text(os.path.join(folder, "settings.txt")).splitlines()),
        "TARGETS": "\n".join(verdicts),
        "MEDIANS": "\n".join(medians),
        "ENGINE": "\n".join(engine_table(results)),
        "IDLE": "\n".join(idle_table(results)),
        "SYNCS": "\n".join(sync_table(results)),
        "MEMORY": "\n".join(memory_table(results)),
        "STOPS": "\n".join(stop_table(results)),
        "RAW": "\n".join(raw_tables(results)),
        "COMMANDS": "\n".join(dict.fromkeys(read_text(os.path.join(folder, "commands.txt")).splitlines())),
        "FINDINGS": read_text(os.path.join(os.path.dirname(__file__), "..", "findings.md")) or "(none written for this run)",
        "RESULTS": os.path.relpath(folder, os.path.dirname(os.path.abspath(output))),
    }.items():
        filled = filled.replace("{{" + key + "}}", value)
    with open(output, "w") as handle:
        handle.write(filled)


if __name__ == "__main__":
    main()
