import UTCTime
extension PostgresCaseStore {
    /// Records one row per entry, all in one transaction; committed when this returns.
    /// An empty array records nothing and returns at once.
    @discardableResult
    public func recordAudit(_ entries: [AuditEntry]) throws(CaseStoreError) -> [AuditRecord] {
        guard !entries.isEmpty else { return [] }
        return try write { (database) throws(CaseStoreError) in
            let repository = PostgresAuditRepository(database: database)
            let now = UTCInstant.now().rfc3339
            var records: [AuditRecord] = []
            for entry in entries {
                records.append(try repository.insert(entry, now: now))
            }
            return records
        }
    }

    /// One page of the trail in recording order; `.invalidCursor` for a cursor not issued by
    /// this listing.
    public func auditTrail(_ query: AuditQuery) throws(CaseStoreError) -> AuditPage {
        try pool.read(snapshot: true) { (database) throws(CaseStoreError) in
            try PostgresAuditRepository(database: database).page(query)
        }
    }
}
