/// The `text/plain` rendering of a `/v2` answer (rules §9): the layout of the v1 report (an
/// 11-column label, wrapped text, rule ids in brackets, ASCII), but rule ids are those of the
/// answer's JSON (REND-TRACE), and `?explain=true` adds the trace (REND-EXPLAIN).
struct ContractTwoText {
    struct Line {
        var label: String
        var text: String
        /// Only ids the same section's JSON carries.
        var rules: [String]
    }

    var lines: [Line]
    var warnings: [ContractTwoWarning]
    var trace: [RuleTrace]
    var packVersion: String
    var packLabel: String

    func render() -> String {
        var all = lines
        for (index, warning) in warnings.enumerated() {
            all.append(Line(label: index == 0 ? "Warnings" : "", text: warning.message, rules: []))
        }
        for (index, entry) in trace.enumerated() {
            all.append(
                Line(
                    label: index == 0 ? "Trace" : "",
                    text: "\(entry.ruleId) \(entry.applied ? "applied" : "not applied"): \(entry.reason)", rules: []))
        }
        all.append(Line(label: "", text: "guideline pack \(packVersion) (\(packLabel))", rules: []))
        let width = PlainTextReport.width - PlainTextReport.labelWidth
        var output = ""
        for line in all {
            var cited: [String] = []
            for rule in line.rules where !cited.contains(rule) { cited.append(rule) }
            let rules = cited.isEmpty ? "" : "[\(cited.joined(separator: ", "))]"
            var rows = PlainTextReport.wrap(PlainTextReport.ascii(line.text), width: width)
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
}
