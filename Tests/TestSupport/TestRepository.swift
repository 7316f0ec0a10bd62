import Foundation

/// Where the checkout and the environments `scripts/bootstrap` made are, for every test target.
public enum TestRepository {
    /// The checkout's root, found from this file's place in it (`Tests/TestSupport/`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The project's Python venv (official SDK 2.x and the published servers).
    public static let python = root.appendingPathComponent(".venv/bin/python").path
    /// The venv with the 1.x SDK, for the older protocol era.
    public static let legacyPython = root.appendingPathComponent(".venv-legacy/bin/python").path

    /// A fixture server script under `Tests/Fixtures/servers`.
    public static func fixtureServer(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures/servers/\(name)").path
    }

    /// A console script the venv installed (`mcp-server-time`, …).
    public static func venvBinary(_ name: String) -> String {
        root.appendingPathComponent(".venv/bin/\(name)").path
    }

    /// Fails with the remedy when the bootstrap has not run.
    public static func requireEnvironment() throws {
        for path in [python, legacyPython] where !FileManager.default.isExecutableFile(atPath: path) {
            throw TestFailure("missing \(path): run scripts/bootstrap")
        }
    }
}

/// A test precondition that did not hold, said in words.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
