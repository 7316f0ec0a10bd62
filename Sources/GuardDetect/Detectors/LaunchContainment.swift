import GuardCore

/// Whether a local server is contained: launched in a container or a sandbox, or behind `mcpguard run
/// --sandbox`. One that is not runs with the user's full rights (rule `unsandboxed-server`).
enum LaunchContainment {
    /// - Parameters:
    ///   - entry: the entry as written, whose `mcpguard run` options (before `--`) may ask for the sandbox.
    ///   - launched: the server as audited (for a wrapped entry, the command behind the guard).
    ///   - location: where the entry is in its config file.
    static func unsandboxed(entry: ConfiguredServer, launched: ConfiguredServer, location: FindingLocation) -> Finding? {
        guard entry.transport == .stdio, !entry.disabled, let command = launched.command else { return nil }
        guard containment(entry: entry, launched: launched) == nil else { return nil }
        let wrapped = entry.guardedServer != nil
        let place = location.file.map { file in location.line.map { "\(file):\($0)" } ?? file }
        return Finding(
            Rules.unsandboxedServer, server: entry.name, location: location,
            message: "\(entry.name) runs \(wrapped ? "behind mcpguard run without --sandbox" : "outside any container or sandbox"): "
                + "\(LaunchAudit.basename(command)) and what it starts can read, write and reach everything your user can",
            // The command only: arguments may carry secrets another rule reports.
            evidence: Evidence.clip(command + (place.map { " (\($0))" } ?? "")), fingerprintKey: "unsandboxed"
        )
    }

    /// What contains the server (`mcpguard run --sandbox`, `docker run`, `bwrap`, …), or nil when nothing does.
    static func containment(entry: ConfiguredServer, launched: ConfiguredServer) -> String? {
        if entry.guardedServer != nil, let flag = guardSandbox(entry.args) { return "mcpguard run \(flag)" }
        guard let command = launched.command else { return nil }
        var words = [command] + launched.args
        stripPrefixes(&words)
        guard let first = words.first else { return nil }
        let base = executable(first)
        let rest = Array(words.dropFirst())
        switch base {
        case "bwrap", "firejail", "nsjail", "sandbox-exec":
            return base
        case "docker", "podman", "nerdctl":
            return containerSubcommand(rest) == "run" ? "\(base) run" : nil
        case "systemd-run":
            return sandboxingProperty(rest).map { "systemd-run -p \($0)" }
        default:
            return nil
        }
    }

    /// `--sandbox` or `--sandbox=MODE` among the guard's own options (before `--`); `--sandbox=off` asks for none.
    static func guardSandbox(_ args: [String]) -> String? {
        let options = args.prefix { $0 != "--" }
        for option in options where option == "--sandbox" || option.hasPrefix("--sandbox=") {
            let mode = option.dropFirst("--sandbox".count).dropFirst().lowercased()
            if ["off", "none", "no", "false"].contains(mode) { continue }
            return option
        }
        return nil
    }

    /// Drops launchers that add no isolation in front of the real command: `sudo`, `doas`, `env` (with its
    /// flags and `NAME=VALUE` settings), `nice`, `nohup`, `exec`.
    static func stripPrefixes(_ words: inout [String]) {
        while let first = words.first, ["sudo", "doas", "env", "nice", "nohup", "exec"].contains(executable(first)) {
            words.removeFirst()
            while let next = words.first, next.hasPrefix("-") || (next.contains("=") && !next.hasPrefix("/")) { words.removeFirst() }
        }
    }

    /// The docker/podman subcommand (`run`, `exec`, …), past global flags; `container run` counts as `run`.
    static func containerSubcommand(_ args: [String]) -> String? {
        let globalValueFlags: Set<String> = ["-H", "--host", "--context", "-c", "--config", "-l", "--log-level", "--url", "--connection", "--root", "--runroot"]
        var index = 0
        while index < args.count {
            let word = args[index]
            if globalValueFlags.contains(word) {
                index += 2
                continue
            }
            if word.hasPrefix("-") {
                index += 1
                continue
            }
            if word == "container", index + 1 < args.count { return args[index + 1] }
            return word
        }
        return nil
    }

    /// systemd unit properties that restrict what the process sees or may do (resource limits alone do not).
    static let sandboxingProperties: Set<String> = [
        "protectsystem", "protecthome", "privatetmp", "privatedevices", "privatenetwork", "privateusers", "privateipc", "privatemounts",
        "nonewprivileges", "dynamicuser", "readonlypaths", "inaccessiblepaths", "temporaryfilesystem", "rootdirectory", "rootimage",
        "restrictaddressfamilies", "restrictnamespaces", "systemcallfilter", "capabilityboundingset", "ipaddressdeny", "protectproc",
        "protectkerneltunables", "protectkernelmodules", "protectcontrolgroups", "memorydenywriteexecute", "lockpersonality",
    ]

    /// systemd-run options that take the next word as their value.
    static let systemdValueOptions: Set<String> = [
        "-u", "--unit", "-E", "--setenv", "--uid", "--gid", "--nice", "--working-directory", "--description", "--slice", "-M", "--machine",
        "-H", "--host", "--service-type", "--on-active", "--on-boot", "--on-startup", "--on-unit-active", "--on-unit-inactive", "--on-calendar",
    ]

    /// The first sandboxing property among systemd-run's options (`-p NAME=VALUE`, `-pNAME=VALUE`,
    /// `--property=NAME=VALUE`; a value of `no`, `false`, `0` or empty turns it off). Options end at the
    /// command, whose own arguments are not systemd's.
    static func sandboxingProperty(_ args: [String]) -> String? {
        var index = 0
        while index < args.count, args[index].hasPrefix("-"), args[index] != "--" {
            let word = args[index]
            var setting: String?
            if word == "-p" || word == "--property" {
                setting = index + 1 < args.count ? args[index + 1] : nil
                index += 1
            } else if word.hasPrefix("--property=") {
                setting = String(word.dropFirst("--property=".count))
            } else if word.hasPrefix("-p"), word.count > 2, !word.hasPrefix("--") {
                setting = String(word.dropFirst(2))
            } else if systemdValueOptions.contains(word) {
                index += 1
            }
            index += 1
            guard let setting, let equals = setting.firstIndex(of: "=") else { continue }
            let name = setting[..<equals].lowercased()
            let value = setting[setting.index(after: equals)...].lowercased()
            if sandboxingProperties.contains(name), !["", "no", "false", "0", "off"].contains(value) { return setting }
        }
        return nil
    }

    /// `/usr/bin/Docker.exe` → `docker`.
    static func executable(_ path: String) -> String {
        let base = LaunchAudit.basename(path)
        return base.hasSuffix(".exe") ? String(base.dropLast(4)) : base
    }
}
