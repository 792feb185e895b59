import HTTPServer

/// Which representation a client asked for with `Accept`: JSON (the default) or the
/// plain-text summary clinicians read in a terminal.
enum ResponseFormat: Equatable {
    case json
    case plainText

    /// Picks the client's most preferred of the formats offered; 406 when none is acceptable.
    static func negotiate(_ request: HTTPRequest, offering offered: [ResponseFormat] = [.json, .plainText])
        throws(Problem) -> ResponseFormat
    {
        guard let accept = request.headers["Accept"], !accept.trimmingWhitespace.isEmpty else { return offered[0] }
        var best: (format: ResponseFormat, quality: Double, order: Int)?
        for (order, part) in accept.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";").map { String($0).trimmingWhitespace.lowercased() }
            guard let range = pieces.first else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                // An unreadable weight is ignored (treated as 1), not read as "refuse".
                quality = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 1
            }
            guard quality > 0 else { continue }
            let candidates: [ResponseFormat]
            switch range {
            case "*/*": candidates = [offered[0]]
            case "application/*", "application/json", "application/problem+json": candidates = [.json]
            case "text/*", "text/plain": candidates = [.plainText]
            default: candidates = []
            }
            for format in candidates where offered.contains(format) {
                if best == nil || quality > best!.quality {
                    best = (format, quality, order)
                }
            }
        }
        guard let best else {
            throw Problem.notAcceptable(
                accept, offered: offered.map { $0 == .json ? "application/json" : "text/plain" })
        }
        return best.format
    }
}

extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
