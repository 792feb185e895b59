import JSON
/// One problem with one place in a request: an entry of a 422 problem's `errors` array.
public struct FieldIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// RFC 6901 JSON Pointer into the request (`/tumor/sizeCm`; `""` for the whole body).
    public var pointer: String
    /// What is wrong and, where it can tell, what would be right.
    public var detail: String

    public init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }

    public init(at pointer: JSONPointer, detail: String) {
        self.init(pointer: pointer.description, detail: detail)
    }

    /// `{"pointer": ..., "detail": ...}`, the problem-details wire form.
    public var json: JSONValue {
        ["pointer": .string(pointer), "detail": .string(detail)]
    }

    public var description: String { "\(pointer.isEmpty ? "(body)" : pointer): \(detail)" }
}
