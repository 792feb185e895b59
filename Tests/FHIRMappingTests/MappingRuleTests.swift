import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Conditions, TNM categories, grade, patient: each rule of the mapper, with what it
/// refuses and what it leaves out.
@Suite("Mapping rules")
struct MappingRuleTests {
    static func tumor(_ mapping: FHIRCaseMapping, _ field: String) -> JSONValue? {
        mapping.caseDocument["tumor"]?[field]
    }

    @Test func twoPrimaryConditionsAreRefusedAtBoth() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(id: "a"), BundleBuilder.condition(id: "b", icdO3: "8890/3"),
        ])
        #expect(mapping.issues.map(\.pointer) == ["/entry/0/resource", "/entry/1/resource"])
        #expect(mapping.issues[0].detail.contains("2 primary cancer Conditions (Condition/a, Condition/b)"))
        #expect(mapping.caseDocument.isEmpty)
    }

    @Test func aBundleWithoutAConditionIsRefused() {
        let mapping = BundleBuilder.map([BundleBuilder.size(50)])
        #expect(mapping.issues.map(\.pointer) == [""])
        #expect(mapping.ignored.map(\.source) == ["/entry/0/resource"])
    }

    @Test func aRefutedConditionIsNotADiagnosis() {
        var condition = BundleBuilder.condition().objectValue!
        condition["verificationStatus"] = ["coding": [["code": "refuted"]]]
        let mapping = BundleBuilder.map([.object(condition)])
        #expect(mapping.issues.first?.pointer == "")
        #expect(mapping.ignored.first?.reason.contains("refuted") == true)
    }

    @Test func aConditionWithoutProfileIsPrimaryWhenCodedAsASarcoma() {
        var condition = BundleBuilder.condition(icd10: "C49.12").objectValue!
        condition["meta"] = nil
        let mapping = BundleBuilder.map([.object(condition)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "site") == "extremity")
    }

    @Test(arguments: [
        ("C49.0", "head_and_neck"), ("C49.11", "extremity"), ("C49.2", "extremity"),
        ("C49.6", "trunk"), ("C48.0", "retroperitoneum"),
    ])
    func icd10SoftTissueCodesGiveTheSite(_ code: String, _ site: String) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(bodySite: nil, icd10: code)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "site") == .string(site))
    }

    @Test func anAmbiguousRegionAsksForTheSiteInsteadOfGuessing() throws {
        // C49.4: soft tissue of the abdomen: trunk wall, or not?
        let mapping = BundleBuilder.map([BundleBuilder.condition(bodySite: nil, icd10: "C49.4")])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/0/resource")
        #expect(issue.detail.contains("tumor.site (required) cannot be derived"))
    }

    @Test func trunkStructureIsNotTakenForTheTrunkWall() throws {
        // SNOMED CT 22943007 "Trunk structure" also holds the retroperitoneum and viscera.
        let mapping = BundleBuilder.map([BundleBuilder.condition(bodySite: "22943007")])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/0/resource/bodySite/0/coding/0")
        #expect(issue.detail.contains("cannot be derived"))
    }

    @Test func aBodySiteAndAnICDCodeThatDisagreeAreAConflict() {
        // bodySite says lower limb, ICD-10 says retroperitoneum.
        let mapping = BundleBuilder.map([BundleBuilder.condition(bodySite: "61685007", icd10: "C48.0")])
        #expect(mapping.issues.count == 2)
        #expect(mapping.issues.allSatisfy { $0.detail.contains("conflicting values for tumor.site") })
    }

    @Test func liposarcomaWithoutSubtypeIsAcceptedWithoutHistology() {
        let mapping = BundleBuilder.map([BundleBuilder.condition(icdO3: "8850/3")])
        #expect(mapping.issues.isEmpty)
        #expect(Self.tumor(mapping, "histology") == nil)
        #expect(
            mapping.ignored.contains {
                $0.reason.contains("liposarcoma, NOS") && $0.reason.contains("needs the subtype")
            })
    }

    @Test func gistIsPassedToTheDecoderWhichRefusesItAtTheMorphology() throws {
        let mapping = BundleBuilder.map([BundleBuilder.condition(icdO3: "8936/3")])
        #expect(mapping.issues.isEmpty)
        #expect(Self.tumor(mapping, "histology") == "gastrointestinal_stromal_tumor")
        guard case .failure(.invalid(let issues)) = CaseDecoder().decode(.object(mapping.caseDocument)) else {
            Issue.record("GIST was accepted")
            return
        }
        #expect(issues.first?.pointer == "/tumor/histology")
        #expect(
            mapping.source(of: "/tumor/histology")?.source
                == "/entry/0/resource/extension/0/valueCodeableConcept/coding/0")
    }

    @Test func aBoneSarcomaIsRefusedAtItsMorphology() throws {
        let mapping = BundleBuilder.map([BundleBuilder.condition(icdO3: "9180/3")])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/0/resource/extension/0/valueCodeableConcept/coding/0")
        #expect(issue.detail.contains("osteosarcoma"))
    }

    @Test func snomedAndAJCCCodedCategoriesBothMap() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "1229973008")),  // cN1
            BundleBuilder.category(id: "m", loincCode: "21907-1", value: (FHIRSystem.ajcc, "cM0")),  // STU1
        ])
        #expect(mapping.issues.isEmpty)
        #expect(Self.tumor(mapping, "nodes") == "N1")
        #expect(Self.tumor(mapping, "metastasis") == "M0")
    }

    @Test func clinicalAndPathologicalNodesThatDisagreeAreAConflict() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "cn", snomedCode: "399534004", value: (FHIRSystem.snomed, "1229967007")),  // cN0
            BundleBuilder.category(id: "pn", snomedCode: "371494008", value: (FHIRSystem.snomed, "1229951001")),  // pN1
        ])
        #expect(Self.tumor(mapping, "nodes") == nil)
        #expect(mapping.issues.count == 2)
        #expect(mapping.issues[0].detail.contains("N0 (Observation/cn) vs N1 (Observation/pn)"))
    }

    @Test func categoriesThatSoftTissueSarcomaDoesNotHaveAreRefused() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "n", loincCode: "21906-3", value: (FHIRSystem.ajcc, "cN3")),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/valueCodeableConcept/coding/0")
        #expect(issue.detail.contains("N3, which is not an AJCC 8 soft tissue sarcoma category (N0 or N1)"))
    }

    @Test func nxIsLeftToTheEnginesAnnouncedDefault() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "n", loincCode: "21906-3", value: (FHIRSystem.ajcc, "cNX")),
        ])
        #expect(mapping.issues.isEmpty)
        #expect(Self.tumor(mapping, "nodes") == nil)
        #expect(mapping.ignored.contains { $0.reason.contains("NX (unknown)") })
    }

    @Test func aPreliminaryMetastasisIsRefusedNotDefaultedToM0() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(
                id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, "1229903009"), status: "preliminary"),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/status")
        #expect(issue.detail.contains("'preliminary'") && issue.detail.contains("M0"))
    }

    @Test func anEnteredInErrorNodesObservationIsLeftOutAsIfAbsent() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(
                id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "1229973008"), status: "entered-in-error"),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "nodes") == nil)
        #expect(mapping.ignored.contains { $0.element == "status" && $0.reason.contains("entered-in-error") })
    }

    @Test func aPreliminarySizeIsStillOnlyLeftOut() {
        var size = BundleBuilder.size(50).objectValue!
        size["status"] = "preliminary"
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(size)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(mapping.ignored.contains { $0.element == "status" && $0.reason.contains("preliminary") })
    }

    @Test func anUnknownMetastasisCodeIsRefusedAtTheValue() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, "1229999999")),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/valueCodeableConcept")
        #expect(issue.detail.contains("1229999999") && issue.detail.contains("default M0"))
        #expect(Self.tumor(mapping, "metastasis") == nil)
    }

    @Test func aTextOnlyNodesValueIsRefusedWithoutEchoingTheText() throws {
        var n = BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "x")).objectValue!
        n["valueCodeableConcept"] = ["text": "two enlarged inguinal nodes"]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(n)])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/valueCodeableConcept")
        #expect(issue.detail.contains("text-only value"))
        #expect(!issue.detail.contains("inguinal"))
    }

    @Test func anNObservationWithoutAnyValueIsRefused() throws {
        var n = BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, "x")).objectValue!
        n["valueCodeableConcept"] = nil
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(n)])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource")
        #expect(issue.detail.contains("no readable value"))
    }

    @Test func aDataAbsentReasonKeepsTheAnnouncedDefault() {
        var m = BundleBuilder.category(id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, "x")).objectValue!
        m["valueCodeableConcept"] = nil
        m["dataAbsentReason"] = ["coding": [["system": .string(FHIRSystem.dataAbsentReason), "code": "unknown"]]]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(m)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "metastasis") == nil)
    }

    /// AJCC 8 soft tissue sarcoma has only M0/M1 and N0/N1: a subcategory other chapters use
    /// (cM1a lung, cN1mi breast) is still a distant / nodal metastasis.
    @Test(arguments: [
        ("1229904003", "M1"), ("1229907005", "M1"), ("1229910003", "M1"),
        ("1229917000", "M1"), ("1229920008", "M1"), ("1229923005", "M1"),
    ])
    func m1SubcategoriesAreM1(_ code: String, _ category: String) {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, code)),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "metastasis") == .string(category))
    }

    @Test(arguments: ["1229974002", "1229975001", "1229976000", "1229977009"])
    func n1SubcategoriesAreN1(_ code: String) {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "n", snomedCode: "399534004", value: (FHIRSystem.snomed, code)),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "nodes") == "N1")
    }

    @Test func ajccWrittenSubcategoriesMapToTheirParentOnly() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.category(id: "m", loincCode: "21907-1", value: (FHIRSystem.ajcc, "cM1b")),
            BundleBuilder.category(id: "n", loincCode: "21906-3", value: (FHIRSystem.ajcc, "pN1mi")),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "metastasis") == "M1")
        #expect(Self.tumor(mapping, "nodes") == "N1")
        #expect(TNMCodes.subcategoryParent("N2a") == "N2a")
        #expect(TNMCodes.subcategoryParent("M0(i+)") == "M0(i+)")
    }

    @Test(arguments: ["provisional", "differential", "unconfirmed"])
    func anUnconfirmedDiagnosisIsRefusedAtItsVerificationStatus(_ status: String) throws {
        var condition = BundleBuilder.condition().objectValue!
        condition["verificationStatus"] = [
            "coding": [["system": .string(FHIRSystem.verificationStatus), "code": .string(status)]]
        ]
        let mapping = BundleBuilder.map([.object(condition), BundleBuilder.size(50)])
        #expect(mapping.issues.map(\.pointer) == ["/entry/0/resource/verificationStatus"])
        #expect(mapping.issues.first?.detail.contains("'\(status)'") == true)
        #expect(mapping.caseDocument.isEmpty)
    }

    @Test func aConfirmedOrUnstatedDiagnosisIsStaged() {
        var condition = BundleBuilder.condition().objectValue!
        condition["verificationStatus"] = [
            "coding": [["system": .string(FHIRSystem.verificationStatus), "code": "confirmed"]]
        ]
        #expect(BundleBuilder.map([.object(condition)]).issues.isEmpty)
        condition["verificationStatus"] = nil
        #expect(BundleBuilder.map([.object(condition)]).issues.isEmpty)
    }

    @Test func anObservationAboutAnotherPatientIsRefused() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(), BundleBuilder.size(50, subject: "Patient/someone-else"),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/subject")
        #expect(issue.detail.contains("Patient/someone-else"))
    }

    @Test func aSecondaryCancerWithoutM1IsRefused() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.condition(id: "met", icdO3: nil, bodySite: nil, profile: "mcode-secondary-cancer-condition"),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource")
        #expect(issue.detail.contains("no M category observation says M1"))
    }

    @Test func aSecondaryCancerWithM1IsConsistent() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(),
            BundleBuilder.condition(id: "met", icdO3: nil, bodySite: nil, profile: "mcode-secondary-cancer-condition"),
            BundleBuilder.category(id: "m", snomedCode: "399387003", value: (FHIRSystem.snomed, "1229903009")),
        ])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.tumor(mapping, "metastasis") == "M1")
    }

    @Test(arguments: [("1228848004", 1), ("1228850007", 2), ("1228851006", 3)])
    func ajccGradeCodesMapToTheFNCLCCGrade(_ code: String, _ grade: Int) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.grade(snomed: code)])
        #expect(Self.tumor(mapping, "grade") == .number(Double(grade)))
    }

    @Test(arguments: ["1286893008", "1155707008", "1155708003", "373373000"])
    func ambiguousGradesAreLeftOutWithTheReason(_ code: String) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.grade(snomed: code)])
        #expect(mapping.issues.isEmpty)
        #expect(Self.tumor(mapping, "grade") == nil)
        #expect(mapping.ignored.contains { $0.reason.contains(code) && $0.reason.contains("grade left unset") })
    }

    @Test func patientSexAndAgeOnTheReferenceDay() {
        let patient: JSONValue = ["resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1960-11-27"]
        let dayBefore = BundleBuilder.map([BundleBuilder.condition(), patient], referenceDate: "2026-11-26")
        #expect(dayBefore.caseDocument["patient"] == ["ageYears": 65, "sex": "male"])
        let birthday = BundleBuilder.map([BundleBuilder.condition(), patient], referenceDate: "2026-11-27")
        #expect(birthday.caseDocument["patient"]?["ageYears"] == 66)
    }

    @Test func aPartialBirthDateGivesNoAge() {
        let patient: JSONValue = ["resourceType": "Patient", "id": "p1", "birthDate": "1960"]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), patient], referenceDate: "2026-11-26")
        #expect(mapping.caseDocument["patient"] == nil)
        #expect(mapping.ignored.contains { $0.element == "birthDate" && $0.reason.contains("not a full date") })
    }

    @Test func anotherPatientResourceIsNotTheSubject() {
        let patient: JSONValue = ["resourceType": "Patient", "id": "p2", "gender": "male"]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), patient])
        #expect(mapping.caseDocument["patient"] == nil)
        #expect(mapping.ignored.contains { $0.resource == "Patient/p2" && $0.reason.contains("not the subject") })
    }
}
