import GuardCore

/// Labels what each tool can do (`info` findings, never counted as attacks) and flags annotations that
/// contradict it.
///
/// Labels come from the tool's name, its parameters and its annotations; the description only confirms.
/// A host or policy can then require confirmation for destructive, code-running or money-moving tools.
public struct CapabilityDetector: Detector {
    public init() {}

    public enum Capability: String, Sendable, CaseIterable {
        case destructive, codeExecution, filesystemWrite, networkEgress, credentialAccess, fundsMovement

        var rule: RuleDescriptor {
            switch self {
            case .destructive: Rules.capabilityDestructive
            case .codeExecution: Rules.capabilityCodeExecution
            case .filesystemWrite: Rules.capabilityFilesystemWrite
            case .networkEgress: Rules.capabilityNetworkEgress
            case .credentialAccess: Rules.capabilityCredentialAccess
            case .fundsMovement: Rules.capabilityFundsMovement
            }
        }

        var phrase: String {
            switch self {
            case .destructive: "can delete or overwrite data"
            case .codeExecution: "runs commands or code"
            case .filesystemWrite: "writes files"
            case .networkEgress: "sends data over the network"
            case .credentialAccess: "reads or manages credentials"
            case .fundsMovement: "moves money or crypto assets"
            }
        }
    }

    public var rules: [RuleDescriptor] { Capability.allCases.map(\.rule) + [Rules.annotationMismatch] }

    static let destructiveVerbs: Set<String> = [
        "delete", "remove", "drop", "destroy", "purge", "truncate", "wipe", "erase", "kill", "terminate", "revoke", "reset",
        "rm", "unlink", "overwrite", "uninstall", "rmdir", "clear", "flush", "discard", "force",
    ]
    static let executionWords: Set<String> = ["exec", "execute", "eval", "shell", "terminal", "bash", "powershell", "cmd", "command", "commands", "script", "sh", "repl"]
    static let runTargets: Set<String> = ["script", "code", "command", "query", "sql", "python", "javascript", "js", "program", "notebook", "cell"]
    static let writeVerbs: Set<String> = ["write", "create", "edit", "save", "move", "rename", "copy", "append", "upload", "mkdir", "put", "patch", "modify", "update", "replace"]
    static let fileNouns: Set<String> = ["file", "files", "dir", "directory", "directories", "folder", "folders", "path", "document", "documents", "note", "notes"]
    static let networkWords: Set<String> = ["fetch", "http", "https", "url", "download", "upload", "webhook", "curl", "browse", "navigate", "scrape", "crawl"]
    static let sendVerbs: Set<String> = ["send", "post", "publish", "share", "forward", "reply", "notify", "tweet"]
    static let messageNouns: Set<String> = ["email", "emails", "mail", "message", "messages", "sms", "tweet", "notification", "slack", "chat"]
    static let credentialWords: Set<String> = ["password", "passwords", "secret", "secrets", "credential", "credentials", "token", "tokens", "apikey", "keychain", "vault", "privatekey"]
    static let fundsVerbs: Set<String> = ["transfer", "withdraw", "pay", "payment", "payout", "swap", "trade", "buy", "sell", "bridge", "stake", "unstake", "deposit", "refund", "charge", "invoice"]
    static let fundsObjects: Set<String> = ["funds", "eth", "btc", "sol", "usdc", "usdt", "token", "tokens", "crypto", "coin", "coins", "money", "transaction", "tx", "payment", "order"]

    /// What `tool` can do, judged from its name tokens, parameter names and annotations.
    public static func capabilities(of tool: JSONValue) -> Set<Capability> {
        let name = tool["name"]?.stringValue ?? ""
        let words = Set(ToolPoisoningDetector.nameTokens(name))
        let parameters = Set((tool["inputSchema"]?["properties"]?.objectValue?.keys ?? []).flatMap(ToolPoisoningDetector.nameTokens))
        var result: Set<Capability> = []
        if !words.isDisjoint(with: destructiveVerbs) || tool["annotations"]?["destructiveHint"]?.boolValue == true {
            result.insert(.destructive)
        }
        if !words.isDisjoint(with: executionWords) || (words.contains("run") && !words.isDisjoint(with: runTargets))
            || (!words.isDisjoint(with: ["execute", "exec", "run"]) && !parameters.isDisjoint(with: ["command", "code", "script", "sql", "query"]))
        {
            result.insert(.codeExecution)
        }
        if !words.isDisjoint(with: writeVerbs), !words.isDisjoint(with: fileNouns) || !parameters.isDisjoint(with: ["path", "file", "filename", "filepath", "directory"]) {
            result.insert(.filesystemWrite)
        }
        if !words.isDisjoint(with: networkWords)
            || (!words.isDisjoint(with: sendVerbs) && (!words.isDisjoint(with: messageNouns) || !parameters.isDisjoint(with: ["to", "recipient", "recipients", "channel", "url", "email"])))
            || !parameters.isDisjoint(with: ["url", "uri", "endpoint", "webhook"])
        {
            result.insert(.networkEgress)
        }
        if !words.isDisjoint(with: credentialWords) || (words.contains("api") && words.contains("key")) || (words.contains("private") && words.contains("key")) {
            result.insert(.credentialAccess)
        }
        if !words.isDisjoint(with: fundsVerbs) && (!words.isDisjoint(with: fundsObjects) || !parameters.isDisjoint(with: ["amount", "recipient", "to", "wallet", "address", "destination", "iban"]))
            || (words.contains("send") && !words.isDisjoint(with: fundsObjects) && !parameters.isDisjoint(with: ["amount", "value"]))
            || !words.isDisjoint(with: ["transfer", "withdraw", "swap"])
        {
            result.insert(.fundsMovement)
        }
        return result
    }

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for server in input.snapshot.servers where server.status == .ok {
            for (index, tool) in server.tools.enumerated() {
                let name = tool["name"]?.stringValue ?? "(unnamed)"
                let pointer = "/tools/\(index)"
                let capabilities = Self.capabilities(of: tool)
                for capability in Capability.allCases where capabilities.contains(capability) {
                    findings.append(Finding(
                        capability.rule, server: server.name, tool: name, location: server.location(pointer: pointer),
                        message: "Tool \(name) \(capability.phrase)", fingerprintKey: capability.rawValue
                    ))
                }
                let words = Set(ToolPoisoningDetector.nameTokens(name))
                let destructiveByName = !words.isDisjoint(with: Self.destructiveVerbs)
                let annotations = tool["annotations"]
                // Hints that would let a host skip its confirmation for a tool whose name says it destroys data.
                let misleading: [(hint: String, value: Bool, claim: String)] = [
                    ("readOnlyHint", true, "read-only"), ("destructiveHint", false, "non-destructive"),
                ]
                for (hint, value, claim) in misleading where destructiveByName && annotations?[hint]?.boolValue == value {
                    findings.append(Finding(
                        Rules.annotationMismatch, server: server.name, tool: name,
                        location: server.location(pointer: pointer + "/annotations/" + hint),
                        message: "Tool \(name) is annotated \(claim) but its name says it deletes or overwrites data",
                        evidence: "\(hint): \(value) on \(name)", fingerprintKey: hint
                    ))
                }
            }
        }
        return findings
    }
}
