import JSON

/// `tumor.histology`: an in-scope code, or a clear refusal for tumours this service does
/// not cover (GIST, Kaposi sarcoma, desmoid tumour, bone sarcomas), never a guess.
extension CaseDecoder {
    func histology(in tumor: CaseSection, _ log: inout CaseIssueLog) -> Histology? {
        guard let member = tumor.member("histology") else { return nil }
        if member.value.stringValue == Histology.uterineSarcomaCode {
            log.add(member.pointer, at: member.position, Histology.uterineSarcomaDetail)
            return nil
        }
        if let text = member.value.stringValue, Histology(rawValue: text) == nil,
            let refusal = Self.outOfScopeDetail(for: text)
        {
            log.add(member.pointer, at: member.position, refusal)
            return nil
        }
        return CaseSection.code(member.value, label: "histology", at: member.pointer, member.position, &log)
    }

    /// Other names people use for the out-of-scope codes, keyed by `NearMatch.normalized`.
    static let outOfScopeAliases: [String: String] = [
        "gist": "gastrointestinal_stromal_tumor",
        "gastrointestinalstromaltumour": "gastrointestinal_stromal_tumor",
        "kaposi": "kaposi_sarcoma",
        "kaposisarcoma": "kaposi_sarcoma",
        "desmoid": "desmoid_tumor",
        "desmoidtumour": "desmoid_tumor",
        "desmoidfibromatosis": "desmoid_tumor",
        "fibromatosis": "desmoid_tumor",
        "aggressivefibromatosis": "desmoid_tumor",
    ]

    /// Bone sarcoma names (normalized): no code at all, so the refusal explains why.
    static let boneSarcomaNames: Set<String> = [
        "bonesarcoma", "osteosarcoma", "ewingsarcoma", "ewing", "ewingssarcoma", "chondrosarcoma",
        "chordoma",
    ]

    /// The refusal for an out-of-scope code or one of its other names; nil for anything else.
    static func outOfScopeDetail(for text: String) -> String? {
        if let name = Histology.outOfScopeCodes[text] {
            return "histology `\(text)`: \(name) is out of scope for this service: refer to its own guideline"
        }
        let normalized = NearMatch.normalized(text)
        let code =
            outOfScopeAliases[normalized]
            ?? Histology.outOfScopeCodes.keys.sorted().first { NearMatch.normalized($0) == normalized }
        if let code, let name = Histology.outOfScopeCodes[code] {
            return "histology \(CaseSection.quoteName(text)) is not a code (did you mean `\(code)`?), and "
                + "\(name) is out of scope for this service: refer to its own guideline"
        }
        if boneSarcomaNames.contains(normalized) {
            return "histology \(CaseSection.quoteName(text)) is not a code: bone sarcomas are out of scope "
                + "for this service: refer to their own guideline"
        }
        return nil
    }
}
