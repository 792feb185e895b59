/// How the unknown-biomarker warning names a test (§8.5): its display name, the warning code
/// that carries it (NTRK keeps v1's `ntrk_status_unknown`), and the histologies for which the
/// test is strongly advised (NTRK in infantile fibrosarcoma).
public struct BiomarkerTest: Sendable, Equatable {
    public var marker: Biomarker
    public var name: String
    public var warning: String
    public var advisedFor: Set<String>
}
