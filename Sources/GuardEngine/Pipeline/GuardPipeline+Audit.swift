import Foundation
import GuardCore
import GuardPolicy

/// The audit trail of a session: one record per decision and per message kind, and the refusal that
/// keeps anything from running once the log cannot be written.
extension GuardPipeline {
    /// `2026-11-26T08:26:05Z` from the system clock; Foundation's formatter cost more than the rest of a record.
    public static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Every decision of the session passes here: counted for `mcpguard status`, then written to the audit log.
    func record(_ decision: AuditRecord.Decision, method: String?, tool: String?, rule: String?, checklist: [String], size: Int? = nil,
                responseSize: Int? = nil, arguments: String? = nil, detail: String? = nil) {
        statistics.note(decision, method: method, tool: tool, rule: rule, answer: responseSize != nil)
        guard let audit else { return }
        let entry = AuditRecord(
            sequence: 0, time: Self.timestamp(), server: server, method: method, tool: tool, decision: decision, rule: rule, checklist: checklist,
            requestSize: size, responseSize: responseSize, arguments: arguments, detail: detail, previous: ""
        )
        let queued = state.withLock { state -> Bool in
            guard state.defersAudit else { return false }
            state.auditQueue.append(entry)
            return true
        }
        if !queued { write(entry, to: audit) }
    }

    private func write(_ entry: AuditRecord, to audit: AuditLog) {
        do {
            try audit.append(entry)
        } catch {
            state.withLock { state in state.auditFailure = state.auditFailure ?? error.description }
        }
    }

    /// From now on decisions are queued and written by ``flushAudit()``, which a front calls right after it
    /// has written the messages those decisions were about: the log's write and hash chain leave the path
    /// between a message arriving and its being forwarded. What the log holds is unchanged, in the same
    /// order; a log that cannot be written still stops every later call (`auditRefusal`), as it did when a
    /// write failed after its call had already been forwarded.
    public func deferAudit() {
        state.withLock { state in state.defersAudit = true }
    }

    /// Writes the queued decisions, in the order they were made (one flush at a time, so two fronts'
    /// threads cannot interleave them).
    public func flushAudit() {
        guard let audit else { return }
        auditFlush.withLock { _ in
            let entries = state.withLock { state -> [AuditRecord] in
                defer { state.auditQueue.removeAll(keepingCapacity: true) }
                return state.auditQueue
            }
            for entry in entries { write(entry, to: audit) }
        }
    }

    /// A refusal when the audit log can no longer be written: nothing runs unrecorded.
    func auditRefusal(_ message: JSONRPCMessage, subject: String?) -> [Delivery]? {
        guard let failure = state.withLock({ state in state.auditFailure }) else { return nil }
        let text = "mcpguard refuses \(subject ?? "the request"): the audit log cannot be written (\(failure)), and nothing may run unrecorded \(GuardControls.auditLog.cite)"
        return [.toClient(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: ErrorCode.denied, message: text, data: ["rule": .string(GuardControls.auditLog.id)])).raw)]
    }

    func countNotification(_ method: String?, from side: Side) {
        guard audit != nil else { return }
        let key = "\(side == .client ? "client" : "server") \(method ?? "?")"
        state.withLock { state in state.notifications[key, default: 0] += 1 }
    }

    /// The answer to a request, recorded with its size and hash (listings: how many entries, and their hash).
    func recordAnswer(_ message: JSONRPCMessage, _ pending: PendingRequest, size: Int) {
        guard audit != nil else { return }
        if let error = message.error {
            record(.error, method: pending.method, tool: pending.tool, rule: nil, checklist: GuardControls.auditLog.checklist, responseSize: size,
                   detail: "error \(error.code) (sha256:\(Self.digest(message.raw)))")
            return
        }
        var detail = "result sha256:\(Self.digest(message.raw))"
        for key in ["tools", "prompts", "resources", "resourceTemplates"] {
            if let entries = message.result?[key]?.arrayValue {
                detail = "listed \(entries.count) \(key) (\(CanonicalJSON.hash(.array(entries))))"
            }
        }
        if pending.method == "initialize" || pending.method == "server/discover" {
            let info = message.result?["serverInfo"]
            detail = "server \(info?["name"]?.stringValue ?? "?") \(info?["version"]?.stringValue ?? "?"), protocol \(message.result?["protocolVersion"]?.stringValue ?? "?"), " + detail
        }
        record(.allowed, method: pending.method, tool: pending.tool, rule: nil, checklist: GuardControls.auditLog.checklist, responseSize: size, detail: detail)
    }

    static func digest(_ bytes: [UInt8]) -> String {
        String(AuditRecord.digest(bytes).prefix(16))
    }

    /// The end of the session, recorded with the notifications counted during it.
    public func finish() {
        guard audit != nil else { return }
        let counts = state.withLock { state in state.notifications }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        record(.allowed, method: "session/end", tool: nil, rule: nil, checklist: GuardControls.auditLog.checklist,
               detail: counts.isEmpty ? "session ended; no notifications" : "session ended; notifications: " + counts.joined(separator: ", "))
        flushAudit()
    }
}
