import JSON
/// The `/v2/assessment` answer (delta §3.4): the v1 envelope (`guidelineVersion`, the union of
/// the sections' warnings, each once, then the five sections, each its own endpoint's body)
/// plus `scope`, `pathway` and `intent` at the top. A section is placed as the JSON its
/// endpoint answers, so the margins, imaging and perioperative answers join as they are built;
/// until all five are placed there is no answer, so an assessment never omits a section.
public struct ContractTwoAssessment: Sendable {
    /// The sections, in the v1 order.
    public static let sections = ["staging", "margins", "imaging", "perioperative", "palliative"]

    public let guidelineVersion: String
    public let decision: PathwayDecision
    private var placed: [String: JSONValue] = [:]

    public init(guidelineVersion: String, decision: PathwayDecision) {
        self.guidelineVersion = guidelineVersion
        self.decision = decision
    }

    /// Places one section's answer; false (nothing placed) for a name that is not a section.
    @discardableResult
    public mutating func place(_ section: String, _ answer: JSONValue) -> Bool {
        guard Self.sections.contains(section) else { return false }
        placed[section] = answer
        return true
    }

    /// The sections not yet placed, in order.
    public var missing: [String] { Self.sections.filter { placed[$0] == nil } }

    /// The whole answer; nil while a section is missing.
    public var json: JSONValue? {
        guard missing.isEmpty else { return nil }
        var collected: [ContractTwoWarning] = []
        for section in Self.sections {
            for warning in placed[section]?["warnings"]?.arrayValue ?? [] {
                guard let code = warning["code"]?.stringValue else { continue }
                collected.append(ContractTwoWarning(code: code, message: warning["message"]?.stringValue ?? ""))
            }
        }
        let warnings = ContractTwoWarning.unique(collected).map(\.json)
        var members: [JSONMember] = [
            JSONMember("guidelineVersion", .string(guidelineVersion)),
            JSONMember("scope", .string(decision.scope.rawValue)),
            JSONMember("pathway", .string(decision.pathway.rawValue)),
            JSONMember("intent", .string(decision.intent.rawValue)),
            JSONMember("warnings", .array(warnings)),
        ]
        for section in Self.sections { members.append(JSONMember(section, placed[section] ?? .null)) }
        return .object(JSONObject(engineMembers: members))
    }
}

extension ContractTwoEngine {
    /// The assessment of a case with every section this engine can answer placed.
    public func assessment(for sarcomaCase: SarcomaCase, explain: Bool = false) throws(SystemicInputError)
        -> ContractTwoAssessment
    {
        let facts = try facts(for: sarcomaCase)
        var assessment = ContractTwoAssessment(guidelineVersion: pack.version, decision: facts.pathway)
        for section in ContractTwoSection.allCases {
            assessment.place(section.rawValue, try evaluate(section, facts: facts, explain: explain).json)
        }
        return assessment
    }
}
