import SarcomaGuidelines

/// Serializes response bodies; the one place that picks compact or pretty output.
enum JSONBody {
    static func bytes(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        var bytes = JSONWriter(pretty: pretty).write(value)
        if pretty { bytes.append(0x0A) }
        return bytes
    }
}
