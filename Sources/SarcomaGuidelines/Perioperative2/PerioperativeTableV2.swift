/// The local and perioperative therapy of pack 2026.12-1 (`perioperative.json`, clinical rules
/// §7): rules, option rows, the PERIOP-LARGE-HIGHGRADE recommendation and the withholding
/// reasons. Load refuses a category without a basis and a verified source (§0.1) and a file
/// that lacks a row the evaluator lists, so no answer can name a row the pack lacks.
public struct PerioperativeTableV2: Sendable {
    public static let fileName = "perioperative.json"

    public struct Key: Hashable, Sendable {
        public var ruleId: String
        public var modality: PerioperativeModalityV2
        public var variant: String?
    }

    public struct Withholding: Sendable, Equatable {
        public var reason: String
        public var sources: [String]
    }

    static let ruleIds = [
        "PERIOP-SURGERY", "PERIOP-AFTER-RESECTION", "PERIOP-STAGE1-CLOSE-MARGIN", "PERIOP-STAGE2-RT",
        "PERIOP-STAGE3-POSTOP-RT", "PERIOP-STAGE3-PREOP", "PERIOP-POSTOP-CHEMO", "PERIOP-GRADE-UNKNOWN-RT",
        "PERIOP-HN", "PERIOP-RP", "PERIOP-DFSP", "PERIOP-NODAL", "PERIOP-LOCAL-RECURRENCE", "PERIOP-CONVERSION",
        "PERIOP-OLIGOMET", "PERIOP-LARGE-HIGHGRADE", "SCOPE-PEDIATRIC", "SCOPE-ADOLESCENT",
    ]

    public let book: RuleBookV2
    public let rows: [Key: PerioperativeOptionRow]
    public let highRisk: PerioperativeOptionRow.Category
    public let highRiskRule: RuleTextV2
    public let withholdings: [ModalityWithholding: Withholding]

    /// The row for a listed option; every key the evaluator uses was checked at load.
    func row(_ ruleId: String, _ modality: PerioperativeModalityV2, variant: String? = nil) -> PerioperativeOptionRow {
        rows[Key(ruleId: ruleId, modality: modality, variant: variant)]
            ?? PerioperativeOptionRow(
                ruleId: ruleId, modality: modality, variant: variant, evidenceType: .packPolicy, evidenceYear: nil,
                sources: [], category: nil, rationale: "", evidence: [])
    }

    public static func load(bytes: [UInt8], register: SourceRegister) throws(GuidelinePackError)
        -> PerioperativeTableV2
    {
        let node = try PackNode.document(bytes, file: fileName)
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let rulesNode = try reader.required("rules")
        var rules: [(RuleTextV2, PackNode)] = []
        for item in try rulesNode.nonEmptyArray() {
            rules.append((try RuleTextV2.load(item, register: register), item))
        }
        let optionsNode = try reader.required("options")
        var rows: [Key: PerioperativeOptionRow] = [:]
        for item in try optionsNode.nonEmptyArray() {
            let row = try PerioperativeOptionRow.load(item, register: register)
            let key = Key(ruleId: row.ruleId, modality: row.modality, variant: row.variant)
            if rows[key] != nil { throw item.failure("repeats \(row.ruleId) \(row.modality.rawValue)") }
            rows[key] = row
        }
        if let missing = PerioperativeEvaluatorV2.listedRows.first(where: { rows[$0] == nil }) {
            throw optionsNode.failure(
                "lack the row \(missing.ruleId) \(missing.modality.rawValue)\(missing.variant.map { " (\($0))" } ?? ""), which the evaluator lists"
            )
        }
        let highNode = try reader.required("highRisk")
        var highReader = try highNode.object()
        let highRule = try RuleTextV2.load(from: &highReader, node: highNode, register: register)
        let categoryNode = try highReader.required("category")
        var categoryReader = try categoryNode.object()
        let claim = try CategoryClaim.load(from: &categoryReader, register: register)
        let setting = try categoryReader.required("setting").code(
            PerioperativeCategorySetting.self, "a category setting")
        let note = try categoryReader.string("note")
        try categoryReader.finish()
        try highReader.finish()
        let reasonsNode = try reader.required("withholdingReasons")
        var reasonsReader = try reasonsNode.object()
        var withholdings: [ModalityWithholding: Withholding] = [:]
        for code in ModalityWithholding.allCases {
            var entry = try reasonsReader.required(code.rawValue).object()
            let reason = try entry.string("reason")
            let sourcesNode = try entry.required("sources")
            var sources: [String] = []
            for item in try sourcesNode.array() { sources.append(try register.source(item).id) }
            if let policy = try entry.optional("policy")?.string() {
                sources.append("pack policy (\(policy))")
            } else if sources.isEmpty {
                throw sourcesNode.failure("are empty and no pack policy is named")
            }
            try entry.finish()
            withholdings[code] = Withholding(reason: reason, sources: sources)
        }
        try reasonsReader.finish()
        let book = try RuleBookV2.make(
            rules, rulesNode: rulesNode, decisions: try reader.required("decisions"), required: ruleIds)
        try reader.finish()
        return PerioperativeTableV2(
            book: book, rows: rows, highRisk: .init(claim: claim, setting: setting, note: note), highRiskRule: highRule,
            withholdings: withholdings)
    }
}
