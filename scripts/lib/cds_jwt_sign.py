#!/usr/bin/env python3
"""CDS Hooks JWTs signed with PyJWT, checked against the real binary.

  cds_jwt_sign.py keys WORK_DIR
      writes an ES384 (P-384) and an RS384 (RSA 2048) key pair and WORK_DIR/jwks.json with
      the public halves (kid "sign-ec", "sign-rsa"), plus a stray key of each kind that the
      JWKS does not hold.
  cds_jwt_sign.py check WORK_DIR BASE_URL ISSUER PUBLIC_BASE_URL
      calls the patient-view service with each token and checks the answer.

Prints "ok"/"FAIL" lines, then "N passed, M failed"; exits 1 on a failure.
"""
import http.client
import json
import os
import re
import sys
import time
import uuid
from urllib.parse import urlparse

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

SERVICE = "/cds-services/sarcoma-patient-view"
STAGE_IV = re.compile(r"(?i)\bstage\b.*\bIV\b")
KEYS = {"ES384": ("sign-ec", "ec"), "RS384": ("sign-rsa", "rsa")}


def generate(kind):
    return ec.generate_private_key(ec.SECP384R1()) if kind == "ec" else rsa.generate_private_key(65537, 2048)


def write_keys(work):
    jwks = []
    for alg, (kid, kind) in KEYS.items():
        for name in (kid, kid + "-stray"):
            key = generate(kind)
            pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
            with open(os.path.join(work, name + ".pem"), "wb") as handle:
                handle.write(pem)
            if name == kid:
                public = json.loads((ECAlgorithm if kind == "ec" else RSAAlgorithm).to_jwk(key.public_key()))
                public.update({"kid": kid, "alg": alg, "use": "sig"})
                jwks.append(public)
    with open(os.path.join(work, "jwks.json"), "w") as handle:
        json.dump({"keys": jwks}, handle)


def private_key(work, name):
    with open(os.path.join(work, name + ".pem"), "rb") as handle:
        return serialization.load_pem_private_key(handle.read(), password=None)


def patient_view_body():
    # A retroperitoneal dedifferentiated liposarcoma with a stated cM1: the answer to a good
    # token must be cards computed from it (stage IV), not a missing-data warning.
    return json.dumps({
        "hook": "patient-view", "hookInstance": str(uuid.uuid4()), "context": {"patientId": "p1"},
        "prefetch": {
            "patient": {"resourceType": "Patient", "id": "p1"},
            "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
                "resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
                "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
                               "valueCodeableConcept": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8858/3"}]}}],
                "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "82849001"}]}]}}]},
            "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
                "resourceType": "Observation", "id": "m", "status": "final", "subject": {"reference": "Patient/p1"},
                "code": {"coding": [{"system": "http://loinc.org", "code": "21907-1"}]},
                "valueCodeableConcept": {"coding": [{"system": "http://cancerstaging.org", "code": "cM1"}]}}}]}}}).encode()


def check(work, base, issuer, public_base):
    url = urlparse(base)
    assert url.hostname in ("127.0.0.1", "::1", "localhost"), "loopback only"
    passed = failed = 0

    def call(token):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = "Bearer " + token
        conn.request("POST", SERVICE, body=patient_view_body(), headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        try:
            answer = json.loads(data)
        except ValueError:
            answer = {}
        # A 200 must be cards computed from the prefetch (its M1 case is stage IV).
        if response.status == 200:
            cards = answer.get("cards") or []
            # The stage card's summary reads "Sarcoma stage: AJCC IV (...)" (pack 2026.12-1).
            staged = any(STAGE_IV.search(c.get("summary", "")) for c in cards)
            return response.status, "cards" if staged else "no stage IV card"
        return response.status, answer.get("type", "")

    def sign(alg, key_name=None, kid=None, **overrides):
        now = int(time.time())
        claims = {"iss": issuer, "aud": public_base + SERVICE, "iat": now, "exp": now + 300, "jti": str(uuid.uuid4())}
        claims.update(overrides)
        name = key_name or KEYS[alg][0]
        return jwt.encode(claims, private_key(work, name), algorithm=alg,
                          headers={"kid": kid or KEYS[alg][0], "typ": "JWT"})

    def expect(label, token, status, problem=None):
        nonlocal passed, failed
        got, kind = call(token)
        wanted = f"urn:sarcoma-guide:problem:{problem}" if problem else ("cards" if status == 200 else None)
        if got == status and (wanted is None or kind == wanted):
            passed += 1
            print(f"ok   {label}: {got}{' ' + problem if problem else ''}")
        else:
            failed += 1
            print(f"FAIL {label}: expected {status} {wanted or ''}, got {got} {kind}")

    for alg in KEYS:
        good = sign(alg)
        expect(f"{alg} good token", good, 200)
        expect(f"{alg} the same jti again", good, 401, "jwt-replayed")
        expect(f"{alg} wrong aud", sign(alg, aud=public_base + "/cds-services/another-service"), 401, "jwt-audience-mismatch")
        expect(f"{alg} wrong aud (another host)", sign(alg, aud="https://evil.example" + SERVICE), 401, "jwt-audience-mismatch")
        now = int(time.time())
        expect(f"{alg} expired", sign(alg, iat=now - 1200, exp=now - 900), 401, "jwt-expired")
        expect(f"{alg} signed by a key not in the JWKS (same kid)", sign(alg, key_name=KEYS[alg][0] + "-stray"), 401, "jwt-bad-signature")
        expect(f"{alg} unknown kid", sign(alg, key_name=KEYS[alg][0] + "-stray", kid="not-in-jwks"), 401, "jwt-unknown-key")
        expect(f"{alg} another issuer", sign(alg, iss="https://other-ehr.example/"), 401, "jwt-issuer-not-allowed")
    unsigned = jwt.encode({"iss": issuer, "aud": public_base + SERVICE, "exp": int(time.time()) + 300, "jti": str(uuid.uuid4())},
                          None, algorithm="none")
    expect("alg none", unsigned, 401)
    expect("no token", None, 401, "jwt-missing")
    print(f"{passed} passed, {failed} failed")
    return failed == 0


if __name__ == "__main__":
    if sys.argv[1] == "keys":
        write_keys(sys.argv[2])
    else:
        sys.exit(0 if check(*sys.argv[2:6]) else 1)
