import JSON
/// The evidence sentences a recommendation quotes from its source, with their JSON array
/// built once when the pack loads: an assessment carries a few dozen recommendations, and
/// rebuilding the same arrays for every answer cost more than the rules that chose them.
struct Evidence: Sendable, ExpressibleByArrayLiteral {
    let sentences: [String]
    /// `["...", "..."]` as every response writes it.
    let json: JSONValue

    init(_ sentences: [String]) {
        self.sentences = sentences
        json = .array(sentences.map { .string($0) })
    }

    init(arrayLiteral sentences: String...) {
        self.init(sentences)
    }
}
