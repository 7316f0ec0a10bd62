import Foundation
import GuardCore

/// The guards running now, read from the ``RuntimeDirectory``. An entry counts only when its process is
/// alive *and* is the process that wrote it (same start time); the files of processes that died without
/// removing them (`kill -9`, a crash) or whose pid now belongs to another process are removed, so the
/// registry does not fill up with ghosts and a forged entry cannot pose as a guard.
public enum RunRegistry {
    /// A guard that is running, with how long it has been.
    public struct Entry: Sendable, Equatable {
        public let record: RunRecord
        public let uptime: Double

        /// `record.json` plus `uptime` in seconds: what `status --json` prints per server.
        public var json: JSONValue {
            guard case .object(var object) = record.json else { return record.json }
            object["uptime"] = .number(JSONNumber(Int(uptime.rounded(.down))))
            return .object(object)
        }
    }

    /// A registration removed as stale, and why.
    public struct Removal: Sendable, Equatable {
        public let file: String
        public let pid: Int32?
        public let reason: String
    }

    public struct Listing: Sendable {
        public let directory: String
        public let running: [Entry]
        public let removed: [Removal]
    }

    /// The running guards of this user (nothing when no run ever registered); throws when the runtime
    /// directory is not safe to use.
    public static func list(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Listing {
        guard let directory = try RuntimeDirectory.open(environment: environment, create: false) else {
            return Listing(directory: RuntimeDirectory.location(environment: environment), running: [], removed: [])
        }
        return list(directory)
    }

    /// The running guards in `directory` (sorted by host, name and pid); stale entries are removed.
    public static func list(_ directory: RuntimeDirectory, now: Double = Date().timeIntervalSince1970) -> Listing {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var running: [Entry] = []
        var removed: [Removal] = []
        for name in names {
            let path = "\(directory.path)/\(name)"
            if let pid = temporaryFilePid(name) {
                // A temp file left by a writer that died between writing and renaming.
                if !ProcessIdentity.isAlive(pid) { unlink(path) }
                continue
            }
            guard name.hasSuffix(".json"), let pid = Int32(name.dropLast(5)), pid > 0 else { continue }
            switch check(path, pid: pid) {
            case .running(let record):
                running.append(Entry(record: record, uptime: max(0, now - record.started)))
            case .stale(let reason):
                unlink(path)
                removed.append(Removal(file: path, pid: pid, reason: reason))
            }
        }
        running.sort { ($0.record.host, $0.record.name, $0.record.pid) < ($1.record.host, $1.record.name, $1.record.pid) }
        return Listing(directory: directory.path, running: running, removed: removed)
    }

    enum Verdict {
        case running(RunRecord)
        case stale(String)
    }

    static func check(_ path: String, pid: Int32) -> Verdict {
        guard let bytes = readRegularFile(path), let value = try? JSONParser.parse(bytes), let record = RunRecord(json: value) else {
            return .stale("not a registration mcpguard can read")
        }
        guard record.pid == pid else { return .stale("names pid \(record.pid), not the \(pid) of its file name") }
        guard ProcessIdentity.isAlive(pid) else { return .stale("process \(pid) has exited") }
        let current = ProcessIdentity.startTime(of: pid)
        if let current, current != record.processStart {
            return .stale("pid \(pid) now belongs to another process (its start time differs)")
        }
        return .running(record)
    }

    /// The file's bytes when it is a regular file of ours (not a link, device or FIFO), at most 64 KiB.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_size <= 64 * 1024 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count else { return nil }
        return bytes
    }

    /// `.123.json.tmp` → 123.
    static func temporaryFilePid(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".json.tmp") else { return nil }
        return Int32(name.dropFirst().dropLast(".json.tmp".count))
    }
}
