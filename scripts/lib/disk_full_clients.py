#!/usr/bin/env python3
"""Clients for scripts/disk-full.sh (stdlib only, 127.0.0.1 only).

  disk_full_clients.py fill BASE PREFIX IDS_FILE OUT_JSON   4 threads POST cases until each sees a
                                                           507 (or 4,000 tries); appends the ids
                                                           answered 201 to IDS_FILE
  disk_full_clients.py post BASE EXTERNAL_ID IDS_FILE      one POST; prints status, Retry-After, type;
                                                           appends the id to IDS_FILE on 201
  disk_full_clients.py until BASE STATUS PREFIX IDS_FILE MAX
                                                           POSTs until one gets STATUS (at most MAX);
                                                           prints status, Retry-After, type, tries
  disk_full_clients.py check BASE IDS_FILE                 GET every id; prints "N of M found"
  disk_full_clients.py count BASE                          pages GET /v1/cases; prints the total
  disk_full_clients.py reads BASE CASE_ID MAX              GETs the case until one is not 200 (at most
                                                           MAX); prints the number of 200s, the last
                                                           status, and the number of answers that were
                                                           neither 200 nor 507
  disk_full_clients.py audited BASE CASE_ID                pages the case's audit trail; prints how
                                                           many rows record a read
"""
import http.client
import json
import sys
import threading
from urllib.parse import urlparse


def address(base):
    u = urlparse(base)
    if u.hostname != "127.0.0.1":
        raise SystemExit("refusing non-loopback address %s" % base)
    return u.hostname, u.port


def case(external_id):
    return json.dumps({
        "externalId": external_id,
        "patient": {"ageYears": 61, "sex": "female", "ecog": 1},
        "tumor": {"site": "extremity", "sizeCm": 12.5, "depth": "deep", "histology": "myxofibrosarcoma",
                  "fnclcc": {"differentiation": 3, "mitosesPer10Hpf": 22, "necrosisPercent": 30},
                  "nodes": "N0", "metastasis": "M0"},
        "disease": {"presentation": "primary", "resectable": True}}).encode()


def request(conn, method, path, body=None):
    conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
    r = conn.getresponse()
    data = r.read()
    return r.status, r.getheader("Retry-After"), data


def fill(base, prefix, ids_file, out):
    host, port = address(base)
    lock = threading.Lock()
    ids, statuses = [], {}

    def writer(n):
        conn = http.client.HTTPConnection(host, port, timeout=30)
        for i in range(4000):
            try:
                status, _, data = request(conn, "POST", "/v1/cases", case("%s-%d-%d" % (prefix, n, i)))
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    statuses[type(e).__name__] = statuses.get(type(e).__name__, 0) + 1
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
                continue
            with lock:
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status == 201:
                    ids.append(json.loads(data)["id"])
            if status == 507:
                break
        conn.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(ids_file, "a") as f:
        f.writelines(i + "\n" for i in ids)
    with open(out, "w") as f:
        json.dump({"created": len(ids), "statuses": statuses}, f)
    print("fill: %d cases created, answers %s" % (len(ids), ", ".join("%s x%d" % kv for kv in sorted(statuses.items()))),
          flush=True)


def post_one(conn, external_id, ids_file):
    status, retry_after, data = request(conn, "POST", "/v1/cases", case(external_id))
    if status == 201:
        with open(ids_file, "a") as f:
            f.write(json.loads(data)["id"] + "\n")
    kind = json.loads(data).get("type", "-") if status >= 400 else "-"
    return status, retry_after or "-", kind


def post(base, external_id, ids_file):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    print(*post_one(conn, external_id, ids_file))


def until(base, wanted, prefix, ids_file, most):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for tries in range(1, most + 1):
        answer = post_one(conn, "%s-%d" % (prefix, tries), ids_file)
        if answer[0] == wanted:
            break
    print(*answer, tries)


def check(base, ids_file):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    ids = [line.strip() for line in open(ids_file) if line.strip()]
    found = sum(1 for i in ids if request(conn, "GET", "/v1/cases/" + i)[0] == 200)
    print("%d of %d found" % (found, len(ids)))


def count(base):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    total, cursor = 0, None
    while True:
        status, _, data = request(conn, "GET", "/v1/cases?limit=200" + ("&cursor=" + cursor if cursor else ""))
        page = json.loads(data)
        total += len(page["items"])
        cursor = page.get("nextCursor")
        if not cursor:
            break
    print(total)


def reads(base, case_id, most):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    ok, status, others = 0, None, 0
    for _ in range(most):
        status = request(conn, "GET", "/v1/cases/" + case_id)[0]
        if status == 200:
            ok += 1
            continue
        if status != 507:
            others += 1
        break
    print(ok, status, others)


def audited(base, case_id):
    host, port = address(base)
    conn = http.client.HTTPConnection(host, port, timeout=30)
    total, cursor = 0, None
    while True:
        path = "/v1/audit?limit=200&caseId=" + case_id + ("&cursor=" + cursor if cursor else "")
        page = json.loads(request(conn, "GET", path)[2])
        total += sum(1 for row in page["items"] if row["action"] == "read")
        cursor = page.get("nextCursor")
        if not cursor:
            break
    print(total)


def main():
    cmd, base = sys.argv[1], sys.argv[2]
    if cmd == "fill":
        fill(base, sys.argv[3], sys.argv[4], sys.argv[5])
    elif cmd == "post":
        post(base, sys.argv[3], sys.argv[4])
    elif cmd == "until":
        until(base, int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6]))
    elif cmd == "check":
        check(base, sys.argv[3])
    elif cmd == "count":
        count(base)
    elif cmd == "reads":
        reads(base, sys.argv[3], int(sys.argv[4]))
    elif cmd == "audited":
        audited(base, sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
