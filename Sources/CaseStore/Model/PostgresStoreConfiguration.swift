/// How the PostgreSQL store reaches its database and uses it. Every limit has a safe default.
public struct PostgresStoreConfiguration: Sendable, Equatable {
    /// The database, passed to libpq as given (`sslmode`, `host=/socket/dir`, ...).
    public var url: PostgresURL
    /// The folder of PostgreSQL-dialect `NNNN_name.sql` files (the shipped `Migrations/postgres`).
    public var migrationsDirectory: String
    /// Most connections this process opens; callers beyond it wait for one to come back.
    public var poolSize: Int
    /// How long a write waits for a row lock, or a caller for a pooled connection, before `.busy`.
    public var lockTimeoutMilliseconds: Int
    /// How long opening a connection may take, unless the URL sets `connect_timeout` itself.
    public var connectTimeoutSeconds: Int
    /// Most writes committed together in one transaction (as `CaseStoreConfiguration.maxBatch`).
    public var maxBatch: Int

    public static let defaultPoolSize = 8

    public init(
        url: PostgresURL, migrationsDirectory: String, poolSize: Int = PostgresStoreConfiguration.defaultPoolSize,
        lockTimeoutMilliseconds: Int = 5000, connectTimeoutSeconds: Int = 5, maxBatch: Int = 64
    ) {
        self.url = url
        self.migrationsDirectory = migrationsDirectory
        self.poolSize = poolSize
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.maxBatch = maxBatch
    }
}
