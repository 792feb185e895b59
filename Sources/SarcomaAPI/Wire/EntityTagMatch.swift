/// `If-Match` / `If-None-Match` evaluation (RFC 9110 §13.1): `*`, lists, and weak
/// comparison for `If-None-Match`, strong for `If-Match`.
enum EntityTagMatch {
    static func matches(_ header: String, current etag: String, weakComparison: Bool) -> Bool {
        for candidate in header.split(separator: ",") {
            var tag = String(candidate).trimmingWhitespace
            if tag == "*" { return true }
            let isWeak = tag.hasPrefix("W/")
            if isWeak {
                if !weakComparison { continue }
                tag.removeFirst(2)
            }
            if tag == etag { return true }
        }
        return false
    }
}
