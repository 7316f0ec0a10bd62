import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardRuntime
import GuardEngine

/// `mcpguard status`: the guarded servers running now, from the per-user run registry.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the servers running behind mcpguard run now: host, name, pid, uptime, calls, denials, redactions, sandbox.",
        discussion: """
            Each mcpguard run registers in $XDG_RUNTIME_DIR/mcpguard (or /tmp/mcpguard-<uid>) and updates its counts \
            at most once a second. Entries of processes that are gone, or whose pid now belongs to another process, \
            are removed.
            """
    )

    @Flag(name: .customLong("json"), help: "Print JSON (see docs/contracts.md) instead of a table.")
    var json = false

    func run() throws {
        let listing: RunRegistry.Listing
        do { listing = try RunRegistry.list() } catch { throw CLIError("\(error)") }
        Terminal.writeStdout(json ? Self.json(listing) : Self.table(listing))
    }

    static func json(_ listing: RunRegistry.Listing) -> String {
        let root: JSONValue = [
            "directory": .string(listing.directory),
            "servers": .array(listing.running.map(\.json)),
            "removed": .array(listing.removed.map { ["pid": $0.pid.map { .number(JSONNumber(Int($0))) } ?? .null, "reason": .string($0.reason)] }),
        ]
        return JSONWriter(options: .pretty).string(root) + "\n"
    }

    static func table(_ listing: RunRegistry.Listing) -> String {
        var lines: [String] = []
        if listing.running.isEmpty {
            lines.append("No guarded server is running (registry: \(listing.directory)).")
        } else {
            let header = ["HOST", "NAME", "PID", "UPTIME", "CALLS", "DENIED", "REDACTED", "SANDBOX"]
            let rows = listing.running.map { entry -> [String] in
                let record = entry.record
                return [record.host, record.name, "\(record.pid)", duration(entry.uptime), "\(record.counts.callsForwarded)",
                        "\(record.counts.refused)", "\(record.counts.redactions)", record.sandbox]
            }
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            for row in [header] + rows {
                lines.append(row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  "))
            }
        }
        for removal in listing.removed {
            lines.append("removed a stale entry: \(removal.file) (\(removal.reason))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `45s`, `12m05s`, `3h07m`, `2d04h`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(total / 60)m\(two(total % 60))s"
        case ..<86400: return "\(total / 3600)h\(two(total % 3600 / 60))m"
        default: return "\(total / 86400)d\(two(total % 86400 / 3600))h"
        }
    }
}

extension RunCommand {
    /// Registers this run for `mcpguard status`. A registry that cannot be used (an unsafe directory, a full
    /// disk) costs only the status entry: the guard still runs, and says so once on stderr.
    static func register(host: String?, name: String, command: [String], environment: [String: String], policy: String?, audit: String?,
                         sandbox: String = "none", statistics: GuardStatistics) -> RunRegistration? {
        // Values of secret-named variables stay out of the summary even when the host expanded them into arguments.
        let secrets = ArgumentMasking.secretValues(in: environment)
        do {
            guard let directory = try RuntimeDirectory.open(create: true) else { return nil }
            return try RunRegistration(
                directory: directory, host: host ?? ProcessIdentity.parentName(), name: name, command: command, secrets: secrets,
                policy: policy, audit: audit, sandbox: sandbox, statistics: statistics
            )
        } catch {
            Terminal.writeStderr("mcpguard: warning: this server is not listed by `mcpguard status`: \(error)\n")
            return nil
        }
    }
}
