import Foundation

/// The paths a confined server needs without anyone writing them down: the system's read-only
/// directories, the server's executable and what it runs from (its interpreter and that interpreter's
/// prefix, a venv and the Python it was made from, `node_modules`, the npx/uvx caches, script arguments),
/// and mcpguard's own executable and libraries (the in-sandbox helper is mcpguard).
public enum SandboxPaths {
    /// Read-only system directories bound when present (symlinks such as merged-/usr `/bin` kept as links).
    public static let systemDirectories = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/nix/store"]

    /// Files and directories in /etc that a server never needs and that hold secrets: masked (bubblewrap)
    /// or left out of the allow-list (Landlock). uid 0 mapped into a sandbox still owns them.
    public static let maskedInEtc = ["shadow", "shadow-", "gshadow", "gshadow-", "sudoers", "sudoers.d", "ssh", "ssl/private", "security/opasswd", "libaudit.conf", "credstore", "credstore.encrypted"]

    /// Prefixes that are already bound as system directories, so a `bin` found in them adds nothing.
    static let systemPrefixes: Set<String> = ["/", "/usr", "/usr/local"]

    /// What `command` needs to start: the resolved executable, its interpreter chain and their prefixes.
    public static func runtime(command: [String], environment: [String: String], workingDirectory: String, home: String) -> [String] {
        guard let program = command.first else { return [] }
        var found: [String] = []
        func add(_ path: String) { if !found.contains(path) { found.append(path) } }
        var queue: [String] = []
        if let executable = resolve(program, path: environment["PATH"] ?? "", workingDirectory: workingDirectory) { queue.append(executable) }
        var seen = Set<String>()
        while let next = queue.first {
            queue.removeFirst()
            guard seen.insert(next).inserted, seen.count < 16 else { continue }
            // The link as named and its target: a venv's bin/python links to the base interpreter.
            add(next)
            let real = realPath(next)
            add(real)
            for candidate in [next, real] {
                if let prefix = prefix(of: candidate) {
                    add(prefix)
                    if let baseBin = venvHome(prefix) { add(Self.prefix(of: baseBin + "/python") ?? baseBin) }
                }
                if let modules = nodeModules(of: candidate) { add(modules) }
            }
            if let interpreter = shebang(real, path: environment["PATH"] ?? "", workingDirectory: workingDirectory) { queue.append(interpreter) }
        }
        // Script arguments (`python server.py`, `node dist/index.js`) and the directory they import from.
        for argument in command.dropFirst() where !argument.hasPrefix("-") {
            let path = argument.hasPrefix("/") ? argument : workingDirectory + "/" + argument
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let real = realPath(path)
            add(real)
            let directory = (real as NSString).deletingLastPathComponent
            if !["/", "/tmp", home, "/root", "/home"].contains(directory), !home.hasPrefix(directory + "/") { add(directory) }
            if let modules = nodeModules(of: real) { add(modules) }
        }
        // Package runners keep what they run in per-user caches.
        let name = (program as NSString).lastPathComponent
        if ["npx", "npm", "pnpm", "pnpx", "yarn", "bunx"].contains(name) {
            add(environment["npm_config_cache"] ?? home + "/.npm")
        }
        if ["uvx", "uv"].contains(name) {
            add(environment["UV_CACHE_DIR"] ?? home + "/.cache/uv")
            add(home + "/.local/share/uv")
        }
        if name == "pipx" { add(home + "/.local/pipx"); add(home + "/.local/share/pipx") }
        return found.filter { FileManager.default.fileExists(atPath: $0) && !isSystem($0) }
    }

    /// `command` with a relative program path (`./server`, `.build/release/x`) and relative arguments that
    /// name existing files made absolute; bare names (`npx`) and everything else unchanged.
    public static func absolute(_ command: [String], workingDirectory: String) -> [String] {
        command.enumerated().map { index, word in
            guard !word.hasPrefix("/"), !word.hasPrefix("-"), index == 0 ? word.contains("/") : true else { return word }
            let path = workingDirectory + "/" + word
            return FileManager.default.fileExists(atPath: path) && (index == 0 || word.contains("/") || word.contains(".")) ? URL(fileURLWithPath: path).standardizedFileURL.path : word
        }
    }

    /// mcpguard's own executable and every shared library it has loaded from outside the system directories
    /// (the Swift runtime under a toolchain, for instance), read from /proc/self/maps.
    public static func ownRuntime() -> [String] {
        var paths = [realPath(Bundle.main.executablePath ?? CommandLine.arguments[0])]
        if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) {
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                guard path.contains(".so"), !isSystem(path) else { continue }
                let directory = (path as NSString).deletingLastPathComponent
                if !paths.contains(directory) { paths.append(directory) }
            }
        }
        return paths.filter { !isSystem($0) }
    }

    /// Under a system directory that is bound anyway.
    static func isSystem(_ path: String) -> Bool {
        systemDirectories.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// `program` on `path` (or relative to the working directory when it has a slash).
    static func resolve(_ program: String, path: String, workingDirectory: String) -> String? {
        if program.contains("/") {
            let full = program.hasPrefix("/") ? program : workingDirectory + "/" + program
            return FileManager.default.isExecutableFile(atPath: full) ? full : nil
        }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// `/x/venv` for `/x/venv/bin/python`: the tree an executable in a `bin` directory belongs to.
    static func prefix(of executable: String) -> String? {
        let directory = (executable as NSString).deletingLastPathComponent
        guard (directory as NSString).lastPathComponent == "bin" else { return nil }
        let prefix = (directory as NSString).deletingLastPathComponent
        return systemPrefixes.contains(prefix) || prefix.isEmpty ? nil : prefix
    }

    /// The `home` of a venv's pyvenv.cfg: the base interpreter's bin directory.
    static func venvHome(_ prefix: String) -> String? {
        guard let config = try? String(contentsOfFile: prefix + "/pyvenv.cfg", encoding: .utf8) else { return nil }
        for line in config.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "home" { return realPath(parts[1]) }
        }
        return nil
    }

    /// The outermost `node_modules` directory a path lies in.
    static func nodeModules(of path: String) -> String? {
        guard let range = path.range(of: "/node_modules/") else { return nil }
        return String(path[..<range.lowerBound]) + "/node_modules"
    }

    /// The interpreter a script names in its `#!` line (`/usr/bin/env NAME` resolved on PATH).
    static func shebang(_ path: String, path searchPath: String, workingDirectory: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 256)) ?? Data()
        guard head.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: head.dropFirst(2).prefix { $0 != 0x0A }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        if (first as NSString).lastPathComponent == "env" {
            guard let name = words.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return nil }
            return resolve(name, path: searchPath, workingDirectory: workingDirectory)
        }
        return first
    }
}

extension SandboxPaths {
    /// The system directories for a Landlock allow-list: each present one, with /etc given entry by entry
    /// so the masked secrets stay out (Landlock can only allow, never carve out).
    public static func landlockSystemPaths() -> [String] {
        var paths: [String] = []
        for directory in systemDirectories where FileManager.default.fileExists(atPath: directory) {
            guard directory == "/etc" else { paths.append(directory); continue }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/etc")) ?? []
            for entry in entries.sorted() where !maskedInEtc.contains(entry) {
                if entry == "ssl" {
                    let inner = (try? FileManager.default.contentsOfDirectory(atPath: "/etc/ssl")) ?? []
                    paths += inner.sorted().filter { $0 != "private" }.map { "/etc/ssl/" + $0 }
                } else if entry == "security" {
                    let inner = (try? FileManager.default.contentsOfDirectory(atPath: "/etc/security")) ?? []
                    paths += inner.sorted().filter { $0 != "opasswd" }.map { "/etc/security/" + $0 }
                } else {
                    paths.append("/etc/" + entry)
                }
            }
        }
        // Dangling links (a missing /etc/resolv.conf target, say) cannot be opened for a rule.
        return paths.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
