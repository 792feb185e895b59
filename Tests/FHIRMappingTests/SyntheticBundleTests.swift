import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// The service's own synthetic mCODE bundle: an extremity myxofibrosarcoma, 125 mm, G3,
/// cN0 cM0 (api-contract.md's example case, sent the way an EHR would).
@Suite("Synthetic sarcoma bundle")
struct SyntheticBundleTests {
    static func mapping(referenceDate: String? = "2026-11-26") throws -> FHIRCaseMapping {
        let entries = FHIRResources.locate(try FixtureFiles.value(FixtureFiles.synthetic))
        return FHIRCaseMapper(referenceDate: referenceDate).map(entries: entries)
    }

    @Test func mapsEveryClinicalElementToTheContractsCase() throws {
        let mapping = try Self.mapping()
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        let expected: JSONValue = [
            "externalId": "https://ehr.example.org/cancer-registry|STS-2026-0001",
            "patient": ["ageYears": 61, "sex": "female", "ecog": 1],
            "tumor": [
                "site": "extremity", "sizeCm": 12.5, "histology": "myxofibrosarcoma", "grade": 3,
                "nodes": "N0", "metastasis": "M0",
            ],
        ]
        #expect(JSONValue.object(mapping.caseDocument) == expected)
        #expect(mapping.sourceIdentifier == "https://ehr.example.org/cancer-registry|STS-2026-0001")
    }

    @Test func theCaseDecoderAcceptsTheDocument() throws {
        let mapping = try Self.mapping()
        let decoded = try CaseDecoder().decode(.object(mapping.caseDocument)).get()
        #expect(decoded.tumor.site == .extremity)
        #expect(decoded.tumor.sizeCm == 12.5)
        #expect(decoded.tumor.histology == .myxofibrosarcoma)
        #expect(decoded.tumor.grade == 3)
        #expect(decoded.tumor.nodes == .n0)
        #expect(decoded.tumor.metastasis == .m0)
    }

    @Test func everyMappedElementPointsIntoTheBundle() throws {
        let mapping = try Self.mapping()
        let bySource = Dictionary(grouping: mapping.mapped, by: \.target)
        #expect(bySource["/tumor/sizeCm"]?.map(\.source) == ["/entry/2/resource/component/0/valueQuantity"])
        #expect(bySource["/tumor/sizeCm"]?.first?.note == "125 mm -> 12.5 cm")
        #expect(bySource["/tumor/nodes"]?.map(\.source) == ["/entry/5/resource/valueCodeableConcept/coding/0"])
        #expect(bySource["/tumor/nodes"]?.first?.resource == "Observation/sts-cn-1")
        #expect(bySource["/tumor/metastasis"]?.map(\.source) == ["/entry/6/resource/valueCodeableConcept/coding/0"])
        #expect(bySource["/tumor/grade"]?.map(\.source) == ["/entry/3/resource/valueCodeableConcept/coding/0"])
        #expect(
            bySource["/tumor/histology"]?.map(\.source) == [
                "/entry/1/resource/extension/0/valueCodeableConcept/coding/0"
            ])
        // Both the ICD-10-CM code and the body site say extremity: both are listed.
        #expect(
            Set(bySource["/tumor/site"]?.map(\.source) ?? []) == [
                "/entry/1/resource/code/coding/0", "/entry/1/resource/bodySite/0/coding/0",
            ])
        #expect(bySource["/externalId"]?.map(\.source) == ["/entry/1/resource/identifier/0"])
        #expect(bySource["/patient/sex"]?.map(\.source) == ["/entry/0/resource/gender"])
    }

    @Test func theReportedTAndStageGroupAreIgnoredAsInputButKept() throws {
        let mapping = try Self.mapping()
        #expect(
            mapping.reported.contains {
                $0.kind == .tCategory && $0.value == "T3" && $0.resource == "Observation/sts-ct-1"
            })
        #expect(mapping.reported.contains { $0.kind == .stageGroup && $0.value == "IIIB" })
        let tIgnored = try #require(mapping.ignored.first { $0.resource == "Observation/sts-ct-1" })
        #expect(tIgnored.reason.contains("T is computed by sarcoma-guide"))
        #expect(
            mapping.ignored.contains {
                $0.resource == "Observation/sts-stage-group-1" && $0.reason.contains("stage group is computed")
            })
        #expect(!mapping.mapped.contains { $0.resource == "Observation/sts-ct-1" })
    }

    @Test func otherElementsAreListedAsIgnoredWithAReason() throws {
        let mapping = try Self.mapping()
        let procedure = try #require(mapping.ignored.first { $0.resource == "Procedure/sts-biopsy-1" })
        #expect(procedure.reason.contains("Procedure is not used"))
        #expect(procedure.source == "/entry/9/resource")
        #expect(
            mapping.ignored.contains {
                $0.source == "/entry/2/resource/component/1" && $0.reason.contains("greatest dimension")
            })
        #expect(mapping.ignored.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func withoutAReferenceDateTheAgeIsLeftOutAndSaidSo() throws {
        let mapping = try Self.mapping(referenceDate: nil)
        #expect(mapping.caseDocument["patient"]?["ageYears"] == nil)
        #expect(mapping.ignored.contains { $0.element == "birthDate" && $0.reason.contains("reference date") })
    }

    @Test func aLoneArrayOfResourcesMapsWithArrayPointers() throws {
        let resources = FHIRResources.flatten(try FixtureFiles.value(FixtureFiles.synthetic))
        #expect(resources.count == 10)
        let mapping = FHIRCaseMapper().map(resources)
        #expect(mapping.issues.isEmpty)
        #expect(mapping.source(of: "/tumor/sizeCm")?.source == "/2/component/0/valueQuantity")
    }
}
