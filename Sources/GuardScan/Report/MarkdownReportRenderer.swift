import GuardCore

/// A report for a pull-request comment: a summary table, the findings table, and details per finding.
///
/// Everything that came from a server is escaped: a tool description holding `<IMPORTANT>` would
/// otherwise be read as an HTML tag by GitHub and vanish from the very comment meant to expose it.
public struct MarkdownReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        var out: [String] = []
        let counts = report.countsBySeverity
        let statusBadge = report.status == .complete ? "✅ complete" : "⚠️ **INCOMPLETE**"
        out.append("## mcpguard scan: \(report.findings.count) finding\(report.findings.count == 1 ? "" : "s")")
        out.append("")
        out.append("Scanned \(Self.escape(report.subject)) with mcpguard \(MCPGuardVersion.current). Status: \(statusBadge).")
        if report.status == .incomplete {
            out.append("")
            out.append("> [!WARNING]")
            out.append("> \(report.failedServers.count) of \(report.servers.count) servers could not be scanned; their tools were not checked.")
            for server in report.failedServers {
                out.append("> - **\(Self.escape(server.name))**: \(Self.escape(server.error ?? "unknown error"))")
            }
        }
        out.append("")
        out.append("| " + Severity.descending.map { "\(Self.icon($0)) \($0.rawValue)" }.joined(separator: " | ") + " |")
        out.append("|" + String(repeating: "---:|", count: Severity.allCases.count))
        out.append("| " + Severity.descending.map { "\(counts[$0] ?? 0)" }.joined(separator: " | ") + " |")
        out.append("")

        if !report.findings.isEmpty {
            out.append("### Findings")
            out.append("")
            out.append("| Severity | Rule | Server | Tool | Finding | Checklist |")
            out.append("|---|---|---|---|---|---|")
            for finding in report.findings {
                let cells = [
                    "\(Self.icon(finding.severity)) \(finding.severity.rawValue)",
                    "`\(finding.rule)`",
                    Self.escape(finding.server ?? "—"),
                    Self.escape(finding.tool ?? "—"),
                    Self.escape(finding.message),
                    finding.checklist.joined(separator: ", "),
                ]
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
            out.append("")
            out.append("<details><summary>Evidence and remediation</summary>")
            out.append("")
            for finding in report.findings {
                let subject = [finding.server, finding.tool].compactMap { $0 }.map(Self.escape).joined(separator: " / ")
                out.append("#### \(Self.icon(finding.severity)) `\(finding.rule)`\(subject.isEmpty ? "" : " — \(subject)")")
                out.append("")
                out.append(Self.escape(finding.message))
                out.append("")
                if let evidence = finding.evidence, !evidence.isEmpty {
                    out.append("- **Evidence:** \(Self.escape(evidence))")
                }
                if !finding.location.description.isEmpty {
                    out.append("- **Location:** \(Self.escape(finding.location.description))")
                }
                out.append("- **Remediation:** \(Self.escape(finding.remediation))")
                let items = finding.checklist.map { id in
                    ChecklistCatalog.item(id).map { "\(id) (\(Self.escape($0.title)))" } ?? id
                }
                out.append("- **Checklist:** \(items.joined(separator: ", "))")
                out.append("- **Fingerprint:** `\(finding.fingerprint)`")
                out.append("")
            }
            out.append("</details>")
            out.append("")
        }

        out.append("### Servers")
        out.append("")
        out.append("| Server | Status | Transport | Tools | Prompts | Resources |")
        out.append("|---|---|---|---:|---:|---:|")
        for server in report.servers {
            let status = server.status == .failed ? "❌ failed" : server.status == .skipped ? "➖ skipped" : "✅ ok"
            out.append(
                "| \(Self.escape(server.name)) | \(status) | \(server.transport.rawValue) | \(server.toolCount) | "
                    + "\(server.promptCount) | \(server.resourceCount) |"
            )
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .critical: "🟣"
        case .high: "🔴"
        case .medium: "🟠"
        case .low: "🟡"
        case .info: "⚪"
        }
    }

    /// Makes untrusted text inert in GitHub-flavoured Markdown inside a table cell or a paragraph.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "|": result += "\\|"
            case "\n", "\r\n", "\r": result += " "
            case "\\", "`", "*", "_", "[", "]", "#", "~", "!": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }
}
