import Foundation
import Testing

@testable import GuardScan

/// The diff generator against GNU `diff -u` and `patch` on real files.
@Suite("Unified diff")
struct UnifiedDiffTests {
    /// `diff -u` of two texts from its first hunk on (its header carries timestamps).
    static func gnuDiff(_ old: String, _ new: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(old.utf8).write(to: directory.appendingPathComponent("a"))
        try Data(new.utf8).write(to: directory.appendingPathComponent("b"))
        let output = try run("/usr/bin/diff", ["-u", "a", "b"], in: directory)
        return output.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    static func run(_ tool: String, _ arguments: [String], in directory: URL, stdin: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func ours(_ old: String, _ new: String) -> String {
        let full = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), from: "a", to: "b")
        return full.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    static let config = """
        {
          "mcpServers": {
            "filesystem": {
              "command": "npx",
              "args": [
                "-y",
                "@modelcontextprotocol/server-filesystem",
                "/home/me/projects"
              ]
            },
            "time": { "command": "uvx", "args": ["mcp-server-time"] },
            "a": 1,
            "b": 2,
            "c": 3,
            "d": 4,
            "e": 5,
            "f": 6,
            "g": 7,
            "git": { "command": "uvx", "args": ["mcp-server-git"] }
          }
        }

        """

    @Test("an install-like edit: the same hunks as diff -u, headers labelled")
    func installEdit() throws {
        let new = Self.config
            .replacingOccurrences(of: "\"command\": \"npx\"", with: "\"command\": \"/usr/local/bin/mcpguard\"")
            .replacingOccurrences(of: "\"-y\",", with: "\"run\",\n          \"--name\",\n          \"filesystem\",\n          \"--\",\n          \"npx\",\n          \"-y\",")
            .replacingOccurrences(of: "\"args\": [\"mcp-server-git\"]", with: "\"args\": [\"run\", \"--\", \"uvx\", \"mcp-server-git\"]")
        let ours = Self.ours(Self.config, new)
        #expect(ours == (try Self.gnuDiff(Self.config, new)))
        #expect(ours.hasPrefix("@@ -1,9 +1,14 @@\n"))
        let full = UnifiedDiff.render(old: Array(Self.config.utf8), new: Array(new.utf8), from: "x.json\t(current)", to: "x.json\t(after)")
        #expect(full.hasPrefix("--- x.json\t(current)\n+++ x.json\t(after)\n@@ "))
    }

    @Test("equal texts give no diff")
    func equal() {
        #expect(UnifiedDiff.render(old: Array(Self.config.utf8), new: Array(Self.config.utf8), from: "a", to: "b") == "")
    }

    @Test("edge cases match diff -u: empty files, one line, missing final newline, far-apart and adjacent hunks")
    func edges() throws {
        let lines = (1...30).map { "line \($0)\n" }
        func text(_ replacing: [Int: String] = [:], drop: Set<Int> = [], insert: [Int: String] = [:]) -> String {
            var out = ""
            for (index, line) in lines.enumerated() {
                if let extra = insert[index] { out += extra }
                if drop.contains(index) { continue }
                out += replacing[index] ?? line
            }
            return out
        }
        let base = text()
        let cases: [(String, String)] = [
            ("", "one\n"),
            ("one\n", ""),
            ("one", "one\n"),
            ("one\n", "one"),
            ("a\nb", "a\nc"),
            (base, text([0: "first\n"])),
            (base, text([29: "last\n"])),
            (base, text([3: "x\n", 25: "y\n"])),
            (base, text([3: "x\n", 10: "y\n"])),
            (base, text([3: "x\n", 9: "y\n"])),
            (base, text([3: "x\n", 11: "y\n"])),
            (base, text(drop: [5, 6, 7], insert: [20: "new\n"])),
            (base, text(insert: [0: "top\n", 15: "mid1\nmid2\n"])),
            (base, "entirely\ndifferent\n"),
        ]
        for (old, new) in cases {
            #expect(Self.ours(old, new) == (try Self.gnuDiff(old, new)), "old \(old.debugDescription.prefix(40)) new \(new.debugDescription.prefix(40))")
        }
    }

    @Test("patch applies the diff and gives the new text byte for byte")
    func patchApplies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-patch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = Self.config
        let new = old.replacingOccurrences(of: "uvx", with: "/opt/mcpguard run -- uvx").replacingOccurrences(of: "\n  }\n}\n", with: "\n  }\n}")
        try Data(old.utf8).write(to: directory.appendingPathComponent("config.json"))
        let diff = UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), from: "config.json\t(current)", to: "config.json\t(after)")
        _ = try Self.run("/usr/bin/patch", ["-s", "config.json"], in: directory, stdin: diff)
        #expect(try Data(contentsOf: directory.appendingPathComponent("config.json")) == Data(new.utf8))
    }
}
