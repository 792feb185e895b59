import JSON
import SarcomaGuidelines
import Testing
@testable import FHIRMapping

/// Realistic EHR quirks (issue 9), each read or refused with a precise message; the README's
/// FHIR section has the same table.
@Suite("EHR quirks")
struct EHRQuirkTests {
    static func sizeCm(_ mapping: FHIRCaseMapping) -> Double? {
        mapping.caseDocument["tumor"]?["sizeCm"]?.doubleValue
    }

    /// Quantity (code, unit, system) -> size in cm, or the refused member.
    @Test(
        arguments: [
            ("mm", "mm", nil, 12.5, nil),  // code and unit mm, no system: read
            (nil, "mm", nil, 12.5, nil),  // unit only
            ("cm", nil, nil, 125, nil),  // code only (125 cm > 100 is the decoder's; here the read)
            ("mm", "millimetre", nil, nil, "system"),  // code and unit disagree: refused (no system)
            (nil, "MM", nil, nil, "code"),  // another spelling: refused
            ("mm", "mm", "http://example.org/units", nil, "system"),  // a system that is not UCUM: refused
        ] as [(String?, String?, String?, Double?, String?)])
    func aSizeUnitWithoutTheUCUMSystem(
        code: String?, unit: String?, system: String?, expected: Double?, refusedAt: String?
    ) {
        var quantity: JSONObject = ["value": 125]
        quantity["code"] = code.map(JSONValue.string)
        quantity["unit"] = unit.map(JSONValue.string)
        quantity["system"] = system.map(JSONValue.string)
        var size = BundleBuilder.size(125).objectValue!
        size["component"] = [
            [
                "code": ["coding": [["system": .string(FHIRSystem.loinc), "code": "33728-7"]]],
                "valueQuantity": .object(quantity),
            ]
        ]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(size)])
        if let expected {
            #expect(mapping.issues.isEmpty, "\(mapping.issues)")
            #expect(Self.sizeCm(mapping) == expected)
            #expect(mapping.warnings.contains { $0.code == "size-unit-without-system" })
            #expect(mapping.mapped.contains { $0.note?.contains("without a system, read as UCUM") == true })
        } else {
            #expect(Self.sizeCm(mapping) == nil)
            #expect(mapping.issues.map(\.pointer) == ["/entry/1/resource/component/0/valueQuantity/\(refusedAt ?? "")"])
            #expect(mapping.issues.first?.detail.contains("only UCUM") == true)
        }
    }

    @Test func icd10CMByItsOIDIsICD10CM() {
        var condition = BundleBuilder.condition(bodySite: nil).objectValue!
        condition["code"] = ["coding": [["system": "urn:oid:2.16.840.1.113883.6.90", "code": "C49.22"]]]
        let mapping = BundleBuilder.map([.object(condition)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(mapping.caseDocument["tumor"]?["site"] == "extremity")
        // Another OID is not a system the service reads: no site.
        condition["code"] = ["coding": [["system": "urn:oid:2.16.840.1.113883.6.3", "code": "C49.2"]]]
        #expect(BundleBuilder.map([.object(condition)]).caseDocument["tumor"]?["site"] == nil)
    }

    static func ecog(value: JSONValue? = nil, answer: String? = nil, interpretation: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "resourceType": "Observation", "id": "e1", "status": "final",
            "code": ["coding": [["system": .string(FHIRSystem.loinc), "code": "89247-1"]]],
            "subject": ["reference": "Patient/p1"],
        ]
        object["valueInteger"] = value
        if let answer {
            object["valueCodeableConcept"] = [
                "coding": [["system": .string(FHIRSystem.loinc), "code": .string(answer)]]
            ]
        }
        if let interpretation {
            object["interpretation"] = [
                ["coding": [["system": .string(FHIRSystem.loinc), "code": .string(interpretation)]]]
            ]
        }
        return .object(object)
    }

    /// LOINC answer list LL529-9 -> ECOG.
    @Test(arguments: [("LA9622-7", 0), ("LA9623-5", 1), ("LA9624-3", 2), ("LA9625-0", 3), ("LA9626-8", 4)])
    func ecogAsALOINCAnswerCode(answer: String, grade: Int) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), Self.ecog(answer: answer)])
        #expect(mapping.issues.isEmpty)
        #expect(mapping.caseDocument["patient"]?["ecog"] == .number(Double(grade)))
        // mCODE's own shape: valueInteger with the answer as interpretation.
        let mcode = BundleBuilder.map([
            BundleBuilder.condition(), Self.ecog(value: .number(Double(grade)), interpretation: answer),
        ])
        #expect(mcode.caseDocument["patient"]?["ecog"] == .number(Double(grade)))
    }

    @Test func ecogThatCannotBeReadIsRefusedOrLeftUnsetWithTheReason() throws {
        let dead = BundleBuilder.map([BundleBuilder.condition(), Self.ecog(answer: "LA9627-6")])
        #expect(dead.issues.map(\.pointer) == ["/entry/1/resource/valueCodeableConcept/coding/0"])
        #expect(dead.issues.first?.detail.contains("ECOG 5 (dead)") == true)

        let disagree = BundleBuilder.map([BundleBuilder.condition(), Self.ecog(value: 1, interpretation: "LA9625-0")])
        #expect(disagree.issues.map(\.pointer) == ["/entry/1/resource/interpretation/0/coding/0"])
        #expect(disagree.issues.first?.detail.contains("disagree") == true)

        let unknown = BundleBuilder.map([BundleBuilder.condition(), Self.ecog(answer: "LA0000-0")])
        #expect(unknown.issues.isEmpty)
        #expect(unknown.caseDocument["patient"] == nil)
        #expect(unknown.ignored.contains { $0.reason.contains("LOINC ECOG answer code") })
    }

    /// birthDate precision -> age on 2026-11-26, or none (two ages possible).
    @Test(
        arguments: [
            ("1960-11-27", 65), ("1960-11-26", 66),
            ("1960-03", 66),  // year-month outside the reference month: one age
            ("1960-12", 65),
            ("1960-11", nil),  // the reference month: 65 or 66
            ("1960", nil),  // year only: 65 or 66
            ("2026", 0),  // born this year, on or before today
        ] as [(String, Int?)])
    func partialBirthDates(birthDate: String, age: Int?) {
        let patient: JSONValue = ["resourceType": "Patient", "id": "p1", "birthDate": .string(birthDate)]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), patient], referenceDate: "2026-11-26")
        #expect(mapping.issues.isEmpty)
        if let age {
            #expect(mapping.caseDocument["patient"]?["ageYears"] == .number(Double(age)), "\(birthDate)")
        } else {
            #expect(mapping.caseDocument["patient"] == nil, "\(birthDate)")
            #expect(
                mapping.ignored.contains { $0.element == "birthDate" && $0.reason.contains("65 or 66") }, "\(birthDate)"
            )
        }
    }
}
