import Foundation
import JSON
import Testing
@testable import SarcomaGuidelines

/// The pack validator of the §4-§7 family files (`staging.json`, `margins.json`,
/// `imaging.json`, `perioperative.json`) refuses what §0.1 forbids: a category without a basis,
/// a category from an unverified source, a defaulted category other than 2A, a rule or option
/// resting on unverified sources alone, and a file lacking a row the evaluator lists.
@Suite("Pack 2026.12-1 family file validation (§0.1)")
struct PackValidationV2Tests {
    static let folder = PackFixture.root.appendingPathComponent("2026.12-1")

    /// Loads the whole pack after `change` to `file`, returning the refusal (nil if it loaded).
    static func refusal(_ file: String, _ change: (inout JSONValue) -> Void) -> GuidelinePackError? {
        var files = PackFixture.files(in: folder)
        guard let bytes = files[file], var root = try? JSONParser().parse(bytes) else { return nil }
        change(&root)
        files[file] = JSONWriter().bytes(root)
        do {
            _ = try GuidelinePackV2.load(files: files)
            return nil
        } catch { return error }
    }

    /// Edits the first element of `array` under `key` whose `match` member equals `value`.
    static func edit(
        _ root: inout JSONValue, array key: String, where match: String, is value: String,
        _ change: (inout JSONObject) -> Void
    ) {
        guard case .object(var object) = root, case .array(var items)? = object[key] else { return }
        for index in items.indices {
            guard case .object(var item) = items[index], item[match] == .string(value) else { continue }
            change(&item)
            items[index] = .object(item)
            break
        }
        object[key] = .array(items)
        root = .object(object)
    }

    static func editCategory(_ root: inout JSONValue, _ change: @escaping (inout JSONObject) -> Void) {
        edit(&root, array: "options", where: "ruleId", is: "PERIOP-STAGE3-POSTOP-RT") { row in
            guard case .object(var category)? = row["category"] else { return }
            change(&category)
            row["category"] = .object(category)
        }
    }

    @Test("The repository's pack loads with the four family files")
    func loads() throws {
        let pack = try GuidelinePackV2.load(files: PackFixture.files(in: Self.folder))
        #expect(pack.perioperative.rows.count >= PerioperativeEvaluatorV2.listedRows.count)
        #expect(pack.margins.plans.count == MarginTableV2.planRuleIds.count)
        #expect(pack.staging.book.rules.map(\.ruleId) == StagingTableV2.ruleIds)
        #expect(!pack.perioperative.book.decisions.isEmpty && !pack.margins.book.decisions.isEmpty)
    }

    @Test("A category with basis none is refused")
    func basisNone() {
        let error = Self.refusal("perioperative.json") { Self.editCategory(&$0) { $0["basis"] = .string("none") } }
        #expect(error?.reason.contains("a category needs a basis and a source") == true)
    }

    @Test("A category from an unverified register source is refused")
    func unverifiedSource() {
        let error = Self.refusal("perioperative.json") {
            Self.editCategory(&$0) {
                $0["basis"] = .string("nccn_secondary")
                $0["source"] = .string("ESMO21")
            }
        }
        #expect(error?.reason.contains("unverified") == true)
    }

    @Test("source_deck must cite DECK; only 2A can be defaulted")
    func deckAndDefaulted() {
        let deck = Self.refusal("perioperative.json") { Self.editCategory(&$0) { $0["source"] = .string("PDQ") } }
        #expect(deck?.reason.contains("basis source_deck cites DECK") == true)
        let defaulted = Self.refusal("perioperative.json") { Self.editCategory(&$0) { $0["defaulted"] = .bool(true) } }
        #expect(defaulted?.reason.contains("only 2A can be defaulted") == true)
    }

    @Test(
        "A rule or an option resting on unverified sources alone is refused",
        arguments: [
            ("margins.json", "rules", "MARGIN-RP-EN-BLOC"), ("imaging.json", "rules", "IMG-MLS"),
            ("staging.json", "rules", "STAGE-RECURRENCE"), ("perioperative.json", "rules", "PERIOP-NODAL"),
            ("perioperative.json", "options", "PERIOP-NODAL"),
        ])
    func unverifiedOnly(_ file: String, _ array: String, _ rule: String) {
        let error = Self.refusal(file) {
            Self.edit(&$0, array: array, where: "ruleId", is: rule) { $0["sources"] = .array([.string("ESMO21")]) }
        }
        #expect(error?.reason.contains("unverified") == true)
    }

    @Test("A file lacking a row or rule the evaluator cites is refused")
    func missingRows() {
        let option = Self.refusal("perioperative.json") {
            Self.edit(&$0, array: "options", where: "modality", is: "isolated_limb_perfusion") {
                $0["modality"] = .string("definitive_rt")
                $0["variant"] = .string("other")
            }
        }
        #expect(option?.reason.contains("PERIOP-CONVERSION isolated_limb_perfusion") == true)
        let rule = Self.refusal("margins.json") {
            Self.edit(&$0, array: "rules", where: "ruleId", is: "MARGIN-MDT") { $0["ruleId"] = .string("MARGIN-TEAM") }
        }
        #expect(rule?.reason.contains("MARGIN-MDT") == true)
    }

    @Test("marginCm null only for en bloc and Mohs/PDEMA; 0 only with complete_excision_r0")
    func marginPlans() {
        let nullWide = Self.refusal("margins.json") {
            Self.edit(&$0, array: "rules", where: "ruleId", is: "MARGIN-WIDE-1CM") { rule in
                guard case .object(var plan)? = rule["plan"] else { return }
                plan["marginCm"] = .null
                rule["plan"] = .object(plan)
            }
        }
        #expect(nullWide?.reason.contains("must be null exactly for") == true)
        let zeroWide = Self.refusal("margins.json") {
            Self.edit(&$0, array: "rules", where: "ruleId", is: "MARGIN-ALT-MINIMAL") { rule in
                guard case .object(var plan)? = rule["plan"] else { return }
                plan["marginMeaning"] = .string("wide_margin")
                rule["plan"] = .object(plan)
            }
        }
        #expect(zeroWide?.reason.contains("complete_excision_r0") == true)
    }
}
