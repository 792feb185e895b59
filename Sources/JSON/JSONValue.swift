/// A JSON document as data, with object members kept in the order they were written.
///
/// Clinical input must never be silently reinterpreted: a hand-rolled value type (instead
/// of `JSONSerialization`, which blurs `true` and `1` on Linux and drops duplicate keys)
/// lets the case decoder see exactly what was sent, and lets responses keep a stable,
/// readable member order (`t`, `n`, `m`, `grade`, `stageGroup` ...) byte for byte.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// One member of an object. A struct rather than a `(key, value)` tuple: arrays of tuples
/// are copied and destroyed through the runtime's generic tuple witnesses, which cost more
/// than building an answer's rules.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// An object's members in order, as the engine writes them.
package typealias JSONMembers = [JSONMember]

/// An ordered JSON object. Keys are unique (the parser refuses duplicates).
public struct JSONObject: Sendable, Equatable {
    public private(set) var members: [JSONMember]

    public init() { members = [] }

    /// Members already known to have unique keys (the parser checks with a set as it reads);
    /// skips the linear search per member that `init(_:)` does, so a large object stays O(n).
    package init(uniqueMembers: [JSONMember]) {
        members = uniqueMembers
    }

    /// Members written out by code with distinct literal keys (the engine's answers): the
    /// uniqueness is the code's, checked in debug builds, so building an answer stays O(n).
    package init(engineMembers members: JSONMembers) {
        assert(Set(members.map(\.key)).count == members.count, "a key given twice in an engine-built object")
        self.init(uniqueMembers: members)
    }

    public init(_ members: [(String, JSONValue)]) {
        self.members = []
        for (key, value) in members { self[key] = value }
    }

    public var keys: [String] { members.map(\.key) }
    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }

    /// Reading gives the member's value; writing replaces it in place or appends it.
    /// Writing `nil` removes the member (write `.null` to keep an explicit null).
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members
    }
}
