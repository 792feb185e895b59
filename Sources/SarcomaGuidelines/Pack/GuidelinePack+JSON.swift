import JSON
/// The `GET /v1/guidelines` body: what a clinician needs to review the pack in force.
extension GuidelinePack {
    public var json: JSONValue {
        let sourceList: [JSONValue] = sources.map {
            ["name": .string($0.name), "description": .string($0.description)]
        }
        let ruleList: [JSONValue] = rules.map {
            [
                "id": .string($0.id), "family": .string($0.family), "summary": .string($0.summary),
                "source": .string($0.source),
            ]
        }
        let decisionList: [JSONValue] = decisions.map {
            [
                "id": .string($0.id), "ruleIds": .array($0.ruleIds.map { .string($0.rawValue) }),
                "decision": .string($0.decision), "reason": .string($0.reason),
            ]
        }
        let groups: [JSONValue] = staging.siteGroups.map {
            [
                "siteGroup": .string($0.id), "label": .string($0.label),
                "sites": .array($0.sites.map { .string($0.rawValue) }),
                "ruleId": .string($0.ruleID.rawValue), "hasStageGroups": .bool($0.stageTable != nil),
            ]
        }
        return [
            "guidelineVersion": .string(version),
            "packId": .string(id),
            "label": .string(label),
            "ajccEdition": .number(Double(staging.ajccEdition)),
            "files": .array(Self.fileNames.map { .string($0) }),
            "sources": .array(sourceList),
            "siteGroups": .array(groups),
            "rules": .array(ruleList),
            "decisions": .array(decisionList),
        ]
    }
}
