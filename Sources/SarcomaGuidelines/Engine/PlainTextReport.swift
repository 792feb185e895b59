import Foundation
/// Renders report lines for a terminal and a tumour-board handout: an 11-column label, the
/// text wrapped under 100 columns, rule ids in brackets, ASCII only, newline-terminated.
///
/// It keeps the answer's parts, not their lines: the lines (and the wrapping) are made only
/// when `render()` is called, because most callers want JSON and never pay for the text.
struct PlainTextReport: Sendable {
    static let labelWidth = 11
    static let width = 98

    /// The family answers, in report order.
    var sections: [any EvaluationBody] = []
    /// The warnings and the pack, printed at the end.
    var warnings: [EvaluationWarning] = []
    var packVersion = ""
    var packLabel = ""

    /// Every line, sections first, then the warnings and the pack version.
    var lines: [ReportLine] {
        var lines = sections.flatMap(\.reportLines)
        for (index, warning) in warnings.enumerated() {
            lines.append(ReportLine(label: index == 0 ? "Warnings" : "", text: warning.message))
        }
        lines.append(ReportLine(label: "", text: "guideline pack \(packVersion) (\(packLabel))"))
        return lines
    }

    func render() -> String {
        var output = ""
        for line in lines {
            var cited: [RuleID] = []
            for rule in line.rules where !cited.contains(rule) { cited.append(rule) }
            let rules = cited.isEmpty ? "" : "[\(cited.map(\.rawValue).joined(separator: ", "))]"
            var rows = Self.wrap(Self.ascii(line.text), width: Self.width - Self.labelWidth)
            if !rules.isEmpty {
                let last = rows.removeLast()
                if last.count + 3 + rules.count <= Self.width - Self.labelWidth {
                    rows.append(last + "   " + rules)
                } else {
                    rows.append(last)
                    rows.append(contentsOf: Self.wrap(rules, width: Self.width - Self.labelWidth))
                }
            }
            for (index, row) in rows.enumerated() {
                let label = index == 0 ? Self.ascii(line.label) : ""
                let padded =
                    label.count < Self.labelWidth
                    ? label + String(repeating: " ", count: Self.labelWidth - label.count) : label + " "
                output += (padded + row).trimmedRight + "\n"
            }
        }
        return output
    }

    /// Greedy word wrap; a word longer than the width is cut. A unit stays on the line of
    /// its number ("30 %", "12.5 cm" never break), so a figure is never misread.
    static func wrap(_ text: String, width: Int) -> [String] {
        let glue: Character = "\u{1}"
        var glued = text
        for unit in [" %", " cm", " mm", " months", " µs"] {
            glued = glued.replacingOccurrences(of: unit, with: String(glue) + unit.dropFirst())
        }
        return wrapWords(glued, width: width).map { $0.replacingOccurrences(of: String(glue), with: " ") }
    }

    private static func wrapWords(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty {
                    rows.append(current)
                    current = ""
                }
                rows.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                rows.append(current)
                current = String(word)
            }
        }
        rows.append(current)
        return rows
    }

    /// ASCII for any terminal: common typographic characters spelled out, others replaced.
    static func ascii(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar)
                continue
            }
            switch scalar {
            case "\u{2264}": result += "<="
            case "\u{2265}": result += ">="
            case "\u{2013}", "\u{2014}", "\u{2212}": result += "-"
            case "\u{2018}", "\u{2019}": result += "'"
            case "\u{201C}", "\u{201D}": result += "\""
            case "\u{00D7}": result += "x"
            case "\u{00A0}": result += " "
            default: result += "?"
            }
        }
        return result
    }
}

extension String {
    var trimmedRight: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
