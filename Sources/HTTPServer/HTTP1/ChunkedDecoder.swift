/// Decodes a `Transfer-Encoding: chunked` body incrementally (RFC 9112 section 7.1).
///
/// Chunk-size lines are validated (hex digits, then only `;extension` text), sizes are
/// checked against the body limit before any data is buffered, and trailer fields are
/// validated like header fields and then dropped.
struct ChunkedDecoder {
    enum Outcome {
        case needMore
        case done
        case failed(ParseError)
    }

    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    private var state = State.size
    private(set) var body: [UInt8] = []
    /// Bytes of the chunked encoding consumed so far (sizes, data, CRLFs, trailers).
    private(set) var wireBytes = 0
    private var trailerBytes = 0
    private var trailerCount = 0

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, start: inout Int, limits: ParserLimits) -> Outcome {
        while true {
            let available = bytes.count - start
            switch state {
            case .size:
                guard let lineFeed = Self.lineFeed(in: bytes, from: start, limit: ParserLimits.maxChunkLineBytes) else {
                    if available > ParserLimits.maxChunkLineBytes {
                        return .failed(.badRequest("chunk size line too long"))
                    }
                    return .needMore
                }
                guard lineFeed > start, bytes[lineFeed - 1] == ASCII.cr else {
                    return .failed(.badRequest("chunk size line ends with a bare LF"))
                }
                let size: Int
                switch Self.parseSizeLine(bytes[start..<(lineFeed - 1)]) {
                case .failure(let error): return .failed(error)
                case .success(let value): size = value
                }
                if size > limits.maxBodyBytes - body.count {
                    return .failed(.bodyTooLarge("chunked request body over the limit of \(limits.maxBodyBytes) bytes"))
                }
                consume(lineFeed + 1 - start, from: &start)
                state = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                guard available > 0 else { return .needMore }
                let take = min(available, remaining)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(start + take)]))
                consume(take, from: &start)
                state = take == remaining ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                guard available >= 2 else {
                    if available == 1 && bytes[start] != ASCII.cr {
                        return .failed(.badRequest("chunk data not followed by CRLF"))
                    }
                    return .needMore
                }
                guard bytes[start] == ASCII.cr, bytes[start + 1] == ASCII.lf else {
                    return .failed(.badRequest("chunk data not followed by CRLF"))
                }
                consume(2, from: &start)
                state = .size
            case .trailers:
                let room = limits.maxHeaderBytes - trailerBytes
                guard let lineFeed = Self.lineFeed(in: bytes, from: start, limit: room + 1) else {
                    if available > room {
                        return .failed(.headerTooLarge("trailer section over \(limits.maxHeaderBytes) bytes"))
                    }
                    return .needMore
                }
                guard lineFeed > start, bytes[lineFeed - 1] == ASCII.cr else {
                    return .failed(.badRequest("trailer line ends with a bare LF"))
                }
                let line = bytes[start..<(lineFeed - 1)]
                let length = lineFeed + 1 - start
                consume(length, from: &start)
                if line.isEmpty { return .done }
                do throws(ParseError) {
                    _ = try RequestParser.parseField(line)
                } catch {
                    return .failed(error)
                }
                trailerBytes += length
                trailerCount += 1
                if trailerCount > limits.maxHeaderCount {
                    return .failed(.headerTooLarge("more than \(limits.maxHeaderCount) trailer fields"))
                }
            }
        }
    }

    private mutating func consume(_ count: Int, from start: inout Int) {
        start += count
        wireBytes += count
    }

    /// The first LF at or after `from`, looking at most `limit` bytes.
    private static func lineFeed(in bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        let end = min(bytes.count, from + max(0, limit))
        var index = from
        while index < end {
            if bytes[index] == ASCII.lf { return index }
            index += 1
        }
        return nil
    }

    /// `1*HEXDIG [ BWS ";" ext ]`: the size, refusing overflow and control characters.
    private static func parseSizeLine(_ line: UnsafeBufferPointer<UInt8>.SubSequence) -> Result<Int, ParseError> {
        var size = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = QueryDecoding.hexValue(line[index]) {
            guard index - line.startIndex < 15 else { return .failure(.badRequest("chunk size too large")) }
            size = size << 4 | Int(digit)
            index += 1
        }
        guard index > line.startIndex else { return .failure(.badRequest("invalid chunk size")) }
        while index < line.endIndex, line[index] == ASCII.space || line[index] == ASCII.tab { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else {
            return .failure(.badRequest("invalid chunk size"))
        }
        for byte in line[index...] where !ASCII.isFieldValue(byte) {
            return .failure(.badRequest("control character in chunk extension"))
        }
        return .success(size)
    }
}
