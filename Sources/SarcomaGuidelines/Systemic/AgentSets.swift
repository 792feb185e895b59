import JSON

/// Set A (anthracycline-containing) and set C (cytotoxic = A plus the other cytotoxics) of
/// §8.4, and the combination codes with their components (§8.2 step 7 reads components).
public struct AgentSets: Sendable, Equatable {
    public var anthracycline: Set<TherapyAgent>
    public var cytotoxic: Set<TherapyAgent>
    public var components: [TherapyAgent: [String]]

    /// The components of a code: a combination's agents, or the code itself.
    public func components(of agent: TherapyAgent) -> [String] { components[agent] ?? [agent.rawValue] }

    func members(_ node: PackNode) throws(GuidelinePackError) -> Set<TherapyAgent> {
        switch try node.string() {
        case "anthracycline": return anthracycline
        case "cytotoxic": return cytotoxic
        case let other: throw node.failure("\"\(other)\" is not a set (anthracycline, cytotoxic)")
        }
    }

    static func load(sets: PackNode, combinations: PackNode) throws(GuidelinePackError) -> AgentSets {
        var reader = try sets.object()
        let anthracycline = Set(try reader.required("anthracycline").codes(TherapyAgent.self, "an agent"))
        let othersNode = try reader.required("cytotoxicBeyondAnthracycline")
        let others = Set(try othersNode.codes(TherapyAgent.self, "an agent"))
        try reader.finish()
        if !anthracycline.isDisjoint(with: others) { throw othersNode.failure("repeats an agent of set A") }
        guard case .object(let object) = combinations.value else {
            throw combinations.failure("must be an object of code to components")
        }
        var components: [TherapyAgent: [String]] = [:]
        for key in object.keys.sorted() {
            let child = combinations.child(key, object[key] ?? .null)
            guard let agent = TherapyAgent(rawValue: key) else {
                throw child.failure("\"\(key)\" is not a contract-v2 agent")
            }
            var parts: [String] = []
            for item in try child.nonEmptyArray() { parts.append(try item.snakeCode()) }
            guard parts.count >= 2, parts.joined(separator: "_") == key else {
                throw child.failure("must list at least two components joined by \"_\" into \(key)")
            }
            components[agent] = parts
        }
        return AgentSets(anthracycline: anthracycline, cytotoxic: anthracycline.union(others), components: components)
    }
}
