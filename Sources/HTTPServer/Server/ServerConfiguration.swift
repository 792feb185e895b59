/// Every limit and timeout of the server, each with a default that is safe to expose.
/// Exceeding a limit gets a status code (413, 414, 431, 503, 408), never an unbounded buffer.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 asks the kernel for a free port; `HTTPServer.start()` returns the real one.
    public var port = 8080
    /// Size of the header section (after the request line) -> 431 beyond.
    public var maxHeaderBytes = 16_384
    /// Number of header fields -> 431 beyond.
    public var maxHeaderCount = 100
    /// Length of the request-target -> 414 beyond.
    public var maxURIBytes = 8_192
    /// Request body size, declared or chunked -> 413 beyond, answered before the body is read.
    public var maxBodyBytes = 1_048_576
    /// Seconds to receive a whole request head once its first byte arrived (slowloris) -> 408.
    public var headTimeout: Double = 10
    /// Seconds to receive a whole request body once its head was read -> 408.
    public var bodyTimeout: Double = 30
    /// Seconds a kept-alive connection may sit idle between requests before it is closed.
    public var idleTimeout: Double = 60
    /// Seconds a response may take to drain to a slow reader before the connection is dropped.
    public var writeTimeout: Double = 30
    /// Open client connections; beyond, new ones get 503 with `Retry-After` and are closed.
    public var maxConnections = 4_096
    /// Threads that read, parse, run handlers and write. Idle connections occupy none.
    public var workerThreads = 16
    /// Seconds `shutdown()` lets in-flight requests finish before closing everything.
    public var drainTimeout: Double = 10
    /// Close a connection after this many requests (nil: no limit).
    public var maxRequestsPerConnection: Int?
    /// Pending-connection queue of the listener (the kernel caps it at somaxconn).
    public var listenBacklog: Int32 = 4_096

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    var parserLimits: ParserLimits {
        ParserLimits(
            maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount,
            maxURIBytes: maxURIBytes, maxBodyBytes: maxBodyBytes)
    }
}
