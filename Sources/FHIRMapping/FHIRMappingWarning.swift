import JSON
import SarcomaGuidelines

/// Something in the payload the service did not read and the import answer must announce
/// (a stage group it cannot read, so it could not compare it), as `{"code", "message"}`.
public struct FHIRMappingWarning: Sendable, Equatable {
    /// e.g. `reported-stage-not-read`.
    public var code: String
    /// Names the resource and the pointer into the payload; never free text from the source.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var json: JSONValue {
        ["code": .string(code), "message": .string(message)]
    }
}
