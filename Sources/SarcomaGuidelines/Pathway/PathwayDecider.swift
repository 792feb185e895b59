/// Decides scope (clinical rules §3.3, §3.4) and pathway (§3.6, SCOPE-PATHWAY) once per case.
/// Every v2 family reads this decision instead of re-deriving it, so the margins, the
/// perioperative plan and the palliative section can never disagree about the case.
public struct PathwayDecider: Sendable {
    let classes: HistologyClassTable

    public init(classes: HistologyClassTable) {
        self.classes = classes
    }

    public func decide(_ input: PathwayCase) throws(SystemicInputError) -> PathwayDecision {
        guard let row = classes.row(for: input.histology) else {
            throw .unknownHistology(input.histology ?? "")
        }
        var warnings: [PlanWarning] = []
        var ruleIds = ["SCOPE-PATHWAY"]
        let scope = scope(for: input, row: row)
        scopeWarnings(input, row: row, scope: scope, into: &warnings, ruleIds: &ruleIds)
        let (pathway, number) = pathway(for: input, warnings: &warnings)
        if let ecog = input.ecog, ecog >= PathwayBoundaries.supportiveCareMinECOG {
            warnings.append(
                PlanWarning(
                    code: "poor_performance_status",
                    message: "ECOG \(ecog): fitness for surgery and radiotherapy is for the MDT; chemotherapy and most "
                        + "systemic options are withheld (ECOG 3-4 is outside the fitness of the trials behind them)"))
        }
        if !pathway.palliativeIndicated { ruleIds.append("PALL-NOT-LOCALIZED") }
        return PathwayDecision(scope: scope, pathway: pathway, pathwayRow: number, ruleIds: ruleIds, warnings: warnings)
    }

    /// §3.3, first match wins: pediatric (histology or age <= 11) > DFSP > adult.
    func scope(for input: PathwayCase, row: HistologyClassRow) -> TreatmentScope {
        if row.scope == .pediatricProtocol { return .pediatricProtocol }
        if let age = input.ageYears, age <= PathwayBoundaries.pediatricMaxAge { return .pediatricProtocol }
        if row.scope == .dfsp { return .dfsp }
        return .adultSTS
    }

    private func scopeWarnings(
        _ input: PathwayCase, row: HistologyClassRow, scope: TreatmentScope,
        into warnings: inout [PlanWarning], ruleIds: inout [String]
    ) {
        switch scope {
        case .pediatricProtocol:
            ruleIds.append("SCOPE-PEDIATRIC")
            let why =
                row.scope == .pediatricProtocol
                ? "\(row.code ?? "this histology") is treated by pediatric protocols at any age"
                : "age \(input.ageYears ?? 0) years (pediatric-protocol scope up to \(PathwayBoundaries.pediatricMaxAge), pack policy R5)"
            warnings.append(
                PlanWarning(
                    code: "pediatric_protocol_scope",
                    message:
                        "\(why): AJCC adult staging is shown for information; pediatric protocols govern. Only the "
                        + "referral, the options whose FDA label covers this age and clinical trials are listed"))
        case .dfsp:
            ruleIds.append("SCOPE-DFSP")
        case .adultSTS:
            break
        }
        if let age = input.ageYears {
            if scope != .pediatricProtocol, PathwayBoundaries.adolescentAges.contains(age) {
                ruleIds.append("SCOPE-ADOLESCENT")
                warnings.append(
                    PlanWarning(
                        code: "adolescent_patient",
                        message:
                            "age \(age) years: managed as an adult with an adult-type histology; referral to a centre "
                            + "experienced with cancers of childhood and adolescence is listed as an option"))
            }
            if age == PathwayBoundaries.infantAge {
                warnings.append(
                    PlanWarning(
                        code: "infant_patient",
                        message: "infant (age 0): label ages and dosing need pediatric oncology review"))
            }
            if age < PathwayBoundaries.performanceScaleMinAge, input.ecog != nil {
                warnings.append(
                    PlanWarning(
                        code: "performance_scale_check",
                        message:
                            "ECOG is validated from age \(PathwayBoundaries.performanceScaleMinAge); record the Lansky "
                            + "play-performance score for the MDT (the ECOG value is still used)"))
            }
        } else if row.scope != .pediatricProtocol {
            warnings.append(
                PlanWarning(
                    code: "age_not_given",
                    message: "age not given: managed as an adult; label ages are not checked"))
        }
        if let meaning = row.codeMeaning, input.ageYears.map({ $0 >= meaning.fromAgeYears }) ?? meaning.whenAgeNotGiven
        {
            warnings.append(PlanWarning(code: meaning.warning, message: meaning.text))
        }
    }

    /// The §3.6 table, first matching row wins; returns the pathway and its row number.
    private func pathway(for input: PathwayCase, warnings: inout [PlanWarning]) -> (CasePathway, Int) {
        let resectable = input.resectable ?? true
        if input.distantMetastasis == true {
            if input.conversionNotFeasible != nil {
                warnings.append(
                    notApplicable("conversionNotFeasible", "applies to unresectable M0 disease; the case is M1"))
            }
            if oligometastatic(input, warnings: &warnings) { return (.oligometastatic, 1) }
            if let ecog = input.ecog, ecog >= PathwayBoundaries.supportiveCareMinECOG {
                return (.bestSupportiveCare, 2)
            }
            return (.advanced, 3)
        }
        if input.resectable == nil {
            warnings.append(
                PlanWarning(
                    code: "resectable_defaulted",
                    message: "resectable not given: the local disease is assumed completely resectable"))
        }
        if resectable {
            if input.conversionNotFeasible != nil {
                warnings.append(
                    notApplicable("conversionNotFeasible", "applies to unresectable disease; the case is resectable"))
            }
            if input.recurrent == true { return (.localRecurrence, 4) }
            if input.nodalDisease == true { return (.regionalNodal, 5) }
            return (.localizedResectable, 6)
        }
        if input.conversionNotFeasible == true {
            if let ecog = input.ecog, ecog >= PathwayBoundaries.supportiveCareMinECOG {
                return (.bestSupportiveCare, 7)
            }
            return (.advanced, 8)
        }
        if input.conversionNotFeasible == nil {
            warnings.append(
                PlanWarning(
                    code: "conversion_feasibility_defaulted",
                    message:
                        "conversionNotFeasible not given: conversion is assumed feasible; if the MDT declares the disease "
                        + "not convertible, send conversionNotFeasible: true"))
        }
        return (.conversion, 9)
    }

    /// The oligometastatic test of §3.6 (pack reading R6), read in the order the rules give,
    /// so a default is announced only when the test reached it.
    private func oligometastatic(_ input: PathwayCase, warnings: inout [PlanWarning]) -> Bool {
        let oneSite = input.metastaticSites?.count == 1
        switch input.metastasesResectable {
        case true?:
            guard oneSite else {
                warnings.append(
                    PlanWarning(
                        code: "oligometastatic_not_assessable",
                        message: input.metastaticSites == nil
                            ? "metastasesResectable is true but metastaticSites is not given: not assessed as oligometastatic"
                            : "metastasesResectable is true but metastases are in more than one organ: not oligometastatic"
                    ))
                return false
            }
        case false?:
            return false
        case nil:
            // The hint reads the local-disease condition, so its defaults are announced too.
            if oneSite, localConditionHolds(input, warnings: &warnings) {
                warnings.append(
                    PlanWarning(
                        code: "metastases_resectability_not_given",
                        message: "metastasesResectable: true would make this case oligometastatic"))
            }
            return false
        }
        guard localConditionHolds(input, warnings: &warnings) else { return false }
        guard let ecog = input.ecog else {
            warnings.append(
                PlanWarning(
                    code: "ecog_not_given",
                    message: "ECOG not given: fitness for curative-intent treatment assumed (ECOG 0-2)"))
            return true
        }
        return ecog <= PathwayBoundaries.oligometastaticMaxECOG
    }

    /// `localDisease == absent` or the local disease is resectable, announcing the defaults read.
    private func localConditionHolds(_ input: PathwayCase, warnings: inout [PlanWarning]) -> Bool {
        if input.localDisease == nil, input.recurrent == true {
            warnings.append(
                PlanWarning(
                    code: "local_disease_defaulted",
                    message: "localDisease not given: local disease is assumed present"))
        }
        if (input.localDisease ?? .present) == .absent { return true }
        if input.resectable == nil {
            warnings.append(
                PlanWarning(
                    code: "resectable_defaulted",
                    message: "resectable not given: the local disease is assumed completely resectable"))
        }
        return input.resectable ?? true
    }

    private func notApplicable(_ field: String, _ why: String) -> PlanWarning {
        PlanWarning(code: "field_not_applicable", message: "\(field) \(why): ignored")
    }
}
