import Foundation
import Locking

/// A throw-away PostgreSQL cluster for tests: `initdb -A trust` in a temporary folder, a
/// server listening only on a unix socket in that folder (no TCP port at all), stopped and
/// removed when the test process exits (a watchdog shell also stops it should the process be
/// killed). initdb and postgres refuse to run as root, so as root they run as the `postgres`
/// system user (`runuser`), with the folder handed to it; the superuser is `postgres` either way.
///
/// `shared` is one cluster per test process for the store contract tests; a test that stops or
/// restarts PostgreSQL starts its own with `start()`.
public final class PostgresTestCluster: Sendable {
    /// The folder holding `data/`, `socket/` and `server.log`.
    public let folder: String
    public let socketDirectory: String
    /// Names the socket file (`.s.PGSQL.<port>`); nothing listens on TCP.
    public let port: Int
    private let tools: Tools
    private let createdDatabases = LockedValue<Set<String>>([])

    /// Why no cluster can be started here, or nil when one can be tried. Only missing
    /// initdb/pg_ctl count: any other obstacle (no `postgres` user as root, say) fails the
    /// tests when they start the cluster, rather than skipping them quietly.
    public static let unavailableReason: String? = Tools.binaries() == nil ? Tools.missingBinaries : nil

    /// The cluster of this test process, started on first use.
    public static let shared: Result<PostgresTestCluster, ClusterError> = {
        Result { () throws(ClusterError) in try PostgresTestCluster.start() }
    }()

    public struct ClusterError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts a new cluster (a few seconds: initdb, then the server).
    public static func start() throws(ClusterError) -> PostgresTestCluster {
        let tools = try Tools.find().get()
        // Short, fixed root: a unix socket path must stay under 108 bytes.
        let folder = "/tmp/sarcoma-pg-\(UUID().uuidString.prefix(8).lowercased())"
        let cluster = PostgresTestCluster(folder: folder, port: Int.random(in: 20_000...60_000), tools: tools)
        try cluster.initialize()
        try cluster.startServer()
        cluster.watchOverTestProcess()
        Registry.started.withLock { $0.append(cluster) }
        _ = atexitOnce
        return cluster
    }

    private init(folder: String, port: Int, tools: Tools) {
        self.folder = folder
        self.socketDirectory = folder + "/socket"
        self.port = port
        self.tools = tools
    }

    /// A `postgresql://` URL for `database` over the unix socket. `password` is added to the
    /// user-info part (trust authentication ignores it); `options` are extra query parameters.
    public func url(database: String, password: String? = nil, options: [String] = []) -> String {
        let secret = password.map { ":" + $0 } ?? ""
        let query = (["host=\(socketDirectory)", "port=\(port)"] + options).joined(separator: "&")
        return "postgresql://postgres\(secret)@/\(database)?\(query)"
    }

    /// Creates `name` unless this process already did (names: lowercase letters, digits, `_`).
    public func createDatabase(_ name: String) throws(ClusterError) {
        // Under the lock until createdb is done: a second test must not connect before.
        let failure: ClusterError? = createdDatabases.withLock { created in
            guard !created.contains(name) else { return nil }
            do throws(ClusterError) {
                try run(
                    tools.createdb, ["-h", socketDirectory, "-p", String(port), "-U", "postgres", name], asServer: false
                )
                created.insert(name)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Stops the server at once (`-m immediate`, as a crash would), keeping its data.
    public func stop() throws(ClusterError) {
        try run(tools.pgCtl, ["-D", folder + "/data", "-m", "immediate", "-w", "stop"], asServer: true)
    }

    /// Starts the server again on the same folder, socket and data.
    public func startAgain() throws(ClusterError) {
        try startServer()
    }

    /// `pg_ctl restart -m fast`: every client connection is cut.
    public func restart() throws(ClusterError) {
        try run(tools.pgCtl, ["-D", folder + "/data", "-m", "fast", "-w", "restart"], asServer: true)
    }

    /// Stops the server and removes the folder. Idempotent; also run at process exit.
    public func remove() {
        try? run(tools.pgCtl, ["-D", folder + "/data", "-m", "immediate", "-w", "stop"], asServer: true)
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Setting up

    private func initialize() throws(ClusterError) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        } catch {
            throw ClusterError(description: "cannot create \(socketDirectory): \(error)")
        }
        if let owner = tools.serverUser {
            try run("/bin/chown", ["-R", owner, folder], asServer: false)
        }
        try run(
            tools.initdb,
            ["-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "-D", folder + "/data"],
            asServer: true)
    }

    private func startServer() throws(ClusterError) {
        // fsync off: a test cluster need not survive power loss (synchronous_commit is still on).
        let options = "-k \(socketDirectory) -p \(port) -c listen_addresses='' -c fsync=off -c max_connections=300"
        try run(
            tools.pgCtl,
            ["-D", folder + "/data", "-l", folder + "/server.log", "-o", options, "-w", "-t", "60", "start"],
            asServer: true)
    }

    /// A detached shell that stops the server and removes the folder once this process is gone.
    private func watchOverTestProcess() {
        let stop = commandLine(tools.pgCtl, ["-D", folder + "/data", "-m", "immediate", "stop"], asServer: true)
        let script =
            "while kill -0 \(getpid()) 2>/dev/null; do sleep 2; done; \(stop) >/dev/null 2>&1; rm -rf '\(folder)'"
        _ = Self.spawn(["/bin/sh", "-c", script], output: "/dev/null", wait: false)
    }

    private func commandLine(_ tool: String, _ arguments: [String], asServer: Bool) -> String {
        let words = (asServer ? tools.serverPrefix : []) + [tool] + arguments
        return words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }

    private func run(_ tool: String, _ arguments: [String], asServer: Bool) throws(ClusterError) {
        let words = (asServer ? tools.serverPrefix : []) + [tool] + arguments
        // A file, not a pipe: the server pg_ctl starts inherits the descriptor and would keep
        // a pipe open forever. posix_spawn + waitpid rather than Foundation's Process, whose
        // wait hung when called from many test threads at once.
        let outputPath = NSTemporaryDirectory() + "pg-tool-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let status = Self.spawn(words, output: outputPath, wait: true)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw ClusterError(
                description: "\(words.joined(separator: " ")) exited \(status): \(text)"
                    + (log.isEmpty ? "" : "\nserver.log:\n\(log.suffix(2_000))"))
        }
    }

    /// Runs `argv` with stdin from /dev/null and stdout/stderr to `output`; the exit status
    /// when `wait` (-1 when it could not start), else 0 at once.
    private static func spawn(_ argv: [String], output: String, wait: Bool) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard started == 0 else { return -1 }
        guard wait else { return 0 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// Every cluster this process started, removed at exit.
    private enum Registry {
        static let started = LockedValue<[PostgresTestCluster]>([])
    }

    private static let atexitOnce: Void = {
        atexit {
            for cluster in Registry.started.withLock({ $0 }) { cluster.remove() }
        }
    }()

    /// Where initdb, pg_ctl and createdb are, and whom the server runs as.
    private struct Tools: Sendable {
        let initdb: String
        let pgCtl: String
        let createdb: String
        /// `runuser -u postgres --` as root; empty otherwise.
        let serverPrefix: [String]
        /// The system user owning the cluster folder when running as root.
        let serverUser: String?

        static let missingBinaries =
            "initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)"

        /// initdb, pg_ctl and createdb, looked up on PATH, then in Debian's versioned folders.
        static func binaries() -> (initdb: String, pgCtl: String, createdb: String)? {
            let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            let versions =
                ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted()
                .reversed()
            let folders = path.map(String.init) + versions.map { "/usr/lib/postgresql/\($0)/bin" }
            func locate(_ name: String) -> String? {
                folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
            }
            guard let initdb = locate("initdb"), let pgCtl = locate("pg_ctl") else { return nil }
            let createdb = locate("createdb") ?? (initdb as NSString).deletingLastPathComponent + "/createdb"
            return (initdb, pgCtl, createdb)
        }

        static func find() -> Result<Tools, ClusterError> {
            guard let (initdb, pgCtl, createdb) = binaries() else {
                return .failure(ClusterError(description: missingBinaries))
            }
            guard geteuid() == 0 else {
                return .success(
                    Tools(initdb: initdb, pgCtl: pgCtl, createdb: createdb, serverPrefix: [], serverUser: nil))
            }
            guard getpwnam("postgres") != nil,
                let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
                    .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else {
                return .failure(
                    ClusterError(
                        description: "running as root, but there is no `postgres` user or no runuser to start "
                            + "initdb/pg_ctl as it (PostgreSQL refuses to run as root)"))
            }
            return .success(
                Tools(
                    initdb: initdb, pgCtl: pgCtl, createdb: createdb, serverPrefix: [runuser, "-u", "postgres", "--"],
                    serverUser: "postgres"))
        }
    }
}
