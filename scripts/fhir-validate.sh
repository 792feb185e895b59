#!/usr/bin/env bash
# Validates what GET /v1/cases/{id}/fhir exports with a tool no one here wrote: the real
# binary (port 0, temporary database) stores the example cases (the README's case.json, the
# FHIR Bundles under Tests/FHIRMappingTests/Fixtures/sarcoma, one case per stage group), each
# is exported, and every resource is validated with fhir.resources 6.1.0 (FHIR R4 4.0.1
# models) plus scripts/lib/mcode_stu3_check.py (the mCODE STU3 constraints the export
# declares). Ends with "N passed, M failed"; exits non-zero on a failure.
# Usage: scripts/fhir-validate.sh            (venv under .build/fhir-venv)
#
# Its own venv (scripts/fhir-venv-requirements.txt says why), shared with scripts/cds-jwt-sign.sh.
set -uo pipefail
WORK_PREFIX=sarcoma-fhir-validate
source "$(dirname "$0")/lib/common.sh"
find_binary
venv="${FHIR_VALIDATE_VENV:-$root/.build/fhir-venv}"
ensure_fhir_venv "$venv" || finish

start_server "$work/cases.sqlite" "$work/service" || { fail "the service did not start"; finish; }
echo "fhir-validate: service at $base"

"$venv/bin/python" "$root/scripts/lib/fhir_validate.py" "$base" "$root" | tee "$work/validate.log" | grep -v '^ok '
summary="$(tail -n 1 "$work/validate.log")"
if [[ "$summary" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
    fail "fhir_validate.py ended without a summary: $summary"
fi
kill -0 "$server_pid" 2>/dev/null && ok "the service is still up after the run" || fail "the service died: $(tail -c 500 "$work/service.err")"
finish
