import GuardCore

/// The checklist with its coverage, filtered, in a table, JSON or Markdown: `mcpguard checklist`.
///
/// Each item's level (covered, partial, attest) comes from ``ItemCoverage``, the same data `mcpguard assess`
/// decides statuses from; the rule and control ids shown are the ones that data cites (capability labels,
/// which are `info`, are never shown as coverage).
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
            if filter.uncoveredOnly, Self.level(item.id) != .attest { return false }
            return true
        }
    }

    static func level(_ id: String) -> ItemCoverage.Level { ItemCoverage.of(id)?.level ?? .attest }

    /// The rules and controls the item's coverage data cites, split by where they run.
    func cited(_ id: String) -> ChecklistCoverage {
        guard let data = ItemCoverage.of(id), let derived = coverage[id] else { return ChecklistCoverage() }
        let rules = Set(data.detectionRules)
        let controls = Set(data.controls)
        return ChecklistCoverage(
            scan: derived.scan.filter(rules.contains), guard: derived.guard.filter(controls.contains),
            probe: derived.probe.filter(rules.contains)
        )
    }

    private func coverageText(_ id: String) -> String {
        let level = Self.level(id)
        guard level != .attest else { return "attest" }
        let cited = cited(id)
        var parts: [String] = []
        if !cited.scan.isEmpty { parts.append("scan: " + cited.scan.joined(separator: ", ")) }
        if !cited.guard.isEmpty { parts.append("guard: " + cited.guard.joined(separator: ", ")) }
        if !cited.probe.isEmpty { parts.append("probe: " + cited.probe.joined(separator: ", ")) }
        return level.rawValue + " · " + parts.joined(separator: "; ")
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
                    + (coverage == "attest" ? style.dim(coverage) : coverage.hasPrefix("partial") ? style.color(coverage, .yellow) : style.color(coverage, .green))
            )
        }
        let covered = items.filter { Self.level($0.id) == .covered }.count
        let partial = items.filter { Self.level($0.id) == .partial }.count
        lines.append("")
        lines.append("\(items.count) item\(items.count == 1 ? "" : "s"): \(covered) covered by automated checks, \(partial) partly, \(items.count - covered - partial) attest only · \(ChecklistCatalog.source)")
        lines.append("`mcpguard assess` shows where this deployment stands on each.")
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
            let itemCoverage = cited(item.id)
            var coverageObject = JSONObject()
            coverageObject["level"] = .string(Self.level(item.id).rawValue)
            coverageObject["uncovered"] = ItemCoverage.of(item.id)?.uncovered.map(JSONValue.string) ?? .null
            coverageObject["scan"] = .array(itemCoverage.scan.map(JSONValue.string))
            coverageObject["guard"] = .array(itemCoverage.guard.map(JSONValue.string))
            coverageObject["probe"] = .array(itemCoverage.probe.map(JSONValue.string))
            coverageObject["attestOnly"] = .bool(Self.level(item.id) == .attest)
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
