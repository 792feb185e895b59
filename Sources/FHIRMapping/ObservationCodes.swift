/// Every `Observation.code` the case mapping reads, as `(system, code)`, collected from the
/// very tables `ObservationKind` matches against (TNM, tumour size, grade, ECOG). CDS Hooks
/// prefetch templates are built from this list, so an EHR that prefetches exactly what the
/// template asks sends every observation the mapper would use: a code the mapper reads but
/// the template omitted would silently turn an M1 into the engine's default M0.
public enum ObservationCodes {
    /// ECOG performance status (LOINC 89247-1), the code mCODE's ECOGPerformanceStatus uses.
    static let ecog = "89247-1"

    /// In a stable order: TNM (LOINC, then SNOMED CT), tumour size, grade, ECOG.
    public static let read: [(system: String, code: String)] = {
        var codes: [(system: String, code: String)] = []
        codes += TNMCodes.loinc.keys.sorted().map { (FHIRSystem.loinc, $0) }
        codes += TNMCodes.snomed.keys.sorted().map { (FHIRSystem.snomed, $0) }
        codes += TumorSizeCodes.observationCodes.sorted().map { (FHIRSystem.loinc, $0) }
        codes += GradeCodes.observationCodes
        codes.append((FHIRSystem.loinc, ecog))
        return codes
    }()

    /// The FHIR search token list (`system|code,system|code`) for `Observation?code=`.
    public static var searchToken: String {
        read.map { "\($0.system)|\($0.code)" }.joined(separator: ",")
    }
}
