import Foundation

extension CaseStore {
    /// Stores a new case at version 1; durable when this returns.
    /// `.duplicateExternalId` when another case holds the externalId.
    public func create(_ input: CaseInput) throws(CaseStoreError) -> StoredCase {
        let id = UUID().uuidString.lowercased()
        return try writer.perform { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).insert(input, id: id, now: Timestamp.now())
        }
    }

    /// The case, or nil when absent.
    public func get(id: String) throws(CaseStoreError) -> StoredCase? {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).find(id: id)
        }
    }

    /// Replaces the whole case and bumps its version; durable when this returns.
    /// `.notFound`, `.versionMismatch(current:)` when `expectedVersion` is given and stale,
    /// `.duplicateExternalId` when another case holds the new externalId.
    public func replace(id: String, with input: CaseInput, expectedVersion: Int?) throws(CaseStoreError) -> StoredCase {
        try writer.perform { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).replace(
                id: id, with: input, expectedVersion: expectedVersion, now: Timestamp.now())
        }
    }

    /// Deletes the case and its evaluations; durable when this returns.
    /// `.notFound`, or `.versionMismatch(current:)` when `expectedVersion` is given and stale.
    public func delete(id: String, expectedVersion: Int?) throws(CaseStoreError) {
        try writer.perform { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).delete(id: id, expectedVersion: expectedVersion)
        }
    }

    /// One page of cases in creation order; `.invalidCursor` for a cursor not issued here.
    public func list(_ query: CaseListQuery) throws(CaseStoreError) -> CasePage {
        try readers.withConnection { (database) throws(CaseStoreError) in
            try CaseRepository(database: database).page(query)
        }
    }
}
