import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// What the model (or the user, through the client) sends to the server: tool and prompt arguments,
/// completion arguments, sampling results and elicitation answers. A secret, a crypto key or, when the
/// policy chooses, personal data in any of them is refused before it reaches the server, naming where it
/// was; `outbound.refuse` per server sets what counts (a mail server may receive addresses).
extension GuardPipeline {
    /// Where a value the policy keeps from the server was found.
    struct OutboundLeak {
        /// `to`, `options.headers.authorization`, `recipients[2]`.
        let path: String
        /// `a github-token`, `an email`.
        let what: String
    }

    /// The first string in `value` holding something ``Policy/ServerRules/outbound`` refuses.
    func outboundLeak(in value: JSONValue, path: String = "") -> OutboundLeak? {
        guard !outboundRedactor.categories.isEmpty else { return nil }
        switch value {
        case .string(let text):
            guard let outcome = outboundRedactor.redact(text), let label = outcome.counts.keys.sorted().first else { return nil }
            let article = "aeiou".contains(label.prefix(1)) ? "an" : "a"
            return OutboundLeak(path: path.isEmpty ? "(value)" : path, what: "\(article) \(label)")
        case .number(let number):
            // A card number or a phone number sent as a JSON number is still one.
            return outboundLeak(in: .string(number.literal), path: path)
        case .object(let object):
            for member in object.members {
                // Keys are sent too: a secret used as a key is still a secret.
                if let leak = outboundLeak(in: .string(member.key), path: path.isEmpty ? member.key : "\(path).\(member.key)") { return leak }
                if let leak = outboundLeak(in: member.value, path: path.isEmpty ? member.key : "\(path).\(member.key)") { return leak }
            }
            return nil
        case .array(let array):
            for (offset, element) in array.enumerated() {
                if let leak = outboundLeak(in: element, path: "\(path)[\(offset)]") { return leak }
            }
            return nil
        default:
            return nil
        }
    }

    /// `completion/complete`: the argument being completed and the context arguments.
    func checkCompletion(_ message: JSONRPCMessage) -> [Delivery]? {
        let params = message.params ?? .null
        let checked: JSONValue = ["argument": params["argument"] ?? .null, "context": params["context"] ?? .null]
        guard let leak = outboundLeak(in: checked) else { return nil }
        return refuse(message, tool: nil, code: ErrorCode.denied, rule: GuardControls.outboundScreen.id,
                      text: "mcpguard refused a completion request: '\(leak.path)' holds \(leak.what), which may not be sent to server \(server) \(GuardControls.outboundScreen.cite)",
                      checklist: GuardControls.outboundScreen.checklist)
    }

    /// The client's answer to a request of the server (sampling result, elicitation answer, roots): when it
    /// holds what may not be sent, the server gets an error instead of the answer.
    func checkClientAnswer(_ message: JSONRPCMessage) -> [Delivery]? {
        guard message.kind == .response, let result = message.result, let leak = outboundLeak(in: result) else { return nil }
        let text = "mcpguard withheld the client's answer: '\(leak.path)' holds \(leak.what), which may not be sent to server \(server) \(GuardControls.outboundScreen.cite)"
        record(.denied, method: "response", tool: nil, rule: GuardControls.outboundScreen.id, checklist: GuardControls.outboundScreen.checklist, size: message.raw.count, detail: text)
        return [.toServer(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: ErrorCode.denied, message: text, data: ["rule": .string(GuardControls.outboundScreen.id)])).raw)]
    }
}
