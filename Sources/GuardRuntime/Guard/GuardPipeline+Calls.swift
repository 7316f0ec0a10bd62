import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// `tools/call` from the client: refusals, the `ask` round trips, argument and schema checks, limits.
extension GuardPipeline {
    /// The key of our confirmation in an `input_required` result and in the client's `inputResponses`.
    static let confirmKey = "mcpguard_confirm"

    func checkCall(_ original: JSONRPCMessage, approved: Bool) -> [Delivery] {
        guard let name = original.params?["name"]?.stringValue else { return [.toServer(original.raw)] }
        if let refused = auditRefusal(original, subject: "tool \(name)") { return refused }
        var message = original
        let arguments = message.params?["arguments"] ?? .object(JSONObject())
        if let refusal = lock.withLock({ state.refused[name] }) {
            return refuse(message, tool: name, code: ErrorCode.denied, rule: refusal.rule, text: refusal.message, checklist: refusal.checklist)
        }
        let rule = rules.tools[name]
        var approvedArguments: String?
        let action = rule?.action ?? rules.defaultAction
        if action == .deny {
            return refuse(message, tool: name, code: ErrorCode.denied, rule: GuardControls.policyDeny.id,
                          text: "mcpguard policy denies tool \(name) on server \(server) (rule policy.deny)", checklist: GuardControls.policyDeny.checklist)
        }
        // Before any confirmation: a secret is refused whatever the user would answer.
        if let leak = outboundLeak(in: arguments) {
            return refuse(message, tool: name, code: ErrorCode.denied, rule: GuardControls.outboundScreen.id,
                          text: "mcpguard refused \(name): argument '\(leak.path)' holds \(leak.what), which may not be sent to server \(server) (rule \(GuardControls.outboundScreen.id))",
                          checklist: GuardControls.outboundScreen.checklist)
        }
        switch action {
        case .deny:
            return []
        case .ask where !approved:
            switch askRoute(message, subject: AskSubject(kind: .tool, name: name), arguments: arguments) {
            case .proceed(let rewritten, let hash):
                message = rewritten
                approvedArguments = hash
            case .deliver(let deliveries):
                return deliveries
            }
        case .ask:
            approvedArguments = CanonicalJSON.hash(arguments)
        case .allow:
            break
        }
        for (argument, constraint) in (rule?.arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let value = arguments[argument], let problem = constraint.violation(value, argument: argument) {
                return refuse(message, tool: name, code: ErrorCode.denied, rule: GuardControls.policyArguments.id,
                              text: "mcpguard policy refuses \(name): \(problem) (rule policy.arguments)", checklist: GuardControls.policyArguments.checklist)
            }
        }
        if let validator = lock.withLock({ state.inputSchemas[name] }) {
            let failures = validator.validate(arguments)
            if !failures.isEmpty {
                let detail = failures.prefix(3).map { "arguments\($0.instancePath.isEmpty ? "" : $0.instancePath): \($0.message)" }.joined(separator: "; ")
                return refuse(message, tool: name, code: ErrorCode.invalidArguments, rule: GuardControls.schemaInput.id,
                              text: "invalid arguments for \(name): \(detail) (rule schema.input)", checklist: GuardControls.schemaInput.checklist)
            }
        }
        if let refusal = limiter.admit(tool: name, rules: rules) {
            return refuse(message, tool: name, code: ErrorCode.limited, rule: GuardControls.limits.id,
                          text: "mcpguard refuses \(name): \(refusal.message) (rule policy.limits)", checklist: GuardControls.limits.checklist)
        }
        record(.allowed, method: "tools/call", tool: name, rule: nil, checklist: GuardControls.auditLog.checklist, size: message.raw.count, arguments: Self.summary(arguments))
        let deadline = rules.timeout(for: name).map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        if let id = message.id {
            lock.withLock { state.pending[id] = PendingRequest(method: "tools/call", tool: name, deadline: deadline, approvedArguments: approvedArguments) }
        }
        return [.toServer(message.raw)]
    }

    enum AskRoute {
        /// Confirmed: go on with these bytes (our confirmation removed) and remember the approved arguments.
        case proceed(JSONRPCMessage, String)
        case deliver([Delivery])
    }

    /// How to get the user's yes for a request under `ask`: a retry that carries it, 2026-07-28's
    /// `input_required`, an `elicitation/create` request to a client that declared elicitation, or a refusal
    /// that says how to allow it.
    func askRoute(_ message: JSONRPCMessage, subject: AskSubject, arguments: JSONValue) -> AskRoute {
        let hash = CanonicalJSON.hash(arguments)
        let tool = subject.name
        let params = message.params?.objectValue ?? JSONObject()
        if let token = params["requestState"]?.stringValue, let approval = lock.withLock({ state.approvals[token] }), approval.tool == tool, approval.arguments == hash {
            guard approval.ours else { return .proceed(message, hash) }  // the server continuing an approved call
            lock.withLock { state.approvals[token] = nil }  // one use
            guard Self.isApproval(params["inputResponses"]?[Self.confirmKey]) else { return .deliver(declined(message, subject: subject)) }
            var cleaned = params
            cleaned["requestState"] = nil
            if var responses = params["inputResponses"]?.objectValue {
                responses[Self.confirmKey] = nil
                cleaned["inputResponses"] = responses.isEmpty ? nil : .object(responses)
            }
            var body = message.body
            body["params"] = .object(cleaned)
            record(.answered, method: message.method, tool: tool, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, detail: "the user allowed the request (scope: once)")
            guard let rewritten = try? JSONRPCMessage(body) else { return .deliver(declined(message, subject: subject)) }
            return .proceed(rewritten, hash)
        }
        let meta = params["_meta"]
        if meta?["io.modelcontextprotocol/protocolVersion"] != nil {
            if meta?["io.modelcontextprotocol/clientCapabilities"]?["elicitation"] != nil {
                let token = "mcpguard-confirm-" + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
                lock.withLock {
                    state.approvals[token] = Approval(tool: tool, arguments: hash, expires: .now + .seconds(rules.askTimeout), ours: true)
                }
                let result: JSONValue = [
                    "resultType": "input_required",
                    "inputRequests": .object([Self.confirmKey: ["method": "elicitation/create", "params": elicitation(subject, arguments: arguments, mode: true)]]),
                    "requestState": .string(token),
                ]
                record(.asked, method: message.method, tool: tool, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, arguments: Self.summary(arguments), detail: "confirmation requested (input_required)")
                let response: JSONValue = ["jsonrpc": "2.0", "id": message.id?.jsonValue ?? .null, "result": result]
                return .deliver([.toClient(JSONWriter().bytes(response))])
            }
        } else if lock.withLock({ state.clientElicitation }) {
            let askID = nextID("ask")
            lock.withLock { state.held[askID] = HeldCall(message: message, subject: subject, deadline: .now + .seconds(rules.askTimeout)) }
            let request: JSONValue = ["jsonrpc": "2.0", "id": askID.jsonValue, "method": "elicitation/create", "params": elicitation(subject, arguments: arguments, mode: false)]
            record(.asked, method: message.method, tool: tool, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, arguments: Self.summary(arguments), detail: "confirmation requested (elicitation)")
            return .deliver([.toClient(JSONWriter().bytes(request))])
        }
        return .deliver(refuse(message, tool: tool, code: ErrorCode.askDeclined, rule: GuardControls.policyAsk.id,
                               text: "\(subject.noun) needs your confirmation, which this client cannot give (it does not support elicitation); allow it in the mcpguard policy (\(subject.policyPath(server: server)): allow) to run it (rule policy.ask)",
                               checklist: GuardControls.policyAsk.checklist))
    }

    /// The user's answer to our `elicitation/create`: yes runs the held request through the remaining checks.
    func answered(_ held: HeldCall, with response: JSONRPCMessage) -> [Delivery] {
        guard response.kind == .response, Self.isApproval(response.result) else { return declined(held.message, subject: held.subject) }
        record(.answered, method: held.message.method, tool: held.subject.name, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, detail: "the user allowed the request (scope: once)")
        switch held.subject.kind {
        case .tool: return checkCall(held.message, approved: true)
        case .resource, .prompt: return checkAccess(held.message, approved: true)
        }
    }

    func declined(_ message: JSONRPCMessage, subject: AskSubject) -> [Delivery] {
        refuse(message, tool: subject.name, code: ErrorCode.askDeclined, rule: GuardControls.policyAsk.id,
               text: "the user declined \(subject.noun) on server \(server) (rule policy.ask)", checklist: GuardControls.policyAsk.checklist, decision: .answered)
    }

    /// Yes means `action: accept` with `approve: true`; anything else (decline, cancel, no content) is no.
    static func isApproval(_ result: JSONValue?) -> Bool {
        result?["action"]?.stringValue == "accept" && result?["content"]?["approve"]?.boolValue == true
    }

    /// The confirmation form: what will run, where, with every argument by name (see ``Confirmation``).
    func elicitation(_ subject: AskSubject, arguments: JSONValue, mode: Bool) -> JSONValue {
        let movesFunds = subject.kind == .tool && (rules.tools[subject.name]?.funds == true || lock.withLock { state.fundsTools.contains(subject.name) })
        let confirmation = Confirmation(action: subject.action, server: server, arguments: arguments, movesFunds: movesFunds)
        var params: JSONObject = [
            "message": .string(confirmation.message),
            "requestedSchema": [
                "type": "object",
                "properties": ["approve": ["type": "boolean", "title": "Allow this call", "description": .string("\(subject.action.prefix(1).uppercased() + subject.action.dropFirst()) on \(server) once with these arguments")]],
                "required": ["approve"],
            ],
        ]
        if mode { params["mode"] = "form" }
        return .object(params)
    }
}
