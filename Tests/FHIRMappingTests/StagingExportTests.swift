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

    static func observations(_ bundle: JSONValue) -> [JSONValue] {
        (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    static func observation(_ bundle: JSONValue, code: String) -> JSONValue? {
        observations(bundle).first { $0["code"]?["coding"]?[0]?["code"]?.stringValue == code }
    }

    @Test func aStagedCaseBecomesACollectionOfMCODEObservations() throws {
        let export = FHIRStagingExport(caseId: "6db92656-ccd9-4f63-ba19-f67dc098812d", patientReference: "Patient/p1",
                                       effective: "2026-11-26T19:33:14.428Z")
        let bundle = export.bundle(staging: Self.staging)
        #expect(bundle["resourceType"] == "Bundle")
        #expect(bundle["type"] == "collection")
        #expect(Self.observations(bundle).count == 5)

        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["valueCodeableConcept"]?["text"] == "Stage IIIB")
        #expect(group["valueCodeableConcept"]?["coding"]?[0] == ["system": .string(StageGroupCodes.serviceSystem), "code": "IIIB"])
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
        let bundle = FHIRStagingExport(caseId: "c").bundle(staging: .object(staging))
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
        let bundle = FHIRStagingExport(caseId: "c").bundle(staging: .object(staging))
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
        let bundle = FHIRStagingExport(caseId: "c").bundle(staging: .object(staging))
        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["valueCodeableConcept"] == nil)
        #expect(group["dataAbsentReason"]?["coding"]?[0]?["code"] == "unknown")
        #expect(group["dataAbsentReason"]?["text"] == "Tumour size not given (TX): no stage group can be assigned.")
        #expect(group["subject"] == nil)
        let t = try #require(Self.observation(bundle, code: "399504009"))
        #expect(t["valueCodeableConcept"]?["coding"]?[0]?["code"] == "1222604002")  // cTX
    }

    @Test func siteGroupsWithoutStageGroupsAreNotApplicable() throws {
        var staging = Self.staging.objectValue!
        staging["siteGroup"] = "head_and_neck"
        staging["t"] = "T4a"
        staging["stageGroup"] = nil
        staging["stageGroupReason"] = "AJCC 8 defines no stage groups for head and neck sarcoma."
        let bundle = FHIRStagingExport(caseId: "c").bundle(staging: .object(staging))
        let group = try #require(Self.observation(bundle, code: "399537006"))
        #expect(group["dataAbsentReason"]?["coding"]?[0]?["code"] == "not-applicable")
        // T4a has no SNOMED code the service can vouch for: its own coding and a text only.
        let t = try #require(Self.observation(bundle, code: "399504009"))
        #expect(t["valueCodeableConcept"] == ["coding": [["system": .string(StageGroupCodes.serviceSystem), "code": "T4a"]], "text": "cT4a"])
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
