/// REND-COMBINATION (rules §9): how an agent code reads in text. A combination is its
/// components joined by " + " (`pazopanib + gemcitabine`, from the pack's `combinations`);
/// the fixed options and the two agents whose names carry a hyphen or a space read as words.
struct AgentDisplay {
    let sets: AgentSets

    static let words: [TherapyAgent: String] = [
        .nabSirolimus: "nab-sirolimus", .afamitresgeneAutoleucel: "afamitresgene autoleucel",
        .clinicalTrial: "clinical trial", .bestSupportiveCare: "best supportive care",
        .pediatricProtocolReferral: "pediatric protocol referral",
    ]

    func name(_ agent: TherapyAgent) -> String {
        if let word = Self.words[agent] { return word }
        if let parts = sets.components[agent] { return parts.joined(separator: " + ") }
        return agent.rawValue
    }
}
