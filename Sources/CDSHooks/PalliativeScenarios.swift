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
        /// "first" or "subsequent", as the engine names it.
        package let name: String
        package let palliative: JSONObject
    }

    /// The evaluation of the case as the record reads, the engine's defaults applied.
    package let assumed: JSONObject
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
    package init(engine: GuidelineEngine, case sarcomaCase: SarcomaCase) {
        func palliative(_ changed: SarcomaCase) -> JSONObject {
            engine.evaluate(.palliative, for: changed).json.objectValue ?? JSONObject()
        }
        assumed = palliative(sarcomaCase)
        resectabilityUnknown = Self.warningCodes(assumed).contains(Self.resectableDefaulted)
        var advancedCase = sarcomaCase
        if resectabilityUnknown { advancedCase.setDisease { $0.resectable = false } }
        let advanced = resectabilityUnknown ? palliative(advancedCase) : assumed
        lineUnknown = Self.warningCodes(advanced).contains(Self.linesDefaulted)
        if lineUnknown {
            lines = [(0, "first"), (1, "subsequent")].map { prior, name in
                var lineCase = advancedCase
                lineCase.setDisease { $0.priorSystemicLines = prior }
                return Line(name: name, palliative: palliative(lineCase))
            }
        } else if advanced["indicated"]?.boolValue == true {
            lines = [Line(name: advanced["line"]?.stringValue ?? "?", palliative: advanced)]
        } else {
            lines = []
        }
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
                guard let code = warning["code"]?.stringValue, code != Self.linesDefaulted,
                    code != Self.resectableDefaulted,
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
