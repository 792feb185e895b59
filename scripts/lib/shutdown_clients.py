#!/usr/bin/env python3
"""Load for scripts/shutdown-under-load.sh (stdlib only, 127.0.0.1 only).

  shutdown_clients.py BASE OUT_JSON SIGNAL_FILE [--threads N] [--stuck]

- N load threads post cases on keep-alive connections until the server refuses them;
  every 201 is checked (externalId, sizeCm marker) and recorded as acknowledged.
- One slow client has a POST in flight when SIGTERM arrives: head and half the body are
  sent before, the rest 1 s after SIGTERM (SIGNAL_FILE appears); it must get its 201.
- With --stuck, one more client sends half a request and never finishes it (the drain
  timeout must end it, and the process must still exit 0).
- After SIGTERM, a prober opens new connections every 50 ms: each must be refused.
Writes OUT_JSON with the figures and the acknowledged externalIds; prints "ready" once the
load runs and the slow request is in flight.
"""
import argparse
import http.client
import json
import os
import socket
import threading
import time
from urllib.parse import urlparse

p = argparse.ArgumentParser()
p.add_argument("base")
p.add_argument("out")
p.add_argument("signal_file")
p.add_argument("--threads", type=int, default=6)
p.add_argument("--stuck", action="store_true")
p.add_argument("--idle", type=int, default=0, help="idle keep-alive connections held at SIGTERM")
args = p.parse_args()
u = urlparse(args.base)
assert u.hostname == "127.0.0.1"
addr = (u.hostname, u.port)
lock = threading.Lock()
acked, wrong, conn_errors, error_kinds, broken = {}, [], [0], {}, []
signalled = lambda: os.path.exists(args.signal_file)


def body(ext, size):
    return json.dumps({"externalId": ext, "tumor": {"site": "trunk", "sizeCm": size}}).encode()


def load(index):
    conn, n, refused_in_row = None, 0, 0
    while True:
        n += 1
        ext, size = "drain-%d-%d" % (index, n), 1 + n % 99
        try:
            if conn is None:
                conn = http.client.HTTPConnection(*addr, timeout=10)
            conn.request("POST", "/v1/cases", body=body(ext, size), headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            data = json.loads(r.read())
            if r.status == 201 and data.get("externalId") == ext and data.get("tumor", {}).get("sizeCm") == size:
                with lock:
                    acked[ext] = size
            else:
                with lock:
                    wrong.append("%s: %d %r" % (ext, r.status, data))
            if (r.getheader("Connection") or "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException, ValueError) as e:
            if conn is not None:
                conn.close()
            conn = None
            with lock:
                conn_errors[0] += 1
                kind = type(e).__name__ + (" after SIGTERM" if signalled() else " before SIGTERM")
                error_kinds[kind] = error_kinds.get(kind, 0) + 1
                if not isinstance(e, ConnectionRefusedError):
                    broken.append(ext)  # outcome unknown to the client: checked in the database
            if isinstance(e, ConnectionRefusedError) and signalled():
                return
            if not signalled():
                time.sleep(0.01)
            if signalled():
                refused_in_row += 1
                if refused_in_row > 50:
                    return


slow_result = {}


def slow_in_flight(ready):
    ext, size = "drain-slow", 42
    payload = body(ext, size)
    head = ("POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: %d\r\n\r\n" % len(payload)).encode()
    s = socket.create_connection(addr, timeout=15)
    s.sendall(head + payload[:20])
    ready.set()
    while not signalled():
        time.sleep(0.01)
    time.sleep(1.0)
    t0 = time.time()
    try:
        s.sendall(payload[20:])
        data = b""
        while b"\r\n\r\n" not in data or len(data) < data.find(b"\r\n\r\n") + 4 + content_length(data):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
        slow_result.update(status=status, seconds=round(time.time() - t0, 3),
                           closes="connection: close" in data.lower().decode("latin-1"))
        if status == 201:
            with lock:
                acked[ext] = size
    except OSError as e:
        slow_result.update(status=0, error=repr(e))
    s.close()


def content_length(data):
    for line in data.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


stuck_result = {}


def stuck(ready):
    s = socket.create_connection(addr, timeout=30)
    s.sendall(b"POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{\"tumor\":")
    ready.set()
    t0 = None
    try:
        while not signalled():
            time.sleep(0.01)
        t0 = time.time()
        data = s.recv(65536)  # returns when the server closes the connection
        stuck_result.update(closed_after=round(time.time() - t0, 3), got=data[:12].decode("latin-1"))
    except OSError as e:
        stuck_result.update(closed_after=round(time.time() - t0, 3) if t0 else None, error=repr(e))
    s.close()


idle_result = {}


def idle_holder(ready):
    """Idle connections (one request answered, then quiet) must be closed at once on SIGTERM."""
    import selectors
    socks = []
    for _ in range(args.idle):
        try:
            s = socket.create_connection(addr, timeout=5)
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            socks.append(s)
        except OSError:
            pass
    sel = selectors.DefaultSelector()
    for s in socks:
        s.recv(65536)  # the /health answer: the connection is now an idle keep-alive one
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
    ready.set()
    while not signalled():
        time.sleep(0.005)
    t0, closed, last = time.time(), 0, 0.0
    while closed < len(socks) and time.time() - t0 < 15:
        for key, _ in sel.select(timeout=0.5):
            try:
                data = key.fileobj.recv(65536)
            except OSError:
                data = b""
            if not data:
                sel.unregister(key.fileobj)
                key.fileobj.close()
                closed += 1
                last = time.time() - t0
    idle_result.update(held=len(socks), closed=closed, last_closed_after=round(last, 3))


probe_result = {"attempts": 0, "refused": 0, "accepted": 0, "other": []}


def prober():
    while not signalled():
        time.sleep(0.01)
    time.sleep(0.2)  # the signal is handled asynchronously: give the listener a moment to close
    end = time.time() + 30
    while time.time() < end:
        probe_result["attempts"] += 1
        try:
            s = socket.create_connection(addr, timeout=2)
            probe_result["accepted"] += 1
            s.close()
        except ConnectionRefusedError:
            probe_result["refused"] += 1
            if probe_result["refused"] >= 20 and os.path.exists(args.signal_file + ".exited"):
                break
        except OSError as e:
            probe_result["other"].append(repr(e))
        if os.path.exists(args.signal_file + ".exited"):
            break
        time.sleep(0.05)


ready_slow, ready_stuck, ready_idle = threading.Event(), threading.Event(), threading.Event()
threads = [threading.Thread(target=load, args=(i,)) for i in range(args.threads)]
threads.append(threading.Thread(target=slow_in_flight, args=(ready_slow,)))
if args.stuck:
    threads.append(threading.Thread(target=stuck, args=(ready_stuck,)))
else:
    ready_stuck.set()
threads.append(threading.Thread(target=prober))
if args.idle:
    threads.append(threading.Thread(target=idle_holder, args=(ready_idle,)))
else:
    ready_idle.set()
for t in threads:
    t.daemon = True
    t.start()
ready_slow.wait(10)
ready_stuck.wait(10)
ready_idle.wait(20)
time.sleep(0.3)
print("ready", flush=True)
for t in threads:
    t.join(60)
result = {"acked": acked, "wrong": wrong, "connectionErrors": conn_errors[0], "errorKinds": error_kinds, "broken": broken, "slow": slow_result, "idle": idle_result,
          "stuck": stuck_result, "probe": probe_result}
with open(args.out, "w") as f:
    json.dump(result, f)
print("clients: %d writes acknowledged, %d wrong answers, %d connection errors %r; in-flight slow POST: %r; "
      "idle connections: %r; stuck client: %r; new connections after SIGTERM: %d attempts, %d refused, %d accepted" % (
          len(acked), len(wrong), conn_errors[0], error_kinds, slow_result, idle_result or "-", stuck_result or "-",
          probe_result["attempts"], probe_result["refused"], probe_result["accepted"]), flush=True)
