import JSON
/// The metabolic response to chemotherapy from two SUVmax values (rule IMG-PET-RESPONSE):
/// prognostic information, not a treatment decision.
struct PETResponse: Sendable {
    var baseline: Double
    var post: Double
    /// (baseline - post) / baseline x 100, rounded to one decimal before any comparison.
    var reductionPercent: Double
    var favorable: Bool
    var thresholdPercent: Double
    var recommendation: Recommendation

    /// Rounded half away from zero to one decimal: 10 -> 6 gives 40.0, not 40.00000000000001.
    static func reduction(baseline: Double, post: Double) -> Double {
        let raw = (baseline - post) / baseline * 100
        return (raw * 10).rounded() / 10
    }

    var json: JSONValue {
        recommendation.json(leading: [
            JSONMember("suvMaxBaseline", .number(baseline)),
            JSONMember("suvMaxPostTherapy", .number(post)),
            JSONMember("suvMaxReductionPercent", .number(reductionPercent)),
            JSONMember("favorable", .bool(favorable)),
            JSONMember("thresholdPercent", .number(thresholdPercent)),
        ])
    }
}
