/// A systemic case the pack cannot evaluate. The case decoder refuses these first (422); the
/// engine still checks, because answering for a histology the pack does not know would be a
/// guess.
public enum SystemicInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownHistology(String)
    case negativeCount(field: String, value: Int)

    public var description: String {
        switch self {
        case .unknownHistology(let code): "histology \"\(code)\" is not a code of this pack's histology-classes.json"
        case .negativeCount(let field, let value): "\(field) is \(value); it cannot be negative"
        }
    }
}
