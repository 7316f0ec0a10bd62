import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// Everything else the server sends that reaches the model or the user: the `instructions` of `initialize`
/// and `server/discover`, error objects, log and progress notifications, elicitation requests and
/// `input_required` payloads. None of it passes unscreened.
extension GuardPipeline {
    /// `initialize` / `server/discover` results: the instructions lose hidden characters; poisoned ones are
    /// withheld (or sanitised, per `listing.poisoned`); with a lockfile, instructions off their pin are withheld.
    func sessionResult(_ message: JSONRPCMessage, _ result: JSONObject, method: String) -> [Delivery] {
        guard let instructions = result["instructions"]?.stringValue else { return [.toClient(message.raw)] }
        var result = result
        if let verdict = pins?.checkInstructions(instructions) {
            result["instructions"] = nil
            record(.withheld, method: method, tool: nil, rule: verdict.rule, checklist: verdict.checklist, detail: verdict.message)
            return replacing(message, result: result)
        }
        var text = HiddenCharacters.strip(instructions)
        if text != instructions {
            record(.rewritten, method: method, tool: nil, rule: GuardControls.listingStripHidden.id, checklist: GuardControls.listingStripHidden.checklist,
                   detail: "invisible characters removed from the server's instructions")
        }
        let engine = DetectionEngine(detectors: [ToolPoisoningDetector(), HiddenContentDetector()])
        let findings = engine.analyze(DetectionInput(snapshot: InventorySnapshot(servers: [ServerInventory(name: server, instructions: instructions)])))
        if let worst = findings.filter({ $0.severity >= rules.withholdAt }).max(by: { $0.severity < $1.severity }) {
            if rules.poisoned == .withhold {
                result["instructions"] = nil
                record(.withheld, method: method, tool: nil, rule: worst.rule, checklist: GuardControls.listingWithhold.checklist,
                       detail: "the server's instructions were withheld: \(worst.message)")
                return replacing(message, result: result)
            }
            text = Self.sanitizedText(text)
            record(.rewritten, method: method, tool: nil, rule: worst.rule, checklist: GuardControls.listingWithhold.checklist,
                   detail: "instructions removed from the server's instructions: \(worst.message)")
        }
        guard text != instructions else { return [.toClient(message.raw)] }
        result["instructions"] = .string(text)
        return replacing(message, result: result)
    }

    /// An error answer: its message and data are screened like output (hidden characters, redaction,
    /// injection). A blocked error is replaced by the guard's own, which says why.
    func screenedError(_ message: JSONRPCMessage, tool: String?) -> [Delivery] {
        guard let error = message.error else { return [.toClient(message.raw)] }
        let source = tool.map { "an error of tool \($0) of server \(server)" } ?? "an error of server \(server)"
        let screened = screen(error.message, method: "error", tool: tool, source: source)
        if let blocked = screened.blocked { return blockedOutput(message, tool: tool, blocked) }
        var blocked: OutputBlock?
        let data = error.data.map { screenStructured($0, method: "error", tool: tool, source: source, blocked: &blocked) }
        if let blocked { return blockedOutput(message, tool: tool, blocked) }
        guard screened.text != error.message || data != error.data else { return [.toClient(message.raw)] }
        return [.toClient(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: error.code, message: screened.text, data: data)).raw)]
    }

    /// `notifications/message` (log data) and `notifications/progress` (its message): screened; one that
    /// would be blocked is dropped (a notification has nobody to answer).
    func screenedNotification(_ message: JSONRPCMessage, bytes: [UInt8]) -> [Delivery] {
        let member: String
        switch message.method {
        case "notifications/message": member = "data"
        case "notifications/progress": member = "message"
        default: return [.toClient(bytes)]
        }
        guard var params = message.params?.objectValue, let value = params[member] else { return [.toClient(bytes)] }
        var blocked: OutputBlock?
        let screened = screenStructured(value, method: message.method ?? "", tool: nil, source: "a notification of server \(server)", blocked: &blocked)
        if let blocked {
            record(.denied, method: message.method, tool: nil, rule: blocked.control.id, checklist: blocked.control.checklist, size: bytes.count, detail: blocked.text)
            return []
        }
        guard screened != value else { return [.toClient(bytes)] }
        params[member] = screened
        var body = message.body
        body["params"] = .object(params)
        return [.toClient(JSONWriter().bytes(.object(body)))]
    }

    /// `elicitation/create` from the server: the message the user reads is screened; a blocked one is answered
    /// with an error to the server and never shown.
    func elicitationRequest(_ message: JSONRPCMessage) -> [Delivery] {
        guard var params = message.params?.objectValue else { return [.toClient(message.raw)] }
        var blocked: OutputBlock?
        let source = "an elicitation request of server \(server)"
        var changed = false
        for key in ["message", "requestedSchema"] {
            guard let value = params[key] else { continue }
            let screened = screenStructured(value, method: "elicitation/create", tool: nil, source: source, blocked: &blocked)
            if screened != value {
                params[key] = screened
                changed = true
            }
        }
        if let blocked { return blockedRequest(message, method: "elicitation/create", blocked) }
        guard changed else { return [.toClient(message.raw)] }
        var body = message.body
        body["params"] = .object(params)
        return [.toClient(JSONWriter().bytes(.object(body)))]
    }

    /// The requests inside an `input_required` result (elicitation messages, sampling prompts), screened;
    /// nil when they may pass unchanged, an error delivery when they are blocked.
    func screenedInputRequests(_ message: JSONRPCMessage, _ result: JSONObject, tool: String) -> [Delivery]? {
        guard let requests = result["inputRequests"] else { return nil }
        var blocked: OutputBlock?
        let screened = screenStructured(requests, method: "tools/call", tool: tool, source: "an input request of tool \(tool) of server \(server)", blocked: &blocked)
        if let blocked { return blockedOutput(message, tool: tool, blocked) }
        guard screened != requests else { return nil }
        var result = result
        result["inputRequests"] = screened
        return replacing(message, result: result)
    }

    /// Every string of a value screened with the structured rules (redaction, hidden characters; injection
    /// blocks or logs, since structured values cannot be wrapped).
    func screenStructured(_ value: JSONValue, method: String, tool: String?, source: String, blocked: inout OutputBlock?) -> JSONValue {
        var reason: OutputBlock?
        let screened = value.mappingStrings { text in
            let outcome = screen(text, method: method, tool: tool, source: source, structured: true)
            if let why = outcome.blocked { reason = why }
            return outcome.text
        }
        if let reason { blocked = reason }
        return screened
    }
}
