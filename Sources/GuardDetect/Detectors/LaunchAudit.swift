import GuardCore

/// Checks how a stdio server is launched: package pinning, shells, remote scripts, docker flags and
/// hardening, sudo. What the launch exposes (filesystem roots, certificate checks, the guard) is ``LaunchExposure``.
enum LaunchAudit {
    static func findings(for server: ConfiguredServer, location: FindingLocation) -> [Finding] {
        guard let command = server.command else { return [] }
        var words = [command] + server.args
        var findings: [Finding] = []
        var base = basename(command)
        // sudo / doas in front of the real command.
        if ["sudo", "doas", "pkexec", "runas"].contains(base) {
            findings.append(Finding(
                Rules.sudoLaunch, server: server.name, location: location,
                message: "\(server.name) is launched with \(base): its tools run as root", evidence: Evidence.clip(words.joined(separator: " ")),
                fingerprintKey: base
            ))
            words.removeFirst()
            while let first = words.first, first.hasPrefix("-") { words.removeFirst() }
            base = words.first.map(basename) ?? ""
        }
        let joined = words.joined(separator: " ")
        // Shells and interpreters with inline code; downloads piped into a shell.
        let inlineFlags: [String: Set<String>] = [
            "sh": ["-c"], "bash": ["-c"], "zsh": ["-c"], "dash": ["-c"], "fish": ["-c"], "ksh": ["-c"],
            "cmd": ["/c", "/C", "/k"], "cmd.exe": ["/c", "/C", "/k"], "powershell": ["-Command", "-c", "-EncodedCommand", "-e"],
            "powershell.exe": ["-Command", "-c", "-EncodedCommand", "-e"], "pwsh": ["-Command", "-c", "-EncodedCommand", "-e"],
            "python": ["-c"], "python3": ["-c"], "node": ["-e", "--eval", "-p"], "perl": ["-e", "-E"], "ruby": ["-e"],
            "deno": ["eval"], "bun": ["-e", "--eval"],
        ]
        let remoteScript = (joined.contains("curl ") || joined.contains("wget ") || joined.contains("iwr ") || joined.contains("Invoke-WebRequest"))
            && (joined.contains("| sh") || joined.contains("|sh") || joined.contains("| bash") || joined.contains("|bash") || joined.contains("| iex") || joined.contains("| python"))
        if remoteScript {
            findings.append(Finding(
                Rules.shellLaunch, severity: .critical, server: server.name, location: location,
                message: "\(server.name) pipes a downloaded script into a shell at every start", evidence: Evidence.clip(joined),
                fingerprintKey: "remote-script"
            ))
        } else if let flags = inlineFlags[base], words.dropFirst().contains(where: { flags.contains($0) }) {
            findings.append(Finding(
                Rules.shellLaunch, server: server.name, location: location,
                message: "\(server.name) is started through \(base) with inline code", evidence: Evidence.clip(joined),
                fingerprintKey: "inline"
            ))
        }
        if joined.contains("sudo "), !["sudo", "doas"].contains(basename(command)) {
            findings.append(Finding(
                Rules.sudoLaunch, server: server.name, location: location,
                message: "\(server.name)'s launch command runs sudo", evidence: Evidence.clip(joined), fingerprintKey: "inline-sudo"
            ))
        }
        if let unpinned = unpinnedPackage(base: base, arguments: Array(words.dropFirst())) {
            findings.append(Finding(
                Rules.unpinnedPackage, server: server.name, location: location,
                message: "\(server.name) runs \(unpinned.what)", evidence: unpinned.evidence, fingerprintKey: unpinned.evidence
            ))
        }
        if joined.contains("pip install") || joined.contains("pip3 install") || joined.contains("npm install -g") {
            findings.append(Finding(
                Rules.unpinnedPackage, server: server.name, location: location,
                message: "\(server.name) installs packages every time it starts", evidence: Evidence.clip(joined), fingerprintKey: "install-at-launch"
            ))
        }
        if ["docker", "podman", "nerdctl"].contains(base) {
            findings.append(contentsOf: containerFindings(server, arguments: Array(words.dropFirst()), location: location))
        }
        return findings
    }

    struct Unpinned {
        let what: String
        let evidence: String
    }

    /// The package an npx/bunx/pnpm dlx/uvx/pipx launch runs, when its version is not pinned.
    static func unpinnedPackage(base: String, arguments: [String]) -> Unpinned? {
        var rest = arguments
        let runner: String
        switch base {
        case "npx", "bunx": runner = base
        case "pnpm" where rest.first == "dlx", "yarn" where rest.first == "dlx": runner = "\(base) dlx"; rest.removeFirst()
        case "npm" where rest.first == "exec": runner = "npm exec"; rest.removeFirst()
        case "uvx", "pipx":
            runner = base
            if base == "pipx" {
                guard rest.first == "run" else { return nil }
                rest.removeFirst()
            }
            if let from = rest.firstIndex(of: "--from"), from + 1 < rest.count { return pythonPin(rest[from + 1], runner: runner) }
            guard let package = rest.first(where: { !$0.hasPrefix("-") }) else { return nil }
            return pythonPin(package, runner: runner)
        case "uv" where rest.starts(with: ["tool", "run"]):
            rest.removeFirst(2)
            if let from = rest.firstIndex(of: "--from"), from + 1 < rest.count { return pythonPin(rest[from + 1], runner: "uv tool run") }
            guard let package = rest.first(where: { !$0.hasPrefix("-") }) else { return nil }
            return pythonPin(package, runner: "uv tool run")
        case "docker", "podman", "nerdctl":
            return nil
        default:
            return nil
        }
        // Skip flags (and the value of -p/--package).
        var index = 0
        var package: String?
        while index < rest.count {
            let word = rest[index]
            if word == "-p" || word == "--package" {
                package = index + 1 < rest.count ? rest[index + 1] : nil
                break
            }
            if word.hasPrefix("--package=") {
                package = String(word.dropFirst("--package=".count))
                break
            }
            if !word.hasPrefix("-") {
                package = word
                break
            }
            index += 1
        }
        guard let package else { return nil }
        let nameEnd = package.hasPrefix("@") ? package.dropFirst().firstIndex(of: "@") : package.firstIndex(of: "@")
        guard let at = nameEnd else {
            return Unpinned(what: "\(package) through \(runner) without a version: each start may fetch new code", evidence: package)
        }
        let version = package[package.index(after: at)...]
        if version.first?.isNumber != true || version.contains("^") || version.contains("~") || version.contains("*") || version.contains("x") {
            return Unpinned(what: "\(package) through \(runner): '\(version)' is a moving tag, not a version", evidence: package)
        }
        return nil
    }

    static func pythonPin(_ requirement: String, runner: String) -> Unpinned? {
        if requirement.contains("==") || requirement.contains("@") && requirement.contains("://") { return nil }
        if requirement.hasPrefix("/") || requirement.hasPrefix(".") || requirement.hasPrefix("git+") { return nil }
        return Unpinned(what: "\(requirement) through \(runner) without ==version: each start may fetch new code", evidence: requirement)
    }

    static func containerFindings(_ server: ConfiguredServer, arguments: [String], location: FindingLocation) -> [Finding] {
        guard arguments.contains("run") else { return [] }
        var problems: [String] = []
        var image: String?
        var readOnly = false
        var dropsAll = false
        var rootUser: String?
        var index = (arguments.firstIndex(of: "run") ?? 0) + 1
        while index < arguments.count {
            let word = arguments[index]
            let (flag, inlineValue) = word.contains("=") && word.hasPrefix("-")
                ? (String(word[..<word.firstIndex(of: "=")!]), String(word[word.index(after: word.firstIndex(of: "=")!)...]))
                : (word, nil)
            let value = inlineValue ?? (valueFlags.contains(flag) && index + 1 < arguments.count ? arguments[index + 1] : nil)
            switch flag {
            case "--privileged": problems.append("--privileged")
            case "--network", "--net": if value == "host" { problems.append("host network") }
            case "--pid": if value == "host" { problems.append("host PID namespace") }
            case "--ipc", "--uts", "--userns": if value == "host" { problems.append("host \(flag.dropFirst(2)) namespace") }
            case "--cap-add": if let value, ["ALL", "SYS_ADMIN", "SYS_PTRACE", "NET_ADMIN"].contains(value.uppercased()) { problems.append("--cap-add \(value)") }
            case "--security-opt": if let value, value.contains("unconfined") { problems.append("--security-opt \(value)") }
            case "--read-only": readOnly = inlineValue.map { $0.lowercased() != "false" } ?? true
            case "--cap-drop": if let value, value.split(separator: ",").contains(where: { $0.uppercased() == "ALL" }) { dropsAll = true }
            case "--user", "-u":
                if let value, let user = value.split(separator: ":").first, ["0", "root"].contains(user.lowercased()) { rootUser = "\(flag) \(value)" }
            case "-v", "--volume", "--mount":
                if let value, let source = mountSource(value), isSensitiveMount(source) { problems.append("mount of \(source)") }
            default:
                if !word.hasPrefix("-"), image == nil { image = word }
            }
            if inlineValue == nil, valueFlags.contains(flag) { index += 1 }
            index += 1
            if image != nil { break }
        }
        var findings: [Finding] = []
        if !problems.isEmpty {
            findings.append(Finding(
                Rules.containerEscape, server: server.name, location: location,
                message: "\(server.name)'s container runs with \(ToolPoisoningDetector.list(problems))",
                evidence: Evidence.clip(([server.command ?? ""] + arguments).joined(separator: " ")), fingerprintKey: problems.joined(separator: ",")
            ))
        }
        let missing = [rootUser.map { "as root (\($0))" }, readOnly ? nil : "without --read-only", dropsAll ? nil : "without --cap-drop ALL"].compactMap { $0 }
        if !missing.isEmpty {
            findings.append(Finding(
                Rules.containerHardening, severity: rootUser != nil ? .medium : .low, server: server.name, location: location,
                message: "\(server.name)'s container runs \(ToolPoisoningDetector.list(missing))",
                evidence: Evidence.clip(([server.command ?? ""] + arguments).joined(separator: " ")), fingerprintKey: "hardening"
            ))
        }
        if let image, !image.contains("@sha256:") {
            findings.append(Finding(
                Rules.unpinnedPackage, server: server.name, location: location,
                message: "\(server.name) runs image \(image) without a digest: the tag can point at new code any time",
                evidence: image, fingerprintKey: image
            ))
        }
        return findings
    }

    /// `docker run` flags that take a value as the next word, so the value is not mistaken for the image.
    static let valueFlags: Set<String> = [
        "-v", "--volume", "--mount", "-e", "--env", "--network", "--net", "--pid", "--ipc", "--cap-add", "--cap-drop", "--name", "-p",
        "--publish", "-w", "--workdir", "--user", "-u", "--env-file", "--entrypoint", "--platform", "-l", "--label", "--add-host",
        "--device", "--security-opt", "--uts", "--userns", "--tmpfs", "-m", "--memory", "--memory-swap", "--cpus", "--pids-limit",
        "--ulimit", "--shm-size", "-h", "--hostname", "--dns", "--restart", "--group-add", "--sysctl", "--log-driver", "--log-opt",
        "--runtime", "--pull", "--gpus", "--cgroupns", "--stop-signal", "--cidfile", "--expose",
    ]

    static func mountSource(_ value: String) -> String? {
        if value.contains("source=") || value.contains("src=") {
            for part in value.split(separator: ",") where part.hasPrefix("source=") || part.hasPrefix("src=") {
                return String(part.split(separator: "=", maxSplits: 1).last ?? "")
            }
        }
        return value.split(separator: ":", maxSplits: 1).first.map(String.init)
    }

    static func isSensitiveMount(_ source: String) -> Bool {
        let normalized = source.hasSuffix("/") && source.count > 1 ? String(source.dropLast()) : source
        return ["/", "~", "$HOME", "${HOME}", "/home", "/root", "/etc", "/var/run/docker.sock", "/run/docker.sock", "C:\\", "%USERPROFILE%"].contains(normalized)
            || normalized.hasSuffix("/.ssh") || normalized.hasSuffix("/.aws")
            || (normalized.hasPrefix("/home/") && normalized.split(separator: "/").count == 2)
            || (normalized.hasPrefix("/Users/") && normalized.split(separator: "/").count == 2)
    }

    static func basename(_ path: String) -> String {
        String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring(path)).lowercased()
    }
}
