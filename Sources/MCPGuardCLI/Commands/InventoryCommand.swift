import ArgumentParser
import Foundation
import GuardCore
import GuardScan

/// `mcpguard inventory`: start or connect to every server and record what it offers (the snapshot).
struct InventoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Connect to every configured server and list its tools, prompts and resources.",
        discussion: "--format json writes the inventory snapshot that `mcpguard scan --snapshot` reads."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var sources: SourceOptions

    @Option(help: "Output format: text (a table) or json (the snapshot).")
    var format: Format = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write to a file instead of stdout.", valueName: "file"))
    var outputPath: String?

    func run() async throws {
        let discovery = try sources.discover()
        guard !discovery.servers.isEmpty else {
            throw CLIError("no MCP servers found (\(discovery.searched.count) locations searched); name one with --config, --server or --url")
        }
        let snapshot = InventorySnapshot(servers: await sources.inventory(discovery.servers))
        let text: String
        switch format {
        case .json:
            text = JSONWriter(options: .pretty).string(snapshot.jsonValue) + "\n"
        case .text:
            let style = TerminalStyle(enabled: outputPath == nil && Terminal.stdoutSupportsColor)
            var lines: [String] = []
            for server in snapshot.servers {
                switch server.status {
                case .ok:
                    let info = [server.serverInfo?["name"]?.stringValue, server.serverInfo?["version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
                    lines.append(style.color("✓ ", .green) + style.bold(server.name) + style.dim("  \(info) · protocol \(server.protocolVersion ?? "?")"))
                    for (label, names) in [("tools", server.toolNames), ("prompts", server.prompts.compactMap { $0["name"]?.stringValue }),
                                           ("resources", server.resources.compactMap { $0["uri"]?.stringValue }),
                                           ("templates", server.resourceTemplates.compactMap { $0["uriTemplate"]?.stringValue })] where !names.isEmpty {
                        lines.append("    \(label) (\(names.count)): " + names.joined(separator: ", "))
                    }
                case .failed:
                    lines.append(style.color("✗ ", .red) + style.bold(server.name) + "  failed: " + (server.error ?? "unknown error"))
                case .skipped:
                    lines.append(style.dim("– \(server.name)  skipped: \(server.error ?? "")"))
                }
            }
            let ok = snapshot.servers.filter { $0.status == .ok }.count
            lines.append("\(snapshot.servers.count) servers: \(ok) inventoried, \(snapshot.servers.filter { $0.status == .failed }.count) failed")
            text = lines.joined(separator: "\n") + "\n"
        }
        if let outputPath { try Terminal.writeFile(outputPath, text) } else { Terminal.writeStdout(text) }
        if snapshot.servers.allSatisfy({ $0.status == .failed }) { throw ExitCode(2) }
    }
}
