import JSON
import SarcomaGuidelines

/// Finds which agent of the systemic rules (pack 2026.12-1, rules §8.3) a drafted medication
/// order names.
///
/// Matching is by name only: the generic (INN) name or the US brand name, as a whole word
/// of `medicationCodeableConcept.text`, its codings' `display`, `medicationReference.display`
/// or a contained Medication's code. RxNorm codes are deliberately not matched: orders
/// usually carry a clinical-drug code (ingredient + strength + form), not the ingredient's,
/// and a code table that cannot be checked against RxNorm here would be a guess; RxNorm
/// displays ("pazopanib 200 MG Oral Tablet") carry the ingredient name and are matched.
/// An order naming no known agent gets no card (the service stays silent on drugs it has
/// no rule for); liposomal doxorubicin is such a drug, not doxorubicin.
package struct MedicationAgentMatcher {
    package init() {}

    /// Lowercased whole words -> the ingredient they name.
    package static let names: [String: Ingredient] = [
        "doxorubicin": .doxorubicin, "adriamycin": .doxorubicin,
        "pazopanib": .pazopanib, "votrient": .pazopanib,
        "gemcitabine": .gemcitabine, "gemzar": .gemcitabine,
        "trabectedin": .trabectedin, "yondelis": .trabectedin,
        "eribulin": .eribulin, "halaven": .eribulin,
        "regorafenib": .regorafenib, "stivarga": .regorafenib,
        "pembrolizumab": .pembrolizumab, "keytruda": .pembrolizumab,
        "nivolumab": .nivolumab, "opdivo": .nivolumab,
        "ipilimumab": .ipilimumab, "yervoy": .ipilimumab,
        "larotrectinib": .larotrectinib, "vitrakvi": .larotrectinib,
        "entrectinib": .entrectinib, "rozlytrek": .entrectinib,
        // Pack 2026.12-1 agents and combination components, by generic (INN) name only.
        "ifosfamide": .ifosfamide, "dacarbazine": .dacarbazine, "docetaxel": .docetaxel,
        "repotrectinib": .repotrectinib, "dostarlimab": .dostarlimab, "dabrafenib": .dabrafenib,
        "trametinib": .trametinib, "selpercatinib": .selpercatinib, "imatinib": .imatinib,
        "tazemetostat": .tazemetostat, "atezolizumab": .atezolizumab, "axitinib": .axitinib,
        "paclitaxel": .paclitaxel, "palbociclib": .palbociclib, "temozolomide": .temozolomide,
        "bevacizumab": .bevacizumab, "crizotinib": .crizotinib,
    ]

    /// Words marking a liposomal doxorubicin (pegylated liposomal doxorubicin, Doxil,
    /// Caelyx, Myocet, Lipodox): a different product from the conventional doxorubicin the
    /// rules mean, with its own dosing and toxicity, so an order naming one of these is not
    /// read as doxorubicin (it is outside the vocabulary: no card).
    package static let liposomalMarkers: Set<String> = [
        "liposomal", "liposome", "liposomes", "pegylated", "peg", "doxil", "caelyx", "myocet", "lipodox",
    ]

    /// An ingredient the rules know. Gemcitabine, docetaxel, trametinib, axitinib, temozolomide
    /// and bevacizumab count only within their combination (`combinations`).
    package enum Ingredient: String, Sendable, Comparable {
        case doxorubicin, pazopanib, gemcitabine, trabectedin, eribulin, regorafenib
        case pembrolizumab, nivolumab, ipilimumab, larotrectinib, entrectinib
        case ifosfamide, dacarbazine, docetaxel, repotrectinib, dostarlimab, dabrafenib, trametinib
        case selpercatinib, imatinib, tazemetostat, atezolizumab, axitinib, paclitaxel, palbociclib
        case temozolomide, bevacizumab, crizotinib

        /// The single agent this ingredient is, if the rules list it alone.
        package var agent: TherapyAgent? { TherapyAgent(rawValue: rawValue) }

        package static func < (lhs: Ingredient, rhs: Ingredient) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What one order names: the ingredients found and the text they were found in.
    package struct Match: Sendable {
        package let orderId: String?
        package let ingredients: Set<Ingredient>
        package let label: String
    }

    package func match(_ order: JSONObject) -> Match? {
        let texts = Self.nameTexts(of: order)
        var found = Set<Ingredient>()
        var liposomal = false
        for text in texts {
            for word in Self.words(text) {
                if let ingredient = Self.names[word] { found.insert(ingredient) }
                if Self.liposomalMarkers.contains(word) { liposomal = true }
            }
        }
        // Any of the order's names saying liposomal makes the whole order so: a coding's
        // display may say "doxorubicin hydrochloride" while the text says "Doxil".
        if liposomal { found.remove(.doxorubicin) }
        guard !found.isEmpty else { return nil }
        return Match(orderId: order["id"]?.stringValue, ingredients: found, label: texts.first ?? "")
    }

    /// The combination codes of rules §8.3 by their components (the pack's `combinations`).
    package static let combinations: [(agent: TherapyAgent, parts: Set<Ingredient>)] = [
        (.pazopanibGemcitabine, [.pazopanib, .gemcitabine]),
        (.doxorubicinIfosfamide, [.doxorubicin, .ifosfamide]),
        (.doxorubicinDacarbazine, [.doxorubicin, .dacarbazine]),
        (.doxorubicinTrabectedin, [.doxorubicin, .trabectedin]),
        (.gemcitabineDocetaxel, [.gemcitabine, .docetaxel]),
        (.dabrafenibTrametinib, [.dabrafenib, .trametinib]),
        (.axitinibPembrolizumab, [.axitinib, .pembrolizumab]),
        (.nivolumabIpilimumab, [.nivolumab, .ipilimumab]),
        (.temozolomideBevacizumab, [.temozolomide, .bevacizumab]),
    ]

    /// The agents a set of orders amounts to: the components of a combination (in one order
    /// or several) are that combination (pazopanib with gemcitabine is `pazopanib_gemcitabine`,
    /// doxorubicin with ifosfamide `doxorubicin_ifosfamide`); what is left counts alone where
    /// the rules list it alone (gemcitabine alone is none of the rules' agents).
    package static func agents(in matches: [Match]) -> [TherapyAgent] {
        var left = matches.reduce(into: Set<Ingredient>()) { $0.formUnion($1.ingredients) }
        var agents: [TherapyAgent] = []
        for combination in combinations where combination.parts.isSubset(of: left) {
            agents.append(combination.agent)
            left.subtract(combination.parts)
        }
        for ingredient in left.sorted() {
            if let agent = ingredient.agent { agents.append(agent) }
        }
        return agents
    }

    package static func nameTexts(of order: JSONObject) -> [String] {
        var texts: [String] = []
        if let concept = order["medicationCodeableConcept"]?.objectValue { texts += conceptTexts(concept) }
        if let reference = order["medicationReference"]?.objectValue {
            if let display = reference["display"]?.stringValue { texts.append(display) }
            // A contained Medication ("#med1") names the drug in its own code.
            if let target = reference["reference"]?.stringValue, target.hasPrefix("#") {
                for contained in order["contained"]?.arrayValue ?? [] {
                    guard let medication = contained.objectValue,
                        medication["resourceType"]?.stringValue == "Medication",
                        "#" + (medication["id"]?.stringValue ?? "") == target,
                        let code = medication["code"]?.objectValue
                    else { continue }
                    texts += conceptTexts(code)
                }
            }
        }
        return texts
    }

    private static func conceptTexts(_ concept: JSONObject) -> [String] {
        var texts: [String] = []
        if let text = concept["text"]?.stringValue { texts.append(text) }
        for coding in concept["coding"]?.arrayValue ?? [] {
            if let display = coding.objectValue?["display"]?.stringValue { texts.append(display) }
        }
        return texts
    }

    /// Lowercased runs of letters: "Pazopanib 200 MG Oral Tablet [Votrient]" -> pazopanib, mg, oral, tablet, votrient.
    package static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
