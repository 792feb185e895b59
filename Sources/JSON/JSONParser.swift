#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A strict RFC 8259 parser: bytes in, `JSONValue` out, or a `JSONParseError` that says
/// where and why.
///
/// Strict because the input is clinical: anything a lenient parser would guess at is
/// refused. That means UTF-8 validated text, no comments, no trailing commas, no NaN or
/// Infinity, no leading zeros, no lone surrogates, no trailing garbage, numbers that fit a
/// finite `Double`, and no duplicate member names (which value would a clinician have
/// meant?). Keys that Swift's `String` treats as equal (canonically equivalent Unicode,
/// e.g. precomposed and decomposed "é") count as duplicates, since `JSONObject` could not
/// tell them apart afterwards.
///
/// A leading UTF-8 byte order mark is skipped (RFC 8259 section 8.1 allows ignoring it;
/// some Windows tools write one). One pass over the bytes; no Foundation JSON.
public struct JSONParser: Sendable {
    /// Arrays and objects nested deeper than this are refused (stack and sanity guard).
    public let maxDepth: Int
    /// Inputs longer than this many bytes are refused before parsing; nil = no limit here
    /// (the HTTP layer usually caps the body first).
    public let maxBytes: Int?

    public static let defaultMaxDepth = 64
    /// Recursion guard for callers' `maxDepth`: the parser recurses once per level.
    public static let depthCeiling = 1024

    public init(maxDepth: Int = JSONParser.defaultMaxDepth, maxBytes: Int? = nil) {
        precondition(
            (1...JSONParser.depthCeiling).contains(maxDepth),
            "maxDepth must be within 1...\(JSONParser.depthCeiling)")
        precondition(maxBytes.map { $0 >= 0 } ?? true, "maxBytes must not be negative")
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in parseResult(buffer) }.get()
    }

    public func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try data.withUnsafeBytes { raw in
            parseResult(raw.assumingMemoryBound(to: UInt8.self))
        }.get()
    }

    /// The UTF-8 of `text`; mainly for tests and literals in code.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in parseResult(buffer) }.get()
    }

    private func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
        if let maxBytes, buffer.count > maxBytes {
            return .failure(reader.failure(.documentTooLarge(limit: maxBytes), at: maxBytes))
        }
        do {
            return .success(try reader.readDocument())
        } catch {
            return .failure(error)
        }
    }
}
