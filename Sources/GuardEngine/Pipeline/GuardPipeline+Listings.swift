import Foundation
import GuardCore
import GuardDetect
import GuardPolicy

/// Server → client: dispatch, and the listing controls (`tools/list`, `prompts/list`, `resources/list`,
/// `resources/templates/list`, and the re-check after `notifications/tools/list_changed`).
extension GuardPipeline {
    public func fromServer(_ bytes: [UInt8]) -> [Delivery] {
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage(bytes: bytes)
        } catch {
            // Unscreened output never reaches the client; a waiting request gets an error instead.
            return unreadable(bytes, error, from: .server)
        }
        switch message.kind {
        case .request:
            switch message.method {
            case "sampling/createMessage": return samplingRequest(message)
            case "elicitation/create": return elicitationRequest(message)
            default: return [.toClient(bytes)]
            }
        case .notification:
            countNotification(message.method, from: .server)
            return message.method == "notifications/tools/list_changed" ? relist(notification: bytes) : screenedNotification(message, bytes: bytes)
        case .response, .errorResponse:
            break
        }
        guard let id = message.id else { return [.toClient(bytes)] }
        if let notification = state.withLock({ state in state.relists[id] }) {
            // The new listing is applied before the re-check ends: calls arriving meanwhile keep waiting.
            if let tools = message.result?["tools"]?.arrayValue {
                _ = filterTools(tools)
            } else {
                record(.error, method: "tools/list", tool: nil, rule: GuardControls.pinned.id, checklist: GuardControls.pinned.checklist,
                       detail: "re-check after list_changed failed: \(message.error?.message ?? "no tool list in the answer")")
            }
            let waiting = state.withLock { state -> [JSONRPCMessage] in
                state.relists[id] = nil
                guard state.relists.isEmpty else { return [] }
                state.relistDeadline = nil
                defer { state.deferred.removeAll() }
                return state.deferred
            }
            return [.toClient(notification)] + waiting.flatMap { checkCall($0, approved: false) }
        }
        if state.withLock({ state in state.timedOut.remove(id) }) != nil {
            record(.withheld, method: "tools/call", tool: nil, rule: GuardControls.timeout.id, checklist: GuardControls.timeout.checklist,
                   size: bytes.count, detail: "answer after the timeout dropped")
            return []
        }
        let pending = state.withLock { state in state.pending.removeValue(forKey: id) }
        if let pending { recordAnswer(message, pending, size: bytes.count) }
        if message.kind == .errorResponse { return screenedError(message, tool: pending?.tool) }
        guard let pending, let result = message.result?.objectValue else { return [.toClient(bytes)] }
        switch pending.method {
        case "initialize", "server/discover": return sessionResult(message, result, method: pending.method)
        case "tools/list": return listing(message, result, key: "tools", filterTools)
        case "prompts/list": return listing(message, result, key: "prompts", filterPrompts)
        case "resources/list": return listing(message, result, key: "resources") { filterResources($0, kind: "resources") }
        case "resources/templates/list": return listing(message, result, key: "resourceTemplates") { filterResources($0, kind: "resourceTemplates") }
        case "tools/call": return toolResult(message, result, pending)
        case "resources/read": return contents(message, result, key: "contents", subject: "resource")
        case "prompts/get": return promptResult(message, result)
        default: return [.toClient(bytes)]
        }
    }

    /// Re-lists the server's tools before passing `list_changed` on, so calls are checked against the new
    /// definitions (and a lockfile's pins) whether or not the client lists again.
    func relist(notification: [UInt8]) -> [Delivery] {
        let id = nextID("relist")
        var params = JSONObject()
        state.withLock { state in
            if let meta = state.lastMeta { params["_meta"] = meta }
            state.relists[id] = notification
            state.relistDeadline = .now + .seconds(10)
        }
        record(.rewritten, method: "notifications/tools/list_changed", tool: nil, rule: GuardControls.pinned.id, checklist: GuardControls.pinned.checklist,
               detail: "tool list changed; re-checking before passing it on")
        return [.toServer(JSONWriter().bytes(["jsonrpc": "2.0", "id": id.jsonValue, "method": "tools/list", "params": .object(params)]))]
    }

    func listing(_ message: JSONRPCMessage, _ result: JSONObject, key: String, _ filter: ([JSONValue]) -> (kept: [JSONValue], changed: Bool)) -> [Delivery] {
        guard let entries = result[key]?.arrayValue else { return [.toClient(message.raw)] }
        let (kept, changed) = filter(entries)
        guard changed else { return [.toClient(message.raw)] }
        var result = result
        result[key] = .array(kept)
        var body = message.body
        body["result"] = .object(result)
        return [.toClient(JSONWriter().bytes(.object(body)))]
    }

    func poisoning(_ inventory: ServerInventory) -> [String: Finding] {
        let findings = DetectionEngine(detectors: [ToolPoisoningDetector(), HiddenContentDetector()]).analyze(DetectionInput(snapshot: InventorySnapshot(servers: [inventory])))
        var worst: [String: Finding] = [:]
        for finding in findings where finding.severity >= rules.withholdAt {
            guard let name = finding.tool else { continue }
            if let existing = worst[name], existing.severity >= finding.severity { continue }
            worst[name] = finding
        }
        return worst
    }

    /// The controls over each listed tool, in the order they run (see ``ListingStage``).
    static let toolListingStages: [any ListingStage] = [ListingDenyStage(), ListingPinStage(), ListingStripHiddenStage(), ListingPoisonStage()]
    /// The controls over each listed prompt, resource and resource template.
    static let definitionListingStages: [any ListingStage] = [ListingPinStage(), ListingStripHiddenStage(), ListingPoisonStage()]

    /// `entries` through `stages`: what is listed, whether anything changed, and per name why calls are
    /// refused (`.some(nil)`: listed, so any earlier refusal ends).
    func runListing(_ entries: [JSONValue], stages: [any ListingStage], _ listing: ListingContext) -> (kept: [JSONValue], changed: Bool, refusals: [String: Refusal?]) {
        var kept: [JSONValue] = []
        var changed = false
        var refusals: [String: Refusal?] = [:]
        entries: for original in entries {
            let name = original["name"]?.stringValue ?? original["uri"]?.stringValue ?? original["uriTemplate"]?.stringValue ?? ""
            var entry = ListedEntry(name: name, definition: original)
            for stage in stages {
                if case .withhold(let refusal) = stage.check(&entry, listing, in: self) {
                    changed = true
                    if let refusal { refusals[name] = refusal }
                    continue entries
                }
            }
            if entry.definition != original { changed = true }
            refusals[name] = .some(nil)
            kept.append(entry.definition)
        }
        return (kept, changed, refusals)
    }

    func filterTools(_ tools: [JSONValue]) -> (kept: [JSONValue], changed: Bool) {
        let listing = ListingContext(method: "tools/list", poisoned: poisoning(ServerInventory(name: server, tools: tools)),
                                     pinVerdicts: pins?.check(tools, category: "tools") ?? [:])
        let funds = Set(tools.filter { CapabilityDetector.capabilities(of: $0).contains(.fundsMovement) }.map { $0["name"]?.stringValue ?? "" })
        let (kept, changed, refusals) = runListing(tools, stages: Self.toolListingStages, listing)
        var inputs: [String: JSONSchemaValidator] = [:]
        var outputs: [String: JSONSchemaValidator?] = [:]
        for tool in kept {
            let name = tool["name"]?.stringValue ?? ""
            if let schema = tool["inputSchema"] { inputs[name] = JSONSchemaValidator(schema: schema) }
            outputs[name] = tool["outputSchema"].map { JSONSchemaValidator(schema: $0) }
        }
        state.withLock { state in
            state.inputSchemas.merge(inputs) { $1 }
            for (name, validator) in outputs { state.outputSchemas[name] = validator }
            for (name, refusal) in refusals { state.refused[name] = refusal }
            state.fundsTools = funds
        }
        return (kept, changed)
    }

    func filterPrompts(_ prompts: [JSONValue]) -> (kept: [JSONValue], changed: Bool) {
        let listing = ListingContext(method: "prompts/list", poisoned: poisoning(ServerInventory(name: server, prompts: prompts)),
                                     pinVerdicts: pins?.check(prompts, category: "prompts") ?? [:])
        let (kept, changed, _) = runListing(prompts, stages: Self.definitionListingStages, listing)
        return (kept, changed)
    }

    func filterResources(_ resources: [JSONValue], kind: String) -> (kept: [JSONValue], changed: Bool) {
        let inventory = kind == "resources" ? ServerInventory(name: server, resources: resources) : ServerInventory(name: server, resourceTemplates: resources)
        let listing = ListingContext(method: kind == "resources" ? "resources/list" : "resources/templates/list", poisoned: poisoning(inventory), pinVerdicts: [:])
        let (kept, changed, _) = runListing(resources, stages: Self.definitionListingStages, listing)
        return (kept, changed)
    }

    /// The description without its instruction-like sentences (`listing.poisoned: sanitize`).
    static func sanitized(_ definition: JSONValue) -> JSONValue {
        guard var object = definition.objectValue, let description = object["description"]?.stringValue else { return definition }
        object["description"] = .string(sanitizedText(description))
        return .object(object)
    }

    /// `text` without its instruction-like sentences.
    static func sanitizedText(_ text: String) -> String {
        InstructionSanitizer.remove(OutputInjectionDetector.shared.allHits(in: text), from: text, marker: nil)
    }
}
