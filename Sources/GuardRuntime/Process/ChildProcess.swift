import CGuardSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process in its own process group, with pipes for stdin, stdout and stderr.
///
/// mcpguard never leaves children behind: every child is registered in ``ChildProcessRegistry`` until it
/// has been reaped, ``terminate(grace:)`` signals the whole group (TERM, then KILL after the grace period),
/// and on Linux the child is spawned with `PR_SET_PDEATHSIG` so it dies even if mcpguard is killed with
/// SIGKILL.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    /// Write end of the child's stdin.
    public let stdin: FileHandle
    /// Read end of the child's stdout.
    public let stdout: FileHandle
    /// Read end of the child's stderr.
    public let stderr: FileHandle
    private let exitState = Mutex<Int32?>(nil)
    private let exitWaiters = Mutex<[CheckedContinuation<Int32, Never>]>([])

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public let command: String
        public let code: Int32
        public var description: String {
            code == ENOENT ? "command not found: \(command)" : "cannot start \(command): \(String(cString: strerror(code)))"
        }
    }

    /// Starts `command` with `arguments` and exactly `environment` (nothing else is inherited).
    public init(command: String, arguments: [String], environment: [String: String], workingDirectory: String? = nil) throws {
        var stdinPipe: [Int32] = [0, 0]
        var stdoutPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard guard_pipe(&stdinPipe) == 0, guard_pipe(&stdoutPipe) == 0, guard_pipe(&stderrPipe) == 0 else {
            throw SpawnError(command: command, code: errno)
        }
        let argv = [command] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        #if os(Linux)
        let deathSignal = SIGKILL
        #else
        let deathSignal: Int32 = 0
        #endif
        let childStdin = stdinPipe[0]
        let childStdout = stdoutPipe[1]
        let childStderr = stderrPipe[1]
        let (pid, error) = SpawnThread.shared.run { () -> (pid_t, Int32) in
            var error: Int32 = 0
            let pid = Self.withCStrings(argv) { argvPointer in
                Self.withCStrings(envp) { envPointer in
                    if let workingDirectory {
                        return workingDirectory.withCString {
                            guard_spawn(command, argvPointer, envPointer, childStdin, childStdout, childStderr, $0, deathSignal, &error)
                        }
                    }
                    return guard_spawn(command, argvPointer, envPointer, childStdin, childStdout, childStderr, nil, deathSignal, &error)
                }
            }
            return (pid, error)
        }
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard pid > 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw SpawnError(command: command, code: error)
        }
        self.pid = pid
        self.stdin = FileHandle(fileDescriptor: stdinPipe[1], closeOnDealloc: true)
        self.stdout = FileHandle(fileDescriptor: stdoutPipe[0], closeOnDealloc: true)
        self.stderr = FileHandle(fileDescriptor: stderrPipe[0], closeOnDealloc: true)
        ChildProcessRegistry.shared.register(pid)
        startReaper()
    }

    /// Waits for the child in a dedicated thread (waitpid blocks) and resumes everyone waiting.
    private func startReaper() {
        let pid = self.pid
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            ChildProcessRegistry.shared.unregister(pid)
            exitState.withLock { $0 = code }
            let waiters = exitWaiters.withLock { waiters in
                defer { waiters.removeAll() }
                return waiters
            }
            for waiter in waiters { waiter.resume(returning: code) }
        }
        thread.name = "mcpguard-reaper-\(pid)"
        thread.start()
    }

    /// The exit status once the child has exited (128 + signal for a signalled child).
    public var exitStatus: Int32? { exitState.withLock { $0 } }

    public var isRunning: Bool { exitStatus == nil }

    /// Waits until the child exits and returns its status.
    public func waitForExit() async -> Int32 {
        if let code = exitStatus { return code }
        return await withCheckedContinuation { continuation in
            let immediate: Int32? = exitState.withLock { code in
                if let code { return code }
                exitWaiters.withLock { $0.append(continuation) }
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// Ends the whole process group: SIGTERM, then SIGKILL if it is still alive after `grace`.
    public func terminate(grace: Duration = .seconds(2)) async {
        try? stdin.close()
        guard isRunning else { return }
        kill(-pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning { kill(-pid, SIGKILL) }
        _ = await waitForExit()
        // Grandchildren that outlived the leader still share the group.
        kill(-pid, SIGKILL)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// Every live child process group, so a signal handler can end them all before mcpguard exits.
public final class ChildProcessRegistry: Sendable {
    public static let shared = ChildProcessRegistry()
    private let groups = Mutex<Set<pid_t>>([])

    func register(_ pid: pid_t) { _ = groups.withLock { $0.insert(pid) } }
    func unregister(_ pid: pid_t) { _ = groups.withLock { $0.remove(pid) } }

    /// Process groups still alive.
    public var live: Set<pid_t> { groups.withLock { $0 } }

    /// Sends `signal` to every registered group.
    public func signalAll(_ signal: Int32) {
        for pid in live { kill(-pid, signal) }
    }

    /// Ends every child: TERM, a short grace, then KILL. Synchronous, for signal and exit paths.
    public func terminateAll(grace: Duration = .milliseconds(500)) {
        guard !live.isEmpty else { return }
        signalAll(SIGTERM)
        let deadline = ContinuousClock.now + grace
        while !live.isEmpty, ContinuousClock.now < deadline { usleep(10_000) }
        signalAll(SIGKILL)
    }
}
