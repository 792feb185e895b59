/// A histology code the pack refuses with a 422 at `/tumor/histology` (clinical rules §3.1):
/// its name for the v1 detail, or its own detail (SCOPE-UTERINE).
public struct OutOfScopeHistology: Sendable, Equatable {
    public var code: String
    public var ruleId: String
    public var name: String
    public var detail: String?
}
