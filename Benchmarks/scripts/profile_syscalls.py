#!/usr/bin/env python3
"""Syscalls per keep-alive GET /health, from profile.sh's `strace -c -f` summaries.

usage: profile_syscalls.py N DIR

For each server (ours with the access log off and on, nginx with one worker), the run with
N extra requests minus the run without them, divided by N: what one more request costs.
"""
import re
import sys

ROW = re.compile(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:(\d+)\s+)?(\w+)\s*$")


def calls(path):
    result = {}
    with open(path) as text:
        for line in text:
            match = ROW.match(line)
            if match and match.group(3) != "total":
                result[match.group(3)] = int(match.group(1))
    return result


def main():
    n, folder = int(sys.argv[1]), sys.argv[2]
    servers = [
        ("sarcoma-guide, --access-log false", "strace-log-false"),
        ("sarcoma-guide, access log on", "strace-log-true"),
        ("nginx (1 worker, fixed body)", "nginx"),
    ]
    per = {}
    for label, tag in servers:
        base = calls(f"{folder}/{tag}.base.strace")
        full = calls(f"{folder}/{tag}.full.strace" if tag == "nginx" else f"{folder}/{tag}.strace")
        per[label] = {name: (full.get(name, 0) - base.get(name, 0)) / n for name in set(base) | set(full)}
    names = sorted({name for values in per.values() for name, value in values.items() if abs(value) >= 0.05})
    print(f"syscalls per keep-alive GET /health (strace -c -f, N={n}, minus a run without them)")
    print()
    print("| syscall | " + " | ".join(label for label, _ in servers) + " |")
    print("|---|" + "---:|" * len(servers))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{per[label].get(name, 0):.2f}" for label, _ in servers) + " |")
    totals = [sum(value for value in per[label].values()) for label, _ in servers]
    print("| **total** | " + " | ".join(f"**{value:.2f}**" for value in totals) + " |")


if __name__ == "__main__":
    main()
