import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Metastases sent as plain Conditions (ICD-10 C77-C79), and stage groups the service cannot read.
@Suite("Secondary cancer Conditions and unread stage groups")
struct SecondaryConditionTests {
    static func metastasis(id: String = "met", icd10: String, status: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "resourceType": "Condition", "id": .string(id),
            "code": ["coding": [["system": .string(FHIRSystem.icd10CM), "code": .string(icd10)]]],
            "subject": ["reference": "Patient/p1"],
        ]
        if let status { object["verificationStatus"] = ["coding": [["code": .string(status)]]] }
        return .object(object)
    }

    static let m0 = BundleBuilder.category(id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, "1229901006"))
    static let n1 = BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "1229973008"))
    static let n0 = BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "1229967007"))

    @Test func aPlainC78ConditionWithoutAnMObservationIsM1() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(), BundleBuilder.size(60), Self.metastasis(icd10: "C78.01"),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(mapping.caseDocument["tumor"]?["metastasis"] == "M1")
        #expect(mapping.source(of: "/tumor/metastasis")?.source == "/entry/2/resource/code/coding/0")
    }

    @Test func aC79ConditionAgainstAnM0ObservationIsRefusedAtItsCode() {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), Self.m0, Self.metastasis(icd10: "C79.51")])
        #expect(mapping.issues.map(\.pointer) == ["/entry/2/resource/code/coding/0"])
        #expect(mapping.issues.first?.detail.contains("says M0") == true)
    }

    @Test func aNodalC77ConditionNeedsTheNCategory() {
        let alone = BundleBuilder.map([BundleBuilder.condition(), Self.metastasis(icd10: "C77.4")])
        #expect(alone.issues.map(\.pointer) == ["/entry/1/resource/code/coding/0"])
        #expect(alone.caseDocument.isEmpty || alone.caseDocument["tumor"]?["nodes"] == nil)
        let againstN0 = BundleBuilder.map([
            BundleBuilder.condition(), Self.n0, Self.m0, Self.metastasis(icd10: "C77.4"),
        ])
        #expect(againstN0.issues.map(\.pointer) == ["/entry/3/resource/code/coding/0"])
        let withN1 = BundleBuilder.map([BundleBuilder.condition(), Self.n1, Self.metastasis(icd10: "C77.4")])
        #expect(withN1.issues.isEmpty, "\(withN1.issues)")
        #expect(withN1.caseDocument["tumor"]?["nodes"] == "N1")
    }

    @Test func aVoidMetastasisIsLeftOutAndAnOpenOneIsRefused() {
        let void = BundleBuilder.map([
            BundleBuilder.condition(), Self.metastasis(icd10: "C78.0", status: "entered-in-error"),
        ])
        #expect(void.issues.isEmpty, "\(void.issues)")
        #expect(void.caseDocument["tumor"]?["metastasis"] == nil)
        #expect(void.ignored.contains { $0.resource == "Condition/met" && $0.reason.contains("entered-in-error") })
        let open = BundleBuilder.map([
            BundleBuilder.condition(), Self.metastasis(icd10: "C78.0", status: "provisional"),
        ])
        #expect(open.issues.map(\.pointer) == ["/entry/1/resource/verificationStatus"])
    }

    @Test func aTextOnlyStageSummaryIsAnnouncedAsNotRead() throws {
        var condition = try #require(BundleBuilder.condition().objectValue)
        condition["stage"] = [["summary": ["text": "Stage IV"]]]
        let mapping = BundleBuilder.map([.object(condition)])
        #expect(mapping.issues.isEmpty)
        #expect(mapping.reported.isEmpty)
        #expect(
            mapping.warnings.map(\.code).filter { $0 != "external-id-from-resource" } == ["reported-stage-not-read"])
        let ignored = try #require(mapping.ignored.first { $0.element == "stage[0].summary" })
        #expect(ignored.reason.contains("not read and not compared"))
        #expect(!ignored.reason.contains("checked"))
    }
}

extension SecondaryConditionTests {
    @Test func aStageGroupObservationWithAnUnknownCodeIsAnnouncedAndAnAbsentOneIsNot() throws {
        let unknown = BundleBuilder.category(
            id: "sg", snomedCode: "399537006", value: (FHIRSystem.snomed, "1222999999"))
        let mapping = BundleBuilder.map([BundleBuilder.condition(), unknown])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(
            mapping.warnings.map(\.code).filter { $0 != "external-id-from-resource" } == ["reported-stage-not-read"])
        var absent = try #require(unknown.objectValue)
        absent["valueCodeableConcept"] = nil
        absent["dataAbsentReason"] = ["coding": [["code": "unknown"]]]
        // The builder's Condition has no identifier (a urn:uuid fullUrl keys it): only that warning.
        #expect(
            BundleBuilder.map([BundleBuilder.condition(), .object(absent)]).warnings.map(\.code)
                == ["external-id-from-resource"])
    }
}
