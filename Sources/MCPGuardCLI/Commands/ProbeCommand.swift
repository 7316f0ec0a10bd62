import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardRuntime
import GuardScan
import MCPClient

/// `mcpguard probe`: active, opt-in checks of one server the user owns, reported like a scan.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Actively test a server you own: bad messages, protocol versions, input validation, resource boundaries, error leaks, HTTP session and CORS.",
        discussion: """
            Sends deliberately wrong requests and judges the answers; nothing destructive: tools are called only with \
            arguments that break their own schema, and only tools annotated readOnlyHint unless --sandbox runs the server \
            inside mcpguard's sandbox. Targets: a configured server (mcpguard probe NAME), a command \
            (mcpguard probe -- CMD ARGS…) or a URL (--url). Remote servers need --i-own-this-server. \
            Every check that ran is listed in the report's checks (passed, failed or skipped, with why).
            """
    )

    @Argument(help: "A server from the host configs, by name.")
    var name: String?

    @Option(name: .customLong("server"), help: ArgumentHelp("A server from the host configs, by name (same as NAME).", valueName: "name"))
    var serverName: String?

    @Option(name: .customLong("url"), help: ArgumentHelp("Probe a Streamable HTTP server (a URL ending in /sse uses legacy SSE).", valueName: "url"))
    var url: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("Look for NAME in this host config file; repeatable.", valueName: "file"))
    var configFiles: [String] = []

    @Option(name: .customLong("host"), help: ArgumentHelp("Only look at this host's configs; repeatable.", valueName: "name"))
    var hosts: [String] = []

    @Flag(name: .customLong("i-own-this-server"), help: "Confirm that you own (or may test) the remote server: required for non-loopback targets.")
    var ownsServer = false

    @Flag(name: .customLong("sandbox"), help: "Start the stdio server inside mcpguard's sandbox and call every tool, not only read-only ones.")
    var sandbox = false

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconds each probe request may take.", valueName: "seconds"))
    var timeout: Double = 5

    @Option(name: .customLong("budget"), help: ArgumentHelp("Seconds the whole probe may take.", valueName: "seconds"))
    var budget: Double = 60

    @Option(help: "Report format: text, json, sarif, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write the report to a file instead of stdout.", valueName: "file"))
    var outputPath: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity (info, low, medium, high, critical, or none).")
    var failOn: String = "high"

    @Argument(parsing: .postTerminator, help: "A stdio server command and its arguments, after --.")
    var command: [String] = []

    func validate() throws {
        let targets = [name != nil || serverName != nil, url != nil, !command.isEmpty].filter { $0 }.count
        guard targets == 1 else { throw ValidationError("name exactly one target: a configured server (NAME or --server), --url URL, or -- CMD ARGS…") }
        if name != nil, serverName != nil { throw ValidationError("give the server's name once: NAME or --server") }
        guard timeout > 0, budget > 0 else { throw ValidationError("--timeout and --budget must be positive numbers of seconds") }
        if FailThreshold(failOn) == nil {
            throw ValidationError("unknown severity '\(failOn)' for --fail-on (expected info, low, medium, high, critical or none)")
        }
    }

    func run() async throws {
        let spec = try target()
        if spec.transport != .stdio, let host = URLComponents(string: spec.url ?? "")?.host, !isLoopbackHost(host), !ownsServer {
            throw CLIError("\(spec.name) is a remote server (\(host)): probing sends it deliberately malformed requests; pass --i-own-this-server if you own it or may test it")
        }
        if sandbox, spec.transport != .stdio { throw CLIError("--sandbox applies to stdio servers; \(spec.name) is reached over \(spec.transport.rawValue)") }
        var options = ActiveProbe.Options()
        options.requestTimeout = .milliseconds(Int64(timeout * 1000))
        options.budget = .milliseconds(Int64(budget * 1000))
        options.callAllTools = sandbox
        let probe = ServerProbe(options: options)
        var session: SandboxSession?
        var launch: ServerProbe.Launch?
        if sandbox, let plain = probe.defaultLaunch(spec) {
            let planned = try Self.sandboxed(plain)
            session = planned.0
            launch = planned.1
        }
        defer { session?.close() }
        let outcome = await probe.probe(spec, launch: launch)
        let report = ServerProbe.report([outcome], subject: "\(spec.name) (active probe\(sandbox ? ", sandboxed" : ""))")
        try ReportOutput(format: format, outputPath: outputPath, failOn: failOn, textTrailer: Self.checkLines(report.checks)).emit(report)
    }

    /// What every check did, for the text report: the JSON carries the same records as `checks`.
    static func checkLines(_ checks: [CheckRecord]) -> String {
        guard !checks.isEmpty else { return "" }
        let width = checks.map(\.rule.count).max() ?? 0
        var lines = ["", "Checks:"]
        for check in checks {
            let rule = check.rule.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  " + check.outcome.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + rule + "  " + (check.detail ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The server to probe: from the command line, or found by name in the host configs.
    func target() throws -> ServerSpec {
        if !command.isEmpty {
            return ServerSpec(name: URL(fileURLWithPath: command[0]).lastPathComponent, source: .init(host: "cli"), command: command[0], args: Array(command.dropFirst()))
        }
        if let url {
            guard let components = URLComponents(string: url), let scheme = components.scheme, ["http", "https"].contains(scheme.lowercased()), let host = components.host else {
                throw CLIError("--url \(url) is not an http:// or https:// URL")
            }
            return ServerSpec(name: host, source: .init(host: "cli"), transport: components.path.hasSuffix("/sse") ? .sse : .http, url: url)
        }
        let wanted = name ?? serverName ?? ""
        var options = Discovery.Options.current
        options.hosts = Set(hosts)
        options.configFiles = configFiles
        let result = Discovery(options: options).run()
        for (path, reason) in result.unreadable where configFiles.contains(path) { throw CLIError("cannot read config \(path): \(reason)") }
        let matches = result.servers.filter { $0.name == wanted }
        guard let spec = matches.first else {
            let known = Set(result.servers.map(\.name)).sorted()
            throw CLIError("no configured server is named \(wanted)" + (known.isEmpty ? " (no servers configured)" : " (configured: \(known.joined(separator: ", ")))"))
        }
        if matches.count > 1, Set(matches.map(LiveScanner.identity)).count > 1 {
            throw CLIError("several configured servers are named \(wanted) (\(matches.map { $0.source.host ?? "?" }.joined(separator: ", "))); choose one with --host or --config")
        }
        return spec
    }

    /// The sandbox `run --sandbox` would give the server with no policy: the default rules, fail closed.
    static func sandboxed(_ plain: ServerProbe.Launch) throws -> (SandboxSession, ServerProbe.Launch) {
        let planner = SandboxPlanner(
            rules: SandboxRules(), command: [plain.command] + plain.arguments, environment: plain.environment,
            home: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory(), workspace: FileManager.default.currentDirectoryPath,
            bestEffort: false, allowRoot: false, backend: .auto, helper: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        )
        let session: SandboxSession
        do { session = try SandboxSession(planner: planner) { _ in } } catch { throw CLIError("\(error)") }
        Terminal.writeStderr("mcpguard: sandbox: \(session.launch.description)\n")
        let launch = session.launch
        return (session, ServerProbe.Launch(command: launch.command, arguments: launch.arguments, environment: launch.environment, confinement: launch.confinement))
    }
}
