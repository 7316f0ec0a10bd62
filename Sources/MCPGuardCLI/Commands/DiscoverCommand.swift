import ArgumentParser
import Foundation
import GuardCore
import GuardScan
import MCPClient

/// `mcpguard discover`: which host configs exist and which servers they declare. Starts nothing.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "List the MCP servers configured on this machine, without starting any."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var sources: SourceOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        let result = try sources.discover()
        switch format {
        case .json:
            let servers: [JSONValue] = result.servers.map { spec in
                var object = JSONObject()
                object["name"] = .string(spec.name)
                object["host"] = spec.source.host.map(JSONValue.string) ?? .null
                object["path"] = spec.source.path.map(JSONValue.string) ?? .null
                object["line"] = spec.source.line.map { .number(JSONNumber($0)) } ?? .null
                object["transport"] = .string(spec.transport.rawValue)
                object["command"] = spec.command.map(JSONValue.string) ?? .null
                object["args"] = .array(spec.args.map(JSONValue.string))
                object["url"] = spec.url.map(JSONValue.string) ?? .null
                // Names only: values may be secrets.
                object["env"] = .array(spec.env.keys.sorted().map(JSONValue.string))
                object["headers"] = .array(spec.headers.keys.sorted().map(JSONValue.string))
                object["disabled"] = .bool(spec.disabled)
                object["identity"] = .string(LiveScanner.identity(spec).key)
                return .object(object)
            }
            var root = JSONObject()
            root["configs"] = .array(result.configs.map { .string($0.path) })
            root["servers"] = .array(servers)
            root["searched"] = .array(result.searched.map(JSONValue.string))
            Terminal.writeStdout(JSONWriter(options: .pretty).string(.object(root)) + "\n")
        case .text:
            var lines: [String] = []
            if result.configs.isEmpty && result.servers.isEmpty {
                lines.append("No MCP host configuration found (\(result.searched.count) locations searched; mcpguard discover --format json lists them).")
            }
            let style = TerminalStyle(enabled: Terminal.stdoutSupportsColor)
            for config in result.configs {
                let servers = result.servers.filter { $0.source.path == config.path }
                lines.append(style.bold("\(config.host ?? "config")  ") + config.path + style.dim("  \(servers.count) server\(servers.count == 1 ? "" : "s")"))
                for spec in servers { lines.append("  " + Self.describe(spec, style: style)) }
            }
            let cli = result.servers.filter { $0.source.host == "cli" }
            if !cli.isEmpty {
                lines.append(style.bold("command line"))
                for spec in cli { lines.append("  " + Self.describe(spec, style: style)) }
            }
            for (path, reason) in result.unreadable { lines.append(style.color("unreadable: \(path): \(reason)", .yellow)) }
            Terminal.writeStdout(lines.joined(separator: "\n") + "\n")
        }
    }

    static func describe(_ spec: ServerSpec, style: TerminalStyle) -> String {
        let endpoint = spec.transport == .stdio ? ([spec.command ?? "?"] + spec.args).map(LaunchConsent.quoted).joined(separator: " ") : (spec.url ?? "?")
        var text = style.bold(spec.name) + "  \(spec.transport.rawValue): " + endpoint
        if !spec.env.isEmpty { text += style.dim("  env: " + spec.env.keys.sorted().joined(separator: ", ")) }
        if let line = spec.source.line { text += style.dim("  (line \(line))") }
        if spec.disabled { text += style.dim("  [disabled]") }
        return text
    }
}
