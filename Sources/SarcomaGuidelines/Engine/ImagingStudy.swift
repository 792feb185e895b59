import JSON
/// One imaging study of the work-up: the modality, whether required/preferred, and the
/// recommendation behind it.
struct ImagingStudy: Sendable {
    let spec: ImagingItemSpec
    let recommendation: Recommendation
    /// Set when the study is exactly its rule's item with the rule's pack words.
    private let prebuilt: JSONValue?

    init(spec: ImagingItemSpec, recommendation: Recommendation, prebuilt: JSONValue? = nil) {
        self.spec = spec
        self.recommendation = recommendation
        self.prebuilt = prebuilt
    }

    var json: JSONValue {
        if let prebuilt {
            assert(prebuilt == computedJSON, "a stale prebuilt imaging study")
            return prebuilt
        }
        return computedJSON
    }

    private var computedJSON: JSONValue {
        recommendation.json(leading: [
            JSONMember("modality", .string(spec.modality.rawValue)),
            JSONMember("required", .bool(spec.required)),
            JSONMember("preferred", .bool(spec.preferred)),
        ])
    }

    /// "chest CT (required)".
    var shortText: String {
        let name =
            switch spec.modality {
            case .mri: "MRI"
            case .ct: "CT"
            case .spiralCT: "spiral CT"
            case .chestRadiograph: "chest radiograph"
            case .chestCT: "chest CT"
            case .liverImaging: "liver imaging"
            case .petCT: "PET-CT"
            }
        return spec.required ? "\(name) (required)" : name
    }
}
