import JSON
import SarcomaGuidelines

/// Serializes response bodies; the one place that picks compact or pretty output.
enum JSONBody {
    static func bytes(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        guard pretty else { return JSONWriter(style: .compact).bytes(value) }
        var bytes = JSONWriter(style: .pretty).bytes(value)
        bytes.append(0x0A)
        return bytes
    }
}
