/// One §0.3 setting in which a systemic row shows a non-null NCCN category: the line contexts,
/// the category (optionally one per histology class), whether it is defaulted, its basis and
/// its register source. Outside every setting the row is `null` / `none`.
///
/// Load enforces §0.1: a category needs a basis other than `none` and a verified register
/// source; `source_deck` cites DECK; only 2A can be defaulted.
public struct CategorySetting: Sendable, Equatable {
    public var lineContexts: Set<LineContext>
    public var byClass: [(condition: HistologyCondition, category: NCCNCategory)]
    public var otherwise: NCCNCategory
    public var defaulted: Bool
    public var basis: CategoryBasis
    public var source: SourceRegister.Source

    public static func == (lhs: CategorySetting, rhs: CategorySetting) -> Bool {
        lhs.lineContexts == rhs.lineContexts && lhs.otherwise == rhs.otherwise && lhs.defaulted == rhs.defaulted
            && lhs.basis == rhs.basis && lhs.source == rhs.source
            && lhs.byClass.map(\.category) == rhs.byClass.map(\.category)
            && zip(lhs.byClass, rhs.byClass).allSatisfy { $0.condition == $1.condition }
    }

    /// The category for this histology: a class entry only when the histology is known to be
    /// in the class, so a histology not given takes `otherwise` (v1 D21: 2A).
    func category(for histology: HistologyClassRow) -> NCCNCategory {
        byClass.first { $0.condition.holds(for: histology) }?.category ?? otherwise
    }

    /// `categorySource` on the wire (§0.1 table).
    var sourceText: String {
        switch basis {
        case .sourceDeck: "DECK (source-slides.txt)"
        case .nccn, .nccnSecondary, .none: [source.id, source.address].compactMap { $0 }.joined(separator: " ")
        }
    }

    static func load(_ node: PackNode, classes: HistologyClassTable, register: SourceRegister)
        throws(GuidelinePackError) -> CategorySetting
    {
        var reader = try node.object()
        let lineContexts = Set(try reader.required("lineContexts").codes(LineContext.self, "a line context"))
        var byClass: [(HistologyCondition, NCCNCategory)] = []
        for entry in try reader.required("byClass").array() {
            var entryReader = try entry.object()
            let condition: HistologyCondition
            switch try entryReader.required("class").string() {
            case "lipogenic": condition = .lipogenic
            case "lType": condition = .lType
            case let other: throw entry.failure("\"\(other)\" is not a histology class (lipogenic, lType)")
            }
            byClass.append(
                (condition, try entryReader.required("category").code(NCCNCategory.self, "an NCCN category")))
            try entryReader.finish()
        }
        let otherwise = try reader.required("otherwise").code(NCCNCategory.self, "an NCCN category (a setting has one)")
        let defaultedNode = try reader.required("defaulted")
        let defaulted = try defaultedNode.bool()
        let basisNode = try reader.required("basis")
        let basis = try basisNode.code(CategoryBasis.self, "a category basis")
        let sourceNode = try reader.required("source")
        let source = try register.source(sourceNode)
        try reader.finish()
        guard basis != .none else {
            throw basisNode.failure(
                "is none, but the setting states a category: a category needs a basis and a source (§0.1)")
        }
        guard source.verified else {
            throw sourceNode.failure(
                "cites \"\(source.id)\", which the register marks unverified: an unverified source cannot set a category (§0.1)"
            )
        }
        if basis == .sourceDeck && source.id != "DECK" {
            throw sourceNode.failure("is \"\(source.id)\"; basis source_deck cites DECK")
        }
        if defaulted && (otherwise != .twoA || byClass.contains { $0.1 != .twoA }) {
            throw defaultedNode.failure("is true but the category is not 2A: only 2A can be defaulted")
        }
        return CategorySetting(
            lineContexts: lineContexts, byClass: byClass, otherwise: otherwise, defaulted: defaulted,
            basis: basis, source: source)
    }
}
