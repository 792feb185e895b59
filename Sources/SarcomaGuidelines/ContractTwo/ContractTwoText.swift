import Foundation

/// The `text/plain` rendering of a `/v2` answer (rules §9): the layout of the v1 report (an
/// 11-column label, wrapped text, rule ids in brackets, ASCII), narrowed to 80 columns for a
/// terminal. A line cites only rule ids the answer's JSON carries (REND-TRACE): `citable` is
/// that set, and any other id is dropped rather than printed. `?explain=true` adds the trace
/// (REND-EXPLAIN).
struct ContractTwoText {
    struct Line {
        var label: String
        var text: String
        /// Only ids the same section's JSON carries.
        var rules: [String]
    }

    static let width = 80

    var lines: [Line]
    var warnings: [ContractTwoWarning]
    var trace: [RuleTrace]
    var packVersion: String
    var packLabel: String
    /// The rule ids of the answer's JSON; nil cites every id of the lines.
    var citable: Set<String>? = nil

    /// The section's lines, then its trace (REND-EXPLAIN), without warnings or the pack line:
    /// what an assessment stacks, section after section.
    var body: [Line] {
        var all = lines.map { line in
            var line = line
            if let citable { line.rules = line.rules.filter(citable.contains) }
            return line
        }
        for (index, entry) in trace.enumerated() {
            all.append(
                Line(
                    label: index == 0 ? "Trace" : "",
                    text: "\(entry.ruleId) \(entry.applied ? "applied" : "not applied"): \(entry.reason)", rules: []))
        }
        return all
    }

    /// The warnings, one line each, then the pack.
    static func footer(_ warnings: [ContractTwoWarning], packVersion: String, packLabel: String) -> [Line] {
        var all: [Line] = []
        for (index, warning) in warnings.enumerated() {
            all.append(Line(label: index == 0 ? "Warnings" : "", text: warning.message, rules: []))
        }
        all.append(Line(label: "", text: "guideline pack \(packVersion) (\(packLabel))", rules: []))
        return all
    }

    func render() -> String {
        Self.render(body + Self.footer(warnings, packVersion: packVersion, packLabel: packLabel))
    }

    static func render(_ lines: [Line]) -> String {
        let width = Self.width - PlainTextReport.labelWidth
        var output = ""
        for line in lines {
            var cited: [String] = []
            for rule in line.rules where !cited.contains(rule) { cited.append(rule) }
            let rules = cited.isEmpty ? "" : "[\(cited.joined(separator: ", "))]"
            var rows = PlainTextReport.wrap(ascii(line.text), width: width)
            if !rules.isEmpty {
                let last = rows.removeLast()
                if last.count + 3 + rules.count <= width {
                    rows.append(last + "   " + rules)
                } else {
                    rows.append(last)
                    rows.append(contentsOf: PlainTextReport.wrap(rules, width: width))
                }
            }
            for (index, row) in rows.enumerated() {
                let label = index == 0 ? PlainTextReport.ascii(line.label) : ""
                let padded =
                    label.count < PlainTextReport.labelWidth
                    ? label + String(repeating: " ", count: PlainTextReport.labelWidth - label.count) : label + " "
                output += (padded + row).trimmedRight + "\n"
            }
        }
        return output
    }

    /// The v1 ASCII mapping plus the characters the v2 texts add (mg/m², the anthracycline
    /// band), which v1 never prints, so the v1 report stays byte for byte as it was.
    static func ascii(_ text: String) -> String {
        PlainTextReport.ascii(text.replacingOccurrences(of: "\u{00B2}", with: "2"))
    }
}
