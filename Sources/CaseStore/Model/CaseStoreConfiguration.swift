/// Where the database lives and how the store uses it. Every limit has a safe default.
public struct CaseStoreConfiguration: Sendable, Equatable {
    /// The SQLite file; its folder is created when missing. `-wal` and `-shm` files sit beside it.
    public var path: String
    /// The folder of `NNNN_name.sql` files applied at open.
    public var migrationsDirectory: String
    /// How long a connection waits for another process's lock before `.busy`.
    public var busyTimeoutMilliseconds: Int
    /// Read connections in the pool; readers beyond this wait for a free one.
    public var readConnections: Int
    /// Most writes committed together in one transaction (one WAL sync).
    public var maxBatch: Int

    public static let defaultPath = "./data/sarcoma-guide.sqlite"
    public static let defaultMigrationsDirectory = "./Migrations"

    public init(
        path: String = CaseStoreConfiguration.defaultPath,
        migrationsDirectory: String = CaseStoreConfiguration.defaultMigrationsDirectory,
        busyTimeoutMilliseconds: Int = 5000,
        readConnections: Int = 4,
        maxBatch: Int = 64
    ) {
        self.path = path
        self.migrationsDirectory = migrationsDirectory
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.readConnections = readConnections
        self.maxBatch = maxBatch
    }
}
