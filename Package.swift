// swift-tools-version: 6.1
import PackageDescription

/// Targets are split by concern; arrows only point down:
///   mcpguard → MCPGuardCLI → GuardScan → GuardRuntime, GuardStdio → GuardEngine, MCPClient → GuardPolicy
///   → GuardDetect → GuardCore.
/// - GuardCore, GuardDetect and GuardPolicy do no I/O except files the caller names (a Swift MCP host can
///   embed them); MCPClient talks to servers (child processes, stdio and HTTP transports, sessions,
///   inventory, probes).
/// - GuardEngine is the guard's decisions (pipeline, controls, pins, audit) with no knowledge of stdio or
///   HTTP; GuardStdio is its stdio front (`mcpguard run`); an HTTP front will sit beside it.
/// - GuardRuntime is what surrounds a guarded server: sandbox and egress proxy, secret stores, the registry
///   of running guards.
let package = Package(
    name: "mcpguard",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex (Locked) needs macOS 15
    products: [
        .executable(name: "mcpguard", targets: ["mcpguard"]),
        .library(name: "GuardCore", targets: ["GuardCore"]),
        .library(name: "GuardDetect", targets: ["GuardDetect"]),
        .library(name: "GuardPolicy", targets: ["GuardPolicy"]),
        .library(name: "MCPClient", targets: ["MCPClient"]),
        .library(name: "GuardEngine", targets: ["GuardEngine"]),
        .library(name: "GuardStdio", targets: ["GuardStdio"]),
        .library(name: "GuardRuntime", targets: ["GuardRuntime"]),
        .library(name: "GuardScan", targets: ["GuardScan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(
            name: "GuardCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GuardDetect",
            dependencies: ["GuardCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "GuardPolicy",
            dependencies: ["GuardCore", "GuardDetect", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "CGuardSpawn"),
        .target(
            name: "MCPClient",
            dependencies: [
                "GuardCore", "GuardDetect", "CGuardSpawn",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        .target(name: "GuardEngine", dependencies: ["GuardCore", "GuardDetect", "GuardPolicy"]),
        .target(name: "GuardStdio", dependencies: ["GuardCore", "GuardPolicy", "GuardEngine", "MCPClient"]),
        .target(
            name: "GuardRuntime",
            dependencies: [
                "GuardCore", "GuardDetect", "GuardPolicy", "GuardEngine", "MCPClient", "CGuardSpawn",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),  // scrypt for the secrets file
            ]
        ),
        .target(name: "GuardScan", dependencies: ["GuardCore", "GuardDetect", "GuardPolicy", "MCPClient", "GuardEngine", "GuardRuntime", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "MCPGuardCLI",
            dependencies: [
                "GuardCore", "GuardDetect", "GuardPolicy", "MCPClient", "GuardEngine", "GuardStdio", "GuardRuntime", "GuardScan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "mcpguard", dependencies: ["MCPGuardCLI"]),
        // Measures detection quality and speed on the labelled corpus in ../shared/corpus (not part of the tests).
        .executableTarget(name: "DetectionBenchmark", dependencies: ["GuardCore", "GuardDetect"], path: "Benchmarks/DetectionBenchmark"),
        // Measures what `mcpguard run` adds: the same workload direct and through the guard (not part of the tests).
        .executableTarget(name: "GuardBenchmark", dependencies: ["GuardCore", "MCPClient"], path: "Benchmarks/GuardBenchmark", exclude: ["echo_server.py", "raw_server.py", "sdk_client.py"]),
        // What the test targets share: repository paths, loopback fixture servers, the process table.
        .target(name: "MCPGuardTestSupport", dependencies: ["MCPClient"], path: "Tests/TestSupport"),
        .testTarget(name: "GuardCoreTests", dependencies: ["GuardCore"], exclude: ["Fixtures"]),
        .testTarget(name: "GuardDetectTests", dependencies: ["GuardDetect"]),
        .testTarget(name: "GuardRuntimeTests", dependencies: ["GuardRuntime", "GuardEngine", "GuardStdio", "MCPClient", "MCPGuardTestSupport"]),
        .testTarget(name: "GuardPolicyTests", dependencies: ["GuardPolicy"], exclude: ["Fixtures"]),
        .testTarget(name: "GuardScanTests", dependencies: ["GuardScan", "GuardRuntime", "MCPClient", "MCPGuardTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MCPGuardCLITests", dependencies: ["MCPGuardCLI", "mcpguard", "MCPGuardTestSupport"]),
        // Bounded mutation fuzzing of every parser of untrusted input (runs with the other tests).
        .testTarget(name: "FuzzTests", dependencies: ["GuardCore", "GuardDetect", "GuardPolicy", "GuardEngine", "MCPClient", "GuardRuntime"]),
    ]
)
