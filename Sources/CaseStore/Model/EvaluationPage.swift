/// One page of a case's evaluations, oldest first.
public struct EvaluationPage: Sendable, Equatable {
    public var items: [StoredEvaluation]
    /// Opaque; nil on the last page.
    public var nextCursor: String?

    public init(items: [StoredEvaluation], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
