import GuardCore

/// The assessment for a terminal: scores first, then every item with its status and reason; `--verbose`
/// adds each part's evidence.
public struct AssessmentTextRenderer: Sendable {
    public var style: TerminalStyle
    public var verbose: Bool

    public init(style: TerminalStyle = TerminalStyle(enabled: false), verbose: Bool = false) {
        self.style = style
        self.verbose = verbose
    }

    public func render(_ assessment: Assessment) -> String {
        var lines: [String] = []
        lines.append(style.bold("mcpguard assess") + " · \(assessment.subject) · \(assessment.date)")
        lines.append("")
        lines.append("Score " + style.bold(Self.percent(assessment.overall)) + " (\(Self.fraction(assessment.overall)))")
        for part in ChecklistItem.Part.allCases {
            lines.append("  " + part.displayName.padding(toLength: 20, withPad: " ", startingAt: 0) + Self.percent(assessment.score(part: part)))
        }
        for priority in ChecklistItem.Priority.allCases.reversed() {
            lines.append("  " + "\(priority.rawValue) priority".padding(toLength: 20, withPad: " ", startingAt: 0) + Self.percent(assessment.score(priority: priority)))
        }
        let counts = assessment.countsByStatus
        lines.append("  " + Assessment.Status.allCases.filter { (counts[$0] ?? 0) > 0 }.map { "\(counts[$0]!) \($0.label)" }.joined(separator: " · "))
        var heading: String?
        for result in assessment.items {
            let name = result.item.part.displayName + (result.item.section.map { " · \($0)" } ?? "")
            if name != heading {
                lines.append("")
                lines.append(style.bold(name))
                heading = name
            }
            lines.append("  " + result.item.id.padding(toLength: 15, withPad: " ", startingAt: 0) + status(result.status) + "  " + result.item.title)
            lines.append("  " + String(repeating: " ", count: 15) + style.dim(result.reason))
            if verbose {
                for part in result.parts {
                    lines.append("      " + "[\(part.outcome.rawValue)] " + part.text)
                    for evidence in part.evidence {
                        lines.append("        " + style.dim("\(evidence.id ?? evidence.kind.rawValue): \(evidence.outcome.rawValue) — \(evidence.text)"))
                    }
                }
                for finding in result.findings.prefix(5) {
                    lines.append("      finding: " + finding.rule + (finding.server.map { " on \($0)" } ?? "") + ": " + finding.message)
                }
            }
        }
        lines.append("")
        lines.append("Statuses come from the coverage data of each item (mcpguard checklist); attest the rest with an attestation file (mcpguard assess --init).")
        return lines.joined(separator: "\n") + "\n"
    }

    func status(_ status: Assessment.Status) -> String {
        let label = status.label.padding(toLength: 20, withPad: " ", startingAt: 0)
        switch status {
        case .passed, .enforced, .attested: return style.color(label, .green)
        case .failed: return style.bold(style.color(label, .red))
        case .partial, .attestationExpired: return style.color(label, .yellow)
        case .notAssessed: return style.dim(label)
        case .notApplicable: return style.color(label, .gray)
        }
    }

    public static func percent(_ score: Assessment.Score) -> String {
        score.percent.map { String(format: "%.1f %%", $0) } ?? "n/a"
    }

    static func fraction(_ score: Assessment.Score) -> String {
        let points = score.points == score.points.rounded() ? String(Int(score.points)) : String(format: "%.1f", score.points)
        return "\(points) of \(score.counted) counted items; \(score.total - score.counted) not applicable"
    }
}
