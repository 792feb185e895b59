import ArgumentParser
import SarcomaAPI

/// The settings every command that needs the service's configuration accepts as flags.
/// Each has an environment variable `SARCOMA_GUIDE_<NAME>`; flags win over env, env over
/// the `--config` file. Values are checked by `ConfigurationKey`, which names the key.
struct SettingOptions: ParsableArguments {
    @Option(help: "JSON config file (e.g. Config/sarcoma-guide.json); env SARCOMA_GUIDE_CONFIG.")
    var config: String?
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "TCP port; 0 picks a free one (default 8080).") var port: String?
    @Option(help: "SQLite database file, or a postgres:// URL (default ./data/sarcoma-guide.sqlite).")
    var database: String?
    @Option(help: "PostgreSQL URL; wins over --database (default: none).") var databaseUrl: String?
    @Option(help: "Most PostgreSQL connections per process (default 8).") var databasePoolSize: String?
    @Option(help: "Migrations folder (default ./Migrations).") var migrations: String?
    @Option(help: "Guideline pack folder (default ./Config/guidelines).") var guidelines: String?
    @Option(help: "OpenAPI document served at /openapi.json (default ./Config/openapi.json).") var openapi: String?
    @Option(help: "Open connections before new ones get 503 (default 4096).") var maxConnections: String?
    @Option(help: "Worker threads (default 16).") var workerThreads: String?
    @Option(help: "Largest request body in bytes (default 1048576).") var maxBodyBytes: String?
    @Option(help: "Largest request head in bytes (default 16384).") var maxHeaderBytes: String?
    @Option(help: "Most header fields per request (default 100).") var maxHeaderCount: String?
    @Option(help: "Longest request target in bytes (default 8192).") var maxUriBytes: String?
    @Option(help: "Seconds to send a request head (default 10).") var headTimeoutSeconds: String?
    @Option(help: "Seconds to send a request body once its head arrived (default 30).") var bodyTimeoutSeconds: String?
    @Option(help: "Idle keep-alive seconds (default 60).") var idleTimeoutSeconds: String?
    @Option(help: "Seconds in-flight requests may finish on SIGTERM (default 10).") var drainTimeoutSeconds: String?
    @Option(help: "Milliseconds a write waits on a locked database (default 5000).") var busyTimeoutMilliseconds:
        String?
    @Option(help: "true/false: one log line per request on stdout (default true).") var accessLog: String?
    @Option(help: "Access tokens file, `name role sha256-hex` per line (default: none, loopback only).") var tokensFile:
        String?
    @Option(help: "URL clients see behind a TLS proxy, e.g. https://sts.example.org (default: none).")
    var publicBaseUrl: String?
    @Option(help: "JWKS file of the EHRs' public keys for CDS Hooks JWTs (default: none).") var cdsJwksFile: String?
    @Option(help: "Comma-separated JWT issuers accepted on CDS Hooks calls (default: none).") var cdsIssuers: String?
    @Option(help: "Clock skew allowed on CDS Hooks JWT exp/iat/nbf in seconds (default 60).") var cdsClockSkewSeconds:
        String?
    @Option(help: "Comma-separated browser origins allowed on /cds-services (CORS; * = any; default: none).")
    var corsOrigins: String?

    /// The merged configuration, or a message that names the offending key.
    func resolve() throws -> ServiceConfiguration {
        let given: [String: String?] = [
            "host": host, "port": port, "database": database, "databaseUrl": databaseUrl,
            "databasePoolSize": databasePoolSize, "migrations": migrations,
            "guidelines": guidelines, "openapi": openapi, "maxConnections": maxConnections,
            "workerThreads": workerThreads, "maxBodyBytes": maxBodyBytes, "maxHeaderBytes": maxHeaderBytes,
            "maxHeaderCount": maxHeaderCount, "maxUriBytes": maxUriBytes,
            "headTimeoutSeconds": headTimeoutSeconds, "bodyTimeoutSeconds": bodyTimeoutSeconds,
            "idleTimeoutSeconds": idleTimeoutSeconds,
            "drainTimeoutSeconds": drainTimeoutSeconds, "busyTimeoutMilliseconds": busyTimeoutMilliseconds,
            "accessLog": accessLog, "tokensFile": tokensFile,
            "publicBaseUrl": publicBaseUrl, "cdsJwksFile": cdsJwksFile, "cdsIssuers": cdsIssuers,
            "cdsClockSkewSeconds": cdsClockSkewSeconds, "corsOrigins": corsOrigins,
        ]
        do {
            return try ConfigurationLoader().load(flags: given.compactMapValues { $0 }, configFile: config)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
