import JSON

/// The v2 imaging section (delta §3.4): the primary studies (`one_of` or `all`), the
/// metastatic work-up in §6 table order, PET indication and the PET response.
public struct ImagingSectionV2: Sendable {
    public var primary: [ImagingStudyV2]
    public var primaryOneOf: Bool
    public var metastaticWorkup: [ImagingStudyV2]
    public var petIndicated: Bool
    /// The v1 `petResponse` object (IMG-PET-RESPONSE), or null.
    public var petResponse: JSONValue
    public var warnings: [PlanWarning]
    /// Every §6 rule considered, with why (`?explain=true`).
    public var trace: [RuleTrace] = []

    public var traceJSON: JSONValue { RuleTrace.json(trace) }

    public func study(_ modality: ImagingModalityV2) -> ImagingStudyV2? {
        (primary + metastaticWorkup).first { $0.modality == modality }
    }
    public func warning(_ code: String) -> PlanWarning? { warnings.first { $0.code == code } }

    public var json: JSONValue {
        .object(
            JSONObject(uniqueMembers: [
                JSONMember("primary", .array(primary.map(\.json))),
                JSONMember("primaryChoice", .string(primaryOneOf ? "one_of" : "all")),
                JSONMember("metastaticWorkup", .array(metastaticWorkup.map(\.json))),
                JSONMember("pet", .string(petIndicated ? "indicated" : "optional")),
                JSONMember("petResponse", petResponse),
            ]))
    }
}
