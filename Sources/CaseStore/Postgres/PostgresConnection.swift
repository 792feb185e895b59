import CPostgres
import Foundation

/// Owns one `PGconn`, closing it in deinit.
///
/// libpq connections are not safe to share between threads, so each has one serial owner at a
/// time (the thread that borrowed it from the `PostgresPool`, or the migrator); that is why
/// this class is deliberately not `Sendable`. Every statement with values goes through
/// `PQexecParams`; only fixed SQL text (migrations, BEGIN/COMMIT) uses `PQexec`.
final class PostgresConnection {
    let handle: OpaquePointer
    let url: PostgresURL

    /// Connects, then sets up the session: `synchronous_commit = on` (a COMMIT returns once
    /// its WAL is flushed, whatever the server's default) and `lock_timeout` (a write waiting
    /// longer on a lock answers `.busy`). `connectTimeoutSeconds` applies unless the URL sets
    /// its own `connect_timeout`; `sslmode` and every other URL parameter reach libpq as given.
    init(url: PostgresURL, connectTimeoutSeconds: Int, lockTimeoutMilliseconds: Int) throws(CaseStoreError) {
        // Keywords before `dbname` are defaults: the expanded URL overrides them.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = [String(connectTimeoutSeconds), "sarcoma-guide", url.connectionString]
        let connection = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else { throw .connectionLost(reason: "libpq could not allocate a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "connection failed"
            PQfinish(connection)
            let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            throw .connectionLost(reason: url.scrub(lines.joined(separator: "; ")))
        }
        // libpq prints NOTICEs (say "relation already exists, skipping") on stderr by default.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.handle = connection
        self.url = url
        try execute("SELECT set_config('synchronous_commit', 'on', false)", operation: "set synchronous_commit")
        try execute(
            "SELECT set_config('lock_timeout', $1, false)", [.text("\(max(0, lockTimeoutMilliseconds))ms")],
            operation: "set lock_timeout")
    }

    deinit {
        PQfinish(handle)
    }

    /// False once libpq saw the connection break; such a connection is never reused.
    var isUsable: Bool {
        PQstatus(handle) == CONNECTION_OK
    }

    /// True inside a transaction, also one a failed statement left to be rolled back (to a
    /// savepoint); false when idle or when the connection broke (the transaction is gone).
    var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Runs one statement with bound parameters, ignoring any rows.
    func execute(_ sql: String, _ parameters: [PostgresValue] = [], operation: String) throws(CaseStoreError) {
        _ = try rows(sql, parameters, operation: operation) { _ in () }
    }

    /// Every row of one statement, each mapped by `transform`.
    func rows<T>(
        _ sql: String, _ parameters: [PostgresValue] = [], operation: String, _ transform: (PostgresRow) -> T
    ) throws(CaseStoreError) -> [T] {
        let result = Self.withParameters(parameters) { types, values, lengths, formats in
            PQexecParams(handle, sql, Int32(parameters.count), types, values, lengths, formats, 0)
        }
        defer { PQclear(result) }
        try check(result, operation: operation)
        guard let result else { return [] }
        return (0..<PQntuples(result)).map { transform(PostgresRow(result: result, index: $0)) }
    }

    /// The first row of one statement, or nil when there is none.
    func firstRow<T>(
        _ sql: String, _ parameters: [PostgresValue] = [], operation: String, _ transform: (PostgresRow) -> T
    ) throws(CaseStoreError) -> T? {
        try rows(sql, parameters, operation: operation, transform).first
    }

    /// Runs fixed SQL of several statements without parameters (a migration file).
    func executeScript(_ script: String, operation: String) throws(CaseStoreError) {
        let result = PQexec(handle, script)
        defer { PQclear(result) }
        try check(result, operation: operation)
    }

    /// Rolls back whatever transaction is open; harmless when none is (or the connection broke).
    func rollbackQuietly() {
        guard isUsable, PQtransactionStatus(handle) != PQTRANS_IDLE else { return }
        PQclear(PQexec(handle, "ROLLBACK"))
    }

    private func check(_ result: OpaquePointer?, operation: String) throws(CaseStoreError) {
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_EMPTY_QUERY else { return }
        throw CaseStoreError(postgresResult: result, connection: handle, operation: operation, url: url)
    }

    /// Copies the parameters into C buffers for `PQexecParams`: text format for text and
    /// integers, binary for bytea (so documents are sent as their exact bytes).
    private static func withParameters<T>(
        _ parameters: [PostgresValue],
        _ body: (
            UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?
        ) -> T
    ) -> T {
        var buffers: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        defer { buffers.forEach { $0?.deallocate() } }
        for parameter in parameters {
            let bytes: [UInt8]?
            switch parameter {
            case .null: bytes = nil
            case .integer(let value): bytes = Array(String(value).utf8) + [0]
            case .text(let value): bytes = Array(value.utf8) + [0]
            case .bytes(let value): bytes = value
            }
            guard let bytes else {
                buffers.append(nil)
                lengths.append(0)
                formats.append(0)
                continue
            }
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress {
                    UnsafeMutableRawPointer(buffer).copyMemory(from: base, byteCount: raw.count)
                }
            }
            buffers.append(buffer)
            if case .bytes = parameter {
                lengths.append(Int32(bytes.count))
                formats.append(1)
            } else {
                lengths.append(0)
                formats.append(0)
            }
        }
        let types = parameters.map(\.typeOID)
        let values: [UnsafePointer<CChar>?] = buffers.map { $0.map { UnsafePointer($0) } }
        return types.withUnsafeBufferPointer { typePointer in
            values.withUnsafeBufferPointer { valuePointer in
                lengths.withUnsafeBufferPointer { lengthPointer in
                    formats.withUnsafeBufferPointer { formatPointer in
                        body(
                            typePointer.baseAddress, valuePointer.baseAddress, lengthPointer.baseAddress,
                            formatPointer.baseAddress)
                    }
                }
            }
        }
    }

    /// A NULL-terminated array of C strings, valid inside `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
