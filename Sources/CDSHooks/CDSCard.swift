import JSON
import Foundation
import SarcomaGuidelines

/// One CDS Hooks card (CDS Hooks 2.0.1, "Card attributes"): a summary under 140
/// characters, an indicator, its source (the guideline pack and version) and a Markdown
/// detail naming the rule ids and NCCN categories behind it.
package struct CDSCard: Sendable {
    package enum Indicator: String, Sendable {
        case info, warning, critical
    }

    /// The spec's limit: "<140-character summary".
    package static let summaryLimit = 139

    package var uuid: String
    package var summary: String
    package var indicator: Indicator
    package var detail: String
    package var sourceLabel: String

    package init(
        summary: String, indicator: Indicator, detail: String, sourceLabel: String,
        uuid: String = UUID().uuidString.lowercased()
    ) {
        self.uuid = uuid
        self.summary = Self.fit(summary)
        self.indicator = indicator
        self.detail = detail
        self.sourceLabel = sourceLabel
    }

    package var json: JSONValue {
        .object(
            JSONObject([
                ("uuid", .string(uuid)),
                ("summary", .string(summary)),
                ("indicator", .string(indicator.rawValue)),
                ("detail", .string(detail)),
                ("source", .object(JSONObject([("label", .string(sourceLabel))]))),
            ]))
    }

    /// Cuts a summary to the limit at a word boundary, marking the cut with "...".
    package static func fit(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard oneLine.count > summaryLimit else { return oneLine }
        var cut = String(oneLine.prefix(summaryLimit - 3))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > summaryLimit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "..."
    }

    /// `{"cards": [...]}`.
    package static func response(_ cards: [CDSCard]) -> JSONValue {
        .object(JSONObject([("cards", .array(cards.map(\.json)))]))
    }
}
