import JSON

/// The NCCN category a therapy option carries, as the pack states it: one category (or none),
/// or one per histology class with a fallback (trabectedin: 1 for L-type, 2A otherwise).
///
/// Pack form: `"category": "2B" | null | {"byClass": [{"class": "l_type", "category": "1"}],
/// "otherwise": "2A"}` with `"categoryDefaulted": true|false`. A defaulted category must be 2A
/// (NCCN's "category 2A unless otherwise indicated"); nothing else may be invented.
struct CategorySpec: Sendable {
    var byClass: [(className: String, category: NCCNCategory?)]
    var otherwise: NCCNCategory?
    var defaulted: Bool

    /// The category for a histology; nil histology (unknown) takes the weakest category
    /// the option could have, which holds whatever the subtype turns out to be.
    func category(for histology: Histology?, classes: HistologyClasses) -> NCCNCategory? {
        guard let histology else {
            let all = byClass.map(\.category) + [otherwise]
            return all.contains(where: { $0 == nil }) ? nil : all.compactMap { $0 }.min()
        }
        for entry in byClass where classes.contains(histology, in: entry.className) { return entry.category }
        return otherwise
    }

    /// True when the category depends on histology (so an unknown histology matters).
    var dependsOnHistology: Bool { !byClass.isEmpty }

    static func load(
        _ reader: inout PackObjectReader, classes: HistologyClasses?
    ) throws(GuidelinePackError) -> CategorySpec {
        let node = try reader.required("category")
        let defaultedNode = try reader.required("categoryDefaulted")
        let defaulted = try defaultedNode.bool()
        var spec = CategorySpec(byClass: [], otherwise: nil, defaulted: defaulted)
        if case .object = node.value {
            guard let classes else { throw node.failure("cannot depend on histology in this file") }
            var categoryReader = try node.object()
            for entry in try categoryReader.required("byClass").nonEmptyArray() {
                var entryReader = try entry.object()
                let classNode = try entryReader.required("class")
                let className = try classes.name(classNode)
                let category = try parse(try entryReader.required("category"))
                try entryReader.finish()
                spec.byClass.append((className, category))
            }
            spec.otherwise = try parse(try categoryReader.required("otherwise"))
            try categoryReader.finish()
        } else {
            spec.otherwise = try parse(node)
        }
        if defaulted {
            let all = spec.byClass.map(\.category) + [spec.otherwise]
            if all.contains(where: { $0 != .twoA }) {
                throw defaultedNode.failure(
                    "is true but the category is not 2A: only 2A can be defaulted (NCCN: \"category 2A unless otherwise indicated\")"
                )
            }
        }
        return spec
    }

    private static func parse(_ node: PackNode) throws(GuidelinePackError) -> NCCNCategory? {
        if node.isNull { return nil }
        guard case .string(let text) = node.value, let category = NCCNCategory(rawValue: text) else {
            throw node.failure("is not an NCCN category (\"1\", \"2A\", \"2B\" or null)")
        }
        return category
    }
}
