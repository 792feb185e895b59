import FHIRMapping
import JSON
import SarcomaGuidelines

/// The caution card: what the other cards assume because the record lacks it (nodes, resectability,
/// biomarkers not reported ...) and what makes them less certain (ECOG 3 or worse, an ECOG
/// older than 30 days or undated, counted back from the hook call: delta §9, rules §14 R26),
/// so the clinician sees what to complete or confirm in the record.
extension PatientViewCards {
    package var caution: CDSCard? {
        var seen = Set<String>()
        // The pathway-deciding gap first, so a long list never cuts it from the summary.
        let warnings =
            (oligometastaticGap
            + (assessment["warnings"]?.arrayValue ?? []).compactMap { warning -> (String, String)? in
                guard let code = warning["code"]?.stringValue else { return nil }
                return (code, warning["message"]?.stringValue ?? "")
            } + mappingWarnings.map { ($0.code, $0.message) } + lineGaps).filter { seen.insert($0.0).inserted }
        let cautions = warnings.filter { Self.cautionNames[$0.0] != nil }
        let gaps = warnings.filter { Self.gapNames[$0.0] != nil }
        guard !cautions.isEmpty || !gaps.isEmpty else { return nil }
        // With both lines shown, the line is not assumed: say so instead of "0 assumed".
        let bothLines = unknownLines?.isEmpty == false
        let lines = PalliativeScenarios.linesDefaulted
        let gapNames = gaps.map { code, _ in
            bothLines && code == lines ? "prior systemic lines (both lines shown)" : Self.gapNames[code] ?? code
        }
        var summary = ""
        if !cautions.isEmpty {
            summary = "Caution: " + cautions.compactMap { Self.cautionNames[$0.0] }.joined(separator: ", ")
        }
        if !gaps.isEmpty {
            summary += (summary.isEmpty ? "Missing in the record: " : "; missing: ") + gapNames.joined(separator: ", ")
        }
        var detail: [String] = []
        if !cautions.isEmpty {
            detail += ["**Check before acting on the other cards**:", ""] + cautions.map { "- \($0.1)" }
        }
        if !gaps.isEmpty {
            if !detail.isEmpty { detail.append("") }
            detail += ["**Data missing from the record** (the other cards assume what each line says):", ""]
            detail += gaps.map { code, message in
                bothLines && code == lines
                    ? "- Prior lines of systemic therapy not given: the systemic card shows the first and the subsequent line."
                    : "- \(message)"
            }
        }
        return card(summary, .warning, detail)
    }

    /// With the line unknown the systemic card shows each line, but `assessment` is the first
    /// line only: what only a later line reads (the biomarker tests the agnostic rows need, the
    /// prior anthracycline) comes from that line's evaluation, named by its line.
    var lineGaps: [(String, String)] {
        (unknownLines ?? []).flatMap { line in
            (line.palliative["warnings"]?.arrayValue ?? []).compactMap { warning -> (String, String)? in
                guard let code = warning["code"]?.stringValue else { return nil }
                let message = warning["message"]?.stringValue ?? ""
                let named = "\(line.name.capitalizedFirst) line"
                return (code, message.hasPrefix(named) ? message : "\(named): \(message)")
            }
        }
    }

    /// M1 on pathway `advanced`: whether the disease is oligometastatic rests on the metastatic
    /// sites and their resectability, which no prefetch element carries (delta §9), so the cards
    /// show the advanced pathway and say what would change it.
    var oligometastaticGap: [(String, String)] {
        guard assessment["pathway"]?.stringValue == "advanced", section("staging")["m"]?.stringValue == "M1" else {
            return []
        }
        return [
            (
                Self.oligometastaticCode,
                "Whether the disease is oligometastatic (one organ, every metastasis resectable or ablatable; "
                    + "SCOPE-PATHWAY) is not in the record: metastatic sites and their resectability have no FHIR "
                    + "mapping, so these cards show the advanced pathway. If the MDT judges it oligometastatic, "
                    + "evaluate the case through the case API (/v2) with disease.metastasesResectable and "
                    + "tumor.metastaticSites."
            )
        ]
    }

    /// The caution card's own code for `oligometastaticGap` (no engine warning says it).
    static let oligometastaticCode = "oligometastatic_status_not_in_record"

    /// Warning codes that make the guidance less certain, with the short name a summary uses.
    package static let cautionNames: [String: String] = [
        "poor_performance_status": "ECOG 3 or worse",
        "performance_status_dated": "ECOG older than 30 days",
        "performance_status_undated": "ECOG without a date",
    ]

    /// Warning codes that mean "this is not in the record", with the short name a summary uses.
    package static let gapNames: [String: String] = [
        "size_unknown": "tumour size",
        "depth_unknown": "depth",
        "grade_unknown": "grade",
        "fnclcc_incomplete": "FNCLCC components",
        "histology_unknown": "histology",
        "nodes_defaulted_n0": "nodal status (N0 assumed)",
        "metastasis_defaulted_m0": "metastasis status (M0 assumed)",
        "resectable_defaulted": "resectability (resectable assumed)",
        "ntrk_status_unknown": "NTRK fusion status",
        "biomarker_tests_not_reported": "biomarker tests",
        "prior_systemic_lines_defaulted": "prior systemic lines (0 assumed)",
        "iv_therapy_eligible_defaulted": "IV therapy eligibility",
        "anthracycline_candidate_defaulted": "anthracycline candidacy",
        "pet_incomplete": "one SUVmax value",
        "ecog_not_given": "ECOG performance status",
        "age_not_given": "age",
        "metastases_resectability_not_given": "resectability of the metastases",
        "local_disease_defaulted": "local disease (present assumed)",
        "conversion_feasibility_defaulted": "conversion feasibility",
        "prior_radiotherapy_not_given": "prior radiotherapy",
        "resection_margin_not_given": "prior resection margin",
        "fascial_plane_not_given": "fascial plane",
        "cumulative_anthracycline_not_given": "cumulative anthracycline dose",
        "cardiotoxic_history_not_given": "cardiotoxic history",
        "progression_on_anthracycline_not_given": "progression on an anthracycline",
        "prior_anthracycline_not_given": "prior anthracycline",
        oligometastaticCode: "oligometastatic assessment (sites, resectability)",
    ]
}
