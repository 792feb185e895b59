import JSON
import SarcomaGuidelines

/// The service's AJCC 8 staging of a stored case as mCODE Observations in a FHIR R4 Bundle
/// of type collection: the stage group (with `hasMember` T, N, M), the T, N and M categories
/// (profiles and codes of mCODE STU3, `MCODEProfiles`, `TNMExportCodes`), and the histologic
/// grade (mCODE STU4 HistologicGrade: STU3 has none).
///
/// Every Observation has `subject` (the patient) and names the primary cancer Condition
/// (`focus` on the staging ones, STU3's 1..1 on the stage group; the RelatedCondition
/// extension on the grade). Codes carry SNOMED CT and LOINC; values carry a SNOMED CT coding
/// where `TNMExportCodes` / `StageGroupCodes` list one, an AJCC (`http://cancerstaging.org`)
/// coding for the groups `StageGroupCodes.ajcc` lists, always the service's own coding
/// (`StageGroupCodes.serviceSystem`) and a text. The service's stage is exported as a
/// clinical stage: it is computed from the case as sent, for planning treatment. A null stage
/// group is an Observation with `dataAbsentReason` and the engine's reason, never a made-up
/// value; so is an N or M the engine assumed (`nodesDefaulted` / `metastasisDefaulted`): a
/// default is not a finding, and the stage group computed with it says so in its `note`.
///
/// Pack 2026.12-1 (contract delta §9): the stage group is the AJCC group, never the planning
/// group; DFSP has none (`dataAbsentReason` not-applicable, the DFSP reason as text); a
/// recurrence keeps the codes (mCODE defines no rTNM code) and shows `displayTnm` with its `r`
/// prefix in the value texts and the stage group's narrative.
public struct FHIRStagingExport: Sendable {
    public var caseId: String
    /// `Patient/<id>`: every exported Observation's `subject` (mCODE: CancerPatient).
    public var patientReference: String
    /// The primary cancer Condition the staging is about.
    public var condition: PrimaryConditionReference
    /// When the staged facts were recorded (the case's `updatedAt`), for `effectiveDateTime`.
    public var effective: String?

    public init(
        caseId: String, patientReference: String, condition: PrimaryConditionReference, effective: String? = nil
    ) {
        self.caseId = caseId
        self.patientReference = patientReference
        self.condition = condition
        self.effective = effective
    }

    /// The Bundle for `staging`, the engine's staging answer (`t`, `n`, `m`, `grade`,
    /// `stageGroup`, `stageGroupReason`, `siteGroup`, `guidelineVersion`; from a contract-2 pack
    /// also `classification`, `displayTnm` and the rule ids of its `recommendations`).
    public func bundle(staging: JSONValue) -> JSONValue {
        let recurrence = staging["classification"]?.stringValue == "recurrence"
        let displayTnm = staging["displayTnm"]?.stringValue
        let prefix = recurrence ? "r" : "c"
        let t = staging["t"]?.stringValue ?? "TX"
        let n = staging["n"]?.stringValue
        let m = staging["m"]?.stringValue
        let nodesDefaulted = staging["nodesDefaulted"]?.boolValue ?? false
        let metastasisDefaulted = staging["metastasisDefaulted"]?.boolValue ?? false
        let parts: [(kind: String, value: String?, defaulted: Bool)] = [
            ("t", t, false), ("n", n, nodesDefaulted), ("m", m, metastasisDefaulted),
        ]
        var entries: [JSONValue] = []
        var members: [JSONValue] = []
        for part in parts {
            let url = fullUrl(part.kind)
            members.append(["reference": .string(url)])
            var resource = stagingObservation(
                part.kind, value: part.defaulted ? nil : part.value.map { category(part.kind, $0, prefix: prefix) })
            if part.defaulted {
                // A default is not a finding: written as absent, never as a final cN0 / cM0.
                resource["dataAbsentReason"] = assumedCategory(part.kind, part.value)
            }
            entries.append(entry(url, resource))
        }
        var group = stagingObservation("stage-group", value: nil)
        if let stageGroup = staging["stageGroup"]?.stringValue {
            group["valueCodeableConcept"] = stageGroupConcept(stageGroup, recurrence: recurrence ? displayTnm : nil)
            let assumed = [nodesDefaulted ? n : nil, metastasisDefaulted ? m : nil].compactMap { $0 }
            if !assumed.isEmpty {
                group["note"] = [
                    [
                        "text": .string(
                            "Staged assuming \(assumed.joined(separator: " and ")): not given to sarcoma-guide (AJCC 8 defaults for an unassessed category). Confirm before relying on this stage group."
                        )
                    ]
                ]
            }
        } else {
            group["dataAbsentReason"] = absentGroup(staging)
        }
        if recurrence, let displayTnm {
            group["text"] = Self.narrative(
                "Recurrence \(displayTnm): "
                    + (staging["stageGroup"]?.stringValue.map { "stage \($0)" } ?? "no stage group")
                    + " (AJCC 8, groups computed as for a primary)")
        }
        group["hasMember"] = .array(members)
        entries.insert(entry(fullUrl("stage-group"), group), at: 0)
        if let grade = staging["grade"]?.stringValue {
            entries.append(entry(fullUrl("grade"), gradeObservation(grade)))
        }
        var bundle: JSONObject = ["resourceType": "Bundle", "type": "collection"]
        if let version = staging["guidelineVersion"]?.stringValue {
            bundle["meta"] = ["tag": [["system": "urn:sarcoma-guide:guideline-version", "code": .string(version)]]]
        }
        bundle["entry"] = .array(entries)
        return .object(bundle)
    }

    private func fullUrl(_ kind: String) -> String {
        BundleEntryURL.uuid(seed: "sarcoma-guide/case/\(caseId)/staging/\(kind)")
    }

    private func entry(_ url: String, _ resource: JSONObject) -> JSONValue {
        ["fullUrl": .string(url), "resource": .object(resource)]
    }

    /// T, N, M or the stage group: STU3 profile, SNOMED CT and LOINC code, AJCC 8 method,
    /// `focus` the primary cancer Condition.
    private func stagingObservation(_ kind: String, value: JSONValue?) -> JSONObject {
        var resource = header(kind)
        if let codes = TNMExportCodes.observationCodes[kind] {
            resource["code"] = [
                "coding": [
                    coding(FHIRSystem.snomed, codes.snomed.code, codes.snomed.display),
                    coding(FHIRSystem.loinc, codes.loinc.code, codes.loinc.display),
                ]
            ]
        }
        resource["subject"] = ["reference": .string(patientReference)]
        resource["focus"] = [condition.json]
        if let effective { resource["effectiveDateTime"] = .string(effective) }
        let method = TNMExportCodes.ajcc8Method
        resource["method"] = ["coding": [coding(FHIRSystem.snomed, method.code, method.display)]]
        if let value { resource["valueCodeableConcept"] = value }
        return resource
    }

    /// mCODE STU4 HistologicGrade (a US Core laboratory Observation): category laboratory,
    /// code NCIT C18000, method the FNCLCC grading system (AJCC 8's G for soft tissue sarcoma),
    /// the Condition by the RelatedCondition extension.
    private func gradeObservation(_ grade: String) -> JSONObject {
        var resource = header("grade")
        resource["extension"] = [["url": .string(MCODEProfiles.relatedCondition), "valueReference": condition.json]]
        resource["category"] = [["coding": [coding(FHIRSystem.observationCategory, "laboratory", "Laboratory")]]]
        resource["code"] = ["coding": [coding(FHIRSystem.ncit, "C18000", "Histologic Grade")]]
        resource["subject"] = ["reference": .string(patientReference)]
        if let effective { resource["effectiveDateTime"] = .string(effective) }
        resource["method"] = [
            "coding": [coding(FHIRSystem.snomed, GradeCodes.fnclccMethod.code, GradeCodes.fnclccMethod.display)]
        ]
        resource["valueCodeableConcept"] = gradeConcept(grade)
        return resource
    }

    /// resourceType, id, the versioned profile and status, in that order.
    private func header(_ kind: String) -> JSONObject {
        var resource: JSONObject = ["resourceType": "Observation", "id": .string(Self.resourceID(caseId, kind))]
        if let profile = MCODEProfiles.canonicals[kind] {
            resource["meta"] = ["profile": [.string(profile)]]
        }
        resource["status"] = "final"
        return resource
    }

    private func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        var coding: JSONObject = ["system": .string(system), "code": .string(code)]
        if let display { coding["display"] = .string(display) }
        return .object(coding)
    }

    /// FHIR ids allow 64 characters of `[A-Za-z0-9-.]`; a case id is a 36-character UUID.
    static func resourceID(_ caseId: String, _ kind: String) -> String {
        let safe = caseId.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return String("\(safe.prefix(40))-\(kind)".prefix(64))
    }

    /// A generated narrative: `text` is plain ASCII from the engine (TNM, group), escaped anyway.
    static func narrative(_ text: String) -> JSONValue {
        let escaped = text.map { character -> String in
            switch character {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            default: String(character)
            }
        }.joined()
        return [
            "status": "generated",
            "div": .string("<div xmlns=\"http://www.w3.org/1999/xhtml\">\(escaped)</div>"),
        ]
    }

    /// `prefix` is the TNM classification: `c` (clinical), `r` (recurrence).
    private func category(_ kind: String, _ value: String, prefix: String) -> JSONValue {
        var codings: [JSONValue] = []
        if let snomed = TNMExportCodes.clinicalValues[value] {
            codings.append(coding(FHIRSystem.snomed, snomed.code, snomed.display))
        }
        codings.append(coding(StageGroupCodes.serviceSystem, value))
        return ["coding": .array(codings), "text": .string("\(prefix)\(value)")]
    }

    /// `recurrence`: the `displayTnm` of a recurrence, shown beside the group.
    private func stageGroupConcept(_ group: String, recurrence: String?) -> JSONValue {
        var codings: [JSONValue] = []
        if let code = StageGroupCodes.snomedCode(for: group) {
            codings.append(
                coding(FHIRSystem.snomed, code, "American Joint Committee on Cancer stage \(group) (qualifier value)"))
        }
        if let code = StageGroupCodes.ajcc[group] {
            codings.append(coding(FHIRSystem.ajcc, code, group))
        }
        codings.append(coding(StageGroupCodes.serviceSystem, group))
        let text = recurrence.map { "Stage \(group) (\($0))" } ?? "Stage \(group)"
        return ["coding": .array(codings), "text": .string(text)]
    }

    /// An N or M the engine assumed (not given): `unknown`, and what was assumed as text.
    private func assumedCategory(_ kind: String, _ value: String?) -> JSONValue {
        let letter = kind.uppercased()
        return [
            "coding": [["system": .string(FHIRSystem.dataAbsentReason), "code": "unknown"]],
            "text": .string(
                "\(letter) not given to sarcoma-guide; the stage group assumes \(value ?? "\(letter)0") (AJCC 8 default)"
            ),
        ]
    }

    /// `not-applicable` where AJCC 8 defines no groups for the site, and for DFSP (the answer
    /// cites STAGE-DFSP, rules §3.5: no AJCC soft tissue sarcoma group); `unknown` where inputs
    /// are missing (e.g. TX). The engine's reason is the text.
    private func absentGroup(_ staging: JSONValue) -> JSONValue {
        let site = staging["siteGroup"]?.stringValue ?? ""
        let rules = (staging["recommendations"]?.arrayValue ?? []).compactMap { $0["ruleId"]?.stringValue }
        let notApplicable = ["head_and_neck", "visceral"].contains(site) || rules.contains(Self.dfspRule)
        let code = notApplicable ? "not-applicable" : "unknown"
        var concept: JSONObject = ["coding": [["system": .string(FHIRSystem.dataAbsentReason), "code": .string(code)]]]
        if let reason = staging["stageGroupReason"]?.stringValue { concept["text"] = .string(reason) }
        return .object(concept)
    }

    /// The pack 2026.12-1 rule that gives DFSP no stage group.
    static let dfspRule = "STAGE-DFSP"

    private func gradeConcept(_ grade: String) -> JSONValue {
        var codings: [JSONValue] = []
        if let number = Int(grade.dropFirst()),
            let code = GradeCodes.snomedGrades.first(where: { $0.value == number })?.key
        {
            codings.append(
                coding(FHIRSystem.snomed, code, "American Joint Committee on Cancer grade \(grade) (qualifier value)"))
        }
        codings.append(coding(StageGroupCodes.serviceSystem, grade))
        return ["coding": .array(codings), "text": .string("FNCLCC \(grade)")]
    }
}
