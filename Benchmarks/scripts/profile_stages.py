#!/usr/bin/env python3
"""Instructions per request per stage, from profile.sh's callgrind_annotate files.

usage: profile_stages.py N DIR

Reads DIR/cg-log-{false,true}-{health,assessment}.annotate.txt (inclusive counts,
demangled) and prints a Markdown table: instructions per request for every stage, for each
scenario, with the access log off and on. A stage's figure is, for each of its patterns,
the largest inclusive count of a function whose name matches it (a function and its
specialisations or thunks would otherwise be counted twice), summed over the patterns.
"""
import re
import sys

# (stage, patterns). Names are swift-demangle --simplified output; patterns are searched.
STAGES = [
    # One accept per client connection (one per run): amortised over N it is small.
    ("accept/epoll (user side)", [r"^epoll_wait$", r"(^| )SocketFD\.accept\(", r"(^| )ServerRuntime\.admit\("]),
    ("read (recv; the copy into the parser is inlined)", [r"^recv$"]),
    ("parse", [r"(^| )RequestParser\.nextHead\(", r"(^| )RequestParser\.nextBody\("]),
    ("request id", [r"(^| )RequestIDGenerator\.next\("]),
    ("route", [r"(^| )Router\.resolve\(method:path:"]),
    ("handler (access gate, endpoint, work; with JSON write)",
     [r"^partial apply for closure #\d+ in AccessGate\.guarding\("]),
    ("JSON write", [r"(^| )JSONWriter\.bytes\("]),
    ("response head + body copy", [r"(^| )ResponseSerializer\.append\("]),
    ("Date header (formatted once a second)", [r"(^| )HTTPDate\.format\(epochSeconds:"]),
    ("response send", [r"(^| )ServerRuntime\.write\(_:from:to:"]),
    ("metrics", [r"(^| )MetricsRegistry\.record\("]),
    ("access log line", [r"(^| )AccessLog\.write\("]),
]
LINE = re.compile(r"^\s*([\d,]+)\s+(?:\([\d.]+%\)\s+)?(.*?)\s*$")
LOCATION = re.compile(r"^(?:\?\?\?|[^:]*):(.*?)(?: \[[^\]]*\])?$")


def read_counts(path):
    """(total, {function: inclusive count})."""
    total, counts = 0, {}
    with open(path, errors="replace") as text:
        for raw in text:
            match = LINE.match(raw)
            if not match:
                continue
            count = int(match.group(1).replace(",", ""))
            rest = match.group(2)
            if rest.startswith("PROGRAM TOTALS"):
                total = count
                continue
            located = LOCATION.match(rest)
            name = located.group(1) if located else rest
            counts[name] = max(counts.get(name, 0), count)
    return total, counts


def stage_count(counts, patterns):
    result = 0
    for pattern in patterns:
        regex = re.compile(pattern)
        result += max((count for name, count in counts.items() if regex.search(name)), default=0)
    return result


def main():
    n, folder = int(sys.argv[1]), sys.argv[2]
    columns = [(scenario, log) for scenario in ("health", "assessment") for log in ("false", "true")]
    figures = {}
    for scenario, log in columns:
        total, counts = read_counts(f"{folder}/cg-log-{log}-{scenario}.annotate.txt")
        stages = {name: stage_count(counts, patterns) / n for name, patterns in STAGES}
        stages["handler without JSON write"] = stages["handler (access gate, endpoint, work; with JSON write)"] - stages["JSON write"]
        claimed = sum(value for name, value in stages.items() if name != "handler (access gate, endpoint, work; with JSON write)")
        stages["rest (worker loop, bookkeeping)"] = total / n - claimed
        stages["**total**"] = total / n
        figures[(scenario, log)] = stages
    order = [name for name, _ in STAGES if name != "handler (access gate, endpoint, work; with JSON write)"]
    order.insert(order.index("JSON write"), "handler without JSON write")
    order += ["rest (worker loop, bookkeeping)", "**total**"]
    print(f"instructions per request (callgrind, N={n} keep-alive requests one at a time)")
    print()
    print("| stage | GET /health, log off | log on | POST /v1/assessment, log off | log on |")
    print("|---|---:|---:|---:|---:|")
    for name in order:
        cells = [f"{figures[column][name]:,.0f}" for column in columns]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
