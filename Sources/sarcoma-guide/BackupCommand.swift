import ArgumentParser
import CaseStore
import Foundation
import SarcomaAPI

/// `sarcoma-guide backup --database PATH --to FILE`: a consistent copy of the (possibly
/// live) database, safe to run beside the service; it never migrates or changes the source.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database, while the service runs, into a new file.",
        discussion: """
            Uses SQLite's online backup API: the copy is the database as it was when the \
            backup began (writes acknowledged before then are in it), written to a temporary \
            name, checked with integrity_check, fsynced and renamed to FILE. To restore: stop \
            the service, move the database and its -wal and -shm files aside, copy FILE to the \
            database path, start the service. See docs/operations.md.
            """
    )

    @Option(
        help: ArgumentHelp(
            "The database to copy (default: the configured database, ./data/sarcoma-guide.sqlite).",
            valueName: "path"))
    var database: String?
    @Option(help: ArgumentHelp("The backup file to write; refused if it exists, unless --force.", valueName: "file"))
    var to: String
    @Flag(help: "Replace FILE if it exists (atomically: the old file stays until the new copy is whole).")
    var force = false
    @Option(
        help: ArgumentHelp(
            "JSON config file whose `database` key names the database (as for serve).", valueName: "file"))
    var config: String?

    func run() throws {
        let source =
            try database ?? SettingOptions.parse(config.map { ["--config", $0] } ?? []).resolve().storeSetting
        if let url = PostgresURL(source) {
            let message =
                "backup failed: \(url.masked) is a PostgreSQL database; back it up with pg_dump (docs/postgresql.md)\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(1)
        }
        let started = Date()
        let report: BackupReport
        do {
            report = try DatabaseBackup(source: source, destination: to, overwrite: force).run()
        } catch {
            FileHandle.standardError.write(Data("backup failed: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print(
            "backup of \(source) written to \(to): schema \(report.schemaVersion), \(report.cases) cases, "
                + "\(report.pages) pages, \(report.bytes) bytes, in \(seconds) s")
    }
}
