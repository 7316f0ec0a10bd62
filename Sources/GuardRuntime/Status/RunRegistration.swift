import Foundation
import GuardCore
import GuardDetect
import Synchronization
import GuardEngine

/// This process's entry in the run registry while `mcpguard run` guards a server: `<pid>.json` in the
/// ``RuntimeDirectory``, rewritten (temp file + rename, so a reader never sees half a file) at most once a
/// second when the counts moved, and removed when the process ends, normally or by a signal. A process
/// killed outright leaves its file behind; ``RunRegistry`` recognises and removes such entries.
public final class RunRegistration: Sendable {
    public let directory: RuntimeDirectory
    public let pid: Int32
    private let statistics: GuardStatistics

    private struct State {
        var record: RunRecord
        var written: UInt64?
        var closed = false
    }

    private let state: Mutex<State>

    /// How often the counts are flushed at most.
    public static let flushInterval: TimeInterval = 1

    /// Registers this process (writing its file at once) and starts flushing `statistics` into it.
    /// - Parameters:
    ///   - command: the server command and its arguments; stored as a summary with secret-looking words masked.
    ///   - secrets: values that must not appear in the summary even where they do not look like secrets.
    public init(
        directory: RuntimeDirectory, host: String, name: String, command: [String], secrets: [String] = [],
        policy: String?, audit: String?, sandbox: String = "none", statistics: GuardStatistics
    ) throws {
        self.directory = directory
        self.pid = getpid()
        self.statistics = statistics
        let record = RunRecord(
            pid: pid, host: host, name: name, command: Self.summary(command, secrets: secrets), started: Date().timeIntervalSince1970,
            processStart: ProcessIdentity.startTime(of: pid), policy: policy.map(Self.absolute), audit: audit.map(Self.absolute), sandbox: sandbox
        )
        state = Mutex(State(record: record))
        try state.withLock { try write(&$0) }
        Self.active.withLock { $0.append(self) }
        _ = Self.installExitHook
        let thread = Thread { [weak self] in
            while let registration = self, !registration.isClosed {
                Thread.sleep(forTimeInterval: Self.flushInterval)
                registration.flush()
            }
        }
        thread.name = "mcpguard-status"
        thread.start()
    }

    /// The sandbox in force, as `status` shows it; set once `run` knows what it applied.
    public var sandbox: String {
        get { state.withLock { $0.record.sandbox } }
        set {
            state.withLock {
                $0.record.sandbox = newValue
                $0.written = nil
                try? write(&$0)
            }
        }
    }

    /// The record as last written.
    public var record: RunRecord { state.withLock { $0.record } }

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Writes the file when anything changed since the last write.
    public func flush() {
        state.withLock { try? write(&$0) }
    }

    /// Removes the registration; later flushes do nothing.
    public func close() {
        state.withLock { state in
            guard !state.closed else { return }
            state.closed = true
            unlink(directory.file(for: pid))
            unlink(temporaryPath)
        }
    }

    private var temporaryPath: String { "\(directory.path)/.\(pid).json.tmp" }

    /// Called with the state locked, so a flush and ``close()`` never interleave (a late rename would
    /// bring a removed file back).
    private func write(_ state: inout State) throws {
        guard !state.closed else { return }
        let (counts, generation) = statistics.snapshot()
        guard state.written != generation else { return }
        state.record.counts = counts
        let bytes = JSONWriter(options: .pretty).bytes(state.record.json) + [0x0A]
        try replaceFile(directory.file(for: pid), with: bytes, temporary: temporaryPath)
        state.written = generation
    }

    // MARK: Exit

    /// Registrations of this process still open; removed at exit, including `exit` from a signal handler.
    private static let active = Mutex<[RunRegistration]>([])

    private static let installExitHook: Void = {
        atexit {
            for registration in RunRegistration.active.withLock({ $0 }) { registration.close() }
        }
    }()

    // MARK: Helpers

    /// The command line as `status` shows it: masked (see ``ArgumentMasking``) and at most 300 characters.
    static func summary(_ command: [String], secrets: [String]) -> String {
        let text = ArgumentMasking.mask(command, secrets: secrets).map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        return text.count > 300 ? String(text.prefix(299)) + "…" : text
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// Writes `bytes` to `temporary` (created afresh, never through a link) and renames it over `path`.
private func replaceFile(_ path: String, with bytes: [UInt8], temporary: String) throws {
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw RegistrationError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
    let complete = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) == $0.count }
    close(descriptor)
    guard complete, rename(temporary, path) == 0 else {
        unlink(temporary)
        throw RegistrationError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}

/// A registration file that could not be written.
public struct RegistrationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
