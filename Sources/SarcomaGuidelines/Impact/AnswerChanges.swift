import JSON

/// What differs between two assessment answers for one case, compared by code (contract delta
/// §0.8): the answer of the `from` pack (either contract) and of the `to` pack, whose rule ids
/// every change names. Only differences are kept, so an unchanged case has empty `changes`.
///
/// Reads the answers' JSON rather than the engines' types: the report compares a contract-1
/// answer with a contract-2 one, and the wire answer is what a tumour board saw.
public struct AnswerChanges: Sendable, Equatable {
    /// `staging`, `margins`, `imaging`, `perioperative`, `palliative`, `warningsAdded`: each only when it changed.
    public let changes: JSONObject

    public var changed: Bool { !changes.isEmpty }

    /// `to` should be evaluated with `explain` so its trace names the rules behind each field.
    public init(from: JSONValue, to: JSONValue) {
        var changes = JSONObject()
        let sections: [(String, (AnswerSection, AnswerSection) -> JSONObject)] = [
            ("staging", Self.staging), ("margins", Self.margins), ("imaging", Self.imaging),
            ("perioperative", Self.perioperative), ("palliative", Self.palliative),
        ]
        for (name, compare) in sections {
            var section = compare(AnswerSection(from[name]), AnswerSection(to[name]))
            if name == "palliative" { Self.movedSystemicOptions(from: from, to: to, into: &section) }
            if !section.isEmpty { changes[name] = .object(section) }
        }
        let before = Set(Self.warningCodes(from))
        let added = Self.warningCodes(to).filter { !before.contains($0) }
        if !added.isEmpty { changes["warningsAdded"] = .array(added.map(JSONValue.string)) }
        self.changes = changes
    }

    /// `systemicOptions` (to) when the `to` answer lists systemic options in its perioperative
    /// section (conversion, oligometastatic) and `from` listed none there.
    private static func movedSystemicOptions(from: JSONValue, to: JSONValue, into out: inout JSONObject) {
        let before = AnswerSection(from["perioperative"]).items("systemicOptions")
        let after = AnswerSection(to["perioperative"]).items("systemicOptions")
        guard before.isEmpty, !after.isEmpty else { return }
        out["systemicOptions"] = [
            "to": .array(after.compactMap { $0["agent"] }),
            "ruleIds": .array(AnswerSection.ruleIds(ofAll: after).map(JSONValue.string)),
        ]
    }

    private static func warningCodes(_ answer: JSONValue) -> [String] {
        var seen: Set<String> = []
        return (answer["warnings"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }.filter {
            seen.insert($0).inserted
        }
    }

    private static func staging(_ from: AnswerSection, _ to: AnswerSection) -> JSONObject {
        var out = JSONObject()
        from.compare("stageGroup", with: to, rules: ["STAGE-"], into: &out)
        from.compare("grade", with: to, rules: ["GRADE-"], into: &out)
        if let planning = to.value("planningStageGroup"), !planning.isNull, planning != to.value("stageGroup") {
            out["planningStageGroup"] = AnswerSection.change(
                from: nil, to: planning, ruleIds: to.ruleIds(["STAGE-PLANNING", "GRADE-HISTOLOGY"]))
        }
        return out
    }

    private static func margins(_ from: AnswerSection, _ to: AnswerSection) -> JSONObject {
        var out = JSONObject()
        let marginRules = (to.value("marginRuleIds")?.arrayValue ?? []).compactMap(\.stringValue)
        from.compare("strategy", with: to, explicitRules: marginRules, into: &out)
        from.compare("marginCm", with: to, explicitRules: marginRules, into: &out)
        from.compare("amputation", with: to, rules: ["MARGIN-AMPUTATION"], into: &out)
        from.compare("reExcision", with: to, rules: ["MARGIN-REEXCISION"], into: &out)
        return out
    }

    private static func imaging(_ from: AnswerSection, _ to: AnswerSection) -> JSONObject {
        var out = JSONObject()
        for list in ["primary", "metastaticWorkup"] {
            let diff = from.listChanges(list, with: to, key: "modality", compareCategory: false)
            if !diff.isEmpty { out[list] = .object(diff) }
        }
        from.compare("pet", with: to, rules: ["IMG-PET-"], into: &out)
        return out
    }

    private static func perioperative(_ from: AnswerSection, _ to: AnswerSection) -> JSONObject {
        var out = JSONObject()
        from.report("pathway", with: to, rules: ["SCOPE-PATHWAY"], into: &out)
        from.report("scope", with: to, rules: ["SCOPE-"], into: &out)
        for member in from.listChanges("options", with: to, key: "modality", compareCategory: true).members {
            out[member.key] = member.value
        }
        from.compare("highRisk", with: to, rules: ["PERIOP-LARGE-HIGHGRADE"], into: &out)
        return out
    }

    private static func palliative(_ from: AnswerSection, _ to: AnswerSection) -> JSONObject {
        var out = JSONObject()
        from.compare("indicated", with: to, rules: ["SCOPE-PATHWAY", "PALL-NOT-LOCALIZED"], into: &out)
        from.compare("line", with: to, rules: ["SCOPE-PATHWAY", "PALL-NOT-LOCALIZED"], into: &out)
        let options = from.listChanges(
            "options", with: to, key: "agent", compareCategory: true, comparePreferred: true)
        for member in options.members { out[member.key] = member.value }
        return out
    }
}
