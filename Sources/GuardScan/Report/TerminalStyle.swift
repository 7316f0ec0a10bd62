import GuardCore

/// ANSI styling that switches off cleanly.
///
/// Reports colour only when stdout is a terminal and `NO_COLOR` is unset; the CLI decides and passes the
/// result in, so renderers stay pure and testable.
public struct TerminalStyle: Sendable {
    public enum Color: String, Sendable {
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36", gray = "90"
    }

    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public func color(_ text: String, _ color: Color) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String {
        enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    public func dim(_ text: String) -> String {
        enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    /// The severity's label (`HIGH`) in its colour.
    public func severity(_ severity: Severity) -> String {
        let label = severity.rawValue.uppercased()
        switch severity {
        case .critical: return enabled ? "\u{1B}[1;97;41m \(label) \u{1B}[0m" : label
        case .high: return bold(color(label, .red))
        case .medium: return color(label, .yellow)
        case .low: return color(label, .cyan)
        case .info: return color(label, .gray)
        }
    }
}
