#!/usr/bin/env python3
"""Clients for scripts/crash-test.sh (stdlib only).

  crash_clients.py run    --base-file F --stop-file S --journal J [--threads N] [--run-id R]
  crash_clients.py verify --base URL --journal J --externals FILE

`run`: N threads create cases and update their own cases (PUT with If-Match) while the
server is SIGKILLed and restarted (its current base URL is re-read from F after every
connection error). Each thread remembers, per case, the last state it knows for sure
(answered 2xx, or read back after an unanswered write) and at most one write whose outcome
it does not know (connection dropped). Before touching a case with an unknown outcome it
resolves it (GET, or the same POST again -> 409 existingId). Every answer that arrives is
checked: status, version and the marker field (`tumor.sizeCm`, unique per write of a
case). A connection error is the only acceptable failure; anything else is a wrong answer.

`--unavailable-is-unknown` (PostgreSQL restarted under load): a 503 to a write means its
outcome is unknown (PostgreSQL may have gone away during COMMIT), so the write is resolved
like a dropped connection instead of counted as refused; a 503 to a read is retried.

`verify`: reads every case back and checks it equals the last acknowledged state, or the
one unanswered write that followed it. `--externals` is the list of externalIds found in
the database (sqlite3), to show that no unknown case appeared.
"""
import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
from urllib.parse import urlparse

MAX_MARKER = 100  # tumor.sizeCm accepts (0, 100]; marker k is sizeCm = k


def case_body(external_id, marker):
    return json.dumps({"externalId": external_id,
                       "tumor": {"site": "extremity", "sizeCm": marker, "depth": "deep"}}).encode()


def etag(case_id, version):
    return '"%s-v%d"' % (case_id[:8], version)


class Link:
    """One keep-alive HTTP connection that follows the server's current address."""

    def __init__(self, base_file=None, base=None, timeout=5.0):
        self.base_file, self.base, self.timeout = base_file, base, timeout
        self.conn = None

    def _connect(self):
        base = self.base
        if self.base_file:
            try:
                with open(self.base_file) as f:
                    base = f.read().strip()
            except OSError:
                base = ""
        if not base:
            raise ConnectionRefusedError("server not up")
        u = urlparse(base)
        if u.hostname != "127.0.0.1":
            raise SystemExit("refusing to talk to a non-loopback address: %s" % base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=self.timeout)

    def request(self, method, path, body=None, headers=None):
        """(status, headers dict, parsed JSON or None). Raises OSError/HTTPException on
        connection trouble (the connection is then dropped)."""
        if self.conn is None:
            self._connect()
        h = {"Content-Type": "application/json"} if body is not None else {}
        h.update(headers or {})
        try:
            self.conn.request(method, path, body=body, headers=h)
            resp = self.conn.getresponse()
            raw = resp.read()
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            if hdrs.get("connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        data = None
        if raw:
            try:
                data = json.loads(raw)
            except ValueError:
                data = {"_unparsable": raw[:200].decode("latin-1")}
        return resp.status, hdrs, data

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
        self.conn = None


class Case:
    def __init__(self, external_id):
        self.external_id = external_id
        self.id = None
        self.known = None       # (version, marker) known for sure; None = not created yet
        self.known_acked = False
        self.pending = None     # unanswered write: ("create"|"update", version, marker)
        self.next_marker = 1
        self.rejected = []      # markers of writes answered with an error
        self.evaluations = []   # ids of recorded evaluations answered 200 (also writes)


class Client(threading.Thread):
    def __init__(self, index, args, stats, lock):
        super().__init__(daemon=True)
        self.index, self.args, self.stats, self.lock = index, args, stats, lock
        self.link = Link(base_file=args.base_file)
        self.cases = []
        self.rng = random.Random(index * 7919 + int(time.time()))
        self.serial = 0

    def bump(self, key, n=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    def wrong(self, what):
        with self.lock:
            self.stats.setdefault("wrong_answers", []).append("client %d: %s" % (self.index, what))

    def stopping(self):
        return os.path.exists(self.args.stop_file)

    def unknown_outcome(self, status):
        """True (after a short pause) for a 503 that leaves the write pending: see the flag."""
        if status != 503 or not self.args.unavailable_is_unknown:
            return False
        self.bump("unavailable_answers")
        time.sleep(0.05)
        return True

    def run(self):
        while not self.stopping():
            try:
                self.step()
            except (OSError, http.client.HTTPException):
                self.bump("connection_errors")
                time.sleep(0.02)
        # Last chance to settle unknown outcomes while the final server is up.
        deadline = time.time() + 10
        for case in self.cases:
            while case.pending and time.time() < deadline:
                try:
                    self.resolve(case)
                except (OSError, http.client.HTTPException):
                    time.sleep(0.05)

    def step(self):
        unresolved = [c for c in self.cases if c.pending]
        if unresolved:
            self.resolve(unresolved[0])
            return
        live = [c for c in self.cases if c.known and c.next_marker <= MAX_MARKER]
        if len(live) < 3 or self.rng.random() < 0.35:
            self.serial += 1
            case = Case("crash-%s-%d-%d" % (self.args.run_id, self.index, self.serial))
            self.cases.append(case)
            self.create(case)
        elif self.rng.random() < 0.2:
            self.evaluate(self.rng.choice(live))
        elif self.rng.random() < 0.08:
            self.doomed_write(self.rng.choice(live))
        else:
            self.update(self.rng.choice(live))

    def doomed_write(self, case):
        """A write that must be refused (stale If-Match 412, unknown field 422, duplicate
        externalId 409) and must leave no trace: its marker must never be seen."""
        version, _ = case.known
        marker = case.next_marker
        case.next_marker += 1
        case.rejected.append(marker)
        self.bump("writes_sent")
        choice = self.rng.randrange(3)
        if choice == 0 and version > 1:
            expected = 412
            status, _, body = self.link.request(
                "PUT", "/v1/cases/%s" % case.id, case_body(case.external_id, marker),
                headers={"If-Match": etag(case.id, version - 1)})
        elif choice == 1:
            expected = 409
            status, _, body = self.link.request("POST", "/v1/cases", case_body(case.external_id, marker))
        else:
            expected = 422
            bad = json.loads(case_body(case.external_id, marker))
            bad["tumor"]["sizeCM"] = 3
            status, _, body = self.link.request(
                "PUT", "/v1/cases/%s" % case.id, json.dumps(bad).encode(), headers={"If-Match": etag(case.id, version)})
        if status == expected or self.unknown_outcome(status):
            self.bump("error_answers")
        else:
            self.wrong("refused write on %s: expected %d, got %d %r" % (case.id, expected, status, body))

    def evaluate(self, case):
        """GET /v1/cases/{id}/staging records an evaluation: a write whose 200 must be durable."""
        self.bump("writes_sent")
        status, hdrs, body = self.link.request("GET", "/v1/cases/%s/staging" % case.id)
        meta = body.get("evaluation") if isinstance(body, dict) else None
        if status == 200 and isinstance(meta, dict) and meta.get("caseId") == case.id \
                and meta.get("caseVersion") == case.known[0] and hdrs.get("x-evaluation-id") == meta.get("id"):
            case.evaluations.append(meta["id"])
            self.bump("acked_writes")
            self.bump("acked_evaluations")
        elif status in (503, 507):
            self.bump("error_answers")
        else:
            self.wrong("GET %s/staging: status %d %r" % (case.id, status, body))

    def create(self, case):
        marker = case.next_marker
        case.next_marker += 1
        case.pending = ("create", 1, marker)
        self.bump("writes_sent")
        status, hdrs, body = self.link.request("POST", "/v1/cases", case_body(case.external_id, marker))
        self.on_create_answer(case, marker, status, body)

    def on_create_answer(self, case, marker, status, body, resolving=False):
        if status == 201:
            if not (isinstance(body, dict) and body.get("externalId") == case.external_id
                    and body.get("version") == 1 and body.get("tumor", {}).get("sizeCm") == marker):
                self.wrong("POST %s: 201 with unexpected body %r" % (case.external_id, body))
            case.id, case.known, case.known_acked, case.pending = body.get("id"), (1, marker), True, None
            self.bump("acked_writes")
        elif status == 409 and resolving and isinstance(body, dict) and body.get("existingId"):
            case.id = body["existingId"]
            self.read_back(case)
        elif self.unknown_outcome(status):
            pass  # still pending: the same POST again decides (201, or 409 with the id)
        else:
            # A definitive error answer: the create must not have happened.
            case.rejected.append(marker)
            case.pending = None
            self.bump("error_answers")
            if status not in (503, 507):
                self.wrong("POST %s: status %d %r" % (case.external_id, status, body))

    def update(self, case):
        version, _ = case.known
        marker = case.next_marker
        case.next_marker += 1
        case.pending = ("update", version + 1, marker)
        self.bump("writes_sent")
        status, hdrs, body = self.link.request(
            "PUT", "/v1/cases/%s" % case.id, case_body(case.external_id, marker),
            headers={"If-Match": etag(case.id, version)})
        if status == 200:
            if not (isinstance(body, dict) and body.get("id") == case.id and body.get("version") == version + 1
                    and body.get("tumor", {}).get("sizeCm") == marker):
                self.wrong("PUT %s: 200 with unexpected body %r" % (case.id, body))
            case.known, case.known_acked, case.pending = (version + 1, marker), True, None
            self.bump("acked_writes")
        elif self.unknown_outcome(status):
            pass  # still pending: a read decides
        else:
            case.rejected.append(marker)
            case.pending = None
            self.bump("error_answers")
            if status not in (503, 507):
                self.wrong("PUT %s v%d: status %d %r" % (case.id, version, status, body))

    def resolve(self, case):
        kind, version, marker = case.pending
        if kind == "create" and case.id is None:
            # Same POST again: 201 if the first never landed, 409 existingId if it did.
            status, hdrs, body = self.link.request("POST", "/v1/cases", case_body(case.external_id, marker))
            self.on_create_answer(case, marker, status, body, resolving=True)
            return
        self.read_back(case)

    def read_back(self, case):
        status, hdrs, body = self.link.request("GET", "/v1/cases/%s" % case.id)
        if self.unknown_outcome(status):
            return  # still pending: read again later
        if status != 200 or not isinstance(body, dict):
            self.wrong("GET %s after an unanswered write: status %d %r" % (case.id, status, body))
            case.pending = None
            return
        seen = (body.get("version"), body.get("tumor", {}).get("sizeCm"))
        allowed = [s for s in (case.known, case.pending and case.pending[1:]) if s]
        if seen not in allowed:
            self.wrong("GET %s: saw %r, expected one of %r" % (case.id, seen, allowed))
        elif seen != case.known:
            self.bump("unanswered_writes_applied")
        else:
            self.bump("unanswered_writes_not_applied")
        case.known, case.known_acked, case.pending = seen, seen == case.known and case.known_acked, None


def run(args):
    stats, lock = {}, threading.Lock()
    clients = [Client(i, args, stats, lock) for i in range(args.threads)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    journal = {"stats": stats, "cases": []}
    for c in clients:
        for case in c.cases:
            journal["cases"].append({
                "externalId": case.external_id, "id": case.id, "known": case.known,
                "knownAcked": case.known_acked, "pending": case.pending, "rejected": case.rejected,
                "evaluations": case.evaluations})
    with open(args.journal, "w") as f:
        json.dump(journal, f)
    s = stats
    print("clients: writes sent %d (%d evaluations acknowledged), acknowledged %d, error answers (412/409/422 by design) %d, connection errors %d, "
          "unanswered writes found applied %d / not applied %d, 503 answers %d, wrong answers %d" % (
              s.get("writes_sent", 0), s.get("acked_evaluations", 0), s.get("acked_writes", 0), s.get("error_answers", 0),
              s.get("connection_errors", 0), s.get("unanswered_writes_applied", 0),
              s.get("unanswered_writes_not_applied", 0), s.get("unavailable_answers", 0),
              len(s.get("wrong_answers", []))))
    for w in s.get("wrong_answers", [])[:20]:
        print("  wrong answer: " + w)


def verify(args):
    with open(args.journal) as f:
        journal = json.load(f)
    link = Link(base=args.base)
    lost, wrong, checked, acked_cases, evaluations_checked = [], [], 0, 0, 0
    by_external = {}
    for case in journal["cases"]:
        by_external[case["externalId"]] = case
        known = tuple(case["known"]) if case["known"] else None
        pending = case["pending"]
        if known and case["knownAcked"]:
            acked_cases += 1
        if case["id"] is None:
            continue  # never created as far as the client knows (checked below via externals)
        status, _, body = link.request("GET", "/v1/cases/%s" % case["id"])
        checked += 1
        if status == 404:
            if known:
                lost.append("%s (%s): gone, last known v%d" % (case["externalId"], case["id"], known[0]))
            continue
        if status != 200 or not isinstance(body, dict):
            wrong.append("%s: GET status %d" % (case["id"], status))
            continue
        seen = (body.get("version"), body.get("tumor", {}).get("sizeCm"))
        allowed = [s for s in (known, tuple(pending[1:]) if pending else None) if s]
        if case["evaluations"]:
            recorded, cursor = set(), None
            while True:
                path = "/v1/cases/%s/evaluations?limit=200" % case["id"] + ("&cursor=" + cursor if cursor else "")
                st, _, page = link.request("GET", path)
                if st != 200:
                    wrong.append("%s: evaluations list status %d" % (case["id"], st))
                    break
                recorded.update(item["id"] for item in page["items"])
                cursor = page.get("nextCursor")
                if not cursor:
                    break
            missing_evaluations = [e for e in case["evaluations"] if e not in recorded]
            evaluations_checked += len(case["evaluations"])
            if missing_evaluations:
                lost.append("%s: %d acknowledged evaluations missing" % (case["id"], len(missing_evaluations)))
        if seen in allowed:
            continue
        if known and isinstance(seen[0], int) and seen[0] < known[0]:
            lost.append("%s: has v%d marker %r, acknowledged v%d marker %r" % (case["id"], seen[0], seen[1], known[0], known[1]))
        elif seen[1] in case["rejected"]:
            wrong.append("%s: holds marker %r of a write answered with an error" % (case["id"], seen[1]))
        else:
            wrong.append("%s: holds %r, expected one of %r" % (case["id"], seen, allowed))
    # Cases in the database the clients know nothing of, or whose create they were told failed.
    phantom = []
    if args.externals:
        with open(args.externals) as f:
            for line in f:
                ext = line.strip()
                if not ext.startswith("crash-"):
                    continue
                case = by_external.get(ext)
                if case is None or (case["id"] is None and not case["pending"]):
                    phantom.append(ext)
    acked = journal["stats"].get("acked_writes", 0)
    print("verify: %d cases read back; acknowledged writes %d (cases with an acknowledged state %d, "
          "recorded evaluations %d); lost writes %d; wrong states %d; unknown cases in the database %d" % (
              checked, acked, acked_cases, evaluations_checked, len(lost), len(wrong), len(phantom)))
    for line in (lost + wrong + phantom)[:20]:
        print("  " + line)
    result = {"acked": acked, "lost": len(lost), "wrong": len(wrong), "phantom": len(phantom),
              "wrong_answers": len(journal["stats"].get("wrong_answers", []))}
    with open(args.journal + ".verdict", "w") as f:
        json.dump(result, f)
    return 0 if not (lost or wrong or phantom) else 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base-file", required=True)
    r.add_argument("--stop-file", required=True)
    r.add_argument("--journal", required=True)
    r.add_argument("--threads", type=int, default=8)
    r.add_argument("--run-id", default=str(os.getpid()))
    r.add_argument("--unavailable-is-unknown", action="store_true")
    v = sub.add_parser("verify")
    v.add_argument("--base", required=True)
    v.add_argument("--journal", required=True)
    v.add_argument("--externals")
    args = p.parse_args()
    if args.cmd == "run":
        run(args)
        return 0
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
