import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import Synchronization

/// The decisions of `mcpguard run` for one server, message by message. Apart from the audit log it does no
/// I/O: the stdio loop feeds it what arrives (and the clock, through ``tick(now:)``) and sends what it returns.
///
/// Client → server: `tools/call` is checked against the policy (deny/ask, argument constraints, limits) and
/// the tool's `inputSchema` as the server listed it; a refused call never reaches the server, and the client
/// gets a JSON-RPC error naming the rule. `ask` goes to the user through elicitation (or 2026-07-28's
/// `input_required` round trip). Server → client: listings lose denied, poisoned, changed and colliding
/// definitions; outputs are cut to size, redacted, checked for injection and against `outputSchema`.
/// Everything else passes as the exact bytes received.
public final class GuardPipeline: Sendable {
    /// Where a message goes.
    public enum Delivery: Equatable, Sendable {
        case toServer([UInt8])
        case toClient([UInt8])
    }

    /// Stable JSON-RPC error codes the guard answers with (in the server-error range).
    public enum ErrorCode {
        public static let denied = -32001
        public static let askDeclined = -32003
        public static let oversized = -32004
        public static let limited = -32005
        public static let timeout = -32006
        public static let outputBlocked = -32007
        public static let invalidArguments = -32602
        public static let malformed = -32700
    }

    public let server: String
    public let policy: Policy
    let rules: Policy.ServerRules
    let audit: AuditLog?
    let limiter: CallLimiter
    let pins: PinGate?
    let redactor: Redactor
    /// What ``Policy/ServerRules/outbound`` keeps from the server.
    let outboundRedactor: Redactor
    /// The phrase rules only: the learned output model costs about 160 µs per KB today, three times
    /// what the whole guard adds to a call, for two points of recall; it screens `scan --text` and
    /// instruction files until the featurizer is fast enough for the hot path.
    let injection = OutputInjectionDetector.rulesOnly
    /// Counts of the session's decisions, for `mcpguard status`.
    public let statistics = GuardStatistics()
    /// All mutable state; a front calls from several threads.
    let state = Mutex(State())
    /// Held while queued audit records are written (``flushAudit()``).
    let auditFlush = Mutex(())

    /// A request of the client the guard waits to see answered.
    struct PendingRequest {
        let method: String
        let tool: String?
        let deadline: ContinuousClock.Instant?
        /// Arguments hash of an approved `ask` call, so a server's own `input_required` retry is not asked again.
        let approvedArguments: String?
    }

    /// A request under `ask` waiting for the user's answer to our elicitation request.
    struct HeldCall {
        let message: JSONRPCMessage
        let subject: AskSubject
        let deadline: ContinuousClock.Instant
    }

    /// A confirmation given through `input_required`, valid for one retry of the same call.
    struct Approval {
        let tool: String
        let arguments: String
        let expires: ContinuousClock.Instant
        /// Our own token (strip it before the server sees the call) or a server's continuation state.
        let ours: Bool
    }

    /// Why calls to a tool are refused even though the policy allows it (withheld from the listing).
    struct Refusal {
        let rule: String
        let message: String
        let checklist: [String]
    }

    struct State {
        var clientElicitation = false
        /// `_meta` of the latest client request: 2026-07-28 requests must carry it, so ours copy it.
        var lastMeta: JSONValue?
        var pending: [JSONRPCID: PendingRequest] = [:]
        var timedOut: Set<JSONRPCID> = []
        var held: [JSONRPCID: HeldCall] = [:]
        var approvals: [String: Approval] = [:]
        var inputSchemas: [String: JSONSchemaValidator] = [:]
        var outputSchemas: [String: JSONSchemaValidator] = [:]
        var refused: [String: Refusal] = [:]
        /// Listed tools the capability detector says move funds: their confirmations open with a summary.
        var fundsTools: Set<String> = []
        /// Our own `tools/list` re-checks after `list_changed`, and the notification to pass on afterwards.
        var relists: [JSONRPCID: [UInt8]] = [:]
        /// Calls that arrived while a re-check was running: judged against the new listing once it is in.
        var deferred: [JSONRPCMessage] = []
        var relistDeadline: ContinuousClock.Instant?
        var counter = 0
        /// Why the audit log stopped accepting records; from then on calls are refused (fail closed).
        var auditFailure: String?
        /// The newest authenticator time step used per tool: a code works once.
        var usedCodeSteps: [String: UInt64] = [:]
        /// Tools the user approved for the rest of the session.
        var sessionApprovals: Set<String> = []
        /// Notifications seen per method and side, summarised in one record at the end of the session.
        var notifications: [String: Int] = [:]
        /// Whether decisions wait in ``auditQueue`` for the front's ``flushAudit()``.
        var defersAudit = false
        var auditQueue: [AuditRecord] = []
    }

    /// Authenticator secrets of the tools whose approval needs a second factor (policy `totp:`), loaded by
    /// the caller (the pipeline reads no files).
    let secondFactors: [String: TOTP]

    public init(server: String, policy: Policy, audit: AuditLog?, limiter: CallLimiter = CallLimiter(), pins: PinGate? = nil, secondFactors: [String: TOTP] = [:]) {
        self.server = server
        self.secondFactors = secondFactors
        self.policy = policy
        self.rules = policy.rules(for: server)
        self.audit = audit
        self.limiter = limiter
        self.pins = pins
        self.redactor = Redactor(categories: Set(rules.outputs.redact.compactMap(Redactor.Category.init(rawValue:))))
        self.outboundRedactor = Redactor(categories: Set(rules.outbound.compactMap(Redactor.Category.init(rawValue:))))
    }

    // MARK: Client → server

    public func fromClient(_ bytes: [UInt8]) -> [Delivery] {
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage(bytes: bytes)
        } catch {
            // Fail closed: what the guard cannot read it cannot check, and a lenient server might read it
            // differently (`{"name":"allowed","name":"denied"}`).
            return unreadable(bytes, error, from: .client)
        }
        switch message.kind {
        case .response, .errorResponse:
            if let id = message.id, let held = state.withLock({ state in state.held.removeValue(forKey: id) }) {
                return answered(held, with: message)
            }
            return checkClientAnswer(message) ?? [.toServer(bytes)]
        case .notification:
            countNotification(message.method, from: .client)
            if message.method == "notifications/cancelled", let id = message.params?["requestId"].flatMap(Self.id(from:)) {
                state.withLock { state in _ = state.pending.removeValue(forKey: id) }
            }
            return [.toServer(bytes)]
        case .request:
            break
        }
        let method = message.method ?? ""
        if let meta = message.params?["_meta"] { state.withLock { state in state.lastMeta = meta } }
        if method == "initialize" {
            let declared = message.params?["capabilities"]?["elicitation"] != nil
            state.withLock { state in state.clientElicitation = declared }
        }
        if method == "tools/call" {
            let wait = state.withLock { state -> Bool in
                guard !state.relists.isEmpty else { return false }
                state.deferred.append(message)
                return true
            }
            return wait ? [] : checkCall(message, approved: false)
        }
        if accessSubject(message) != nil { return checkAccess(message, approved: false) }
        if method == "completion/complete", let refused = checkCompletion(message) { return refused }
        if let id = message.id {
            state.withLock { state in state.pending[id] = PendingRequest(method: method, tool: nil, deadline: nil, approvedArguments: nil) }
        }
        return [.toServer(bytes)]
    }

    /// Which side a message came from.
    public enum Side: Sendable {
        case client, server

        var name: String { self == .client ? "your client" : "the server" }
    }

    /// A frame over the size limit: refused (see ``refuseFrame(head:from:code:control:text:size:)``).
    public func oversized(size: Int, head: [UInt8], from side: Side, limit: Int) -> [Delivery] {
        refuseFrame(head: head, from: side, code: ErrorCode.oversized, control: GuardControls.maxSize, size: size,
                    text: "mcpguard refused a \(size)-byte message from \(side.name): the limit is \(limit) bytes \(GuardControls.maxSize.cite)")
    }

    /// A message that is not one JSON-RPC object the guard can read: refused, never forwarded.
    func unreadable(_ bytes: [UInt8], _ error: JSONRPCEnvelopeError, from side: Side) -> [Delivery] {
        let batch = bytes.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "[")
        let reason = batch ? "JSON-RPC batches are not forwarded (MCP dropped them after 2025-03-26)" : "\(error)"
        return refuseFrame(head: Array(bytes.prefix(512)), from: side, code: ErrorCode.malformed, control: GuardControls.parse, size: bytes.count,
                           text: "mcpguard refused a message from \(side.name) that it cannot check: \(reason) \(GuardControls.parse.cite)")
    }

    /// A frame the guard does not pass on. The client learns why, by id when the id can be read from the
    /// frame's first bytes. A refused server answer also ends the wait of the request it answers; one whose
    /// id cannot be read has nobody waiting, so nothing is sent.
    func refuseFrame(head: [UInt8], from side: Side, code: Int, control: ControlDescriptor, size: Int, text: String) -> [Delivery] {
        record(.denied, method: nil, tool: nil, rule: control.id, checklist: control.checklist, size: size, detail: text)
        let id = JSONRPCID.sniff(head)
        if side == .server {
            guard let id else { return [] }
            state.withLock { state in _ = state.pending.removeValue(forKey: id) }
        }
        return [.toClient(JSONRPCMessage.errorResponse(id: id, error: JSONRPCErrorObject(code: code, message: text, data: ["rule": .string(control.id)])).raw)]
    }

    /// An error answer to the client for `message`, recorded in the audit log.
    func refuse(_ message: JSONRPCMessage, tool: String?, code: Int, rule: String, text: String, checklist: [String], decision: AuditRecord.Decision = .denied) -> [Delivery] {
        record(decision, method: message.method, tool: tool, rule: rule, checklist: checklist, size: message.raw.count,
               arguments: Self.summary(message.params?["arguments"] ?? .null), detail: text)
        return [.toClient(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: code, message: text, data: ["rule": .string(rule)])).raw)]
    }

    // MARK: Time

    /// Calls past their timeout: a cancellation to the server and an error to the client. Asks past theirs:
    /// a refusal (silence is never a yes).
    public func tick(now: ContinuousClock.Instant = .now) -> [Delivery] {
        let (expiredCalls, expiredAsks) = state.withLock { state -> ([(JSONRPCID, PendingRequest)], [(JSONRPCID, HeldCall)]) in
            let calls = state.pending.filter { $0.value.deadline.map { $0 <= now } ?? false }
            for (id, _) in calls {
                state.pending[id] = nil
                state.timedOut.insert(id)
            }
            let asks = state.held.filter { $0.value.deadline <= now }
            for (id, _) in asks { state.held[id] = nil }
            state.approvals = state.approvals.filter { $0.value.expires > now }
            return (calls.map { ($0.key, $0.value) }, asks.map { ($0.key, $0.value) })
        }
        var deliveries: [Delivery] = []
        // A re-check the server never answered: the calls that waited for it are refused (fail closed).
        let stalled = state.withLock { state -> [JSONRPCMessage] in
            guard let deadline = state.relistDeadline, deadline <= now else { return [] }
            state.relistDeadline = nil
            state.relists.removeAll()
            defer { state.deferred.removeAll() }
            return state.deferred
        }
        for call in stalled {
            deliveries += refuse(call, tool: call.params?["name"]?.stringValue ?? "?", code: ErrorCode.denied, rule: GuardControls.pinned.id,
                                 text: "mcpguard could not re-check the server's changed tool list in time, so the call was not run \(GuardControls.pinned.cite)", checklist: GuardControls.pinned.checklist)
        }
        for (id, call) in expiredCalls {
            let seconds = call.tool.flatMap(rules.timeout(for:)) ?? 0
            let text = "mcpguard cancelled \(call.tool ?? call.method) after \(Policy.describe(seconds: seconds)): the policy's timeout \(GuardControls.timeout.cite)"
            let cancel: JSONValue = ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": id.jsonValue, "reason": .string(text)]]
            deliveries.append(.toServer(JSONWriter().bytes(cancel)))
            deliveries.append(.toClient(JSONRPCMessage.errorResponse(id: id, error: JSONRPCErrorObject(code: ErrorCode.timeout, message: text, data: ["rule": .string(GuardControls.timeout.id)])).raw))
            record(.denied, method: call.method, tool: call.tool, rule: GuardControls.timeout.id, checklist: GuardControls.timeout.checklist, detail: text)
        }
        for (askID, held) in expiredAsks {
            let text = "\(held.subject.noun) was not run: no answer to mcpguard's confirmation within \(Policy.describe(seconds: rules.askTimeout)) \(GuardControls.policyAsk.cite)"
            let cancel: JSONValue = ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": askID.jsonValue, "reason": "timed out"]]
            deliveries.append(.toClient(JSONWriter().bytes(cancel)))
            deliveries += refuse(held.message, tool: held.subject.name, code: ErrorCode.askDeclined, rule: GuardControls.policyAsk.id, text: text, checklist: GuardControls.policyAsk.checklist)
        }
        return deliveries
    }

    /// The earliest running deadline (a call's timeout, an unanswered confirmation, a re-check after
    /// `list_changed`): when the front must call ``tick(now:)`` next; nil while nothing is timed.
    public var nextDeadline: ContinuousClock.Instant? {
        state.withLock { state in
            var earliest = state.relistDeadline
            for held in state.held.values where earliest.map({ held.deadline < $0 }) ?? true { earliest = held.deadline }
            for call in state.pending.values {
                if let deadline = call.deadline, earliest.map({ deadline < $0 }) ?? true { earliest = deadline }
            }
            return earliest
        }
    }

    /// Whether any deadline is running.
    public var hasDeadlines: Bool { nextDeadline != nil }

    // MARK: Helpers

    /// A fresh id for a request the guard itself sends.
    func nextID(_ purpose: String) -> JSONRPCID {
        state.withLock { state in
            state.counter += 1
            return JSONRPCID("mcpguard-\(purpose)-\(state.counter)")
        }
    }

    static func id(from value: JSONValue) -> JSONRPCID? {
        switch value {
        case .string(let text): JSONRPCID(text)
        case .number(let number): .number(number)
        default: nil
        }
    }

    /// `{path: string, count: number}`: argument names and types, never values (they may be secrets).
    static func summary(_ arguments: JSONValue) -> String {
        guard let object = arguments.objectValue else { return arguments.typeName }
        return "{" + object.members.map { "\($0.key): \($0.value.typeName)" }.joined(separator: ", ") + "}"
    }
}
