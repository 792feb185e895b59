import JSON
/// Reads the members of one pack object and remembers which were read, so `finish()` can
/// refuse any key the format does not define: a mistyped key in clinical knowledge must
/// never be silently ignored.
struct PackObjectReader {
    let node: PackNode
    private let members: JSONObject
    private var read: Set<String> = []

    init(node: PackNode, members: JSONObject) {
        self.node = node
        self.members = members
    }

    /// The member, which must be present (an explicit `null` counts as present).
    mutating func required(_ key: String) throws(GuidelinePackError) -> PackNode {
        read.insert(key)
        guard let value = members[key] else { throw node.failure("is missing \"\(key)\"") }
        return node.child(key, value)
    }

    /// The member, or nil when absent or `null`.
    mutating func optional(_ key: String) -> PackNode? {
        read.insert(key)
        guard let value = members[key] else { return nil }
        if case .null = value { return nil }
        return node.child(key, value)
    }

    /// The member, which must be present; nil when it is an explicit `null`.
    mutating func nullable(_ key: String) throws(GuidelinePackError) -> PackNode? {
        let child = try required(key)
        return child.isNull ? nil : child
    }

    mutating func string(_ key: String) throws(GuidelinePackError) -> String {
        try required(key).string()
    }

    /// Refuses members this reader never asked for.
    func finish() throws(GuidelinePackError) {
        for key in members.keys where !read.contains(key) {
            throw node.failure("has unknown key \"\(key)\"")
        }
    }
}
