/// AJCC stage group codes, read (to compare a reported stage with the engine's) and
/// written (export). SNOMED CT "American Joint Committee on Cancer stage ... (qualifier
/// value)" codes are listed only where a published mCODE artefact shows them:
/// IIB 1222769001 and IIIC 1222806003 (mCODE STU4 ExtendedExample, in the fixtures),
/// II 1222765007 and IV 1222837003 (a published FSH example of mCODE TNM profiles). The
/// other groups are written with the service's own code system and text, never with a
/// SNOMED code nobody here could check.
public enum StageGroupCodes {
    public static let snomed: [String: String] = [
        "1222765007": "II",
        "1222769001": "IIB",
        "1222806003": "IIIC",
        "1222837003": "IV",
    ]

    /// AJCC's own code system (`http://cancerstaging.org`, which mCODE STU3's
    /// TNMStageGroupMaxVS includes whole) writes a group as digit and letter: `3C` "IIIC" and
    /// `2B` "IIB" in mCODE's STU1/STU2 examples, `1A` "IA" and `1B` "IB" in mCODE's OMOP
    /// mapping IG (mcode/mcode-omop input/fsh/syn_condition.fsh). Only those seen in a
    /// published artefact are written; IIIA and IIIB (no SNOMED CT or AJCC code found in the
    /// IG or terminology text searched) keep the service's own code and the text only.
    public static let ajcc: [String: String] = [
        "IA": "1A",
        "IB": "1B",
        "IIB": "2B",
        "IIIC": "3C",
    ]

    /// The service's own code system for AJCC 8 categories and groups it writes (`T3`, `IIIB`).
    public static let serviceSystem = "urn:sarcoma-guide:ajcc8-soft-tissue-sarcoma"

    static let notInputReason =
        "the stage group is computed by sarcoma-guide from T, N, M and grade; the reported value is not input (it is compared: a group that differs from the computed one is refused)"

    /// A stage group present in a form the service does not read (text only, a code it does not list).
    static let notReadReason =
        "the stage group is computed by sarcoma-guide from T, N, M and grade; this value is not in a form the service reads (text only, or a code not in its table), so it is not read and not compared with the computed group"

    static let notReadWarning = "reported-stage-not-read"

    /// The SNOMED CT code of a group, when one is listed above.
    public static func snomedCode(for group: String) -> String? {
        snomed.first { $0.value == group }?.key
    }

    /// A coding's stage group in Roman numerals (`IIIB`), or nil.
    static func group(_ coding: FHIRCoding) -> String? {
        guard let code = coding.code else { return nil }
        switch coding.system {
        case FHIRSystem.snomed: return snomed[code]
        case FHIRSystem.ajcc, serviceSystem: return romanGroup(code)
        default: return nil
        }
    }

    /// `3C` / `IIIC` / `Stage IIIC` -> `IIIC`; nil for anything else.
    static func romanGroup(_ raw: String) -> String? {
        var text = Substring(raw.uppercased())
        if text.hasPrefix("STAGE ") { text = text.dropFirst(6) }
        let numerals: [(String, String)] = [
            ("IV", "IV"), ("III", "III"), ("II", "II"), ("I", "I"),
            ("4", "IV"), ("3", "III"), ("2", "II"), ("1", "I"), ("0", "0"),
        ]
        for (prefix, roman) in numerals where text.hasPrefix(prefix) {
            let letter = text.dropFirst(prefix.count)
            guard letter.isEmpty || (letter.count == 1 && "ABC".contains(letter)) else { return nil }
            return roman + letter
        }
        return nil
    }
}
