import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// `tools/call` from the client: refusals, the `ask` round trips, argument and schema checks, limits.
extension GuardPipeline {
    /// The key of our confirmation in an `input_required` result and in the client's `inputResponses`.
    static let confirmKey = "mcpguard_confirm"

    /// The checks of a `tools/call`, in the order they run (see ``CallStage``).
    static let callStages: [any CallStage] = [
        AuditFailClosedStage(), WithheldToolStage(), PolicyDenyStage(), OutboundSecretsStage(), AskStage(),
        ArgumentConstraintsStage(), InputSchemaStage(), LimitsStage(), TimeoutStage(),
    ]

    func checkCall(_ original: JSONRPCMessage, approved: Bool) -> [Delivery] {
        guard let name = original.params?["name"]?.stringValue else { return [.toServer(original.raw)] }
        let rule = rules.tools[name]
        var call = CallContext(message: original, subject: AskSubject(kind: .tool, name: name), arguments: original.params?["arguments"] ?? .object(JSONObject()),
                               rule: rule, action: rule?.action ?? rules.defaultAction, approved: approved)
        return runStages(Self.callStages, on: &call)
            ?? forward(call, arguments: Self.summary(call.arguments), approvedArguments: call.approvedArguments)
    }

    /// A request every stage passed: recorded as allowed, remembered until its answer, sent to the server.
    func forward(_ request: CallContext, arguments: String? = nil, approvedArguments: String? = nil) -> [Delivery] {
        let message = request.message
        let method = message.method ?? ""
        record(.allowed, method: method, tool: request.tool, rule: nil, checklist: GuardControls.auditLog.checklist, size: message.raw.count, arguments: arguments)
        if let id = message.id {
            state.withLock { state in state.pending[id] = PendingRequest(method: method, tool: request.tool, deadline: request.deadline, approvedArguments: approvedArguments) }
        }
        return [.toServer(message.raw)]
    }

    /// Runs `stages` in order on `request`: the deliveries of the first stage that does not pass (its
    /// refusal cited from its control), or nil when every stage passed and the request goes on.
    func runStages(_ stages: [any CallStage], on request: inout CallContext) -> [Delivery]? {
        for stage in stages {
            switch stage.check(&request, in: self) {
            case .pass:
                continue
            case .refuse(let code, let reason):
                let control = stage.control
                return refuse(request.message, tool: request.tool, code: code, rule: control.id, text: "\(reason) \(control.cite)", checklist: control.checklist)
            case .refuseAs(let code, let refusal):
                return refuse(request.message, tool: request.tool, code: code, rule: refusal.rule, text: refusal.message, checklist: refusal.checklist)
            case .deliver(let deliveries):
                return deliveries
            }
        }
        return nil
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
        if let token = params["requestState"]?.stringValue, let approval = state.withLock({ state in state.approvals[token] }), approval.tool == tool, approval.arguments == hash {
            guard approval.ours else { return .proceed(message, hash) }  // the server continuing an approved call
            state.withLock { state in state.approvals[token] = nil }  // one use
            let answer = userAnswer(params["inputResponses"]?[Self.confirmKey], subject: subject)
            guard answer.approved else { return .deliver(declined(message, subject: subject, reason: answer.reason)) }
            var cleaned = params
            cleaned["requestState"] = nil
            if var responses = params["inputResponses"]?.objectValue {
                responses[Self.confirmKey] = nil
                cleaned["inputResponses"] = responses.isEmpty ? nil : .object(responses)
            }
            var body = message.body
            body["params"] = .object(cleaned)
            record(.answered, method: message.method, tool: tool, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, detail: "the user allowed the request (scope: \(answer.scope))")
            guard let rewritten = try? JSONRPCMessage(body) else { return .deliver(declined(message, subject: subject)) }
            return .proceed(rewritten, hash)
        }
        let meta = params["_meta"]
        if meta?["io.modelcontextprotocol/protocolVersion"] != nil {
            if meta?["io.modelcontextprotocol/clientCapabilities"]?["elicitation"] != nil {
                let token = "mcpguard-confirm-" + (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
                state.withLock { state in
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
        } else if state.withLock({ state in state.clientElicitation }) {
            let askID = nextID("ask")
            state.withLock { state in state.held[askID] = HeldCall(message: message, subject: subject, deadline: .now + .seconds(rules.askTimeout)) }
            let request: JSONValue = ["jsonrpc": "2.0", "id": askID.jsonValue, "method": "elicitation/create", "params": elicitation(subject, arguments: arguments, mode: false)]
            record(.asked, method: message.method, tool: tool, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, arguments: Self.summary(arguments), detail: "confirmation requested (elicitation)")
            return .deliver([.toClient(JSONWriter().bytes(request))])
        }
        return .deliver(refuse(message, tool: tool, code: ErrorCode.askDeclined, rule: GuardControls.policyAsk.id,
                               text: "\(subject.noun) needs your confirmation, which this client cannot give (it does not support elicitation); allow it in the mcpguard policy (\(subject.policyPath(server: server)): allow) to run it \(GuardControls.policyAsk.cite)",
                               checklist: GuardControls.policyAsk.checklist))
    }

    /// The user's answer to our `elicitation/create`: yes runs the held request through the remaining checks.
    func answered(_ held: HeldCall, with response: JSONRPCMessage) -> [Delivery] {
        let answer = response.kind == .response ? userAnswer(response.result, subject: held.subject) : (approved: false, scope: "", reason: nil)
        guard answer.approved else { return declined(held.message, subject: held.subject, reason: answer.reason) }
        record(.answered, method: held.message.method, tool: held.subject.name, rule: GuardControls.policyAsk.id, checklist: GuardControls.policyAsk.checklist, detail: "the user allowed the request (scope: \(answer.scope))")
        switch held.subject.kind {
        case .tool: return checkCall(held.message, approved: true)
        case .resource, .prompt: return checkAccess(held.message, approved: true)
        }
    }

    func declined(_ message: JSONRPCMessage, subject: AskSubject, reason: String? = nil) -> [Delivery] {
        statistics.noteRefusal()
        let text = reason.map { "mcpguard refused \(subject.noun) on server \(server): \($0) \(GuardControls.secondFactor.cite)" }
            ?? "the user declined \(subject.noun) on server \(server) \(GuardControls.policyAsk.cite)"
        return refuse(message, tool: subject.name, code: ErrorCode.askDeclined, rule: reason == nil ? GuardControls.policyAsk.id : GuardControls.secondFactor.id, text: text,
                      checklist: reason == nil ? GuardControls.policyAsk.checklist : GuardControls.secondFactor.checklist, decision: .answered)
    }

    /// Whether the user's answer approves the request: yes, plus a valid, unused authenticator code where
    /// the policy demands one. `scope` is `once` or `this session` (offered only without a second factor
    /// and for tools that do not move funds); `reason` says why a yes was not enough.
    func userAnswer(_ result: JSONValue?, subject: AskSubject) -> (approved: Bool, scope: String, reason: String?) {
        guard Self.isApproval(result) else { return (false, "", nil) }
        let content = result?["content"]
        if subject.kind == .tool, let totp = secondFactors[subject.name] {
            guard let code = content?["code"]?.stringValue, let step = totp.verify(code, at: Date()) else {
                return (false, "", "the authenticator code was missing, wrong or expired")
            }
            let fresh = state.withLock { state -> Bool in
                if let used = state.usedCodeSteps[subject.name], step <= used { return false }
                state.usedCodeSteps[subject.name] = step
                return true
            }
            guard fresh else { return (false, "", "that authenticator code was already used") }
            return (true, "once, second factor verified", nil)
        }
        if content?["scope"]?.stringValue == "session", offersSessionScope(subject) {
            state.withLock { state in _ = state.sessionApprovals.insert(subject.name) }
            return (true, "this session", nil)
        }
        return (true, "once", nil)
    }

    /// Session-wide approval is offered for plain tools only: never with a second factor or for funds.
    func offersSessionScope(_ subject: AskSubject) -> Bool {
        subject.kind == .tool && secondFactors[subject.name] == nil && !movesFunds(subject.name)
    }

    func movesFunds(_ tool: String) -> Bool {
        rules.tools[tool]?.funds == true || state.withLock { state in state.fundsTools.contains(tool) }
    }

    /// Yes means `action: accept` with `approve: true`; anything else (decline, cancel, no content) is no.
    static func isApproval(_ result: JSONValue?) -> Bool {
        result?["action"]?.stringValue == "accept" && result?["content"]?["approve"]?.boolValue == true
    }

    /// The confirmation form: what will run, where, with every argument by name (see ``Confirmation``).
    func elicitation(_ subject: AskSubject, arguments: JSONValue, mode: Bool) -> JSONValue {
        let funds = subject.kind == .tool && movesFunds(subject.name)
        let confirmation = Confirmation(action: subject.action, server: server, arguments: arguments, movesFunds: funds)
        var properties: JSONObject = ["approve": ["type": "boolean", "title": "Allow this call", "description": .string("\(subject.action.prefix(1).uppercased() + subject.action.dropFirst()) on \(server) with these arguments")]]
        var required: [JSONValue] = ["approve"]
        if subject.kind == .tool, secondFactors[subject.name] != nil {
            properties["code"] = ["type": "string", "title": "Authenticator code", "description": "The 6-digit code your authenticator app shows for mcpguard", "pattern": "^[0-9]{6}$"]
            required.append("code")
        } else if offersSessionScope(subject) {
            properties["scope"] = ["type": "string", "title": "For", "enum": ["once", "session"], "enumNames": ["This call only", "Every call of this tool in this session"], "default": "once"]
        }
        var params: JSONObject = [
            "message": .string(confirmation.message),
            "requestedSchema": ["type": "object", "properties": .object(properties), "required": .array(required)],
        ]
        if mode { params["mode"] = "form" }
        return .object(params)
    }
}
