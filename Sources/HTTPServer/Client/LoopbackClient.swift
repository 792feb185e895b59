/// A tiny blocking HTTP/1.1 client for loopback use: the `healthcheck` command and tests.
/// One connection per call; nothing to configure, nothing shared.
public struct LoopbackClient: Sendable {
    public let host: String
    public let port: Int
    public let timeout: Double

    public init(host: String = "127.0.0.1", port: Int, timeout: Double = 5) {
        self.host = host
        self.port = port
        self.timeout = timeout
    }

    /// Sends one request (with `Connection: close`) and reads the response: by
    /// Content-Length, chunked, or until the server closes.
    public func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws
        -> ClientResponse
    {
        let connection = try ClientConnection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        var headers = headers
        if !headers.contains(where: { $0.0.lowercased() == "connection" }) { headers.append(("Connection", "close")) }
        return try connection.send(method, path, headers: headers, body: body)
    }

    /// Sends raw bytes and returns everything read until the server closes or `timeout`
    /// passes: for malformed-request tests.
    public static func sendRaw(host: String = "127.0.0.1", port: Int, bytes: [UInt8], timeout: Double = 5) throws
        -> [UInt8]
    {
        let connection = try ClientConnection(host: host, port: port, timeout: timeout)
        defer { connection.close() }
        // A server may answer and close before taking everything (e.g. 413): still read the answer.
        try? connection.write(bytes)
        return connection.readUntilClose()
    }
}
