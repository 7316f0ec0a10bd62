import GuardPolicy

/// Whether a guard control is in force for one server, and where that is written (the words do not
/// repeat the server's name: an assessment groups servers that share them).
public enum ControlState: Sendable, Hashable {
    /// In force; the words name the policy line, wrapper option or built-in default that makes it so.
    case inForce(String)
    /// Not in force; the words say what is missing.
    case off(String)
    /// The control has nothing to do for this server (a sandbox for a remote server, a secret reference for a
    /// server without environment variables).
    case notApplicable
}

/// Decides, control by control, what the guard in front of a server enforces, from the wrapper's options
/// and the policy it loads. Mirrors what `mcpguard run` does with them; tests run both on the same files.
public enum ControlEvaluation {
    public static func state(_ control: String, for server: Deployment.Server) -> ControlState {
        switch control {
        case "process.containment", "sandbox.filesystem", "sandbox.network", "sandbox.limits":
            if server.transport != .stdio { return .notApplicable }
        case "secrets.reference":
            if server.environment.isEmpty { return .notApplicable }
        default:
            break
        }
        if server.disabled { return .notApplicable }
        guard server.transport == .stdio else {
            return .off("a remote server: mcpguard run fronts stdio servers only")
        }
        guard let invocation = server.guardInvocation else { return .off("not launched through mcpguard run") }
        if let error = server.policyError { return .off("its policy could not be read: \(error)") }
        guard let loaded = server.policy, let rules = server.rules else { return .off("its policy is unknown") }
        let at = Where(policy: loaded, section: server.section)
        switch control {
        case "process.containment":
            return .inForce("built into mcpguard run (own process group, scrubbed environment, keeper)")
        case "transport.parse", "schema.input", "schema.output", "listing.strip-hidden", "output.strip-hidden":
            return .inForce("built into mcpguard run")
        case "transport.max-size":
            return .inForce("built into mcpguard run (messages over --max-message-size are refused)")
        case "output.max-size":
            return .inForce(at.text("outputs.max_size", "outputs cut at \(rules.outputs.maxSize) bytes"))
        case "listing.withhold":
            return .inForce(at.text("listing", "definitions poisoned at \(rules.withholdAt.rawValue) or above are \(rules.poisoned == .withhold ? "withheld" : "sanitised")"))
        case "output.redact":
            return rules.outputs.redact.isEmpty
                ? .off(at.text("outputs.redact", "nothing is redacted in outputs"))
                : .inForce(at.text("outputs.redact", "redacts " + rules.outputs.redact.sorted().joined(separator: ", ")))
        case "outbound.secrets":
            return rules.outbound.isEmpty
                ? .off(at.text("outbound", "arguments are not screened"))
                : .inForce(at.text("outbound", "refuses " + rules.outbound.sorted().joined(separator: ", ") + " in arguments"))
        case "output.injection":
            switch rules.outputs.injection {
            case .block, .redact, .label:
                return .inForce(at.text("outputs.injection", "injected outputs are \(rules.outputs.injection == .label ? "labelled as data" : rules.outputs.injection == .block ? "blocked" : "removed")"))
            case .log, .off:
                return .off(at.text("outputs.injection", "outputs.injection is \(rules.outputs.injection.rawValue): injected outputs reach the model unmarked"))
            }
        case "output.media":
            let acting = rules.outputs.media.filter { $0.value != .pass }.keys.map(\.rawValue).sorted()
            return acting.isEmpty
                ? .off(at.text("outputs.images", "no outputs.images, audio or binary rule: such content passes unscreened"))
                : .inForce(at.text("outputs.images", "drops or labels " + acting.joined(separator: ", ")))
        case "policy.deny":
            if rules.defaultAction == .deny { return .inForce(at.text("default", "default: deny")) }
            if let tool = rules.tools.keys.sorted().first(where: { rules.tools[$0]?.action == .deny }) {
                return .inForce(at.text("tools.\(tool)", "denies \(tool)"))
            }
            return .off(at.text("default", "no tool is denied and the default allows everything"))
        case "policy.ask":
            if rules.defaultAction == .ask { return .inForce(at.text("default", "default: ask")) }
            if let tool = rules.tools.keys.sorted().first(where: { rules.tools[$0]?.action == .ask }) {
                return .inForce(at.text("tools.\(tool)", "asks before \(tool)"))
            }
            return .off(at.text("tools", "no tool needs a confirmation"))
        case "policy.second-factor":
            if let tool = rules.tools.keys.sorted().first(where: { rules.tools[$0]?.totp != nil }) {
                return .inForce(at.text("tools.\(tool).totp", "\(tool) needs an authenticator code"))
            }
            return .off(at.text("tools", "no tool has a totp secret"))
        case "policy.resources":
            if !rules.resources.isEmpty { return .inForce(at.text("resources", "\(rules.resources.count) resource pattern\(rules.resources.count == 1 ? "" : "s")")) }
            if rules.defaultAction != .allow { return .inForce(at.text("default", "default: \(rules.defaultAction.rawValue) covers resources")) }
            return .off(at.text("resources", "no resources rule: every resource may be read"))
        case "policy.prompts":
            if !rules.prompts.isEmpty { return .inForce(at.text("prompts", "\(rules.prompts.count) prompt rule\(rules.prompts.count == 1 ? "" : "s")")) }
            if rules.defaultAction != .allow { return .inForce(at.text("default", "default: \(rules.defaultAction.rawValue) covers prompts")) }
            return .off(at.text("prompts", "no prompts rule: every prompt may be fetched"))
        case "policy.arguments":
            if let tool = rules.tools.keys.sorted().first(where: { !(rules.tools[$0]?.arguments.isEmpty ?? true) }) {
                return .inForce(at.text("tools.\(tool).arguments", "argument rules for \(tool)"))
            }
            return .off(at.text("tools", "no argument rule"))
        case "policy.limits":
            if rules.rate != nil || rules.budget != nil { return .inForce(at.text(rules.rate != nil ? "rate" : "budget", "server-wide call limits")) }
            if let tool = rules.tools.keys.sorted().first(where: { rules.tools[$0]?.rate != nil || rules.tools[$0]?.budget != nil }) {
                return .inForce(at.text("tools.\(tool)", "call limits for \(tool)"))
            }
            return .off(at.text("rate", "no rate or budget"))
        case "policy.timeout":
            if rules.timeout != nil { return .inForce(at.text("timeout", "calls time out after \(Policy.describe(seconds: rules.timeout!))")) }
            if let tool = rules.tools.keys.sorted().first(where: { rules.tools[$0]?.timeout != nil }) {
                return .inForce(at.text("tools.\(tool).timeout", "\(tool) times out"))
            }
            return .off(at.text("timeout", "no timeout: a call may run forever"))
        case "audit.log":
            guard let path = invocation.auditPath else { return .off("mcpguard run has no --audit log") }
            return .inForce("--audit \(path)" + (invocation.auditKeyFile == nil ? "" : " with --audit-key-file"))
        case "pin.enforce", "pin.collision":
            guard let path = invocation.lockPath else { return .off("mcpguard run has no --lock") }
            return .inForce("--lock \(path)")
        case "sandbox.filesystem", "sandbox.network", "sandbox.limits":
            if let mode = invocation.sandbox {
                return .inForce("--sandbox" + (mode == .bestEffort ? "=best-effort (controls the machine lacks are skipped)" : ""))
            }
            if rules.sandbox != nil { return .inForce(at.text("sandbox", "sandbox section")) }
            return .off("mcpguard run has no --sandbox and its policy no sandbox section")
        case "secrets.reference":
            return server.secretReferences > 0
                ? .inForce("\(server.secretReferences) of its environment variables are ${secret:NAME} references")
                : .off("its environment holds values, no ${secret:NAME} reference")
        default:
            return .off("unknown control \(control)")
        }
    }

    /// Names a policy key's line, or the built-in default when the file does not set it.
    struct Where {
        let policy: Deployment.LoadedPolicy
        let section: String

        func text(_ key: String, _ what: String) -> String {
            guard let path = policy.path else { return "\(what) (mcpguard run's default, no policy file)" }
            if let line = policy.lines.line(section: section, key) {
                return "\(what) (\(path):\(line), \(key))"
            }
            return "\(what) (default; \(path) does not set \(key))"
        }
    }
}
