import CPostgres

extension CaseStoreError {
    /// Maps a failed libpq call to the case the HTTP layer needs to tell apart.
    ///
    /// Only the SQLSTATE and the primary message are kept: PostgreSQL's DETAIL line may quote
    /// a bound value (a duplicate key's externalId), so it never leaves this function.
    init(postgresResult result: OpaquePointer?, connection: OpaquePointer, operation: String, url: PostgresURL) {
        let field = { (code: UInt8) -> String? in
            result.flatMap { PQresultErrorField($0, Int32(code)) }.map { String(cString: $0) }
        }
        let sqlState = field(UInt8(ascii: "C")) ?? ""
        let primary = field(UInt8(ascii: "M"))
        let connectionBroken = PQstatus(connection) == CONNECTION_BAD
        if connectionBroken || Self.isConnectionClass(sqlState) {
            // With no result, libpq's connection message is all there is (it names the host and
            // the cause, never the password; scrubbed anyway).
            let message = primary ?? PQerrorMessage(connection).map { String(cString: $0) } ?? "connection lost"
            self = .connectionLost(reason: url.scrub(Self.firstLine(message)))
            return
        }
        let message = url.scrub(primary ?? "unknown error")
        switch sqlState {
        case "55P03", "57014", "40001", "40P01":
            // lock_timeout, statement_timeout, serialization failure, deadlock: worth a retry.
            self = .busy
        case "53100":
            self = .diskFull
        default:
            self = .postgres(sqlState: sqlState, operation: operation, message: message)
        }
    }

    /// True for a UNIQUE violation (SQLSTATE 23505).
    var isPostgresUniqueViolation: Bool {
        if case .postgres(let sqlState, _, _) = self { return sqlState == "23505" }
        return false
    }

    /// Class 08 (connection exception) and the shutdown states of class 57.
    private static func isConnectionClass(_ sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    private static func firstLine(_ text: String) -> String {
        let trimmed = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return trimmed.isEmpty ? "connection lost" : trimmed
    }
}
