/// How much a finding matters.
///
/// `info` marks a capability (this tool deletes files); attacks and misconfigurations are `medium` and
/// above. Ordering is by gravity, so `--fail-on high` means `severity >= .high`.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case info, low, medium, high, critical

    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }

    /// Parses a severity name, case-insensitively.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// Highest first, the order reports list them in.
    public static let descending: [Severity] = allCases.reversed()
}
