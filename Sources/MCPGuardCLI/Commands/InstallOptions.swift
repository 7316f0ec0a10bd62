import ArgumentParser
import Foundation
import GuardScan

/// Which host configs `install` and `uninstall` edit.
struct InstallTargetOptions: ParsableArguments {
    @Option(name: .customLong("host"), help: ArgumentHelp("Only this host's configs (claude-desktop, claude-code, cursor, vscode, codex, zed, opencode, …); repeatable.", valueName: "name"))
    var hosts: [String] = []

    @Option(name: .customLong("config"), help: ArgumentHelp("Edit only this config file (JSON, JSONC or Codex TOML) instead of the discovered ones; repeatable.", valueName: "file"))
    var configFiles: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print a unified diff per file and write nothing.")
    var dryRun = false

    func validate() throws {
        let known = Set(HostConfigLocation.all.map(\.host))
        for host in hosts where !known.contains(host) {
            throw ValidationError("unknown host '\(host)' for --host (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// The installer for this machine: discovery as `scan` does it, or only the files named.
    func installer() -> HostInstaller {
        var discovery = Discovery.Options.current
        discovery.hosts = Set(hosts)
        discovery.configFiles = configFiles.map { Self.absolute($0) }
        discovery.searchDefaults = configFiles.isEmpty
        var options = HostInstaller.Options(discovery: discovery)
        options.dryRun = dryRun
        return HostInstaller(options: options)
    }

    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path
    }

    /// Prints the report; a file that could not be written makes the command fail.
    static func finish(_ report: HostInstaller.Report, action: InstallReportRenderer.Action) throws {
        Terminal.writeStdout(InstallReportRenderer(style: TerminalStyle(enabled: Terminal.stdoutSupportsColor)).text(report, action: action))
        let failed = report.files.filter { $0.failure != nil }
        if !failed.isEmpty {
            throw CLIError("\(failed.count) config file\(failed.count == 1 ? " was" : "s were") not written: " + failed.compactMap(\.failure).joined(separator: "; "))
        }
    }
}
