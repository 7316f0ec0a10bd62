import Foundation
import GuardCore
import GuardDetect

/// What one probe check concluded on one server: whether it ran, what it tried, and what went wrong.
public struct ProbeCheckResult: Sendable, Hashable {
    public var rule: String
    /// `false` when the check could not run; `detail` then says why.
    public var ran: Bool
    public var detail: String
    public var problems: [ProbeProblem]

    public init(rule: String, ran: Bool, detail: String, problems: [ProbeProblem] = []) {
        self.rule = rule
        self.ran = ran
        self.detail = detail
        self.problems = problems
    }

    static func skipped(_ rule: RuleDescriptor, _ reason: String) -> ProbeCheckResult {
        ProbeCheckResult(rule: rule.id, ran: false, detail: reason)
    }
}

/// One thing a check found wrong; becomes a finding.
public struct ProbeProblem: Sendable, Hashable {
    public var message: String
    /// Already redacted.
    public var evidence: String?
    /// What tells this problem from others of the same rule (fingerprints).
    public var key: String
    public var tool: String?
    /// Overrides the rule's default severity (a crash is graver than a wrong answer).
    public var severity: Severity?

    public init(message: String, evidence: String? = nil, key: String, tool: String? = nil, severity: Severity? = nil) {
        self.message = message
        self.evidence = evidence
        self.key = key
        self.tool = tool
        self.severity = severity
    }
}

/// `mcpguard probe`'s JSON-RPC checks, over any ``ProbeLink``: robustness, protocol-version negotiation,
/// input validation, resource boundaries, and the leak screen over every error those produced.
///
/// Never destructive: tools are only called with arguments that break their own schema, only read-only
/// ones unless the server runs in mcpguard's sandbox, and resources are only read. Bounded: a fixed list of
/// messages, a timeout per message and a budget for the whole run; a server that dies is started again
/// (at most ``Options/maxRestarts`` times) so the remaining checks still run.
public struct ActiveProbe: Sendable {
    public struct Options: Sendable {
        public var requestTimeout: Duration = .seconds(5)
        /// How long the server may take to answer `initialize` (a cold npx or uvx start, or a loaded
        /// machine, takes far longer than any later answer); as the scan's default.
        public var startupTimeout: Duration = .seconds(60)
        /// For the whole run; what is left when it runs out is recorded as skipped.
        public var budget: Duration = .seconds(60)
        /// Call every tool, not only those annotated read-only (the server runs in mcpguard's sandbox).
        public var callAllTools = false
        public var maxRestarts = 3
        public var maxTools = 20
        public var maxTemplates = 10
        public init() {}
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    /// What a run found: every check's result, and why the server could not be probed at all (if so).
    public struct Report: Sendable {
        public var checks: [ProbeCheckResult]
        public var failure: String?
        public var serverInfo: JSONValue?
        public var toolCount = 0
        public var resourceCount = 0

        public init(checks: [ProbeCheckResult], failure: String?, serverInfo: JSONValue? = nil, toolCount: Int = 0, resourceCount: Int = 0) {
            self.checks = checks
            self.failure = failure
            self.serverInfo = serverInfo
            self.toolCount = toolCount
            self.resourceCount = resourceCount
        }
    }

    /// The JSON-RPC check families, in the order they run.
    public static let families = [Rules.probeRobustness, Rules.probeProtocolVersion, Rules.probeInputValidation, Rules.probeResourceBoundary, Rules.probeErrorLeakage]

    /// Runs every check against the server `connect` reaches. `connect` is called again after a crash.
    public func run(connect: @escaping @Sendable () async throws -> any ProbeLink) async -> Report {
        let session = ProbeSession(connect: connect, options: options)
        if let failure = await session.start() {
            await session.close()
            return Report(checks: Self.families.map { .skipped($0, "the server could not be probed: \(failure)") }, failure: failure)
        }
        var results: [ProbeCheckResult] = []
        results.append(await robustness(session))
        results.append(await protocolVersion(session))
        results += await inputValidation(session)
        results.append(await resourceBoundary(session))
        let hadTools = await session.capabilities["tools"] != nil
        if let problem = await unknownToolCall(session), results[0].ran { results[0].problems.append(problem) }
        if hadTools, results[0].ran { results[0].detail += "; later a call of an unknown tool" }
        results.append(await errorLeakage(session))
        await session.close()
        return Report(checks: results, failure: nil, serverInfo: await session.serverInfo, toolCount: await session.tools.count,
                      resourceCount: await session.resources.count + session.templates.count)
    }

    func errorLeakage(_ session: ProbeSession) async -> ProbeCheckResult {
        let texts = await session.errorTexts
        let sent = await session.sentLiterals
        guard !texts.isEmpty else {
            return .skipped(Rules.probeErrorLeakage, "no probe produced an error message to screen")
        }
        var problems: [ProbeProblem] = []
        var seen = Set<String>()
        for (source, text) in texts {
            for leak in ErrorLeakScreen.screen(text, ignoring: sent) where seen.insert(leak.kind.rawValue).inserted {
                problems.append(ProbeProblem(
                    message: "the error answering \(source) contains a \(leak.kind.rawValue)", evidence: leak.evidence,
                    key: leak.kind.rawValue, severity: leak.kind == .secret ? .high : nil
                ))
            }
        }
        return ProbeCheckResult(rule: Rules.probeErrorLeakage.id, ran: true,
                                detail: "screened \(texts.count) error message\(texts.count == 1 ? "" : "s") for stack traces, absolute paths and secrets", problems: problems)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
