/// The advisory locks the store takes, as `(classid, objid)` pairs of `pg_advisory_lock`.
/// Keys are per database, so every replica on one database shares them.
enum PostgresLock {
    /// "SARC": the class of every lock of this service.
    static let serviceClass: Int = 0x5341_5243

    /// Held (session lock) while one process migrates: a second replica starting at the same
    /// time waits, then finds nothing left to apply.
    static let migrate = 1

    /// Held (transaction lock) by every write until it commits, so writes commit in the order
    /// they draw `seq` values: a page cursor can never pass a row that commits later with a
    /// lower `seq`, and an audit row's `at` never goes back along `seq`, across replicas.
    static let writeOrder = 2
}
