/// The facts of a systemic case after the defaults and inferences of §8.1 and D28, each
/// default announced by a warning in `warnings`.
struct SystemicFacts {
    let input: SystemicCase
    let histology: HistologyClassRow
    let ivTherapyEligible: Bool
    let anthracyclineCandidate: Bool
    let line: TherapyLine
    /// Stated, or inferred true from dose, months or progression (M18); nil when neither.
    let priorAnthracycline: Bool?
    let progressedOnAnthracycline: Bool
    let lineContext: LineContext
    /// Every component of every agent the disease progressed on.
    let progressedComponents: Set<String>
    let ceiling: Double
    private(set) var warnings: [SystemicWarning] = []

    var ecog: Int? { input.ecog }
    var ageYears: Int? { input.ageYears }
    var dose: Double? { input.cumulativeDoxorubicinMgM2 }

    init(_ input: SystemicCase, histology: HistologyClassRow, sets: AgentSets, anthracycline: AnthracyclinePolicy) {
        self.input = input
        self.histology = histology
        var warnings: [SystemicWarning] = []
        ivTherapyEligible = input.ivTherapyEligible ?? true
        if input.ivTherapyEligible == nil {
            warnings.append(
                .init(
                    code: "iv_therapy_eligible_defaulted",
                    message: "ivTherapyEligible not given: assumed eligible for IV therapy."))
        }
        anthracyclineCandidate = input.anthracyclineCandidate ?? true
        if input.anthracyclineCandidate == nil {
            warnings.append(
                .init(
                    code: "anthracycline_candidate_defaulted",
                    message: "anthracyclineCandidate not given: assumed an anthracycline candidate."))
        }
        if input.priorSystemicLines == nil {
            warnings.append(
                .init(
                    code: "prior_systemic_lines_defaulted",
                    message: "priorSystemicLines not given: assumed 0 (first line)."))
        }
        line = (input.priorSystemicLines ?? 0) == 0 ? .first : .subsequent

        let progressedOnSetA = input.progressedOnAgents.contains { sets.anthracycline.contains($0) }
        if let stated = input.priorAnthracycline {
            priorAnthracycline = stated
        } else if (input.cumulativeDoxorubicinMgM2 ?? 0) > 0 || input.monthsSinceLastAnthracycline != nil
            || input.progressedOnAnthracycline == true || progressedOnSetA
        {
            priorAnthracycline = true
            warnings.append(
                .init(
                    code: "prior_anthracycline_inferred",
                    message:
                        "priorAnthracycline not given: inferred true from the cumulative dose, the months since the last anthracycline or the recorded progression."
                ))
        } else {
            priorAnthracycline = nil
        }
        progressedOnAnthracycline = input.progressedOnAnthracycline == true || progressedOnSetA
        if line == .subsequent {
            lineContext = .subsequent
        } else {
            lineContext = priorAnthracycline == true ? .firstAfterPerioperativeAnthracycline : .first
        }
        progressedComponents = Set(input.progressedOnAgents.flatMap { sets.components(of: $0) })
        ceiling = anthracycline.ceiling(priorCardiotoxicTherapy: input.priorCardiotoxicTherapy)

        if priorAnthracycline == true {
            if input.cumulativeDoxorubicinMgM2 == nil {
                warnings.append(
                    .init(
                        code: "cumulative_anthracycline_not_given",
                        message: "Prior anthracycline without a cumulative dose: the cumulative ceiling is not checked."
                    ))
            }
            if input.progressedOnAnthracycline == nil && !progressedOnSetA {
                warnings.append(
                    .init(
                        code: "progression_on_anthracycline_not_given",
                        message:
                            "Prior anthracycline without progressedOnAnthracycline: treated as no progression on an anthracycline."
                    ))
            }
        } else if priorAnthracycline == nil && line == .subsequent {
            warnings.append(
                .init(
                    code: "prior_anthracycline_not_given",
                    message:
                        "Subsequent line without priorAnthracycline: anthracycline regimens are not listed until the anthracycline history is given."
                ))
        }
        self.warnings = warnings
    }

    mutating func warn(_ code: String, _ message: String) {
        if let index = warnings.firstIndex(where: { $0.code == code }) {
            warnings[index].message += " " + message
        } else {
            warnings.append(SystemicWarning(code: code, message: message))
        }
    }
}
