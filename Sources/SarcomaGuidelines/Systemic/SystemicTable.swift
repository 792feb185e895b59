import JSON

/// The systemic therapy knowledge of pack 2026.12-1 (`systemic.json`, clinical rules §8): the
/// option table, sets A and C, the histology withholdings, the step reasons, the anthracycline
/// numbers, the biomarker tests, the investigational listing and the pack's readings.
///
/// Load validates the whole file against the histology classes and the source register and
/// refuses it on the first problem, so the evaluation never meets a category without a basis
/// and a verified source (§0.1, §0.3), a row it cannot place, or a reason without text.
public final class SystemicTable: Sendable {
    public static let fileName = "systemic.json"

    public let classes: HistologyClassTable
    public let rows: [SystemicRow]
    public let sets: AgentSets
    public let withholdings: [HistologyWithholding]
    public let stepReasons: [WithholdingReason: StepReason]
    public let anthracycline: AnthracyclinePolicy
    public let biomarkerTests: [BiomarkerTest]
    public let investigational: [(agent: TherapyAgent, ruleId: String, reason: String)]
    public let decisions: [PackReading]

    init(
        classes: HistologyClassTable, rows: [SystemicRow], sets: AgentSets, withholdings: [HistologyWithholding],
        stepReasons: [WithholdingReason: StepReason], anthracycline: AnthracyclinePolicy,
        biomarkerTests: [BiomarkerTest],
        investigational: [(agent: TherapyAgent, ruleId: String, reason: String)], decisions: [PackReading]
    ) {
        self.classes = classes
        self.rows = rows
        self.sets = sets
        self.withholdings = withholdings
        self.stepReasons = stepReasons
        self.anthracycline = anthracycline
        self.biomarkerTests = biomarkerTests
        self.investigational = investigational
        self.decisions = decisions
    }

    func row(fixed agent: TherapyAgent) -> SystemicRow? { rows.first { $0.isFixed && $0.agent == agent } }

    public static func load(bytes: [UInt8], classes: HistologyClassTable, register: SourceRegister)
        throws(GuidelinePackError) -> SystemicTable
    {
        try load(try PackNode.document(bytes, file: fileName), classes: classes, register: register)
    }

    static func load(_ node: PackNode, classes: HistologyClassTable, register: SourceRegister)
        throws(GuidelinePackError) -> SystemicTable
    {
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let sets = try AgentSets.load(
            sets: try reader.required("sets"), combinations: try reader.required("combinations"))
        let rowsNode = try reader.required("rows")
        var rows: [SystemicRow] = []
        for item in try rowsNode.nonEmptyArray() {
            let row = try SystemicRow.load(item, classes: classes, register: register)
            guard row.number == rows.count + 1 else {
                throw item.failure("is numbered \(row.number); rows are numbered 1, 2, ... in table order")
            }
            if let other = rows.first(where: { $0.agent == row.agent && $0.route != row.route }) {
                throw item.failure(
                    "gives \(row.agent.rawValue) route \(row.route.rawValue), row \(other.number) \(other.route.rawValue): an agent has one route"
                )
            }
            if row.isFixed, rows.contains(where: { $0.agent == row.agent }) {
                throw item.failure("repeats the fixed option \(row.agent.rawValue)")
            }
            rows.append(row)
        }
        for fixed in [TherapyAgent.clinicalTrial, .bestSupportiveCare, .pediatricProtocolReferral]
        where !rows.contains(where: { $0.agent == fixed }) {
            throw rowsNode.failure("lack the fixed option \(fixed.rawValue)")
        }
        let inTable = Set(rows.map(\.agent))
        if let stray = (sets.cytotoxic.subtracting(inTable)).map(\.rawValue).sorted().first {
            throw node.child("sets", .null).failure("name \(stray), which no row of the option table lists")
        }
        let byNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) })
        var withholdings: [HistologyWithholding] = []
        for item in try reader.required("withholdings").nonEmptyArray() {
            withholdings.append(
                try HistologyWithholding.load(
                    item, classes: classes, register: register, rowsByNumber: byNumber, sets: sets))
        }
        for row in rows where row.evidenceType == nil && !row.isFixed {
            let alwaysWithheld = withholdings.contains {
                $0.histology == nil && $0.condition == .always && $0.rows.contains(row.number)
            }
            guard alwaysWithheld else {
                throw rowsNode.failure(
                    "row \(row.number) (\(row.agent.rawValue)) has no evidenceType but is not withheld in every histology"
                )
            }
        }
        for row in rows where row.histology != nil && row.biomarker != nil {
            guard withholdings.contains(where: { $0.condition == .biomarkerNegative && $0.rows.contains(row.number) })
            else {
                throw rowsNode.failure(
                    "row \(row.number) (\(row.agent.rawValue)) is histology- and biomarker-gated but no biomarker_negative withholding names it"
                )
            }
        }
        if let fixedEvidence = rows.first(where: { $0.isFixed && $0.evidenceType == nil }) {
            throw rowsNode.failure("row \(fixedEvidence.number) is a fixed option without evidenceType")
        }
        let stepReasons = try loadStepReasons(try reader.required("stepReasons"))
        let anthracycline = try AnthracyclinePolicy.load(try reader.required("anthracycline"), register: register)
        let tests = try loadTests(try reader.required("biomarkers"), classes: classes)
        var investigational: [(agent: TherapyAgent, ruleId: String, reason: String)] = []
        for item in try reader.required("investigational").array() {
            var itemReader = try item.object()
            investigational.append(
                (
                    try itemReader.required("agent").code(TherapyAgent.self, "an agent"),
                    try itemReader.required("ruleId").ruleIdentifier(prefix: "PALL"),
                    try itemReader.string("reason")
                ))
            try itemReader.finish()
        }
        let decisions = try PackReading.loadList(try reader.required("decisions"))
        try reader.finish()
        return SystemicTable(
            classes: classes, rows: rows, sets: sets, withholdings: withholdings, stepReasons: stepReasons,
            anthracycline: anthracycline, biomarkerTests: tests, investigational: investigational,
            decisions: decisions)
    }

    private static func loadStepReasons(_ node: PackNode) throws(GuidelinePackError) -> [WithholdingReason: StepReason]
    {
        guard case .object(let object) = node.value else {
            throw node.failure("must be an object of reason code to reason")
        }
        var reasons: [WithholdingReason: StepReason] = [:]
        for key in object.keys.sorted() {
            let child = node.child(key, object[key] ?? .null)
            guard let reason = WithholdingReason(rawValue: key), !reason.isHistologyStep else {
                throw child.failure("\"\(key)\" is not a reason code of steps 3-5 and 7-9")
            }
            var reader = try child.object()
            let rule = try reader.nullable("ruleId")?.ruleIdentifier(prefix: "PALL")
            reasons[reason] = StepReason(ruleId: rule, text: try reader.string("reason"))
            try reader.finish()
        }
        if let missing = WithholdingReason.allCases.first(where: { !$0.isHistologyStep && reasons[$0] == nil }) {
            throw node.failure("lacks \"\(missing.rawValue)\"")
        }
        return reasons
    }

    private static func loadTests(_ node: PackNode, classes: HistologyClassTable) throws(GuidelinePackError)
        -> [BiomarkerTest]
    {
        var tests: [BiomarkerTest] = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let markerNode = try reader.required("marker")
            let marker = try markerNode.code(Biomarker.self, "a biomarker")
            if tests.contains(where: { $0.marker == marker }) { throw markerNode.failure("repeats \(marker.rawValue)") }
            let name = try reader.string("name")
            let warning = try reader.required("warning").snakeCode()
            var advised: Set<String> = []
            for code in try reader.required("advisedFor").array() {
                let text = try code.snakeCode()
                guard classes.row(code: text) != nil else {
                    throw code.failure("\"\(text)\" is not a histology of \(HistologyClassTable.fileName)")
                }
                advised.insert(text)
            }
            try reader.finish()
            tests.append(BiomarkerTest(marker: marker, name: name, warning: warning, advisedFor: advised))
        }
        if let missing = Biomarker.allCases.first(where: { marker in !tests.contains { $0.marker == marker } }) {
            throw node.failure("lack the test of \(missing.rawValue)")
        }
        return tests
    }
}
