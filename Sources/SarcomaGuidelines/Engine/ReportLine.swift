/// One logical line of the plain-text report: a section label, the text, the rules cited.
struct ReportLine: Sendable {
    var label: String
    var text: String
    var rules: [RuleID] = []
}
