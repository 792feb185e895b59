import JSON
import CaseStore
import SarcomaGuidelines

/// The JSON a client sees for a stored case: `id` first, then the case as it was stored,
/// then the server-managed `createdAt`, `updatedAt` and `version`.
enum StoredCaseRepresentation {
    static func json(_ stored: StoredCase) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(stored.id)
        if case .object(let document)? = try? JSONParser().parse(stored.document) {
            for member in document.members { object[member.key] = member.value }
        }
        object["createdAt"] = .string(stored.createdAt)
        object["updatedAt"] = .string(stored.updatedAt)
        object["version"] = .number(Double(stored.version))
        return .object(object)
    }

    /// Strong validator: a stored case's representation changes exactly when its version does.
    static func etag(_ stored: StoredCase) -> String { "\"\(stored.id.prefix(8))-v\(stored.version)\"" }
}
