#!/usr/bin/env python3
"""Proves from an strace log that every 2xx reply to a write is sent after the sync that
covers that write has returned.

  strace_check.py STRACE_LOG TOKENS_FILE

The log comes from `strace -f -tt -y -s 8192 -e trace=fsync,fdatasync,write,pwrite64,
sendmsg,writev,sendto` around the server while scripts/lib/write_burst.py ran (writes only,
each carrying a unique token). For each token answered 2xx:
  1. the first write/pwrite64 to the `-wal` file whose buffer contains the token: the WAL
     frames of the transaction that committed it (later frames may repeat the page);
  2. the first fsync/fdatasync of that WAL file that *starts* after that write returned
     (the sync that covers it), and its result must be 0;
  3. the first reply-carrying call (sendto/sendmsg/writev/write on a socket) whose buffer
     holds "HTTP/1.1 20" and the token: it must *start* after the sync returned.
Prints the figures and exits 1 on any violation or missing piece.
"""
import re
import sys
from datetime import datetime

LINE = re.compile(r'^(\d+)\s+(\d\d:\d\d:\d\d\.\d+)\s+(.*)$')
CALL = re.compile(r'^(\w+)\((.*)$')
RESUMED = re.compile(r'^<\.\.\. (\w+) resumed>(.*)$')
RESULT = re.compile(r'\)\s+=\s+(-?\d+|\?)(.*)$')


def seconds(stamp):
    t = datetime.strptime(stamp, "%H:%M:%S.%f")
    return t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6


def parse(path):
    calls, open_calls = [], {}
    with open(path, errors="replace") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            tid, stamp, rest = m.group(1), seconds(m.group(2)), m.group(3)
            r = RESUMED.match(rest)
            if r:
                call = open_calls.pop(tid, None)
                if call is None:
                    continue
                call["args"] += r.group(2)
                call["end"] = stamp
                res = RESULT.search(r.group(2))
                call["result"] = res.group(1) if res else "?"
                calls.append(call)
                continue
            c = CALL.match(rest)
            if not c:
                continue
            call = {"tid": tid, "name": c.group(1), "start": stamp, "end": stamp, "args": c.group(2), "result": "?"}
            if rest.endswith("<unfinished ...>"):
                open_calls[tid] = call
                continue
            res = RESULT.search(rest)
            call["result"] = res.group(1) if res else "?"
            calls.append(call)
    calls.sort(key=lambda c: c["start"])
    return calls


def main():
    log, tokens_file = sys.argv[1], sys.argv[2]
    tokens = [line.split()[0] for line in open(tokens_file) if line.strip()]
    calls = parse(log)
    wal_writes = [c for c in calls if c["name"] in ("write", "pwrite64") and "-wal>" in c["args"].split(",")[0]]
    syncs = [c for c in calls if c["name"] in ("fsync", "fdatasync") and "-wal>" in c["args"]]
    replies = [c for c in calls if c["name"] in ("sendto", "sendmsg", "writev", "write")
               and ("socket:" in c["args"].split(",")[0] or "TCP" in c["args"].split(",")[0])
               and "HTTP/1.1 20" in c["args"]]
    print("strace: %d syscalls parsed; %d WAL writes, %d WAL syncs (%s), %d 2xx replies" % (
        len(calls), len(wal_writes), len(syncs),
        ", ".join(sorted({s["name"] for s in syncs})) or "none", len(replies)))
    violations, missing, gaps = check(tokens, wal_writes, syncs, replies)
    if gaps:
        gaps.sort()
        print("strace: %d write replies checked, %d sent after their covering WAL sync returned "
              "(sync->reply gap min %.3f ms, median %.3f ms, max %.3f ms); %d WAL syncs for %d replies "
              "(group commit)" % (len(gaps), len(gaps) - len(violations), gaps[0] * 1e3, gaps[len(gaps) // 2] * 1e3,
                                  gaps[-1] * 1e3, len(syncs), len(gaps)))
    for line in (violations + missing)[:20]:
        print("  " + line)
    # Control: the same check with every sync made to return 1 s later must fail, so a pass
    # above is not vacuous.
    late = [dict(s, end=s["end"] + 1.0) for s in syncs]
    control, _, _ = check(tokens, wal_writes, late, replies)
    print("strace: %d violations, %d tokens not found; control (syncs delayed 1 s) flags %d of %d" % (
        len(violations), len(missing), len(control), len(tokens)))
    sys.exit(1 if violations or missing or not gaps or not control else 0)


def check(tokens, wal_writes, syncs, replies):
    violations, missing, gaps = [], [], []
    for token in tokens:
        frame = next((w for w in wal_writes if token in w["args"]), None)
        reply = next((r for r in replies if token in r["args"]), None)
        if frame is None or reply is None:
            missing.append("%s: %s" % (token, "no WAL write holds it" if frame is None else "no reply holds it"))
            continue
        sync = next((s for s in syncs if s["start"] >= frame["end"]), None)
        if sync is None:
            violations.append("%s: no WAL sync after its WAL write at %.6f" % (token, frame["end"]))
            continue
        if sync["result"] != "0":
            violations.append("%s: covering sync returned %s" % (token, sync["result"]))
        if reply["start"] < sync["end"]:
            violations.append("%s: reply sent at %.6f before the covering sync returned at %.6f" % (
                token, reply["start"], sync["end"]))
        gaps.append(reply["start"] - sync["end"])
    return violations, missing, gaps


if __name__ == "__main__":
    main()
