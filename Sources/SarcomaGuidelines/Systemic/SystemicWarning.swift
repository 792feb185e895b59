import JSON
/// A warning of a systemic answer (delta §6; v1 codes keep their meaning). One per code: a
/// warning that names several agents or tests names them all in its message.
public struct SystemicWarning: Sendable, Equatable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [JSONMember("code", .string(code)), JSONMember("message", .string(message))]))
    }
}
