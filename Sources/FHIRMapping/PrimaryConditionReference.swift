import JSON

/// The primary cancer Condition an export is about: mCODE STU3 makes the stage group's
/// `focus` 1..1 (a Reference to PrimaryCancerCondition). The store keeps no FHIR ids, so
/// either the caller names the Condition (`Condition/<id>`), or the case's `externalId` (the
/// Condition's business identifier `system|value`, which the import sets) is written as a
/// logical reference (`Reference.identifier`), which an EHR resolves to its own Condition.
public struct PrimaryConditionReference: Sendable, Equatable {
    /// The FHIR Reference object.
    public let json: JSONValue

    /// `Condition/<id>`, as given.
    public static func literal(_ reference: String) -> PrimaryConditionReference {
        PrimaryConditionReference(json: ["reference": .string(reference)])
    }

    /// `system|value` (or a bare value, as the import writes an identifier without a system).
    public static func identifier(_ externalId: String) -> PrimaryConditionReference {
        var identifier = JSONObject()
        if let bar = externalId.lastIndex(of: "|") {
            let system = String(externalId[..<bar])
            if !system.isEmpty { identifier["system"] = .string(system) }
            identifier["value"] = .string(String(externalId[externalId.index(after: bar)...]))
        } else {
            identifier["value"] = .string(externalId)
        }
        return PrimaryConditionReference(json: ["type": "Condition", "identifier": .object(identifier)])
    }
}
