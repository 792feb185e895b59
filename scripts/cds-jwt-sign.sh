#!/usr/bin/env bash
# CDS Hooks JWTs signed by a library no one here wrote: PyJWT (with cryptography) signs
# ES384 and RS384 tokens, the real binary (port 0, temporary database) verifies them against
# the matching JWKS, and scripts/lib/cds_jwt_sign.py checks what is accepted and refused
# (good token, wrong aud, expired, replayed jti, wrong key, unknown kid, alg none).
# Ends with "N passed, M failed"; exits non-zero on a failure.
# Usage: scripts/cds-jwt-sign.sh              (venv under .build/fhir-venv, as fhir-validate.sh)
set -uo pipefail
WORK_PREFIX=sarcoma-cds-jwt-sign
source "$(dirname "$0")/lib/common.sh"
find_binary
venv="${FHIR_VALIDATE_VENV:-$root/.build/fhir-venv}"
ensure_fhir_venv "$venv" || finish

issuer="https://ehr.jwt-sign.example/"
public_base="https://sts.jwt-sign.example"
"$venv/bin/python" "$root/scripts/lib/cds_jwt_sign.py" keys "$work" || { fail "could not write the keys"; finish; }
start_server "$work/cases.sqlite" "$work/service" --cds-jwks-file "$work/jwks.json" --cds-issuers "$issuer" \
    --public-base-url "$public_base" || { fail "the service did not start"; finish; }
echo "cds-jwt-sign: service at $base"

"$venv/bin/python" "$root/scripts/lib/cds_jwt_sign.py" check "$work" "$base" "$issuer" "$public_base" | tee "$work/check.log"
summary="$(tail -n 1 "$work/check.log")"
if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
    fail "cds_jwt_sign.py ended without a summary: $summary"
fi
kill -0 "$server_pid" 2>/dev/null && ok "the service is still up after the run" || fail "the service died: $(tail -c 500 "$work/service.err")"
finish
