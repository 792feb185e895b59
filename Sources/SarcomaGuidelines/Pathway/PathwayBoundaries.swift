/// The age and ECOG boundaries of scope and pathway (clinical rules §0.2), in one place.
/// The age cut-offs are pack policy (§14 R5): no register source states an age.
enum PathwayBoundaries {
    /// `ageYears <= 11`: pediatric-protocol scope, any histology.
    static let pediatricMaxAge = 11
    /// 12 to 17 inclusive: adolescent, managed as an adult with a referral option.
    static let adolescentAges = 12...17
    /// `ageYears == 0`: infant.
    static let infantAge = 0
    /// `ageYears < 16` with ECOG given: ECOG is validated from 16 (LANSKY).
    static let performanceScaleMinAge = 16
    /// `ecog >= 3`: best supportive care pathway (M1, or M0 declared not convertible).
    static let supportiveCareMinECOG = 3
    /// `ecog <= 2` (or not given): fit for curative-intent oligometastatic treatment.
    static let oligometastaticMaxECOG = 2
}
