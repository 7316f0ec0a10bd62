import GuardCore
import GuardDetect

/// Input validation: each eligible tool is called only with arguments that break its own `inputSchema`,
/// so whatever the tool does, it should never get to do it.
extension ActiveProbe {
    /// One argument set that violates the schema, and how.
    struct Violation: Equatable {
        let what: String
        let arguments: JSONObject
    }

    /// Argument sets that each break at least one constraint of `schema` by construction: a required member
    /// missing, a typed member of another type, a member the schema forbids. Empty when the schema
    /// constrains nothing (there is nothing to violate, and a call could be valid).
    static func violations(of schema: JSONValue?) -> [Violation] {
        guard let schema = schema?.objectValue else { return [] }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        func placeholders(except skipped: String?) -> JSONObject {
            var object = JSONObject()
            for name in required where name != skipped { object[name] = placeholder(properties[name]) }
            return object
        }
        var result: [Violation] = []
        if !required.isEmpty {
            result.append(Violation(what: "required \(required.map { "'\($0)'" }.joined(separator: ", ")) missing", arguments: JSONObject()))
        }
        let ordered = required.filter { properties[$0] != nil } + properties.keys.filter { !required.contains($0) }
        if let name = ordered.first(where: { wrongValue(for: properties[$0]) != nil }), let wrong = wrongValue(for: properties[name]) {
            var arguments = placeholders(except: name)
            arguments[name] = wrong
            result.append(Violation(what: "'\(name)' of the wrong type", arguments: arguments))
        }
        if schema["additionalProperties"] == .bool(false) {
            var arguments = placeholders(except: nil)
            arguments["mcpguard_unexpected_member"] = "probe"
            result.append(Violation(what: "an extra member where additionalProperties is false", arguments: arguments))
        }
        return result
    }

    /// A value of a type `property` does not allow, or nil when it allows any (no `type`).
    static func wrongValue(for property: JSONValue?) -> JSONValue? {
        let types: [String]
        switch property?["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap(\.stringValue)
        default: return nil
        }
        let candidates: [(JSONValue, [String])] = [
            (.number(JSONNumber(12345)), ["number", "integer"]), (.string("mcpguard-not-a-number"), ["string"]),
            (.object(JSONObject()), ["object"]), (.bool(true), ["boolean"]),
        ]
        return candidates.first { candidate in !candidate.1.contains(where: types.contains) }?.0
    }

    /// A value of the declared type (first enum value when there is one), to fill the members a violation does not concern.
    static func placeholder(_ property: JSONValue?) -> JSONValue {
        if let first = property?["enum"]?.arrayValue?.first { return first }
        let type = property?["type"]?.stringValue ?? property?["type"]?.arrayValue?.first?.stringValue
        switch type {
        case "integer", "number": return .number(JSONNumber(1))
        case "boolean": return .bool(false)
        case "array": return .array([])
        case "object": return .object(JSONObject())
        case "null": return .null
        default: return .string("mcpguard-probe")
        }
    }

    func inputValidation(_ session: ProbeSession) async -> [ProbeCheckResult] {
        let tools = await session.tools
        guard await session.capabilities["tools"] != nil else { return [.skipped(Rules.probeInputValidation, "the server declares no tools capability")] }
        guard !tools.isEmpty else { return [.skipped(Rules.probeInputValidation, "the server lists no tools")] }
        var problems: [ProbeProblem] = []
        var called: [String] = []
        var notCalled: [String] = []
        var unconstrained: [String] = []
        for tool in tools.prefix(options.maxTools) {
            guard let name = tool["name"]?.stringValue else { continue }
            guard options.callAllTools || tool["annotations"]?["readOnlyHint"] == .bool(true) else { notCalled.append(name); continue }
            let violations = Self.violations(of: tool["inputSchema"])
            guard !violations.isEmpty else { unconstrained.append(name); continue }
            guard await session.budgetLeft else { notCalled.append(name); continue }
            called.append(name)
            for violation in violations {
                let label = "\(name) called with \(violation.what)"
                let reply = await session.request("tools/call", ["name": .string(name), "arguments": .object(violation.arguments)], label: label)
                switch reply {
                case .result where !reply.isRefusal:
                    problems.append(ProbeProblem(message: "\(name) accepted arguments with \(violation.what) instead of refusing them",
                                                 evidence: JSONWriter().string(.object(violation.arguments)), key: "accepted:\(violation.what)", tool: name))
                case .silent, .gone:
                    if let problem = await survival(session, after: label, reply: reply) { problems.append(ProbeProblem(message: problem.message, key: problem.key, tool: name, severity: problem.severity)) }
                default:
                    break
                }
            }
        }
        var results: [ProbeCheckResult] = []
        if !called.isEmpty {
            var detail = "called \(called.joined(separator: ", ")) with schema-violating arguments only"
            if !unconstrained.isEmpty { detail += "; \(unconstrained.joined(separator: ", ")): no constraint to violate" }
            results.append(ProbeCheckResult(rule: Rules.probeInputValidation.id, ran: true, detail: detail, problems: problems))
        }
        if !notCalled.isEmpty || called.isEmpty {
            var reasons: [String] = []
            if !notCalled.isEmpty {
                reasons.append("not called: \(notCalled.joined(separator: ", ")) (not annotated readOnlyHint: true; with --sandbox every tool is called inside mcpguard's sandbox)")
            }
            if called.isEmpty, !unconstrained.isEmpty { reasons.append("\(unconstrained.joined(separator: ", ")): no constraint in the inputSchema to violate") }
            results.append(.skipped(Rules.probeInputValidation, reasons.joined(separator: "; ")))
        }
        return results
    }

    /// A call of a tool that does not exist: its error feeds the leak screen, and a crash or hang on it is a
    /// robustness problem.
    func unknownToolCall(_ session: ProbeSession) async -> ProbeProblem? {
        guard await session.capabilities["tools"] != nil, await session.budgetLeft else { return nil }
        let name = "mcpguard_no_such_tool"
        await session.sent(name)
        let label = "a call of the unknown tool \(name)"
        let reply = await session.request("tools/call", ["name": .string(name), "arguments": [:]], label: label)
        return await survival(session, after: label, reply: reply)
    }
}
