import JSON
/// The family-specific part of an evaluation answer: its JSON members (placed between
/// `guidelineVersion` and `warnings`) and its lines of the plain-text report.
protocol EvaluationBody: Sendable {
    var jsonMembers: JSONMembers { get }
    var reportLines: [ReportLine] { get }
}
