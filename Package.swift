// swift-tools-version: 6.0
import PackageDescription

// Linux only: the HTTP server is built on epoll and glibc (no `platforms:` claim, since
// no Apple platform builds it).
let package = Package(
    name: "sarcoma-guide",
    products: [
        .executable(name: "sarcoma-guide", targets: ["sarcoma-guide"]),
        .library(name: "SarcomaGuidelines", targets: ["SarcomaGuidelines"]),
        // For the benchmark package and the engine-instructions harness, which write JSON answers.
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "SarcomaAPI", targets: ["SarcomaAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The system libsqlite3 (Debian: libsqlite3-dev). Only CaseStore imports it.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The system libpq (Debian: libpq-dev), PostgreSQL's client library. Only CaseStore's
        // Postgres folder imports it.
        .systemLibrary(
            name: "CPostgres",
            path: "Sources/CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The Linux calls Swift's Glibc module leaves out (<sys/epoll.h>, accept4), from the C
        // headers so the compiler checks their types. Only HTTPServer/Socket imports it.
        .target(name: "CSystemLinux"),
        // The general JSON value, parser, writer and pointer; used by every layer but CaseStore (HTTPServer writes its default problem bodies with it).
        .target(name: "JSON"),
        // The one calendar and clock: UTC days, RFC 3339 timestamps, the HTTP date (no Foundation).
        .target(name: "UTCTime"),
        // The one lock type (a pthread mutex ThreadSanitizer can see), and the announcement of a
        // thread's blocking wait (the store says so, the server's worker pool hears it).
        .target(name: "Locking"),
        // Pure guideline engine: no I/O, no clock, no HTTP, no SQL.
        .target(name: "SarcomaGuidelines", dependencies: ["JSON"]),
        // HTTP/1.1 on POSIX sockets; knows nothing of sarcoma.
        .target(name: "HTTPServer", dependencies: ["CSystemLinux", "JSON", "Locking", "UTCTime"]),
        // The case store: SQLite (embedded default) and PostgreSQL (several replicas); the only
        // module that imports CSQLite and CPostgres.
        .target(
            name: "CaseStore",
            dependencies: [
                "CSQLite", "CPostgres", "Locking", "UTCTime",
                // SHA-256 of migration files.
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // FHIR R4 / mCODE <-> case mapping; pure, like the engine it feeds.
        .target(name: "FHIRMapping", dependencies: ["JSON", "SarcomaGuidelines", "UTCTime"]),
        // CDS Hooks cards, prefetch templates and reading, order-select logic: no HTTP, no SQL.
        .target(name: "CDSHooks", dependencies: ["JSON", "Locking", "SarcomaGuidelines", "FHIRMapping"]),
        // Tokens, roles, JWT/JWKS verification, the replay cache: no HTTP, no SQL.
        .target(
            name: "Access",
            dependencies: [
                "JSON", "Locking",
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA signature verification (RS384 CDS Hooks JWTs).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Routes, wire types, problem+json, configuration.
        .target(
            name: "SarcomaAPI",
            dependencies: [
                "JSON", "HTTPServer", "CaseStore", "SarcomaGuidelines", "FHIRMapping", "CDSHooks", "Access",
                "Locking", "UTCTime", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "sarcoma-guide",
            dependencies: [
                "SarcomaAPI", "Access", "Locking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test-only support shared by several test targets (a seeded generator, a JWT test signer).
        .target(
            name: "TestSupport",
            dependencies: [
                "JSON", "Access", "Locking",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ], path: "Tests/TestSupport"),
        .testTarget(name: "UTCTimeTests", dependencies: ["UTCTime"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
        .testTarget(name: "CDSHooksTests", dependencies: ["CDSHooks", "JSON", "SarcomaGuidelines"]),
        .testTarget(name: "SarcomaGuidelinesTests", dependencies: ["JSON", "SarcomaGuidelines", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "Locking"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "Locking", "TestSupport"]),
        .testTarget(
            name: "FHIRMappingTests", dependencies: ["JSON", "FHIRMapping", "SarcomaGuidelines"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "SarcomaAPITests",
            dependencies: [
                "SarcomaAPI", "HTTPServer", "JSON", "Access", "CDSHooks", "Locking", "TestSupport", "UTCTime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        // Launches the real binary on --port 0 with a temporary database.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "sarcoma-guide", "HTTPServer", "Access", "Locking", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
    ]
)

// Swift 6 language mode everywhere, set once.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    // `any` spelled out and imports that say what a file uses (issue 11): both become the
    // default in a later language mode, so the code is written for it now.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
