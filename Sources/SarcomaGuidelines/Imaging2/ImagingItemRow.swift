/// One study an imaging rule lists (`imaging.json` `items`): modality, required, preferred,
/// and the sites it is limited to (nil = every site the rule covers).
public struct ImagingItemRow: Sendable, Equatable {
    public var modality: ImagingModalityV2
    public var required: Bool
    public var preferred: Bool
    public var sites: Set<Site>?

    static func load(_ node: PackNode) throws(GuidelinePackError) -> ImagingItemRow {
        var reader = try node.object()
        let modality = try reader.required("modality").code(ImagingModalityV2.self, "an imaging modality")
        let required = try reader.required("required").bool()
        let preferred = try reader.required("preferred").bool()
        let sites = try reader.nullable("sites").map { node throws(GuidelinePackError) in
            Set(try node.codes(Site.self, "a site"))
        }
        try reader.finish()
        return ImagingItemRow(modality: modality, required: required, preferred: preferred, sites: sites)
    }
}
