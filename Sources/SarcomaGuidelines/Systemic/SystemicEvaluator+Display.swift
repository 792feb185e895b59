/// REND-CATEGORY (§9): where the category came from, or why there is none, then the evidence.
extension SystemicEvaluator {
    static let nonPrimaryPathwayNote = "the pack's sources give no category for this pathway"

    func categoryDisplay(
        category: NCCNCategory?, setting: CategorySetting?, rows: [SystemicRow],
        evidence: EvidenceType?, year: Int?, facts: SystemicFacts
    ) -> String {
        var text: String
        if let category, let setting {
            switch (setting.basis, setting.defaulted) {
            case (.sourceDeck, false): text = "NCCN category \(category.rawValue)"
            case (.sourceDeck, true): text = "NCCN category 2A (defaulted: listed without a stated category)"
            case (_, false): text = "NCCN category \(category.rawValue) per \(setting.sourceText)"
            case (_, true): text = "NCCN category 2A (defaulted) per \(setting.sourceText)"
            }
        } else {
            text = "NCCN category not stated in the pack's sources"
            let inCategoryTable = rows.contains { !$0.categories.isEmpty }
            if !facts.input.pathway.isPalliative {
                if inCategoryTable { text += " for this setting (\(Self.nonPrimaryPathwayNote))" }
            } else if let note = rows.first(where: {
                ($0.categoryNoteAlways || !$0.categories.isEmpty) && $0.categoryNote != nil
            })?.categoryNote {
                text += " for this setting (\(note))"
            }
        }
        if let evidence {
            text += "; evidence: \(evidence.label)"
            if let year { text += " (\(year))" }
        }
        return text
    }
}
