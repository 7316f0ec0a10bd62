import GuardCore
import GuardDetect

/// Robustness and version negotiation: messages a careless parser chokes on, each followed by a `ping`
/// that shows whether the server survived.
extension ActiveProbe {
    /// One hostile message: its bytes, the id an answer would carry, and whether a success is acceptable.
    struct HostileMessage {
        let label: String
        let bytes: [UInt8]
        let id: JSONRPCID?
    }

    static func hostileMessages() -> [HostileMessage] {
        func text(_ string: String) -> [UInt8] { Array(string.utf8) }
        let padding = String(repeating: "A", count: 3 * 1024 * 1024)
        let depth = 10_000
        let deep = "{\"jsonrpc\":\"2.0\",\"id\":\"mcpguard-deep\",\"method\":\"mcpguard/probe-deep\",\"params\":{\"a\":"
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}}"
        return [
            HostileMessage(label: "malformed JSON", bytes: text(#"{"jsonrpc":"2.0","id":"mcpguard-malformed","method":"ping","params":{"#), id: JSONRPCID("mcpguard-malformed")),
            HostileMessage(label: "a tools/call with a number for its name and a string for its arguments",
                           bytes: text(#"{"jsonrpc":"2.0","id":"mcpguard-types-1","method":"tools/call","params":{"name":42,"arguments":"not-an-object"}}"#), id: JSONRPCID("mcpguard-types-1")),
            HostileMessage(label: "a resources/read with an array for its uri",
                           bytes: text(#"{"jsonrpc":"2.0","id":"mcpguard-types-2","method":"resources/read","params":{"uri":["file:///"]}}"#), id: JSONRPCID("mcpguard-types-2")),
            HostileMessage(label: "an unknown method", bytes: text(#"{"jsonrpc":"2.0","id":"mcpguard-unknown","method":"mcpguard/no-such-method","params":{}}"#), id: JSONRPCID("mcpguard-unknown")),
            HostileMessage(label: "a 3 MiB message", bytes: text(#"{"jsonrpc":"2.0","id":"mcpguard-huge","method":"mcpguard/probe-huge","params":{"padding":""# + padding + "\"}}"), id: JSONRPCID("mcpguard-huge")),
            HostileMessage(label: "a message nested \(depth) deep", bytes: text(deep), id: JSONRPCID("mcpguard-deep")),
        ]
    }

    func robustness(_ session: ProbeSession) async -> ProbeCheckResult {
        var problems: [ProbeProblem] = []
        var tried: [String] = []
        for message in Self.hostileMessages() {
            guard await session.budgetLeft else { break }
            tried.append(message.label)
            let reply = await session.exchange(message.bytes, id: message.id, label: message.label, timeout: min(options.requestTimeout, .seconds(3)))
            if case .result = reply, !reply.isRefusal {
                problems.append(ProbeProblem(message: "answered \(message.label) with a success result instead of an error", key: "success:\(message.label)"))
            }
            if let problem = await survival(session, after: message.label, reply: reply) { problems.append(problem) }
        }
        let detail = "sent \(tried.joined(separator: ", ")); each followed by a ping"
        guard !tried.isEmpty else { return .skipped(Rules.probeRobustness, await session.budgetExhausted) }
        return ProbeCheckResult(rule: Rules.probeRobustness.id, ran: true, detail: detail, problems: problems)
    }

    /// Whether the server still answers a ping after `label`; a crash or a hang is a problem (and a dead
    /// server is started again for the checks that follow).
    func survival(_ session: ProbeSession, after label: String, reply: ProbeReply) async -> ProbeProblem? {
        var how: String?
        if case .gone(let reason) = reply { how = reason }
        if how == nil {
            switch await session.ping() {
            case .result: return nil
            case .gone(let reason): how = reason
            case .error, .http: return nil  // alive, if unfriendly
            case .silent:
                // Slow is not hung: on a loaded machine an answer can come well after the request timeout, so a
                // second ping gets three times as long before the server is called stuck.
                switch await session.ping(timeout: options.requestTimeout * 3) {
                case .result, .error, .http: return nil
                case .gone(let reason): how = reason
                case .silent: how = "stopped answering (no answer to two pings within \(Int((options.requestTimeout * 4).seconds)) s)"
                }
            }
        }
        let text = how ?? "stopped answering"
        _ = await session.restart()
        return ProbeProblem(message: "\(text) after \(label)", key: "crash:\(label)", severity: .high)
    }

    func protocolVersion(_ session: ProbeSession) async -> ProbeCheckResult {
        guard await session.budgetLeft else { return .skipped(Rules.probeProtocolVersion, await session.budgetExhausted) }
        let future = "2999-12-31"
        let cases: [(String, JSONValue)] = [("an initialize with the unknown protocolVersion \(future)", .string(future)),
                                            ("an initialize with a number as protocolVersion", .number(JSONNumber(20250618)))]
        var problems: [ProbeProblem] = []
        for (label, version) in cases {
            let params: JSONValue = ["protocolVersion": version, "capabilities": [:], "clientInfo": ["name": "mcpguard-probe", "version": .string(MCPGuardVersion.current)]]
            let reply = await session.request("initialize", params, label: label)
            if case .result(let value) = reply {
                let answered = value["protocolVersion"]
                if answered == version {
                    problems.append(ProbeProblem(message: "accepted \(label) and claims to speak it", evidence: "protocolVersion: \(answered.map { JSONWriter().string($0) } ?? "null")", key: "echo:\(version)", severity: .low))
                } else if answered?.stringValue == nil {
                    problems.append(ProbeProblem(message: "answered \(label) without a protocolVersion string", key: "none:\(version)", severity: .low))
                }
            }
            if let problem = await survival(session, after: label, reply: reply) { problems.append(problem) }
        }
        return ProbeCheckResult(rule: Rules.probeProtocolVersion.id, ran: true,
                                detail: "sent \(cases.map(\.0).joined(separator: " and ")); expected a supported version or an error", problems: problems)
    }
}
