import JSON
/// Why a request body is not a case. The API maps it to problem details in one place.
public enum CaseInputError: Error, Sendable, Equatable {
    /// Not JSON at all: 400, with the parser's position and reason.
    case malformedJSON(JSONParseError)
    /// JSON, but not a valid case: 422, every issue found, in document order.
    case invalid([FieldIssue])

    /// The HTTP status the contract assigns.
    public var status: Int {
        switch self {
        case .malformedJSON: 400
        case .invalid: 422
        }
    }
}
