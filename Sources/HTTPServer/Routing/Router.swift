/// An immutable route table: a tree of path segments where a literal segment beats a
/// `{parameter}` at the same place, with backtracking when the literal branch leads nowhere.
public struct Router: Sendable {
    public enum Resolution {
        case found(HTTPHandler, parameters: [String: String], template: String)
        case notFound
        /// The path exists but not for this method; `allowed` is the `Allow` header's content.
        case methodNotAllowed(allowed: [String])
    }

    struct Endpoint: Sendable {
        let handler: HTTPHandler
        let template: String
        let parameterNames: [String]
    }

    struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var endpoints: [String: Endpoint] = [:]
    }

    private var nodes = [Node()]
    /// The node of every template without a `{parameter}`, by its text: a request for such a
    /// path (`/health`, `/v1/assessment`) skips the split and the tree walk. The tree walk
    /// finds the same node first (literals before parameters), so the answer is the same.
    private var literalPaths: [String: Int] = [:]
    /// Every route, in registration order (for checks such as "each route is documented").
    public let routes: [(method: String, template: String)]

    init(entries: [RouterBuilder.Entry]) {
        routes = entries.map { (method: $0.method, template: $0.template) }
        for entry in entries { insert(entry) }
    }

    private mutating func insert(_ entry: RouterBuilder.Entry) {
        var current = 0
        var names: [String] = []
        for segment in entry.segments {
            switch segment {
            case .literal(let text):
                if let next = nodes[current].literals[text] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].literals[text] = nodes.count - 1
                    current = nodes.count - 1
                }
            case .parameter(let name):
                names.append(name)
                if let next = nodes[current].parameter {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        if names.isEmpty { literalPaths[entry.template] = current }
        nodes[current].endpoints[entry.method] = Endpoint(
            handler: entry.handler, template: entry.template, parameterNames: names)
    }

    /// Finds the handler for a method and a (not percent-decoded) path. HEAD falls back to
    /// GET when no HEAD route exists; `Allow` lists HEAD wherever GET exists.
    public func resolve(method: String, path: String) -> Resolution {
        guard path.hasPrefix("/") else { return .notFound }
        if let node = literalPaths[path], let endpoint = endpoint(in: nodes[node], for: method) {
            return .found(endpoint.handler, parameters: [:], template: endpoint.template)
        }
        let segments: [Substring] =
            path == "/" ? [] : path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var matches: [(node: Int, captured: [Substring])] = []
        var captured: [Substring] = []
        collect(node: 0, segments: segments[...], captured: &captured, into: &matches)
        guard !matches.isEmpty else { return .notFound }
        for match in matches {
            guard let endpoint = endpoint(in: nodes[match.node], for: method) else { continue }
            var parameters: [String: String] = [:]
            for (name, value) in zip(endpoint.parameterNames, match.captured) {
                parameters[name] = QueryDecoding.decode(value, plusAsSpace: false)
            }
            return .found(endpoint.handler, parameters: parameters, template: endpoint.template)
        }
        var allowed = Set<String>()
        for match in matches { allowed.formUnion(nodes[match.node].endpoints.keys) }
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return .methodNotAllowed(allowed: allowed.sorted())
    }

    private func endpoint(in node: Node, for method: String) -> Endpoint? {
        node.endpoints[method] ?? (method == "HEAD" ? node.endpoints["GET"] : nil)
    }

    /// Depth-first, literal before parameter, collecting every node that matches the whole path.
    private func collect(
        node: Int, segments: ArraySlice<Substring>, captured: inout [Substring],
        into matches: inout [(node: Int, captured: [Substring])]
    ) {
        guard let segment = segments.first else {
            if !nodes[node].endpoints.isEmpty { matches.append((node, captured)) }
            return
        }
        let rest = segments.dropFirst()
        if let literal = nodes[node].literals[String(segment)] {
            collect(node: literal, segments: rest, captured: &captured, into: &matches)
        }
        if let parameter = nodes[node].parameter, !segment.isEmpty {
            captured.append(segment)
            collect(node: parameter, segments: rest, captured: &captured, into: &matches)
            captured.removeLast()
        }
    }
}
