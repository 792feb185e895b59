import SarcomaGuidelines

/// Opens prefetch values: a Bundle's entry resources, or a single resource. Null values
/// (the EHR could not run the query) and OperationOutcomes (it failed) carry no data.
enum FHIRPrefetch {
    static func resources(in value: JSONValue) -> [JSONObject] {
        guard case .object(let object) = value, let type = object["resourceType"]?.stringValue else { return [] }
        switch type {
        case "Bundle":
            return (object["entry"]?.arrayValue ?? []).flatMap { entry in
                entry.objectValue?["resource"].map(resources(in:)) ?? []
            }
        case "OperationOutcome":
            return []
        default:
            return [object]
        }
    }
}
