/// How a histology is graded for planning (clinical rules §2.2 grade policy column): FNCLCC,
/// high or low grade by definition, or FNCLCC not applicable. `H`, `L` and `NA` rows name
/// their basis and whether it was verified; only a verified row may change a planning grade
/// (§0.1: an unverified fact is never the only support of a decision).
public struct GradePolicy: Sendable, Equatable {
    public enum Kind: String, Sendable, VocabularyCode, CaseIterable {
        case fnclcc
        case highByDefinition = "high_by_definition"
        case lowByDefinition = "low_by_definition"
        case notApplicable = "not_applicable"
    }

    public var kind: Kind
    /// Source register ids; empty for `fnclcc` and for an unverified row without a source.
    public var basis: [String]
    /// nil for `fnclcc` (v1 grading needs no basis).
    public var verified: Bool?
    public var note: String?

    /// True when the policy may replace a stated or missing grade in planning (§4
    /// GRADE-HISTOLOGY): a verified `H` or `L` row.
    public var changesPlanningGrade: Bool {
        (kind == .highByDefinition || kind == .lowByDefinition) && verified == true
    }

    static func load(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError) -> GradePolicy {
        var reader = try node.object()
        let kind = try reader.required("policy").code(Kind.self, "a grade policy")
        let basisNode = try reader.required("basis")
        var basis: [SourceRegister.Source] = []
        for item in try basisNode.array() {
            let source = try register.source(item)
            if basis.contains(source) { throw item.failure("repeats \"\(source.id)\"") }
            basis.append(source)
        }
        let verifiedNode = try reader.required("verified")
        let verified = verifiedNode.isNull ? nil : try verifiedNode.bool()
        let note = try reader.nullable("note")?.string()
        try reader.finish()
        switch kind {
        case .fnclcc:
            guard basis.isEmpty, verified == nil else {
                throw node.failure("is fnclcc (v1 grading): it takes no basis and verified null")
            }
        case .highByDefinition, .lowByDefinition, .notApplicable:
            guard let verified else { throw verifiedNode.failure("must be true or false for a \(kind.rawValue) row") }
            if verified {
                guard !basis.isEmpty else {
                    throw basisNode.failure("is empty, but a verified \(kind.rawValue) row needs its source")
                }
                if let weak = basis.first(where: { !$0.verified }) {
                    throw basisNode.failure(
                        "cites \"\(weak.id)\", which the register marks unverified, on a row marked verified")
                }
            }
        }
        return GradePolicy(kind: kind, basis: basis.map(\.id), verified: verified, note: note)
    }
}
