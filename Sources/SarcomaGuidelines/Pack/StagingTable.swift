/// AJCC 8 staging knowledge (`staging.json`): one block per site group, together covering
/// every site exactly once.
final class StagingTable: Sendable {
    let ajccEdition: Int
    let siteGroups: [SiteGroupStaging]
    /// The block keys the engine reads, in file order.
    static let groupKeys = ["trunkExtremity", "retroperitoneum", "headNeck", "visceral"]

    func group(for site: Site) -> SiteGroupStaging {
        // Load guarantees exactly one group per site.
        siteGroups.first { $0.sites.contains(site) } ?? siteGroups[0]
    }

    static func load(_ node: PackNode, catalogue: RuleCatalogue) throws(GuidelinePackError) -> StagingTable {
        var reader = try node.object()
        let editionNode = try reader.required("ajccEdition")
        let edition = try editionNode.integer()
        if edition != 8 { throw editionNode.failure("is \(edition): this engine applies AJCC 8 tables only") }
        var groups: [SiteGroupStaging] = []
        var siteOwner: [Site: String] = [:]
        for key in groupKeys {
            let groupNode = try reader.required(key)
            let group = try SiteGroupStaging.load(groupNode, key: key, catalogue: catalogue)
            for site in group.sites {
                if let owner = siteOwner[site] {
                    throw groupNode.failure("claims site \(site.rawValue), already staged by \(owner)")
                }
                siteOwner[site] = key
            }
            if let other = groups.first(where: { $0.id == group.id || $0.ruleID == group.ruleID }) {
                throw groupNode.failure("repeats the id or rule of \(other.key)")
            }
            groups.append(group)
        }
        if let missing = Site.allCases.first(where: { siteOwner[$0] == nil }) {
            throw node.failure("stages no group for site \(missing.rawValue)")
        }
        try reader.finish()
        return StagingTable(ajccEdition: edition, siteGroups: groups)
    }

    /// A class: read on every evaluation, shared by reference rather than copied field by field.
    init(ajccEdition: Int, siteGroups: [SiteGroupStaging]) {
        self.ajccEdition = ajccEdition
        self.siteGroups = siteGroups
    }
}
