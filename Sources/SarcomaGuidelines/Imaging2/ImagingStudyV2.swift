import JSON

/// One listed study of a v2 imaging answer: the modality with its flags and the rule behind it.
public struct ImagingStudyV2: Sendable, Equatable {
    public var modality: ImagingModalityV2
    public var required: Bool
    public var preferred: Bool
    public var recommendation: RecommendationV2

    public var json: JSONValue {
        guard case .object(let object) = recommendation.json else { return .null }
        return .object(
            JSONObject(
                uniqueMembers: [
                    JSONMember("modality", .string(modality.rawValue)),
                    JSONMember("required", .bool(required)),
                    JSONMember("preferred", .bool(preferred)),
                ] + object.members))
    }
}
