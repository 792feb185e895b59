import JSON
import SarcomaGuidelines

/// The service's AJCC 8 staging of a stored case as mCODE-shaped Observations in a FHIR
/// R4 Bundle of type collection: the stage group (with `hasMember` T, N, M), the T, N and M
/// categories, and the histologic grade, each with method AJCC 8th edition.
///
/// Codes (mCODE STU3+; HL7/fhir-mCODE-ig input/fsh/VS_Staging.fsh, CancerStageTypeVS and
/// CancerStagingMethodVS, and the example instances transcribed in the fixtures):
/// Observation.code cT 399504009, cN 399534004, cM 399387003, clinical stage grouping
/// 399537006; method 897275008 (AJCC Cancer Staging Manual 8th edition). The service's stage
/// is exported as a clinical stage: it is computed from the case as sent, for planning
/// treatment. Values carry a SNOMED CT coding where `TNMExportCodes` lists one, always the
/// service's own coding (`StageGroupCodes.serviceSystem`) and a text. A null stage group is
/// an Observation with `dataAbsentReason` and the engine's reason, never a made-up value; so
/// is an N or M the engine assumed (`nodesDefaulted` / `metastasisDefaulted`): a default is
/// not a finding, and the stage group computed with it says so in its `note`.
public struct FHIRStagingExport: Sendable {
    public var caseId: String
    /// `Patient/<id>` when the caller knows it; nil = no subject is written.
    public var patientReference: String?
    /// When the staged facts were recorded (the case's `updatedAt`), for `effectiveDateTime`.
    public var effective: String?

    public init(caseId: String, patientReference: String? = nil, effective: String? = nil) {
        self.caseId = caseId
        self.patientReference = patientReference
        self.effective = effective
    }

    /// The Bundle for `staging`, the engine's staging answer (`t`, `n`, `m`, `grade`,
    /// `stageGroup`, `stageGroupReason`, `siteGroup`, `guidelineVersion`).
    public func bundle(staging: JSONValue) -> JSONValue {
        let t = staging["t"]?.stringValue ?? "TX"
        let n = staging["n"]?.stringValue
        let m = staging["m"]?.stringValue
        let nodesDefaulted = staging["nodesDefaulted"]?.boolValue ?? false
        let metastasisDefaulted = staging["metastasisDefaulted"]?.boolValue ?? false
        let parts: [(kind: String, code: (String, String), value: String?, defaulted: Bool)] = [
            ("t", ("399504009", "cT category"), t, false),
            ("n", ("399534004", "cN category"), n, nodesDefaulted),
            ("m", ("399387003", "cM category"), m, metastasisDefaulted),
        ]
        var entries: [JSONValue] = []
        var members: [JSONValue] = []
        for part in parts {
            let url = fullUrl(part.kind)
            members.append(["reference": .string(url)])
            var resource = observation(part.kind, code: part.code, profile: TNMExportCodes.profiles[part.kind],
                                       value: part.defaulted ? nil : part.value.map { category(part.kind, $0) })
            if part.defaulted {
                // A default is not a finding: written as absent, never as a final cN0 / cM0.
                resource["dataAbsentReason"] = assumedCategory(part.kind, part.value)
            }
            entries.append(entry(url, resource))
        }
        var group = observation("stage-group", code: ("399537006", "Clinical TNM stage grouping"),
                                profile: TNMExportCodes.profiles["stage-group"], value: nil)
        if let stageGroup = staging["stageGroup"]?.stringValue {
            group["valueCodeableConcept"] = stageGroupConcept(stageGroup)
            let assumed = [nodesDefaulted ? n : nil, metastasisDefaulted ? m : nil].compactMap { $0 }
            if !assumed.isEmpty {
                group["note"] = [["text": .string("Staged assuming \(assumed.joined(separator: " and ")): not given to sarcoma-guide (AJCC 8 defaults for an unassessed category). Confirm before relying on this stage group.")]]
            }
        } else {
            group["dataAbsentReason"] = absentGroup(staging)
        }
        group["hasMember"] = .array(members)
        entries.insert(entry(fullUrl("stage-group"), group), at: 0)
        if let grade = staging["grade"]?.stringValue {
            var gradeObservation = observation("grade", code: nil, profile: "mcode-histologic-grade", value: gradeConcept(grade))
            gradeObservation["code"] = ["coding": [["system": .string(FHIRSystem.ncit), "code": "C18000", "display": "Histologic Grade"]]]
            entries.append(entry(fullUrl("grade"), gradeObservation))
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

    private func observation(_ kind: String, code: (String, String)?, profile: String?, value: JSONValue?) -> JSONObject {
        var resource: JSONObject = ["resourceType": "Observation", "id": .string(Self.resourceID(caseId, kind))]
        if let profile {
            resource["meta"] = ["profile": [.string("http://hl7.org/fhir/us/mcode/StructureDefinition/\(profile)")]]
        }
        resource["status"] = "final"
        if let code {
            resource["code"] = ["coding": [["system": .string(FHIRSystem.snomed), "code": .string(code.0), "display": .string(code.1)]]]
        }
        if let patientReference { resource["subject"] = ["reference": .string(patientReference)] }
        if let effective { resource["effectiveDateTime"] = .string(effective) }
        resource["method"] = ["coding": [["system": .string(FHIRSystem.snomed), "code": "897275008",
                                          "display": "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)"]]]
        if let value { resource["valueCodeableConcept"] = value }
        return resource
    }

    /// FHIR ids allow 64 characters of `[A-Za-z0-9-.]`; a case id is a 36-character UUID.
    static func resourceID(_ caseId: String, _ kind: String) -> String {
        let safe = caseId.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return String("\(safe.prefix(40))-\(kind)".prefix(64))
    }

    private func category(_ kind: String, _ value: String) -> JSONValue {
        var codings: [JSONValue] = []
        if let snomed = TNMExportCodes.clinicalValues[value] {
            codings.append(["system": .string(FHIRSystem.snomed), "code": .string(snomed.code), "display": .string(snomed.display)])
        }
        codings.append(["system": .string(StageGroupCodes.serviceSystem), "code": .string(value)])
        return ["coding": .array(codings), "text": .string("c\(value)")]
    }

    private func stageGroupConcept(_ group: String) -> JSONValue {
        var codings: [JSONValue] = []
        if let code = StageGroupCodes.snomedCode(for: group) {
            codings.append(["system": .string(FHIRSystem.snomed), "code": .string(code),
                            "display": .string("American Joint Committee on Cancer stage \(group) (qualifier value)")])
        }
        codings.append(["system": .string(StageGroupCodes.serviceSystem), "code": .string(group)])
        return ["coding": .array(codings), "text": .string("Stage \(group)")]
    }

    /// An N or M the engine assumed (not given): `unknown`, and what was assumed as text.
    private func assumedCategory(_ kind: String, _ value: String?) -> JSONValue {
        let letter = kind.uppercased()
        return ["coding": [["system": .string(FHIRSystem.dataAbsentReason), "code": "unknown"]],
                "text": .string("\(letter) not given to sarcoma-guide; the stage group assumes \(value ?? "\(letter)0") (AJCC 8 default)")]
    }

    /// `not-applicable` where AJCC 8 defines no groups for the site; `unknown` where inputs
    /// are missing (e.g. TX). The engine's reason is the text.
    private func absentGroup(_ staging: JSONValue) -> JSONValue {
        let site = staging["siteGroup"]?.stringValue ?? ""
        let code = ["head_and_neck", "visceral"].contains(site) ? "not-applicable" : "unknown"
        var concept: JSONObject = ["coding": [["system": .string(FHIRSystem.dataAbsentReason), "code": .string(code)]]]
        if let reason = staging["stageGroupReason"]?.stringValue { concept["text"] = .string(reason) }
        return .object(concept)
    }

    private func gradeConcept(_ grade: String) -> JSONValue {
        var codings: [JSONValue] = []
        if let number = Int(grade.dropFirst()), let code = GradeCodes.snomedGrades.first(where: { $0.value == number })?.key {
            codings.append(["system": .string(FHIRSystem.snomed), "code": .string(code),
                            "display": .string("American Joint Committee on Cancer grade \(grade) (qualifier value)")])
        }
        codings.append(["system": .string(StageGroupCodes.serviceSystem), "code": .string(grade)])
        return ["coding": .array(codings), "text": .string("FNCLCC \(grade)")]
    }
}

/// SNOMED CT codes the export writes for clinical T, N, M values and the mCODE profiles.
enum TNMExportCodes {
    /// "American Joint Committee on Cancer cT1 (qualifier value)" ...: the codes mCODE's
    /// examples use (cT3, cN0, cM0 in the STU4 fixture) and published value sets list.
    static let clinicalValues: [String: (code: String, display: String)] = [
        "TX": ("1222604002", "American Joint Committee on Cancer cTX (qualifier value)"),
        "T1": ("1228889001", "American Joint Committee on Cancer cT1 (qualifier value)"),
        "T2": ("1228929004", "American Joint Committee on Cancer cT2 (qualifier value)"),
        "T3": ("1228938002", "American Joint Committee on Cancer cT3 (qualifier value)"),
        "T4": ("1228944003", "American Joint Committee on Cancer cT4 (qualifier value)"),
        "N0": ("1229967007", "American Joint Committee on Cancer cN0 (qualifier value)"),
        "N1": ("1229973008", "American Joint Committee on Cancer cN1 (qualifier value)"),
        "M0": ("1229901006", "American Joint Committee on Cancer cM0 (qualifier value)"),
        "M1": ("1229903009", "American Joint Committee on Cancer cM1 (qualifier value)"),
    ]

    /// mCODE STU3+ profile names (http://hl7.org/fhir/us/mcode/StructureDefinition/...).
    static let profiles: [String: String] = [
        "t": "mcode-tnm-primary-tumor-category",
        "n": "mcode-tnm-regional-nodes-category",
        "m": "mcode-tnm-distant-metastases-category",
        "stage-group": "mcode-tnm-stage-group",
    ]
}
