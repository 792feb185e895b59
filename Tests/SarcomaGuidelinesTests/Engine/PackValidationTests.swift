import JSON
@testable import SarcomaGuidelines
import Testing

/// `GuidelinePack.load(files:)` refuses a corrupt pack and names the file and the row or key.
@Suite("Pack validation")
struct PackValidationTests {
    /// Loads a copy changed by `change`, expecting a refusal at `file`/`location` whose reason
    /// contains `reason`.
    func expectRefusal(
        _ file: String, at location: String, containing reason: String,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout EnginePackEditor) -> Void
    ) {
        var editor = EnginePackEditor()
        change(&editor)
        guard let error = editor.loadError() else {
            Issue.record("the corrupt pack loaded", sourceLocation: sourceLocation)
            return
        }
        #expect(error.file == file, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location == location, "\(error)", sourceLocation: sourceLocation)
        #expect(error.reason.contains(reason), "\(error)", sourceLocation: sourceLocation)
    }

    @Test("The repository's pack loads and names its version")
    func repositoryPackLoads() throws {
        let pack = try GuidelinePack.load(files: PackFixture.files())
        #expect(pack.version == "2026.11-1")
        #expect(pack.label == "sarcoma-guide STS pack")
        #expect(pack.rules.count == RuleID.allCases.count)
    }

    @Test("Overlapping stage rows: the later row is named with the earlier one and the combination")
    func overlappingRow() {
        var editor = EnginePackEditor()
        editor.set("staging.json", "trunkExtremity.rows[2].t", ["T1", "T2"])
        let error = editor.loadError()
        #expect(error?.description == "staging.json: trunkExtremity.rows[3] overlaps rows[2] at T2 N0 M0 G2")
    }

    @Test("A combination no stage row covers is refused")
    func missingRow() {
        expectRefusal("staging.json", at: "retroperitoneum.rows", containing: "no row for T1 N1 M0 G1") {
            $0.remove("staging.json", "retroperitoneum.rows", index: 5)
        }
    }

    @Test("A TX row without a group needs its reason")
    func nullGroupWithoutReason() {
        expectRefusal("staging.json", at: "trunkExtremity.rows[7]", containing: "null group without a \"reason\"") {
            $0.edit("staging.json") { root in
                root.engineUpdate(EnginePath.steps("trunkExtremity.rows[7]")) { row in
                    if case .object(var object) = row {
                        object["reason"] = nil
                        row = .object(object)
                    }
                }
            }
        }
    }

    @Test("A table citing a rule id the catalogue lacks is refused")
    func unknownRuleInTable() {
        expectRefusal("margins.json", at: "default.ruleId", containing: "not in the rule catalogue") {
            $0.set("margins.json", "default.ruleId", "MARGIN-WIDE-3CM")
        }
    }

    @Test("A catalogue id that is not a rule of `docs/clinical/clinical-rules-2026.11-1.md` is refused")
    func unknownRuleInCatalogue() {
        expectRefusal(
            "pack.json", at: "rules[0].id", containing: "not a rule id of `docs/clinical/clinical-rules-2026.11-1.md`"
        ) {
            $0.set("pack.json", "rules[0].id", "GRADE-GUESS")
        }
    }

    @Test("A duplicate catalogue id is refused with both places")
    func duplicateRuleID() {
        expectRefusal("pack.json", at: "rules[1].id", containing: "repeats rule id GRADE-FNCLCC, already at rules[0]") {
            $0.set("pack.json", "rules[1].id", "GRADE-FNCLCC")
        }
    }

    @Test("A catalogue missing a rule the engine applies is refused")
    func missingCatalogueRule() {
        expectRefusal("pack.json", at: "rules", containing: "lacks rule PALL-NOT-LOCALIZED") {
            $0.remove("pack.json", "rules", index: RuleID.allCases.count - 1)
        }
    }

    @Test("A category outside 1, 2A, 2B, null is refused")
    func badCategory() {
        expectRefusal("perioperative.json", at: "stageOptions[0].category", containing: "not an NCCN category") {
            $0.set("perioperative.json", "stageOptions[0].category", "3")
        }
        expectRefusal(
            "palliative.json", at: "options[6].category.byClass[0].category", containing: "not an NCCN category"
        ) {
            $0.set("palliative.json", "options[6].category.byClass[0].category", "2C")
        }
    }

    @Test("A defaulted category that is not 2A is refused")
    func defaultedCategoryNot2A() {
        expectRefusal("palliative.json", at: "options[5].categoryDefaulted", containing: "only 2A can be defaulted") {
            $0.set("palliative.json", "options[5].categoryDefaulted", true)
        }
        expectRefusal("perioperative.json", at: "surgery.categoryDefaulted", containing: "only 2A can be defaulted") {
            $0.set("perioperative.json", "surgery.categoryDefaulted", true)
        }
    }

    @Test(
        "Unknown codes are refused where they stand",
        arguments: [
            ("staging.json", "trunkExtremity.rows[0].g[1]", "G4", "is not a grade"),
            ("staging.json", "trunkExtremity.sites[0]", "arm", "is not a site"),
            ("staging.json", "retroperitoneum.rows[6].m[0]", "M2", "is not an M category"),
            ("staging.json", "headNeck.invasionT[0].findings[0]", "tongue", "is not a head-and-neck invasion finding"),
            ("margins.json", "specificRules[0].histologies[0]", "lipoma", "is not a histology code"),
            ("imaging.json", "primary[0].items[0].modality", "xray", "is not an imaging modality"),
            ("palliative.json", "options[0].agent", "aspirin", "is not a systemic agent"),
            (
                "palliative.json", "histologyClasses.l_type[0]", "gastrointestinal_stromal_tumor",
                "is not a histology code"
            ),
            ("perioperative.json", "stageOptions[1].modality", "brachytherapy", "is not a perioperative modality"),
        ] as [(String, String, String, String)])
    func unknownCode(file: String, path: String, value: String, reason: String) {
        expectRefusal(file, at: path, containing: "\"\(value)\" \(reason)") {
            $0.set(file, path, .string(value))
        }
    }

    @Test("An unknown key is refused, never ignored")
    func unknownKey() {
        expectRefusal("margins.json", at: "default", containing: "has unknown key \"marginMm\"") {
            $0.set("margins.json", "default.marginMm", 10)
        }
        expectRefusal("pack.json", at: "", containing: "has unknown key \"author\"") {
            $0.set("pack.json", "author", "someone")
        }
    }

    @Test("Threshold lists must be strictly increasing")
    func thresholdsNotIncreasing() {
        expectRefusal("staging.json", at: "trunkExtremity.sizeT.steps[1]", containing: "strictly increasing") {
            $0.set("staging.json", "trunkExtremity.sizeT.steps[1].max", 5)
        }
        expectRefusal("grading.json", at: "necrosisScore.steps[1]", containing: "strictly increasing") {
            $0.set("grading.json", "necrosisScore.steps[1].below", -1)
        }
    }

    @Test("A stage-table T value the site group does not use is refused")
    func foreignTCategory() {
        expectRefusal("staging.json", at: "retroperitoneum.rows[0].t", containing: "does not use") {
            $0.set("staging.json", "retroperitoneum.rows[0].t", ["T1", "T4a"])
        }
    }

    @Test("Every head-and-neck finding is placed exactly once")
    func headNeckFindings() {
        expectRefusal("staging.json", at: "headNeck.invasionT", containing: "does not place the finding orbit") {
            $0.set(
                "staging.json", "headNeck.invasionT[1].findings",
                ["skull_base_or_dura", "central_compartment_viscera", "facial_skeleton", "pterygoid_muscles"])
        }
    }

    @Test("The clinical trial stays unconditional for advanced disease (PALL-TRIAL)")
    func trialUnconditional() {
        expectRefusal("palliative.json", at: "options", containing: "clinical_trial") {
            $0.set("palliative.json", "options[11].requires", "ntrk_fusion")
        }
    }

    @Test("Missing, stray and malformed files are refused by name")
    func files() {
        var missing = EnginePackEditor()
        missing.files["imaging.json"] = nil
        #expect(
            missing.loadError()
                == GuidelinePackError(file: "imaging.json", location: "", reason: "is missing from the pack"))

        var stray = EnginePackEditor()
        stray.files["notes.json"] = Array("{}".utf8)
        #expect(stray.loadError()?.file == "notes.json")

        var malformed = EnginePackEditor()
        malformed.files["grading.json"] = Array("{\"ruleId\": }".utf8)
        #expect(malformed.loadError()?.reason.hasPrefix("is not valid JSON") == true)

        var format = EnginePackEditor()
        format.set("pack.json", "format", 2)
        #expect(format.loadError()?.location == "format")
    }
}
