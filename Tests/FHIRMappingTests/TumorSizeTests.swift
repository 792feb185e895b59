@testable import FHIRMapping
import JSON
import SarcomaGuidelines
import Testing

/// Tumour size: UCUM mm and cm only, mm / 10, the 5 cm T1/T2 boundary kept exact.
@Suite("Tumour size")
struct TumorSizeTests {
    static func sizeCm(_ mapping: FHIRCaseMapping) -> Double? {
        mapping.caseDocument["tumor"]?["sizeCm"]?.doubleValue
    }

    @Test(arguments: [
        (50.0, "mm", 5.0), (50.1, "mm", 5.01), (125.0, "mm", 12.5), (12.5, "cm", 12.5),
        (100.0, "mm", 10.0), (150.0, "mm", 15.0), (0.3, "mm", 0.03),
    ])
    func convertsMillimetresToCentimetresExactly(_ value: Double, _ unit: String, _ expected: Double) {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.size(value, unit: unit)])
        #expect(mapping.issues.isEmpty, "\(mapping.issues)")
        #expect(Self.sizeCm(mapping) == expected)
    }

    @Test func fiftyMillimetresStaysAtTheT1BoundaryAndFiftyPointOneCrossesIt() throws {
        let at = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.size(50, unit: "mm")])
        let above = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.size(50.1, unit: "mm")])
        let atCm = try #require(Self.sizeCm(at))
        let aboveCm = try #require(Self.sizeCm(above))
        // `docs/clinical/clinical-rules-2026.11-1.md` section 2: T1 <= 5 cm, upper bound inclusive.
        #expect(atCm <= 5.0)
        #expect(aboveCm > 5.0)
        #expect(at.source(of: "/tumor/sizeCm")?.note == "50 mm -> 5 cm")
    }

    @Test func agreeingSizesInDifferentUnitsAreOneSize() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(), BundleBuilder.size(id: "a", 125, unit: "mm"),
            BundleBuilder.size(id: "b", 12.5, unit: "cm"),
        ])
        #expect(mapping.issues.isEmpty)
        #expect(Self.sizeCm(mapping) == 12.5)
        #expect(mapping.mapped.filter { $0.target == "/tumor/sizeCm" }.count == 2)
    }

    @Test func twoDifferentSizesAreReportedAtBothAndNeitherIsPicked() {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(), BundleBuilder.size(id: "a", 12.5, unit: "cm"),
            BundleBuilder.size(id: "b", 13, unit: "cm"),
        ])
        #expect(Self.sizeCm(mapping) == nil)
        #expect(
            mapping.issues.map(\.pointer) == [
                "/entry/1/resource/component/0/valueQuantity",
                "/entry/2/resource/component/0/valueQuantity",
            ])
        #expect(mapping.issues.allSatisfy { $0.detail.contains("12.5 cm (Observation/a) vs 13 cm (Observation/b)") })
    }

    @Test(arguments: ["[in_i]", "m", "km", "dm", "um"])
    func otherUnitsAreRefusedWithTheUnitNamed(_ unit: String) throws {
        let mapping = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.size(5, unit: unit)])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/component/0/valueQuantity/code")
        #expect(issue.detail.contains("unit '\(unit)'"))
        #expect(issue.detail.contains("only UCUM"))
        #expect(Self.sizeCm(mapping) == nil)
    }

    @Test func aBoundIsNotAMeasurement() throws {
        var observation = BundleBuilder.size(50, unit: "mm").objectValue!
        var component = observation["component"]![0]!.objectValue!
        var quantity = component["valueQuantity"]!.objectValue!
        quantity["comparator"] = ">"
        component["valueQuantity"] = .object(quantity)
        observation["component"] = [.object(component)]
        let mapping = BundleBuilder.map([BundleBuilder.condition(), .object(observation)])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/component/0/valueQuantity/comparator")
        #expect(issue.detail.contains("'> 50' is a bound"))
        #expect(Self.sizeCm(mapping) == nil)
    }

    /// (Exactly `mm` / `cm` without a system are read: EHRQuirkTests.)
    @Test func anotherUnitWithoutTheUCUMSystemIsRefused() throws {
        let mapping = BundleBuilder.map([
            BundleBuilder.condition(), BundleBuilder.size(5, unit: "centimeters", system: nil),
        ])
        let issue = try #require(mapping.issues.first)
        #expect(issue.pointer == "/entry/1/resource/component/0/valueQuantity/system")
        #expect(issue.detail.contains("system missing"))
    }

    @Test func aSizeTheDecoderRefusesPointsBackAtItsSource() throws {
        // 2 m written as 2000 mm is 200 cm: beyond the contract's 100 cm (a unit slip).
        let mapping = BundleBuilder.map([BundleBuilder.condition(), BundleBuilder.size(2000, unit: "mm")])
        #expect(mapping.issues.isEmpty)
        guard case .failure(.invalid(let issues)) = CaseDecoder().decode(.object(mapping.caseDocument)) else {
            Issue.record("200 cm was accepted")
            return
        }
        #expect(issues.map(\.pointer) == ["/tumor/sizeCm"])
        #expect(mapping.source(of: "/tumor/sizeCm")?.source == "/entry/1/resource/component/0/valueQuantity")
    }
}
