import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// The decisions of `mcpguard run` for one server, message by message. Pure apart from the audit log:
/// the stdio loop feeds it what arrives and does what it returns.
///
/// Client → server: `tools/call` is checked against the policy (allow/deny/ask, argument constraints) and the
/// tool's own `inputSchema` as the server listed it; a refused call never reaches the server and the
/// client gets a JSON-RPC error naming the rule. Server → client: `tools/list` answers lose denied tools and
/// tools whose poisoning findings reach the policy's threshold, and every description loses invisible
/// characters. Everything else passes as the exact bytes received.
public final class GuardPipeline: @unchecked Sendable {
    public enum Verdict: Equatable {
        /// Forward these bytes (the original ones unless a control rewrote the message).
        case forward([UInt8])
        /// Do not forward; answer the sender with this message instead.
        case reply(JSONRPCMessage)

        public static func == (lhs: Verdict, rhs: Verdict) -> Bool {
            switch (lhs, rhs) {
            case (.forward(let a), .forward(let b)): a == b
            case (.reply(let a), .reply(let b)): a.raw == b.raw
            default: false
            }
        }
    }

    /// Stable JSON-RPC error codes the guard answers with (in the server-error range).
    public enum ErrorCode {
        public static let denied = -32001
        public static let invalidArguments = -32602
        public static let askUnavailable = -32003
        public static let oversized = -32004
        public static let limited = -32005
        public static let malformed = -32700
    }

    public let server: String
    public let policy: Policy
    let audit: AuditLog?
    let limiter: CallLimiter
    /// Guards `schemas` and `pendingLists` (the stdio loop calls from two threads).
    private let lock = NSLock()
    private var schemas: [String: JSONSchemaValidator] = [:]
    private var pendingLists: Set<String> = []

    public init(server: String, policy: Policy, audit: AuditLog?, limiter: CallLimiter = CallLimiter()) {
        self.server = server
        self.policy = policy
        self.audit = audit
        self.limiter = limiter
    }

    // MARK: Client → server

    public func fromClient(_ bytes: [UInt8]) -> Verdict {
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage(bytes: bytes)
        } catch {
            // Not ours to judge beyond this: pass unknown shapes (batches, future messages) as they are.
            return .forward(bytes)
        }
        if message.kind == .request, message.method == "tools/list", let id = message.id {
            lock.withLock { _ = pendingLists.insert(id.description) }
        }
        guard message.kind == .request, message.method == "tools/call", let name = message.params?["name"]?.stringValue else {
            return .forward(bytes)
        }
        let arguments = message.params?["arguments"] ?? .object(JSONObject())
        let rules = policy.rules(for: server)
        let rule = rules.tools[name]
        let action = rule?.action ?? rules.defaultAction
        switch action {
        case .deny:
            return refuse(message, tool: name, code: ErrorCode.denied, rule: GuardControls.policyDeny.id,
                          text: "mcpguard policy denies tool \(name) on server \(server) (rule policy.deny)", checklist: GuardControls.policyDeny.checklist, size: bytes.count)
        case .ask:
            return refuse(message, tool: name, code: ErrorCode.askUnavailable, rule: "policy.ask",
                          text: "tool \(name) needs your confirmation, which this client cannot give; allow it in the mcpguard policy (servers.\(server).tools.\(name): allow) to run it",
                          checklist: GuardControls.policyAsk.checklist, size: bytes.count)
        case .allow:
            break
        }
        for (argument, constraint) in rule?.arguments ?? [:] {
            if let value = arguments[argument], let problem = constraint.violation(value, argument: argument) {
                return refuse(message, tool: name, code: ErrorCode.denied, rule: "policy.arguments",
                              text: "mcpguard policy refuses \(name): \(problem) (rule policy.arguments)", checklist: GuardControls.policyArguments.checklist, size: bytes.count)
            }
        }
        if let validator = lock.withLock({ schemas[name] }) {
            let failures = validator.validate(arguments)
            if !failures.isEmpty {
                let detail = failures.prefix(3).map { "arguments\($0.instancePath.isEmpty ? "" : $0.instancePath): \($0.message)" }.joined(separator: "; ")
                return refuse(message, tool: name, code: ErrorCode.invalidArguments, rule: "schema.input",
                              text: "invalid arguments for \(name): \(detail) (rule schema.input)", checklist: GuardControls.schemaInput.checklist, size: bytes.count)
            }
        }
        if let refusal = limiter.admit(tool: name, rules: rules) {
            return refuse(message, tool: name, code: ErrorCode.limited, rule: GuardControls.limits.id,
                          text: "mcpguard refuses \(name): \(refusal.message) (rule policy.limits)", checklist: GuardControls.limits.checklist, size: bytes.count)
        }
        record(.allowed, method: "tools/call", tool: name, rule: nil, checklist: GuardControls.auditLog.checklist, size: bytes.count, arguments: Self.summary(arguments))
        return .forward(bytes)
    }

    private func refuse(_ message: JSONRPCMessage, tool: String, code: Int, rule: String, text: String, checklist: [String], size: Int) -> Verdict {
        record(.denied, method: message.method, tool: tool, rule: rule, checklist: checklist, size: size,
               arguments: Self.summary(message.params?["arguments"] ?? .null), detail: text)
        return .reply(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: code, message: text, data: ["rule": .string(rule)])))
    }

    // MARK: Server → client

    public func fromServer(_ bytes: [UInt8]) -> Verdict {
        guard let message = try? JSONRPCMessage(bytes: bytes), message.kind == .response, let id = message.id,
            lock.withLock({ pendingLists.remove(id.description) }) != nil,
            let tools = message.result?["tools"]?.arrayValue
        else { return .forward(bytes) }
        let rules = policy.rules(for: server)
        let inventory = ServerInventory(name: server, tools: tools)
        let findings = DetectionEngine(detectors: [ToolPoisoningDetector(), HiddenContentDetector()]).analyze(DetectionInput(snapshot: InventorySnapshot(servers: [inventory])))
        var kept: [JSONValue] = []
        var changed = false
        var newSchemas: [String: JSONSchemaValidator] = [:]
        for tool in tools {
            let name = tool["name"]?.stringValue ?? ""
            let action = rules.tools[name]?.action ?? rules.defaultAction
            if action == .deny {
                changed = true
                record(.withheld, method: "tools/list", tool: name, rule: GuardControls.policyDeny.id, checklist: GuardControls.policyDeny.checklist, detail: "denied tools are not listed")
                continue
            }
            if let worst = findings.filter({ $0.tool == name }).max(by: { $0.severity < $1.severity }), worst.severity >= rules.withholdAt {
                changed = true
                record(.withheld, method: "tools/list", tool: name, rule: worst.rule, checklist: GuardControls.listingWithhold.checklist, detail: worst.message)
                continue
            }
            let cleaned = Self.stripHidden(tool)
            if cleaned != tool {
                changed = true
                record(.rewritten, method: "tools/list", tool: name, rule: GuardControls.listingStripHidden.id, checklist: GuardControls.listingStripHidden.checklist, detail: "invisible characters removed")
            }
            if let schema = cleaned["inputSchema"] { newSchemas[name] = JSONSchemaValidator(schema: schema) }
            kept.append(cleaned)
        }
        lock.withLock { schemas.merge(newSchemas) { $1 } }
        guard changed, var result = message.result?.objectValue, var body = Optional(message.body) else { return .forward(bytes) }
        result["tools"] = .array(kept)
        body["result"] = .object(result)
        return .forward(JSONWriter().bytes(.object(body)))
    }

    /// Every string in a tool definition without hidden characters.
    static func stripHidden(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(HiddenCharacters.strip(text))
        case .array(let elements): .array(elements.map(stripHidden))
        case .object(let object):
            .object(object.members.reduce(into: JSONObject()) { $0[$1.key] = stripHidden($1.value) })
        default: value
        }
    }

    /// `{path: string, count: number}`: argument names and types, never values (they may be secrets).
    static func summary(_ arguments: JSONValue) -> String {
        guard let object = arguments.objectValue else { return arguments.typeName }
        return "{" + object.members.map { "\($0.key): \($0.value.typeName)" }.joined(separator: ", ") + "}"
    }

    func record(_ decision: AuditRecord.Decision, method: String?, tool: String?, rule: String?, checklist: [String], size: Int? = nil, arguments: String? = nil, detail: String? = nil) {
        guard let audit else { return }
        let time = Date.now.formatted(.iso8601)  // no formatter object built per record on the guard's path
        _ = try? audit.append(AuditRecord(
            sequence: 0, time: time, server: server, method: method, tool: tool, decision: decision, rule: rule, checklist: checklist,
            requestSize: size, arguments: arguments, detail: detail, previous: ""
        ))
    }
}
