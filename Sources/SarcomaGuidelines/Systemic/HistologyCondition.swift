/// A histology condition of a systemic row or withholding: a list of codes, or a class of the
/// §2.2 table (lipogenic, L-type). Codes are checked against `histology-classes.json` at load.
public enum HistologyCondition: Sendable, Equatable {
    case codes(Set<String>)
    case lipogenic
    case lType

    /// A class of the §2.2 table, whose membership can be unknown.
    var isClass: Bool {
        if case .codes = self { return false }
        return true
    }

    /// The histology is (known to be) in the condition.
    func holds(for row: HistologyClassRow) -> Bool {
        switch self {
        case .codes(let codes): row.code.map(codes.contains) ?? false
        case .lipogenic: row.lipogenic == .member
        case .lType: row.lType == .member
        }
    }

    /// The histology may be in it: what a withholding reads, so that a histology not given
    /// cannot escape a liposarcoma withholding (v1 D21).
    func cannotBeExcluded(for row: HistologyClassRow) -> Bool {
        switch self {
        case .codes: holds(for: row)
        case .lipogenic: row.lipogenic.cannotBeExcluded
        case .lType: row.lType.cannotBeExcluded
        }
    }

    static func load(_ node: PackNode, classes: HistologyClassTable) throws(GuidelinePackError) -> HistologyCondition {
        var reader = try node.object()
        let codesNode = reader.optional("codes")
        let classNode = reader.optional("class")
        try reader.finish()
        switch (codesNode, classNode) {
        case (let codesNode?, nil):
            var codes: Set<String> = []
            for item in try codesNode.nonEmptyArray() {
                let code = try item.snakeCode()
                guard classes.row(code: code) != nil else {
                    throw item.failure("\"\(code)\" is not a histology of \(HistologyClassTable.fileName)")
                }
                if !codes.insert(code).inserted { throw item.failure("repeats \"\(code)\"") }
            }
            return .codes(codes)
        case (nil, let classNode?):
            switch try classNode.string() {
            case "lipogenic": return .lipogenic
            case "lType": return .lType
            case let other: throw classNode.failure("\"\(other)\" is not a histology class (lipogenic, lType)")
            }
        default:
            throw node.failure("must name either \"codes\" or \"class\"")
        }
    }
}
