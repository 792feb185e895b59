import JSON
import Testing
@testable import SarcomaGuidelines

/// A named case for parameterized engine tests.
struct EngineSampleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let value: SarcomaCase
    var testDescription: String { name }
}

/// Cases across sites, stages, defaults and palliative lines.
enum EngineSampleCases {
    static func tumor(
        _ site: Site, size: Double? = nil, depth: Depth? = nil, histology: Histology? = nil,
        grade: Int? = nil, nodes: NodalStatus? = nil, metastasis: MetastasisStatus? = nil
    ) -> SarcomaCase.Tumor {
        SarcomaCase.Tumor(
            site: site, sizeCm: size, depth: depth, histology: histology, grade: grade, nodes: nodes,
            metastasis: metastasis, metastaticSites: metastasis == .m1 ? [.lung] : nil)
    }

    /// The contract's example case (shared with the case decoder's tests).
    static var contractExample: SarcomaCase { CaseFixtures.contractExampleCase }

    static let all: [EngineSampleCase] =
        Site.allCases.map {
            EngineSampleCase(name: "site only: \($0.rawValue)", value: SarcomaCase(tumor: .init(site: $0)))
        } + [
            EngineSampleCase(name: "contract example", value: contractExample),
            EngineSampleCase(
                name: "trunk stage II",
                value: SarcomaCase(
                    tumor: tumor(
                        .trunk, size: 4, depth: .deep,
                        histology: .synovialSarcoma, grade: 2, nodes: .n0, metastasis: .m0))),
            EngineSampleCase(
                name: "extremity N1",
                value: SarcomaCase(
                    tumor: tumor(.extremity, size: 9, grade: 3, nodes: .n1, metastasis: .m0),
                    disease: .init(resectable: true))),
            EngineSampleCase(
                name: "M1 LMS second line",
                value: SarcomaCase(
                    patient: .init(ivTherapyEligible: true, anthracyclineCandidate: true),
                    tumor: tumor(.retroperitoneum, size: 11, histology: .leiomyosarcoma, grade: 2, metastasis: .m1),
                    disease: .init(presentation: .primary, priorSystemicLines: 1, priorAnthracycline: true))),
            EngineSampleCase(
                name: "M1 DDLPS first line, IV-ineligible",
                value: SarcomaCase(
                    patient: .init(ivTherapyEligible: false, anthracyclineCandidate: false),
                    tumor: tumor(
                        .retroperitoneum, size: 22, histology: .dedifferentiatedLiposarcoma, grade: 3, metastasis: .m1),
                    disease: .init(priorSystemicLines: 0))),
            EngineSampleCase(
                name: "head and neck T4b",
                value: SarcomaCase(
                    tumor: .init(
                        site: .headAndNeck, sizeCm: 3, grade: 3, headNeckInvasion: [.carotidEncasement, .orbit]))),
            EngineSampleCase(
                name: "visceral multifocal",
                value: SarcomaCase(
                    tumor: .init(
                        site: .visceral, sizeCm: 8, grade: 2, visceralExtent: .serosa, multifocalSites: 4))),
            EngineSampleCase(
                name: "recurrent unresectable ALT/WDLS with PET",
                value: SarcomaCase(
                    tumor: tumor(.retroperitoneum, size: 25, histology: .wellDifferentiatedLiposarcoma, grade: 1),
                    disease: .init(presentation: .recurrent, resectable: false),
                    pet: .init(suvMaxBaseline: 10, suvMaxPostTherapy: 6.01))),
            EngineSampleCase(
                name: "extremity ALT/WDLS, infiltrative, no limb sparing",
                value: SarcomaCase(
                    tumor: .init(
                        site: .extremity, sizeCm: 16, depth: .deep, histology: .wellDifferentiatedLiposarcoma, grade: 1,
                        infiltrativeBorders: true, nodes: .n0, metastasis: .m0),
                    disease: .init(presentation: .primary, resectable: true, limbSparingPossible: false))),
        ]
}

/// Test-side readers of engine JSON.
enum EngineJSON {
    /// Every string under members named `names`, anywhere in the tree (arrays flattened).
    static func strings(named names: Set<String>, in value: JSONValue) -> [String] {
        var found: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let items): items.forEach(walk)
            case .object(let object):
                for item in object.members {
                    let key = item.key
                    let member = item.value
                    if names.contains(key) {
                        if case .string(let text) = member { found.append(text) }
                        if case .array(let items) = member { found += items.compactMap(\.stringValue) }
                    }
                    walk(member)
                }
            default: break
            }
        }
        walk(value)
        return found
    }

    /// Every `trace` entry anywhere in the answer (the assessment nests them per section).
    static func traceEntries(in value: JSONValue) -> [(ruleId: String, applied: Bool, reason: String)] {
        var found: [(String, Bool, String)] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let items): items.forEach(walk)
            case .object(let object):
                for item in object.members {
                    let key = item.key
                    let member = item.value
                    if key == "trace", case .array(let entries) = member {
                        for entry in entries {
                            found.append(
                                (
                                    entry["ruleId"]?.stringValue ?? "", entry["applied"]?.boolValue ?? false,
                                    entry["reason"]?.stringValue ?? ""
                                ))
                        }
                    } else {
                        walk(member)
                    }
                }
            default: break
            }
        }
        walk(value)
        return found
    }

    /// Every object carrying a `ruleId` outside `trace`: the recommendation objects.
    static func recommendationObjects(in value: JSONValue) -> [JSONObject] {
        var found: [JSONObject] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let items): items.forEach(walk)
            case .object(let object):
                if object["ruleId"] != nil { found.append(object) }
                for member in object.members where member.key != "trace" { walk(member.value) }
            default: break
            }
        }
        walk(value)
        return found
    }
}
