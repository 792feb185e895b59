import JSON
import SarcomaGuidelines

/// The palliative evaluation of a case, and, where the record leaves the line of therapy or
/// the resectability unknown, the evaluation for each possibility instead of the engine's
/// default (first line, resectable). A card must not state as fact a verdict that rests on
/// a value the record does not hold: an M1 leiomyosarcoma after doxorubicin would otherwise
/// read "trabectedin is not a first-line option" when it is a subsequent-line one.
package struct PalliativeScenarios: Sendable {
    /// One evaluation of the advanced disease for one line.
    package struct Line: Sendable {
        /// "first" or "subsequent", as the engine names it; "conversion" for the perioperative
        /// systemic options of unresectable M0 disease.
        package let name: String
        /// The evaluation (`palliative`, or `perioperative` for "conversion"), read through `keys`.
        package let palliative: JSONObject
        package var keys: OrderSelectCards.Lists = .palliative
    }

    /// The evaluation of the case as the record reads, the engine's defaults applied.
    package let assumed: JSONObject
    /// The perioperative evaluation of the same case: on the pathways with systemic options
    /// there (oligometastatic, conversion; delta §8) an order is checked against those.
    package let perioperative: JSONObject
    /// The record says neither resectable nor not (M0): `assumed` took it resectable.
    package let resectabilityUnknown: Bool
    /// The record does not give the prior lines (`disease.priorSystemicLines`).
    package let lineUnknown: Bool
    /// The advanced-disease evaluations: one per line when the line is unknown (first,
    /// then subsequent), else the one line the record gives. Empty when the disease is known
    /// not to be advanced (M0 and resectable).
    package let lines: [Line]

    package static let linesDefaulted = "prior_systemic_lines_defaulted"
    package static let resectableDefaulted = "resectable_defaulted"

    /// The engine is pure and cheap: up to four palliative evaluations per call.
    package init(pack: CardPack, case sarcomaCase: SarcomaCase) throws(SystemicInputError) {
        func palliative(_ changed: SarcomaCase) throws(SystemicInputError) -> JSONObject {
            try pack.section(.palliative, changed)
        }
        assumed = try palliative(sarcomaCase)
        perioperative = try pack.section(.perioperative, sarcomaCase)
        // Pack 2026.12-1 reads resectability for the pathway only (unresectable M0 is
        // conversion, not palliative): the default matters only where the other answer differs.
        var advancedCase = sarcomaCase
        var advanced = assumed
        var unresectable = perioperative
        if Self.warningCodes(assumed).contains(Self.resectableDefaulted) {
            advancedCase.setDisease { $0.resectable = false }
            advanced = try palliative(advancedCase)
            unresectable = try pack.section(.perioperative, advancedCase)
        }
        resectabilityUnknown =
            Self.verdicts(advanced) != Self.verdicts(assumed)
            || Self.systemicVerdicts(unresectable) != Self.systemicVerdicts(perioperative)
        if !resectabilityUnknown { advancedCase = sarcomaCase }
        lineUnknown = Self.warningCodes(advanced).contains(Self.linesDefaulted)
        if lineUnknown {
            var found: [Line] = []
            for (prior, name) in [(0, "first"), (1, "subsequent")] {
                var lineCase = advancedCase
                lineCase.setDisease { $0.priorSystemicLines = prior }
                found.append(Line(name: name, palliative: try palliative(lineCase)))
            }
            lines = found
        } else if advanced["indicated"]?.boolValue == true {
            lines = [Line(name: advanced["line"]?.stringValue ?? "?", palliative: advanced)]
        } else if resectabilityUnknown,
            Self.systemicVerdicts(unresectable).contains(where: { $0 != nil && $0 != .array([]) })
        {
            lines = [Line(name: Self.conversion, palliative: unresectable, keys: .perioperative)]
        } else {
            lines = []
        }
    }

    package static let conversion = "conversion"

    /// The perioperative systemic lists an order is checked against (conversion, oligometastatic).
    static func systemicVerdicts(_ perioperative: JSONObject) -> [JSONValue?] {
        ["systemicOptions", "systemicNotRecommended"].map { perioperative[$0] }
    }

    /// What an order is checked against: whether palliative therapy is indicated, and the lists.
    static func verdicts(_ palliative: JSONObject) -> [JSONValue?] {
        ["indicated", "line", "options", "notRecommended", "investigational"].map { palliative[$0] }
    }

    /// Whether a card may state the assumed evaluation's line-based verdict as fact.
    package var isKnown: Bool { !resectabilityUnknown && !lineUnknown }

    package static func warningCodes(_ evaluation: JSONObject) -> Set<String> {
        Set((evaluation["warnings"]?.arrayValue ?? []).compactMap { $0.objectValue?["code"]?.stringValue })
    }

    /// The other assumptions (nodes N0...), the line and resectability left out: a card
    /// built from the scenarios assumes neither.
    package var otherAssumptions: [String] {
        var seen = Set<String>()
        return ([assumed] + lines.map(\.palliative)).flatMap { evaluation in
            (evaluation["warnings"]?.arrayValue ?? []).compactMap(\.objectValue).compactMap { warning -> String? in
                guard let code = warning["code"]?.stringValue, !(lineUnknown && code == Self.linesDefaulted),
                    !(resectabilityUnknown && code == Self.resectableDefaulted),
                    let message = warning["message"]?.stringValue, seen.insert(message).inserted
                else { return nil }
                return message
            }
        }
    }
}

extension SarcomaCase {
    /// Changes the disease section, creating it when the record gave none.
    package mutating func setDisease(_ change: (inout Disease) -> Void) {
        var section = disease ?? Disease()
        change(&section)
        disease = section
    }
}
