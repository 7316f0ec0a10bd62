import GuardCore
import GuardPolicy

/// Pin enforcement for one guarded server: with a lockfile in force, a listed tool or prompt that is not
/// pinned, or differs from its pin, is withheld until the user re-pins it; a tool whose name another
/// pinned server owns is refused as a collision.
public struct PinGate: Sendable {
    /// Why one definition may not be used.
    public struct Verdict: Sendable, Equatable {
        public let rule: String
        public let message: String
        public let checklist: [String]
    }

    public let lockPath: String
    /// This server's pins (found by identity, else by name), nil when the lockfile does not know it.
    let pinned: Lockfile.Server?
    /// Tool names pinned for other servers, with how to name those servers.
    let otherTools: [String: String]
    let server: String

    public init(lockfile: Lockfile, lockPath: String, identity: ServerIdentity, name: String) {
        self.lockPath = lockPath
        self.server = name
        let own = lockfile.servers[identity.key] ?? lockfile.servers.values.first { $0.names.contains(name) }
        self.pinned = own
        var others: [String: String] = [:]
        for entry in lockfile.servers.values where entry.identity != own?.identity {
            for tool in entry.tools.keys { others[tool] = entry.names.first ?? entry.display }
        }
        self.otherTools = others
    }

    /// Verdicts for the definitions that may not be used; `category` is `tools` or `prompts`.
    public func check(_ definitions: [JSONValue], category: String) -> [String: Verdict] {
        var verdicts: [String: Verdict] = [:]
        let pins = category == "tools" ? pinned?.tools : pinned?.prompts
        let noun = category == "tools" ? "tool" : "prompt"
        for definition in definitions {
            guard let name = definition["name"]?.stringValue else { continue }
            let current = Lockfile.Pin(definition: Lockfile.definitionForHashing(definition))
            let pin = pins?[name]
            if let pin, pin.hash == current.hash { continue }
            if category == "tools", let owner = otherTools[name] {
                verdicts[name] = Verdict(
                    rule: GuardControls.collision.id,
                    message: "mcpguard refused \(noun) \(name) of server \(server): the name belongs to pinned server \(owner) \(GuardControls.collision.cite)",
                    checklist: GuardControls.collision.checklist
                )
                continue
            }
            let reason: String
            if pinned == nil {
                reason = "server \(server) is not in the lockfile \(lockPath); review it and run `mcpguard pin`"
            } else if let pin {
                let fields = FieldDiff.changes(from: pin.definition, to: current.definition)
                reason = "\(noun) \(name) changed since it was pinned (\(fields.prefix(3).joined(separator: "; "))); review it and re-pin with `mcpguard pin`"
            } else {
                reason = "\(noun) \(name) is new since the lockfile was written; review it and re-pin with `mcpguard pin`"
            }
            verdicts[name] = Verdict(rule: GuardControls.pinned.id, message: "mcpguard withheld \(noun) \(name): \(reason) \(GuardControls.pinned.cite)", checklist: GuardControls.pinned.checklist)
        }
        return verdicts
    }

    /// A verdict when the server's `instructions` differ from their pin (or the server or its
    /// instructions are not pinned at all); nil when they match.
    public func checkInstructions(_ instructions: String) -> Verdict? {
        let current = Lockfile.Pin(definition: .string(instructions))
        let reason: String
        if pinned == nil {
            reason = "server \(server) is not in the lockfile \(lockPath); review it and run `mcpguard pin`"
        } else if let pin = pinned?.instructions {
            if pin.hash == current.hash { return nil }
            reason = "they changed since they were pinned; review them and re-pin with `mcpguard pin`"
        } else {
            reason = "they are new since the lockfile was written; review them and re-pin with `mcpguard pin`"
        }
        return Verdict(rule: GuardControls.pinned.id, message: "mcpguard withheld the instructions of server \(server): \(reason) \(GuardControls.pinned.cite)", checklist: GuardControls.pinned.checklist)
    }
}
