/// Reads HTTP/1.1 responses from a blocking socket, keeping any bytes that belong to the
/// next response (pipelining). Deliberately simple: a test and healthcheck tool, not a
/// general client.
struct ResponseReader {
    let socket: SocketFD
    private var buffer: [UInt8] = []
    private var eof = false

    init(socket: SocketFD) {
        self.socket = socket
    }

    mutating func readResponse(isHead: Bool, keepInterim: Bool) throws -> ClientResponse {
        while true {
            let headEnd = try readUntilHeadEnd()
            let (status, headers) = try Self.parseHead(Array(buffer[0..<headEnd]))
            buffer.removeFirst(headEnd)
            if (100..<200).contains(status) {
                if keepInterim { return ClientResponse(status: status, headers: headers, body: []) }
                continue
            }
            if isHead || status == 204 || status == 304 {
                return ClientResponse(status: status, headers: headers, body: [])
            }
            let body: [UInt8]
            if let coding = headers["Transfer-Encoding"], coding.lowercased().contains("chunked") {
                body = try readChunkedBody()
            } else if let declared = headers["Content-Length"] {
                guard let length = Int(declared), length >= 0 else {
                    throw ClientError.malformedResponse("bad Content-Length")
                }
                try fill(atLeast: length)
                body = Array(buffer[0..<length])
                buffer.removeFirst(length)
            } else {
                while try receive() {}
                body = buffer
                buffer = []
            }
            return ClientResponse(status: status, headers: headers, body: body)
        }
    }

    mutating func readUntilClose() -> [UInt8] {
        while (try? receive()) == true {}
        defer { buffer = [] }
        return buffer
    }

    mutating func waitForClose() -> Bool {
        do {
            while try receive() {}
            return true
        } catch ClientError.timedOut {
            return false
        } catch {
            return true  // reset by the server: closed as well
        }
    }

    /// One read; false at end of stream. Timeout -> `ClientError.timedOut`.
    private mutating func receive() throws -> Bool {
        guard !eof else { return false }
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let result = try chunk.withUnsafeMutableBytes { (raw) throws(SocketError) -> IOResult in
            try socket.receive(into: raw)
        }
        switch result {
        case .wouldBlock:
            throw ClientError.timedOut
        case .bytes(0):
            eof = true
            return false
        case .bytes(let count):
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private mutating func fill(atLeast count: Int) throws {
        while buffer.count < count {
            guard try receive() else { throw ClientError.closedEarly }
        }
    }

    private mutating func readUntilHeadEnd() throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= 4 {
                var index = max(0, searchFrom - 3)
                while index + 3 < buffer.count {
                    if buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
                        && buffer[index + 3] == 10
                    {
                        return index + 4
                    }
                    index += 1
                }
                searchFrom = buffer.count
            }
            guard try receive() else { throw ClientError.closedEarly }
        }
    }

    private mutating func readLine() throws -> String {
        while true {
            if let lineFeed = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[0..<lineFeed], as: UTF8.self).trimmingTrailingCR()
                buffer.removeFirst(lineFeed + 1)
                return line
            }
            guard try receive() else { throw ClientError.closedEarly }
        }
    }

    private mutating func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            let digits = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(digits.trimmingCharacters(), radix: 16) else {
                throw ClientError.malformedResponse("bad chunk size")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailers
                return body
            }
            try fill(atLeast: size + 2)
            body.append(contentsOf: buffer[0..<size])
            buffer.removeFirst(size + 2)
        }
    }

    static func parseHead(_ bytes: [UInt8]) throws -> (Int, HTTPHeaders) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { throw ClientError.malformedResponse("empty head") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw ClientError.malformedResponse("bad status line")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError.malformedResponse("bad header line") }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters())
        }
        return (status, headers)
    }
}

extension String {
    fileprivate func trimmingTrailingCR() -> String {
        hasSuffix("\r") ? String(dropLast()) : self
    }

    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
