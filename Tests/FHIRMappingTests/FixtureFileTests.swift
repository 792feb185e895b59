import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Every published or transcribed mCODE example (breast and lung cancer) is refused, each
/// with a precise reason pointing into the file: sarcoma-guide is for soft tissue sarcoma.
@Suite("mCODE fixture files")
struct FixtureFileTests {
    /// File -> the pointer and words of the first issue expected.
    static let expectations: [String: (pointer: String, words: String)] = [
        "mcode/stu1-published-json/Condition-mCODEPrimaryCancerConditionExample01.json":
            ("/code", "SNOMED CT 254637007 is not a soft tissue sarcoma"),
        "mcode/stu1-published-json/Condition-mCODESecondaryCancerConditionExample01.json":
            ("", "a secondary cancer Condition alone does not describe the primary tumour"),
        "mcode/stu1-published-json/MedicationStatement-mCODECancerRelatedMedicationStatementExample01.json":
            ("", "no primary cancer Condition"),
        "mcode/stu1-published-json/Observation-mCODEECOGPerformanceStatusExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMClinicalDistantMetastasesCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMClinicalPrimaryTumorCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMClinicalRegionalNodesCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMClinicalStageGroupExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMPathologicalDistantMetastasesCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMPathologicalPrimaryTumorCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMPathologicalRegionalNodesCategoryExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Observation-mCODETNMPathologicalStageGroupExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu1-published-json/Patient-mCODEPatientExample01.json": ("", "no primary cancer Condition"),
        "mcode/stu1-published-json/Procedure-mCODECancerRelatedSurgicalProcedureExample01.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu4-transcribed-from-fsh/Bundle-jenny-m-staging.json":
            (
                "/entry/0/resource/code",
                "SNOMED CT 353431000119107 'Primary malignant neoplasm of female left breast (disorder)' is not a soft tissue sarcoma"
            ),
        "mcode/stu4-transcribed-from-fsh/Observation-histologic-grade-intermediate.json": (
            "", "no primary cancer Condition"
        ),
        "mcode/stu4-transcribed-from-fsh/Observation-tumor-size-pathology.json": ("", "no primary cancer Condition"),
    ]

    @Test func everyFixtureFileIsCovered() {
        #expect(FixtureFiles.mcodeFiles() == Self.expectations.keys.sorted())
    }

    @Test(arguments: FixtureFiles.mcodeFiles())
    func eachFixtureIsRefusedWithAPreciseReason(_ file: String) throws {
        let expected = try #require(Self.expectations[file])
        let mapping = FHIRCaseMapper(referenceDate: "2026-11-26").map(
            entries: FHIRResources.locate(try FixtureFiles.value(file)))
        let first = try #require(mapping.issues.first, "\(file) was not refused")
        #expect(first.pointer == expected.pointer, "\(file): \(first)")
        #expect(first.detail.contains(expected.words), "\(file): \(first.detail)")
        #expect(mapping.caseDocument.isEmpty)
        // Everything else in the file is accounted for as ignored, with a reason.
        #expect(mapping.ignored.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func theBreastCancerMorphologyIsNamedToo() throws {
        let mapping = FHIRCaseMapper().map(
            entries: FHIRResources.locate(
                try FixtureFiles.value("mcode/stu4-transcribed-from-fsh/Bundle-jenny-m-staging.json")))
        #expect(
            mapping.issues.map(\.pointer) == [
                "/entry/0/resource/code", "/entry/0/resource/extension/0/valueCodeableConcept/coding/0",
            ])
        #expect(mapping.issues[1].detail.contains("82711006"))
        // The other nine entries were not read, and say why.
        #expect(mapping.ignored.count == 9)
        #expect(mapping.ignored.allSatisfy { $0.reason.contains("not a soft tissue sarcoma") })
    }

    @Test func allSTU1ExamplesInOneBundleAreRefusedAtTheLungCondition() throws {
        let files = FixtureFiles.mcodeFiles().filter { $0.contains("stu1") }
        var entries: [JSONValue] = []
        for file in files {
            entries.append(["fullUrl": .string("urn:uuid:\(entries.count)"), "resource": try FixtureFiles.value(file)])
        }
        let bundle: JSONValue = ["resourceType": "Bundle", "type": "collection", "entry": .array(entries)]
        #expect(FHIRBundleShape.issues(bundle).isEmpty)
        let mapping = FHIRCaseMapper().map(entries: FHIRResources.locate(bundle))
        let conditionIndex = try #require(files.firstIndex { $0.contains("PrimaryCancerCondition") })
        #expect(mapping.issues.first?.pointer == "/entry/\(conditionIndex)/resource/code")
    }
}
