import GuardCore

/// The runtime controls `mcpguard run` applies, with the checklist items each enforces; the checklist's
/// `guard` coverage is derived from this list.
public enum GuardControls {
    public static let policyDeny = ControlDescriptor(id: "policy.deny", summary: "Denied tools are refused and not listed.", checklist: ["CLI-APPROVE-01", "SRV-TOOL-06", "SRV-AUTH-01", "CLI-MGMT-08"])
    public static let policyAsk = ControlDescriptor(id: "policy.ask", summary: "Tools, resources and prompts under ask need the user's confirmation, which lists every argument (long values cut in the middle, never dropped) and opens with a funds summary for tools that move funds.", checklist: ["CLI-UI-02", "CLI-APPROVE-01", "CRYPTO-04"])
    public static let secondFactor = ControlDescriptor(id: "policy.second-factor", summary: "Tools with a totp secret in the policy run only after a yes with a valid, unused authenticator code (RFC 6238).", checklist: ["CRYPTO-05", "CLI-UI-02"])
    public static let policyResources = ControlDescriptor(id: "policy.resources", summary: "resources/read and resources/subscribe are allowed, denied or asked by URI pattern; file: URIs are resolved (.., symlinks) first.", checklist: ["SRV-RES-01", "SRV-ISO-02", "SRV-AUTH-01", "SRV-RES-03"])
    public static let policyPrompts = ControlDescriptor(id: "policy.prompts", summary: "prompts/get is allowed, denied or asked by prompt name.", checklist: ["SRV-AUTH-01"])
    public static let outboundScreen = ControlDescriptor(id: "outbound.secrets", summary: "Secrets, crypto keys and chosen personal data in tool and prompt arguments, completions, sampling results and elicitation answers are refused before they reach the server.", checklist: ["LLM-EXEC-04", "CRYPTO-03", "SRV-DATA-05", "CLI-SAMPLE-02"])
    public static let outputMedia = ControlDescriptor(id: "output.media", summary: "Images, audio and binary blobs in outputs pass, are dropped or are labelled as unscreened, per policy.", checklist: ["LLM-MODAL-01"])
    public static let policyArguments = ControlDescriptor(id: "policy.arguments", summary: "Argument patterns, enums and path prefixes.", checklist: ["SRV-TOOL-03", "SRV-ISO-02", "SRV-RES-03", "SRV-DATA-04"])
    public static let schemaInput = ControlDescriptor(id: "schema.input", summary: "Calls are validated against the tool's inputSchema.", checklist: ["SRV-API-01", "SRV-TOOL-03", "SRV-TOOL-05", "LLM-EXEC-03"])
    public static let listingWithhold = ControlDescriptor(id: "listing.withhold", summary: "Poisoned tools are withheld from listings.", checklist: ["CLI-PROMPT-02", "CLI-PROMPT-07", "CLI-MGMT-04", "MULTI-02"])
    public static let listingStripHidden = ControlDescriptor(id: "listing.strip-hidden", summary: "Invisible characters are stripped from definitions.", checklist: ["CLI-UI-05"])
    public static let limits = ControlDescriptor(id: "policy.limits", summary: "Rate limits and per-session call budgets, per tool and per server.", checklist: ["SRV-API-02", "CLI-AICTL-03", "SRV-DEPLOY-05", "SRV-PERSIST-05"])
    public static let maxSize = ControlDescriptor(id: "transport.max-size", summary: "Messages over the size limit are refused.", checklist: ["SRV-API-02", "SRV-RES-02", "SRV-DEPLOY-05"])
    public static let containment = ControlDescriptor(id: "process.containment", summary: "The server runs in its own process group with a scrubbed environment and dies with mcpguard.", checklist: ["SRV-PERSIST-01", "SRV-PERSIST-02", "SRV-DEPLOY-04", "SRV-AUTH-04"])
    public static let auditLog = ControlDescriptor(id: "audit.log", summary: "Every decision is written to a hash-chained audit log.", checklist: ["CLI-LOG-01", "CLI-LOG-02", "CLI-AICTL-01", "CLI-UI-04", "SRV-LOG-02", "SRV-LOG-05", "SRV-LOG-06", "CLI-APPROVE-04"])

    public static let timeout = ControlDescriptor(id: "policy.timeout", summary: "Calls past their timeout are cancelled at the server and fail at the client.", checklist: ["SRV-DEPLOY-05", "SRV-RES-02", "CLI-UI-06"])
    public static let outputSize = ControlDescriptor(id: "output.max-size", summary: "Tool results, resource contents and prompts over the output limit are cut.", checklist: ["SRV-RES-02", "SRV-DEPLOY-05"])
    public static let outputRedact = ControlDescriptor(id: "output.redact", summary: "Secrets, crypto keys and chosen personal data in outputs and sampling requests become typed placeholders.", checklist: ["SRV-DATA-05", "CLI-PROMPT-04", "CLI-SAMPLE-02", "LLM-EXEC-04", "CRYPTO-03", "SRV-TOOL-08"])
    public static let outputInjection = ControlDescriptor(id: "output.injection", summary: "Prompt injection in outputs is blocked, removed, labelled as data or logged.", checklist: ["CLI-PROMPT-01", "CLI-PROMPT-05", "SRV-TOOL-07", "MULTI-03", "LLM-EXEC-02", "CLI-SAMPLE-03"])
    public static let outputStripHidden = ControlDescriptor(id: "output.strip-hidden", summary: "Invisible characters and ANSI escapes are stripped from outputs.", checklist: ["CLI-UI-05", "SRV-API-03", "LLM-MODAL-01"])
    public static let schemaOutput = ControlDescriptor(id: "schema.output", summary: "structuredContent is validated against the tool's outputSchema.", checklist: ["SRV-TOOL-05", "SRV-TOOL-07", "SRV-API-03"])
    public static let pinned = ControlDescriptor(id: "pin.enforce", summary: "With a lockfile, changed or unpinned definitions are withheld until re-pinned; list_changed triggers a re-check.", checklist: ["CLI-MGMT-01", "CLI-MGMT-10", "CLI-MGMT-11", "CLI-MGMT-02"])
    public static let collision = ControlDescriptor(id: "pin.collision", summary: "A tool whose name belongs to another pinned server is refused.", checklist: ["CLI-MGMT-03", "CLI-MGMT-05", "CLI-MGMT-07", "CLI-MGMT-09", "CLI-MGMT-12", "SRV-TOOL-09", "MULTI-02"])

    public static let parse = ControlDescriptor(id: "transport.parse", summary: "Messages the guard cannot parse (malformed JSON, duplicate keys, batches) are refused, never forwarded unchecked.", checklist: ["SRV-API-01", "SRV-TOOL-05", "SRV-TOOL-07"])

    public static let sandboxFilesystem = ControlDescriptor(id: "sandbox.filesystem", summary: "With --sandbox or a sandbox: section, the server sees read-only system directories, an empty home and private /tmp, and only the paths its policy allows (bubblewrap mounts, or Landlock); secrets in /etc are masked.", checklist: ["SRV-DEPLOY-01", "SRV-ISO-01", "SRV-ISO-02", "SRV-PLAT-01", "SRV-TOOL-02", "SRV-TOOL-04"])
    public static let sandboxNetwork = ControlDescriptor(id: "sandbox.network", summary: "A sandboxed server gets no network, its own loopback only, or the host:port allow-list through mcpguard's egress proxy, every connection audited.", checklist: ["SRV-DEPLOY-01", "SRV-ISO-01", "SRV-ISO-02", "SRV-TOOL-04"])
    public static let sandboxLimits = ControlDescriptor(id: "sandbox.limits", summary: "CPU, memory, open files and processes of a sandboxed server are limited (rlimits, and a cgroup for the whole tree); seccomp refuses ptrace, mounts and new namespaces.", checklist: ["SRV-DEPLOY-05", "SRV-PLAT-01", "SRV-TOOL-02"])

    public static let secretReferences = ControlDescriptor(id: "secrets.reference", summary: "${secret:NAME} in the server's environment (host config or policy) is resolved at launch from the Secret Service or an encrypted file (ChaCha20-Poly1305, scrypt or a 0600 key file) into the server's environment only; a reference in its command line is refused.", checklist: ["CLI-STORE-01", "SRV-DEPLOY-04"])

    public static let all: [ControlDescriptor] = [
        policyDeny, policyAsk, secondFactor, policyResources, policyPrompts, outboundScreen, outputMedia, policyArguments, schemaInput, limits, timeout, listingWithhold, listingStripHidden, maxSize, containment, auditLog,
        outputSize, outputRedact, outputInjection, outputStripHidden, schemaOutput, pinned, collision, parse,
        sandboxFilesystem, sandboxNetwork, sandboxLimits, secretReferences,
    ]
}
