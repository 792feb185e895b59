/// The imaging rules of pack 2026.12-1 (`imaging.json`, clinical rules §6): each rule's words,
/// sources and studies, in the table order `metastaticWorkup` follows.
public struct ImagingTableV2: Sendable {
    public static let fileName = "imaging.json"

    static let ruleIds = [
        "IMG-PRIMARY-EXTREMITY-HN", "IMG-PRIMARY-ABDOMEN-CHEST", "IMG-LIVER", "IMG-CHEST-XR", "IMG-CHEST-CT",
        "IMG-DFSP", "IMG-MLS", "IMG-BRAIN", "IMG-NODAL-RISK", "IMG-PET-RECURRENT", "IMG-PET-OPTIONAL",
        "IMG-PET-RESPONSE",
    ]

    public let book: RuleBookV2
    public let items: [String: [ImagingItemRow]]
    public let petThresholdPercent: Double

    func items(_ ruleId: String) -> [ImagingItemRow] { items[ruleId] ?? [] }

    public static func load(bytes: [UInt8], register: SourceRegister) throws(GuidelinePackError) -> ImagingTableV2 {
        let node = try PackNode.document(bytes, file: fileName)
        var reader = try node.object()
        _ = try reader.string("packVersion")
        _ = try reader.string("about")
        let rulesNode = try reader.required("rules")
        var rules: [(RuleTextV2, PackNode)] = []
        var items: [String: [ImagingItemRow]] = [:]
        var threshold: Double?
        for item in try rulesNode.nonEmptyArray() {
            var itemReader = try item.object()
            let rule = try RuleTextV2.load(from: &itemReader, node: item, register: register)
            var rows: [ImagingItemRow] = []
            for study in try itemReader.required("items").array() { rows.append(try ImagingItemRow.load(study)) }
            items[rule.ruleId] = rows
            if let thresholdNode = itemReader.optional("thresholdPercent") { threshold = try thresholdNode.number() }
            try itemReader.finish()
            rules.append((rule, item))
        }
        let book = try RuleBookV2.make(
            rules, rulesNode: rulesNode, decisions: try reader.required("decisions"), required: ruleIds)
        try reader.finish()
        for id in ruleIds where !id.hasPrefix("IMG-PET-") || id == "IMG-PET-RECURRENT" {
            if items[id]?.isEmpty ?? true { throw rulesNode.failure("give no study for \(id)") }
        }
        guard let threshold else { throw rulesNode.failure("give no thresholdPercent (IMG-PET-RESPONSE)") }
        return ImagingTableV2(book: book, items: items, petThresholdPercent: threshold)
    }
}
