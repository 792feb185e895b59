import Foundation
import JSON
import Testing
@testable import SarcomaGuidelines

/// `GET /v2/guidelines` as the pack files give it (contract delta §7): every rule the code or
/// the pack cites is listed with a status, the v1 rules are all still there (rules §13: no v1
/// rule id is deleted), the retired decisions, readings and open items are the rules' lists,
/// and the validator refuses a rule without a status or a change without a note.
@Suite("Guideline listing (/v2/guidelines)")
struct GuidelineListingTests {
    static let library: GuidelineLibrary = {
        do { return try GuidelineLibrary.load(folders: GuidelineLibraryTests.repositoryFolders()) } catch {
            fatalError("the repository's packs do not load: \(error)")
        }
    }()

    static var pack: GuidelinePackV2 { library.newestContractTwo! }

    static var listing: GuidelineListing {
        GuidelineListing(pack, predecessor: library.contractOnePack(version: "2026.11-1"))
    }

    static let packageRoot = PackFixture.root.deletingLastPathComponent().deletingLastPathComponent()

    /// Rule-id-shaped string literals of the contract-2 code and every rule id value of the
    /// pack 2026.12-1 files, with the file they occur in. A grep over the repository: an
    /// answer can only name an id that is written in one of these places.
    static func citedRuleIds() -> [(id: String, file: String)] {
        let families = [
            "SCOPE-", "CONS-", "GRADE-", "STAGE-", "BIOPSY-", "MARGIN-", "IMG-", "PERIOP-", "PALL-", "REND-",
        ]
        let pattern = try! NSRegularExpression(pattern: #""([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)""#)
        let folders = [
            "ContractTwo", "Facts2", "Imaging2", "Margins2", "Pathway", "Perioperative2", "Planning", "Rules2",
            "Staging2", "Systemic", "Classes",
        ].map { packageRoot.appendingPathComponent("Sources/SarcomaGuidelines/\($0)") }
        var files: [URL] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".swift") }.map { folder.appendingPathComponent($0) }
        }
        let register = Set(pack.register.sources.map(\.id))
        let packFolder = PackFixture.root.appendingPathComponent("2026.12-1")
        let packFiles = ((try? FileManager.default.contentsOfDirectory(atPath: packFolder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "sources.json" }.map { packFolder.appendingPathComponent($0) }
        var cited: [(id: String, file: String)] = []
        for file in files + packFiles {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in pattern.matches(in: text, range: range) {
                guard let idRange = Range(match.range(at: 1), in: text) else { continue }
                let id = String(text[idRange])
                guard families.contains(where: id.hasPrefix), !register.contains(id) else { continue }
                cited.append((id, file.lastPathComponent))
            }
        }
        return cited
    }

    @Test("Every rule id the code and the pack cite is listed, with a status")
    func everyCitedRuleIsListed() {
        let listed = Set(Self.listing.rules.map(\.id))
        let cited = Self.citedRuleIds()
        #expect(cited.count > 100, "the grep found the citations (\(cited.count))")
        for (id, file) in cited { #expect(listed.contains(id), "\(id), cited in \(file), is listed") }
        #expect(Self.listing.rules.map(\.id).count == listed.count, "each rule once")
    }

    @Test("No v1 rule id is deleted (rules §13); every rule carries the delta §7 members")
    func v1RulesStay() {
        let rules = Dictionary(uniqueKeysWithValues: Self.listing.rules.map { ($0.id, $0) })
        for rule in Self.library.v1Pack.rules { #expect(rules[rule.id] != nil, "v1 rule \(rule.id) is listed") }
        for rule in Self.listing.rules {
            #expect(!rule.summary.isEmpty, "\(rule.id) summary")
            #expect(!rule.source.isEmpty, "\(rule.id) source")
            #expect(rule.family != "other", "\(rule.id) family")
            if rule.status != .kept { #expect(rule.changeNote?.isEmpty == false, "\(rule.id) says what changed") }
            if rule.sources.isEmpty {
                #expect(rule.policy != nil && !rule.verified, "\(rule.id): a policy, unverified")
            }
        }
    }

    @Test(
        "Status against 2026.11-1 as rules §4, §8.3 and §13 state it",
        arguments: [
            ("STAGE-TE", RuleStatus.kept), ("GRADE-FNCLCC", .kept), ("GRADE-HISTOLOGY", .new),
            ("PERIOP-POSTOP-CHEMO", .changed), ("PERIOP-STAGE2-RT", .new), ("PALL-PD1", .changed),
            ("PALL-NTRK", .changed), ("PALL-CTLA4-TRIAL", .kept), ("PALL-REGORAFENIB", .kept),
            ("PALL-NOT-LOCALIZED", .changed), ("PALL-BSC", .new), ("SCOPE-PATHWAY", .new), ("CONS-WDLS-GRADE", .new),
            ("IMG-PRIMARY-EXTREMITY-HN", .changed), ("MARGIN-RP-EN-BLOC", .new), ("PALL-TRIAL", .changed),
        ])
    func statuses(rule: String, status: RuleStatus) {
        #expect(Self.listing.rules.first { $0.id == rule }?.status == status)
    }

    @Test("Verification is the weakest source: a rule citing an unverified source is unverified")
    func verification() {
        let register = Self.pack.register
        for rule in Self.listing.rules {
            let weakest = !rule.sources.isEmpty && rule.sources.allSatisfy { register[$0]?.verified == true }
            #expect(rule.verified == weakest, "\(rule.id)")
        }
        #expect(Self.listing.rules.first { $0.id == "STAGE-RP" }?.verified == false, "AJCC8 is U (§15 item 14)")
        #expect(Self.listing.rules.first { $0.id == "STAGE-TE" }?.verified == true, "AJCC8-TE is V")
    }

    @Test("Retired decisions are D05, D06, D07, D08, D15, D20, D23 and D30, each with what replaced it")
    func retiredDecisions() {
        let listing = Self.listing
        #expect(listing.retiredDecisions.map(\.id) == ["D05", "D06", "D07", "D08", "D15", "D20", "D23", "D30"])
        let listed = Set(listing.rules.map(\.id))
        for retired in listing.retiredDecisions {
            #expect(!retired.replacedBy.isEmpty && retired.replacedBy.allSatisfy(listed.contains), "\(retired.id)")
        }
        #expect(listing.retiredDecisions.first { $0.id == "D05" }?.replacedBy == ["PERIOP-NODAL"])
        let decisions = Dictionary(uniqueKeysWithValues: listing.decisions.map { ($0.id, $0) })
        #expect(decisions.count == 22, "D01-D30 less the 8 retired")
        for changed in ["D02", "D13", "D14", "D16", "D17", "D19", "D28"] {
            #expect(decisions[changed]?.status == "changed", "\(changed) rewritten (§11)")
        }
        #expect(decisions["D01"]?.status == "kept")
        #expect(decisions["D01"]?.text == Self.library.v1Pack.decisions.first { $0.id == "D01" }?.decision)
        #expect(decisions.values.allSatisfy { !$0.text.isEmpty })
    }

    @Test("Readings R1-R26 with R18 deleted; open items 1-15 with their release-gate state")
    func readingsAndOpenItems() {
        let listing = Self.listing
        #expect(listing.readings.map(\.id) == (1...26).map { "R\($0)" })
        #expect(listing.readings.filter(\.deleted).map(\.id) == ["R18"])
        #expect(listing.openItems.map(\.item) == Array(1...15))
        let states = Dictionary(uniqueKeysWithValues: listing.openItems.map { ($0.item, $0.state) })
        #expect(states[12] == .verified, "TECELRA label text found (release gate item 12)")
        #expect(states[1] == .notVerified, "stage II RT category not found")
        #expect(states[14] == .partlyVerified)
    }

    @Test("Pack 2026.11-1 in the same schema: every rule kept, nothing verified, its decisions kept")
    func contractOneListing() throws {
        let listing = GuidelineListing(Self.library.v1Pack)
        #expect(listing.contract == 1)
        #expect(listing.rules.map(\.id) == Self.library.v1Pack.rules.map(\.id))
        #expect(listing.rules.allSatisfy { $0.status == .kept && $0.changeNote == nil && !$0.verified })
        #expect(listing.decisions.count == 30)
        #expect(listing.retiredDecisions.isEmpty && listing.readings.isEmpty && listing.openItems.isEmpty)
        let json = listing.json
        #expect(json["contract"] == .number(1))
        #expect(json["releasedAt"] == .null)
    }

    @Test("The text lists every rule id and reads in a terminal (at most 100 columns)")
    func plainText() {
        let text = Self.listing.plainText
        for rule in Self.listing.rules { #expect(text.contains("  \(rule.id)  "), "\(rule.id) in the text") }
        #expect(text.hasPrefix("Guideline pack 2026.12-1"))
        #expect(text.contains("Retired decisions"))
        for line in text.split(separator: "\n") where line.count > 100 {
            let words = line.split(separator: " ")
            #expect(words.count == 1, "only an unbreakable address may pass 100 columns: \(line)")
        }
    }

    @Test("The validator refuses a cited rule without a status, and a new rule without a change note")
    func validatorRefuses() {
        let dropped = PackValidationV2Tests.refusal("catalogue.json") { root in
            guard case .object(var object) = root, case .array(let rules)? = object["rules"] else { return }
            object["rules"] = .array(rules.filter { $0["ruleId"] != .string("PALL-PD1") })
            root = .object(object)
        }
        #expect(dropped?.reason.contains("lack rule PALL-PD1") == true, "\(String(describing: dropped))")
        let silent = PackValidationV2Tests.refusal("perioperative.json") { root in
            PackValidationV2Tests.edit(&root, array: "rules", where: "ruleId", is: "PERIOP-STAGE2-RT") {
                $0["changeNote"] = .null
            }
        }
        #expect(silent?.reason.contains("changeNote is null") == true, "\(String(describing: silent))")
        let twice = PackValidationV2Tests.refusal("catalogue.json") { root in
            guard case .object(var object) = root, case .array(var rules)? = object["rules"] else { return }
            rules.append(
                [
                    "ruleId": "PERIOP-HN", "status": "kept", "changeNote": .null, "sources": ["DECK"],
                    "rationale": "x", "evidence": [],
                ])
            object["rules"] = .array(rules)
            root = .object(object)
        }
        #expect(twice?.reason.contains("already has a status") == true, "\(String(describing: twice))")
    }

    @Test("The library refuses a pack that forgets a v1 decision")
    func everyDecisionRevisited() throws {
        var folders = GuidelineLibraryTests.repositoryFolders()
        var files = try #require(folders["2026.12-1"])
        var root = try JSONParser().parse(try #require(files["catalogue.json"]))
        guard case .object(var object) = root, case .array(let decisions)? = object["decisions"] else {
            Issue.record("catalogue.json has decisions")
            return
        }
        object["decisions"] = .array(decisions.filter { $0["id"] != .string("D09") })
        root = .object(object)
        files["catalogue.json"] = JSONWriter().bytes(root)
        folders["2026.12-1"] = files
        #expect(throws: GuidelinePackError.self) { try GuidelineLibrary.load(folders: folders) }
        do {
            _ = try GuidelineLibrary.load(folders: folders)
        } catch {
            #expect(error.reason.contains("lack D09"), "\(error)")
        }
    }
}
