import GuardDetect

/// What `install` and `uninstall` print: per file its host, path and entries, then one summary line; with
/// `--dry-run` a unified diff per file. Arguments are never printed, and secrets in a diff's lines are
/// masked: the lines around an edit often hold an `env` block with tokens.
public struct InstallReportRenderer: Sendable {
    public enum Action: Sendable { case install, uninstall }

    public let style: TerminalStyle

    public init(style: TerminalStyle) {
        self.style = style
    }

    public func text(_ report: HostInstaller.Report, action: Action) -> String {
        var lines: [String] = []
        if report.dryRun {
            for file in report.files where file.changed {
                lines.append(diff(file, action: action))
            }
        }
        for file in report.files {
            lines.append(style.bold(file.host) + "  " + Self.printable(file.path) + (file.target != file.path ? style.dim("  → \(Self.printable(file.target))") : ""))
            for entry in file.entries {
                lines.append("  " + describe(entry, action: action))
                if let note = entry.note { lines.append("  " + style.dim("note: \(Self.printable(entry.name)): \(note)")) }
            }
            if file.entries.isEmpty { lines.append("  " + style.dim("no servers")) }
            if let reason = file.leftAlone { lines.append("  " + style.color("left alone: \(reason)", .yellow)) }
            if let failure = file.failure { lines.append("  " + style.color("not written: \(failure)", .red)) }
            if file.restoredFromBackup {
                lines.append("  " + style.dim(report.dryRun ? "unchanged since install: the original bytes would be written back" : "unchanged since install: original bytes written back"))
            }
            if let backup = file.backup { lines.append("  " + style.dim("backup: \(backup)")) }
        }
        lines.append(summary(report, action: action))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The unified diff of one file, secrets masked.
    public func diff(_ file: HostInstaller.FileChange, action: Action) -> String {
        let after = action == .install ? "after mcpguard install" : "after mcpguard uninstall"
        let text = UnifiedDiff.render(old: file.before, new: file.after, from: "\(file.path)\t(current)", to: "\(file.path)\t(\(after))")
        let masked = Self.printable(Redactor(categories: [.secrets, .crypto]).redact(text)?.text ?? text, keepLayout: true)
        return masked.hasSuffix("\n") ? String(masked.dropLast()) : masked
    }

    func describe(_ change: HostConfigRewriter.EntryChange, action: Action) -> String {
        let entry = (name: Self.printable(change.name), outcome: change.outcome)
        let program = change.program.map { style.dim("  (\(Self.printable($0)))") } ?? ""
        switch entry.outcome {
        case .wrapped: return style.color("wrapped          ", .green) + entry.name + program
        case .alreadyGuarded where action == .uninstall:
            return style.dim("left guarded     ") + entry.name + style.dim("  (not put behind mcpguard by install)")
        case .alreadyGuarded: return style.dim("already guarded  ") + entry.name
        case .remote(let transport, let url):
            return style.color("not wrappable yet", .yellow) + " " + entry.name + style.dim("  (remote \(transport) server \(Self.printable(url)); the guard runs stdio servers)")
        case .skipped(let reason): return style.color("skipped          ", .yellow) + entry.name + style.dim("  (\(reason))")
        case .unwrapped: return style.color("unwrapped        ", .green) + entry.name + program
        }
    }

    /// `text` with control and bidirectional-override characters shown as `\u{…}`: names come from files
    /// anyone can write, and must not drive the terminal.
    static func printable(_ text: String, keepLayout: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if keepLayout, value == 0x0A || value == 0x09 {
                out.unicodeScalars.append(scalar)
            } else if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                out += "\\u{" + String(value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func summary(_ report: HostInstaller.Report, action: Action) -> String {
        let entries = report.files.flatMap(\.entries)
        let changedFiles = report.files.filter { $0.changed && $0.leftAlone == nil && $0.failure == nil }
        let would = report.dryRun ? "would be " : ""
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        switch action {
        case .install:
            let wrapped = changedFiles.flatMap(\.entries).filter { $0.outcome == .wrapped }.count
            let guarded = entries.filter { $0.outcome == .alreadyGuarded }.count
            let remote = entries.filter { if case .remote = $0.outcome { true } else { false } }.count
            var parts: [String] = []
            if wrapped == 0 {
                parts.append(guarded > 0 ? "Nothing to change: every stdio server already runs under mcpguard" : "Nothing to change: no stdio server to wrap")
            } else {
                parts.append("\(count(wrapped, "server")) \(would)wrapped in \(count(changedFiles.count, "file"))")
                if guarded > 0 { parts.append("\(guarded) already guarded") }
            }
            if remote > 0 { parts.append("\(remote) remote not wrappable yet") }
            var line = parts.joined(separator: "; ") + "."
            if report.dryRun, wrapped > 0 { line += " Dry run: nothing written." }
            if !report.dryRun, wrapped > 0 { line += " Backups in \(report.backupDirectory); `mcpguard uninstall` puts the files back." }
            return line
        case .uninstall:
            let unwrapped = changedFiles.flatMap(\.entries).filter { $0.outcome == .unwrapped }.count
            let restored = changedFiles.filter(\.restoredFromBackup).count
            guard !changedFiles.isEmpty else { return "Nothing to change: no server runs under mcpguard." }
            var line = "\(count(unwrapped, "server")) \(would)unwrapped in \(count(changedFiles.count, "file"))"
            if restored > 0 { line += " (\(restored) \(would)restored byte for byte)" }
            line += "."
            if report.dryRun { line += " Dry run: nothing written." } else { line += " Backups in \(report.backupDirectory)." }
            return line
        }
    }
}
