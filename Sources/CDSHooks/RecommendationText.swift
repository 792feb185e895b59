import JSON
import SarcomaGuidelines

/// Reads the recommendation objects of an evaluation's JSON (`ruleId`, `nccnCategory`,
/// `categoryDefaulted`, `rationale`, `ruleIds`) into Markdown lines for card details.
package struct RecommendationText {
    package let object: JSONObject

    package init?(_ value: JSONValue) {
        guard case .object(let object) = value else { return nil }
        self.object = object
    }

    package var ruleId: String { object["ruleId"]?.stringValue ?? "?" }
    package var ruleIds: [String] { object["ruleIds"]?.arrayValue?.compactMap(\.stringValue) ?? [ruleId] }
    package var rationale: String { object["rationale"]?.stringValue ?? "" }
    package var agent: String? { object["agent"]?.stringValue }
    package var modality: String? { object["modality"]?.stringValue }
    package var reason: String? { object["reason"]?.stringValue }

    package var reasonCode: String? { object["reasonCode"]?.stringValue }
    package var otherReasonCodes: [String] { object["otherReasonCodes"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    package var preferred: Bool { object["preferred"]?.boolValue == true }
    package var rank: Int? { object["rank"]?.intValue }
    package var appliesTo: String? { object["appliesTo"]?.stringValue }

    /// The therapy option's `categoryDisplay` (REND-CATEGORY, contract v2); else "NCCN category 1",
    /// "NCCN category 2A, defaulted", "no NCCN category".
    package var category: String {
        if let display = object["categoryDisplay"]?.stringValue { return display }
        guard let category = object["nccnCategory"]?.stringValue else { return "no NCCN category" }
        return "NCCN category \(category)" + (object["categoryDefaulted"]?.boolValue == true ? ", defaulted" : "")
    }

    /// "1", "2A" or nil.
    package var shortCategory: String? { object["nccnCategory"]?.stringValue }

    /// "- `STAGE-TE` (no NCCN category): AJCC 8 ..." with every contributing rule named.
    package var markdownLine: String {
        let rules = ruleIds.map { "`\($0)`" }.joined(separator: ", ")
        return "- \(rules) (\(category)): \(rationale)"
    }

    /// `doxorubicin` -> "doxorubicin"; `pazopanib_gemcitabine` -> "pazopanib + gemcitabine";
    /// `postoperative_rt` -> "postoperative RT".
    package static func humanName(_ code: String) -> String {
        if code == "pazopanib_gemcitabine" { return "pazopanib + gemcitabine" }
        return code.split(separator: "_").map {
            $0 == "rt" ? "RT" : $0 == "ct" ? "CT" : $0 == "mri" ? "MRI" : $0 == "pet" ? "PET" : String($0)
        }
        .joined(separator: " ")
    }

    package static func list(_ value: JSONValue?) -> [RecommendationText] {
        value?.arrayValue?.compactMap(RecommendationText.init) ?? []
    }

    /// Options in `rank` order (REND-ORDER); the engine writes them so, this only makes sure.
    package static func ranked(_ value: JSONValue?) -> [RecommendationText] {
        list(value).enumerated().sorted { ($0.element.rank ?? $0.offset + 1) < ($1.element.rank ?? $1.offset + 1) }
            .map(\.element)
    }
}
