/// Observation codes and values of TNM staging as mCODE sends them.
///
/// Sources: mCODE STU1 (LOINC-coded profiles, AJCC `http://cancerstaging.org` values, as in
/// the published examples copied to Tests/FHIRMappingTests/Fixtures/mcode/); mCODE
/// STU3/STU4 (SNOMED CT observable entities and AJCC qualifier values: HL7/fhir-mCODE-ig
/// input/fsh/VS_Staging.fsh, value set CancerStageTypeVS, and the example instances in
/// EX_ExtendedExample.fsh, transcribed in stu4-transcribed-from-fsh).
enum TNMCodes {
    enum Element: String, Sendable {
        case t = "T", n = "N", m = "M", stageGroup = "stage group"
    }

    /// Observation.code -> what it reports.
    static let loinc: [String: Element] = [
        "21905-5": .t, "21906-3": .n, "21907-1": .m, "21908-9": .stageGroup,  // clinical (STU1)
        "21899-0": .t, "21900-6": .n, "21901-4": .m, "21902-2": .stageGroup,  // pathological (STU1)
    ]

    static let snomed: [String: Element] = [
        "399504009": .t, "399534004": .n, "399387003": .m,  // cT, cN, cM category
        "384625004": .t, "371494008": .n, "371497001": .m,  // pT, pN, pM category
        "78873005": .t, "277206009": .n, "277208005": .m,  // T, N, M category (no c/p)
        "399537006": .stageGroup, "399588009": .stageGroup,  // clinical, pathologic TNM stage grouping
        "399390009": .stageGroup,  // TNM stage grouping
    ]

    /// SNOMED CT AJCC category values (qualifier values) -> the category without its c/p
    /// prefix. From mCODE's examples and published value sets listing "American Joint
    /// Committee on Cancer cT1 (qualifier value)" etc.
    static let snomedValues: [String: String] = [
        "1222604002": "TX", "1228889001": "T1", "1228929004": "T2", "1228938002": "T3", "1228944003": "T4",
        "1228950008": "TX", "1228957006": "T1", "1229852009": "T2", "1229859000": "T3", "1229864001": "T4",
        "1229966003": "NX", "1229967007": "N0", "1229973008": "N1", "1229978004": "N2", "1229984001": "N3",
        "1229945006": "NX", "1229947003": "N0", "1229951001": "N1", "1229957002": "N2", "1229962001": "N3",
        "1229901006": "M0", "1229903009": "M1", "1229916009": "M1",
        // Subcategories other AJCC chapters define (lung, melanoma ...). AJCC 8 soft tissue
        // sarcoma has only N0/N1 and M0/M1, so each is read as its parent category: a node
        // or distant metastasis, however subdivided, is N1 / M1 (see `subcategoryParent`).
        "1229975001": "N1", "1229976000": "N1", "1229977009": "N1", "1229974002": "N1",  // cN1a, cN1b, cN1c, cN1mi
        "1229904003": "M1", "1229907005": "M1", "1229910003": "M1",  // cM1a, cM1b, cM1c
        "1229917000": "M1", "1229920008": "M1", "1229923005": "M1",  // pM1a, pM1b, pM1c
    ]

    /// AJCC-written subcategories of N1 and M1 (`N1a`, `N1mi`, `M1c`) -> `N1` / `M1`, the only
    /// positive categories soft tissue sarcoma has; any other value unchanged (so `N2`, `M0(i+)`
    /// stay what they are and are refused or questioned as such).
    static func subcategoryParent(_ category: String) -> String {
        let subcategories: [String: Set<String>] = ["N1": ["a", "b", "c", "mi"], "M1": ["a", "b", "c", "d"]]
        for (parent, suffixes) in subcategories where category.hasPrefix(parent) {
            if suffixes.contains(String(category.dropFirst(parent.count))) { return parent }
        }
        return category
    }

    /// An AJCC code as written with `http://cancerstaging.org` (`cT3`, `pN0`, `ypM1`, `N1`)
    /// -> the category without its prefix; nil when it is not a T/N/M category.
    static func ajccCategory(_ code: String) -> String? {
        var rest = Substring(code)
        for prefix in ["yc", "yp", "rc", "rp", "c", "p", "a", "r", "y"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        guard let letter = rest.first, "TNM".contains(letter), rest.count >= 2 else { return nil }
        return subcategoryParent(String(rest))
    }
}
