// swift-tools-version: 6.1
// Coverage-guided fuzzers (libFuzzer) for the plan reader and the config reader. A separate
// package so the main `swift build` and `swift test` never see it; build it with
// `scripts/fuzz build` (own scratch path `.build-fuzz`, `-sanitize=fuzzer`).
import PackageDescription

let package = Package(
    name: "SupportPlanFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "SupportPlan", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "PlanFuzz", dependencies: ["FuzzDriver", .product(name: "PlanCore", package: "SupportPlan")]),
        .executableTarget(name: "PolicyFuzz", dependencies: ["FuzzDriver", .product(name: "PlanCore", package: "SupportPlan")]),
    ],
    swiftLanguageModes: [.v6]
)
