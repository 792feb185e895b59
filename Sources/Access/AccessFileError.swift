/// Why a secrets file (the tokens file, the CDS Hooks JWKS) was refused. The message names
/// the file and what to fix, never its content: a hash or a key must not reach a terminal.
public struct AccessFileError: Error, Sendable, CustomStringConvertible {
    public enum File: String, Sendable {
        case tokens = "tokens file"
        case jwks = "JWKS file"
    }

    public let file: File
    public let path: String
    public let reason: String

    public var description: String { "\(file.rawValue) \(path) refused: \(reason)" }
}
