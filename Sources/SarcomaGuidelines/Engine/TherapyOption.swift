import JSON
/// A therapy option of an answer: perioperative `modality` or palliative `agent`, with its
/// recommendation (category included).
struct TherapyOption: Sendable {
    /// `modality` or `agent`.
    let key: String
    let value: String
    let recommendation: Recommendation
    /// The JSON built when the pack loaded, for an option exactly as its pack row states it.
    private let prebuilt: JSONValue?

    init(key: String, value: String, recommendation: Recommendation) {
        self.key = key
        self.value = value
        self.recommendation = recommendation
        prebuilt = nil
    }

    private init(key: String, value: String, recommendation: Recommendation, prebuilt: JSONValue) {
        self.key = key
        self.value = value
        self.recommendation = recommendation
        self.prebuilt = prebuilt
    }

    /// A pack row's option exactly as every answer writes it, its JSON built once (at pack
    /// load); nil when its category depends on histology, which the engine decides per case.
    /// (Further rules joining an option also make the engine build it per case.)
    static func fixed(
        key: String, value: String, ruleID: RuleID, category: CategorySpec, text: GuidanceText,
        source: String
    ) -> TherapyOption? {
        guard !category.dependsOnHistology else { return nil }
        let recommendation = Recommendation(
            ruleID: ruleID, category: category.otherwise, categoryDefaulted: category.defaulted,
            rationale: text.rationale, source: source, evidence: text.evidence)
        let option = TherapyOption(key: key, value: value, recommendation: recommendation)
        return TherapyOption(key: key, value: value, recommendation: recommendation, prebuilt: option.json)
    }

    var json: JSONValue {
        if let prebuilt {
            assert(prebuilt == computedJSON, "a stale prebuilt therapy option")
            return prebuilt
        }
        return computedJSON
    }

    private var computedJSON: JSONValue { recommendation.json(leading: [JSONMember(key, .string(value))]) }

    /// The same option with words added to its rationale.
    func appendingToRationale(_ words: String) -> TherapyOption {
        TherapyOption(key: key, value: value, recommendation: recommendation.appendingToRationale(words))
    }

    /// "postoperative_rt (cat 1)", "clinical_trial".
    var shortText: String {
        let name = value.split(separator: "_").map { $0 == "rt" ? "RT" : String($0) }.joined(separator: " ")
        guard let category = recommendation.category else { return name }
        return "\(name) (cat \(category.rawValue)\(recommendation.categoryDefaulted ? ", defaulted" : ""))"
    }
}
