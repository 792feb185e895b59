import JSON
import TestSupport
import Testing
@testable import SarcomaGuidelines

@Suite("CaseEncoder: the normalized form")
struct CaseEncoderTests {
    @Test("the contract's example re-encodes to its canonical bytes")
    func contractExample() throws {
        let decoded = try #require(CaseFixtures.decoded(CaseFixtures.contractExample))
        // Written by hand from the contract: its order, 11.0 as 11, no whitespace.
        let expected =
            #"{"externalId":"EHR-000123","patient":{"ageYears":61,"sex":"female","ecog":1,"ivTherapyEligible":true,"anthracyclineCandidate":true},"tumor":{"site":"extremity","sizeCm":12.5,"depth":"deep","histology":"myxofibrosarcoma","grade":3,"fnclcc":{"differentiation":3,"mitosesPer10Hpf":22,"necrosisPercent":30},"infiltrativeBorders":false,"nodes":"N0","metastasis":"M0","ntrkFusion":false},"disease":{"presentation":"primary","resectable":true,"priorSystemicLines":0,"priorAnthracycline":false},"pet":{"suvMaxBaseline":11,"suvMaxPostTherapy":5.5}}"#
        #expect(String(decoding: CaseEncoder().bytes(decoded), as: UTF8.self) == expected)
        #expect(CaseFixtures.decoded(CaseEncoder().json(decoded)) == decoded)
    }

    @Test("members come out in the contract's order whatever order they came in; nulls are dropped")
    func normalizes() {
        let scrambled = """
            {"pet": {"suvMaxPostTherapy": 2, "suvMaxBaseline": 4},
             "tumor": {"multifocalSites": 2, "visceralExtent": "serosa", "site": "visceral", "sizeCm": null},
             "patient": {"sex": "male", "ageYears": 70, "ecog": null},
             "externalId": "E-9"}
            """
        let decoded = CaseFixtures.decoded(scrambled)!
        let expected =
            #"{"externalId":"E-9","patient":{"ageYears":70,"sex":"male"},"tumor":{"site":"visceral","visceralExtent":"serosa","multifocalSites":2},"pet":{"suvMaxBaseline":4,"suvMaxPostTherapy":2}}"#
        #expect(String(decoding: CaseEncoder().bytes(decoded), as: UTF8.self) == expected)
    }

    @Test("a minimal case is just its site")
    func minimal() {
        let bytes = CaseEncoder().bytes(SarcomaCase(tumor: .init(site: .headAndNeck)))
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"tumor":{"site":"head_and_neck"}}"#)
    }

    @Test("pretty output is the same document")
    func pretty() throws {
        let bytes = CaseEncoder().bytes(CaseFixtures.contractExampleCase, style: .pretty)
        #expect(try JSONParser().parse(bytes) == CaseEncoder().json(CaseFixtures.contractExampleCase))
        #expect(
            String(decoding: bytes, as: UTF8.self).hasPrefix(
                "{\n  \"externalId\": \"EHR-000123\",\n  \"patient\": {\n    \"ageYears\": 61,"))
    }

    @Test("every field set round-trips through the encoder and decoder")
    func fullRoundTrip() {
        let full = SarcomaCase(
            externalId: "MRN-1",
            patient: .init(
                ageYears: 0, sex: .unknown, ecog: 4, ivTherapyEligible: false, anthracyclineCandidate: false),
            tumor: .init(
                site: .headAndNeck, sizeCm: 0.01, depth: .superficial, histology: .otherSarcoma, grade: 1,
                fnclcc: .init(differentiation: 1, mitosesPer10Hpf: 0, necrosisPercent: 100),
                infiltrativeBorders: true, nodes: .n1, metastasis: .m1, ntrkFusion: true,
                metastaticSites: MetastaticSite.allCases, headNeckInvasion: HeadNeckInvasion.allCases,
                visceralExtent: .anotherOrgan, multifocalSites: 1),
            disease: .init(
                presentation: .recurrent, resectable: false, priorSystemicLines: 3,
                priorAnthracycline: true, limbSparingPossible: false),
            pet: .init(suvMaxBaseline: 0.3, suvMaxPostTherapy: 17.25))
        let bytes = CaseEncoder().bytes(full)
        guard case .success(let decoded) = CaseDecoder().decode(bytes) else {
            Issue.record("the canonical form must decode")
            return
        }
        #expect(decoded == full)
        #expect(CaseEncoder().bytes(decoded) == bytes)
    }

    @Test("random valid cases round-trip, bytes stable", arguments: [7, 11, 1234] as [UInt64])
    func generatedRoundTrip(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let sarcomaCase = generator.sarcomaCase()
            let bytes = CaseEncoder().bytes(sarcomaCase)
            guard case .success(let decoded) = CaseDecoder().decode(bytes) else {
                Issue.record("seed \(seed): did not decode \(String(decoding: bytes, as: UTF8.self))")
                return
            }
            #expect(decoded == sarcomaCase)
            #expect(CaseEncoder().bytes(decoded) == bytes)
        }
    }
}

extension SeededGenerator {
    mutating func maybe<T>(_ make: (inout SeededGenerator) -> T) -> T? {
        Bool.random(using: &self) ? make(&self) : nil
    }

    mutating func code<Code: CaseIterable>(_ type: Code.Type) -> Code? {
        maybe { $0.pick(Array(Code.allCases)) }
    }

    mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &self)! }

    /// Distinct codes, never empty (empty lists normalize to "not given").
    mutating func codes<Code: CaseIterable & Hashable>(_ type: Code.Type) -> [Code]? {
        maybe { generator in
            var seen = Set<Code>()
            return (0..<Int.random(in: 1...3, using: &generator)).compactMap { _ in
                let code = generator.pick(Array(Code.allCases))
                return seen.insert(code).inserted ? code : nil
            }
        }
    }

    /// A valid case in the normalized form: sub-objects present only with some field set.
    mutating func sarcomaCase() -> SarcomaCase {
        let patient = SarcomaCase.Patient(
            ageYears: maybe { Int.random(in: 0...130, using: &$0) }, sex: code(Sex.self),
            ecog: maybe { Int.random(in: 0...4, using: &$0) },
            ivTherapyEligible: maybe { Bool.random(using: &$0) },
            anthracyclineCandidate: maybe { Bool.random(using: &$0) })
        let fnclcc = SarcomaCase.FNCLCC(
            differentiation: maybe { Int.random(in: 1...3, using: &$0) },
            mitosesPer10Hpf: maybe { Int.random(in: 0...60, using: &$0) },
            necrosisPercent: maybe { Double(Int.random(in: 0...1000, using: &$0)) / 10 })
        let metastasis = code(MetastasisStatus.self)
        let tumor = SarcomaCase.Tumor(
            site: pick(Site.allCases), sizeCm: maybe { Double(Int.random(in: 1...10000, using: &$0)) / 100 },
            depth: code(Depth.self), histology: code(Histology.self),
            grade: maybe { Int.random(in: 1...3, using: &$0) },
            fnclcc: fnclcc == .init() ? nil : fnclcc, infiltrativeBorders: maybe { Bool.random(using: &$0) },
            nodes: code(NodalStatus.self), metastasis: metastasis, ntrkFusion: maybe { Bool.random(using: &$0) },
            metastaticSites: metastasis == .m1 ? codes(MetastaticSite.self) : nil,
            headNeckInvasion: codes(HeadNeckInvasion.self), visceralExtent: code(VisceralExtent.self),
            multifocalSites: maybe { Int.random(in: 1...8, using: &$0) })
        let disease = SarcomaCase.Disease(
            presentation: code(Presentation.self), resectable: maybe { Bool.random(using: &$0) },
            priorSystemicLines: maybe { Int.random(in: 0...5, using: &$0) },
            priorAnthracycline: maybe { Bool.random(using: &$0) },
            limbSparingPossible: maybe { Bool.random(using: &$0) })
        let pet = SarcomaCase.PET(
            suvMaxBaseline: maybe { Double.random(in: 0.1...40, using: &$0) },
            suvMaxPostTherapy: maybe { Double.random(in: 0.1...40, using: &$0) })
        return SarcomaCase(
            externalId: maybe { "EHR-\(Int.random(in: 0...999_999, using: &$0))" },
            patient: patient == .init() ? nil : patient, tumor: tumor,
            disease: disease == .init() ? nil : disease, pet: pet == .init() ? nil : pet)
    }
}

@Suite("CaseEncoder: order agrees with the decoder's schema")
struct CaseEncoderOrderTests {
    @Test("every object's members come out in the order CaseFields lists")
    func order() throws {
        var generator = SeededGenerator(seed: 5)
        var full = generator.sarcomaCase()
        full.externalId = "E"
        full.patient = .init(ageYears: 1, sex: .male, ecog: 0, ivTherapyEligible: true, anthracyclineCandidate: true)
        full.tumor = .init(
            site: .trunk, sizeCm: 1, depth: .deep, histology: .angiosarcoma, grade: 2,
            fnclcc: .init(differentiation: 2, mitosesPer10Hpf: 3, necrosisPercent: 4),
            infiltrativeBorders: true, nodes: .n0, metastasis: .m1, ntrkFusion: false,
            metastaticSites: [.lung], headNeckInvasion: [.orbit], visceralExtent: .serosa,
            multifocalSites: 2,
            biomarkers: .init(
                msiHigh: true, mmrDeficient: true, tmbMutPerMb: 1, brafV600e: true, retFusion: true,
                alkPositive: true, ini1Loss: true, hlaA02Eligible: true, hlaA0205Present: true, mageA4Positive: true))
        full.disease = .init(
            presentation: .primary, resectable: true, priorSystemicLines: 0,
            priorAnthracycline: false, limbSparingPossible: true, localDisease: .present,
            metastasesResectable: true, conversionNotFeasible: false, priorRadiotherapy: false,
            progressedOnAnthracycline: false, progressedOnAgents: [.eribulin], cumulativeDoxorubicinMgM2: 1,
            monthsSinceLastAnthracycline: 1, priorCardiotoxicTherapy: false,
            priorResection: .init(type: .planned, margin: .r0, closestMarginCm: 1, fascialPlaneIntact: true))
        full.pet = .init(suvMaxBaseline: 1, suvMaxPostTherapy: 2)
        let json = CaseEncoder().json(full)
        #expect(json.objectValue?.keys == CaseFields.top.fields)
        #expect(json["patient"]?.objectValue?.keys == CaseFields.patient.fields)
        #expect(json["tumor"]?.objectValue?.keys == CaseFields.tumor.fields)
        #expect(json["tumor"]?["fnclcc"]?.objectValue?.keys == CaseFields.fnclcc.fields)
        #expect(json["tumor"]?["biomarkers"]?.objectValue?.keys == CaseFields.biomarkers.fields)
        #expect(json["disease"]?.objectValue?.keys == CaseFields.disease.fields)
        #expect(json["disease"]?["priorResection"]?.objectValue?.keys == CaseFields.priorResection.fields)
        #expect(json["pet"]?.objectValue?.keys == CaseFields.pet.fields)
    }
}
