import GuardCore

/// The checklist with its coverage, filtered, in a table, JSON or Markdown: `mcpguard checklist`.
public struct ChecklistReport: Sendable {
    public struct Filter: Sendable {
        public var priorities: Set<ChecklistItem.Priority> = []
        public var parts: Set<ChecklistItem.Part> = []
        /// Case-insensitive substring of the section name.
        public var section: String?
        /// Only items nothing automated covers.
        public var uncoveredOnly = false

        public init(
            priorities: Set<ChecklistItem.Priority> = [], parts: Set<ChecklistItem.Part> = [], section: String? = nil,
            uncoveredOnly: Bool = false
        ) {
            self.priorities = priorities
            self.parts = parts
            self.section = section
            self.uncoveredOnly = uncoveredOnly
        }
    }

    public let items: [ChecklistItem]
    public let coverage: [String: ChecklistCoverage]

    public init(filter: Filter, rules: [RuleDescriptor], controls: [ControlDescriptor] = []) {
        let coverage = ChecklistCoverage.build(rules: rules, controls: controls)
        self.coverage = coverage
        self.items = ChecklistCatalog.items.filter { item in
            if !filter.priorities.isEmpty, !filter.priorities.contains(item.priority) { return false }
            if !filter.parts.isEmpty, !filter.parts.contains(item.part) { return false }
            if let section = filter.section?.lowercased(), !section.isEmpty {
                guard let itemSection = item.section?.lowercased(), itemSection.contains(section) else { return false }
            }
            if filter.uncoveredOnly, coverage[item.id]?.isAttestOnly == false { return false }
            return true
        }
    }

    private func coverageText(_ id: String) -> String {
        guard let coverage = coverage[id], !coverage.isAttestOnly else { return "attest" }
        var parts: [String] = []
        if !coverage.scan.isEmpty { parts.append("scan: " + coverage.scan.joined(separator: ", ")) }
        if !coverage.guard.isEmpty { parts.append("guard: " + coverage.guard.joined(separator: ", ")) }
        if !coverage.probe.isEmpty { parts.append("probe: " + coverage.probe.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// A table grouped by part and section.
    public func text(style: TerminalStyle = TerminalStyle(enabled: false)) -> String {
        var lines: [String] = []
        let idWidth = max(2, items.map(\.id.count).max() ?? 2)
        let titleWidth = min(44, max(5, items.map(\.title.count).max() ?? 5))
        var currentHeading: String?
        for item in items {
            let heading = item.part.displayName + (item.section.map { " · \($0)" } ?? "")
            if heading != currentHeading {
                if currentHeading != nil { lines.append("") }
                lines.append(style.bold(heading))
                currentHeading = heading
            }
            let priority: String
            switch item.priority {
            case .high: priority = style.color("high  ", .red)
            case .medium: priority = style.color("medium", .yellow)
            case .low: priority = style.dim("low   ")
            }
            let title = item.title.count > titleWidth ? String(item.title.prefix(titleWidth - 1)) + "…" : item.title
            let coverage = coverageText(item.id)
            lines.append(
                "  " + item.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + priority + "  "
                    + title.padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  "
                    + (coverage == "attest" ? style.dim(coverage) : style.color(coverage, .green))
            )
        }
        let covered = items.filter { coverage[$0.id]?.isAttestOnly == false }.count
        lines.append("")
        lines.append("\(items.count) item\(items.count == 1 ? "" : "s"), \(covered) covered by automated checks, \(items.count - covered) attest only · \(ChecklistCatalog.source)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of items with their coverage.
    public func json() -> String {
        let values: [JSONValue] = items.map { item in
            var object = JSONObject()
            object["id"] = .string(item.id)
            object["part"] = .string(item.part.rawValue)
            object["section"] = item.section.map(JSONValue.string) ?? .null
            object["title"] = .string(item.title)
            object["priority"] = .string(item.priority.rawValue)
            object["text"] = .string(item.text)
            object["summary"] = .string(item.summary)
            let itemCoverage = coverage[item.id] ?? ChecklistCoverage()
            var coverageObject = JSONObject()
            coverageObject["scan"] = .array(itemCoverage.scan.map(JSONValue.string))
            coverageObject["guard"] = .array(itemCoverage.guard.map(JSONValue.string))
            coverageObject["probe"] = .array(itemCoverage.probe.map(JSONValue.string))
            coverageObject["attestOnly"] = .bool(itemCoverage.isAttestOnly)
            object["coverage"] = .object(coverageObject)
            return .object(object)
        }
        var root = JSONObject()
        root["source"] = .string(ChecklistCatalog.source)
        root["count"] = .number(JSONNumber(items.count))
        root["items"] = .array(values)
        return JSONWriter(options: .pretty).string(.object(root)) + "\n"
    }

    /// A Markdown table per part and section.
    public func markdown() -> String {
        var lines = ["# SlowMist MCP Security Checklist — mcpguard coverage", ""]
        var currentHeading: String?
        for item in items {
            let heading = item.part.displayName + (item.section.map { " · \($0)" } ?? "")
            if heading != currentHeading {
                if currentHeading != nil { lines.append("") }
                lines.append("## \(heading)")
                lines.append("")
                lines.append("| ID | Priority | Title | What it asks | Coverage |")
                lines.append("|---|---|---|---|---|")
                currentHeading = heading
            }
            let cells = [
                "`\(item.id)`", item.priority.rawValue, MarkdownReportRenderer.escape(item.title),
                MarkdownReportRenderer.escape(item.summary), MarkdownReportRenderer.escape(coverageText(item.id)),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("Source: \(ChecklistCatalog.source) (MIT).")
        return lines.joined(separator: "\n") + "\n"
    }
}
