import ArgumentParser
import Foundation
import GuardCore
import GuardPolicy
import GuardScan

/// `mcpguard pin`: record the approved definitions of every server in `mcpguard.lock`.
struct PinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin",
        abstract: "Pin the current definitions of every server in a lockfile (mcpguard.lock).",
        discussion: """
            The lockfile is keyed by server identity (command line and env names, or URL), never by display \
            name, and is meant to be committed. Scans then report every added, removed or changed definition \
            (rug pulls). On a terminal mcpguard shows what changes and asks before overwriting; --yes skips that.
            """
    )

    @OptionGroup var sources: SourceOptions

    @Option(name: .customLong("snapshot"), help: ArgumentHelp("Pin from a saved inventory instead of live servers.", valueName: "file"))
    var snapshotPath: String?

    @Option(name: .customLong("lock"), help: ArgumentHelp("The lockfile to write.", valueName: "file"))
    var lockPath: String = Lockfile.fileName

    func run() async throws {
        let snapshot = try await SnapshotSource.load(snapshotPath: snapshotPath, sources: sources)
        let failed = snapshot.servers.filter { $0.status == .failed }
        for server in failed { Terminal.writeStderr("mcpguard: not pinned: \(server.name): \(server.error ?? "failed")\n") }
        let existing: Lockfile?
        do {
            existing = try Lockfile.load(lockPath)
        } catch {
            throw CLIError("\(error)")
        }
        let lock = Lockfile.pinning(snapshot, keeping: existing)
        let summary = Lockfile.changeLines(from: existing ?? Lockfile(), to: lock)
        if existing == lock {
            Terminal.writeStdout("\(lockPath) is up to date (\(lock.servers.count) server\(lock.servers.count == 1 ? "" : "s") pinned)\n")
            return
        }
        Terminal.writeStdout(summary.joined(separator: "\n") + "\n")
        if existing != nil, !sources.yes {
            guard Terminal.stdinIsTerminal else {
                throw CLIError("\(lockPath) would change; rerun with --yes to overwrite it")
            }
            Terminal.writeStderr("Overwrite \(lockPath)? [y/N] ")
            guard ["y", "yes"].contains(readLine()?.lowercased() ?? "") else {
                Terminal.writeStdout("\(lockPath) left unchanged\n")
                throw ExitCode(1)
            }
        }
        try Terminal.writeFile(lockPath, lock.serialized())
        Terminal.writeStdout("wrote \(lockPath): \(lock.servers.count) server\(lock.servers.count == 1 ? "" : "s") pinned\n")
        if snapshot.servers.allSatisfy({ $0.status == .failed }) { throw ExitCode(2) }
    }
}

/// `mcpguard diff OLD NEW`: compare two snapshots (or lockfiles) the way a scan compares with a lockfile.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two inventory snapshots or lockfiles.",
        discussion: "Exit 0 when nothing changed, 1 when something did."
    )

    @Argument(help: "The older snapshot or lockfile.") var old: String
    @Argument(help: "The newer snapshot or lockfile.") var new: String

    func run() async throws {
        let before = try Self.lockfile(old)
        let after = try Self.lockfile(new)
        let lines = Lockfile.changeLines(from: before, to: after)
        if lines.isEmpty {
            Terminal.writeStdout("no differences\n")
        } else {
            Terminal.writeStdout(lines.joined(separator: "\n") + "\n")
            throw ExitCode(1)
        }
    }

    /// A lockfile read directly, or built from a snapshot.
    static func lockfile(_ path: String) throws -> Lockfile {
        let bytes = try Terminal.readFile(path, what: "file")
        let text = String(decoding: bytes, as: UTF8.self)
        if let value = try? JSONParser.parse(bytes), value["servers"]?.objectValue != nil {
            do { return try Lockfile(text: text, path: path) } catch { throw CLIError("\(error)") }
        }
        do {
            return Lockfile(snapshot: try InventorySnapshot(jsonBytes: bytes))
        } catch {
            throw CLIError("\(path) is neither a snapshot nor a lockfile: \(error)")
        }
    }
}

/// A snapshot from a file or from a live inventory of the sources.
enum SnapshotSource {
    static func load(snapshotPath: String?, sources: SourceOptions) async throws -> InventorySnapshot {
        if let snapshotPath {
            let bytes = try Terminal.readFile(snapshotPath, what: "snapshot")
            do { return try InventorySnapshot(jsonBytes: bytes) } catch { throw CLIError("snapshot \(snapshotPath): \(error)") }
        }
        let discovery = try sources.discover()
        guard !discovery.servers.isEmpty else {
            throw CLIError("no MCP servers found (\(discovery.searched.count) locations searched); name one with --config, --server or --url")
        }
        return InventorySnapshot(servers: await sources.inventory(discovery.servers))
    }
}
