/// Everything the service needs to start, after flags, environment and the config file
/// have been merged (flags win over env, env over the file, the file over these defaults).
public struct ServiceConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// A SQLite file, or a `postgres://` URL (see `storeSetting`).
    public var database = "./data/sarcoma-guide.sqlite"
    /// A PostgreSQL URL that wins over `database` (env `SARCOMA_GUIDE_DATABASE_URL`, the usual
    /// name for a secret injected by a platform); nil = `database` decides.
    public var databaseUrl: String?
    /// Most PostgreSQL connections this process opens.
    public var databasePoolSize = 8
    public var migrations = "./Migrations"
    public var guidelines = "./Config/guidelines"
    public var openapi = "./Config/openapi.json"
    public var maxConnections = 4_096
    public var workerThreads = 16
    public var maxBodyBytes = 1_048_576
    public var maxHeaderBytes = 16_384
    public var maxHeaderCount = 100
    public var maxUriBytes = 8_192
    public var headTimeoutSeconds = 10.0
    public var bodyTimeoutSeconds = 30.0
    public var idleTimeoutSeconds = 60.0
    public var drainTimeoutSeconds = 10.0
    public var busyTimeoutMilliseconds = 5_000
    public var accessLog = true
    /// The access tokens file (`name role sha256-hex` lines); nil = no tokens, loopback only.
    public var tokensFile: String?
    /// The service's URL as clients see it behind a TLS proxy; the CDS Hooks JWT `aud`
    /// is checked against it (plus the request path).
    public var publicBaseUrl: String?
    /// JWKS file of the EHRs' public keys for CDS Hooks JWTs; nil = none (see `JWTAuthentication`).
    public var cdsJwksFile: String?
    /// JWT `iss` values accepted on CDS Hooks calls (exact match).
    public var cdsIssuers: [String] = []
    /// Clock skew allowed on JWT `exp`, `iat` and `nbf`.
    public var cdsClockSkewSeconds = 60
    /// Browser origins allowed to call the CDS Hooks endpoints (CORS); `*` = any.
    public var corsOrigins: [String] = []
    /// The `Deprecation` instant of the /v1 evaluation endpoints (RFC 3339); nil = the
    /// `releasedAt` of the newest contract-2 pack (contract delta §0.3).
    public var v1Deprecation: String?
    /// The `Sunset` of the /v1 evaluation endpoints (an IMF-fixdate; delta §0.3).
    public var v1Sunset = "Fri, 31 Dec 2027 23:59:59 GMT"

    public init() {}

    /// Whether `host` only accepts connections from this machine: `localhost`, `::1` or a
    /// numeric 127.x.y.z (a name such as `127.example.org` is not loopback, whatever it
    /// starts with).
    public var isLoopbackHost: Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { part in
                (1...3).contains(part.count) && part.allSatisfy(\.isASCII) && UInt8(part) != nil
            }
    }
}
