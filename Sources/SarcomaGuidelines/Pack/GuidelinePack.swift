import JSON
/// A versioned guideline pack: the clinical knowledge (thresholds, stage-group tables, margin,
/// imaging and therapy tables, categories, evidence, the rule catalogue) as reviewed data.
///
/// `load(files:)` validates everything before the engine may use it and refuses the whole
/// pack on the first problem, naming the file and the row or key; the files arrive as bytes
/// (the engine does no file I/O). A class: immutable once loaded, and shared by reference
/// instead of copying a dozen tables wherever a rule reads it.
public final class GuidelinePack: Sendable {
    /// The files a pack consists of, in load order (the catalogue first: tables cite it).
    public static let fileNames = [
        "pack.json", "grading.json", "staging.json", "margins.json", "imaging.json",
        "perioperative.json", "palliative.json",
    ]

    /// Pack `format` versions this engine reads.
    static let supportedFormat = 1

    public let id: String
    /// `guidelineVersion` in every response, e.g. "2026.11-1".
    public let version: String
    public let label: String
    let sources: [(name: String, description: String)]
    let catalogue: RuleCatalogue
    let decisions: [PackDecision]
    let grading: GradingTable
    let staging: StagingTable
    let margins: MarginTable
    let imaging: ImagingTable
    let perioperative: PerioperativeTable
    let palliative: PalliativeTable

    init(
        id: String, version: String, label: String, sources: [(name: String, description: String)],
        catalogue: RuleCatalogue, decisions: [PackDecision], grading: GradingTable, staging: StagingTable,
        margins: MarginTable, imaging: ImagingTable, perioperative: PerioperativeTable, palliative: PalliativeTable
    ) {
        self.id = id
        self.version = version
        self.label = label
        self.sources = sources
        self.catalogue = catalogue
        self.decisions = decisions
        self.grading = grading
        self.staging = staging
        self.margins = margins
        self.imaging = imaging
        self.perioperative = perioperative
        self.palliative = palliative
    }

    /// The rule catalogue, in pack order.
    public var rules: [GuidelineRule] { catalogue.rules }

    public static func load(files: [String: [UInt8]]) throws(GuidelinePackError) -> GuidelinePack {
        if let stray = files.keys.sorted().first(where: { !fileNames.contains($0) }) {
            throw GuidelinePackError(
                file: stray, location: "",
                reason: "is not a file of this pack format (expected \(fileNames.joined(separator: ", ")))")
        }
        func document(_ name: String) throws(GuidelinePackError) -> PackNode {
            guard let bytes = files[name] else {
                throw GuidelinePackError(file: name, location: "", reason: "is missing from the pack")
            }
            do {
                return PackNode(value: try JSONParser(maxDepth: 32).parse(bytes), file: name)
            } catch {
                throw GuidelinePackError(file: name, location: "", reason: "is not valid JSON: \(error)")
            }
        }

        var reader = try document("pack.json").object()
        let formatNode = try reader.required("format")
        let format = try formatNode.integer()
        guard format == supportedFormat else {
            throw formatNode.failure("is \(format); this engine reads pack format \(supportedFormat)")
        }
        let id = try reader.string("id")
        let label = try reader.string("label")
        let version = try reader.string("version")
        let sources = try loadSources(try reader.required("sources"))
        let catalogue = try RuleCatalogue.load(try reader.required("rules"), sources: Set(sources.map(\.name)))
        let decisions = try loadDecisions(try reader.required("decisions"), catalogue: catalogue)
        try reader.finish()

        return GuidelinePack(
            id: id, version: version, label: label, sources: sources, catalogue: catalogue, decisions: decisions,
            grading: try GradingTable.load(try document("grading.json"), catalogue: catalogue),
            staging: try StagingTable.load(try document("staging.json"), catalogue: catalogue),
            margins: try MarginTable.load(try document("margins.json"), catalogue: catalogue),
            imaging: try ImagingTable.load(try document("imaging.json"), catalogue: catalogue),
            perioperative: try PerioperativeTable.load(try document("perioperative.json"), catalogue: catalogue),
            palliative: try PalliativeTable.load(try document("palliative.json"), catalogue: catalogue))
    }

    private static func loadSources(_ node: PackNode) throws(GuidelinePackError) -> [(
        name: String, description: String
    )] {
        var sources: [(name: String, description: String)] = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let name = try reader.string("name")
            if sources.contains(where: { $0.name == name }) { throw item.failure("repeats source \"\(name)\"") }
            sources.append((name, try reader.string("description")))
            try reader.finish()
        }
        return sources
    }

    private static func loadDecisions(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError)
        -> [PackDecision]
    {
        var decisions: [PackDecision] = []
        for item in try node.array() {
            var reader = try item.object()
            let idNode = try reader.required("id")
            let id = try idNode.string()
            if decisions.contains(where: { $0.id == id }) { throw idNode.failure("repeats decision id \"\(id)\"") }
            var ruleIDs: [RuleID] = []
            for ruleNode in try reader.required("ruleIds").array() { ruleIDs.append(try catalogue.ruleID(ruleNode)) }
            decisions.append(
                PackDecision(
                    id: id, ruleIds: ruleIDs, decision: try reader.string("decision"),
                    reason: try reader.string("reason")))
            try reader.finish()
        }
        return decisions
    }
}
