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

    /// `warnings` with later repeats of a code dropped (the first, most specific message stays),
    /// except that a later message completing the first (it starts with it: the pediatric scope
    /// warning naming the rows a systemic answer left out) takes its place.
    static func unique(_ warnings: [ContractTwoWarning]) -> [ContractTwoWarning] {
        var position: [String: Int] = [:]
        var result: [ContractTwoWarning] = []
        for warning in warnings {
            guard let index = position[warning.code] else {
                position[warning.code] = result.count
                result.append(warning)
                continue
            }
            let earlier = result[index].message
            if warning.message.count > earlier.count, warning.message.hasPrefix(earlier) { result[index] = warning }
        }
        return result
    }
}

extension ContractTwoWarning {
    /// A plan warning of the v2 families, as the answer carries it.
    init(_ warning: PlanWarning) { self.init(code: warning.code, message: warning.message) }
}
