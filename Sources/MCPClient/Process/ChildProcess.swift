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
/// mcpguard never leaves children behind. On Linux the command runs under a keeper process (see
/// `guard_spawn_kept`): a child subreaper that every orphaned descendant falls back to, which SIGKILLs the
/// whole tree — double forks and `setsid` included — when the server exits, when ``terminate(grace:)``
/// gives up on a graceful end, or when mcpguard dies in any way (its lifeline pipe closes, kill -9 too).
/// ``pid`` is the keeper's (the group leader); its exit status is the server's. Elsewhere the child is
/// its own group leader and ``terminate(grace:)`` signals the group. Every child is registered in
/// ``ChildProcessRegistry`` until it has been reaped.
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
    /// Whether a keeper stands between mcpguard and the command (Linux).
    let kept: Bool

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible, Sendable {
        public let command: String
        public let code: Int32
        public var description: String {
            code == ENOENT ? "command not found: \(command)" : "cannot start \(command): \(String(cString: strerror(code)))"
        }
    }

    /// What the command's process does to itself before it executes (Linux): join a cgroup (so its limits
    /// hold from the first instruction), enter a new network namespace (only possible single-threaded).
    public struct Confinement: Sendable, Equatable {
        public var cgroupProcs: [String]
        public var unshareNetwork: Bool
        /// A user namespace in which the command is uid 65534 (root confining a server without bubblewrap).
        public var asNobody: Bool
        public init(cgroupProcs: [String] = [], unshareNetwork: Bool = false, asNobody: Bool = false) {
            self.cgroupProcs = cgroupProcs
            self.unshareNetwork = unshareNetwork
            self.asNobody = asNobody
        }
    }

    /// Starts `command` with `arguments` and exactly `environment` (nothing else is inherited).
    public init(command: String, arguments: [String], environment: [String: String], workingDirectory: String? = nil, confinement: Confinement = Confinement()) throws {
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
        let (pid, error, lifeline) = SpawnThread.shared.run { () -> (pid_t, Int32, Int32) in
            var error: Int32 = 0
            var lifeline: Int32 = -1
            let pid = Self.withCStrings(argv) { argvPointer in
                Self.withCStrings(envp) { envPointer in
                    Self.withOptionalCString(workingDirectory) { directory in
                        #if os(Linux)
                        Self.withCStrings(confinement.cgroupProcs) { cgroups in
                            var extras = guard_spawn_extras(cgroup_procs: cgroups, unshare_network: confinement.unshareNetwork ? 1 : 0, as_nobody: confinement.asNobody ? 1 : 0)
                            return guard_spawn_kept(command, argvPointer, envPointer, childStdin, childStdout, childStderr, directory, deathSignal, &extras, &lifeline, &error)
                        }
                        #else
                        guard_spawn(command, argvPointer, envPointer, childStdin, childStdout, childStderr, directory, deathSignal, &error)
                        #endif
                    }
                }
            }
            return (pid, error, lifeline)
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
        self.kept = lifeline >= 0
        ChildProcessRegistry.shared.register(pid, lifeline: lifeline)
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

    /// Closes the command's stdin: the spec's first step of a shutdown (a well-behaved server exits on EOF).
    public func closeInput() {
        try? stdin.close()
    }

    /// Ends the command and everything it started: its stdin closed, SIGTERM to every descendant, then
    /// SIGKILL to whatever is still alive after `grace`.
    public func terminate(grace: Duration = .seconds(2)) async {
        closeInput()
        guard isRunning else { return }
        // The keeper forwards TERM to every descendant, including those that left the group.
        kill(kept ? pid : -pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning {
            if kept {
                ChildProcessRegistry.shared.cutLifeline(pid)
                let last = ContinuousClock.now + .seconds(2)
                while isRunning, ContinuousClock.now < last { try? await Task.sleep(for: .milliseconds(10)) }
            }
            if isRunning { kill(-pid, SIGKILL) }
        }
        _ = await waitForExit()
        // Without a keeper, grandchildren that outlived the leader may still share the group.
        if !kept { kill(-pid, SIGKILL) }
    }

    private static func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let string else { return body(nil) }
        return string.withCString { body($0) }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// Every live child process group, so a signal handler can end them all before mcpguard exits. Owns the
/// keepers' lifeline descriptors: closing one tells that keeper to kill its whole tree.
public final class ChildProcessRegistry: Sendable {
    public static let shared = ChildProcessRegistry()
    /// Group leader → lifeline write end (-1 when there is no keeper or it was already cut).
    private let groups = Mutex<[pid_t: Int32]>([:])

    func register(_ pid: pid_t, lifeline: Int32 = -1) { groups.withLock { $0[pid] = lifeline } }

    func unregister(_ pid: pid_t) {
        let lifeline = groups.withLock { $0.removeValue(forKey: pid) }
        if let lifeline, lifeline >= 0 { close(lifeline) }
    }

    /// Closes the lifeline of `pid`'s keeper once: it SIGKILLs every descendant and exits.
    func cutLifeline(_ pid: pid_t) {
        let lifeline = groups.withLock { groups -> Int32 in
            guard let fd = groups[pid], fd >= 0 else { return -1 }
            groups[pid] = -1
            return fd
        }
        if lifeline >= 0 { close(lifeline) }
    }

    /// Process groups still alive.
    public var live: Set<pid_t> { groups.withLock { Set($0.keys) } }

    /// Sends `signal` to every registered child: a keeper gets it itself (it forwards TERM, INT and HUP to
    /// every descendant); a child without one gets it for its whole group.
    public func signalAll(_ signal: Int32) {
        for (pid, lifeline) in groups.withLock({ $0 }) {
            if signal == SIGKILL, lifeline >= 0 {
                cutLifeline(pid)
            } else {
                kill(lifeline >= 0 ? pid : -pid, signal)
            }
        }
    }

    /// Ends every child: TERM, a short grace, then KILL. Synchronous, for signal and exit paths.
    public func terminateAll(grace: Duration = .milliseconds(500)) {
        guard !live.isEmpty else { return }
        signalAll(SIGTERM)
        let deadline = ContinuousClock.now + grace
        while !live.isEmpty, ContinuousClock.now < deadline { usleep(10_000) }
        signalAll(SIGKILL)
        // Keepers need a moment to kill their trees; a keeper that does not exit is killed with its group.
        let last = ContinuousClock.now + .seconds(1)
        while !live.isEmpty, ContinuousClock.now < last { usleep(5_000) }
        for pid in live { kill(-pid, SIGKILL) }
    }
}
