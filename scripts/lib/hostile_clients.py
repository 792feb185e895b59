#!/usr/bin/env python3
"""Hostile and slow clients for scripts/hostile-clients.sh (stdlib only, 127.0.0.1 only).

  hostile_clients.py idle BASE N STOP_FILE        hold N idle connections until STOP_FILE exists
  hostile_clients.py probe BASE SECONDS OUT_JSON  normal requests every 0.1 s, latency figures
  hostile_clients.py disconnects BASE N           N of each mid-request / mid-response abort
  hostile_clients.py cycles BASE N                N connect/close cycles
  hostile_clients.py slowbody BASE N INTERVAL OUT_JSON
                                                  N POSTs declaring a 100 kB body, sent one byte
                                                  every INTERVAL s; when does the server drop each?
  hostile_clients.py overcapacity BASE HOLD EXTRA OUT_JSON
                                                  hold HOLD idle connections, then EXTRA requests
                                                  on new ones (expect 503 + Retry-After), then
                                                  release the held ones and ask again (expect 200)
"""
import http.client
import json
import os
import select
import socket
import struct
import sys
import time
from urllib.parse import urlparse

CASE = json.dumps({"externalId": None, "tumor": {"site": "extremity", "sizeCm": 6, "depth": "deep", "grade": 2}}).encode()


def address(base):
    u = urlparse(base)
    if u.hostname != "127.0.0.1":
        raise SystemExit("refusing non-loopback address %s" % base)
    return u.hostname, u.port


def connect(addr, rcvbuf=None, timeout=5):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(timeout)
    s.connect(addr)
    return s


def reset_close(s):
    """Close with RST instead of FIN (SO_LINGER 0)."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def idle(base, n, stop_file):
    addr = address(base)
    socks, failed = [], 0
    for _ in range(n):
        try:
            socks.append(connect(addr))
        except OSError:
            failed += 1
    print("idle: %d connections open, %d failed to connect" % (len(socks), failed), flush=True)
    while not os.path.exists(stop_file):
        time.sleep(0.1)
    # How many did the server keep open (a closed one reads EOF at once)?
    alive = 0
    for s in socks:
        s.setblocking(False)
        try:
            alive += 0 if s.recv(1) == b"" else 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
        s.close()
    print("idle: %d of %d still open when released" % (alive, len(socks)), flush=True)


def probe(base, seconds, out):
    """A normal client: fresh connection each time, GET /health then POST /v1/staging."""
    host, port = address(base)
    lat, failures, end = [], [], time.time() + seconds
    while time.time() < end:
        for method, path, body in (("GET", "/health", None), ("POST", "/v1/staging", CASE)):
            t0 = time.perf_counter()
            try:
                c = http.client.HTTPConnection(host, port, timeout=5)
                c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
                r = c.getresponse()
                r.read()
                c.close()
                if r.status != 200:
                    failures.append("%s %s: %d" % (method, path, r.status))
            except (OSError, http.client.HTTPException) as e:
                failures.append("%s %s: %r" % (method, path, e))
            lat.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.1)
    lat.sort()
    result = {"requests": len(lat), "failures": len(failures), "failureSamples": failures[:5],
              "p50": lat[len(lat) // 2] if lat else None,
              "p95": lat[int(len(lat) * 0.95)] if lat else None, "max": lat[-1] if lat else None}
    with open(out, "w") as f:
        json.dump(result, f)
    print("probe: %d requests, %d failed, latency p50 %.1f ms, p95 %.1f ms, max %.1f ms" % (
        result["requests"], result["failures"], result["p50"] or 0, result["p95"] or 0, result["max"] or 0), flush=True)


def disconnects(base, n):
    addr = address(base)
    host, port = addr
    kinds = {}

    def count(kind, fn):
        done = 0
        for _ in range(n):
            try:
                fn()
                done += 1
            except OSError:
                pass
        kinds[kind] = done

    def partial_head():
        s = connect(addr)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        s.close()

    def partial_body():
        s = connect(addr)
        s.sendall(b"POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 400\r\n\r\n" + CASE[:30])
        s.close()

    def partial_body_reset():
        s = connect(addr)
        s.sendall(b"POST /v1/staging HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 400\r\n\r\n{\"tumor\":")
        reset_close(s)

    def request_then_leave():
        s = connect(addr)
        s.sendall(b"POST /v1/staging HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(CASE) + CASE)
        s.close()

    def mid_response():
        # Small receive buffer and many pipelined requests for a 170 kB document: the server's
        # send blocks with output pending; then the client resets the connection.
        s = connect(addr, rcvbuf=4096)
        s.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 8)
        s.recv(1024)
        time.sleep(0.002)
        reset_close(s)

    def mid_response_fin():
        s = connect(addr, rcvbuf=4096)
        s.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 4)
        s.recv(1024)
        s.close()

    count("partial head then FIN", partial_head)
    count("partial body then FIN", partial_body)
    count("partial body then RST", partial_body_reset)
    count("request sent, reply never read", request_then_leave)
    count("mid-response RST", mid_response)
    count("mid-response FIN", mid_response_fin)
    print("disconnects: " + ", ".join("%s x%d" % kv for kv in kinds.items()), flush=True)


def cycles(base, n):
    addr = address(base)
    failed = 0
    t0 = time.time()
    for i in range(n):
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(5)
            s.connect(addr)
            s.close()
        except OSError:
            failed += 1
    print("cycles: %d connect/close cycles in %.1f s, %d failed to connect" % (n, time.time() - t0, failed), flush=True)
    return failed


def slowbody(base, n, interval, out):
    """Each connection sends a complete head with Content-Length: 100000, then trickles the
    body one byte every `interval` seconds. Records, per connection, when the server ended it
    (EOF, reset, or an answer) and with which status line; gives up after 120 s."""
    addr = address(base)
    head = (b"POST /v1/staging HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n{")
    socks, opened_at, failed = [], {}, 0
    for _ in range(n):
        try:
            s = connect(addr)
            s.sendall(head)
            s.setblocking(False)
            socks.append(s)
            opened_at[s.fileno()] = time.monotonic()
        except OSError:
            failed += 1
    print("slowbody: %d connections trickling a body, %d failed to connect" % (len(socks), failed), flush=True)
    ended, statuses, sent = {}, {}, 0
    live = list(socks)
    next_byte = time.monotonic() + interval
    deadline = time.monotonic() + 120
    while live and time.monotonic() < deadline:
        readable, _, _ = select.select(live, [], [], max(0.0, min(0.2, next_byte - time.monotonic())))
        for s in readable:
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            fd = s.fileno()
            ended[fd] = time.monotonic() - opened_at[fd]
            line = data.split(b"\r\n", 1)[0].decode("latin-1") if data else "closed without answer"
            statuses[line] = statuses.get(line, 0) + 1
            live.remove(s)
        if time.monotonic() >= next_byte:
            for s in list(live):
                try:
                    s.send(b" ")
                    sent += 1
                except OSError:
                    pass  # the server closed it; the next select reports EOF
            next_byte = time.monotonic() + interval
    for s in socks:
        s.close()
    times = sorted(ended.values())
    result = {"connections": len(socks), "dropped": len(times), "stillOpen": len(live), "bytesTrickled": sent,
              "firstDropS": times[0] if times else None, "lastDropS": times[-1] if times else None,
              "statuses": statuses}
    with open(out, "w") as f:
        json.dump(result, f)
    print("slowbody: %d of %d dropped by the server, after %.1f to %.1f s (%s); %d bytes trickled in all" % (
        len(times), len(socks), result["firstDropS"] or 0, result["lastDropS"] or 0,
        ", ".join("%s x%d" % kv for kv in statuses.items()), sent), flush=True)


def overcapacity(base, hold, extra, out):
    host, port = addr = address(base)
    held = []
    for _ in range(hold):
        s = connect(addr)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        held.append(s)
    # Each held connection got its answer and stays open (keep-alive): the server counts it.
    held_ok = 0
    for s in held:
        try:
            held_ok += 1 if s.recv(4096).startswith(b"HTTP/1.1 200") else 0
        except OSError:
            pass
    statuses, retry_after = {}, 0
    for _ in range(extra):
        try:
            c = http.client.HTTPConnection(host, port, timeout=5)
            c.request("GET", "/health")
            r = c.getresponse()
            r.read()
            statuses[r.status] = statuses.get(r.status, 0) + 1
            retry_after += 1 if r.getheader("Retry-After") else 0
            c.close()
        except (OSError, http.client.HTTPException) as e:
            statuses[type(e).__name__] = statuses.get(type(e).__name__, 0) + 1
    for s in held:
        s.close()
    after = None
    for _ in range(50):  # the server notices the closes within a moment
        time.sleep(0.1)
        try:
            c = http.client.HTTPConnection(host, port, timeout=5)
            c.request("GET", "/health")
            after = c.getresponse().status
            c.close()
        except (OSError, http.client.HTTPException):
            after = None
        if after == 200:
            break
    result = {"held": hold, "heldAnswered": held_ok, "extra": extra,
              "statuses": {str(k): v for k, v in statuses.items()}, "retryAfter": retry_after, "afterRelease": after}
    with open(out, "w") as f:
        json.dump(result, f)
    print("overcapacity: %d held (%d answered 200), %d more requests got %s, %d with Retry-After; after release: %s" % (
        hold, held_ok, extra, ", ".join("%s x%d" % kv for kv in statuses.items()), retry_after, after), flush=True)


def main():
    cmd, base = sys.argv[1], sys.argv[2]
    if cmd == "idle":
        idle(base, int(sys.argv[3]), sys.argv[4])
    elif cmd == "probe":
        probe(base, float(sys.argv[3]), sys.argv[4])
    elif cmd == "disconnects":
        disconnects(base, int(sys.argv[3]))
    elif cmd == "cycles":
        return 1 if cycles(base, int(sys.argv[3])) else 0
    elif cmd == "slowbody":
        slowbody(base, int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    elif cmd == "overcapacity":
        overcapacity(base, int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    return 0


if __name__ == "__main__":
    sys.exit(main())
