/// A blocking HTTP/1.1 client connection that stays open between requests: for tests of
/// keep-alive and pipelining, and for raw-byte probes. Single-threaded use.
public final class ClientConnection {
    let socket: SocketFD
    private var reader: ResponseReader
    private let hostHeader: String
    private var isClosed = false

    /// Connects to host:port; every later read or write waits at most `timeout` seconds.
    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 5) throws {
        socket = try SocketFD.connect(host: host, port: port, timeout: timeout)
        reader = ResponseReader(socket: socket)
        hostHeader = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    deinit {
        close()
    }

    /// Sends one request and reads its response.
    public func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws
        -> ClientResponse
    {
        try write(request(method, path, headers: headers, body: body))
        return try readResponse(method: method)
    }

    /// The bytes of a request as this client would send it (Host and Content-Length added).
    public func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [])
        -> [UInt8]
    {
        ClientConnection.encode(method, path, host: hostHeader, headers: headers, body: body)
    }

    /// Writes raw bytes (several requests at once for pipelining, or malformed input).
    public func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let result = try bytes.withUnsafeBytes { (raw) throws(SocketError) -> IOResult in
                try socket.send(UnsafeRawBufferPointer(rebasing: raw[sent...]))
            }
            switch result {
            case .bytes(let count): sent += count
            case .wouldBlock: throw ClientError.timedOut
            }
        }
    }

    /// Reads the next response; `method` tells whether a body follows (not after HEAD).
    /// Interim 1xx responses are skipped unless `keepInterim` is set.
    public func readResponse(method: String = "GET", keepInterim: Bool = false) throws -> ClientResponse {
        try reader.readResponse(isHead: method == "HEAD", keepInterim: keepInterim)
    }

    /// Everything that arrives until the server closes or the timeout passes.
    public func readUntilClose() -> [UInt8] {
        reader.readUntilClose()
    }

    /// True when the server has closed its side: a read returns end-of-stream (or reset)
    /// within the timeout. Consumes whatever data arrives meanwhile.
    public func waitForClose() -> Bool {
        reader.waitForClose()
    }

    /// Half-closes our side (we send no more), leaving the connection readable.
    public func finishWriting() {
        socket.shutdownWrite()
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        socket.close()
    }

    static func encode(_ method: String, _ path: String, host: String, headers: [(String, String)], body: [UInt8])
        -> [UInt8]
    {
        var text = "\(method) \(path) HTTP/1.1\r\n"
        let names = Set(headers.map { $0.0.lowercased() })
        if !names.contains("host") { text += "Host: \(host)\r\n" }
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !names.contains("content-length") && !names.contains("transfer-encoding")
            && (!body.isEmpty || method == "POST" || method == "PUT" || method == "PATCH")
        {
            text += "Content-Length: \(body.count)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + body
    }
}
