"""The mCODE constraints the staging export declares, checked on one exported Bundle.

fhir.resources checks the FHIR R4 structure; this checks what the declared profiles add
(HL7/fhir-mCODE-ig tag 3.0.0: SD_Staging.fsh, SD_Staging_TNM.fsh, VS_Staging_TNM.fsh; the
grade profile from the 4.0.0 release: SD_Histology.fsh, VS_Other.fsh). It is our reading of
those files, kept small: element presence, cardinalities and the code lists the IG spells
out, not value-set expansions (that needs a terminology server).

check_bundle(bundle) -> [(label, [problem, ...]), ...], one row per resource.
"""

BASE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
AJCC = "http://cancerstaging.org"
NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
RELATED_CONDITION = BASE + "mcode-related-condition"

# profile -> (version, SNOMED CT codes of *StagingTypeVS, LOINC codes of *StagingTypeMaxVS)
TNM_PROFILES = {
    "mcode-tnm-stage-group": ("3.0.0", {"399390009", "399537006", "399588009"}, {"21908-9", "21902-2", "21914-7"}),
    "mcode-tnm-primary-tumor-category": ("3.0.0", {"78873005", "399504009", "384625004"}, {"21905-5", "21899-0", "21911-3"}),
    "mcode-tnm-regional-nodes-category": ("3.0.0", {"277206009", "399534004", "371494008"}, {"21906-3", "21900-6", "21912-1"}),
    "mcode-tnm-distant-metastases-category": ("3.0.0", {"277208005", "399387003", "371497001"}, {"21907-1", "21901-4", "21913-9"}),
}
GRADE_PROFILE = ("mcode-histologic-grade", "4.0.0")
# TNMStagingMethodVS (the staging systems): a grade's method must not be one of these.
TNM_METHODS = {"444256004", "443830009", "897275008", "1269566009"}


def codes(concept, system):
    return {c.get("code") for c in (concept or {}).get("coding", []) if c.get("system") == system}


def is_patient_reference(ref):
    return isinstance(ref, dict) and str(ref.get("reference", "")).startswith("Patient/")


def is_condition_reference(ref):
    if not isinstance(ref, dict):
        return False
    if str(ref.get("reference", "")).startswith("Condition/"):
        return True
    identifier = ref.get("identifier") or {}
    return ref.get("type") == "Condition" and bool(identifier.get("value"))


def value_or_absent(resource, problems, value_required=False):
    has_value = "valueCodeableConcept" in resource
    has_absent = "dataAbsentReason" in resource
    if has_value and has_absent:
        problems.append("obs-6: both a value and a dataAbsentReason")
    if not has_value and not has_absent:
        problems.append("neither a value nor a dataAbsentReason")
    if value_required and not has_value:
        problems.append("value[x] is 1..1")
    if has_value:
        value = resource["valueCodeableConcept"]
        if not value.get("coding") and not value.get("text"):
            problems.append("an empty valueCodeableConcept")
        for code in codes(value, AJCC):
            if not code or len(code) > 6:
                problems.append(f"AJCC code '{code}' is not in AJCC's short form")


def check_profile(resource, problems):
    profiles = (resource.get("meta") or {}).get("profile") or []
    if len(profiles) != 1:
        problems.append(f"expected one meta.profile, found {profiles}")
        return None
    canonical, _, version = profiles[0].partition("|")
    if not canonical.startswith(BASE):
        problems.append(f"profile {canonical} is not an mCODE profile")
        return None
    name = canonical[len(BASE):]
    expected = TNM_PROFILES[name][0] if name in TNM_PROFILES else GRADE_PROFILE[1] if name == GRADE_PROFILE[0] else None
    if expected is None:
        problems.append(f"unknown mCODE profile {name}")
    elif version != expected:
        problems.append(f"{name} is declared as version '{version}'; the IG release defining it is {expected}")
    return name


def check_tnm(name, resource, by_url, problems):
    _, snomed, loinc = TNM_PROFILES[name]
    if not codes(resource.get("code"), SNOMED) & snomed:
        problems.append(f"code has no SNOMED CT coding from {sorted(snomed)}")
    if not codes(resource.get("code"), LOINC) & loinc:
        problems.append(f"code has no LOINC coding from {sorted(loinc)}")
    if not codes(resource.get("method"), SNOMED) & TNM_METHODS:
        problems.append("method 1..1 from TNMStagingMethodVS is missing")
    focus = resource.get("focus") or []
    if name == "mcode-tnm-stage-group":
        if len(focus) != 1:
            problems.append(f"focus is 1..1 (STU3, FHIR-37575); found {len(focus)}")
        members = resource.get("hasMember") or []
        if len(members) > 3:
            problems.append("hasMember: at most 3 TNM categories")
        for member in members:
            target = by_url.get(member.get("reference"))
            target_profile = ((target or {}).get("meta") or {}).get("profile") or [""]
            if target is None or not target_profile[0].startswith(BASE + "mcode-tnm-") or "stage-group" in target_profile[0]:
                problems.append(f"hasMember {member.get('reference')} is not a TNM category in the Bundle")
    elif resource.get("hasMember"):
        problems.append("hasMember is not used on a TNM category")
    if any(not is_condition_reference(f) for f in focus):
        problems.append("focus must reference the primary cancer Condition")
    value_or_absent(resource, problems)


def check_grade(resource, problems):
    categories = [c for cat in resource.get("category") or [] for c in cat.get("coding", [])]
    if not any(c.get("system") == CATEGORY and c.get("code") == "laboratory" for c in categories):
        problems.append("category laboratory (US Core laboratory result) is missing")
    if "C18000" not in codes(resource.get("code"), NCIT):
        problems.append("code must be NCIT C18000")
    method = codes(resource.get("method"), SNOMED)
    if not method:
        problems.append("method (the histologic grading system) is missing")
    elif method & TNM_METHODS:
        problems.append("method is a staging system, not a histologic grading system")
    related = [e for e in resource.get("extension") or [] if e.get("url") == RELATED_CONDITION]
    if any(not is_condition_reference(e.get("valueReference")) for e in related):
        problems.append("relatedCondition must reference a Condition")
    value_or_absent(resource, problems, value_required=True)


def check_bundle(bundle):
    rows = []
    entries = bundle.get("entry") or []
    by_url = {e.get("fullUrl"): e.get("resource") for e in entries}
    for index, entry in enumerate(entries):
        resource = entry.get("resource") or {}
        label = f"entry/{index} {resource.get('resourceType')}/{resource.get('id')}"
        problems = []
        if resource.get("resourceType") != "Observation":
            rows.append((label, [f"unexpected {resource.get('resourceType')}"]))
            continue
        name = check_profile(resource, problems)
        if not is_patient_reference(resource.get("subject")):
            problems.append("subject (Reference(CancerPatient)) is missing")
        if resource.get("status") not in ("final", "amended", "corrected"):
            problems.append(f"status '{resource.get('status')}' is not a final one")
        if name in TNM_PROFILES:
            check_tnm(name, resource, by_url, problems)
        elif name == GRADE_PROFILE[0]:
            check_grade(resource, problems)
        rows.append((label, problems))
    return rows
