import Crypto
import Foundation
import GuardCore

/// `mcpguard install` and `uninstall`: puts every stdio server of the host configs discovery finds behind
/// `mcpguard run`, and takes it out again.
///
/// Every file is planned before any is written, so a broken config stops the run with nothing changed.
/// A write first checks the file is still what was planned against (hosts rewrite their configs while
/// running), keeps a backup in the state directory, replaces the file atomically and updates the manifest.
public struct HostInstaller: Sendable {
    public struct Options: Sendable {
        public var discovery: Discovery.Options
        /// Backups and the manifest live here.
        public var stateDirectory: String
        public var dryRun = false
        public var now = Date()

        public init(discovery: Discovery.Options, stateDirectory: String? = nil) {
            self.discovery = discovery
            self.stateDirectory = stateDirectory ?? Self.stateDirectory(home: discovery.home, environment: discovery.environment)
        }

        /// `$XDG_STATE_HOME/mcpguard`, else `~/.local/state/mcpguard`.
        public static func stateDirectory(home: String, environment: [String: String]) -> String {
            if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return HostConfigCandidates.join(state, "mcpguard") }
            return HostConfigCandidates.join(home, ".local/state/mcpguard")
        }
    }

    /// One config file and what was (or would be) done to it.
    public struct FileChange: Sendable {
        /// The path as discovered, and the file written (symbolic links resolved).
        public var path: String
        public var target: String
        public var host: String
        public var before: [UInt8]
        public var after: [UInt8]
        public var entries: [HostConfigRewriter.EntryChange]
        /// Install with migration: the secrets this file's new text refers to (store them before writing).
        public var secrets: [HostConfigRewriter.MigratedSecret] = []
        /// Uninstall: the file had not changed since install and its backup was written back as it was.
        public var restoredFromBackup = false
        /// The copy of `before` kept, once written.
        public var backup: String?
        /// Why the file was left alone although there was something to change.
        public var leftAlone: String?
        /// Why writing it failed (the file is as it was).
        public var failure: String?

        public var changed: Bool { before != after }
    }

    public struct Report: Sendable {
        public var files: [FileChange]
        public var manifestPath: String
        public var backupDirectory: String
        public var dryRun: Bool
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    var manifestPath: String { HostConfigCandidates.join(options.stateDirectory, "install-manifest.json") }
    var backupDirectory: String { HostConfigCandidates.join(options.stateDirectory, "backups") }

    // MARK: Install

    public func install(_ settings: HostConfigRewriter.WrapSettings) throws(InstallError) -> Report {
        var manifest = try InstallManifest.load(manifestPath)
        var files: [FileChange] = []
        var errors: [String] = []
        var pending: [String: [InstallManifest.Entry]] = [:]
        for (path, host) in try targets(manifest: nil) {
            do {
                let target = ConfigFileWriter.resolve(path)
                let before = try ConfigFileWriter.read(target)
                let result = try HostConfigRewriter.install(before, path: path, host: host, settings: settings)
                guard !result.entries.isEmpty || options.discovery.configFiles.contains(path) else { continue }
                var change = FileChange(path: path, target: target, host: host, before: before, after: result.bytes, entries: result.entries)
                change.secrets = result.secrets
                if change.changed { change.leftAlone = ConfigFileWriter.unwritableReason(target) }
                files.append(change)
                pending[target] = result.records
            } catch {
                errors.append(error.message)
            }
        }
        guard errors.isEmpty else { throw InstallError((errors + ["nothing was changed (leave a file out with --host or --config)"]).joined(separator: "\n")) }
        if !options.dryRun {
            for index in files.indices where files[index].changed && files[index].leftAlone == nil {
                do { try write(&files[index]) } catch { files[index].failure = error.message; continue }
                let change = files[index]
                let fresh = pending[change.target] ?? []
                let kept = (manifest.files[change.target]?.entries ?? []).filter { old in !fresh.contains { $0.pointer == old.pointer } }
                manifest.files[change.target] = InstallManifest.FileRecord(
                    path: change.target, host: change.host, originalSHA256: Self.sha256(change.before),
                    installedSHA256: Self.sha256(change.after), backup: change.backup ?? "", installedAt: timestamp(iso: true),
                    entries: kept + fresh
                )
                try manifest.save(manifestPath)
            }
        }
        return Report(files: files, manifestPath: manifestPath, backupDirectory: backupDirectory, dryRun: options.dryRun)
    }

    // MARK: Uninstall

    public func uninstall() throws(InstallError) -> Report {
        var manifest = try InstallManifest.load(manifestPath)
        var files: [FileChange] = []
        var errors: [String] = []
        for (path, host) in try targets(manifest: manifest) {
            do {
                let target = ConfigFileWriter.resolve(path)
                let current = try ConfigFileWriter.read(target)
                let record = manifest.files[target]
                // What is wrapped now, for the report (and the check that the file still reads).
                let unwrapped = try HostConfigRewriter.uninstall(current, path: path, host: host, records: record?.entries)
                var change = FileChange(path: path, target: target, host: host, before: current, after: unwrapped.bytes, entries: unwrapped.entries)
                if let record, Self.sha256(current) == record.installedSHA256,
                   let backup = try? ConfigFileWriter.read(record.backup), Self.sha256(backup) == record.originalSHA256 {
                    // Untouched since install: the original bytes, then any entry that was guarded before install.
                    change.after = try HostConfigRewriter.uninstall(backup, path: path, host: host, records: record.entries).bytes
                    change.restoredFromBackup = true
                }
                guard change.changed || record != nil || options.discovery.configFiles.contains(path) else { continue }
                if change.changed { change.leftAlone = ConfigFileWriter.unwritableReason(target) }
                files.append(change)
            } catch {
                errors.append(error.message)
            }
        }
        guard errors.isEmpty else { throw InstallError((errors + ["nothing was changed (leave a file out with --host or --config)"]).joined(separator: "\n")) }
        if !options.dryRun {
            for index in files.indices where files[index].leftAlone == nil {
                if files[index].changed {
                    do { try write(&files[index]) } catch { files[index].failure = error.message; continue }
                }
                if manifest.files.removeValue(forKey: files[index].target) != nil { try manifest.save(manifestPath) }
            }
        }
        return Report(files: files, manifestPath: manifestPath, backupDirectory: backupDirectory, dryRun: options.dryRun)
    }

    // MARK: Files

    /// The config files to look at, with their host: discovery's (Claude Code plugin configs excepted:
    /// the plugin owns them and rewrites them on update), and for uninstall the files the manifest names.
    func targets(manifest: InstallManifest?) throws(InstallError) -> [(path: String, host: String)] {
        let result = Discovery(options: options.discovery).run()
        for (path, reason) in result.unreadable where options.discovery.configFiles.contains(path) {
            throw InstallError("\(path): cannot read: \(reason)")
        }
        let plugins = HostConfigCandidates.join(
            options.discovery.environment["CLAUDE_CONFIG_DIR"] ?? HostConfigCandidates.join(options.discovery.home, ".claude"), "plugins/"
        )
        var seen: Set<String> = []
        var targets: [(path: String, host: String)] = []
        for config in result.configs where !config.path.hasPrefix(plugins) || options.discovery.configFiles.contains(config.path) {
            if seen.insert(ConfigFileWriter.resolve(config.path)).inserted { targets.append((config.path, config.host ?? "config")) }
        }
        if let manifest, options.discovery.searchDefaults {
            let hosts = options.discovery.hosts
            for record in manifest.files.values.sorted(by: { $0.path < $1.path }) where hosts.isEmpty || hosts.contains(record.host) {
                guard FileManager.default.fileExists(atPath: record.path) else { continue }
                if seen.insert(record.path).inserted { targets.append((record.path, record.host)) }
            }
        }
        return targets
    }

    /// Backs `change.before` up and writes `change.after`, if the file still holds `before`.
    func write(_ change: inout FileChange) throws(InstallError) {
        guard try ConfigFileWriter.read(change.target) == change.before else {
            throw InstallError("\(change.path): changed while mcpguard was editing it; nothing written to it, run the command again")
        }
        let backup = try backupPath(for: change.target)
        try ConfigFileWriter.writePrivate(change.before, to: backup)
        try ConfigFileWriter.replace(change.target, with: change.after)
        change.backup = backup
    }

    func backupPath(for target: String) throws(InstallError) -> String {
        try ConfigFileWriter.makePrivateDirectory(backupDirectory)
        let name = (target as NSString).lastPathComponent
        let tag = String(Self.sha256(Array(target.utf8)).prefix(8))
        let base = HostConfigCandidates.join(backupDirectory, "\(timestamp(iso: false))-\(name)-\(tag)")
        var candidate = base
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }

    /// `20260514T101500Z` for names, `2026-05-14T10:15:00Z` for the manifest.
    func timestamp(iso: Bool) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = iso ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: options.now)
    }

    static func sha256(_ bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(data: bytes)) }
}
