import GuardDetect

/// Where one server entry keeps its command line, in the spellings `HostConfigParser` reads.
enum ServerEntryShape {
    /// A `command` string and an `args` array (most hosts, Codex, VS Code, Zed's flat form); Zed's nested
    /// form is `command.path` and `command.args`.
    case commandAndArgs(command: [String], args: [String])
    /// opencode: `command` is an array of the program and its arguments.
    case commandArray([String])

    /// The shape of the entry at `entry` (its key path), or nil when it has no command line to edit.
    init?(entry: [String], in editor: some ConfigTextEditor) {
        let command = entry + ["command"]
        if editor.strings(at: command) != nil {
            self = .commandArray(command)
        } else if editor.string(at: command + ["path"]) != nil {
            self = .commandAndArgs(command: command + ["path"], args: command + ["args"])
        } else if editor.string(at: command) != nil {
            self = .commandAndArgs(command: command, args: entry + ["args"])
        } else {
            return nil
        }
    }

    /// The command and arguments as the file writes them, or nil when an argument is not a string (the
    /// parser would drop it, and so would a wrapper built from what it read).
    func commandLine(in editor: some ConfigTextEditor) -> (command: String, args: [String])? {
        switch self {
        case .commandArray(let path):
            guard let parts = editor.strings(at: path), let first = parts.first else { return nil }
            return (first, Array(parts.dropFirst()))
        case .commandAndArgs(let commandPath, let argsPath):
            guard let command = editor.string(at: commandPath) else { return nil }
            if !editor.contains(argsPath) { return (command, []) }
            guard let args = editor.strings(at: argsPath) else { return nil }
            return (command, args)
        }
    }

    /// Writes `command args` in place; returns the text added when `args` had to be created.
    func setCommandLine<E: ConfigTextEditor>(_ command: String, _ args: [String], in editor: inout E) throws(ConfigEditError) -> String? {
        switch self {
        case .commandArray(let path):
            return try editor.setStrings(at: path, to: [command] + args, after: "")
        case .commandAndArgs(let commandPath, let argsPath):
            try editor.replaceString(at: commandPath, with: command)
            return try editor.setStrings(at: argsPath, to: args, after: commandPath.last!)
        }
    }

    /// The source text of the command (and arguments when separate), for a byte-exact restore.
    func literals(in editor: some ConfigTextEditor) -> (command: String, args: String?) {
        switch self {
        case .commandArray(let path):
            return (editor.literal(at: path) ?? "", nil)
        case .commandAndArgs(let commandPath, let argsPath):
            return (editor.literal(at: commandPath) ?? "", editor.literal(at: argsPath))
        }
    }

    /// Puts the recorded source text back; `inserted` is the `args` member install added, removed again
    /// when it is still there unchanged.
    func restore<E: ConfigTextEditor>(command: String, args: String?, inserted: String?, in editor: inout E) throws(ConfigEditError) {
        switch self {
        case .commandArray(let path):
            try editor.replaceLiteral(at: path, with: command)
        case .commandAndArgs(let commandPath, let argsPath):
            if let args {
                try editor.replaceLiteral(at: argsPath, with: args)
            } else if let inserted, !editor.removeInserted(inserted, after: commandPath) {
                try editor.setStrings(at: argsPath, to: [], after: commandPath.last!)
            }
            try editor.replaceLiteral(at: commandPath, with: command)
        }
    }
}
