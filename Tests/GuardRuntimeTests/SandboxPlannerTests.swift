import Foundation
import GuardCore
import GuardPolicy
import Testing
@testable import GuardRuntime

/// The sandbox's plan, before anything runs: bubblewrap's command line, Landlock's allow-list, what the
/// launcher binds by itself, and the refusals that keep a sandbox from silently being weaker than asked.
@Suite("Sandbox planning")
struct SandboxPlannerTests {
    static let python = SandboxPaths.resolve("python3", path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin", workingDirectory: "/") ?? "/usr/bin/python3"

    static func planner(_ rules: SandboxRules, backend: SandboxPlanner.BackendChoice, bestEffort: Bool = false, command: [String]? = nil) -> SandboxPlanner {
        SandboxPlanner(rules: rules, command: command ?? [python, "-c", "pass"], environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"],
                       home: "/home/someone", workspace: "/", bestEffort: bestEffort, backend: backend, helper: "/opt/mcpguard/bin/mcpguard")
    }

    /// The values that follow each occurrence of `flag` (pairs for bind flags).
    static func binds(_ arguments: [String], _ flag: String) -> [(String, String)] {
        arguments.indices.filter { arguments[$0] == flag && $0 + 2 < arguments.count }.map { (arguments[$0 + 1], arguments[$0 + 2]) }
    }

    @Test("bubblewrap: every namespace, no network, secrets in /etc masked, an empty home, the helper and the interpreter bound read-only")
    func bubblewrapArguments() throws {
        let directory = try TemporaryDirectory()
        let rules = SandboxRules(read: [directory.path], write: [directory.path + "/out"], network: .none)
        try FileManager.default.createDirectory(atPath: directory.path + "/out", withIntermediateDirectories: true)
        let launch = try Self.planner(rules, backend: .bubblewrap).plan()
        defer { launch.cleanUp() }
        let arguments = launch.arguments
        for flag in ["--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--die-with-parent", "--new-session"] {
            #expect(arguments.contains(flag), "missing \(flag)")
        }
        #expect(Self.binds(arguments, "--ro-bind").contains { $0 == ("/dev/null", "/etc/shadow") } || !FileManager.default.fileExists(atPath: "/etc/shadow"))
        #expect(arguments.contains("--tmpfs") && arguments[arguments.firstIndex(of: "/home/someone")! - 1] == "--tmpfs")
        let readOnly = Self.binds(arguments, "--ro-bind").map(\.1)
        let writable = Self.binds(arguments, "--bind").map(\.1)
        let real = SandboxPaths.realPath(directory.path)
        #expect(readOnly.contains(real) && writable.contains(real + "/out"))
        // The writable directory inside the read-only one is mounted after it, so it stays writable.
        let order = arguments.firstIndex(of: real + "/out")! > arguments.lastIndex(of: real)!
        #expect(order)
        let separator = try #require(arguments.firstIndex(of: "--"))
        #expect(Array(arguments[(separator + 1)...].prefix(2)) == ["/opt/mcpguard/bin/mcpguard", "sandbox-exec"])
        let spec = try SandboxSpec(encoded: arguments[separator + 4])
        #expect(spec.backend == .bubblewrap && spec.refuseInetSockets && spec.paths.isEmpty)
        #expect(arguments.suffix(3) == [Self.python, "-c", "pass"])
        if geteuid() == 0 { #expect(Self.binds(arguments, "--uid").first?.0 == "65534") }
    }

    @Test("Landlock: /etc is allowed entry by entry without shadow, sudoers or ssh; the private directory is the only other write")
    func landlockAllowList() throws {
        let launch = try Self.planner(SandboxRules(network: .none), backend: .landlock).plan()
        defer { launch.cleanUp() }
        let separator = try #require(launch.arguments.firstIndex(of: "--"))
        let spec = try SandboxSpec(encoded: launch.arguments[separator - 1])
        let paths = spec.paths.map(\.path)
        #expect(paths.contains("/usr") && paths.contains("/proc"))
        for secret in ["/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh", "/etc"] { #expect(!paths.contains(secret), "\(secret) allowed") }
        if FileManager.default.fileExists(atPath: "/etc/passwd") { #expect(paths.contains("/etc/passwd")) }
        let writable = spec.paths.filter(\.writable).map(\.path)
        let temporary = try #require(launch.temporaryDirectory)
        #expect(Set(writable) == ["/dev/null", "/dev/zero", "/dev/full", temporary])
        #expect(launch.environment["HOME"] == temporary + "/home" && launch.environment["TMPDIR"] == temporary + "/tmp")
        #expect(spec.refuseInetSockets)
        launch.cleanUp()
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    @Test("a policy path that does not exist refuses the plan, naming it; best effort records it instead")
    func failClosed() throws {
        let rules = SandboxRules(read: ["~/no-such-dir-for-mcpguard"])
        #expect { try Self.planner(rules, backend: .landlock).plan() } throws: { error in
            "\(error)".contains("~/no-such-dir-for-mcpguard (/home/someone/no-such-dir-for-mcpguard) does not exist") && "\(error)".contains("best-effort")
        }
        let launch = try Self.planner(rules, backend: .landlock, bestEffort: true).plan()
        defer { launch.cleanUp() }
        #expect(launch.notApplied.count == 1 && launch.description.contains("NOT applied: filesystem path ~/no-such-dir-for-mcpguard"))
    }

    @Test("the runtime a venv server needs is found: the venv, the base interpreter's prefix, the script and its directory")
    func runtimePaths() throws {
        let directory = try TemporaryDirectory()
        // A venv whose python links to the interpreter the tests run on.
        let venv = directory.path + "/venv"
        try FileManager.default.createDirectory(atPath: venv + "/bin", withIntermediateDirectories: true)
        let base = SandboxPaths.realPath(Self.python)
        try FileManager.default.createSymbolicLink(atPath: venv + "/bin/python", withDestinationPath: base)
        try "home = \((base as NSString).deletingLastPathComponent)\n".write(toFile: venv + "/pyvenv.cfg", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory.path + "/app", withIntermediateDirectories: true)
        try "print('x')".write(toFile: directory.path + "/app/server.py", atomically: true, encoding: .utf8)
        let paths = SandboxPaths.runtime(command: [venv + "/bin/python", directory.path + "/app/server.py"], environment: ["PATH": "/usr/bin"],
                                         workingDirectory: "/", home: "/home/someone")
        let real = SandboxPaths.realPath(directory.path)
        #expect(paths.contains(real + "/venv") || paths.contains(directory.path + "/venv"), "\(paths)")
        #expect(paths.contains(real + "/app/server.py") && paths.contains(real + "/app"), "\(paths)")
        // A script under the home never exposes the home itself.
        let inHome = SandboxPaths.runtime(command: ["/bin/sh", NSHomeDirectory() + "/x.sh"], environment: [:], workingDirectory: "/", home: NSHomeDirectory())
        #expect(!inHome.contains(NSHomeDirectory()))
    }

    @Test("relative program and script paths become absolute (the sandbox may not show the current directory); names and flags stay")
    func absolutePaths() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/bin", withIntermediateDirectories: true)
        for file in ["bin/server", "app.py"] { try "x".write(toFile: directory.path + "/" + file, atomically: true, encoding: .utf8) }
        let made = SandboxPaths.absolute(["bin/server", "app.py", "--flag", "missing.py", "npx"], workingDirectory: directory.path)
        #expect(made == [directory.path + "/bin/server", directory.path + "/app.py", "--flag", "missing.py", "npx"])
        #expect(SandboxPaths.absolute(["npx", "-y", "pkg"], workingDirectory: directory.path) == ["npx", "-y", "pkg"])
    }

    @Test("a shebang's interpreter is followed, through /usr/bin/env")
    func shebang() throws {
        let directory = try TemporaryDirectory()
        let script = directory.path + "/tool"
        try "#!/usr/bin/env python3\nprint(1)\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let interpreter = SandboxPaths.shebang(script, path: ProcessInfo.processInfo.environment["PATH"] ?? "", workingDirectory: "/")
        #expect(interpreter == Self.python)
    }

    @Test("the macOS profile denies by default and names exactly the allowed paths, escaped")
    func seatbelt() {
        let profile = MacOSSandboxProfile(read: ["/Users/me/docs \"q\""], write: ["/Users/me/out"], network: .none).text
        #expect(profile.hasPrefix("(version 1)\n(deny default)\n"))
        #expect(profile.contains("(allow file-read* ") && profile.contains(#"(subpath "/Users/me/docs \"q\"")"#))
        #expect(profile.contains(#"(allow file-write* (subpath "/Users/me/out")"#))
        #expect(!profile.contains("(allow network") && profile.contains("; network: none"))
        let loopback = MacOSSandboxProfile(read: [], write: [], network: .loopback).text
        #expect(loopback.contains(#"(allow network-outbound (remote ip "localhost:*"))"#) && !loopback.contains("(allow network*)"))
        #expect(MacOSSandboxProfile(read: [], write: [], network: .any).text.contains("(allow network*)"))
    }

    @Test("policy init's proposal: a filesystem server gets its root writable, a read-only tool set read-only, network none unless a tool sends data")
    func proposal() throws {
        let directory = try TemporaryDirectory()
        let tools: [JSONValue] = [["name": "write_file", "description": "Write a file to disk.", "inputSchema": ["type": "object", "properties": ["path": ["type": "string"]]]]]
        let filesystem = SandboxProposal(server: ServerInventory(name: "fs", command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", directory.path], tools: tools))
        #expect(filesystem.rules.write == [directory.path] && filesystem.rules.read.isEmpty)
        #expect(filesystem.rules.network == SandboxRules.Network.none)
        let readOnly = SandboxProposal(server: ServerInventory(name: "git", command: "uvx", args: ["mcp-server-git", "--repository", directory.path],
                                                               tools: [["name": "git_log", "description": "Shows the commit logs."]]))
        #expect(readOnly.rules.read == [directory.path])
        let fetch = SandboxProposal(server: ServerInventory(name: "web", command: "uvx", args: ["mcp-server-fetch", "--base=https://api.example.com/v1"],
                                                            tools: [["name": "fetch", "description": "Fetches a URL from the internet and sends an HTTP request.", "inputSchema": ["type": "object", "properties": ["url": ["type": "string"]]]]]))
        #expect(fetch.rules.network == .allow(["api.example.com:443"]), "\(fetch.rules.network)")
        let lines = fetch.yamlLines(indent: 4).joined(separator: "\n")
        #expect(lines.contains("    sandbox:\n      filesystem: { read: [], write: [] }\n      network: [\"api.example.com:443\"]"))
    }
}

/// A directory under the system temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "mcpguard-sandbox-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
