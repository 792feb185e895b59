#!/usr/bin/env python3
"""Send N requests one after another on one keep-alive connection and read every answer.

usage: keepalive_client.py PORT PATH N [BODY_FILE...]

With BODY_FILEs the requests are `POST PATH` with those files in turn as the
`application/json` body, otherwise `GET PATH`. Used by profile.sh, where the server runs under callgrind or strace:
one request in flight at a time keeps the counts per request exact. Exits 1 on anything
but a 2xx answer or a closed connection, printing what went wrong.
"""
import socket
import sys


def request_bytes(path, body):
    if body is None:
        return f"GET {path} HTTP/1.1\r\nHost: profile\r\n\r\n".encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: profile\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def read_answer(sock, pending):
    """Reads one response (Content-Length framing); returns (status, the bytes after it)."""
    while b"\r\n\r\n" not in pending:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("keepalive_client: the server closed the connection")
        pending += chunk
    head, _, rest = pending.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("keepalive_client: the connection closed inside a body")
        rest += chunk
    return status, rest[length:]


def main():
    port, path, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    bodies = [open(name, "rb").read() for name in sys.argv[4:]] or [None]
    messages = [request_bytes(path, body) for body in bodies]
    sock = socket.create_connection(("127.0.0.1", port), timeout=600)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pending = b""
    for index in range(count):
        sock.sendall(messages[index % len(messages)])
        status, pending = read_answer(sock, pending)
        if not 200 <= status < 300:
            raise SystemExit(f"keepalive_client: {path} answered {status}")
    sock.close()


if __name__ == "__main__":
    main()
