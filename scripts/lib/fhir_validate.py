#!/usr/bin/env python3
"""Stores example cases in a running sarcoma-guide, exports each through GET
/v1/cases/{id}/fhir, and validates every exported resource with fhir.resources (FHIR R4
4.0.1 models) and with mcode_stu3_check (the mCODE constraints the export declares).

  fhir_validate.py BASE_URL REPO_ROOT

Cases: the README's case.json (the contract's example case), every FHIR
Bundle under Tests/FHIRMappingTests/Fixtures/sarcoma (imported), and a table below with one
case per AJCC 8 stage group and the exports without a value (TX, head and neck, assumed
N/M). Prints "ok"/"FAIL" lines and, last, "N passed, M failed"; exits 1 on a failure.
"""
import glob
import http.client
import json
import os
import sys
from urllib.parse import urlparse

import fhir.resources
from fhir.resources.bundle import Bundle
from fhir.resources.observation import Observation
from fhir.resources.operationoutcome import OperationOutcome

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mcode_stu3_check  # noqa: E402

base, root = sys.argv[1], sys.argv[2]
url = urlparse(base)
assert url.hostname in ("127.0.0.1", "::1", "localhost"), "loopback only"
passed = failed = 0


def ok(message):
    global passed
    passed += 1
    print(f"ok   {message}")


def fail(message):
    global failed
    failed += 1
    print(f"FAIL {message}")


def send(method, path, body=None, content_type="application/json", accept=None):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Content-Type": content_type} if body is not None else {}
    if accept:
        headers["Accept"] = accept
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def first_json_object(text, marker):
    start = text.index("{", text.index(marker))
    return json.JSONDecoder().raw_decode(text[start:])[0]


def tumor(**fields):
    return {"tumor": {"site": "extremity", **fields}}


# (label, case body, stage group the export must carry or None)
TABLE = [
    ("IA: T1 N0 M0 G1", tumor(sizeCm=4.0, grade=1, nodes="N0", metastasis="M0"), "IA"),
    ("IB: T2 N0 M0 G1", tumor(sizeCm=8.0, grade=1, nodes="N0", metastasis="M0"), "IB"),
    ("II: T1 N0 M0 G2", tumor(sizeCm=4.0, grade=2, nodes="N0", metastasis="M0"), "II"),
    ("IIIA: T2 N0 M0 G3", tumor(sizeCm=8.0, grade=3, nodes="N0", metastasis="M0"), "IIIA"),
    ("IIIB: T4 N0 M0 G2", tumor(sizeCm=16.0, grade=2, nodes="N0", metastasis="M0"), "IIIB"),
    ("IV: M1", tumor(sizeCm=6.0, grade=3, nodes="N0", metastasis="M1"), "IV"),
    ("assumed N0/M0", tumor(sizeCm=4.0, grade=1), "IA"),
    ("TX: no size", {"tumor": {"site": "trunk", "grade": 2}}, None),
    ("head and neck: no groups", {"tumor": {"site": "head_and_neck", "sizeCm": 3.0, "grade": 2}}, None),
    # Pack 2026.12-1 (contract delta §9): DFSP has no group; a recurrence shows rTNM in its texts.
    ("DFSP: not applicable", tumor(histology="dermatofibrosarcoma_protuberans", sizeCm=3.0, nodes="N0",
                                   metastasis="M0"), None),
    ("recurrence: rT1 N0 M0 G2", {**tumor(sizeCm=4.0, grade=2, nodes="N0", metastasis="M0"),
                                  "disease": {"presentation": "recurrent"}}, None),
]


def cases():
    readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    yield "README case.json", "case", json.dumps(first_json_object(readme, "$ cat case.json")), None
    for path in sorted(glob.glob(os.path.join(root, "Tests/FHIRMappingTests/Fixtures/sarcoma/*.json"))):
        yield os.path.basename(path), "bundle", open(path, encoding="utf-8").read(), None
    for label, body, group in TABLE:
        yield label, "case", json.dumps(body), group


def store(kind, body):
    path = "/v1/fhir/import" if kind == "bundle" else "/v1/cases"
    status, data = send("POST", path, body.encode(), "application/fhir+json" if kind == "bundle" else "application/json")
    answer = json.loads(data or b"{}")
    return status, answer.get("id"), answer.get("externalId")


def validate(label, bundle, expected_group):
    try:
        Bundle.parse_obj(bundle)
        ok(f"{label}: the Bundle is a valid FHIR R4 Bundle (fhir.resources {fhir.resources.__version__})")
    except Exception as error:  # pydantic's ValidationError, and anything the model raises
        fail(f"{label}: fhir.resources refuses the Bundle: {error}")
    for index, entry in enumerate(bundle.get("entry") or []):
        resource = entry.get("resource") or {}
        try:
            Observation.parse_obj(resource)
            ok(f"{label}: entry/{index} {resource.get('id')} is a valid R4 Observation")
        except Exception as error:
            fail(f"{label}: entry/{index} {resource.get('id')}: {error}")
    for resource_label, problems in mcode_stu3_check.check_bundle(bundle):
        if problems:
            fail(f"{label}: {resource_label}: mCODE: {'; '.join(problems)}")
        else:
            ok(f"{label}: {resource_label} meets the mCODE constraints")
    group = next((e["resource"] for e in bundle.get("entry", [])
                  if "399537006" in mcode_stu3_check.codes(e["resource"].get("code"), mcode_stu3_check.SNOMED)), {})
    text = (group.get("valueCodeableConcept") or {}).get("text")
    if expected_group is not None and text != f"Stage {expected_group}":
        fail(f"{label}: stage group is {text}, expected Stage {expected_group}")


for label, kind, body, expected in cases():
    status, case_id, external_id = store(kind, body)
    if status not in (200, 201) or not case_id:
        fail(f"{label}: storing it answered {status}")
        continue
    query = "patient=Patient/fhir-validate-1"
    if not external_id:
        # Without an externalId the export asks for the Condition (a 400 that says so).
        status, data = send("GET", f"/v1/cases/{case_id}/fhir?{query}")
        detail = json.loads(data or b"{}").get("detail", "")
        if status == 400 and "?condition=" in detail:
            ok(f"{label}: without externalId or ?condition the export asks for the Condition (400)")
        else:
            fail(f"{label}: without externalId or ?condition the export answered {status}")
        query += "&condition=Condition/fhir-validate-condition-1"
    status, data = send("GET", f"/v1/cases/{case_id}/fhir?{query}")
    if status != 200:
        fail(f"{label}: the export answered {status}: {data[:300]!r}")
        continue
    validate(label, json.loads(data), expected)

status, data = send("GET", f"/v1/cases/{case_id}/fhir")
if status == 400 and b"?patient=Patient/<id>" in data:
    ok("an export without ?patient asks for it (400)")
else:
    fail(f"an export without ?patient answered {status}")

# FHIR-native errors: the same refusal as problem+json and as OperationOutcome, which must
# be a valid R4 OperationOutcome carrying the same pointers and messages.
refused = json.dumps({"resourceType": "Bundle", "type": "history", "entry": [{"fullUrl": "x"}]}).encode()
_, problem = send("POST", "/v1/fhir/import", refused, "application/fhir+json")
status, data = send("POST", "/v1/fhir/import", refused, "application/fhir+json", accept="application/fhir+json")
errors = json.loads(problem).get("errors", [])
try:
    outcome = json.loads(data)
    OperationOutcome.parse_obj(outcome)
    issues = outcome.get("issue", [])
    same = [(i.get("location", [None])[0], i.get("diagnostics")) for i in issues] == [(e["pointer"], e["detail"]) for e in errors]
    if status == 422 and same and errors:
        ok("a refused import is a valid R4 OperationOutcome with the problem's pointers and messages")
    else:
        fail(f"the OperationOutcome ({status}) does not carry the problem's errors: {issues} vs {errors}")
except Exception as error:
    fail(f"the import's OperationOutcome is not valid R4: {error}")
for label, path, accept in [("Accept: application/fhir+xml", f"/v1/cases/{case_id}/fhir?patient=Patient/p1", "application/fhir+xml"),
                            ("_format=xml", f"/v1/cases/{case_id}/fhir?patient=Patient/p1&_format=xml", None)]:
    status, data = send("GET", path, accept=accept)
    try:
        OperationOutcome.parse_obj(json.loads(data))
        valid = True
    except Exception:
        valid = False
    if status == 406 and valid:
        ok(f"{label}: 406 as a valid R4 OperationOutcome")
    else:
        fail(f"{label}: answered {status} (valid OperationOutcome: {valid})")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
