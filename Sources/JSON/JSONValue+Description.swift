/// Compact JSON as the description, so test failures and logs show the document itself.
extension JSONValue: CustomStringConvertible {
    public var description: String { JSONWriter.compact.string(self) }
}

extension JSONObject: CustomStringConvertible {
    public var description: String { JSONWriter.compact.string(.object(self)) }
}
