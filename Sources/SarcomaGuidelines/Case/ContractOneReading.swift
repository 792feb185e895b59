/// A case as pack 2026.11-1 reads it (contract delta §0.3): the delta §1 members it does not
/// know are dropped (`input_not_used_by_pack` names their pointers) and a newer histology
/// code becomes its v1 parent (`histology_mapped_for_pack`), so `/v1` answers exactly what
/// the v1 pack answered for the case it could read.
public struct ContractOneReading: Sendable, Equatable {
    /// The case the v1 engine evaluates.
    public var sarcomaCase: SarcomaCase
    /// `(code, message)` in the order the answer lists them, before `superseded_pack`.
    public var warnings: [(code: String, message: String)]

    public init(_ full: SarcomaCase, packVersion: String) {
        var reduced = full
        var ignored: [String] = []
        if let markers = full.tumor.biomarkers {
            let given: [(String, Bool)] = [
                ("msiHigh", markers.msiHigh != nil), ("mmrDeficient", markers.mmrDeficient != nil),
                ("tmbMutPerMb", markers.tmbMutPerMb != nil), ("brafV600e", markers.brafV600e != nil),
                ("retFusion", markers.retFusion != nil), ("alkPositive", markers.alkPositive != nil),
                ("ini1Loss", markers.ini1Loss != nil), ("hlaA02Eligible", markers.hlaA02Eligible != nil),
                ("hlaA0205Present", markers.hlaA0205Present != nil), ("mageA4Positive", markers.mageA4Positive != nil),
            ]
            ignored += given.filter(\.1).map { "/tumor/biomarkers/\($0.0)" }
            reduced.tumor.biomarkers = nil
        }
        if let disease = full.disease {
            let given: [(String, Bool)] = [
                ("localDisease", disease.localDisease != nil),
                ("metastasesResectable", disease.metastasesResectable != nil),
                ("conversionNotFeasible", disease.conversionNotFeasible != nil),
                ("priorRadiotherapy", disease.priorRadiotherapy != nil),
                ("progressedOnAnthracycline", disease.progressedOnAnthracycline != nil),
                ("progressedOnAgents", disease.progressedOnAgents != nil),
                ("cumulativeDoxorubicinMgM2", disease.cumulativeDoxorubicinMgM2 != nil),
                ("monthsSinceLastAnthracycline", disease.monthsSinceLastAnthracycline != nil),
                ("priorCardiotoxicTherapy", disease.priorCardiotoxicTherapy != nil),
                ("priorResection", disease.priorResection != nil),
            ]
            ignored += given.filter(\.1).map { "/disease/\($0.0)" }
            reduced.disease = SarcomaCase.Disease(
                presentation: disease.presentation, resectable: disease.resectable,
                priorSystemicLines: disease.priorSystemicLines, priorAnthracycline: disease.priorAnthracycline,
                limbSparingPossible: disease.limbSparingPossible)
            if reduced.disease == SarcomaCase.Disease() { reduced.disease = nil }
        }
        var warnings: [(code: String, message: String)] = []
        if !ignored.isEmpty {
            warnings.append(
                (
                    "input_not_used_by_pack",
                    "Guideline pack \(packVersion) does not use \(ignored.joined(separator: ", ")): ignored."
                ))
        }
        if let histology = full.tumor.histology, let parent = histology.contractOneParent {
            reduced.tumor.histology = parent
            warnings.append(
                (
                    "histology_mapped_for_pack",
                    "histology \(histology.rawValue) is not a code of guideline pack \(packVersion): evaluated as \(parent.rawValue)."
                ))
        }
        sarcomaCase = reduced
        self.warnings = warnings
    }

    public static func == (lhs: ContractOneReading, rhs: ContractOneReading) -> Bool {
        lhs.sarcomaCase == rhs.sarcomaCase && lhs.warnings.map(\.code) == rhs.warnings.map(\.code)
            && lhs.warnings.map(\.message) == rhs.warnings.map(\.message)
    }
}
