import JSON
/// The source register of a pack (`sources.json`, clinical rules §1): which ids a rule or an
/// option may cite, and whether each was verified in a public text. Tables check their
/// citations against it at load, so an evidence claim can never name a source that is not
/// registered, and an unverified source can be told apart (§0.1).
public struct SourceRegister: Sendable {
    public struct Source: Sendable, Equatable {
        public var id: String
        /// The register row's words (`title`), which `/v2/guidelines` shows as `description`.
        public var title: String
        public var address: String?
        public var year: Int?
        public var verified: Bool
    }

    public static let fileName = "sources.json"

    /// In register order.
    public private(set) var sources: [Source] = []
    private var byID: [String: Int] = [:]

    public subscript(id: String) -> Source? { byID[id].map { sources[$0] } }

    /// A cited register id; must be registered.
    func source(_ node: PackNode) throws(GuidelinePackError) -> Source {
        let id = try node.string()
        guard let source = self[id] else {
            throw node.failure("cites \"\(id)\", which is not in the source register (\(Self.fileName))")
        }
        return source
    }

    public static func load(bytes: [UInt8]) throws(GuidelinePackError) -> SourceRegister {
        try load(try PackNode.document(bytes, file: fileName))
    }

    static func load(_ node: PackNode) throws(GuidelinePackError) -> SourceRegister {
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        var register = SourceRegister()
        for item in try reader.required("sources").nonEmptyArray() {
            var row = try item.object()
            let idNode = try row.required("id")
            let id = try idNode.string()
            if register.byID[id] != nil { throw idNode.failure("repeats source id \"\(id)\"") }
            let title = try row.string("title")
            let address = try row.nullable("address")?.string()
            _ = try row.string("kind")
            let year = try row.nullable("year")?.integer()
            _ = try row.string("supports")
            _ = try row.string("registerStatus")
            let verified = try row.required("verified").bool()
            _ = try row.nullable("verifiedOn")?.string()
            _ = try row.nullable("finding")?.string()
            _ = try row.nullable("unverified")?.string()
            try row.finish()
            register.byID[id] = register.sources.count
            register.sources.append(Source(id: id, title: title, address: address, year: year, verified: verified))
        }
        try reader.finish()
        return register
    }
}
