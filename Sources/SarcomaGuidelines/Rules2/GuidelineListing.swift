import JSON

/// The `GET /v2/guidelines` body (contract delta §7) for any loaded pack: each rule with its
/// status against 2026.11-1, change note, sources and verification; the source register; the
/// v1 decisions kept, changed and retired; the readings and the open verification items.
/// Built from the pack files only, so the listing and the answers cannot disagree.
public struct GuidelineListing: Sendable {
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var family: String
        public var summary: String
        public var source: String
        public var status: RuleStatus
        public var changeNote: String?
        public var sources: [String]
        /// The weakest of the sources (delta §7): verified only when it cites register sources and
        /// every one is verified; a pack policy with no source is never reported verified.
        public var verified: Bool
        public var policy: String?
    }

    public struct Source: Sendable, Equatable {
        public var id: String
        public var description: String
        public var url: String?
        public var verified: Bool
    }

    public var guidelineVersion: String
    public var label: String
    public var contract: Int
    public var releasedAt: String?
    public var rules: [Rule]
    public var sources: [Source]
    public var decisions: [(id: String, status: String, text: String, note: String?)]
    public var retiredDecisions: [GuidelineCatalogue.RetiredDecision]
    public var readings: [GuidelineCatalogue.Reading]
    public var openItems: [GuidelineCatalogue.OpenItem]
    /// The pack's own readings where the rules left a choice (every family file's `decisions`).
    public var packDecisions: [PackReading]

    /// A contract-2 pack; `predecessor` supplies the words of the v1 decisions it keeps unchanged.
    public init(_ pack: GuidelinePackV2, predecessor: GuidelinePack?) {
        let register = pack.register
        guidelineVersion = pack.version
        label = pack.label
        contract = pack.contract
        releasedAt = pack.releasedAt
        rules = pack.listedRules.map { rule in
            let verified = !rule.sources.isEmpty && rule.sources.allSatisfy { register[$0]?.verified == true }
            return Rule(
                id: rule.ruleId, family: RuleFamily.of(rule.ruleId)?.rawValue ?? "other", summary: rule.rationale,
                source: rule.sourceText, status: rule.status, changeNote: rule.changeNote, sources: rule.sources,
                verified: verified, policy: rule.policy)
        }
        sources = register.sources.map {
            Source(id: $0.id, description: $0.title, url: $0.address, verified: $0.verified)
        }
        let v1Words = Dictionary(
            (predecessor?.decisions ?? []).map { ($0.id, $0.decision) }, uniquingKeysWith: { first, _ in first })
        decisions = pack.catalogue.decisions.map { decision in
            (decision.id, decision.status.rawValue, decision.text ?? v1Words[decision.id] ?? "", decision.note)
        }
        retiredDecisions = pack.catalogue.retiredDecisions
        readings = pack.catalogue.readings
        openItems = pack.catalogue.openItems
        packDecisions =
            pack.classes.decisions + pack.systemic.decisions + pack.staging.book.decisions
            + pack.margins.book.decisions + pack.imaging.book.decisions + pack.perioperative.book.decisions
    }

    /// A contract-1 pack, described in the same schema: every rule is its own baseline (kept),
    /// and it has no source register, so nothing in it is reported verified.
    public init(_ pack: GuidelinePack) {
        guidelineVersion = pack.version
        label = pack.label
        contract = 1
        releasedAt = nil
        rules = pack.rules.map {
            Rule(
                id: $0.id, family: $0.family, summary: $0.summary, source: $0.source, status: .kept, changeNote: nil,
                sources: [$0.source], verified: false, policy: nil)
        }
        sources = pack.sources.map { Source(id: $0.name, description: $0.description, url: nil, verified: false) }
        decisions = pack.decisions.map { ($0.id, "kept", $0.decision, nil) }
        retiredDecisions = []
        readings = []
        openItems = []
        packDecisions = []
    }

    public var json: JSONValue {
        var body = JSONObject()
        body["guidelineVersion"] = .string(guidelineVersion)
        body["label"] = .string(label)
        body["contract"] = .number(Double(contract))
        body["releasedAt"] = releasedAt.map(JSONValue.string) ?? .null
        body["rules"] = .array(rules.map(Self.json))
        body["sources"] = .array(
            sources.map {
                [
                    "id": .string($0.id), "description": .string($0.description),
                    "url": $0.url.map(JSONValue.string) ?? .null, "verified": .bool($0.verified),
                ]
            })
        body["decisions"] = .array(
            decisions.map {
                [
                    "id": .string($0.id), "status": .string($0.status), "text": .string($0.text),
                    "note": $0.note.map(JSONValue.string) ?? .null,
                ]
            })
        body["retiredDecisions"] = .array(
            retiredDecisions.map {
                [
                    "id": .string($0.id), "replacedBy": .array($0.replacedBy.map(JSONValue.string)),
                    "note": .string($0.note),
                ]
            })
        body["readings"] = .array(
            readings.map {
                [
                    "id": .string($0.id), "deleted": .bool($0.deleted),
                    "decision": $0.decision.map(JSONValue.string) ?? .null, "justification": .string($0.justification),
                ]
            })
        body["openItems"] = .array(
            openItems.map {
                [
                    "item": .number(Double($0.item)), "subject": .string($0.subject),
                    "state": .string($0.state.rawValue),
                    "finding": .string($0.finding), "packShips": .string($0.packShips),
                    "sources": .array($0.sources.map(JSONValue.string)),
                ]
            })
        body["packDecisions"] = .array(
            packDecisions.map {
                [
                    "id": .string($0.id), "ruleIds": .array($0.ruleIds.map(JSONValue.string)),
                    "decision": .string($0.decision), "justification": .string($0.justification),
                ]
            })
        return .object(body)
    }

    private static func json(_ rule: Rule) -> JSONValue {
        [
            "id": .string(rule.id), "family": .string(rule.family), "summary": .string(rule.summary),
            "source": .string(rule.source), "status": .string(rule.status.rawValue),
            "changeNote": rule.changeNote.map(JSONValue.string) ?? .null,
            "sources": .array(rule.sources.map(JSONValue.string)),
            "verification": .string(rule.verified ? "verified" : "unverified"),
            "policy": rule.policy.map(JSONValue.string) ?? .null,
        ]
    }

    /// The listing for a terminal: one block per rule, wrapped under its id (only an address
    /// longer than a line is left whole).
    public var plainText: String {
        var lines: [String] = []
        let released = releasedAt.map { ", released \($0)" } ?? ""
        lines.append("Guideline pack \(guidelineVersion) (\(label)), contract \(contract)\(released)")
        let counts = RuleStatus.allCases.map { status in
            "\(rules.filter { $0.status == status }.count) \(status.rawValue)"
        }
        lines.append("")
        lines.append("Rules (\(rules.count): \(counts.joined(separator: ", ")))")
        for rule in rules {
            let verification = rule.verified ? "verified" : "unverified"
            lines.append("  \(rule.id)  \(rule.status.rawValue), \(verification)")
            lines += Self.indented("source: \(rule.source)")
            lines += Self.indented(rule.summary)
            if let note = rule.changeNote { lines += Self.indented("change: \(note)") }
        }
        lines.append("")
        lines.append("Sources (\(sources.count), \(sources.filter(\.verified).count) verified)")
        for source in sources {
            lines.append("  \(source.id)  \(source.verified ? "verified" : "unverified")")
            if let url = source.url { lines.append("      \(url)") }
        }
        lines.append("")
        lines.append("Decisions of the v1 pack")
        for decision in decisions {
            lines += Self.indented("\(decision.id) \(decision.status): \(decision.text)", first: "  ", rest: "      ")
            if let note = decision.note { lines += Self.indented("note: \(note)") }
        }
        if !retiredDecisions.isEmpty {
            lines.append("")
            lines.append("Retired decisions")
            for retired in retiredDecisions {
                lines += Self.indented(
                    "\(retired.id) -> \(retired.replacedBy.joined(separator: ", ")): \(retired.note)", first: "  ",
                    rest: "      ")
            }
        }
        if !readings.isEmpty {
            lines.append("")
            lines.append("Readings beyond the literal source")
            for reading in readings {
                let text =
                    reading.decision.map { "\($0) (\(reading.justification))" } ?? "deleted: \(reading.justification)"
                lines += Self.indented("\(reading.id) \(text)", first: "  ", rest: "      ")
            }
        }
        if !openItems.isEmpty {
            lines.append("")
            lines.append("Open verification items (release gate)")
            for item in openItems {
                lines += Self.indented(
                    "\(item.item). \(item.subject): \(item.state.rawValue.split(separator: "_").joined(separator: " "))",
                    first: "  ", rest: "      ")
                lines += Self.indented("found: \(item.finding)")
                lines += Self.indented("ships: \(item.packShips)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let width = 100

    private static func indented(_ text: String, first: String = "      ", rest: String = "      ") -> [String] {
        PlainTextReport.wrap(text, width: width - rest.count).enumerated().map { index, row in
            (index == 0 ? first : rest) + row
        }
    }
}
