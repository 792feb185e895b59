// swift-tools-version: 6.0
// The benchmark package: not part of the product or of CI. `run.sh` builds it in release
// mode and measures our server against Hummingbird 2 answering the same endpoints with the
// same guideline engine. FlyingFox (0.27.1) was dropped on 2026-12-07: it declares a target
// named CSystemLinux, as the product now does, and SwiftPM refuses two targets of one name
// in a package graph, so the benchmark package could not build at all.
import PackageDescription

let package = Package(
    name: "sarcoma-guide-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "sarcoma-guide", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        // The endpoints both peer servers answer, written once on top of the engine.
        .target(
            name: "GuidelineEndpoints",
            dependencies: [
                .product(name: "SarcomaGuidelines", package: "sarcoma-guide"),
                .product(name: "JSON", package: "sarcoma-guide"),
            ]
        ),
        .executableTarget(
            name: "hb-server",
            dependencies: ["GuidelineEndpoints", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "engine-bench",
            dependencies: [
                "GuidelineEndpoints", .product(name: "SarcomaGuidelines", package: "sarcoma-guide"),
                .product(name: "JSON", package: "sarcoma-guide"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    target.swiftSettings = settings
}
