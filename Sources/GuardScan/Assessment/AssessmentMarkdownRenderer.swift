import GuardCore

/// The assessment as Markdown: scores, then a table per section; untrusted text escaped.
public struct AssessmentMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ assessment: Assessment) -> String {
        let escape = MarkdownReportRenderer.escape
        var lines = ["# mcpguard assessment — \(escape(assessment.subject))", ""]
        lines.append("\(ChecklistCatalog.source) · \(assessment.date) · scan \(assessment.scanStatus)")
        lines.append("")
        lines.append("| Scope | Score | Counted |")
        lines.append("|---|---|---|")
        lines.append("| **Overall** | **\(AssessmentTextRenderer.percent(assessment.overall))** | \(assessment.overall.counted) of \(assessment.overall.total) |")
        for part in ChecklistItem.Part.allCases {
            let score = assessment.score(part: part)
            lines.append("| \(part.displayName) | \(AssessmentTextRenderer.percent(score)) | \(score.counted) of \(score.total) |")
        }
        for priority in ChecklistItem.Priority.allCases.reversed() {
            let score = assessment.score(priority: priority)
            lines.append("| \(priority.rawValue) priority | \(AssessmentTextRenderer.percent(score)) | \(score.counted) of \(score.total) |")
        }
        var heading: String?
        for result in assessment.items {
            let name = result.item.part.displayName + (result.item.section.map { " · \($0)" } ?? "")
            if name != heading {
                lines.append("")
                lines.append("## \(escape(name))")
                lines.append("")
                lines.append("| ID | Priority | Item | Status | Why |")
                lines.append("|---|---|---|---|---|")
                heading = name
            }
            lines.append("| `\(result.item.id)` | \(result.item.priority.rawValue) | \(escape(result.item.title)) | \(result.status.label) | \(escape(result.reason)) |")
        }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }
}
