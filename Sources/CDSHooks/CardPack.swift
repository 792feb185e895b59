import JSON
import SarcomaGuidelines

/// The pack the CDS cards answer with: the newest loaded contract-2 pack (contract delta §0.7,
/// 2026.12-1 at release; no pack parameter). Every card of a call reads its evaluations here,
/// so the cards of one call cannot mix packs, and its `sourceLabel` names the pack and version
/// ("sarcoma-guide STS pack 2026.12-1").
package struct CardPack: Sendable {
    package let engine: ContractTwoEngine

    package init(engine: ContractTwoEngine) {
        self.engine = engine
    }

    package var sourceLabel: String { "\(engine.pack.label) \(engine.pack.version)" }

    /// The `/v2/assessment` answer, its `staging` the full pack staging (planning group, rTNM).
    package func assessment(_ sarcomaCase: SarcomaCase) throws(SystemicInputError) -> JSONObject {
        guard case .object(var answer)? = try engine.assessment(for: sarcomaCase).json else { return JSONObject() }
        answer["staging"] = try engine.stagingSection(for: sarcomaCase)
        return answer
    }

    package func section(_ section: ContractTwoSection, _ sarcomaCase: SarcomaCase) throws(SystemicInputError)
        -> JSONObject
    {
        try engine.evaluate(section, for: sarcomaCase).json.objectValue ?? JSONObject()
    }

    /// The checks a case write makes (v1 GRADE-FNCLCC plus CONS-WDLS-GRADE, delta §2): no card
    /// rests on a record the case API would refuse.
    package func consistencyIssues(in sarcomaCase: SarcomaCase) -> [FieldIssue] {
        var issues = engine.kept.consistencyIssues(in: sarcomaCase)
        if let wdls = GradeHistologyRule.wdlsGradeIssue(in: sarcomaCase.tumor, gradedBy: engine.kept.pack) {
            issues.append(wdls)
        }
        return issues
    }

    /// An agent or modality code as the cards write it: agents by REND-COMBINATION
    /// ("doxorubicin + ifosfamide", "best supportive care"), modalities in words.
    package func name(_ code: String) -> String {
        TherapyAgent(rawValue: code).map(engine.agentName) ?? RecommendationText.humanName(code)
    }
}
