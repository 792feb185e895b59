import JSON
/// A warning of a contract-v2 answer (delta §6): a code identifier (clients never branch on an
/// unknown one) and its message. One per code per answer.
public struct ContractTwoWarning: Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    var json: JSONValue {
        .object(JSONObject(engineMembers: [.init("code", .string(code)), .init("message", .string(message))]))
    }

    /// `warnings` with later repeats of a code dropped (the first, most specific message stays).
    static func unique(_ warnings: [ContractTwoWarning]) -> [ContractTwoWarning] {
        var seen = Set<String>()
        return warnings.filter { seen.insert($0.code).inserted }
    }
}

extension ContractTwoWarning {
    /// A plan warning of the v2 families, as the answer carries it.
    init(_ warning: PlanWarning) { self.init(code: warning.code, message: warning.message) }
}
