/// The "preferred when" column of §8.3, before the §8.8 overrides.
public struct PreferredWhen: Sendable, Equatable {
    public enum Kind: String, Sendable, VocabularyCode, CaseIterable {
        case never, always
        /// Line context `first` (doxorubicin; doxorubicin + ifosfamide for synovial sarcoma).
        case lineFirst = "line_first"
        /// After progression on one of `agents` (repotrectinib after a TRK inhibitor).
        case afterProgressionOn = "after_progression_on"
        /// Pathway `best_supportive_care`; on `advanced` only without another disease-directed option.
        case bestSupportiveCare = "best_supportive_care"
        /// Pediatric-protocol scope (the referral).
        case pediatricScope = "pediatric_scope"
    }

    public var kind: Kind
    /// Further: the histology must be in this condition.
    public var histology: HistologyCondition?
    /// Not preferred after progression on any of these (the other first-generation TRK inhibitor).
    public var notAfterProgressionOn: [TherapyAgent]
    public var agents: [TherapyAgent]

    static func load(_ node: PackNode, classes: HistologyClassTable) throws(GuidelinePackError) -> PreferredWhen {
        var reader = try node.object()
        let kind = try reader.required("kind").code(Kind.self, "a preferred-when kind")
        let histology = try reader.optional("histology").map { node throws(GuidelinePackError) in
            try HistologyCondition.load(node, classes: classes)
        }
        let notAfter = try reader.optional("notAfterProgressionOn")?.codes(TherapyAgent.self, "an agent") ?? []
        let agentsNode = reader.optional("agents")
        let agents = try agentsNode?.codes(TherapyAgent.self, "an agent") ?? []
        try reader.finish()
        if (kind == .afterProgressionOn) == agents.isEmpty {
            throw node.failure("lists \"agents\" exactly when the kind is after_progression_on")
        }
        return PreferredWhen(kind: kind, histology: histology, notAfterProgressionOn: notAfter, agents: agents)
    }
}
