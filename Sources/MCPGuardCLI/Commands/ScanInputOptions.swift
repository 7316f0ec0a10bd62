import ArgumentParser
import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import GuardScan

/// What a scan looks at — host configs and live servers, a snapshot or the demo — with the lockfile and
/// directory it compares them with, as options shared by `scan` and `assess`; ``GuardScan/Scanner`` runs it.
struct ScanInputOptions: ParsableArguments {
    @OptionGroup var sources: SourceOptions

    @Flag(name: .customLong("static"), help: "Audit configs only: start and contact no server.")
    var staticOnly = false

    @Option(name: .customLong("lock"), help: ArgumentHelp("Compare with this lockfile (default: mcpguard.lock in this or a parent directory, then the state dir).", valueName: "file"))
    var lockPath: String?

    @Option(name: .customLong("directory"), help: ArgumentHelp("Check servers against this signed directory (needs --trust-key).", valueName: "file"))
    var directoryPath: String?

    @Option(name: .customLong("trust-key"), help: ArgumentHelp("Public key (base64 or .pub file) the directory must be signed with.", valueName: "key"))
    var trustKey: String?

    @Option(name: .customLong("snapshot"), help: ArgumentHelp("Scan an inventory snapshot file.", valueName: "file"))
    var snapshotPath: String?

    @Flag(help: "Scan the bundled demo config and inventory.")
    var demo = false

    func validate() throws {
        if (directoryPath == nil) != (trustKey == nil) { throw ValidationError("--directory and --trust-key go together") }
        if demo && snapshotPath != nil { throw ValidationError("--demo and --snapshot cannot be used together") }
        if (demo || snapshotPath != nil) && (sources.hasExplicitSources || staticOnly) {
            throw ValidationError("--demo and --snapshot scan saved data; they cannot be combined with --config, --server, --url or --static")
        }
    }

    /// Runs the scan these options describe; nil (after telling the user where mcpguard looked) when
    /// nothing is configured.
    func collect() async throws -> GuardScan.Scanner.Outcome? {
        let source: GuardScan.Scanner.Source
        if demo {
            source = .demo
        } else if let snapshotPath {
            let bytes = try Terminal.readFile(snapshotPath, what: "snapshot")
            do {
                source = .snapshot(try InventorySnapshot(jsonBytes: bytes), subject: "snapshot \(snapshotPath)")
            } catch {
                throw CLIError("snapshot \(snapshotPath): \(error)")
            }
        } else {
            let discovery = try sources.discover()
            if discovery.configs.isEmpty && discovery.servers.isEmpty && discovery.documents.isEmpty {
                Self.reportNothingConfigured(discovery.searched)
                return nil
            }
            source = .discovered(discovery, subject: sources.subject(discovery), staticOnly: staticOnly)
        }
        var request = GuardScan.Scanner.Request(source: source)
        // Pins: an explicit --lock must exist; otherwise the nearest mcpguard.lock is used if there is one.
        if !demo {
            if let lockPath, !FileManager.default.fileExists(atPath: lockPath) {
                throw CLIError("cannot read lockfile \(lockPath): no such file")
            }
            let candidates = lockPath.map { [$0] } ?? Lockfile.defaultLocations(
                workingDirectory: FileManager.default.currentDirectoryPath, environment: ProcessInfo.processInfo.environment
            )
            for candidate in candidates {
                let lock: Lockfile?
                do { lock = try Lockfile.load(candidate) } catch { throw CLIError("\(error)") }
                if let lock {
                    request.lockfile = (lock, candidate)
                    break
                }
            }
        }
        if let directoryPath, let trustKey {
            request.directory = (try DirectoryCommand.verified(directoryPath, trustKey: trustKey), directoryPath)
        }
        let sources = self.sources
        return await GuardScan.Scanner(inventory: { await sources.inventory($0) }).scan(request)
    }

    /// Nothing configured: say where mcpguard looked and what to try instead.
    static func reportNothingConfigured(_ searched: [String]) {
        var lines = ["mcpguard: no MCP host configuration found. Looked in:"]
        for path in searched { lines.append("  \(path)") }
        lines.append("Nothing to scan. Try the bundled demo: mcpguard scan --demo")
        lines.append("or name a source: mcpguard scan --config FILE | --server 'CMD ARGS' | --url URL | --snapshot FILE")
        Terminal.writeStderr(lines.joined(separator: "\n") + "\n")
    }
}
