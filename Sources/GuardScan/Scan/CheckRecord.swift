/// That a check ran, on which server, and what it concluded.
///
/// Findings say what is wrong; a check record also says what was looked at and found fine, or could not be
/// looked at, so `mcpguard assess` can tell "passed" from "not assessed".
public struct CheckRecord: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The check ran and found nothing.
        case passed
        /// The check ran and reported at least one finding.
        case failed
        /// The check could not run; `detail` says why.
        case skipped
    }

    /// The rule id the check reports under.
    public var rule: String
    /// The server checked; `nil` for checks across all servers.
    public var server: String?
    public var outcome: Outcome
    /// What was tried, or why it could not run.
    public var detail: String?

    public init(rule: String, server: String?, outcome: Outcome, detail: String? = nil) {
        self.rule = rule
        self.server = server
        self.outcome = outcome
        self.detail = detail
    }
}
