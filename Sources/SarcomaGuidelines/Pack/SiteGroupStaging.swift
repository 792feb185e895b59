/// How one AJCC site group is staged (`staging.json`, one block per group): which sites it
/// covers, how T is found, and its stage-group table or the reason it has none.
final class SiteGroupStaging: Sendable {
    /// How T is derived; the machinery for each lives in the engine, the thresholds here.
    enum TMethod: Sendable {
        /// Greatest dimension only (trunk/extremity, retroperitoneum).
        case size(ThresholdScale<TCategory>)
        /// Size, overridden by invasion findings; earlier lists win (T4b before T4a).
        case sizeAndInvasion(ThresholdScale<TCategory>, [InvasionT])
        /// Organ extent, overridden by multifocality from `multifocalFrom` sites upwards.
        case visceralExtent([VisceralExtent: TCategory], multifocalFrom: Int, multifocal: ThresholdScale<TCategory>)
    }

    struct InvasionT: Sendable {
        var t: TCategory
        var findings: Set<HeadNeckInvasion>
    }

    /// The block's key in `staging.json` (`trunkExtremity`).
    let key: String
    /// The wire value of `siteGroup` (`trunk_extremity`).
    let id: String
    /// Words for rationales and plain text (`trunk/extremity`).
    let label: String
    let sites: [Site]
    let ruleID: RuleID
    /// The group's T categories, TX excluded.
    let tCategories: [TCategory]
    let tMethod: TMethod
    let stageTable: StageGroupTable?
    /// Why this site group has no stage groups (AJCC 8 defines none).
    let noStageGroupReason: String?

    /// A class: the rules iterate these rows on every evaluation, and a reference is one retain.
    init(
        key: String, id: String, label: String, sites: [Site], ruleID: RuleID, tCategories: [TCategory],
        tMethod: TMethod, stageTable: StageGroupTable?, noStageGroupReason: String?
    ) {
        self.key = key
        self.id = id
        self.label = label
        self.sites = sites
        self.ruleID = ruleID
        self.tCategories = tCategories
        self.tMethod = tMethod
        self.stageTable = stageTable
        self.noStageGroupReason = noStageGroupReason
    }
}

extension SiteGroupStaging {
    static func load(_ node: PackNode, key: String, catalogue: RuleCatalogue) throws(GuidelinePackError)
        -> SiteGroupStaging
    {
        var reader = try node.object()
        let id = try reader.string("id")
        let label = try reader.string("label")
        let sites = try reader.required("sites").codes(Site.self, "a site")
        let ruleID = try catalogue.ruleID(try reader.required("ruleId"))
        let tNode = try reader.required("tCategories")
        let tCategories = try tNode.codes(TCategory.self, "a T category")
        if tCategories.contains(.tx) { throw tNode.failure("lists TX, which every site group has implicitly") }

        let tValue: (PackNode) throws(GuidelinePackError) -> TCategory = { node throws(GuidelinePackError) in
            let t = try node.code(TCategory.self, "a T category")
            guard tCategories.contains(t) else {
                throw node.failure("gives \(t.rawValue), which is not in tCategories")
            }
            return t
        }
        let method: TMethod
        let byNode = try reader.required("tBy")
        switch try byNode.string() {
        case "size":
            method = .size(try ThresholdScale.load(try reader.required("sizeT"), value: tValue))
        case "size_and_invasion":
            let scale = try ThresholdScale.load(try reader.required("sizeT"), value: tValue)
            method = .sizeAndInvasion(scale, try loadInvasions(try reader.required("invasionT"), tValue: tValue))
        case "visceral_extent":
            let extentNode = try reader.required("extentT")
            var extentReader = try extentNode.object()
            var extent: [VisceralExtent: TCategory] = [:]
            for code in VisceralExtent.allCases { extent[code] = try tValue(try extentReader.required(code.rawValue)) }
            try extentReader.finish()
            var multiReader = try reader.required("multifocalT").object()
            let fromNode = try multiReader.required("fromSites")
            let from = try fromNode.integer()
            if from < 2 { throw fromNode.failure("must be at least 2: one site is not multifocal") }
            let scale = try ThresholdScale.load(try multiReader.required("bySites"), value: tValue)
            try multiReader.finish()
            method = .visceralExtent(extent, multifocalFrom: from, multifocal: scale)
        case let other:
            throw byNode.failure("\"\(other)\" is not a T method (size, size_and_invasion, visceral_extent)")
        }

        let rowsNode = try reader.nullable("rows")
        let table = try rowsNode.map { node throws(GuidelinePackError) in
            try StageGroupTable.load(node, tValues: tCategories + [.tx])
        }
        let reasonNode = reader.optional("noStageGroupReason")
        let reason = try reasonNode?.string()
        if table == nil, reason == nil { throw node.failure("has null rows but no \"noStageGroupReason\"") }
        if table != nil, let reasonNode { throw reasonNode.failure("is only for site groups without rows") }
        try reader.finish()
        return SiteGroupStaging(
            key: key, id: id, label: label, sites: sites, ruleID: ruleID, tCategories: tCategories,
            tMethod: method, stageTable: table, noStageGroupReason: reason)
    }

    /// Every head-and-neck finding must be listed exactly once.
    private static func loadInvasions(
        _ node: PackNode, tValue: (PackNode) throws(GuidelinePackError) -> TCategory
    ) throws(GuidelinePackError) -> [InvasionT] {
        var result: [InvasionT] = []
        var seen: Set<HeadNeckInvasion> = []
        for item in try node.nonEmptyArray() {
            var reader = try item.object()
            let t = try tValue(try reader.required("t"))
            let findingsNode = try reader.required("findings")
            let findings = try findingsNode.codes(HeadNeckInvasion.self, "a head-and-neck invasion finding")
            try reader.finish()
            if let repeated = findings.first(where: { seen.contains($0) }) {
                throw findingsNode.failure("repeats \(repeated.rawValue), listed in an earlier row")
            }
            seen.formUnion(findings)
            result.append(InvasionT(t: t, findings: Set(findings)))
        }
        if let missing = HeadNeckInvasion.allCases.first(where: { !seen.contains($0) }) {
            throw node.failure("does not place the finding \(missing.rawValue)")
        }
        return result
    }
}
