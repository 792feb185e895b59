#!/usr/bin/env python3
"""Latency of a CDS Hooks patient-view call, unsigned (loopback development mode) and with
ES384 / RS384 JWTs verified, on one kept-alive connection, sequential calls.

Usage: scripts/cds-jwt-latency.py [N]   (SARCOMA_BINARY=path to test another build)
Needs python3 with `cryptography`. Keys are generated per run; databases go to a temp dir.
Prints one line per mode, then `N passed, M failed` (a failed mode = a non-200 answer)."""
import base64, json, os, subprocess, sys, tempfile, time, uuid, http.client, re
from cryptography.hazmat.primitives.asymmetric import ec, rsa, padding, utils
from cryptography.hazmat.primitives import hashes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("SARCOMA_BINARY", os.path.join(ROOT, ".build/debug/sarcoma-guide"))
N = int(sys.argv[1]) if len(sys.argv) > 1 else 500
PATH = "/cds-services/sarcoma-patient-view"
ISSUER, BASE = "https://bench.example/", "https://sts.bench.example"

def b64(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
def intb(n): return n.to_bytes((n.bit_length() + 7) // 8, "big")

eck, rsak = ec.generate_private_key(ec.SECP384R1()), rsa.generate_private_key(65537, 2048)
pn, rn = eck.public_key().public_numbers(), rsak.public_key().public_numbers()
work = tempfile.mkdtemp(prefix="cds-latency-")
jwks = os.path.join(work, "jwks.json")
json.dump({"keys": [{"kty": "EC", "crv": "P-384", "kid": "b-ec", "x": b64(pn.x.to_bytes(48, "big")), "y": b64(pn.y.to_bytes(48, "big"))},
                    {"kty": "RSA", "kid": "b-rsa", "n": b64(intb(rn.n)), "e": b64(intb(rn.e))}]}, open(jwks, "w"))

def start(name, extra):
    log = open(os.path.join(work, name + ".log"), "w+")
    proc = subprocess.Popen([BINARY, "--port", "0", "--database", os.path.join(work, name + ".sqlite"),
                             "--migrations", os.path.join(ROOT, "Migrations"), "--guidelines", os.path.join(ROOT, "Config/guidelines"),
                             "--openapi", os.path.join(ROOT, "Config/openapi.json"), "--access-log", "false"] + extra,
                            stdout=log, stderr=subprocess.STDOUT)
    for _ in range(100):
        time.sleep(0.1)
        log.seek(0)
        found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", log.read())
        if found: return proc, int(found.group(1))
    proc.kill(); sys.exit("server did not start: see " + log.name)

def token(alg):
    now = int(time.time())
    header = {"alg": alg, "typ": "JWT", "kid": "b-ec" if alg == "ES384" else "b-rsa"}
    claims = {"iss": ISSUER, "aud": BASE + PATH, "iat": now, "exp": now + 300, "jti": str(uuid.uuid4())}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    if alg == "ES384":
        r, s = utils.decode_dss_signature(eck.sign(signing_input.encode(), ec.ECDSA(hashes.SHA384())))
        signature = r.to_bytes(48, "big") + s.to_bytes(48, "big")
    else:
        signature = rsak.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA384())
    return signing_input + "." + b64(signature)

body = json.dumps({"hook": "patient-view", "hookInstance": "latency", "context": {"patientId": "p1"}, "prefetch": {"conditions": {
    "resourceType": "Condition", "id": "c1",
    "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                   "valueCodeableConcept": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8858/3"}]}}],
    "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "82849001"}]}]}}})

passed = failed = 0
dev, dev_port = start("unsigned", [])
signed, signed_port = start("signed", ["--cds-jwks-file", jwks, "--cds-issuers", ISSUER, "--public-base-url", BASE])
try:
    for mode, port in (("unsigned", dev_port), ("ES384", signed_port), ("RS384", signed_port)):
        tokens = [None if mode == "unsigned" else token(mode) for _ in range(N)]
        conn, latencies, ok = http.client.HTTPConnection("127.0.0.1", port), [], True
        for t in tokens:
            headers = {"Content-Type": "application/json"}
            if t: headers["Authorization"] = "Bearer " + t
            start_time = time.perf_counter()
            conn.request("POST", PATH, body, headers)
            response = conn.getresponse(); response.read()
            latencies.append(time.perf_counter() - start_time)
            ok = ok and response.status == 200
        latencies.sort()
        print(f"{mode:8} n={N} median={latencies[N // 2] * 1000:.2f} ms p95={latencies[int(N * 0.95)] * 1000:.2f} ms")
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
finally:
    dev.terminate(); signed.terminate(); dev.wait(); signed.wait()
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
