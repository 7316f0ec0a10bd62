import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// Client → server requests for resources and prompts under the policy: `resources/read` and
/// `resources/subscribe` by URI pattern (a `file:` URI resolved first, so `..` and symlinks cannot leave an
/// allowed folder), `prompts/get` by name; allow, deny or ask, and `default:` for what no pattern names.
extension GuardPipeline {
    /// URIs longer than this are refused: no pattern is evaluated on unbounded input.
    static let uriLimit = 8192

    /// The subject of an access-controlled request, or nil for methods without one.
    func accessSubject(_ message: JSONRPCMessage) -> AskSubject? {
        switch message.method {
        case "resources/read", "resources/subscribe":
            return AskSubject(kind: .resource, name: message.params?["uri"]?.stringValue ?? "")
        case "prompts/get":
            return AskSubject(kind: .prompt, name: message.params?["name"]?.stringValue ?? "")
        default:
            return nil
        }
    }

    /// The action the policy gives `subject`.
    func accessAction(_ subject: AskSubject) -> Policy.Action {
        switch subject.kind {
        case .resource: ResourcePattern.action(for: subject.name, in: rules.resources, isURI: true) ?? rules.defaultAction
        case .prompt: ResourcePattern.action(for: subject.name, in: rules.prompts, isURI: false) ?? rules.defaultAction
        case .tool: rules.tools[subject.name]?.action ?? rules.defaultAction
        }
    }

    /// A resource or prompt request: refused, asked about, or forwarded (prompt arguments screened first).
    func checkAccess(_ original: JSONRPCMessage, approved: Bool) -> [Delivery] {
        guard let subject = accessSubject(original) else { return [.toServer(original.raw)] }
        if let refused = auditRefusal(original, subject: subject.noun) { return refused }
        let method = original.method ?? ""
        var message = original
        if subject.kind == .resource, subject.name.utf8.count > Self.uriLimit {
            return refuse(message, tool: String(subject.name.prefix(80)) + "…", code: ErrorCode.denied, rule: GuardControls.policyResources.id,
                          text: "mcpguard refuses a \(subject.name.utf8.count)-byte resource URI: the limit is \(Self.uriLimit) bytes \(GuardControls.policyResources.cite)",
                          checklist: GuardControls.policyResources.checklist)
        }
        let control = subject.kind == .resource ? GuardControls.policyResources : GuardControls.policyPrompts
        let arguments = message.params?["arguments"] ?? .object(JSONObject())
        switch accessAction(subject) {
        case .deny:
            return refuse(message, tool: subject.name, code: ErrorCode.denied, rule: control.id,
                          text: "mcpguard policy denies \(subject.noun) on server \(server) \(control.cite)", checklist: control.checklist)
        case .ask where !approved:
            switch askRoute(message, subject: subject, arguments: subject.kind == .prompt ? arguments : ["uri": .string(subject.name)]) {
            case .proceed(let rewritten, _): message = rewritten
            case .deliver(let deliveries): return deliveries
            }
        case .ask, .allow:
            break
        }
        if subject.kind == .prompt, let leak = outboundLeak(in: arguments) {
            return refuse(message, tool: subject.name, code: ErrorCode.denied, rule: GuardControls.outboundScreen.id,
                          text: "mcpguard refused prompt \(subject.name): argument '\(leak.path)' holds \(leak.what), which may not be sent to server \(server) \(GuardControls.outboundScreen.cite)",
                          checklist: GuardControls.outboundScreen.checklist)
        }
        record(.allowed, method: method, tool: subject.name, rule: nil, checklist: GuardControls.auditLog.checklist, size: message.raw.count)
        if let id = message.id {
            state.withLock { state in state.pending[id] = PendingRequest(method: method, tool: subject.name, deadline: nil, approvedArguments: nil) }
        }
        return [.toServer(message.raw)]
    }
}
