#!/usr/bin/env python3
"""Concurrent writes with a unique token in each (for the strace proof of crash-test.sh).

  write_burst.py BASE_URL THREADS WRITES_PER_THREAD OUT_FILE

Each thread creates a case (externalId = token) and then updates it, changing the
externalId to a new token every time, so each write puts a unique string both into the
WAL and into its reply. OUT_FILE gets one line per 2xx reply: "token status".
Only writes are sent (no GET), so every 2xx reply the server sends is a reply to a write.
"""
import http.client
import json
import sys
import threading
from urllib.parse import urlparse

base, threads, per_thread, out_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
u = urlparse(base)
assert u.hostname == "127.0.0.1"
lines, lock, errors = [], threading.Lock(), []


def body(token, size):
    return json.dumps({"externalId": token, "tumor": {"site": "trunk", "sizeCm": size}}).encode()


def worker(index):
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    case_id, version = None, 0
    for n in range(per_thread):
        token = "stk%02d%04dx" % (index, n)
        try:
            if case_id is None:
                conn.request("POST", "/v1/cases", body=body(token, 1 + n % 99), headers={"Content-Type": "application/json"})
            else:
                conn.request("PUT", "/v1/cases/" + case_id, body=body(token, 1 + n % 99),
                             headers={"Content-Type": "application/json", "If-Match": '"%s-v%d"' % (case_id[:8], version)})
            resp = conn.getresponse()
            data = json.loads(resp.read())
        except (OSError, http.client.HTTPException, ValueError) as e:
            with lock:
                errors.append("%s: %r" % (token, e))
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            continue
        if resp.status in (200, 201):
            case_id, version = data["id"], data["version"]
            with lock:
                lines.append("%s %d" % (token, resp.status))
        else:
            with lock:
                errors.append("%s: status %d" % (token, resp.status))
    conn.close()


ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
with open(out_path, "w") as f:
    f.write("\n".join(lines) + "\n")
print("write burst: %d writes answered 2xx, %d failed" % (len(lines), len(errors)))
for e in errors[:5]:
    print("  " + e)
sys.exit(1 if errors else 0)
