import Access
/// Why the service refused to start; each message tells an operator what to fix.
public enum StartupError: Error, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case guidelinePack(String)
    case openAPIDocument(path: String)
    case store(String)
    case insecureBinding(host: String)
    /// The tokens file or the CDS Hooks JWKS.
    case accessFile(AccessFileError)
    case listen(String)
    /// CDS Hooks JWT settings that do not go together (say a JWKS without issuers).
    case cdsHooks(String)
    /// Start-up was stopped on request (SIGTERM) between migrations; not a failure.
    case stopped(String)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .guidelinePack(let reason): return "guideline pack refused: \(reason)"
        case .openAPIDocument(let path): return "cannot read the OpenAPI document at \(path) (set --openapi)"
        case .store(let reason): return "case store refused: \(reason)"
        case .insecureBinding(let host):
            return "refusing to listen on \(host): no access tokens are configured, so only a loopback address "
                + "(127.0.0.1, ::1, localhost) is allowed. To listen on \(host), set SARCOMA_GUIDE_TOKENS_FILE "
                + "(or --tokens-file) to a tokens file of lines from `sarcoma-guide token create`; otherwise set "
                + "SARCOMA_GUIDE_HOST=127.0.0.1 (or --host 127.0.0.1) and serve through a reverse proxy "
                + "(docs/operations.md, \"Container\", shows the docker run)"
        case .accessFile(let error): return error.description
        case .listen(let reason): return "cannot listen: \(reason)"
        case .cdsHooks(let reason): return "CDS Hooks settings refused: \(reason)"
        case .stopped(let reason): return "start-up stopped: \(reason)"
        }
    }
}
