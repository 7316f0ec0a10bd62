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

    /// The checks of a `resources/read` or `resources/subscribe`, in the order they run (see ``CallStage``).
    static let resourceStages: [any CallStage] = [
        AuditFailClosedStage(), ResourceURILimitStage(), PolicyDenyStage(GuardControls.policyResources), AskStage(),
    ]

    /// The checks of a `prompts/get`: secrets in the arguments are refused before the user is asked, as
    /// for tools (whatever the user answers, they may not reach the server).
    static let promptStages: [any CallStage] = [
        AuditFailClosedStage(), PolicyDenyStage(GuardControls.policyPrompts), OutboundSecretsStage(), AskStage(),
    ]

    /// A resource or prompt request: refused, asked about, or forwarded.
    func checkAccess(_ original: JSONRPCMessage, approved: Bool) -> [Delivery] {
        guard let subject = accessSubject(original) else { return [.toServer(original.raw)] }
        let arguments: JSONValue = subject.kind == .prompt ? original.params?["arguments"] ?? .object(JSONObject()) : ["uri": .string(subject.name)]
        var request = CallContext(message: original, subject: subject, arguments: arguments, rule: nil, action: accessAction(subject), approved: approved)
        return runStages(subject.kind == .resource ? Self.resourceStages : Self.promptStages, on: &request) ?? forward(request)
    }
}
