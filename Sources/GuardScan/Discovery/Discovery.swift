import Foundation
import GuardCore
import GuardDetect
import MCPClient

/// Finds every host config on this machine (or the files given) and the servers they declare.
public struct Discovery: Sendable {
    public struct Options: Sendable {
        public var home: String
        public var environment: [String: String]
        public var workingDirectory: String
        public var platform: HostConfigLocation.Platform
        /// Only these hosts (empty: all).
        public var hosts: Set<String> = []
        /// Config files named on the command line (format detected from the name and content).
        public var configFiles: [String] = []
        /// Search the host locations of the table (false with `--no-discover`).
        public var searchDefaults = true

        public init(home: String, environment: [String: String], workingDirectory: String, platform: HostConfigLocation.Platform) {
            self.home = home
            self.environment = environment
            self.workingDirectory = workingDirectory
            self.platform = platform
        }

        /// This process's home, environment and working directory.
        public static var current: Options {
            let environment = ProcessInfo.processInfo.environment
            #if os(macOS)
            let platform = HostConfigLocation.Platform.macOS
            #elseif os(Windows)
            let platform = HostConfigLocation.Platform.windows
            #else
            let platform = HostConfigLocation.Platform.linux
            #endif
            return Options(
                home: environment["HOME"] ?? NSHomeDirectory(), environment: environment,
                workingDirectory: FileManager.default.currentDirectoryPath, platform: platform
            )
        }
    }

    public struct Result: Sendable {
        /// Every config file read, for the config audit (broken ones included).
        public var configs: [ConfigDocument] = []
        /// Every server declared, in discovery order.
        public var servers: [ServerSpec] = []
        /// Every path looked at.
        public var searched: [String] = []
        /// Files that exist but could not be read, with the reason.
        public var unreadable: [(path: String, reason: String)] = []
        /// Host instruction files (`CLAUDE.md`, `AGENTS.md`, …) of the project and the home directory.
        public var documents: [TextDocument] = []
    }

    /// Largest config file read; anything bigger is reported, not parsed.
    static let maxConfigSize = 8 * 1024 * 1024

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func run() -> Result {
        var result = Result()
        var files: [(path: String, host: String?)] = options.configFiles.map { ($0, nil) }
        if options.searchDefaults {
            let candidates = HostConfigCandidates(
                home: options.home, environment: options.environment, workingDirectory: options.workingDirectory, platform: options.platform
            ).candidates.filter { options.hosts.isEmpty || options.hosts.contains($0.location.host) }
            result.searched = candidates.map(\.path)
            files += candidates.map { ($0.path, $0.location.host) }
            if options.hosts.isEmpty || options.hosts.contains("claude-code") {
                files += pluginConfigs().map { ($0, "claude-code") }
            }
            result.documents = InstructionFiles.find(workingDirectory: options.workingDirectory, home: options.home)
        }
        var seen: Set<String> = []
        for (path, host) in files {
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.path
            guard seen.insert(resolved).inserted else { continue }
            let explicit = host == nil
            guard FileManager.default.fileExists(atPath: path) else {
                if explicit { result.unreadable.append((path, "no such file")) }
                continue
            }
            switch read(path) {
            case .failure(let reason):
                result.unreadable.append((path, reason.description))
            case .success(let (text, mode)):
                let document = ConfigDocument(path: path, host: host ?? Self.guessHost(path), text: text, mode: mode)
                result.configs.append(document)
                if case .success(let config) = HostConfigParser.parse(document) {
                    result.servers += config.servers.map { spec(from: $0, document: document) }
                }
            }
        }
        return result
    }

    /// Claude Code plugins ship their own `.mcp.json`; look a few levels under `~/.claude/plugins`.
    func pluginConfigs() -> [String] {
        let root = HostConfigCandidates.join(options.environment["CLAUDE_CONFIG_DIR"] ?? HostConfigCandidates.join(options.home, ".claude"), "plugins")
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").count > 5 { enumerator.skipDescendants(); continue }
            if relative.hasSuffix(".mcp.json") || relative == ".mcp.json" { found.append(HostConfigCandidates.join(root, relative)) }
        }
        return found.sorted()
    }

    func read(_ path: String) -> Swift.Result<(String, Int?), ReadFailure> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Self.maxConfigSize {
            return .failure(ReadFailure("larger than \(Self.maxConfigSize) bytes"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(ReadFailure("permission denied")) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(ReadFailure("not UTF-8 text")) }
        return .success((text, (attributes?[.posixPermissions] as? NSNumber)?.intValue))
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The host a file named on the command line most likely belongs to.
    static func guessHost(_ path: String) -> String {
        let lower = path.lowercased()
        for location in HostConfigLocation.all where lower.hasSuffix(location.path.lowercased()) { return location.host }
        return "config"
    }

    func spec(from server: ConfiguredServer, document: ConfigDocument) -> ServerSpec {
        var command = server.command.map(expand)
        var args = server.args.map(expand)
        if let (inner, innerArgs) = Self.unwrapGuard(command: command, args: args) {
            command = inner
            args = innerArgs
        }
        return ServerSpec(
            name: server.name, source: .init(host: document.host, path: document.path, line: server.line),
            transport: server.transport, command: command,
            args: args, env: Dictionary(server.env.map { ($0.key, expand($0.value)) }, uniquingKeysWith: { $1 }),
            url: server.url.map(expand), headers: Dictionary(server.headers.map { ($0.key, expand($0.value)) }, uniquingKeysWith: { $1 }),
            disabled: server.disabled
        )
    }

    /// A server wrapped as `mcpguard run [options] -- CMD ARGS…` is scanned and pinned as `CMD ARGS…`: the
    /// scanner should see what the server offers before the guard filters it, and the identity a lockfile
    /// records must be the one `mcpguard run --lock` computes for the same server.
    static func unwrapGuard(command: String?, args: [String]) -> (String, [String])? {
        ConfiguredServer.guardedServer(command: command, args: args).map { ($0.command, $0.args) }
    }

    /// Expands `${env:NAME}` (VS Code), `${NAME}` and `${NAME:-default}` (Claude Code) from the environment,
    /// as the host would before launching. `${input:…}` prompts cannot be answered and stay as written, and so
    /// do `${secret:…}` references, which only `mcpguard run` resolves.
    func expand(_ value: String) -> String {
        guard value.contains("${") else { return value }
        var result = ""
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result += rest[open.lowerBound...]
                return result
            }
            var expression = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            if expression.hasPrefix("input:") || expression.hasPrefix("secret:") {
                result += "${\(expression)}"
                continue
            }
            if expression.hasPrefix("env:") { expression.removeFirst(4) }
            var fallback: String?
            if let separator = expression.range(of: ":-") {
                fallback = String(expression[separator.upperBound...])
                expression = String(expression[..<separator.lowerBound])
            }
            if expression == "userHome" {
                result += options.home
            } else if expression == "workspaceFolder" {
                result += options.workingDirectory
            } else {
                result += options.environment[expression] ?? fallback ?? ""
            }
        }
        return result + rest
    }
}
