/// The server-owned parts of a response head, decided by the connection, not the handler.
struct ResponseContext {
    var requestID: String
    /// The connection closes after this response: send `Connection: close`.
    var close: Bool
    /// An HTTP/1.0 client asked to keep the connection: confirm with `Connection: keep-alive`.
    var confirmKeepAlive = false
    /// HEAD: send the head (with the GET body's length) but not the body.
    var omitBody = false
}

/// Writes a response head and body into one byte buffer, so the whole answer leaves in a
/// single `send` (no Nagle/delayed-ACK stall between head and body).
enum ResponseSerializer {
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Fields the server writes itself; a handler's copies are dropped so there is exactly one.
    private static func isServerOwned(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: return ASCII.equalsIgnoringCase(name, "date")
        case 10: return ASCII.equalsIgnoringCase(name, "connection") || ASCII.equalsIgnoringCase(name, "keep-alive")
        case 12: return ASCII.equalsIgnoringCase(name, "x-request-id")
        case 14: return ASCII.equalsIgnoringCase(name, "content-length")
        case 17: return ASCII.equalsIgnoringCase(name, "transfer-encoding")
        default: return false
        }
    }

    /// Appends the response; returns the number of bytes appended.
    @discardableResult
    static func append(_ response: HTTPResponse, context: ResponseContext, date: [UInt8], to out: inout [UInt8]) -> Int
    {
        let before = out.count
        let status = (100...999).contains(response.status) ? response.status : 500
        let sendsBody = !context.omitBody && !HTTPStatus.forbidsBody(status)
        out.reserveCapacity(out.count + 256 + (sendsBody ? response.body.count : 0))
        out.append(contentsOf: statusLine(status))
        for (name, value) in response.headers where !isServerOwned(name) {
            appendField(name, value, to: &out)
        }
        if status >= 200 && status != 204 && status != 304 {
            out.append(contentsOf: contentLengthPrefix)
            if context.omitBody && response.body.isEmpty, let declared = response.headers["Content-Length"],
                !declared.isEmpty, declared.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            {
                out.append(contentsOf: declared.utf8)  // a HEAD handler that computed the length itself
            } else {
                appendDecimal(response.body.count, to: &out)
            }
            out.append(contentsOf: crlf)
        }
        out.append(contentsOf: datePrefix)
        out.append(contentsOf: date)
        out.append(contentsOf: requestIDPrefix)
        appendUTF8(context.requestID, to: &out)
        out.append(contentsOf: crlf)
        if context.close {
            out.append(contentsOf: connectionClose)
        } else if context.confirmKeepAlive {
            out.append(contentsOf: connectionKeepAlive)
        }
        out.append(contentsOf: crlf)
        if sendsBody { out.append(contentsOf: response.body) }
        return out.count - before
    }

    // Fixed parts as byte arrays: appending an array is one copy, appending a string's
    // UTF-8 view went through the generic sequence path (the profile's 16 appends a head).
    private static let crlf: [UInt8] = [ASCII.cr, ASCII.lf]
    private static let contentLengthPrefix = Array("Content-Length: ".utf8)
    private static let datePrefix = Array("Date: ".utf8)
    private static let requestIDPrefix = Array("\r\nX-Request-ID: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)

    private static func appendUTF8(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A field with a name that is not a token is dropped; CR, LF and NUL in a value become
    /// spaces, so no handler can split a response by echoing input into a header.
    private static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        var name = name
        var value = value
        name.withUTF8 { name in
            guard !name.isEmpty, name.allSatisfy(ASCII.isToken) else { return }
            out.append(contentsOf: name)
            out.append(ASCII.colon)
            out.append(ASCII.space)
            value.withUTF8 { value in
                if value.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 }) {
                    out.append(contentsOf: value.map { $0 == ASCII.cr || $0 == ASCII.lf || $0 == 0 ? ASCII.space : $0 })
                } else {
                    out.append(contentsOf: value)
                }
            }
            out.append(contentsOf: crlf)
        }
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// "HTTP/1.1 200 OK\r\n" for every status 100-599, built once.
    private static let statusLines: [[UInt8]] = (100..<600).map {
        Array("HTTP/1.1 \($0) \(HTTPStatus.reason($0))\r\n".utf8)
    }

    private static func statusLine(_ status: Int) -> [UInt8] {
        if status < 600 { return statusLines[status - 100] }
        return Array("HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n".utf8)
    }
}
