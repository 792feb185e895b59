@testable import FHIRMapping
import JSON
import Testing

/// The CDS Hooks prefetch template is `ObservationCodes.read`; these tests hold it to the
/// mapper: every code the mapper reads is listed, and every listed code is read.
@Suite("Observation codes the mapper reads")
struct ObservationCodesTests {
    @Test func everyListedCodeIsOneTheMapperReads() {
        for (system, code) in ObservationCodes.read {
            #expect(
                ObservationKind([FHIRCoding(system: system, code: code, display: nil, pointer: .root)]) != nil,
                "\(system)|\(code)")
        }
    }

    @Test func everyCodeOfTheMappersTablesIsListed() {
        let listed = Set(ObservationCodes.read.map { "\($0.system)|\($0.code)" })
        var tables =
            TNMCodes.loinc.keys.map { "\(FHIRSystem.loinc)|\($0)" }
            + TNMCodes.snomed.keys.map { "\(FHIRSystem.snomed)|\($0)" }
        tables += TumorSizeCodes.observationCodes.map { "\(FHIRSystem.loinc)|\($0)" }
        tables += GradeCodes.observationCodes.map { "\($0.system)|\($0.code)" }
        tables.append("\(FHIRSystem.loinc)|\(ObservationCodes.ecog)")
        #expect(Set(tables) == listed)
        #expect(listed.count == ObservationCodes.read.count, "no code listed twice")
    }

    /// The codes issue 9 found missing from the template (mCODE STU3+ SNOMED CT TNM
    /// observables, LOINC greatest dimension and grade), written out from the issue.
    @Test(arguments: [
        ("http://snomed.info/sct", "399537006"), ("http://snomed.info/sct", "399504009"),
        ("http://snomed.info/sct", "399534004"), ("http://snomed.info/sct", "399387003"),
        ("http://snomed.info/sct", "384625004"), ("http://snomed.info/sct", "371494008"),
        ("http://snomed.info/sct", "371497001"), ("http://snomed.info/sct", "399588009"),
        ("http://loinc.org", "33728-7"), ("http://loinc.org", "21858-6"), ("http://loinc.org", "33732-9"),
        ("http://loinc.org", "21889-1"), ("http://loinc.org", "89247-1"), ("http://loinc.org", "21907-1"),
    ])
    func theCodesTheTemplateLackedAreRequested(system: String, code: String) {
        #expect(ObservationCodes.searchToken.split(separator: ",").contains("\(system)|\(code)"[...]))
    }
}
