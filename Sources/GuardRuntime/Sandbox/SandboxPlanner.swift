import CGuardSpawn
import Foundation
import GuardPolicy
import MCPClient

/// Turns a server's `sandbox:` rules and command line into the command mcpguard actually starts:
/// `bwrap … -- mcpguard sandbox-exec SPEC -- server…` when bubblewrap is installed, else
/// `mcpguard sandbox-exec SPEC -- server…` confining itself with Landlock. Fails closed: a control that
/// was asked for and cannot be applied is an error naming it, unless `bestEffort`, in which case the
/// launch says exactly what was not applied (``SandboxLaunch/notApplied``).
public struct SandboxPlanner: Sendable {
    public enum BackendChoice: String, Sendable, CaseIterable { case auto, bubblewrap, landlock }

    public var rules: SandboxRules
    public var command: [String]
    /// The server's environment (its PATH finds the executable).
    public var environment: [String: String]
    public var home: String
    public var workspace: String
    public var bestEffort: Bool
    public var allowRoot: Bool
    public var backend: BackendChoice
    /// mcpguard's own executable (the in-sandbox helper).
    public var helper: String
    /// The outside path of the egress proxy's socket when the network is an allow-list.
    public var egressSocket: String?

    public init(rules: SandboxRules, command: [String], environment: [String: String], home: String, workspace: String,
                bestEffort: Bool = false, allowRoot: Bool = false, backend: BackendChoice = .auto, helper: String, egressSocket: String? = nil) {
        self.rules = rules
        self.command = command
        self.environment = environment
        self.home = home
        self.workspace = workspace
        self.bestEffort = bestEffort
        self.allowRoot = allowRoot
        self.backend = backend
        self.helper = helper
        self.egressSocket = egressSocket
    }

    /// Where the egress socket appears inside a bubblewrap sandbox.
    public static let insideEgressDirectory = "/run/mcpguard"

    public func plan() throws(SandboxError) -> SandboxLaunch {
        var notApplied: [String] = []
        func shortfall(_ control: String) throws(SandboxError) {
            guard bestEffort else { throw SandboxError("sandbox: \(control); refusing to start the server unconfined (use --sandbox=best-effort to start anyway)") }
            notApplied.append(control)
        }
        #if os(macOS)
        return try planSeatbelt()
        #endif
        // The sandbox may not show the current directory, so relative paths in the command line would break.
        let command = SandboxPaths.absolute(self.command, workingDirectory: FileManager.default.currentDirectoryPath)
        let isRoot = geteuid() == 0
        let bubblewrap = SandboxPaths.resolve("bwrap", path: "/usr/bin:/bin:/usr/local/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? ""), workingDirectory: "/")
        let chosen: SandboxSpec.Backend
        switch backend {
        case .bubblewrap:
            guard bubblewrap != nil else { throw SandboxError("sandbox: bubblewrap (bwrap) is not installed") }
            chosen = .bubblewrap
        case .landlock: chosen = .landlock
        case .auto: chosen = bubblewrap != nil ? .bubblewrap : .landlock
        }
        if chosen == .landlock, SandboxCapabilities.landlockABI == 0 {
            try shortfall("neither bubblewrap nor Landlock is available, so the filesystem cannot be restricted")
        }

        // The paths the policy names must exist: a typo must not silently become "no access".
        var readPaths: [String] = []
        var writePaths: [String] = []
        for (list, writable) in [(rules.read, false), (rules.write, true)] {
            for raw in list {
                let path = SandboxRules.expand(raw, home: home, workspace: workspace)
                guard FileManager.default.fileExists(atPath: path) else {
                    try shortfall("filesystem path \(raw) (\(path)) does not exist")
                    continue
                }
                let real = SandboxPaths.realPath(path)
                if writable { writePaths.append(real) } else { readPaths.append(real) }
            }
        }
        let runtime = SandboxPaths.runtime(command: command, environment: environment, workingDirectory: workspace, home: home)
        let own = SandboxPaths.ownRuntime()

        // Limits: rlimits always; the tree-wide process and memory limits need a cgroup.
        var limitGroup: ProcessLimitGroup?
        var processLimit = rules.limits.processes
        if rules.limits.processes != nil || rules.limits.memoryBytes != nil {
            switch ProcessLimitGroup.make(processes: rules.limits.processes, memory: rules.limits.memoryBytes) {
            case .success(let group): limitGroup = group
            case .failure(let error):
                // Outside uid 0, RLIMIT_NPROC in the sandbox's user namespace bounds the tree; uid 0 is exempt.
                if rules.limits.processes != nil, isRoot {
                    try shortfall("limits.processes needs a writable cgroup when mcpguard runs as root (\(error.description))")
                    processLimit = nil
                }
            }
        }

        let dropCapabilities = isRoot && !allowRoot
        var spec = SandboxSpec(backend: chosen, limits: (rules.limits.cpuSeconds, rules.limits.memoryBytes, rules.limits.files, processLimit),
                               dropCapabilities: dropCapabilities && chosen == .landlock, command: command)
        var environment = self.environment
        var confinement = ChildProcess.Confinement(cgroupProcs: limitGroup?.procsFiles ?? [])
        var temporary: String?
        let launchCommand: String
        var launchArguments: [String]

        switch chosen {
        case .bubblewrap:
            var arguments = BubblewrapArguments(home: home, rootInside: isRoot && !allowRoot)
            arguments.systemDirectories()
            arguments.privateHomeAndTemporary(home: home)
            for path in runtime + own { arguments.bind(path, writable: false) }
            for path in readPaths { arguments.bind(path, writable: false) }
            for path in writePaths { arguments.bind(path, writable: true) }
            switch rules.network {
            case .any: break
            case .none:
                arguments.unshareNetwork()
                spec.refuseInetSockets = true
            case .loopback:
                arguments.unshareNetwork()
            case .allow:
                arguments.unshareNetwork()
                guard let egressSocket else { throw SandboxError("sandbox: the network allow-list needs the egress proxy, which did not start") }
                let directory = (egressSocket as NSString).deletingLastPathComponent
                arguments.bind(directory, at: Self.insideEgressDirectory, writable: true)
                spec.egressSocket = Self.insideEgressDirectory + "/" + (egressSocket as NSString).lastPathComponent
            }
            // The server starts in the workspace when the sandbox shows it, else in its (empty) home.
            let bound = writePaths + readPaths
            let workspaceVisible = bound.contains { workspace == $0 || workspace.hasPrefix($0 + "/") }
            arguments.changeDirectory(workspaceVisible ? workspace : home)
            environment["TMPDIR"] = "/tmp"
            launchCommand = bubblewrap!
            launchArguments = arguments.finished + ["--", helper, "sandbox-exec", "--spec", ""]
        case .landlock:
            // A private home and temporary directory stand in for bubblewrap's tmpfs mounts.
            let directory = try Self.makeTemporaryDirectory()
            temporary = directory
            environment["HOME"] = directory + "/home"
            environment["TMPDIR"] = directory + "/tmp"
            var pathRules: [SandboxSpec.PathRule] = []
            for path in SandboxPaths.landlockSystemPaths() { pathRules.append(.init(path: path, writable: false)) }
            for path in ["/dev/null", "/dev/zero", "/dev/full"] { pathRules.append(.init(path: path, writable: true)) }
            for path in ["/dev/urandom", "/dev/random", "/proc"] where FileManager.default.fileExists(atPath: path) { pathRules.append(.init(path: path, writable: false)) }
            for path in runtime + own + readPaths { pathRules.append(.init(path: path, writable: false)) }
            for path in writePaths + [directory] { pathRules.append(.init(path: path, writable: true)) }
            spec.paths = pathRules
            switch rules.network {
            case .any: break
            case .none:
                spec.refuseInetSockets = true
                // Landlock 4+ refuses TCP bind and connect too (no ports listed), beside seccomp.
                spec.tcpPorts = SandboxCapabilities.landlockABI >= 4 ? [] : nil
                confinement.unshareNetwork = SandboxCapabilities.userNamespaces
            case .loopback:
                if SandboxCapabilities.userNamespaces { confinement.unshareNetwork = true } else {
                    try shortfall("network: loopback needs a network namespace, and user namespaces are not available (network left unrestricted)")
                }
            case .allow:
                guard let egressSocket else { throw SandboxError("sandbox: the network allow-list needs the egress proxy, which did not start") }
                if SandboxCapabilities.userNamespaces {
                    confinement.unshareNetwork = true
                    spec.egressSocket = egressSocket
                } else {
                    try shortfall("network allow-list needs a network namespace, and user namespaces are not available (network left unrestricted)")
                }
            }
            // Root becomes nobody in a user namespace of its own, as bubblewrap makes it.
            confinement.asNobody = dropCapabilities && SandboxCapabilities.userNamespaces
            // A new user namespace grants every capability inside it: none of them is needed.
            spec.dropCapabilities = spec.dropCapabilities || confinement.unshareNetwork || confinement.asNobody
            launchCommand = helper
            launchArguments = ["sandbox-exec", "--spec", ""]
        }
        launchArguments[launchArguments.count - 1] = spec.encoded()
        launchArguments += ["--"] + command
        let summary = Self.describe(backend: chosen, rules: self.rules, group: limitGroup, root: isRoot, allowRoot: allowRoot, nobody: chosen == .bubblewrap || confinement.asNobody, notApplied: notApplied)
        return SandboxLaunch(command: launchCommand, arguments: launchArguments, environment: environment, confinement: confinement,
                             backend: chosen, description: summary, notApplied: notApplied, limitGroup: limitGroup, temporaryDirectory: temporary)
    }

    /// macOS: `/usr/bin/sandbox-exec -p PROFILE mcpguard sandbox-exec SPEC -- server…` (the helper sets the
    /// limits; Seatbelt does the rest). An allow-list needs the proxy on a loopback port, not yet offered
    /// there, so it is a shortfall.
    func planSeatbelt() throws(SandboxError) -> SandboxLaunch {
        var notApplied: [String] = []
        var network = rules.network
        if case .allow = network {
            guard bestEffort else { throw SandboxError("sandbox: network allow-lists are not available on macOS yet; use none, loopback or any") }
            notApplied.append("network allow-list (macOS): network set to none")
            network = .none
        }
        let directory = try Self.makeTemporaryDirectory()
        let expand = { (raw: String) in SandboxPaths.realPath(SandboxRules.expand(raw, home: home, workspace: workspace)) }
        let runtime = SandboxPaths.runtime(command: command, environment: environment, workingDirectory: workspace, home: home)
        let profile = MacOSSandboxProfile(read: runtime + [helper] + rules.read.map(expand), write: rules.write.map(expand) + [directory], network: network)
        var environment = self.environment
        environment["TMPDIR"] = directory + "/tmp"
        environment["HOME"] = directory + "/home"
        let spec = SandboxSpec(backend: .landlock, limits: (rules.limits.cpuSeconds, rules.limits.memoryBytes, rules.limits.files, nil), command: command)
        return SandboxLaunch(command: "/usr/bin/sandbox-exec", arguments: ["-p", profile.text, helper, "sandbox-exec", "--spec", spec.encoded(), "--"] + command,
                             environment: environment, confinement: .init(), backend: .landlock,
                             description: "sandbox-exec (Seatbelt); network \(network.summary)" + (notApplied.isEmpty ? "" : "; NOT applied: " + notApplied.joined(separator: "; ")),
                             notApplied: notApplied, limitGroup: nil, temporaryDirectory: directory)
    }

    static func makeTemporaryDirectory() throws(SandboxError) -> String {
        var template = Array((NSTemporaryDirectory() + "/mcpguard-sandbox-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw SandboxError("sandbox: cannot create a private directory: \(String(cString: strerror(errno)))") }
        let directory = String(cString: made)
        for sub in ["home", "tmp"] { mkdir(directory + "/" + sub, 0o700) }
        return directory
    }

    static func describe(backend: SandboxSpec.Backend, rules: SandboxRules, group: ProcessLimitGroup?, root: Bool, allowRoot: Bool, nobody: Bool, notApplied: [String]) -> String {
        var parts = [backend == .bubblewrap ? "bubblewrap" : "landlock+seccomp"]
        parts.append("read \(rules.read.count) / write \(rules.write.count) paths")
        parts.append("network \(rules.network.summary)")
        var limits: [String] = []
        if let cpu = rules.limits.cpuSeconds { limits.append("cpu \(cpu)s") }
        if let memory = rules.limits.memoryBytes { limits.append("memory \(memory >> 20) MB") }
        if let files = rules.limits.files { limits.append("files \(files)") }
        if let processes = rules.limits.processes { limits.append("processes \(processes)") }
        if !limits.isEmpty { parts.append(limits.joined(separator: ", ") + (group.map { " (\($0.kind))" } ?? "")) }
        if root { parts.append(allowRoot ? "as root (--allow-root)" : nobody ? "as uid 65534 in a user namespace" : "uid 0 without capabilities") }
        if !notApplied.isEmpty { parts.append("NOT applied: " + notApplied.joined(separator: "; ")) }
        return parts.joined(separator: "; ")
    }
}

/// What to start instead of the bare server, and what to clean up after it.
public struct SandboxLaunch: Sendable {
    public var command: String
    public var arguments: [String]
    public var environment: [String: String]
    public var confinement: ChildProcess.Confinement
    public var backend: SandboxSpec.Backend
    /// One line for `status`, the audit log and stderr.
    public var description: String
    /// Controls that were asked for and could not be applied (best effort only).
    public var notApplied: [String]
    public var limitGroup: ProcessLimitGroup?
    public var temporaryDirectory: String?

    /// Removes the cgroup and the private directory once the server's tree is gone.
    public func cleanUp() {
        limitGroup?.remove()
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}

/// What this kernel and machine allow, read once.
public enum SandboxCapabilities {
    public static let landlockABI: Int = Int(guard_landlock_abi())

    /// Whether a process can make a user namespace (for a private network namespace without bubblewrap).
    public static let userNamespaces: Bool = {
        func number(_ path: String) -> Int? { (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }
        if number("/proc/sys/user/max_user_namespaces") == 0 { return false }
        if geteuid() != 0 {
            if number("/proc/sys/kernel/unprivileged_userns_clone") == 0 { return false }
            if number("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1 { return false }
        }
        return FileManager.default.fileExists(atPath: "/proc/self/ns/user")
    }()
}
