/// One row of the §8.4 histology withholding table: for which histology and under which
/// condition which candidate rows become not recommended, with the reason and its sources.
public struct HistologyWithholding: Sendable {
    public enum Condition: String, Sendable, VocabularyCode, CaseIterable {
        case always
        /// DFSP: line context `first`, and the standard agent is in `options[]` after its own steps (H4).
        case firstLineWithStandardListed = "first_line_with_standard_listed"
        /// The row's biomarker is stated negative.
        case biomarkerNegative = "biomarker_negative"
        /// The row's contraindication is stated present (HLA-A*02:05P).
        case labelContraindication = "label_contraindication"
        /// Line context `first` with the biomarker requirement met (afami-cel is labelled after chemotherapy).
        case firstLine = "first_line"
    }

    public var ruleId: String
    /// nil: every histology (nivolumab).
    public var histology: HistologyCondition?
    public var condition: Condition
    public var standardAgent: TherapyAgent?
    /// Also withhold rows whose only unmet condition is their line requirement (pazopanib first
    /// line for liposarcoma, D04/D21: "also where its first-line condition does not hold").
    public var includesLineConditionFailures: Bool
    /// Row numbers, or every row of a set.
    public var rows: Set<Int>
    public var reason: WithholdingReason
    /// The reason when the histology is known to be in the condition.
    public var reasonText: String
    /// The reason when a class withholding applies because the histology is not given (v1 D21):
    /// "no activity in liposarcoma" alone would tell a clinician the tumour is one.
    public var reasonTextHistologyUnknown: String?
    public var sources: [String]

    static func load(
        _ node: PackNode, classes: HistologyClassTable, register: SourceRegister,
        rowsByNumber: [Int: SystemicRow], sets: AgentSets
    ) throws(GuidelinePackError) -> HistologyWithholding {
        var reader = try node.object()
        let ruleId = try reader.required("ruleId").ruleIdentifier(prefix: "PALL")
        let histology = try reader.nullable("histology").map { node throws(GuidelinePackError) in
            try HistologyCondition.load(node, classes: classes)
        }
        let conditionNode = try reader.required("when")
        let condition = try conditionNode.code(Condition.self, "a withholding condition")
        let standardNode = reader.optional("standardAgent")
        let standard = try standardNode?.code(TherapyAgent.self, "an agent")
        if (condition == .firstLineWithStandardListed) != (standard != nil) {
            throw conditionNode.failure("names a standardAgent exactly when it is first_line_with_standard_listed")
        }
        let includes = try reader.required("includesLineConditionFailures").bool()
        var rows: Set<Int> = []
        let rowsNode = try reader.required("rows")
        for item in try rowsNode.array() {
            let number = try item.integer()
            guard rowsByNumber[number] != nil else {
                throw item.failure("cites row \(number), which the option table lacks")
            }
            rows.insert(number)
        }
        let setNode = try reader.nullable("set")
        if let setNode {
            let agents = try sets.members(setNode)
            rows.formUnion(rowsByNumber.values.filter { agents.contains($0.agent) }.map(\.number))
        }
        if rows.isEmpty { throw rowsNode.failure("is empty and no set is named: a withholding withholds something") }
        if let fixed = rows.compactMap({ rowsByNumber[$0] }).first(where: \.isFixed) {
            throw rowsNode.failure(
                "includes the fixed option \(fixed.agent.rawValue), which is never withheld for histology")
        }
        let reasonNode = try reader.required("reasonCode")
        let reason = try reasonNode.code(WithholdingReason.self, "a reason code")
        guard reason.isHistologyStep else { throw reasonNode.failure("is not a histology-withholding reason (§8.4)") }
        let text = try reader.string("reason")
        let unknownNode = reader.optional("reasonHistologyUnknown")
        let unknownText = try unknownNode?.string()
        if (unknownText != nil) != (histology?.isClass ?? false) {
            throw (unknownNode ?? reasonNode).failure(
                "names reasonHistologyUnknown exactly when its histology is a class (lipogenic, L-type)")
        }
        var sources: [String] = []
        for item in try reader.required("sources").nonEmptyArray() { sources.append(try register.source(item).id) }
        try reader.finish()
        return HistologyWithholding(
            ruleId: ruleId, histology: histology, condition: condition, standardAgent: standard,
            includesLineConditionFailures: includes, rows: rows, reason: reason,
            reasonText: text, reasonTextHistologyUnknown: unknownText, sources: sources)
    }

    /// The reason text for this case's histology.
    func reasonText(for histology: HistologyClassRow) -> String {
        if let unknown = reasonTextHistologyUnknown, let condition = self.histology,
            !condition.holds(for: histology)
        {
            return unknown
        }
        return reasonText
    }
}
