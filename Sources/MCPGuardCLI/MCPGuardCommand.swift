import ArgumentParser
import GuardCore

/// The root command. Subcommands are thin: they parse flags, call the libraries and print.
public struct MCPGuardCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mcpguard",
        abstract: "Security scanner and guard for Model Context Protocol servers.",
        discussion: """
            mcpguard turns the SlowMist MCP Security Checklist into checks: it scans the MCP servers your AI \
            hosts are configured to run and reports what the checklist would flag. It works offline.

            Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 mcpguard could not \
            do its job (bad arguments, unreadable input, every server failed).
            """,
        version: MCPGuardVersion.current,
        subcommands: [ScanCommand.self, DiscoverCommand.self, InventoryCommand.self, PinCommand.self, DiffCommand.self, DirectoryCommand.self, AuditCommand.self, RunCommand.self, StatusCommand.self, InstallCommand.self, UninstallCommand.self, SecretsCommand.self, PolicyCommand.self, ChecklistCommand.self, AssessCommand.self, ProbeCommand.self, SandboxExecCommand.self]
    )

    public init() {}
}
