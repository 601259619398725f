// swift-tools-version: 6.1
// SupportPlan: person-centred support plans — the plan model (PlanCore), the terminal layer
// (CNcursesw, TerminalKit) and the `supportplan` command.
import PackageDescription

let package = Package(
    name: "SupportPlan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "supportplan", targets: ["supportplan"]),
        .library(name: "PlanCore", targets: ["PlanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "PlanCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "PlanDocuments",
            dependencies: ["PlanCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "TerminalKit",
            dependencies: ["CNcursesw"]
        ),
        .target(
            name: "PlanUI",
            dependencies: ["PlanCore", "TerminalKit"]
        ),
        .executableTarget(
            name: "supportplan",
            dependencies: [
                "PlanCore",
                "PlanDocuments",
                "PlanUI",
                "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanCoreTests",
            dependencies: [
                "PlanCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TerminalKitTests",
            dependencies: ["TerminalKit", "CNcursesw", "PlanCore"]
        ),
        .testTarget(
            name: "PlanDocumentsTests",
            dependencies: ["PlanDocuments", "PlanCore", .product(name: "CSV", package: "CSV.swift")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PlanUITests",
            dependencies: ["PlanUI", "PlanCore", "TerminalKit"]
        ),
        .testTarget(
            name: "CommandTests",
            dependencies: ["supportplan", "PlanCore"],
            exclude: ["Guide"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
