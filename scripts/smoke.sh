#!/usr/bin/env bash
# Starts the built sarcoma-guide on a free port with a temporary database and exercises
# every endpoint with curl, checking status codes and bodies. Ends with "N passed, M failed".
# Usage: scripts/smoke.sh            (uses `swift build --show-bin-path`)
#        SMOKE_BINARY=path scripts/smoke.sh
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${SMOKE_BINARY:-$(cd "$root" && swift build --show-bin-path)/sarcoma-guide}"
work="$(mktemp -d)"
passed=0
failed=0
pid=""

cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT

ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

"$binary" serve --port 0 --database "$work/cases.sqlite" \
    --migrations "$root/Migrations" --guidelines "$root/Config/guidelines" \
    --openapi "$root/Config/openapi.json" >"$work/stdout.log" 2>"$work/stderr.log" &
pid=$!
base=""
for _ in $(seq 1 300); do
    line="$(grep -m1 '^listening on http://' "$work/stdout.log" 2>/dev/null || true)"
    if [ -n "$line" ]; then base="${line#listening on }"; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$base" ]; then
    echo "FAIL the service did not start"; cat "$work/stderr.log"
    echo "0 passed, 1 failed"; exit 1
fi
echo "smoke: service at $base"

# request NAME EXPECTED_STATUS METHOD PATH [BODY] [curl args...]: body saved in $work/body
request() {
    local name="$1" expected="$2" method="$3" path="$4" body="${5:-}"
    shift 5 2>/dev/null || shift $#
    local args=(-s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$method" "$base$path")
    if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
    local status
    status="$(curl "${args[@]}" "$@")"
    if [ "$status" = "$expected" ]; then ok "$name ($status)"; else fail "$name: expected $expected, got $status: $(head -c 300 "$work/body")"; fi
}

# body_check NAME PYTHON_EXPRESSION (on `b`, the parsed JSON body of the last request)
body_check() {
    if python3 -c "import json,sys; b=json.load(open('$work/body')); sys.exit(0 if ($2) else 1)" 2>/dev/null; then
        ok "$1"
    else
        fail "$1: $(head -c 300 "$work/body")"
    fi
}

header_check() {
    if grep -qi "^$2" "$work/headers"; then ok "$1"; else fail "$1: no '$2' in $(tr -d '\r' < "$work/headers" | tr '\n' '|')"; fi
}

case_json='{"externalId":"SMOKE-1","patient":{"ageYears":61,"sex":"female","ecog":1},"tumor":{"site":"extremity","sizeCm":12.5,"depth":"deep","histology":"myxofibrosarcoma","grade":3,"fnclcc":{"differentiation":3,"mitosesPer10Hpf":22,"necrosisPercent":30},"nodes":"N0","metastasis":"M0"},"disease":{"presentation":"primary","resectable":true},"pet":{"suvMaxBaseline":11.0,"suvMaxPostTherapy":5.5}}'

request "GET /health" 200 GET /health
body_check "health says ok" "b['status'] == 'ok'"
header_check "X-Request-ID on every answer" "X-Request-ID:"
request "GET /ready" 200 GET /ready
body_check "ready names the schema" "b['status'] == 'ready' and b['schemaVersion'] >= 2"
request "GET /openapi.json" 200 GET /openapi.json
body_check "OpenAPI 3.1" "b['openapi'].startswith('3.1') and '/v1/cases' in b['paths']"
request "GET /v1/guidelines" 200 GET /v1/guidelines
body_check "pack lists its rules" "any(r['id'] == 'STAGE-TE' for r in b['rules']) and b['guidelineVersion']"

request "POST /v1/validate" 200 POST /v1/validate "$case_json"
body_check "validate echoes the normalized case" "b['tumor']['site'] == 'extremity' and 'id' not in b"
request "POST /v1/validate unknown field" 422 POST /v1/validate '{"tumor":{"site":"trunk","sizecm":3}}'
body_check "422 points at the field" "b['errors'][0]['pointer'] == '/tumor/sizecm'"
header_check "problem+json" "Content-Type: application/problem+json"
request "POST /v1/validate malformed" 400 POST /v1/validate '{"tumor":'
request "POST /v1/validate out of scope" 422 POST /v1/validate '{"tumor":{"site":"trunk","histology":"kaposi_sarcoma"}}'

request "POST /v1/cases" 201 POST /v1/cases "$case_json"
header_check "Location on 201" "Location: /v1/cases/"
header_check "ETag on 201" "ETag:"
id="$(python3 -c "import json; print(json.load(open('$work/body'))['id'])" 2>/dev/null)"
etag="$(grep -i '^ETag:' "$work/headers" | cut -d' ' -f2- | tr -d '\r')"
request "POST /v1/cases duplicate" 409 POST /v1/cases "$case_json"
body_check "409 names the existing case" "b['existingId'] == '$id'"
request "GET /v1/cases/{id}" 200 GET "/v1/cases/$id"
body_check "stored case read back" "b['id'] == '$id' and b['version'] == 1"
request "GET /v1/cases/{id} If-None-Match" 304 GET "/v1/cases/$id" "" -H "If-None-Match: $etag"
updated="${case_json/12.5/13.5}"
request "PUT /v1/cases/{id}" 200 PUT "/v1/cases/$id" "$updated" -H "If-Match: $etag"
body_check "PUT bumps the version" "b['version'] == 2 and b['tumor']['sizeCm'] == 13.5"
request "PUT /v1/cases/{id} stale If-Match" 412 PUT "/v1/cases/$id" "$updated" -H "If-Match: $etag"
request "GET /v1/cases" 200 GET "/v1/cases?limit=10&site=extremity"
body_check "list finds the case" "len(b['items']) == 1 and b['nextCursor'] is None"
request "GET /v1/cases bad limit" 400 GET "/v1/cases?limit=0"

for kind in staging margins imaging perioperative palliative assessment; do
    request "POST /v1/$kind" 200 POST "/v1/$kind" "$case_json"
    body_check "$kind carries guidelineVersion and warnings" "b['guidelineVersion'] and isinstance(b['warnings'], list)"
    request "POST /v1/$kind text/plain" 200 POST "/v1/$kind" "$case_json" -H 'Accept: text/plain'
    request "GET /v1/cases/{id}/$kind" 200 GET "/v1/cases/$id/$kind"
    body_check "stored $kind is recorded" "b['evaluation']['caseId'] == '$id' and b['evaluation']['caseVersion'] == 2"
done
request "POST /v1/staging" 200 POST /v1/staging "$case_json"
body_check "staging T3 N0 M0 G3 -> IIIB (STAGE-TE)" "(b['t'], b['n'], b['m'], b['grade'], b['stageGroup']) == ('T3', 'N0', 'M0', 'G3', 'IIIB')"
request "POST /v1/margins" 200 POST /v1/margins "$case_json"
body_check "myxofibrosarcoma margin 2 cm (MARGIN-INFILTRATIVE-2CM)" "b['marginCm'] == 2 and any(r['ruleId'] == 'MARGIN-MDT' for r in b['recommendations'])"
request "GET /v1/cases/{id}/evaluations" 200 GET "/v1/cases/$id/evaluations"
body_check "six evaluations recorded" "len(b['items']) == 6"

# CDS Hooks (loopback, no tokens, no JWKS: the development mode serves unsigned calls).
request "GET /cds-services" 200 GET /cds-services
body_check "discovery lists both services" "[s['id'] for s in b['services']] == ['sarcoma-patient-view', 'sarcoma-order-select']"
request "OPTIONS /cds-services/{id}" 204 OPTIONS /cds-services/sarcoma-patient-view
cds_call='{"hook": "patient-view", "hookInstance": "smoke-1", "context": {"patientId": "p1"}, "prefetch": {"conditions": {"resourceType": "Condition", "id": "c1", "extension": [{"url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior", "valueCodeableConcept": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/icd-o-3", "code": "8811/3"}]}}], "code": {"text": "Myxofibrosarcoma"}, "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "61685007"}]}]}, "observations": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Observation", "id": "m", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "21907-1"}]}, "valueCodeableConcept": {"coding": [{"system": "http://cancerstaging.org", "code": "cM0"}]}}}, {"resource": {"resourceType": "Observation", "id": "n", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "21906-3"}]}, "valueCodeableConcept": {"coding": [{"system": "http://cancerstaging.org", "code": "cN0"}]}}}]}}}'
request "POST /cds-services/{id}" 200 POST /cds-services/sarcoma-patient-view "$cds_call"
body_check "patient-view answers cards naming the pack" "len(b['cards']) >= 3 and all(c['source']['label'] and len(c['summary']) < 140 for c in b['cards'])"
card="$(python3 -c "import json; print(json.load(open('$work/body'))['cards'][0]['uuid'])" 2>/dev/null || true)"
request "POST /cds-services/{id} without prefetch" 412 POST /cds-services/sarcoma-patient-view '{"hook": "patient-view", "hookInstance": "smoke-2", "context": {"patientId": "p1"}}'
request "POST /cds-services/{id} without context.patientId" 400 POST /cds-services/sarcoma-patient-view '{"hook": "patient-view", "hookInstance": "smoke-3", "context": {}}'
request "POST /cds-services/{id}/feedback" 200 POST /cds-services/sarcoma-patient-view/feedback "{\"feedback\": [{\"card\": \"$card\", \"outcome\": \"accepted\"}]}"
request "POST /cds-services/{id}/feedback on a card never issued" 422 POST /cds-services/sarcoma-patient-view/feedback '{"feedback": [{"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "accepted"}]}'
body_check "feedback 422 points at the card" "b['type'].endswith(':cds-feedback-invalid') and b['errors'][0]['pointer'] == '/feedback/0/card'"

request "GET /metrics" 200 GET /metrics
if grep -q 'sarcoma_guide_http_requests_total{method="POST",route="/v1/cases",status="201"} 1' "$work/body"; then ok "metrics count requests by route and status"; else fail "metrics: $(head -c 300 "$work/body")"; fi
request "unknown route" 404 GET /v1/nope
request "wrong method" 405 DELETE /health
header_check "405 has Allow" "Allow:"
request "DELETE /v1/cases/{id}" 204 DELETE "/v1/cases/$id"
request "GET deleted case" 404 GET "/v1/cases/$id"
request "GET /v1/audit?caseId" 200 GET "/v1/audit?caseId=$id&limit=200"
body_check "audit trail of the case, deleted included" "[r['action'] for r in b['items']][0] == 'create' and b['items'][-1]['action'] == 'delete' and sum(r['action'] == 'evaluate' for r in b['items']) == 6 and all(r['actor'] == '(local)' for r in b['items'])"
request "GET /v1/audit bad since" 400 GET "/v1/audit?since=yesterday"
request "POST /v1/audit" 405 POST /v1/audit '{}'

kill -TERM "$pid"
if wait "$pid"; then ok "SIGTERM exits 0"; else fail "SIGTERM exit status $?"; fi
pid=""
if grep -q 'SMOKE-1\|myxofibrosarcoma' "$work/stdout.log" "$work/stderr.log"; then fail "patient data in the logs"; else ok "no patient data in the logs"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
