import CGuardSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inside half of the sandbox: what `mcpguard sandbox-exec` does to its own process before it becomes
/// the server. Everything here is inherited across exec and by every child, and none of it can be undone
/// from inside: resource limits, dropped capabilities, Landlock, and last the seccomp filter (which refuses
/// the calls the earlier steps needed).
///
/// Landlock and capabilities apply to the calling thread, so ``confine(_:)`` and the exec that follows
/// must run on one thread without suspending (``run(_:)`` is synchronous for that reason).
public enum SandboxExec {
    /// Applies `spec` and executes its command; returns only by throwing.
    public static func run(_ spec: SandboxSpec, environment: [String: String]) throws -> Never {
        guard let program = spec.command.first else { throw SandboxError("sandbox-exec: no command given") }
        var environment = environment
        try confine(spec)
        if let socket = spec.egressSocket {
            // The server gets a loopback proxy port that leads to mcpguard's egress proxy outside.
            let (port, forwarder) = try LoopbackForwarder.start(unixSocket: socket)
            for (key, value) in LoopbackForwarder.proxyEnvironment(port: port) { environment[key] = value }
            let status = try spawnAndWait(program, spec.command, environment)
            forwarder.stop()
            exit(status)
        }
        try execute(program, spec.command, environment)
    }

    /// Limits, capabilities, Landlock, seccomp — in that order.
    public static func confine(_ spec: SandboxSpec) throws {
        try applyLimits(spec)
        #if os(Linux)
        if spec.dropCapabilities, guard_drop_capabilities() != 0 {
            throw SandboxError("cannot drop capabilities: \(String(cString: strerror(errno)))")
        }
        if spec.backend == .landlock {
            try restrictPaths(spec)
        }
        let flags: Int32 = spec.refuseInetSockets ? Int32(GUARD_SECCOMP_NO_INET.rawValue) : 0
        if guard_seccomp_install(flags) != 0 {
            throw SandboxError("cannot install the seccomp filter: \(String(cString: strerror(errno)))")
        }
        #endif
        // Elsewhere (macOS) the Seatbelt profile is applied by /usr/bin/sandbox-exec around this helper.
    }

    static func applyLimits(_ spec: SandboxSpec) throws {
        #if os(Linux)
        let limits: [(String, Int32, Int?)] = [
            ("cpu", Int32(RLIMIT_CPU.rawValue), spec.cpuSeconds),
            ("memory", Int32(RLIMIT_DATA.rawValue), spec.memoryBytes),
            ("files", Int32(RLIMIT_NOFILE.rawValue), spec.files),
            ("processes", Int32(__RLIMIT_NPROC.rawValue), spec.processes),
        ]
        for (name, resource, value) in limits {
            guard let value else { continue }
            var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
            // SIGXCPU first, then the kernel's SIGKILL a second later.
            if resource == Int32(RLIMIT_CPU.rawValue) { limit.rlim_max = rlim_t(value + 1) }
            if setrlimit(__rlimit_resource_t(UInt32(resource)), &limit) != 0 {
                throw SandboxError("cannot set the \(name) limit to \(value): \(String(cString: strerror(errno)))")
            }
        }
        #endif
    }

    #if os(Linux)
    static func restrictPaths(_ spec: SandboxSpec) throws {
        let paths = spec.paths.map(\.path)
        let access = spec.paths.map { $0.writable ? Int32(GUARD_LANDLOCK_WRITE.rawValue) : Int32(GUARD_LANDLOCK_READ.rawValue) }
        let ports = spec.tcpPorts ?? []
        var failed: Int32 = -1
        let pointers = paths.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        let result = pointers.map { UnsafePointer($0) }.withUnsafeBufferPointer { pathBuffer in
            access.withUnsafeBufferPointer { accessBuffer in
                ports.withUnsafeBufferPointer { portBuffer in
                    guard_landlock_restrict(pathBuffer.baseAddress, accessBuffer.baseAddress, Int32(paths.count), spec.tcpPorts == nil ? 0 : 1,
                                            portBuffer.baseAddress, Int32(ports.count), &failed)
                }
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            if failed >= 0, Int(failed) < paths.count { throw SandboxError("Landlock: cannot allow \(paths[Int(failed)]): \(reason)") }
            throw SandboxError("Landlock: cannot restrict the server: \(reason)")
        }
    }
    #endif

    static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] { strings.map { strdup($0) } + [nil] }

    static func environmentStrings(_ environment: [String: String]) -> [String] {
        environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    static func execute(_ program: String, _ argv: [String], _ environment: [String: String]) throws -> Never {
        let arguments = cStrings(argv)
        let envp = cStrings(environmentStrings(environment))
        // The server's own PATH finds it, as a host would.
        guard let path = SandboxPaths.resolve(program, path: environment["PATH"] ?? "/usr/bin:/bin", workingDirectory: FileManager.default.currentDirectoryPath) else {
            throw SandboxError("command not found in the sandbox: \(program) (is it under a path the sandbox allows?)")
        }
        execve(path, arguments, envp)
        let code = errno
        throw SandboxError(code == ENOENT ? "command not found in the sandbox: \(program) (is it under a path the sandbox allows?)"
                                          : "cannot execute \(program) in the sandbox: \(String(cString: strerror(code)))")
    }

    /// posix_spawn (safe in a threaded process) and wait; TERM and INT are passed on. Returns the exit status.
    static func spawnAndWait(_ program: String, _ argv: [String], _ environment: [String: String]) throws -> Int32 {
        let arguments = cStrings(argv)
        let envp = cStrings(environmentStrings(environment))
        for (key, value) in environment { setenv(key, value, 1) }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, program, nil, nil, arguments, envp)
        guard result == 0 else {
            throw SandboxError(result == ENOENT ? "command not found in the sandbox: \(program)" : "cannot start \(program) in the sandbox: \(String(cString: strerror(result)))")
        }
        SandboxChild.pid = pid
        signal(SIGTERM) { number in if SandboxChild.pid > 0 { kill(SandboxChild.pid, number) } }
        signal(SIGINT) { number in if SandboxChild.pid > 0 { kill(SandboxChild.pid, number) } }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// The server started by the helper, for the signal handlers (which cannot capture context).
enum SandboxChild {
    nonisolated(unsafe) static var pid: pid_t = 0
}
