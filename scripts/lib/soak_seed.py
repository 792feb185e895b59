#!/usr/bin/env python3
"""Creates the cases that scripts/soak.sh reads, updates and evaluates under load.

  soak_seed.py BASE_URL CASE_FILE COUNT RUN_TAG OUT_FILE

Each case is CASE_FILE with externalId SOAK-<RUN_TAG>-SEED-<n>. OUT_FILE gets one line
per created case: "id externalId". Exits non-zero (and says why) unless every POST is 201.
"""
import http.client
import json
import sys
from urllib.parse import urlparse

base, case_file, count, run_tag, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
u = urlparse(base)
assert u.hostname == "127.0.0.1", "the soak only talks to the loopback address"
template = json.load(open(case_file))
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
lines = []
for n in range(count):
    case = dict(template, externalId="SOAK-%s-SEED-%d" % (run_tag, n))
    conn.request("POST", "/v1/cases", body=json.dumps(case).encode(), headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 201:
        sys.exit("seed %d: status %d: %s" % (n, resp.status, data[:200].decode("utf-8", "replace")))
    lines.append("%s %s\n" % (json.loads(data)["id"], case["externalId"]))
with open(out_path, "w") as out:
    out.writelines(lines)
print("seeded %d cases" % len(lines))
