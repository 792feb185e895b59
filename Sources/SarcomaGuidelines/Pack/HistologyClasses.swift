import JSON

/// Named groups of histology codes the palliative rules use (`palliative.json`,
/// `histologyClasses`): liposarcoma (lipogenic/adipocytic, ALT/WDLS included) and L-type
/// (any liposarcoma or leiomyosarcoma).
struct HistologyClasses: Sendable {
    private(set) var members: [String: Set<Histology>] = [:]

    func contains(_ histology: Histology, in className: String) -> Bool {
        members[className]?.contains(histology) ?? false
    }

    /// A class name cited by a table; must be defined.
    func name(_ node: PackNode) throws(GuidelinePackError) -> String {
        let name = try node.string()
        guard members[name] != nil else {
            throw node.failure("cites histology class \"\(name)\", which histologyClasses does not define")
        }
        return name
    }

    static func load(_ node: PackNode) throws(GuidelinePackError) -> HistologyClasses {
        guard case .object(let object) = node.value else {
            throw node.failure("must be an object of class name to histology codes")
        }
        var classes = HistologyClasses()
        for key in object.keys {
            classes.members[key] = Set(
                try node.child(key, object[key] ?? .null).codes(Histology.self, "a histology code"))
        }
        return classes
    }
}
