/// Everything the service needs to start, after flags, environment and the config file
/// have been merged (flags win over env, env over the file, the file over these defaults).
public struct ServiceConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database = "./data/sarcoma-guide.sqlite"
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
    public var idleTimeoutSeconds = 60.0
    public var drainTimeoutSeconds = 10.0
    public var busyTimeoutMilliseconds = 5_000
    public var accessLog = true

    public init() {}

    /// Whether `host` only accepts connections from this machine.
    public var isLoopbackHost: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
