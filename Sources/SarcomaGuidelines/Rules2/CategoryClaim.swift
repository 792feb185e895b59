import JSON

/// A non-null NCCN category a pack row may show in its §0.3 setting: the category, whether it
/// is defaulted, its basis and its register source. Load enforces §0.1 exactly as the systemic
/// table does: a category needs a basis other than `none` and a verified register source;
/// `source_deck` cites DECK; only 2A can be defaulted.
public struct CategoryClaim: Sendable, Equatable {
    public var category: NCCNCategory
    public var defaulted: Bool
    public var basis: CategoryBasis
    public var source: SourceRegister.Source

    /// `categorySource` on the wire (§0.1 table).
    public var sourceText: String {
        switch basis {
        case .sourceDeck: "DECK (source-slides.txt)"
        case .nccn, .nccnSecondary, .none: [source.id, source.address].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// The REND-CATEGORY category part (§9).
    public var displayText: String {
        switch (basis, defaulted) {
        case (.sourceDeck, false): "NCCN category \(category.rawValue)"
        case (.sourceDeck, true): "NCCN category 2A (defaulted: listed without a stated category)"
        case (_, false): "NCCN category \(category.rawValue) per \(sourceText)"
        case (_, true): "NCCN category 2A (defaulted) per \(sourceText)"
        }
    }

    /// `nccnCategory`, `categoryDefaulted`, `categoryBasis`, `categorySource`; null / none without a claim.
    static func members(_ claim: CategoryClaim?) -> [JSONMember] {
        [
            JSONMember("nccnCategory", claim.map { .string($0.category.rawValue) } ?? .null),
            JSONMember("categoryDefaulted", .bool(claim?.defaulted ?? false)),
            JSONMember("categoryBasis", .string((claim?.basis ?? CategoryBasis.none).rawValue)),
            JSONMember("categorySource", claim.map { .string($0.sourceText) } ?? .null),
        ]
    }

    static func load(from reader: inout PackObjectReader, register: SourceRegister) throws(GuidelinePackError)
        -> CategoryClaim
    {
        let categoryNode = try reader.required("category")
        let category = try categoryNode.code(NCCNCategory.self, "an NCCN category")
        let defaultedNode = try reader.required("defaulted")
        let defaulted = try defaultedNode.bool()
        let basisNode = try reader.required("basis")
        let basis = try basisNode.code(CategoryBasis.self, "a category basis")
        let sourceNode = try reader.required("source")
        let source = try register.source(sourceNode)
        guard basis != .none else {
            throw basisNode.failure(
                "is none, but the row states a category: a category needs a basis and a source (§0.1)")
        }
        guard source.verified else {
            throw sourceNode.failure(
                "cites \"\(source.id)\", which the register marks unverified: an unverified source cannot set a category (§0.1)"
            )
        }
        if basis == .sourceDeck && source.id != "DECK" {
            throw sourceNode.failure("is \"\(source.id)\"; basis source_deck cites DECK")
        }
        if defaulted && category != .twoA {
            throw defaultedNode.failure("is true but the category is not 2A: only 2A can be defaulted")
        }
        return CategoryClaim(category: category, defaulted: defaulted, basis: basis, source: source)
    }
}
