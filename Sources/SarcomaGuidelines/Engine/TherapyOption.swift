/// A therapy option of an answer: perioperative `modality` or palliative `agent`, with its
/// recommendation (category included).
struct TherapyOption: Sendable {
    /// `modality` or `agent`.
    var key: String
    var value: String
    var recommendation: Recommendation

    var json: JSONValue { recommendation.json(leading: [JSONMember(key, .string(value))]) }

    /// "postoperative_rt (cat 1)", "clinical_trial".
    var shortText: String {
        let name = value.split(separator: "_").map { $0 == "rt" ? "RT" : String($0) }.joined(separator: " ")
        guard let category = recommendation.category else { return name }
        return "\(name) (cat \(category.rawValue)\(recommendation.categoryDefaulted ? ", defaulted" : ""))"
    }
}
