import GuardCore

/// One self-contained HTML page: summary cards, findings by severity with filters, each finding
/// expandable to its evidence, remediation and checklist items. No external assets, so the page works
/// offline and can be attached to a ticket as a single file.
///
/// Every string from a server or config is HTML-escaped; the page's own script only toggles visibility.
public struct HTMLReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        var html = HTMLBuilder()
        let counts = report.countsBySeverity
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<title>mcpguard report — ")
        html.text(report.subject)
        html.raw("</title>\n<style>\(HTMLReportAssets.css)</style>\n</head>\n<body>\n<main>\n")

        // Header
        html.raw("<header class=\"top\"><div><h1>mcpguard <span class=\"muted\">report</span></h1><p class=\"muted\">Scan of ")
        html.text(report.subject)
        html.raw(" · mcpguard \(MCPGuardVersion.current)</p></div>")
        if report.status == .complete {
            html.raw("<span class=\"pill ok\">complete</span>")
        } else {
            html.raw("<span class=\"pill warn\">incomplete</span>")
        }
        html.raw("</header>\n")

        if report.status == .incomplete {
            html.raw("<section class=\"banner\"><strong>Incomplete scan.</strong> ")
            html.text("\(report.failedServers.count) of \(report.servers.count) servers could not be scanned; their tools were not checked, so this report cannot call them clean.")
            html.raw("<ul>")
            for server in report.failedServers {
                html.raw("<li><strong>")
                html.text(server.name)
                html.raw("</strong>: ")
                html.text(server.error ?? "unknown error")
                html.raw("</li>")
            }
            html.raw("</ul></section>\n")
        }

        // Summary cards
        html.raw("<section class=\"cards\">")
        html.raw("<div class=\"card total\"><div class=\"num\">\(report.findings.count)</div><div class=\"label\">findings</div></div>")
        for severity in Severity.descending {
            html.raw(
                "<button type=\"button\" class=\"card sev sev-\(severity.rawValue)\" data-card=\"\(severity.rawValue)\" "
                    + "title=\"Show only \(severity.rawValue)\"><div class=\"num\">\(counts[severity] ?? 0)</div>"
                    + "<div class=\"label\">\(severity.rawValue)</div></button>"
            )
        }
        let okServers = report.servers.filter { $0.status == .ok }.count
        html.raw(
            "<div class=\"card servers\"><div class=\"num\">\(okServers)/\(report.servers.count)</div>"
                + "<div class=\"label\">servers scanned</div></div>"
        )
        html.raw("</section>\n")

        // Filters
        html.raw("<section class=\"filters\" aria-label=\"Filters\">")
        for severity in Severity.descending {
            html.raw(
                "<label class=\"chip sev-\(severity.rawValue)\"><input type=\"checkbox\" name=\"sev\" value=\"\(severity.rawValue)\" checked> "
                    + "\(severity.rawValue)</label>"
            )
        }
        html.raw("<select id=\"server-filter\" aria-label=\"Server\"><option value=\"\">All servers</option>")
        let serverNames = Array(Set(report.servers.map(\.name) + report.findings.compactMap(\.server))).sorted()
        for name in serverNames {
            html.raw("<option value=\"")
            html.text(name)
            html.raw("\">")
            html.text(name)
            html.raw("</option>")
        }
        html.raw("</select>")
        html.raw("<input id=\"search\" type=\"search\" placeholder=\"Search findings, tools, checklist ids…\" aria-label=\"Search\">")
        html.raw("<button type=\"button\" id=\"toggle-all\">Expand all</button>")
        html.raw("</section>\n")

        // Findings by severity
        html.raw("<section id=\"findings\">")
        if report.findings.isEmpty {
            html.raw("<p class=\"empty\">No findings. ")
            html.text(report.status == .complete ? "Every server was scanned." : "But the scan was incomplete: see above.")
            html.raw("</p>")
        }
        for severity in Severity.descending {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            html.raw("<div class=\"group\" data-group=\"\(severity.rawValue)\"><h2><span class=\"badge sev-\(severity.rawValue)\">\(severity.rawValue)</span> ")
            html.raw("<span class=\"count\">\(findings.count)</span></h2>")
            for finding in findings { renderFinding(finding, into: &html) }
            html.raw("</div>")
        }
        html.raw("<p class=\"empty\" id=\"no-match\" hidden>No findings match the filters.</p>")
        html.raw("</section>\n")

        // Servers
        html.raw("<section><h2>Servers</h2><table class=\"servers\"><thead><tr><th>Server</th><th>Status</th><th>Transport</th>")
        html.raw("<th>Endpoint</th><th>Tools</th><th>Prompts</th><th>Resources</th><th>Config</th></tr></thead><tbody>")
        for server in report.servers {
            html.raw("<tr><td><strong>")
            html.text(server.name)
            html.raw("</strong></td><td><span class=\"status \(server.status.rawValue)\">\(server.status.rawValue)</span>")
            if let error = server.error {
                html.raw("<div class=\"muted small\">")
                html.text(error)
                html.raw("</div>")
            }
            html.raw("</td><td>\(server.transport.rawValue)</td><td><code>")
            html.text(server.endpoint)
            html.raw("</code></td><td>\(server.toolCount)</td><td>\(server.promptCount)</td><td>\(server.resourceCount)</td><td class=\"small\">")
            html.text(server.source.path.map { path in server.source.line.map { "\(path):\($0)" } ?? path } ?? "—")
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></section>\n")

        html.raw("<footer class=\"muted small\">Generated offline by mcpguard \(MCPGuardVersion.current). ")
        html.raw("Checklist: \(ChecklistCatalog.source) (MIT, SlowMist).</footer>\n")
        html.raw("</main>\n<script>\(HTMLReportAssets.script)</script>\n</body>\n</html>\n")
        return html.output
    }

    private func renderFinding(_ finding: Finding, into html: inout HTMLBuilder) {
        let searchable = [finding.rule, finding.server ?? "", finding.tool ?? "", finding.message, finding.evidence ?? ""]
            + finding.checklist
        html.raw("<details class=\"finding sev-\(finding.severity.rawValue)\" data-severity=\"\(finding.severity.rawValue)\" data-server=\"")
        html.text(finding.server ?? "")
        html.raw("\" data-search=\"")
        html.text(searchable.joined(separator: " ").lowercased())
        html.raw("\"><summary><span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>")
        html.raw("<span class=\"msg\">")
        html.text(finding.message)
        html.raw("</span><span class=\"where\">")
        html.text([finding.server, finding.tool].compactMap { $0 }.joined(separator: " › "))
        html.raw("</span><code class=\"rule\">")
        html.text(finding.rule)
        html.raw("</code></summary><div class=\"body\">")
        if let evidence = finding.evidence, !evidence.isEmpty {
            html.raw("<h3>Evidence</h3><pre class=\"evidence\">")
            html.text(evidence)
            html.raw("</pre>")
        }
        if !finding.location.description.isEmpty {
            html.raw("<h3>Location</h3><p><code>")
            html.text(finding.location.description)
            html.raw("</code></p>")
        }
        html.raw("<h3>Remediation</h3><p>")
        html.text(finding.remediation)
        html.raw("</p><h3>Checklist items</h3><ul class=\"checklist\">")
        for id in finding.checklist {
            html.raw("<li><code>")
            html.text(id)
            html.raw("</code> ")
            if let item = ChecklistCatalog.item(id) {
                html.raw("<strong>")
                html.text(item.title)
                html.raw("</strong> <span class=\"prio \(item.priority.rawValue)\">\(item.priority.rawValue)</span><div class=\"muted\">")
                html.text(item.summary)
                html.raw("</div>")
            }
            html.raw("</li>")
        }
        html.raw("</ul><p class=\"muted small\">Fingerprint <code>\(finding.fingerprint)</code></p></div></details>")
    }
}

/// Accumulates HTML, escaping text by default.
struct HTMLBuilder {
    private(set) var output = ""

    mutating func raw(_ markup: String) { output += markup }

    mutating func text(_ text: String) { output += Self.escape(text) }

    /// Escapes the five characters that matter in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
