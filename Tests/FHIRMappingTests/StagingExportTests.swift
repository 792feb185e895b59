import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// The staging export: mCODE STU3+ codes, hasMember, a data-absent reason for a null group.
@Suite("Staging export")
struct StagingExportTests {
    static let staging: JSONValue = [
        "guidelineVersion": "2026.11-1", "siteGroup": "trunk_extremity", "t": "T3", "n": "N0", "m": "M0",
        "grade": "G3", "stageGroup": "IIIB", "stageGroupReason": nil, "ajccEdition": 8,
    ]

    static let export = FHIRStagingExport(
        caseId: "c", patientReference: "Patient/p1", condition: .literal("Condition/c1"))

    static func observations(_ bundle: JSONValue) -> [JSONValue] {
        (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    static func observation(_ bundle: JSONValue, code: String) -> JSONValue? {
        observations(bundle).first { $0["code"]?["coding"]?[0]?["code"]?.stringValue == code }
    }

    @Test func aStagedCaseBecomesACollectionOfMCODEObservations() throws {
        let export = FHIRStagingExport(
            caseId: "6db92656-ccd9-4f63-ba19-f67dc098812d", patientReference: "Patient/p1",
            condition: .literal("Condition/c1"), effective: "2026-11-26T19:33:14.428Z")
        let bundle = export.bundle(staging: Self.staging)
        #expect(bundle["resourceType"] == "Bundle")
        #expect(bundle["type"] == "collection")
        #expect(Self.observations(bundle).count == 5)

        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["valueCodeableConcept"]?["text"] == "Stage IIIB")
        #expect(
            group["valueCodeableConcept"]?["coding"]?[0] == [
                "system": .string(StageGroupCodes.serviceSystem), "code": "IIIB",
            ])
        #expect(group["method"]?["coding"]?[0]?["code"] == "897275008")
        #expect(group["subject"] == ["reference": "Patient/p1"])
        #expect(group["effectiveDateTime"] == "2026-11-26T19:33:14.428Z")

        let t = try #require(Self.observation(bundle, code: "399504009"))
        #expect(t["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1228938002")  // cT3
        let n = try #require(Self.observation(bundle, code: "399534004"))
        #expect(n["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1229967007")  // cN0
        let m = try #require(Self.observation(bundle, code: "399387003"))
        #expect(m["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1229901006")  // cM0
        let grade = try #require(Self.observation(bundle, code: "C18000"))
        #expect(grade["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1228851006")  // G3

        // hasMember points at the T, N and M entries' fullUrls.
        let members = (group["hasMember"]?.arrayValue ?? []).compactMap { $0["reference"]?.stringValue }
        let urls = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["fullUrl"]?.stringValue }
        #expect(members.count == 3)
        #expect(Set(members).isSubset(of: Set(urls)))
    }

    @Test func assumedNodesAndMetastasisAreWrittenAsAbsentNotAsFindings() throws {
        var staging = Self.staging.objectValue!
        staging["nodesDefaulted"] = true
        staging["metastasisDefaulted"] = true
        let bundle = Self.export.bundle(staging: .object(staging))
        for code in ["399534004", "399387003"] {
            let observation = try #require(Self.observation(bundle, code: code))
            #expect(observation["valueCodeableConcept"] == nil)
            #expect(observation["dataAbsentReason"]?["coding"]?[0]?["code"] == "unknown")
        }
        let m = try #require(Self.observation(bundle, code: "399387003"))
        #expect(m["dataAbsentReason"]?["text"]?.stringValue?.contains("assumes M0") == true)
        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["valueCodeableConcept"]?["text"] == "Stage IIIB")
        #expect(group["note"]?[0]?["text"]?.stringValue?.contains("assuming N0 and M0") == true)
    }

    @Test func statedNodesAndMetastasisAreFindingsWithoutANote() throws {
        var staging = Self.staging.objectValue!
        staging["nodesDefaulted"] = false
        staging["metastasisDefaulted"] = false
        let bundle = Self.export.bundle(staging: .object(staging))
        let n = try #require(Self.observation(bundle, code: "399534004"))
        #expect(n["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1229967007")
        #expect(n["dataAbsentReason"] == nil)
        #expect(Self.observation(bundle, code: "399537006")?["note"] == nil)
    }

    @Test func aNullStageGroupSaysWhyAndInventsNothing() throws {
        var staging = Self.staging.objectValue!
        staging["t"] = "TX"
        staging["stageGroup"] = nil
        staging["stageGroupReason"] = "Tumour size not given (TX): no stage group can be assigned."
        let bundle = Self.export.bundle(staging: .object(staging))
        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["valueCodeableConcept"] == nil)
        #expect(group["dataAbsentReason"]?["coding"]?[0]?["code"] == "unknown")
        #expect(group["dataAbsentReason"]?["text"] == "Tumour size not given (TX): no stage group can be assigned.")
        let t = try #require(Self.observation(bundle, code: "399504009"))
        #expect(t["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1222604002")  // cTX
    }

    @Test func siteGroupsWithoutStageGroupsAreNotApplicable() throws {
        var staging = Self.staging.objectValue!
        staging["siteGroup"] = "head_and_neck"
        staging["t"] = "T4a"
        staging["stageGroup"] = nil
        staging["stageGroupReason"] = "AJCC 8 defines no stage groups for head and neck sarcoma."
        let bundle = Self.export.bundle(staging: .object(staging))
        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["dataAbsentReason"]?["coding"]?[0]?["code"] == "not-applicable")
        // T4a has no SNOMED code the service can vouch for: its own coding and a text only.
        let t = try #require(Self.observation(bundle, code: "399504009"))
        #expect(
            t["valueCodeableConcept"] == [
                "coding": [["system": .string(StageGroupCodes.serviceSystem), "code": "T4a"]], "text": "cT4a",
            ])
    }

    /// mCODE STU3 (3.0.0) SD_Staging_TNM.fsh / SD_Staging.fsh and STU4 (4.0.0) SD_Histology.fsh.
    @Test func everyObservationMeetsTheProfileItDeclares() throws {
        let bundle = Self.export.bundle(staging: Self.staging)
        let base = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
        let expected: [(code: String, profile: String, loinc: String?)] = [
            ("399537006", base + "mcode-tnm-stage-group|3.0.0", "21908-9"),
            ("399504009", base + "mcode-tnm-primary-tumor-category|3.0.0", "21905-5"),
            ("399534004", base + "mcode-tnm-regional-nodes-category|3.0.0", "21906-3"),
            ("399387003", base + "mcode-tnm-distant-metastases-category|3.0.0", "21907-1"),
            ("C18000", base + "mcode-histologic-grade|4.0.0", nil),
        ]
        for row in expected {
            let observation = try #require(Self.observation(bundle, code: row.code), "\(row.code)")
            #expect(observation["meta"]?["profile"] == [.string(row.profile)], "\(row.code)")
            #expect(observation["subject"] == ["reference": "Patient/p1"], "\(row.code)")
            #expect(observation["method"]?["coding"]?[0]?["system"] == "http://snomed.info/sct", "\(row.code)")
            if let loinc = row.loinc {
                #expect(observation["code"]?["coding"]?[1]?["system"] == "http://loinc.org", "\(row.code)")
                #expect(observation["code"]?["coding"]?[1]?["code"] == .string(loinc), "\(row.code)")
                #expect(observation["focus"] == [["reference": "Condition/c1"]], "\(row.code)")
                #expect(observation["method"]?["coding"]?[0]?["code"] == "897275008", "\(row.code)")
            }
        }
        let grade = try #require(Self.observation(bundle, code: "C18000"))
        #expect(grade["category"]?[0]?["coding"]?[0]?["code"] == "laboratory")
        #expect(
            grade["category"]?[0]?["coding"]?[0]?["system"]
                == "http://terminology.hl7.org/CodeSystem/observation-category")
        #expect(grade["method"]?["coding"]?[0]?["code"] == "426757001")  // FNCLCC grading system, not AJCC staging
        #expect(grade["extension"]?[0]?["valueReference"] == ["reference": "Condition/c1"])
        #expect(grade["focus"] == nil)
    }

    @Test func aConditionKnownOnlyByItsIdentifierIsALogicalReference() throws {
        let export = FHIRStagingExport(
            caseId: "c", patientReference: "Patient/p1",
            condition: .identifier("https://ehr.example.org/cancer-registry|STS-1"))
        let group = try #require(Self.observation(export.bundle(staging: Self.staging), code: "399537006"))
        #expect(
            group["focus"] == [
                [
                    "type": "Condition",
                    "identifier": ["system": "https://ehr.example.org/cancer-registry", "value": "STS-1"],
                ]
            ])
        #expect(
            PrimaryConditionReference.identifier("STS-1").json == [
                "type": "Condition", "identifier": ["value": "STS-1"],
            ])
    }

    /// Stage group -> the codings written besides the service's own: SNOMED CT where a
    /// published mCODE artefact shows it, AJCC where one shows the digit form; none invented.
    @Test(arguments: [
        ("IA", [("http://cancerstaging.org", "1A")]),
        ("IB", [("http://cancerstaging.org", "1B")]),
        ("II", [("http://snomed.info/sct", "1222765007")]),
        ("IIIA", []),
        ("IIIB", []),
        ("IV", [("http://snomed.info/sct", "1222837003")]),
    ])
    func stageGroupValuesCarryOnlyVerifiedStandardCodes(group: String, standard: [(String, String)]) throws {
        var staging = Self.staging.objectValue!
        staging["stageGroup"] = .string(group)
        let value = try #require(
            Self.observation(Self.export.bundle(staging: .object(staging)), code: "399537006")?["valueCodeableConcept"])
        let codings = (value["coding"]?.arrayValue ?? []).map {
            ($0["system"]?.stringValue ?? "", $0["code"]?.stringValue ?? "")
        }
        let expected = standard + [(StageGroupCodes.serviceSystem, group)]
        #expect(codings.map { "\($0.0)|\($0.1)" } == expected.map { "\($0.0)|\($0.1)" })
        #expect(value["text"] == .string("Stage \(group)"))
    }

    @Test func fullUrlsAreStableVersion8UUIDs() {
        let first = BundleEntryURL.uuid(seed: "a")
        #expect(first == BundleEntryURL.uuid(seed: "a"))
        #expect(first != BundleEntryURL.uuid(seed: "b"))
        let uuid = first.dropFirst("urn:uuid:".count)
        let groups = uuid.split(separator: "-").map(\.count)
        #expect(groups == [8, 4, 4, 4, 12])
        #expect(uuid.split(separator: "-")[2].first == "8")
        #expect("89ab".contains(uuid.split(separator: "-")[3].first!))
    }
}
