/// The histology codes and class table of pack 2026.12-1 (`histology-classes.json`, clinical
/// rules §2): the one place that says which codes are in scope and what each means to the
/// staging, margin, imaging, scope and systemic rules.
///
/// Load refuses a table that misses a code the case vocabulary accepts, repeats a code,
/// lists an out-of-scope code as in scope, makes a liposarcoma not L-type, or marks a grade
/// policy verified on an unverified or missing source.
public final class HistologyClassTable: Sendable {
    public static let fileName = "histology-classes.json"

    /// In-scope rows in the rules' order.
    public let rows: [HistologyClassRow]
    /// The row used when the histology is not given (v1 D21).
    public let notGiven: HistologyClassRow
    public let outOfScope: [OutOfScopeHistology]
    public let decisions: [PackReading]
    private let byCode: [String: Int]

    init(
        rows: [HistologyClassRow], notGiven: HistologyClassRow, outOfScope: [OutOfScopeHistology],
        decisions: [PackReading]
    ) {
        self.rows = rows
        self.notGiven = notGiven
        self.outOfScope = outOfScope
        self.decisions = decisions
        var byCode: [String: Int] = [:]
        for (index, row) in rows.enumerated() { if let code = row.code { byCode[code] = index } }
        self.byCode = byCode
    }

    /// The row of an in-scope code; nil for a code this pack does not know.
    public func row(code: String) -> HistologyClassRow? { byCode[code].map { rows[$0] } }

    /// The row for a case: its code's row, or the not-given row when the histology is absent.
    public func row(for code: String?) -> HistologyClassRow? {
        guard let code else { return notGiven }
        return row(code: code)
    }

    public var codes: [String] { rows.compactMap(\.code) }

    public static func load(bytes: [UInt8], register: SourceRegister) throws(GuidelinePackError) -> HistologyClassTable
    {
        try load(try PackNode.document(bytes, file: fileName), register: register)
    }

    static func load(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError) -> HistologyClassTable {
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let rowsNode = try reader.required("histologies")
        var rows: [HistologyClassRow] = []
        for item in try rowsNode.nonEmptyArray() {
            let row = try loadRow(item, register: register)
            if rows.contains(where: { $0.code == row.code }) {
                throw item.failure("repeats histology \"\(row.code ?? "")\"")
            }
            rows.append(row)
        }
        let notGiven = try loadNotGiven(try reader.required("histologyNotGiven"), register: register)
        let outNode = try reader.required("outOfScope")
        var outOfScope: [OutOfScopeHistology] = []
        for item in try outNode.array() {
            var itemReader = try item.object()
            let codeNode = try itemReader.required("code")
            let code = try codeNode.snakeCode()
            if rows.contains(where: { $0.code == code }) {
                throw codeNode.failure("\"\(code)\" is also an in-scope histology")
            }
            if outOfScope.contains(where: { $0.code == code }) { throw codeNode.failure("repeats \"\(code)\"") }
            outOfScope.append(
                OutOfScopeHistology(
                    code: code, ruleId: try itemReader.required("ruleId").ruleIdentifier(),
                    name: try itemReader.string("name"), detail: try itemReader.nullable("detail")?.string()))
            try itemReader.finish()
        }
        let decisions = try PackReading.loadList(try reader.required("decisions"))
        try reader.finish()

        // The case vocabulary of every pack stays in scope (clinical rules §2.1: v1 codes stay).
        if let missing = Histology.allCases.first(where: { code in !rows.contains { $0.code == code.rawValue } }) {
            throw rowsNode.failure("lack \"\(missing.rawValue)\", a histology code the case vocabulary accepts")
        }
        if let missing = Histology.outOfScopeCodes.keys.sorted().first(where: { code in
            !outOfScope.contains { $0.code == code }
        }) {
            throw outNode.failure("lack \"\(missing)\", which pack 2026.11-1 already refuses")
        }
        return HistologyClassTable(rows: rows, notGiven: notGiven, outOfScope: outOfScope, decisions: decisions)
    }

    private static func loadRow(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError)
        -> HistologyClassRow
    {
        var reader = try node.object()
        let code = try reader.required("code").snakeCode()
        let newInPack = try reader.required("newInPack").bool()
        let lipogenic = try reader.required("lipogenic").bool()
        let lTypeNode = try reader.required("lType")
        let lType = try lTypeNode.bool()
        if lipogenic && !lType {
            throw lTypeNode.failure("is false for a liposarcoma: L-type includes every liposarcoma")
        }
        var infiltrativeRule: String?
        var infiltrativeNote: String?
        if let infiltrative = try reader.nullable("infiltrative") {
            var infiltrativeReader = try infiltrative.object()
            infiltrativeRule = try infiltrativeReader.required("ruleId").ruleIdentifier(prefix: "MARGIN")
            infiltrativeNote = try infiltrativeReader.nullable("note")?.string()
            try infiltrativeReader.finish()
        }
        let grade = try GradePolicy.load(try reader.required("gradePolicy"), register: register)
        let nodal = try reader.required("nodalRisk").bool()
        var addOns: [HistologyClassRow.ImagingAddOn] = []
        for item in try reader.required("imagingAddOns").array() {
            var addOnReader = try item.object()
            addOns.append(
                .init(
                    ruleId: try addOnReader.required("ruleId").ruleIdentifier(prefix: "IMG"),
                    required: try addOnReader.required("required").bool()))
            try addOnReader.finish()
        }
        var systemicRules: [String] = []
        for item in try reader.required("systemicRules").array() {
            systemicRules.append(try item.ruleIdentifier(prefix: "PALL"))
        }
        let scopeNode = try reader.required("scope")
        let scope = try scopeNode.code(TreatmentScope.self, "a scope")
        if (scope == .dfsp) != (code == "dermatofibrosarcoma_protuberans") {
            throw scopeNode.failure(
                "is \(scope.rawValue): the dfsp scope belongs to dermatofibrosarcoma_protuberans alone (§3.3)")
        }
        var meaning: HistologyClassRow.CodeMeaning?
        if let meaningNode = try reader.nullable("codeMeaning") {
            var meaningReader = try meaningNode.object()
            meaning = .init(
                warning: try meaningReader.required("warning").snakeCode(),
                fromAgeYears: try meaningReader.required("fromAgeYears").integer(),
                whenAgeNotGiven: try meaningReader.required("whenAgeNotGiven").bool(),
                text: try meaningReader.string("text"))
            try meaningReader.finish()
        }
        try reader.finish()
        return HistologyClassRow(
            code: code, newInPack: newInPack, lipogenic: lipogenic ? .member : .notMember,
            lType: lType ? .member : .notMember, infiltrativeRuleId: infiltrativeRule,
            infiltrativeNote: infiltrativeNote,
            gradePolicy: grade, nodalRisk: nodal, imagingAddOns: addOns, systemicRules: systemicRules, scope: scope,
            codeMeaning: meaning)
    }

    private static func loadNotGiven(_ node: PackNode, register: SourceRegister) throws(GuidelinePackError)
        -> HistologyClassRow
    {
        var reader = try node.object()
        let lipogenic = try reader.required("lipogenic").code(ClassMembership.self, "a class membership")
        let lType = try reader.required("lType").code(ClassMembership.self, "a class membership")
        let grade = try reader.required("gradePolicy")
        let policy = try GradePolicy.load(grade, register: register)
        if policy.kind != .fnclcc {
            throw grade.failure("must be fnclcc: a histology that is not given implies no grade")
        }
        let specificNode = try reader.required("histologySpecificRows")
        if try specificNode.bool() {
            throw specificNode.failure("must be false: no histology-specific row applies without a histology (D21)")
        }
        _ = try reader.string("note")
        try reader.finish()
        return HistologyClassRow(
            code: nil, newInPack: false, lipogenic: lipogenic, lType: lType, infiltrativeRuleId: nil,
            infiltrativeNote: nil,
            gradePolicy: policy, nodalRisk: false, imagingAddOns: [], systemicRules: [], scope: .adultSTS,
            codeMeaning: nil)
    }
}
