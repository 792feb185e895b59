import JSON
/// A pack answered with contract 2 (`pack.json` `format: 2`, pack 2026.12-1 and later): its
/// manifest plus the stand-alone tables of clinical-rules v2 (source register, histology
/// classes, systemic table). Loaded and validated as a whole, like `GuidelinePack`, and kept
/// beside the contract-1 pack so `/v1` answers stay those of 2026.11-1 (contract delta §0).
public final class GuidelinePackV2: Sendable {
    /// The files of a contract-2 pack, in load order (the register first: tables cite it).
    public static let fileNames = [
        "pack.json", SourceRegister.fileName, HistologyClassTable.fileName, SystemicTable.fileName,
        StagingTableV2.fileName, MarginTableV2.fileName, ImagingTableV2.fileName, PerioperativeTableV2.fileName,
        GuidelineCatalogue.fileName,
    ]

    static let supportedFormat = 2

    public let id: String
    public let version: String
    public let label: String
    /// The release instant (RFC 3339), announced by `/v1` as its `Deprecation` date.
    public let releasedAt: String
    public let register: SourceRegister
    public let classes: HistologyClassTable
    public let systemic: SystemicTable
    /// Staging (§4), biopsy and margins (§5), imaging (§6) and local therapy (§7).
    public let staging: StagingTableV2
    public let margins: MarginTableV2
    public let imaging: ImagingTableV2
    public let perioperative: PerioperativeTableV2
    /// The rules no family file describes, the decisions, readings and open items (`/v2/guidelines`).
    public let catalogue: GuidelineCatalogue

    init(
        id: String, version: String, label: String, releasedAt: String, register: SourceRegister,
        classes: HistologyClassTable, systemic: SystemicTable, staging: StagingTableV2, margins: MarginTableV2,
        imaging: ImagingTableV2,
        perioperative: PerioperativeTableV2, catalogue: GuidelineCatalogue
    ) {
        self.id = id
        self.version = version
        self.label = label
        self.releasedAt = releasedAt
        self.register = register
        self.classes = classes
        self.systemic = systemic
        self.staging = staging
        self.margins = margins
        self.imaging = imaging
        self.perioperative = perioperative
        self.catalogue = catalogue
    }

    /// The contract this pack is answered with.
    public var contract: Int { 2 }

    public static func load(files: [String: [UInt8]]) throws(GuidelinePackError) -> GuidelinePackV2 {
        if let stray = files.keys.sorted().first(where: { !fileNames.contains($0) }) {
            throw GuidelinePackError(
                file: stray, location: "",
                reason: "is not a file of this pack format (expected \(fileNames.joined(separator: ", ")))")
        }
        func bytes(_ name: String) throws(GuidelinePackError) -> [UInt8] {
            guard let bytes = files[name] else {
                throw GuidelinePackError(file: name, location: "", reason: "is missing from the pack")
            }
            return bytes
        }
        var reader = try PackNode.document(try bytes("pack.json"), file: "pack.json").object()
        let formatNode = try reader.required("format")
        let format = try formatNode.integer()
        guard format == supportedFormat else {
            throw formatNode.failure("is \(format); a contract-2 pack has format \(supportedFormat)")
        }
        let id = try reader.string("id")
        let label = try reader.string("label")
        let version = try reader.string("version")
        let contractNode = try reader.required("contract")
        guard try contractNode.integer() == 2 else { throw contractNode.failure("must be 2 for a format-2 pack") }
        let releasedAtNode = try reader.required("releasedAt")
        let releasedAt = try releasedAtNode.string()
        guard PackVersion.isInstant(releasedAt) else {
            throw releasedAtNode.failure("\"\(releasedAt)\" is not an RFC 3339 UTC instant (YYYY-MM-DDTHH:MM:SSZ)")
        }
        _ = try reader.string("rules")
        let listed = try reader.required("files")
        guard try listed.strings() == Array(fileNames.dropFirst()) else {
            throw listed.failure("must list \(fileNames.dropFirst().joined(separator: ", ")) in load order")
        }
        try reader.finish()

        let register = try SourceRegister.load(bytes: try bytes(SourceRegister.fileName))
        let classes = try HistologyClassTable.load(bytes: try bytes(HistologyClassTable.fileName), register: register)
        let systemic = try SystemicTable.load(
            bytes: try bytes(SystemicTable.fileName), classes: classes, register: register)
        let staging = try StagingTableV2.load(bytes: try bytes(StagingTableV2.fileName), register: register)
        let margins = try MarginTableV2.load(bytes: try bytes(MarginTableV2.fileName), register: register)
        let imaging = try ImagingTableV2.load(bytes: try bytes(ImagingTableV2.fileName), register: register)
        let perioperative = try PerioperativeTableV2.load(
            bytes: try bytes(PerioperativeTableV2.fileName), register: register)
        let books = [staging.book, margins.book, imaging.book, perioperative.book]
        let catalogue = try GuidelineCatalogue.load(
            bytes: try bytes(GuidelineCatalogue.fileName), register: register,
            described: books.flatMap { $0.rules.map(\.ruleId) },
            cited: citedRules(classes: classes, systemic: systemic, books: books))
        return GuidelinePackV2(
            id: id, version: version, label: label, releasedAt: releasedAt, register: register,
            classes: classes, systemic: systemic, staging: staging, margins: margins, imaging: imaging,
            perioperative: perioperative, catalogue: catalogue)
    }

    /// Every rule id the tables name (rows, withholdings, step reasons, class rows, decisions),
    /// with the file that names it: each must have a status (`GuidelineCatalogue`).
    private static func citedRules(classes: HistologyClassTable, systemic: SystemicTable, books: [RuleBookV2])
        -> [(ruleId: String, by: String)]
    {
        var cited: [(ruleId: String, by: String)] = []
        func add(_ ids: [String], _ by: String) { cited += ids.map { ($0, by) } }
        add(systemic.rows.map(\.ruleId), "\(SystemicTable.fileName) rows")
        add(systemic.withholdings.map(\.ruleId), "\(SystemicTable.fileName) withholdings")
        add(systemic.stepReasons.values.compactMap(\.ruleId), "\(SystemicTable.fileName) stepReasons")
        add(systemic.investigational.map(\.ruleId), "\(SystemicTable.fileName) investigational")
        add(systemic.decisions.flatMap(\.ruleIds), "\(SystemicTable.fileName) decisions")
        add(classes.outOfScope.map(\.ruleId), "\(HistologyClassTable.fileName) outOfScope")
        for row in classes.rows + [classes.notGiven] {
            add(row.systemicRules + row.imagingAddOns.map(\.ruleId), "\(HistologyClassTable.fileName) histologies")
            add(row.infiltrativeRuleId.map { [$0] } ?? [], "\(HistologyClassTable.fileName) histologies")
        }
        add(classes.decisions.flatMap(\.ruleIds), "\(HistologyClassTable.fileName) decisions")
        for book in books { add(book.decisions.flatMap(\.ruleIds), "a family file's decisions") }
        return cited
    }

    /// The listed rules in family order (scope to rendering), each family in file order.
    public var listedRules: [RuleTextV2] {
        let all =
            catalogue.rules + staging.book.rules + margins.book.rules + imaging.book.rules + perioperative.book.rules
        return all.enumerated().sorted { left, right in
            let (a, b) = (RuleFamily.rank(left.element.ruleId), RuleFamily.rank(right.element.ruleId))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }
}
