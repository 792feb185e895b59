import JSON
/// Every guideline pack the service has loaded, one per version folder of `Config/guidelines/`
/// (`2026.11-1/`, `2026.12-1/`, …), each validated whole before the service starts.
///
/// Packs live side by side so a past answer stays reproducible: `/v1` evaluates with the
/// newest contract-1 pack (2026.11-1) forever, while contract-2 packs are chosen by version
/// (contract delta §0.2). The folder name must equal the pack's `version`, so the path a
/// reviewer reads is the version an answer names.
public struct GuidelineLibrary: Sendable {
    /// Contract-1 packs (the v1 engine's pack format), oldest first.
    public let contractOne: [GuidelinePack]
    /// Contract-2 packs, oldest first.
    public let contractTwo: [GuidelinePackV2]

    /// The pack `/v1` answers with: the newest contract-1 pack.
    public var v1Pack: GuidelinePack { contractOne[contractOne.count - 1] }

    /// The default pack of the v2 entry points: the newest contract-2 pack, if any is loaded.
    public var newestContractTwo: GuidelinePackV2? { contractTwo.last }

    /// Every loaded version, oldest first.
    public var versions: [String] {
        (contractOne.map(\.version) + contractTwo.map(\.version)).sorted(by: PackVersion.precedes)
    }

    public func contractOnePack(version: String) -> GuidelinePack? { contractOne.first { $0.version == version } }

    public func contractTwoPack(version: String) -> GuidelinePackV2? { contractTwo.first { $0.version == version } }

    /// Loads one pack per folder: `folders` maps a folder name to its files by name. Errors
    /// name the folder with the file (`2026.12-1/systemic.json: …`).
    public static func load(folders: [String: [String: [UInt8]]]) throws(GuidelinePackError) -> GuidelineLibrary {
        guard !folders.isEmpty else {
            throw GuidelinePackError(
                file: "", location: "",
                reason: "holds no pack version folder (expected e.g. 2026.11-1/ with pack.json)")
        }
        var contractOne: [GuidelinePack] = []
        var contractTwo: [GuidelinePackV2] = []
        for folder in folders.keys.sorted() {
            let files = folders[folder] ?? [:]
            guard PackVersion.isWellFormed(folder) else {
                throw GuidelinePackError(
                    file: folder, location: "",
                    reason: "is not a pack version folder (expected year.month-revision, e.g. 2026.12-1)")
            }
            do {
                switch try format(of: files) {
                case 1:
                    let pack = try GuidelinePack.load(files: files)
                    try check(folder: folder, version: pack.version)
                    contractOne.append(pack)
                default:
                    let pack = try GuidelinePackV2.load(files: files)
                    try check(folder: folder, version: pack.version)
                    contractTwo.append(pack)
                }
            } catch {
                throw GuidelinePackError(
                    file: "\(folder)/\(error.file)", location: error.location, reason: error.reason)
            }
        }
        guard !contractOne.isEmpty else {
            throw GuidelinePackError(
                file: "", location: "",
                reason: "holds no contract-1 pack (format 1); the /v1 endpoints answer with pack 2026.11-1")
        }
        for pack in contractTwo { try checkPredecessor(of: pack, among: contractOne) }
        return GuidelineLibrary(
            contractOne: contractOne.sorted { PackVersion.precedes($0.version, $1.version) },
            contractTwo: contractTwo.sorted { PackVersion.precedes($0.version, $1.version) })
    }

    /// The `format` of a folder's `pack.json`, which decides how the rest is read.
    private static func format(of files: [String: [UInt8]]) throws(GuidelinePackError) -> Int {
        guard let bytes = files["pack.json"] else {
            throw GuidelinePackError(file: "pack.json", location: "", reason: "is missing from the pack")
        }
        var reader = try PackNode.document(bytes, file: "pack.json").object()
        let node = try reader.required("format")
        let format = try node.integer()
        guard format == GuidelinePack.supportedFormat || format == GuidelinePackV2.supportedFormat else {
            throw node.failure(
                "is \(format); this engine reads pack formats \(GuidelinePack.supportedFormat) and \(GuidelinePackV2.supportedFormat)"
            )
        }
        return format
    }

    /// A contract-2 pack revisits every decision of its contract-1 predecessor exactly once
    /// (kept, changed or retired; clinical rules §11), so `/v2/guidelines` omits none.
    private static func checkPredecessor(of pack: GuidelinePackV2, among contractOne: [GuidelinePack])
        throws(GuidelinePackError)
    {
        let catalogue = pack.catalogue
        let file = "\(pack.version)/\(GuidelineCatalogue.fileName)"
        guard let predecessor = contractOne.first(where: { $0.version == catalogue.predecessor }) else {
            throw GuidelinePackError(
                file: file, location: "predecessor",
                reason: "names \(catalogue.predecessor), which is not a loaded contract-1 pack")
        }
        let listed = catalogue.decisions.map(\.id) + catalogue.retiredDecisions.map(\.id)
        let expected = predecessor.decisions.map(\.id)
        if let stray = listed.first(where: { !expected.contains($0) }) {
            throw GuidelinePackError(
                file: file, location: "decisions",
                reason: "list \(stray), which pack \(predecessor.version) does not have")
        }
        if let missing = expected.first(where: { !listed.contains($0) }) {
            throw GuidelinePackError(
                file: file, location: "decisions",
                reason: "lack \(missing) of pack \(predecessor.version): keep, change or retire every v1 decision")
        }
    }

    private static func check(folder: String, version: String) throws(GuidelinePackError) {
        guard folder == version else {
            throw GuidelinePackError(
                file: "pack.json", location: "version",
                reason: "is \"\(version)\" but the folder is \(folder)/ (name the folder after the version)")
        }
    }
}
