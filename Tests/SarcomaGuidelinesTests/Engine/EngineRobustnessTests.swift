import JSON
import Testing
@testable import SarcomaGuidelines

/// `evaluate` must never trap on any `SarcomaCase`, even values the decoder would refuse
/// (NaN sizes, negative counts, out-of-range grades): a sweep of generated cases.
@Suite("Engine robustness")
struct EngineRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func pick<T>(_ values: [T], _ generator: inout Generator) -> T { values.randomElement(using: &generator)! }

    static func randomCase(_ g: inout Generator) -> SarcomaCase {
        let sizes: [Double?] = [nil, 0.1, 2, 2.0001, 4, 5, 5.01, 8, 8.01, 10, 15, 15.01, 60, 0, -3, .nan, .infinity]
        let ints: [Int?] = [nil, 0, 1, 2, 3, 4, 7, -1, 25, Int.max]
        let doubles: [Double?] = [nil, 0, 10, 49.9, 50, 100, 130, -5, .nan]
        let bools: [Bool?] = [nil, true, false]
        let tumor = SarcomaCase.Tumor(
            site: pick(Site.allCases, &g), sizeCm: pick(sizes, &g), depth: pick([nil] + Depth.allCases, &g),
            histology: pick([nil] + Histology.allCases, &g), grade: pick(ints, &g),
            fnclcc: pick(
                [
                    nil,
                    SarcomaCase.FNCLCC(
                        differentiation: pick(ints, &g), mitosesPer10Hpf: pick(ints, &g),
                        necrosisPercent: pick(doubles, &g)),
                ], &g),
            infiltrativeBorders: pick(bools, &g), nodes: pick([nil] + NodalStatus.allCases, &g),
            metastasis: pick([nil] + MetastasisStatus.allCases, &g), ntrkFusion: pick(bools, &g),
            metastaticSites: pick([nil, [], [.lung, .liver]], &g),
            headNeckInvasion: pick([nil, [], [.orbit], [.orbit, .brainParenchyma]], &g),
            visceralExtent: pick([nil] + VisceralExtent.allCases, &g), multifocalSites: pick(ints, &g))
        return SarcomaCase(
            patient: pick(
                [
                    nil,
                    SarcomaCase.Patient(ivTherapyEligible: pick(bools, &g), anthracyclineCandidate: pick(bools, &g)),
                ], &g),
            tumor: tumor,
            disease: pick(
                [
                    nil,
                    SarcomaCase.Disease(
                        presentation: pick([nil] + Presentation.allCases, &g),
                        resectable: pick(bools, &g), priorSystemicLines: pick(ints, &g),
                        priorAnthracycline: pick(bools, &g), limbSparingPossible: pick(bools, &g)),
                ], &g),
            pet: pick(
                [nil, SarcomaCase.PET(suvMaxBaseline: pick(doubles, &g), suvMaxPostTherapy: pick(doubles, &g))], &g))
    }

    @Test("Generated cases: every kind answers, with the fixed members, rule ids from the catalogue, ASCII text")
    func sweep() {
        var generator = Generator(state: 20_261_126)
        let catalogued = Set(PackFixture.pack.rules.map(\.id))
        for _ in 0..<250 {
            let tumorCase = Self.randomCase(&generator)
            _ = PackFixture.engine.consistencyIssues(in: tumorCase)
            for kind in EvaluationKind.allCases {
                let evaluation = PackFixture.engine.evaluate(kind, for: tumorCase, explain: true)
                #expect(evaluation.json.engineValue("guidelineVersion") == "2026.11-1")
                #expect(evaluation.ruleIds.allSatisfy(catalogued.contains))
                #expect(evaluation.plainText.unicodeScalars.allSatisfy { $0.isASCII })
                #expect(!JSONWriter.compact.bytes(evaluation.json).isEmpty)
            }
        }
    }
}
