import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardScan
import MCPClient

/// Where servers come from and how they are reached; shared by `discover`, `inventory` and `scan`.
struct SourceOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Read this host config file (JSON, JSONC or TOML); repeatable.", valueName: "file"))
    var configFiles: [String] = []

    @Option(name: .customLong("server"), help: ArgumentHelp("Scan one stdio server, given as a command line; repeatable.", valueName: "command"))
    var serverCommands: [String] = []

    @Option(name: .customLong("url"), help: ArgumentHelp("Scan one remote server (Streamable HTTP; a URL ending in /sse uses legacy SSE); repeatable.", valueName: "url"))
    var urls: [String] = []

    @Option(name: .customLong("host"), help: ArgumentHelp("Only look at this host's configs (claude-desktop, claude-code, cursor, vscode, …); repeatable.", valueName: "name"))
    var hosts: [String] = []

    @Flag(name: .customLong("no-discover"), help: "Do not search the host config locations; use only --config, --server and --url.")
    var noDiscover = false

    @Option(name: .customLong("startup-timeout"), help: ArgumentHelp("Seconds a server may take to start and answer the handshake.", valueName: "seconds"))
    var startupTimeout: Double = 60

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds each request may take after the handshake.", valueName: "seconds"))
    var requestTimeout: Double = 15

    @Option(help: ArgumentHelp("Servers scanned at once.", valueName: "n"))
    var jobs: Int = 4

    @Flag(help: "Start servers without asking, even on a terminal.")
    var yes = false

    func validate() throws {
        let known = Set(HostConfigLocation.all.map(\.host))
        for host in hosts where !known.contains(host) {
            throw ValidationError("unknown host '\(host)' for --host (known: \(known.sorted().joined(separator: ", ")))")
        }
        guard startupTimeout > 0, requestTimeout > 0 else { throw ValidationError("timeouts must be positive numbers of seconds") }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
    }

    var hasExplicitSources: Bool { !configFiles.isEmpty || !serverCommands.isEmpty || !urls.isEmpty }

    /// Runs discovery and adds the servers given on the command line.
    func discover() throws -> Discovery.Result {
        var options = Discovery.Options.current
        options.hosts = Set(hosts)
        options.configFiles = configFiles
        options.searchDefaults = !noDiscover
        var result = Discovery(options: options).run()
        for (path, reason) in result.unreadable where configFiles.contains(path) {
            throw CLIError("cannot read config \(path): \(reason)")
        }
        for (index, line) in serverCommands.enumerated() {
            let words = try ShellWords.split(line)
            guard let command = words.first else { throw CLIError("--server needs a command line, got an empty one") }
            let name = URL(fileURLWithPath: command).lastPathComponent + (serverCommands.count > 1 ? "-\(index + 1)" : "")
            result.servers.append(ServerSpec(name: name, source: .init(host: "cli"), command: command, args: Array(words.dropFirst())))
        }
        for url in urls {
            guard let components = URLComponents(string: url), let scheme = components.scheme, ["http", "https"].contains(scheme.lowercased()), components.host != nil else {
                throw CLIError("--url \(url) is not an http:// or https:// URL")
            }
            let transport: ServerInventory.Transport = components.path.hasSuffix("/sse") ? .sse : .http
            result.servers.append(ServerSpec(name: components.host ?? url, source: .init(host: "cli"), transport: transport, url: url))
        }
        return result
    }

    var collectorOptions: InventoryCollector.Options {
        var options = InventoryCollector.Options()
        options.startupTimeout = .milliseconds(Int64(startupTimeout * 1000))
        options.requestTimeout = .milliseconds(Int64(requestTimeout * 1000))
        options.probeTimeout = min(options.probeTimeout, options.startupTimeout)
        return options
    }

    /// Live inventories of `servers`, asking first for new stdio servers on a terminal.
    func inventory(_ servers: [ServerSpec]) async -> [ServerInventory] {
        let consent = LaunchConsent(interactive: !yes && Terminal.stdinIsTerminal && Terminal.stderrIsTerminal)
        let (launch, declined) = consent.confirm(servers)
        let declinedNames = Set(declined.map(\.name))
        let progress = ProgressLine()
        let scanner = LiveScanner(collector: InventoryCollector(options: collectorOptions), jobs: jobs)
        let results = await scanner.run(launch) { progress.handle($0) }
        progress.finish()
        consent.remember(zip(launch, results).filter { $0.1.status == .ok && $0.0.transport == .stdio }.map { LiveScanner.identity($0.0) })
        var byName = Dictionary(zip(launch.map(\.name), results), uniquingKeysWith: { first, _ in first })
        for spec in servers where declinedNames.contains(spec.name) {
            byName[spec.name] = spec.inventory(status: .skipped, error: "not started: you declined")
        }
        return servers.map { byName[$0.name] ?? $0.inventory(status: .skipped, error: "not started") }
    }

    /// "3 host configs and 2 servers from the command line".
    func subject(_ result: Discovery.Result) -> String {
        var parts: [String] = []
        if !result.configs.isEmpty { parts.append("\(result.configs.count) host config\(result.configs.count == 1 ? "" : "s")") }
        let cli = result.servers.filter { $0.source.host == "cli" }.count
        if cli > 0 { parts.append("\(cli) server\(cli == 1 ? "" : "s") from the command line") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
    }
}
