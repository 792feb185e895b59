/// ECOG performance status as EHRs send it: mCODE's ECOGPerformanceStatus is LOINC 89247-1
/// with `valueInteger` (and the LOINC answer as `interpretation`); some EHRs send only the
/// answer, as `valueCodeableConcept`. LOINC answer list LL529-9, as published mCODE examples
/// (`interpretation` LA9622-7 with valueInteger 0) and several published value sets and
/// mappings list it: LA9622-7 0 ... LA9626-8 4, LA9627-6 5 (dead).
enum ECOGCodes {
    /// LOINC answer code -> ECOG grade.
    static let loincAnswers: [String: Int] = [
        "LA9622-7": 0,
        "LA9623-5": 1,
        "LA9624-3": 2,
        "LA9625-0": 3,
        "LA9626-8": 4,
        "LA9627-6": 5,
    ]
}
