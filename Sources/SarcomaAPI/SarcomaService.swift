import Access
import CDSHooks
import CaseStore
import Foundation
import HTTPServer
import SarcomaGuidelines

/// The assembled service: guideline engine, case store, routes and observability, built
/// the same way by the executable and by tests (`makeService(config:)`).
public final class SarcomaService: Sendable {
    public let configuration: ServiceConfiguration
    public let engine: GuidelineEngine
    public let store: any CaseStore
    public let router: Router
    public let metrics: MetricsRegistry
    public let accessLog: AccessLog
    /// The configured access tokens; nil = none (every call served, loopback only).
    public let accessTokens: AccessTokens?
    /// How CDS Hooks calls are authenticated (for the start-up line).
    public let cdsAuthentication: JWTAuthentication
    private let connections: ConnectionGauge

    init(
        configuration: ServiceConfiguration, engine: GuidelineEngine, store: any CaseStore,
        router: Router, metrics: MetricsRegistry, accessLog: AccessLog, accessTokens: AccessTokens?,
        cdsAuthentication: JWTAuthentication, connections: ConnectionGauge
    ) {
        self.configuration = configuration
        self.engine = engine
        self.store = store
        self.router = router
        self.metrics = metrics
        self.accessLog = accessLog
        self.accessTokens = accessTokens
        self.cdsAuthentication = cdsAuthentication
        self.connections = connections
    }

    /// Writes the buffered access lines and stops the log's flusher, then closes the case
    /// store: the last thing the process does with them (after the server has drained, or
    /// when start-up stops before serving). Event lines may still be written afterwards.
    public func close() {
        accessLog.close()
        store.close()
    }

    /// The schema version the store was migrated to, for the start-up and shutdown lines.
    public var schemaVersion: Int {
        store.schemaVersion
    }

    /// The start-up line an operator reads first: which pack answers, which schema the
    /// database holds, and how access is controlled.
    public var startupSummary: String {
        let access =
            accessTokens.map { tokens in
                "access tokens required (\(tokens.holders.count) configured: \(tokens.summary)); "
                    + "public: /health, /ready, /openapi.json"
            } ?? "no access tokens configured: serving everything, loopback only"
        return "guideline pack \(engine.pack.version); database schema \(schemaVersion); \(access)"
    }

    /// An HTTP server for this service; the caller starts and stops it.
    public func makeServer() -> HTTPServer {
        var server = ServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.maxConnections = configuration.maxConnections
        server.workerThreads = configuration.workerThreads
        server.maxBodyBytes = configuration.maxBodyBytes
        server.maxHeaderBytes = configuration.maxHeaderBytes
        server.maxHeaderCount = configuration.maxHeaderCount
        server.maxURIBytes = configuration.maxUriBytes
        server.headTimeout = configuration.headTimeoutSeconds
        server.bodyTimeout = configuration.bodyTimeoutSeconds
        server.idleTimeout = configuration.idleTimeoutSeconds
        server.drainTimeout = configuration.drainTimeoutSeconds

        let metrics = self.metrics
        let accessLog = configuration.accessLog ? self.accessLog : nil
        var hooks = ServerHooks()
        hooks.errorResponse = { status, detail in ProblemPresenter.serverError(status: status, detail: detail) }
        hooks.requestCompleted = { record in
            metrics.record(record)
            accessLog?.write(record)
        }
        let httpServer = HTTPServer(configuration: server, router: router, hooks: hooks)
        connections.connect { [weak httpServer] in httpServer?.openConnections ?? 0 }
        return httpServer
    }
}

/// Loads the guideline pack and the OpenAPI document, opens (and migrates) the store and
/// registers every route. Refuses, with a message naming what to fix, rather than start
/// half-configured. `beforeMigration` sees each migration's file name before it is applied;
/// answering false stops between migrations (`StartupError.stopped`).
public func makeService(
    config configuration: ServiceConfiguration, beforeMigration: (String) -> Bool = { _ in true }
) throws(StartupError) -> SarcomaService {
    // Secure by default: without tokens, nothing but this machine may connect.
    let tokens = try configuration.tokensFile.map { path throws(StartupError) in
        do throws(AccessFileError) { return try AccessTokens.load(path: path) } catch { throw .accessFile(error) }
    }
    guard configuration.isLoopbackHost || tokens != nil else {
        throw StartupError.insecureBinding(host: configuration.host)
    }
    let library = try GuidelinePackFolder.load(configuration.guidelines)
    guard let openAPI = FileManager.default.contents(atPath: configuration.openapi) else {
        throw StartupError.openAPIDocument(path: configuration.openapi)
    }
    let store: any CaseStore
    do {
        store = try openStore(configuration, beforeMigration: beforeMigration)
    } catch .migrationsStopped(let schemaVersion, let newest) {
        throw StartupError.stopped(
            CaseStoreError.migrationsStopped(schemaVersion: schemaVersion, newest: newest).description)
    } catch {
        throw StartupError.store(error.description)
    }
    // /v1 answers with the newest contract-1 pack (2026.11-1), whatever else is loaded (delta §0.3).
    let engine = GuidelineEngine(pack: library.v1Pack)
    let metrics = MetricsRegistry()
    let connections = ConnectionGauge()
    // Case writes check delta §1/§2 (a stored case must be evaluable by both packs); the /v1
    // evaluations keep v1's checks (delta §0.3, §0.5).
    let reader = CaseRequestReader(engine: engine, rules: .contractTwo)
    let contractOneReader = CaseRequestReader(engine: engine, rules: .contractOne)

    let cdsAuthentication = try JWTAuthentication.make(configuration, accessTokens: tokens, store: store)
    let gate = AccessGate(tokens: tokens, policy: .standard, jwt: cdsAuthentication)
    let cors = CORSPolicy(origins: configuration.corsOrigins, templates: CDSHooksRoutes.templates)
    var builder = RouterBuilder(wrappingEachHandler: { method, template, handler in
        cors.wrapping(method: method, template: template, gate.guarding(method: method, template: template, handler))
    })
    OperationsRoutes(
        store: store, engine: engine, metrics: metrics, connections: connections,
        openAPIDocument: [UInt8](openAPI)
    ).register(into: &builder)
    CaseRoutes(store: store, reader: reader).register(into: &builder)
    let successor = try SuccessorAnnouncement.make(library: library, configuration: configuration)
    EvaluationRoutes(
        store: store, engine: engine, reader: contractOneReader, library: library, successor: successor
    ).register(into: &builder)
    GuidelineRoutes(engine: engine, library: library, successor: successor).register(into: &builder)
    let contractTwo = ContractTwoRoutes(store: store, library: library, kept: engine, reader: reader)
    contractTwo.register(into: &builder)
    ImpactRoutes(
        store: store, library: library, kept: engine, contractTwo: contractTwo.engines, reader: contractOneReader
    ).register(into: &builder)
    AuditRoutes(store: store).register(into: &builder)
    // The FHIR staging export and the CDS cards answer with the newest contract-2 pack (delta §0.7).
    let current = library.newestContractTwo.map { ContractTwoEngine(pack: $0, kept: engine) }
    FHIRRoutes(store: store, engine: engine, current: current, reader: reader).register(into: &builder)
    CDSHooksRoutes(store: store, pack: current.map(CardPack.init(engine:))).register(into: &builder)

    return SarcomaService(
        configuration: configuration, engine: engine, store: store, router: builder.build(),
        metrics: metrics, accessLog: AccessLog(), accessTokens: tokens, cdsAuthentication: cdsAuthentication,
        connections: connections)
}

/// The store the database setting selects: PostgreSQL for a `postgres://` URL (its
/// migrations in the `postgres` folder of the migrations folder), SQLite for a path.
private func openStore(
    _ configuration: ServiceConfiguration, beforeMigration: (String) -> Bool
) throws(CaseStoreError) -> any CaseStore {
    if let url = PostgresURL(configuration.storeSetting) {
        let postgres = PostgresStoreConfiguration(
            url: url, migrationsDirectory: (configuration.migrations as NSString).appendingPathComponent("postgres"),
            poolSize: configuration.databasePoolSize, lockTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        return try PostgresCaseStore.open(postgres, beforeMigration: beforeMigration)
    }
    var sqlite = CaseStoreConfiguration(path: configuration.storeSetting, migrationsDirectory: configuration.migrations)
    sqlite.busyTimeoutMilliseconds = configuration.busyTimeoutMilliseconds
    return try SQLiteCaseStore.open(sqlite, beforeMigration: beforeMigration)
}
