import Testing
@testable import SarcomaGuidelines

/// Every §8.3 option row with each of its conditions on both sides (line and line context,
/// histology, biomarker true/false/unknown, label age at the minimum, IV eligibility, ECOG),
/// written from the rules text. Each vector states what one agent becomes in one case:
/// listed (in §12 notation), not recommended (`→ reason [others]`) or `absent`.
@Suite("Pack 2026.12-1 systemic option rows (§8.3)")
struct SystemicRowConditionTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var input: SystemicCase
        var agent: TherapyAgent
        var expected: String
        var testDescription: String { name }
    }

    static func c(_ histology: String?, _ change: (inout SystemicCase) -> Void = { _ in }) -> SystemicCase {
        SystemicCaseBuilder.worked(histology, change)
    }
    /// Line S with a stated prior anthracycline (set-A rows are then not candidates).
    static func s(_ histology: String?, _ change: (inout SystemicCase) -> Void = { _ in }) -> SystemicCase {
        SystemicCaseBuilder.worked(histology) {
            $0.priorSystemicLines = 1
            $0.priorAnthracycline = true
            $0.progressedOnAnthracycline = false
            $0.cumulativeDoxorubicinMgM2 = 300
            $0.priorCardiotoxicTherapy = false
            change(&$0)
        }
    }
    /// Line context FA (perioperative doxorubicin, no progression).
    static func fa(_ histology: String?, _ change: (inout SystemicCase) -> Void = { _ in }) -> SystemicCase {
        SystemicCaseBuilder.worked(histology) {
            $0.priorAnthracycline = true
            $0.progressedOnAnthracycline = false
            $0.cumulativeDoxorubicinMgM2 = 300
            $0.priorCardiotoxicTherapy = false
            change(&$0)
        }
    }

    static let ups = "undifferentiated_pleomorphic_sarcoma"
    static let lms = "leiomyosarcoma"
    static let syn = "synovial_sarcoma"

    static let vectors: [Vector] = [
        // 1 doxorubicin: F, FA; S only when priorAnthracycline == false.
        Vector(
            name: "1 doxorubicin line F: preferred", input: c(ups), agent: .doxorubicin,
            expected: "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P"),
        Vector(
            name: "1 doxorubicin FA: listed, not preferred (PALL-PRIOR-PERIOP-ANTHRACYCLINE)", input: fa(ups),
            agent: .doxorubicin,
            expected: "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)"),
        Vector(
            name: "1 doxorubicin S, anthracycline-naive: listed", input: c(ups) { $0.priorSystemicLines = 1 },
            agent: .doxorubicin, expected: "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)"),
        Vector(
            name: "1 doxorubicin S after anthracycline: absent", input: s(ups), agent: .doxorubicin, expected: "absent"),
        Vector(
            name: "1 doxorubicin S, anthracycline history not given: absent",
            input: c(ups) {
                $0.priorSystemicLines = 1
                $0.priorAnthracycline = nil
            }, agent: .doxorubicin, expected: "absent"),
        Vector(
            name: "1 doxorubicin IV-ineligible", input: c(ups) { $0.ivTherapyEligible = false }, agent: .doxorubicin,
            expected: "doxorubicin → requires_iv"),
        Vector(
            name: "1 doxorubicin not a candidate", input: c(ups) { $0.anthracyclineCandidate = false },
            agent: .doxorubicin, expected: "doxorubicin → not_anthracycline_candidate"),
        // 2 doxorubicin + ifosfamide: ECOG ≤ 1; preferred for synovial line F.
        Vector(
            name: "2 dox+ifo ECOG 1: listed", input: c(ups), agent: .doxorubicinIfosfamide,
            expected: "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)"),
        Vector(
            name: "2 dox+ifo ECOG 2: trial fitness", input: c(ups) { $0.ecog = 2 }, agent: .doxorubicinIfosfamide,
            expected: "doxorubicin_ifosfamide → trial_fitness"),
        Vector(
            name: "2 dox+ifo ECOG 3: performance status, then trial fitness", input: c(ups) { $0.ecog = 3 },
            agent: .doxorubicinIfosfamide, expected: "doxorubicin_ifosfamide → performance_status [trial_fitness]"),
        Vector(
            name: "2 dox+ifo synovial line F: preferred", input: c(syn), agent: .doxorubicinIfosfamide,
            expected: "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —) P"),
        Vector(
            name: "2 dox+ifo synovial FA: not preferred", input: fa(syn), agent: .doxorubicinIfosfamide,
            expected: "doxorubicin_ifosfamide (PALL-DOX-COMBINATION; —)"),
        // 3 doxorubicin + dacarbazine: leiomyosarcoma.
        Vector(
            name: "3 dox+DTIC LMS: listed", input: c(lms), agent: .doxorubicinDacarbazine,
            expected: "doxorubicin_dacarbazine (PALL-DOX-COMBINATION; —)"),
        Vector(name: "3 dox+DTIC UPS: absent", input: c(ups), agent: .doxorubicinDacarbazine, expected: "absent"),
        // 4 doxorubicin + trabectedin: LMS, F only, ECOG ≤ 1, preferred.
        Vector(
            name: "4 dox+trabectedin LMS F: preferred", input: c(lms), agent: .doxorubicinTrabectedin,
            expected: "doxorubicin_trabectedin (PALL-LMS-DOXTRAB; —) P"),
        Vector(
            name: "4 dox+trabectedin LMS FA: absent (F only)", input: fa(lms), agent: .doxorubicinTrabectedin,
            expected: "absent"),
        Vector(
            name: "4 dox+trabectedin LMS ECOG 2: trial fitness", input: c(lms) { $0.ecog = 2 },
            agent: .doxorubicinTrabectedin, expected: "doxorubicin_trabectedin → trial_fitness"),
        Vector(
            name: "4 dox+trabectedin UPS: absent", input: c(ups), agent: .doxorubicinTrabectedin, expected: "absent"),
        // 5/6 gemcitabine-docetaxel.
        Vector(
            name: "5 gem-doc F, not a candidate: PALL-NON-ANTHRACYCLINE-FIRST",
            input: c(ups) { $0.anthracyclineCandidate = false }, agent: .gemcitabineDocetaxel,
            expected: "gemcitabine_docetaxel (PALL-NON-ANTHRACYCLINE-FIRST; —)"),
        Vector(name: "5 gem-doc F, candidate: absent", input: c(ups), agent: .gemcitabineDocetaxel, expected: "absent"),
        Vector(
            name: "6 gem-doc FA: PALL-GEMDOC", input: fa(ups), agent: .gemcitabineDocetaxel,
            expected: "gemcitabine_docetaxel (PALL-GEMDOC; —)"),
        Vector(
            name: "6 gem-doc S: PALL-GEMDOC", input: s(ups), agent: .gemcitabineDocetaxel,
            expected: "gemcitabine_docetaxel (PALL-GEMDOC; —)"),
        // 7/8 pazopanib.
        Vector(
            name: "7 pazopanib F, IV-ineligible: 2A defaulted", input: c(ups) { $0.ivTherapyEligible = false },
            agent: .pazopanib, expected: "pazopanib (PALL-PAZOPANIB-FIRST; 2A* / source_deck)"),
        Vector(
            name: "7 pazopanib F, not a candidate: 2A defaulted", input: c(ups) { $0.anthracyclineCandidate = false },
            agent: .pazopanib, expected: "pazopanib (PALL-PAZOPANIB-FIRST; 2A* / source_deck)"),
        Vector(name: "7 pazopanib F, eligible candidate: absent", input: c(ups), agent: .pazopanib, expected: "absent"),
        Vector(
            name: "7 pazopanib F, liposarcoma, first-line condition not met: withheld",
            input: c("dedifferentiated_liposarcoma"), agent: .pazopanib, expected: "pazopanib → liposarcoma_no_activity"
        ),
        Vector(
            name: "7 pazopanib F, histology not given (D21)", input: c(nil) { $0.ivTherapyEligible = false },
            agent: .pazopanib, expected: "pazopanib → liposarcoma_no_activity"),
        Vector(
            name: "8 pazopanib S: 2A defaulted", input: s(ups), agent: .pazopanib,
            expected: "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; 2A* / source_deck)"),
        Vector(
            name: "8 pazopanib FA: no category", input: fa(ups), agent: .pazopanib,
            expected: "pazopanib (PALL-PAZOPANIB-SUBSEQUENT; —)"),
        Vector(
            name: "8 pazopanib S, liposarcoma", input: s("myxoid_liposarcoma"), agent: .pazopanib,
            expected: "pazopanib → liposarcoma_no_activity"),
        // 9 pazopanib + gemcitabine.
        Vector(
            name: "9 paz+gem S: 2B", input: s(ups), agent: .pazopanibGemcitabine,
            expected: "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; 2B / source_deck)"),
        Vector(
            name: "9 paz+gem FA: no category", input: fa(ups), agent: .pazopanibGemcitabine,
            expected: "pazopanib_gemcitabine (PALL-PAZOPANIB-GEM; —)"),
        Vector(
            name: "9 paz+gem IV-ineligible", input: s(ups) { $0.ivTherapyEligible = false },
            agent: .pazopanibGemcitabine, expected: "pazopanib_gemcitabine → requires_iv"),
        Vector(name: "9 paz+gem F: absent", input: c(ups), agent: .pazopanibGemcitabine, expected: "absent"),
        // 10/11 trabectedin.
        Vector(
            name: "10 trabectedin S, LMS: category 1, preferred", input: s(lms), agent: .trabectedin,
            expected: "trabectedin (PALL-TRABECTEDIN; 1 / source_deck) P"),
        Vector(
            name: "10 trabectedin S, UPS: 2A", input: s(ups), agent: .trabectedin,
            expected: "trabectedin (PALL-TRABECTEDIN; 2A / source_deck)"),
        Vector(
            name: "10 trabectedin S, histology not given: 2A (D21)", input: s(nil), agent: .trabectedin,
            expected: "trabectedin (PALL-TRABECTEDIN; 2A / source_deck)"),
        Vector(
            name: "11 trabectedin F, LMS, not a candidate", input: c(lms) { $0.anthracyclineCandidate = false },
            agent: .trabectedin, expected: "trabectedin (PALL-NON-ANTHRACYCLINE-FIRST; —)"),
        Vector(
            name: "11 trabectedin F, UPS, not a candidate: absent", input: c(ups) { $0.anthracyclineCandidate = false },
            agent: .trabectedin, expected: "absent"),
        Vector(
            name: "10/11 trabectedin F, LMS, candidate: absent", input: c(lms), agent: .trabectedin, expected: "absent"),
        // 12/13 eribulin.
        Vector(
            name: "12 eribulin S, liposarcoma: category 1, preferred", input: s("dedifferentiated_liposarcoma"),
            agent: .eribulin, expected: "eribulin (PALL-ERIBULIN; 1 / source_deck) P"),
        Vector(
            name: "12 eribulin S, LMS: 2A", input: s(lms), agent: .eribulin,
            expected: "eribulin (PALL-ERIBULIN; 2A / source_deck)"),
        Vector(
            name: "13 eribulin F, liposarcoma, not a candidate",
            input: c("pleomorphic_liposarcoma") { $0.anthracyclineCandidate = false }, agent: .eribulin,
            expected: "eribulin (PALL-NON-ANTHRACYCLINE-FIRST; —)"),
        Vector(
            name: "13 eribulin F, LMS, not a candidate: absent", input: c(lms) { $0.anthracyclineCandidate = false },
            agent: .eribulin, expected: "absent"),
        // 14 regorafenib.
        Vector(
            name: "14 regorafenib S: 2A defaulted", input: s(ups), agent: .regorafenib,
            expected: "regorafenib (PALL-REGORAFENIB; 2A* / source_deck)"),
        Vector(
            name: "14 regorafenib S, liposarcoma", input: s("well_differentiated_liposarcoma"), agent: .regorafenib,
            expected: "regorafenib → liposarcoma_no_activity"),
        Vector(name: "14 regorafenib F: absent", input: c(ups), agent: .regorafenib, expected: "absent"),
        // 15 dacarbazine, 16 ifosfamide.
        Vector(
            name: "15 dacarbazine S, L-type", input: s(lms), agent: .dacarbazine, expected: "dacarbazine (PALL-DTIC; —)"
        ),
        Vector(name: "15 dacarbazine S, UPS: absent", input: s(ups), agent: .dacarbazine, expected: "absent"),
        Vector(name: "15 dacarbazine F: absent", input: c(lms), agent: .dacarbazine, expected: "absent"),
        Vector(
            name: "16 ifosfamide S, synovial", input: s(syn), agent: .ifosfamide,
            expected: "ifosfamide (PALL-HIST-SYN; —)"),
        Vector(
            name: "16 ifosfamide FA, synovial: absent (S only)", input: fa(syn), agent: .ifosfamide, expected: "absent"),
        Vector(name: "16 ifosfamide S, UPS: absent", input: s(ups), agent: .ifosfamide, expected: "absent"),
        // 17-19 NTRK.
        Vector(
            name: "17 larotrectinib F, NTRK+: 2A defaulted, preferred",
            input: c(ups) { $0.biomarkers.ntrkFusion = true }, agent: .larotrectinib,
            expected: "larotrectinib (PALL-NTRK; 2A* / source_deck) P"),
        Vector(
            name: "17 larotrectinib S, NTRK+: no category", input: s(ups) { $0.biomarkers.ntrkFusion = true },
            agent: .larotrectinib, expected: "larotrectinib (PALL-NTRK; —) P"),
        Vector(name: "17 larotrectinib NTRK−: absent", input: c(ups), agent: .larotrectinib, expected: "absent"),
        Vector(
            name: "17 larotrectinib NTRK unknown: absent", input: c(ups) { $0.biomarkers.ntrkFusion = nil },
            agent: .larotrectinib, expected: "absent"),
        Vector(
            name: "18 entrectinib after larotrectinib: not preferred",
            input: s(ups) {
                $0.biomarkers.ntrkFusion = true
                $0.progressedOnAgents = [.larotrectinib]
            }, agent: .entrectinib, expected: "entrectinib (PALL-NTRK; —)"),
        Vector(
            name: "19 repotrectinib S, TKI-naive: not preferred", input: s(ups) { $0.biomarkers.ntrkFusion = true },
            agent: .repotrectinib, expected: "repotrectinib (PALL-NTRK; —)"),
        Vector(
            name: "19 repotrectinib after entrectinib: preferred",
            input: s(ups) {
                $0.biomarkers.ntrkFusion = true
                $0.progressedOnAgents = [.entrectinib]
            }, agent: .repotrectinib, expected: "repotrectinib (PALL-NTRK; —) P"),
        Vector(
            name: "19 repotrectinib F: absent", input: c(ups) { $0.biomarkers.ntrkFusion = true },
            agent: .repotrectinib, expected: "absent"),
        Vector(
            name: "19 repotrectinib age 11 (adult scope, label 12): listed, not preferred",
            input: s(ups) {
                $0.ageYears = 11
                $0.biomarkers.ntrkFusion = true
                $0.progressedOnAgents = [.entrectinib]
            }, agent: .repotrectinib, expected: "repotrectinib (PALL-NTRK; —)"),
        Vector(
            name: "19 repotrectinib age 12: preferred",
            input: s(ups) {
                $0.ageYears = 12
                $0.biomarkers.ntrkFusion = true
                $0.progressedOnAgents = [.entrectinib]
            }, agent: .repotrectinib, expected: "repotrectinib (PALL-NTRK; —) P"),
        // 20-24 tumour-agnostic.
        Vector(
            name: "20 pembrolizumab MSI-H S", input: s("other_sarcoma") { $0.biomarkers.msiHigh = true },
            agent: .pembrolizumab, expected: "pembrolizumab (PALL-AGNOSTIC-MSI; —) P"),
        Vector(
            name: "20 pembrolizumab dMMR S", input: s("other_sarcoma") { $0.biomarkers.mmrDeficient = true },
            agent: .pembrolizumab, expected: "pembrolizumab (PALL-AGNOSTIC-MSI; —) P"),
        Vector(
            name: "20 pembrolizumab MSI and MMR negative: absent",
            input: s("other_sarcoma") {
                $0.biomarkers.msiHigh = false
                $0.biomarkers.mmrDeficient = false
            }, agent: .pembrolizumab, expected: "absent"),
        Vector(
            name: "20 pembrolizumab MSI unknown: absent", input: s("other_sarcoma"), agent: .pembrolizumab,
            expected: "absent"),
        Vector(
            name: "20 pembrolizumab MSI-H line F: absent", input: c("other_sarcoma") { $0.biomarkers.msiHigh = true },
            agent: .pembrolizumab, expected: "absent"),
        Vector(
            name:
                "20 pembrolizumab MSI-H LMS: the biomarker row overrides PALL-PD1; not preferred beside category-1 trabectedin (M7)",
            input: s(lms) { $0.biomarkers.msiHigh = true }, agent: .pembrolizumab,
            expected: "pembrolizumab (PALL-AGNOSTIC-MSI; —)"),
        Vector(
            name: "20 pembrolizumab MSI-H, IV-ineligible",
            input: s("other_sarcoma") {
                $0.biomarkers.msiHigh = true
                $0.ivTherapyEligible = false
            }, agent: .pembrolizumab, expected: "pembrolizumab → requires_iv"),
        Vector(
            name: "21 dostarlimab dMMR age 18",
            input: s("other_sarcoma") {
                $0.ageYears = 18
                $0.biomarkers.mmrDeficient = true
            }, agent: .dostarlimab, expected: "dostarlimab (PALL-AGNOSTIC-MSI; —) P"),
        Vector(
            name: "21 dostarlimab dMMR age 17: off-label, not preferred",
            input: s("other_sarcoma") {
                $0.ageYears = 17
                $0.biomarkers.mmrDeficient = true
            }, agent: .dostarlimab, expected: "dostarlimab (PALL-AGNOSTIC-MSI; —)"),
        Vector(
            name: "21 dostarlimab MSI-H only: absent (dMMR only)",
            input: s("other_sarcoma") {
                $0.biomarkers.msiHigh = true
                $0.biomarkers.mmrDeficient = false
            }, agent: .dostarlimab, expected: "absent"),
        Vector(
            name: "22 pembrolizumab TMB 10.0", input: s("other_sarcoma") { $0.biomarkers.tmbMutPerMb = 10.0 },
            agent: .pembrolizumab, expected: "pembrolizumab (PALL-AGNOSTIC-TMB; —) P"),
        Vector(
            name: "22 pembrolizumab TMB 9.99: absent", input: s("other_sarcoma") { $0.biomarkers.tmbMutPerMb = 9.99 },
            agent: .pembrolizumab, expected: "absent"),
        Vector(
            name: "23 dabrafenib+trametinib BRAF V600E age 6",
            input: s("other_sarcoma") {
                $0.ageYears = 6
                $0.scope = .adultSTS
                $0.biomarkers.brafV600e = true
            }, agent: .dabrafenibTrametinib, expected: "dabrafenib_trametinib (PALL-AGNOSTIC-BRAF; —) P"),
        Vector(
            name: "23 BRAF V600E negative: absent", input: s("other_sarcoma") { $0.biomarkers.brafV600e = false },
            agent: .dabrafenibTrametinib, expected: "absent"),
        Vector(
            name: "23 BRAF with a category-1 option listed (M7): not preferred",
            input: s(lms) { $0.biomarkers.brafV600e = true }, agent: .dabrafenibTrametinib,
            expected: "dabrafenib_trametinib (PALL-AGNOSTIC-BRAF; —)"),
        Vector(
            name: "24 selpercatinib RET+", input: s("other_sarcoma") { $0.biomarkers.retFusion = true },
            agent: .selpercatinib, expected: "selpercatinib (PALL-AGNOSTIC-RET; —) P"),
        Vector(
            name: "24 RET with imatinib listed for DFSP (M7): not preferred",
            input: s("dermatofibrosarcoma_protuberans") {
                $0.scope = .dfsp
                $0.biomarkers.retFusion = true
            }, agent: .selpercatinib, expected: "selpercatinib (PALL-AGNOSTIC-RET; —)"),
        // 25/26 PD-1.
        Vector(
            name: "25 pembrolizumab UPS S", input: s(ups), agent: .pembrolizumab,
            expected: "pembrolizumab (PALL-PD1; —)"),
        Vector(
            name: "25 pembrolizumab angiosarcoma S", input: s("angiosarcoma"), agent: .pembrolizumab,
            expected: "pembrolizumab (PALL-PD1; —)"),
        Vector(
            name: "25 pembrolizumab LMS S: no activity", input: s(lms), agent: .pembrolizumab,
            expected: "pembrolizumab → histology_no_activity"),
        Vector(
            name: "25 pembrolizumab synovial S: no activity", input: s(syn), agent: .pembrolizumab,
            expected: "pembrolizumab → histology_no_activity"),
        Vector(
            name: "25 pembrolizumab MPNST S: absent", input: s("malignant_peripheral_nerve_sheath_tumor"),
            agent: .pembrolizumab, expected: "absent"),
        Vector(name: "25 pembrolizumab UPS F: absent", input: c(ups), agent: .pembrolizumab, expected: "absent"),
        Vector(
            name: "26 nivolumab S: insufficient activity", input: s(ups), agent: .nivolumab,
            expected: "nivolumab → insufficient_activity"),
        Vector(name: "26 nivolumab F: absent (post lines only)", input: c(ups), agent: .nivolumab, expected: "absent"),
        // 27 imatinib.
        Vector(
            name: "27 imatinib DFSP S", input: s("dermatofibrosarcoma_protuberans") { $0.scope = .dfsp },
            agent: .imatinib, expected: "imatinib (PALL-HIST-DFSP; —) P"),
        Vector(
            name: "27 DFSP FA: doxorubicin listed (the line-F withholding does not apply)",
            input: fa("dermatofibrosarcoma_protuberans") { $0.scope = .dfsp }, agent: .doxorubicin,
            expected: "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —)"),
        Vector(
            name: "27 DFSP F after progression on imatinib: doxorubicin listed",
            input: c("dermatofibrosarcoma_protuberans") {
                $0.scope = .dfsp
                $0.progressedOnAgents = [.imatinib]
            }, agent: .doxorubicin, expected: "doxorubicin (PALL-ANTHRACYCLINE-FIRST; —) P"),
        Vector(name: "27 imatinib UPS: absent", input: c(ups), agent: .imatinib, expected: "absent"),
        // 28 tazemetostat.
        Vector(
            name: "28 tazemetostat INI1 loss", input: c("epithelioid_sarcoma") { $0.biomarkers.ini1Loss = true },
            agent: .tazemetostat, expected: "tazemetostat (PALL-HIST-ES; —) P"),
        Vector(
            name: "28 tazemetostat INI1 retained", input: c("epithelioid_sarcoma") { $0.biomarkers.ini1Loss = false },
            agent: .tazemetostat, expected: "tazemetostat → biomarker_negative"),
        Vector(
            name: "28 tazemetostat age 15: off-label, not preferred",
            input: c("epithelioid_sarcoma") { $0.ageYears = 15 }, agent: .tazemetostat,
            expected: "tazemetostat (PALL-HIST-ES; —)"),
        Vector(
            name: "28 tazemetostat age 16: preferred", input: c("epithelioid_sarcoma") { $0.ageYears = 16 },
            agent: .tazemetostat, expected: "tazemetostat (PALL-HIST-ES; —) P"),
        // 29-31 ASPS.
        Vector(
            name: "29 atezolizumab ASPS", input: c("alveolar_soft_part_sarcoma"), agent: .atezolizumab,
            expected: "atezolizumab (PALL-HIST-ASPS; —) P"),
        Vector(
            name: "29 atezolizumab ASPS, IV-ineligible",
            input: c("alveolar_soft_part_sarcoma") { $0.ivTherapyEligible = false }, agent: .atezolizumab,
            expected: "atezolizumab → requires_iv"),
        Vector(
            name: "31 pazopanib ASPS F, eligible candidate: listed", input: c("alveolar_soft_part_sarcoma"),
            agent: .pazopanib, expected: "pazopanib (PALL-HIST-ASPS; —)"),
        Vector(
            name: "30 axitinib+pembrolizumab ASPS S", input: s("alveolar_soft_part_sarcoma"),
            agent: .axitinibPembrolizumab, expected: "axitinib_pembrolizumab (PALL-HIST-ASPS; —)"),
        Vector(
            name: "ASPS S: gemcitabine-docetaxel withheld (set C)", input: s("alveolar_soft_part_sarcoma"),
            agent: .gemcitabineDocetaxel, expected: "gemcitabine_docetaxel → histology_no_activity"),
        // 32/33 angiosarcoma.
        Vector(
            name: "32 paclitaxel angiosarcoma S", input: s("angiosarcoma"), agent: .paclitaxel,
            expected: "paclitaxel (PALL-HIST-ANGIO; —) P"),
        Vector(
            name: "33 nivolumab+ipilimumab angiosarcoma S", input: s("angiosarcoma"), agent: .nivolumabIpilimumab,
            expected: "nivolumab_ipilimumab (PALL-HIST-ANGIO; —)"),
        Vector(
            name: "33 nivolumab+ipilimumab angiosarcoma F: absent", input: c("angiosarcoma"),
            agent: .nivolumabIpilimumab, expected: "absent"),
        // 34 afamitresgene autoleucel.
        Vector(
            name: "34 afami-cel qualifying, S, ECOG 1",
            input: s(syn) {
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel (PALL-HIST-SYN; —) P"),
        Vector(
            name: "34 afami-cel ECOG 2: trial fitness",
            input: s(syn) {
                $0.ecog = 2
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel → trial_fitness"),
        Vector(
            name: "34 afami-cel age 17: below label age",
            input: s(syn) {
                $0.ageYears = 17
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel → below_label_age"),
        Vector(
            name: "34 afami-cel age 18: listed",
            input: s(syn) {
                $0.ageYears = 18
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel (PALL-HIST-SYN; —) P"),
        Vector(
            name: "34 afami-cel line F: not labelled",
            input: c(syn) {
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel → line_not_labelled"),
        Vector(
            name: "34 afami-cel HLA-A*02 not eligible",
            input: s(syn) {
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: false, hlaA0205Present: false, mageA4Positive: true)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel → biomarker_negative"),
        Vector(
            name: "34 afami-cel MAGE-A4 negative",
            input: s(syn) {
                $0.biomarkers = .init(
                    ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false, mageA4Positive: false)
            }, agent: .afamitresgeneAutoleucel, expected: "afamitresgene_autoleucel → biomarker_negative"),
        Vector(
            name: "34 afami-cel MAGE-A4 unknown: absent",
            input: s(syn) { $0.biomarkers = .init(ntrkFusion: false, hlaA02Eligible: true, hlaA0205Present: false) },
            agent: .afamitresgeneAutoleucel, expected: "absent"),
        // 35-39.
        Vector(
            name: "35 palbociclib WDLS S", input: s("well_differentiated_liposarcoma"), agent: .palbociclib,
            expected: "palbociclib (PALL-HIST-WDDD; —)"),
        Vector(
            name: "35 palbociclib DDLPS FA: absent (S only)", input: fa("dedifferentiated_liposarcoma"),
            agent: .palbociclib, expected: "absent"),
        Vector(
            name: "35 palbociclib myxoid LPS S: absent", input: s("myxoid_liposarcoma"), agent: .palbociclib,
            expected: "absent"),
        Vector(
            name: "36 pazopanib SFT S: rows 8 and 36 merge (§8.8 example)", input: s("solitary_fibrous_tumor"),
            agent: .pazopanib, expected: "pazopanib (PALL-HIST-SFT; 2A* / source_deck) P"),
        Vector(
            name: "37 temozolomide+bevacizumab SFT F", input: c("solitary_fibrous_tumor"),
            agent: .temozolomideBevacizumab, expected: "temozolomide_bevacizumab (PALL-HIST-SFT; —)"),
        Vector(
            name: "38 nab-sirolimus PEComa", input: c("pecoma"), agent: .nabSirolimus,
            expected: "nab_sirolimus (PALL-HIST-PECOMA; —) P"),
        Vector(
            name: "38 nab-sirolimus PEComa age 17: off-label", input: c("pecoma") { $0.ageYears = 17 },
            agent: .nabSirolimus, expected: "nab_sirolimus (PALL-HIST-PECOMA; —)"),
        Vector(
            name: "39 crizotinib IMT ALK+",
            input: c("inflammatory_myofibroblastic_tumor") { $0.biomarkers.alkPositive = true }, agent: .crizotinib,
            expected: "crizotinib (PALL-HIST-IMT; —) P"),
        Vector(
            name: "39 crizotinib IMT ALK−",
            input: c("inflammatory_myofibroblastic_tumor") { $0.biomarkers.alkPositive = false }, agent: .crizotinib,
            expected: "crizotinib → biomarker_negative"),
        Vector(
            name: "39 crizotinib IMT ALK unknown: absent", input: c("inflammatory_myofibroblastic_tumor"),
            agent: .crizotinib, expected: "absent"),
        Vector(
            name: "39 crizotinib ECOG 3: kept, not preferred",
            input: c("inflammatory_myofibroblastic_tumor") {
                $0.pathway = .bestSupportiveCare
                $0.ecog = 3
                $0.biomarkers.alkPositive = true
            }, agent: .crizotinib, expected: "crizotinib (PALL-HIST-IMT; —)"),
        Vector(
            name: "39 crizotinib ECOG 4: performance status",
            input: c("inflammatory_myofibroblastic_tumor") {
                $0.pathway = .bestSupportiveCare
                $0.ecog = 4
                $0.biomarkers.alkPositive = true
            }, agent: .crizotinib, expected: "crizotinib → performance_status"),
        // 40-42 fixed options.
        Vector(
            name: "40 clinical trial ECOG 2: listed", input: c(ups) { $0.ecog = 2 }, agent: .clinicalTrial,
            expected: "clinical_trial (PALL-TRIAL; —)"),
        Vector(
            name: "40 clinical trial ECOG 3: performance status",
            input: c(ups) {
                $0.pathway = .bestSupportiveCare
                $0.ecog = 3
            }, agent: .clinicalTrial, expected: "clinical_trial → performance_status"),
        Vector(
            name: "41 BSC on advanced with other options: not preferred", input: c(ups), agent: .bestSupportiveCare,
            expected: "best_supportive_care (PALL-BSC; —)"),
        Vector(
            name: "41 BSC on advanced with only the trial: preferred",
            input: s("myxoid_liposarcoma") { $0.ivTherapyEligible = false }, agent: .bestSupportiveCare,
            expected: "best_supportive_care (PALL-BSC; —) P"),
        Vector(
            name: "41 BSC never in systemicOptions", input: SystemicCaseBuilder.worked(ups, pathway: .conversion),
            agent: .bestSupportiveCare, expected: "absent"),
        Vector(
            name: "42 referral in pediatric scope",
            input: c(syn) {
                $0.scope = .pediatricProtocol
                $0.ageYears = 10
            }, agent: .pediatricProtocolReferral, expected: "pediatric_protocol_referral (SCOPE-PEDIATRIC; —) P"),
        Vector(
            name: "42 referral at 17 (adult scope)", input: c(syn) { $0.ageYears = 17 },
            agent: .pediatricProtocolReferral, expected: "pediatric_protocol_referral (SCOPE-ADOLESCENT; —)"),
        Vector(
            name: "42 no referral at 18", input: c(syn) { $0.ageYears = 18 }, agent: .pediatricProtocolReferral,
            expected: "absent"),
        Vector(
            name: "pediatric scope: doxorubicin left out, not listed",
            input: c(syn) {
                $0.scope = .pediatricProtocol
                $0.ageYears = 10
            }, agent: .doxorubicin, expected: "absent"),
        Vector(
            name: "pediatric scope age 10: selpercatinib (label 2) kept",
            input: s("other_sarcoma") {
                $0.scope = .pediatricProtocol
                $0.ageYears = 10
                $0.biomarkers.retFusion = true
            }, agent: .selpercatinib, expected: "selpercatinib (PALL-AGNOSTIC-RET; —) P"),
        Vector(
            name: "pediatric scope age 5: dabrafenib+trametinib (label 6) left out",
            input: s("other_sarcoma") {
                $0.scope = .pediatricProtocol
                $0.ageYears = 5
                $0.biomarkers.brafV600e = true
            }, agent: .dabrafenibTrametinib, expected: "absent"),
        Vector(
            name: "pediatric scope age 10: repotrectinib (label 12) left out",
            input: s("other_sarcoma") {
                $0.scope = .pediatricProtocol
                $0.ageYears = 10
                $0.biomarkers.ntrkFusion = true
            }, agent: .repotrectinib, expected: "absent"),
    ]

    static func state(_ agent: TherapyAgent, in answer: SystemicAnswer) -> String {
        if let option = answer.option(agent) { return SystemicCaseBuilder.notation(option) }
        if let item = answer.withheld(agent) { return SystemicCaseBuilder.notation(item) }
        return "absent"
    }

    @Test("Each row condition on both sides", arguments: vectors)
    func row(_ vector: Vector) {
        let answer = SystemicCaseBuilder.evaluate(vector.input)
        #expect(Self.state(vector.agent, in: answer) == vector.expected)
    }
}

/// The text of the liposarcoma withholding (PALL-PAZOPANIB-SUBSEQUENT, §8.4 "v1 D04, D21"): a
/// known liposarcoma is told the agents lack activity in it; a histology not given is told that a
/// liposarcoma cannot be excluded. Neither text may claim the other's situation.
@Suite("Pack 2026.12-1 liposarcoma withholding reason (PALL-PAZOPANIB-SUBSEQUENT)")
struct LiposarcomaWithholdingReasonTests {
    @Test(
        "The reason says why for this histology",
        arguments: [
            ("dedifferentiated_liposarcoma", false),
            ("myxoid_liposarcoma", false),
            ("pleomorphic_liposarcoma", false),
            (nil, true),
        ] as [(String?, Bool)])
    func reason(histology: String?, notGiven: Bool) throws {
        let answer = SystemicCaseBuilder.evaluate(
            SystemicCaseBuilder.worked(histology) { $0.priorSystemicLines = 1 })
        for agent in [TherapyAgent.pazopanib, .pazopanibGemcitabine, .regorafenib] {
            let item = try #require(answer.withheld(agent), "\(agent.rawValue) not withheld for \(histology ?? "none")")
            #expect(item.reasonCode.rawValue == "liposarcoma_no_activity")
            #expect(item.ruleId == "PALL-PAZOPANIB-SUBSEQUENT")
            #expect(item.reason.contains("not given") == notGiven, "\(item.reason)")
            #expect(item.reason.contains("liposarcoma"), "\(item.reason)")
        }
    }
}
