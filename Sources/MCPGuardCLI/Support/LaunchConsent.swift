import Foundation
import GuardCore
import GuardScan
import MCPClient

/// Before starting a stdio server mcpguard has never scanned, show exactly what will run and ask.
///
/// Only on an interactive terminal and without `--yes`; scripts and CI launch what they were asked to.
/// Approved identities are remembered in `$XDG_STATE_HOME/mcpguard/launched.json` (default
/// `~/.local/state/mcpguard/`), so the question comes once per command line.
struct LaunchConsent {
    let stateFile: URL
    let interactive: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment, interactive: Bool) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let stateHome = environment["XDG_STATE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: home).appendingPathComponent(".local/state")
        self.stateFile = stateHome.appendingPathComponent("mcpguard/launched.json")
        self.interactive = interactive
    }

    func known() -> Set<String> {
        guard let data = try? Data(contentsOf: stateFile), let value = try? JSONParser.parse([UInt8](data)) else { return [] }
        return Set(value["launched"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    func remember(_ identities: [ServerIdentity]) {
        let all = known().union(identities.map(\.key)).sorted()
        let value: JSONValue = ["launched": .array(all.map(JSONValue.string))]
        try? FileManager.default.createDirectory(at: stateFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(JSONWriter(options: .pretty).bytes(value)).write(to: stateFile, options: .atomic)
    }

    /// The specs the user agrees to launch; declined ones come back as skipped inventories.
    func confirm(_ specs: [ServerSpec]) -> (launch: [ServerSpec], declined: [ServerSpec]) {
        let launched = known()
        let unseen = specs.filter { $0.transport == .stdio && !$0.disabled && !launched.contains(LiveScanner.identity($0).key) }
        guard interactive, !unseen.isEmpty else { return (specs, []) }
        var lines = ["mcpguard will start \(unseen.count) server\(unseen.count == 1 ? "" : "s") it has not scanned before, to list their tools:"]
        for spec in unseen {
            lines.append("  \(spec.name)  (\(spec.source.host ?? "cli")\(spec.source.path.map { ": \($0)" } ?? ""))")
            lines.append("      runs: \(([spec.command ?? ""] + spec.args).map(Self.quoted).joined(separator: " "))")
            if !spec.env.isEmpty { lines.append("      env:  \(spec.env.keys.sorted().joined(separator: ", ")) (values not shown)") }
        }
        lines.append("Start them? [y/N] (--yes skips this question; --static scans configs without starting anything) ")
        Terminal.writeStderr(lines.joined(separator: "\n"))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            let declinedKeys = Set(unseen.map { LiveScanner.identity($0).key })
            return (specs.filter { !declinedKeys.contains(LiveScanner.identity($0).key) }, unseen)
        }
        return (specs, [])
    }

    static func quoted(_ word: String) -> String {
        word.isEmpty || word.contains(where: { " \t\"'$`\\".contains($0) }) ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : word
    }
}
