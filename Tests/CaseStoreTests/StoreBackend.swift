import Foundation
import TestSupport
import Testing

@testable import CaseStore

/// The databases the store contract tests run against. PostgreSQL is left out only when
/// initdb/pg_ctl are missing, and then a loud line says so; a cluster that fails to start
/// fails the tests instead.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let all: [StoreBackend] = {
        guard let reason = PostgresTestCluster.unavailableReason else { return [.sqlite, .postgres] }
        let banner = String(repeating: "!", count: 100)
        FileHandle.standardError.write(
            Data(
                "\n\(banner)\nCaseStoreTests: the PostgreSQL half of the store contract tests is SKIPPED: \(reason)\n\(banner)\n\n"
                    .utf8))
        return [.sqlite]
    }()

    var testDescription: String { rawValue }
}

/// A fresh, empty store location on one backend: a SQLite file in a temporary folder, or a
/// PostgreSQL schema of its own in the database of the calling suite (one database per test
/// file, created on first use, in the process's shared cluster).
struct TestStoreLocation {
    let backend: StoreBackend
    let sqlite: TemporaryDatabase
    /// For PostgreSQL: the URL that puts this test's schema first on the search path.
    let postgresURL: String?

    init(_ backend: StoreBackend, suite: String = #fileID) throws {
        self.backend = backend
        sqlite = TemporaryDatabase()
        guard backend == .postgres else {
            postgresURL = nil
            return
        }
        let cluster = try PostgresTestCluster.shared.get()
        let name = suite.split(separator: "/").last.map { String($0.dropLast(".swift".count)) } ?? "suite"
        let database = "casestore_" + name.lowercased()
        try cluster.createDatabase(database)
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let setup = try PostgresConnection(
            url: PostgresURL(cluster.url(database: database))!, connectTimeoutSeconds: 10,
            lockTimeoutMilliseconds: 5000)
        try setup.execute("CREATE SCHEMA \(schema)", operation: "create the test's schema")
        postgresURL = cluster.url(database: database, options: ["options=-csearch_path%3D\(schema)"])
    }

    /// The shipped PostgreSQL migrations (`Migrations/postgres`).
    static let shippedPostgresMigrations = TemporaryDatabase.shippedMigrations + "/postgres"

    func open(migrations: String? = nil, poolSize: Int = 4) throws(CaseStoreError) -> any UnauditedCaseWrites {
        switch backend {
        case .sqlite:
            return try sqlite.open(migrations: migrations ?? TemporaryDatabase.shippedMigrations)
        case .postgres:
            return try PostgresCaseStore.open(postgresConfiguration(migrations: migrations, poolSize: poolSize))
        }
    }

    func postgresConfiguration(migrations: String? = nil, poolSize: Int = 4) -> PostgresStoreConfiguration {
        PostgresStoreConfiguration(
            url: PostgresURL(postgresURL ?? "postgresql://")!,
            migrationsDirectory: migrations ?? Self.shippedPostgresMigrations, poolSize: poolSize)
    }

    func remove() {
        sqlite.remove()
    }
}

/// Opens a store on a fresh database of `backend`, runs `body`, then closes it and removes
/// the files (a PostgreSQL schema stays until the cluster is removed at exit).
func withStore(
    _ backend: StoreBackend, suite: String = #fileID, _ body: (any UnauditedCaseWrites) throws -> Void
) throws {
    let location = try TestStoreLocation(backend, suite: suite)
    defer { location.remove() }
    let store = try location.open()
    defer { store.close() }
    try body(store)
}

/// Rows in `table`, read directly (tests inspect the database beside the store's API).
func rowCount(_ table: String, in store: any CaseStore) throws -> Int {
    if let sqlite = store as? SQLiteCaseStore {
        return try sqlite.readValue("SELECT count(*) FROM \(table)") { $0.integer(0) } ?? 0
    }
    if let postgres = store as? PostgresCaseStore {
        return try postgres.pool.read { (database) throws(CaseStoreError) in
            try database.firstRow("SELECT count(*) FROM \(table)", operation: "count") { $0.integer(0) } ?? 0
        }
    }
    preconditionFailure("a store of an unknown backend")
}
