/// A recorded evaluation.
public struct StoredEvaluation: Sendable, Equatable {
    /// Lowercase UUID issued when recorded.
    public var id: String
    public var caseId: String
    public var caseVersion: Int
    public var endpoint: String
    public var guidelineVersion: String
    public var result: [UInt8]
    /// RFC 3339 UTC with milliseconds.
    public var createdAt: String

    public init(
        id: String, caseId: String, caseVersion: Int, endpoint: String, guidelineVersion: String, result: [UInt8],
        createdAt: String
    ) {
        self.id = id
        self.caseId = caseId
        self.caseVersion = caseVersion
        self.endpoint = endpoint
        self.guidelineVersion = guidelineVersion
        self.result = result
        self.createdAt = createdAt
    }
}
