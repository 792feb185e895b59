/// An evaluation answered for a stored case, to be recorded (the audit trail of advice given).
public struct EvaluationInput: Sendable, Equatable {
    public var caseId: String
    /// The case version that was evaluated.
    public var caseVersion: Int
    /// `staging`, `margins`, `imaging`, `perioperative`, `palliative` or `assessment`
    /// (not checked here: the API owns the list).
    public var endpoint: String
    public var guidelineVersion: String
    /// The answer as canonical JSON bytes.
    public var result: [UInt8]

    public init(caseId: String, caseVersion: Int, endpoint: String, guidelineVersion: String, result: [UInt8]) {
        self.caseId = caseId
        self.caseVersion = caseVersion
        self.endpoint = endpoint
        self.guidelineVersion = guidelineVersion
        self.result = result
    }
}
