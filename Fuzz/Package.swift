// swift-tools-version: 6.0
// libFuzzer targets for sarcoma-guide (see README.md here). A separate package so the
// service's own build and `swift test` never see the fuzzing flags.
import PackageDescription

// A path dependency's identity is its folder name, which differs between checkouts
// (repository clone, git worktree, CI workspace): take it from where this package sits.
let service =
    Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "sarcoma-guide"

let package = Package(
    name: "sarcoma-guide-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        // HTTPServer is not a product of the service; SarcomaAPI is, and brings the
        // HTTPServer module (whose `RequestParserFuzzEntry` is public) with it.
        .executableTarget(
            name: "fuzz-request-parser",
            dependencies: [
                "FuzzSupport", .product(name: "SarcomaAPI", package: service),
            ]),
        .executableTarget(
            name: "fuzz-case-decoder",
            dependencies: [
                "FuzzSupport", .product(name: "SarcomaGuidelines", package: service),
            ]),
        // `fuzzMain`: libFuzzer's driver, or the property-based stand-in (-D FUZZ_STANDALONE).
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        // Declares `LLVMFuzzerRunDriver` (defined by libFuzzer, linked by -sanitize=fuzzer).
        .target(name: "CFuzzerDriver"),
    ]
)

for target in package.targets where target.type != .system && target.name != "CFuzzerDriver" {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
