#!/usr/bin/env python3
"""Hold many idle keep-alive connections to a server and measure what they cost it.

usage: idle_connections.py PORT PID [CONNECTIONS] [SECONDS]

Opens CONNECTIONS connections to 127.0.0.1:PORT, sends one `GET /health` on each and reads
the answer (so each is a kept-alive connection, not a half-open one), then leaves them idle
for SECONDS while reading the server's CPU time (utime + stime of /proc/PID/stat, all
threads) before and after. Then times a request on a new connection and one on a held
connection, and counts the held connections the server has closed. Prints one JSON object.
"""
import json
import os
import socket
import sys
import time

REQUEST = b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def read_answer(sock, deadline):
    """Reads one response to /health; True when it arrived before the deadline."""
    data = b""
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            return False
        if not chunk:
            return False
        data += chunk
        head, separator, body = data.partition(b"\r\n\r\n")
        if separator and b'"ok"' in body:
            return head.startswith(b"HTTP/1.1 200")
    return False


def timed_request(sock):
    start = time.monotonic()
    sock.sendall(REQUEST)
    ok = read_answer(sock, start + 5)
    return round((time.monotonic() - start) * 1000, 2) if ok else None


def still_open(sock):
    sock.setblocking(False)
    try:
        return sock.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0

    held = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.sendall(REQUEST)
        held.append(sock)
    answered = sum(read_answer(sock, time.monotonic() + 5) for sock in held)
    time.sleep(1)

    before, start = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    used, elapsed = cpu_seconds(pid) - before, time.monotonic() - start

    fresh = socket.create_connection(("127.0.0.1", port), timeout=5)
    fresh.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    new_ms = timed_request(fresh)
    fresh.close()
    held_ms = timed_request(held[0])
    open_after = sum(still_open(sock) for sock in held[1:]) + (held_ms is not None)
    for sock in held:
        sock.close()

    print(json.dumps({
        "connections": count, "answered": answered, "idle_seconds": round(elapsed, 2),
        "cpu_seconds": round(used, 3), "cpu_percent": round(100 * used / elapsed, 2),
        "new_connection_ms": new_ms, "held_connection_ms": held_ms, "still_open": open_after,
    }))


if __name__ == "__main__":
    main()
