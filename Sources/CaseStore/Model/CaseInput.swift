/// What a caller writes: the case document as canonical JSON bytes (the store never parses it)
/// and the values the store indexes, taken out of the document by the caller.
public struct CaseInput: Sendable, Equatable {
    public var externalId: String?
    public var site: String
    public var document: [UInt8]

    public init(externalId: String?, site: String, document: [UInt8]) {
        self.externalId = externalId
        self.site = site
        self.document = document
    }
}
