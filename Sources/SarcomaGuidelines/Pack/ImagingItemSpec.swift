/// One imaging study as a rule lists it: the modality and whether it is required and/or the
/// preferred study.
struct ImagingItemSpec: Sendable {
    var modality: ImagingModality
    var required: Bool
    var preferred: Bool

    static func load(_ node: PackNode) throws(GuidelinePackError) -> ImagingItemSpec {
        var reader = try node.object()
        let spec = ImagingItemSpec(
            modality: try reader.required("modality").code(ImagingModality.self, "an imaging modality"),
            required: try reader.required("required").bool(),
            preferred: try reader.required("preferred").bool())
        try reader.finish()
        return spec
    }
}
