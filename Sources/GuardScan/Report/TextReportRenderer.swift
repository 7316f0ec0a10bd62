import GuardCore

/// The terminal report: grouped by server, then by tool, with a summary line.
///
/// An incomplete scan says so at the top and again in the summary, because a report that looks clean
/// while a server was never reached is the most dangerous output a scanner can give.
public struct TextReportRenderer: ReportRenderer {
    public let style: TerminalStyle

    public init(style: TerminalStyle = TerminalStyle(enabled: false)) {
        self.style = style
    }

    public func render(_ report: ScanReport) -> String {
        var lines: [String] = []
        lines.append(style.bold("mcpguard \(MCPGuardVersion.current)") + " — scan of \(report.subject)")
        if report.status == .incomplete {
            lines.append(incompleteBanner(report))
        }
        lines.append("")

        let byServer = Dictionary(grouping: report.findings) { $0.server ?? "" }
        let general = byServer[""] ?? []
        if !general.isEmpty {
            lines.append(style.bold("Configuration"))
            lines.append(contentsOf: renderFindings(general, indent: "  "))
            lines.append("")
        }
        for server in report.servers {
            lines.append(serverHeader(server, findings: byServer[server.name] ?? []))
            if server.status == .failed {
                lines.append("  " + style.color("failed: \(server.error ?? "unknown error")", .red))
            } else if server.status == .skipped, let reason = server.error {
                lines.append("  " + style.dim("skipped: \(reason)"))
            }
            let findings = byServer[server.name] ?? []
            let byTool = Dictionary(grouping: findings) { $0.tool ?? "" }
            if let serverLevel = byTool[""] {
                lines.append(contentsOf: renderFindings(serverLevel, indent: "  "))
            }
            for tool in byTool.keys.filter({ !$0.isEmpty }).sorted() {
                lines.append("  " + style.bold("◆ \(tool)"))
                lines.append(contentsOf: renderFindings(byTool[tool]!, indent: "    "))
            }
            lines.append("")
        }
        // Findings for servers the report does not list (should not happen, but never drop a finding).
        let listed = Set(report.servers.map(\.name))
        for name in byServer.keys.filter({ !$0.isEmpty && !listed.contains($0) }).sorted() {
            lines.append(style.bold("● \(name)"))
            lines.append(contentsOf: renderFindings(byServer[name]!, indent: "  "))
            lines.append("")
        }
        if report.servers.isEmpty && report.findings.isEmpty {
            lines.append("No servers and no findings.")
            lines.append("")
        }
        lines.append(summaryLine(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private func incompleteBanner(_ report: ScanReport) -> String {
        let failed = report.failedServers.count
        let text = "⚠ INCOMPLETE: \(failed) of \(report.servers.count) server\(report.servers.count == 1 ? "" : "s") "
            + "could not be scanned; their tools were not checked."
        return style.bold(style.color(text, .yellow))
    }

    private func serverHeader(_ server: ScanReport.ServerResult, findings: [Finding]) -> String {
        let marker: String
        switch server.status {
        case .failed: marker = style.color("✗", .red)
        case .skipped: marker = style.dim("–")
        case .ok: marker = findings.contains { $0.severity >= .medium } ? style.color("●", .red) : style.color("✓", .green)
        }
        var parts = ["\(server.toolCount) tool\(server.toolCount == 1 ? "" : "s")"]
        if server.promptCount > 0 { parts.append("\(server.promptCount) prompt\(server.promptCount == 1 ? "" : "s")") }
        if server.resourceCount > 0 {
            parts.append("\(server.resourceCount) resource\(server.resourceCount == 1 ? "" : "s")")
        }
        let counts = server.status == .ok ? " · " + parts.joined(separator: ", ") : ""
        return "\(marker) " + style.bold(server.name) + style.dim("  \(server.transport.rawValue): \(server.endpoint)\(counts)")
    }

    private func renderFindings(_ findings: [Finding], indent: String) -> [String] {
        var lines: [String] = []
        for finding in findings {
            lines.append(indent + style.severity(finding.severity) + " " + finding.message + style.dim("  [\(finding.rule)]"))
            // Capability labels are context, not problems: one line each.
            if finding.severity == .info { continue }
            let detailIndent = indent + "    "
            if let evidence = finding.evidence, !evidence.isEmpty {
                lines.append(detailIndent + style.dim("evidence: ") + singleLine(evidence))
            }
            if !finding.location.description.isEmpty {
                lines.append(detailIndent + style.dim("at: ") + finding.location.description)
            }
            lines.append(detailIndent + style.dim("fix: ") + finding.remediation)
            lines.append(detailIndent + style.dim("checklist: ") + finding.checklist.joined(separator: ", "))
        }
        return lines
    }

    /// Evidence on one line, control characters made visible, bounded in length.
    private func singleLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "⏎"
            case 0x00..<0x20, 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.count > 300 ? String(result.prefix(300)) + "…" : result
    }

    private func summaryLine(_ report: ScanReport) -> String {
        let counts = report.countsBySeverity
        let severities = Severity.descending.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let ok = report.servers.filter { $0.status == .ok }.count
        let failed = report.failedServers.count
        var serverPart = "\(report.servers.count) server\(report.servers.count == 1 ? "" : "s") (\(ok) ok"
        if failed > 0 { serverPart += ", \(failed) failed" }
        serverPart += ")"
        let status = report.status == .complete
            ? style.color("complete", .green)
            : style.bold(style.color("INCOMPLETE", .yellow))
        return style.bold("Summary:") + " \(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") "
            + "(\(severities)) · \(serverPart) · status: \(status)"
    }
}
