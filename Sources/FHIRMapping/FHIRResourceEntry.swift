import JSON
import SarcomaGuidelines

/// One resource of a FHIR payload and where it sits in that payload (`/entry/3/resource` in
/// a Bundle, `""` for a lone resource, `/2` in an array of resources), so that everything the
/// mapper says can point back into the document the client sent.
public struct FHIRResourceEntry: Sendable, Equatable {
    public var resource: JSONObject
    /// RFC 6901 pointer to the resource inside the payload.
    public var pointer: JSONPointer
    /// `Bundle.entry.fullUrl`, when the resource came from a Bundle entry that has one.
    public var fullUrl: String?

    public init(resource: JSONObject, pointer: JSONPointer, fullUrl: String? = nil) {
        self.resource = resource
        self.pointer = pointer
        self.fullUrl = fullUrl
    }

    public var resourceType: String? { resource["resourceType"]?.stringValue }
    public var id: String? { resource["id"]?.stringValue }

    /// `Observation/abc` (or `Observation` when the resource has no id): how reports name it.
    public var label: String {
        let type = resourceType ?? "resource"
        return id.map { "\(type)/\($0)" } ?? type
    }

    /// The pointer to `path` inside this resource.
    public func pointer(_ path: String...) -> JSONPointer {
        JSONPointer(tokens: pointer.tokens + path)
    }
}
