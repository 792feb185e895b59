import Foundation
import JSON
import Testing
@testable import SarcomaGuidelines

/// The text/plain rendering of the v2 margins, imaging and perioperative answers (rules §9),
/// one row per presentation rule: the phrase the rule requires for a case, and the rule ids
/// the text may not cite because the section's JSON carries none of them (REND-TRACE).
@Suite("Contract v2 text rendering (rules §9)")
struct ContractTwoTextTests {
    struct Row: Sendable, CustomStringConvertible {
        var rule: String
        var section: ContractTwoSection
        var tumor: SarcomaCase.Tumor
        var disease = SarcomaCase.Disease(presentation: .primary, resectable: true)
        var pet: SarcomaCase.PET? = nil
        var phrases: [String]
        var notCited: [String] = []
        var description: String { "\(rule) \(section.rawValue): \(phrases.first ?? "")" }
    }

    static let rows: [Row] = [
        Row(
            rule: "REND-MARGIN", section: .margins,
            tumor: .init(
                site: .extremity, sizeCm: 9, depth: .deep, histology: .wellDifferentiatedLiposarcoma, grade: 1),
            phrases: ["complete excision (R0), minimal margin", "applies to the planned resection"]),
        Row(
            rule: "REND-MARGIN", section: .margins,
            tumor: .init(site: .retroperitoneum, sizeCm: 22, histology: .dedifferentiatedLiposarcoma, grade: 3),
            phrases: ["en bloc, macroscopically complete"], notCited: ["MARGIN-AMPUTATION", "MARGIN-WIDE-1CM"]),
        Row(
            rule: "REND-MARGIN", section: .margins,
            tumor: .init(site: .trunk, sizeCm: 6, histology: .dermatofibrosarcomaProtuberans),
            phrases: ["Mohs or PDEMA; wide excision 2 cm if not available"]),
        Row(
            rule: "REND-MARGIN", section: .margins,
            tumor: .init(
                site: .extremity, sizeCm: 16, depth: .deep, histology: .undifferentiatedPleomorphicSarcoma, grade: 3),
            disease: .init(presentation: .primary, resectable: false),
            phrases: ["wide en bloc excision, 1 cm margin", "after successful conversion therapy"]),
        Row(
            rule: "REND-ORDER", section: .imaging,
            tumor: .init(site: .extremity, sizeCm: 8, depth: .deep, histology: .myxoidLiposarcoma, grade: 2),
            phrases: [
                "one of: MRI (preferred), CT", "chest CT (required, preferred)",
                "whole-spine MRI (required, preferred)",
            ]),
        Row(
            rule: "IMG-PET-RESPONSE", section: .imaging,
            tumor: .init(
                site: .extremity, sizeCm: 8, depth: .deep, histology: .undifferentiatedPleomorphicSarcoma, grade: 3),
            pet: .init(suvMaxBaseline: 10, suvMaxPostTherapy: 5),
            phrases: ["PET response: SUVmax reduction 50 % (threshold 40 %): favourable"]),
        Row(
            rule: "REND-REASONS", section: .perioperative,
            tumor: .init(site: .retroperitoneum, sizeCm: 22, histology: .dedifferentiatedLiposarcoma, grade: 3),
            phrases: ["1. surgery: NCCN category not stated", "preoperative RT:", "(not_routine_retroperitoneum)"]),
        Row(
            rule: "REND-COMBINATION", section: .perioperative,
            tumor: .init(
                site: .extremity, sizeCm: 16, depth: .deep, histology: .undifferentiatedPleomorphicSarcoma, grade: 3),
            disease: .init(presentation: .primary, resectable: false),
            phrases: ["1. preoperative RT", "1. doxorubicin (preferred):", "2. doxorubicin + ifosfamide:"]),
    ]

    @Test("each §9 rule's phrase, ASCII within 80 columns, citing only the JSON's rule ids", arguments: rows)
    func rendering(row: Row) throws {
        let patient = SarcomaCase.Patient(ageYears: 50, ecog: 1, ivTherapyEligible: true, anthracyclineCandidate: true)
        let sarcomaCase = SarcomaCase(patient: patient, tumor: row.tumor, disease: row.disease, pet: row.pet)
        for explain in [false, true] {
            let answer = try ContractTwoAssessmentTests.engine.evaluate(row.section, for: sarcomaCase, explain: explain)
            let text = answer.plainText
            let flat = text.split(separator: "\n").map { $0.dropFirst(11) }.joined(separator: " ")
                .split(separator: " ").joined(separator: " ")
            for phrase in row.phrases { #expect(flat.contains(phrase), "\(phrase) in:\n\(text)") }
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "over 80 columns: \(line)")
                #expect(line.allSatisfy { $0.isASCII }, "ASCII: \(line)")
            }
            let inJSON = ContractTwoRuleIds.all(in: answer.json)
            let cited = Set(
                text.split(separator: "[").dropFirst().flatMap {
                    $0.prefix { $0 != "]" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                })
            #expect(cited.subtracting(inJSON).isEmpty, "cited, not in the JSON: \(cited.subtracting(inJSON))")
            for rule in row.notCited { #expect(!cited.contains(rule), "\(rule) cited") }
            #expect(text.contains("Trace") == explain, "REND-EXPLAIN")
        }
    }

    @Test(
        "REND-WORDING: a rule the line excludes is traced \"not applied: this is the first line\" / \"... the subsequent line\"",
        arguments: [
            // Leiomyosarcoma line F: trabectedin (PALL-TRABECTEDIN, S and FA) is not an option.
            (0, "PALL-TRABECTEDIN not applied: this is the first line: trabectedin"),
            // Line S: doxorubicin + trabectedin (PALL-LMS-DOXTRAB) is first line only.
            (1, "PALL-LMS-DOXTRAB not applied: this is the subsequent line: doxorubicin_trabectedin"),
        ])
    func lineWording(priorLines: Int, phrase: String) throws {
        let patient = SarcomaCase.Patient(ageYears: 50, ecog: 1, ivTherapyEligible: true, anthracyclineCandidate: true)
        let disease = SarcomaCase.Disease(
            presentation: .primary, resectable: false, priorSystemicLines: priorLines,
            priorAnthracycline: priorLines > 0)
        let sarcomaCase = SarcomaCase(
            patient: patient,
            tumor: .init(
                site: .extremity, sizeCm: 9, depth: .deep, histology: .leiomyosarcoma, grade: 3, nodes: .n0,
                metastasis: .m1),
            disease: disease)
        let answer = try ContractTwoAssessmentTests.engine.evaluate(.palliative, for: sarcomaCase, explain: true)
        let flat = answer.plainText.split(separator: "\n").map { $0.dropFirst(11) }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(flat.contains(phrase), "\(phrase) in:\n\(answer.plainText)")
    }
}
