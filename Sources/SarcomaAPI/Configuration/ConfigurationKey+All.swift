import CaseStore
import UTCTime
extension ConfigurationKey {
    /// Every setting the service reads. docs/configuration.md's table is this list (ConfigurationDocsTests checks it).
    public static let all: [ConfigurationKey] = [
        text("host", "Address to listen on; anything but loopback needs access tokens", \.host),
        integer("port", "TCP port; 0 picks a free one (printed on the `listening on` line)", \.port, 0...65_535),
        text(
            "database",
            "SQLite file (its folder is created when missing), or a postgres:// or postgresql:// URL for PostgreSQL",
            \.database),
        postgresURL(
            "databaseUrl",
            "PostgreSQL URL (postgres://user@host/db?sslmode=verify-full); when set, wins over `database`",
            \.databaseUrl),
        integer(
            "databasePoolSize", "Most PostgreSQL connections one process opens (ignored for SQLite)",
            \.databasePoolSize, 1...1_000),
        text("migrations", "Folder of NNNN_name.sql migrations applied at start-up", \.migrations),
        text(
            "guidelines", "Folder of the guideline packs, one sub-folder per version (2026.11-1/*.json answers /v1)",
            \.guidelines),
        text("openapi", "The OpenAPI document served at /openapi.json", \.openapi),
        integer("maxConnections", "Open client connections before new ones get 503", \.maxConnections, 1...1_000_000),
        integer("workerThreads", "Threads that parse requests and run handlers; about one per core polls", \.workerThreads, 1...512),
        integer("maxBodyBytes", "Largest request body (413 beyond)", \.maxBodyBytes, 1...(64 << 20)),
        integer("maxHeaderBytes", "Largest request head (431 beyond)", \.maxHeaderBytes, 1_024...(1 << 20)),
        integer("maxHeaderCount", "Most header fields in one request (431 beyond)", \.maxHeaderCount, 1...10_000),
        integer("maxUriBytes", "Longest request target (414 beyond)", \.maxUriBytes, 64...(1 << 20)),
        seconds("headTimeoutSeconds", "Time to send a whole request head (slow clients get 408)", \.headTimeoutSeconds),
        seconds(
            "bodyTimeoutSeconds", "Time to send a whole request body once its head arrived (slow bodies get 408)",
            \.bodyTimeoutSeconds),
        seconds("idleTimeoutSeconds", "Idle keep-alive time before the server closes", \.idleTimeoutSeconds),
        seconds("drainTimeoutSeconds", "On SIGTERM, how long in-flight requests may finish", \.drainTimeoutSeconds),
        integer(
            "busyTimeoutMilliseconds", "How long a write waits for a locked database (then 503)",
            \.busyTimeoutMilliseconds, 0...600_000),
        boolean("accessLog", "One line per request on stdout (no patient data)", \.accessLog),
        optionalText(
            "tokensFile", "Access tokens file (`name role sha256-hex` per line); unset = no tokens, loopback only",
            \.tokensFile),
        baseURL(
            "publicBaseUrl",
            "The URL clients see behind a TLS proxy (e.g. https://sts.example.org); JWT `aud` is checked against it",
            \.publicBaseUrl),
        optionalText(
            "cdsJwksFile",
            "JWKS file of the EHRs' public keys (ES384/RS384) for CDS Hooks JWTs; unset = CDS Hooks calls only unsigned on loopback without tokens",
            \.cdsJwksFile),
        list(
            "cdsIssuers", "Comma-separated JWT `iss` values accepted on CDS Hooks calls (needed with cdsJwksFile)",
            \.cdsIssuers, check: issuerProblem),
        integer(
            "cdsClockSkewSeconds", "Clock skew allowed on CDS Hooks JWT `exp`, `iat`, `nbf`", \.cdsClockSkewSeconds,
            0...600),
        list(
            "corsOrigins",
            "Comma-separated browser origins (e.g. https://sandbox.cds-hooks.org) allowed on /cds-services; `*` = any; empty = no CORS",
            \.corsOrigins, check: originProblem),
        optionalText(
            "v1Deprecation",
            "RFC 3339 instant the /v1 evaluations announce as `Deprecation`; unset = the newest contract-2 pack's releasedAt",
            \.v1Deprecation,
            check: { (try? UTCInstant(rfc3339: $0)) == nil ? "'\($0)' is not an RFC 3339 date-time" : nil }),
        text(
            "v1Sunset", "HTTP-date (IMF-fixdate) the /v1 evaluations announce as `Sunset`; not before the deprecation",
            \.v1Sunset, check: { HTTPDate.instant($0) == nil ? "'\($0)' is not an IMF-fixdate HTTP-date" : nil }),
    ]

    public static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }

    private static func text(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, String> & Sendable,
        check: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                guard !value.isEmpty else { throw ConfigurationError(key: name, reason: "must not be empty") }
                if let problem = check(value) { throw ConfigurationError(key: name, reason: problem) }
                config[keyPath: path] = value
            }, current: { $0[keyPath: path] })
    }

    private static func optionalText(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, String?> & Sendable,
        check: @escaping @Sendable (String) -> String? = { _ in nil }
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                guard !value.isEmpty else {
                    throw ConfigurationError(key: name, reason: "must not be empty (leave it unset instead)")
                }
                if let problem = check(value) { throw ConfigurationError(key: name, reason: problem) }
                config[keyPath: path] = value
            }, current: { $0[keyPath: path] ?? "" })
    }

    /// A PostgreSQL URL; the error never repeats the value (it may hold a password).
    private static func postgresURL(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, String?> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                guard PostgresURL.isPostgres(value) else {
                    throw ConfigurationError(
                        key: name,
                        reason: "must start with postgres:// or postgresql:// (a SQLite file goes in `database`)")
                }
                config[keyPath: path] = value
            }, current: { $0[keyPath: path].map { PostgresURL($0)?.masked ?? $0 } ?? "" })
    }

    private static func baseURL(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, String?> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                let lower = value.lowercased()
                let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
                let rest = value.dropFirst(scheme)
                guard scheme > 0, !rest.isEmpty, !rest.hasPrefix("/"), !value.hasSuffix("/"),
                    !value.contains("?"), !value.contains("#"), !value.contains(where: { $0 == " " || $0.isNewline })
                else {
                    throw ConfigurationError(
                        key: name,
                        reason: "'\(value)' is not an absolute http(s) URL without a trailing slash, query or fragment")
                }
                config[keyPath: path] = value
            }, current: { $0[keyPath: path] ?? "" })
    }

    /// A comma-separated list; items are trimmed, empty items refused; "" is the empty list.
    private static func list(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, [String]> & Sendable,
        check: @escaping @Sendable (String) -> String?
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                let trimmed = value.trimmingWhitespace
                let items =
                    trimmed.isEmpty
                    ? []
                    : trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                        String($0).trimmingWhitespace
                    }
                for item in items {
                    if let problem = item.isEmpty ? "an item is empty (check the commas)" : check(item) {
                        throw ConfigurationError(key: name, reason: problem)
                    }
                }
                config[keyPath: path] = items
            }, current: { $0[keyPath: path].joined(separator: ",") })
    }

    @Sendable private static func issuerProblem(_ issuer: String) -> String? {
        issuer.contains(where: { $0.isWhitespace || $0.isNewline }) ? "the issuer '\(issuer)' contains whitespace" : nil
    }

    /// An origin is `scheme://host[:port]`, as browsers send it: no path, no trailing slash.
    @Sendable private static func originProblem(_ origin: String) -> String? {
        if origin == "*" { return nil }
        let lower = origin.lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        let rest = origin.dropFirst(scheme)
        guard scheme > 0, !rest.isEmpty, !rest.contains("/"), !rest.contains("?"), !rest.contains("#"),
            !rest.contains(where: { $0.isWhitespace })
        else {
            return
                "'\(origin)' is not an origin like https://sandbox.cds-hooks.org (scheme and host, optional port, no path or trailing slash) or *"
        }
        return nil
    }

    private static func integer(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, Int> & Sendable,
        _ range: ClosedRange<Int>
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                guard let number = Int(value), range.contains(number) else {
                    throw ConfigurationError(
                        key: name,
                        reason: "'\(value)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
                }
                config[keyPath: path] = number
            }, current: { String($0[keyPath: path]) })
    }

    private static func seconds(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, Double> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                guard let number = Double(value), number.isFinite, number > 0, number <= 86_400 else {
                    throw ConfigurationError(key: name, reason: "'\(value)' is not a number of seconds in (0, 86400]")
                }
                config[keyPath: path] = number
            },
            current: { value in
                let number = value[keyPath: path]
                return number == number.rounded() ? String(Int(number)) : String(number)
            })
    }

    private static func boolean(
        _ name: String, _ summary: String,
        _ path: any WritableKeyPath<ServiceConfiguration, Bool> & Sendable
    ) -> ConfigurationKey {
        ConfigurationKey(
            name: name, summary: summary,
            apply: { config, value throws(ConfigurationError) in
                switch value.lowercased() {
                case "true", "1", "yes", "on": config[keyPath: path] = true
                case "false", "0", "no", "off": config[keyPath: path] = false
                default: throw ConfigurationError(key: name, reason: "'\(value)' is not true or false")
                }
            }, current: { String($0[keyPath: path]) })
    }
}
