/// One problem with one field of a request, located by an RFC 6901 JSON Pointer into the
/// request body (e.g. `/tumor/sizeCm`), so an integrator can fix exactly that field.
public struct FieldIssue: Sendable, Equatable, Hashable {
    public var pointer: String
    public var detail: String

    public init(pointer: String, detail: String) {
        self.pointer = pointer
        self.detail = detail
    }
}
