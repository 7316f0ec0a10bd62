/// The report formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, markdown, html

    /// The renderer for this format. `color` only affects `text`; `baseDirectory` only `sarif` (artifact
    /// locations relative to it).
    public func renderer(color: Bool = false, baseDirectory: String? = nil) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer(style: TerminalStyle(enabled: color))
        case .json: JSONReportRenderer()
        case .sarif: SARIFReportRenderer(baseDirectory: baseDirectory)
        case .markdown: MarkdownReportRenderer()
        case .html: HTMLReportRenderer()
        }
    }
}

/// Turns a scan report into one output document.
public protocol ReportRenderer: Sendable {
    func render(_ report: ScanReport) -> String
}
