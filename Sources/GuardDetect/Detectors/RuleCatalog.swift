import GuardCore

/// Every scan rule mcpguard ships, in one place: ids, severities, checklist items and remediation.
public enum Rules {
    // Tool poisoning and manipulation
    public static let toolPoisoning = RuleDescriptor(
        id: "tool-poisoning", name: "Tool poisoning",
        summary: "Text the model reads (a description, schema, prompt or the server's instructions) carries instructions aimed at the model: overriding its rules, hiding actions from the user, reading secrets or sending data out.",
        remediation: "Do not run this server. If it is yours, remove the instructions from its definitions; if not, report it to its publisher and pin or block it with mcpguard's policy.",
        defaultSeverity: .high, checklist: ["CLI-PROMPT-07", "CLI-PROMPT-02", "CLI-PROMPT-01", "LLM-EXEC-02"]
    )
    public static let preferenceManipulation = RuleDescriptor(
        id: "preference-manipulation", name: "Preference manipulation",
        summary: "A definition pushes the model to choose this tool over others (\"the best tool\", \"never use other tools\"), hijacking which function runs.",
        remediation: "Treat the server as untrusted; remove or pin it, and prefer tools whose descriptions only describe what they do.",
        defaultSeverity: .medium, checklist: ["MULTI-02", "CLI-MGMT-09", "LLM-EXEC-01", "CLI-PROMPT-07"]
    )
    public static let contextHarvesting = RuleDescriptor(
        id: "context-harvesting-parameter", name: "Context-harvesting parameter",
        summary: "An input parameter asks the model for its own context (model name, system prompt, conversation, tool list) that the tool has no need for.",
        remediation: "Remove the parameter, or block the tool; a tool should ask only for the data its job needs.",
        defaultSeverity: .medium, checklist: ["SRV-DATA-01", "LLM-EXEC-04", "CLI-PROMPT-05", "CLI-PROMPT-07"]
    )
    public static let maliciousPurpose = RuleDescriptor(
        id: "malicious-purpose", name: "Declared offensive purpose",
        summary: "The tool's own description says it exfiltrates data, harvests credentials, escalates privileges, hijacks sessions, phishes or exploits systems.",
        remediation: "Remove the server unless it is an authorised security tool; acknowledge it per server in the policy if it is.",
        defaultSeverity: .medium, checklist: ["CLI-MGMT-04", "MULTI-01"]
    )

    public static let textInjection = RuleDescriptor(
        id: "text-injection", name: "Instructions planted in a text the model reads",
        summary: "A host instruction file (CLAUDE.md, AGENTS.md, .cursorrules, …) or a text given to `scan --text` carries instructions an attacker would plant for the model: exfiltration, hidden actions, commands to run, overrides of its rules.",
        remediation: "Read the lines named; remove what you did not write. Instruction files come with cloned repositories: review them before an agent works in that directory.",
        defaultSeverity: .high, checklist: ["CLI-PROMPT-02", "CLI-PROMPT-01"]
    )

    // Hidden content
    public static let hiddenUnicode = RuleDescriptor(
        id: "hidden-unicode", name: "Hidden Unicode",
        summary: "Text contains characters a person cannot see but a model reads: Unicode tag characters, bidirectional controls, zero-width or filler characters, terminal escapes.",
        remediation: "Remove the server or have its publisher strip the characters; mcpguard run strips them from listings at run time.",
        defaultSeverity: .high, checklist: ["CLI-UI-05", "CLI-PROMPT-07", "CLI-PROMPT-02"]
    )
    public static let hiddenMarkup = RuleDescriptor(
        id: "hidden-markup", name: "Hidden markup",
        summary: "Text hides content from a person reading rendered Markdown or HTML (comments, hidden elements, text pushed out of view) while the model reads it in full.",
        remediation: "Read the raw definition; remove the server if the hidden part gives instructions.",
        defaultSeverity: .medium, checklist: ["CLI-UI-05", "CLI-PROMPT-07"]
    )
    public static let encodedPayload = RuleDescriptor(
        id: "encoded-payload", name: "Encoded payload",
        summary: "A long base64, hex or URL-encoded blob in a definition decodes to readable text that a person would not see.",
        remediation: "Decode and review the blob; remove the server if it carries instructions.",
        defaultSeverity: .medium, checklist: ["CLI-PROMPT-07", "CLI-UI-05"]
    )
    public static let excessiveLength = RuleDescriptor(
        id: "excessive-length", name: "Excessive description length",
        summary: "A description is far longer than a tool needs; long texts are where instructions hide and they crowd the model's context.",
        remediation: "Review the full text; ask the publisher to shorten it.",
        defaultSeverity: .low, checklist: ["CLI-PROMPT-07"]
    )

    // Several servers
    public static let nameCollision = RuleDescriptor(
        id: "name-collision", name: "Name collision",
        summary: "Two servers offer tools, prompts or resources whose names are the same or look the same (case, compatibility forms, Unicode look-alikes), so one can stand in for the other.",
        remediation: "Remove one of the servers or rename through the host; with mcpguard run, names that collide with a pinned server are refused.",
        defaultSeverity: .medium, checklist: ["CLI-MGMT-03", "CLI-MGMT-05", "CLI-MGMT-07", "CLI-MGMT-12", "SRV-TOOL-09"]
    )
    public static let toolShadowing = RuleDescriptor(
        id: "tool-shadowing", name: "Tool shadowing",
        summary: "A definition of one server tells the model how to use another server's tools, so a malicious server can steer calls it does not own.",
        remediation: "Remove the shadowing server; keep servers that touch sensitive data in separate hosts or profiles.",
        defaultSeverity: .high, checklist: ["MULTI-03", "MULTI-02", "CLI-MGMT-08", "CLI-MGMT-03"]
    )

    // Capabilities (info) and annotation mismatches
    public static let capabilityDestructive = capability("destructive", "Destructive", "can delete or overwrite data", ["CLI-UI-02", "CLI-MGMT-13"])
    public static let capabilityCodeExecution = capability("code-execution", "Code execution", "runs commands or code", ["SRV-TOOL-02", "SRV-TOOL-06", "CLI-MGMT-13"])
    public static let capabilityFilesystemWrite = capability("filesystem-write", "Filesystem write", "writes files", ["SRV-ISO-02", "CLI-MGMT-13"])
    public static let capabilityNetworkEgress = capability("network-egress", "Network egress", "sends data over the network", ["SRV-ISO-02", "CLI-MGMT-13"])
    public static let capabilityCredentialAccess = capability("credential-access", "Credential access", "reads or manages credentials", ["SRV-AUTH-02", "CLI-MGMT-13"])
    public static let capabilityFundsMovement = capability("funds-movement", "Funds movement", "moves money or crypto assets", ["CRYPTO-04", "CRYPTO-05", "CLI-UI-02", "CLI-MGMT-13"])
    public static let annotationMismatch = RuleDescriptor(
        id: "annotation-mismatch", name: "Misleading annotations",
        summary: "A tool's annotations contradict what it does (readOnlyHint on a delete tool, destructiveHint false on a destructive one), so a host may skip the confirmation it would otherwise ask.",
        remediation: "Do not rely on the server's hints: require confirmation for the tool in the host or in mcpguard's policy.",
        defaultSeverity: .medium, checklist: ["CLI-UI-01", "CLI-UI-02", "CLI-MGMT-13"]
    )

    // Secrets
    public static let secretInDefinition = RuleDescriptor(
        id: "secret-in-definition", name: "Secret in a definition",
        summary: "A credential or key appears in text the server sends to the model, where any prompt can read it back.",
        remediation: "Rotate the credential now and remove it from the server's definitions.",
        defaultSeverity: .high, checklist: ["SRV-AUTH-02", "SRV-DATA-05", "LLM-EXEC-04", "CRYPTO-03"]
    )

    // Configuration
    public static let configSecret = RuleDescriptor(
        id: "config-secret", name: "Secret in config",
        summary: "A credential is written in clear in a host config (env, args, headers or URL), readable by every program that can read the file.",
        remediation: "Rotate the credential, then pass it from the OS keychain or an env file only you can read (VS Code: an ${input:…} prompt).",
        defaultSeverity: .high, checklist: ["SRV-AUTH-02", "CLI-STORE-01", "SRV-DEPLOY-04"], conditionalChecklist: ["CRYPTO-01"]
    )
    public static let unpinnedPackage = RuleDescriptor(
        id: "unpinned-package", name: "Unpinned package",
        summary: "The server is launched from a package without a fixed version (npx without @version, @latest, uvx without ==, docker without a digest), so every start can run different code.",
        remediation: "Pin an exact version (npx pkg@1.2.3, uvx pkg==1.2.3, image@sha256:…) and update deliberately.",
        defaultSeverity: .medium, checklist: ["SRV-SUPPLY-01", "SRV-SUPPLY-02", "CLI-MGMT-10"]
    )
    public static let shellLaunch = RuleDescriptor(
        id: "shell-launch", name: "Shell or remote script launch",
        summary: "The server is started through a shell or interpreter with inline code (-c, -e) or by piping a downloaded script into a shell.",
        remediation: "Launch the server's executable directly with fixed arguments; never pipe a download into a shell.",
        defaultSeverity: .high, checklist: ["SRV-SUPPLY-03", "SRV-TOOL-02", "SRV-SUPPLY-02"]
    )
    public static let containerEscape = RuleDescriptor(
        id: "container-privileges", name: "Weakened container isolation",
        summary: "A docker-launched server runs privileged, on the host network or PID namespace, or with / or the home directory mounted.",
        remediation: "Drop --privileged and host namespaces; mount only the directories the server needs, read-only where possible.",
        defaultSeverity: .high, checklist: ["SRV-DEPLOY-01", "SRV-DEPLOY-02", "SRV-ISO-01", "SRV-ISO-02"]
    )
    public static let containerHardening = RuleDescriptor(
        id: "container-hardening", name: "Container not hardened",
        summary: "A docker-launched server runs explicitly as root (--user 0), or without --read-only or --cap-drop ALL, so a compromised server can change its image and use every default capability.",
        remediation: "Add --read-only --cap-drop ALL --user 1000:1000 (with --tmpfs /tmp if the server needs scratch space).",
        defaultSeverity: .low, checklist: ["SRV-DEPLOY-02", "SRV-AUTH-04"]
    )
    public static let filesystemExposure = RuleDescriptor(
        id: "broad-filesystem-access", name: "Filesystem server over / or home",
        summary: "A filesystem server is given the root directory, the home directory or a credentials directory, so its tools reach SSH keys, cloud credentials and wallets.",
        remediation: "Give the server only the project directories it works on.",
        defaultSeverity: .high, checklist: ["SRV-ISO-02", "SRV-AUTH-01", "SRV-TOOL-04"]
    )
    public static let tlsVerificationDisabled = RuleDescriptor(
        id: "tls-verification-disabled", name: "Certificate checks turned off",
        summary: "The server is launched with an environment variable or flag that turns off TLS certificate verification (NODE_TLS_REJECT_UNAUTHORIZED=0, GIT_SSL_NO_VERIFY, npm strict-ssl false, …), so anyone on the network path can impersonate the services it calls or the registry it installs from.",
        remediation: "Remove the override; trust a private CA with NODE_EXTRA_CA_CERTS, SSL_CERT_FILE or REQUESTS_CA_BUNDLE pointing at its certificate instead.",
        defaultSeverity: .high, checklist: ["CLI-TLS-02", "CLI-TLS-01"]
    )
    public static let unguardedServer = RuleDescriptor(
        id: "unguarded-server", name: "Server not behind mcpguard run",
        summary: "A stdio server is launched directly rather than through mcpguard run, so its tool calls are not checked against a policy, its outputs are not screened and nothing records what it was asked to do.",
        remediation: "Launch it as \"command\": \"mcpguard\", \"args\": [\"run\", \"--audit\", \"audit.log\", \"--\", CMD, ARGS…] (add --policy for rules, --lock for pins).",
        defaultSeverity: .low, checklist: ["CLI-LOG-01", "CLI-AICTL-01"]
    )
    public static let unsandboxedServer = RuleDescriptor(
        id: "unsandboxed-server", name: "Local server without a sandbox",
        summary: "A stdio server runs with the user's full rights, outside any container or sandbox: a compromised or malicious server can read ~/.ssh, write anywhere in the home directory and reach any host.",
        remediation: "Run it as mcpguard run --sandbox -- CMD ARGS… (mcpguard install --sandbox rewrites every host config that way), or launch it in a container (docker run, podman run) or a sandbox (bwrap, firejail, nsjail, sandbox-exec).",
        defaultSeverity: .low, checklist: ["SRV-DEPLOY-01"]
    )
    public static let sudoLaunch = RuleDescriptor(
        id: "privileged-launch", name: "Launched with root privileges",
        summary: "The server is started with sudo (or doas), so any tool call runs as root.",
        remediation: "Run the server as your user; grant it only the files and capabilities it needs.",
        defaultSeverity: .high, checklist: ["SRV-AUTH-04", "SRV-DEPLOY-02"]
    )
    public static let insecureTransport = RuleDescriptor(
        id: "insecure-transport", name: "Plain-HTTP remote server",
        summary: "A remote server is reached over plain http:// to a host that is not this machine, so traffic and tokens cross the network unencrypted.",
        remediation: "Use the server's https:// endpoint.",
        defaultSeverity: .high, checklist: ["CLI-TLS-03", "SRV-DATA-02"]
    )
    public static let configPermissions = RuleDescriptor(
        id: "config-permissions", name: "Config readable by others",
        summary: "A host config that holds secrets can be read by other users of this machine.",
        remediation: "chmod 600 the file (and move the secrets out of it).",
        defaultSeverity: .medium, checklist: ["CLI-STORE-01", "CLI-STORE-02"]
    )
    public static let autoApprove = RuleDescriptor(
        id: "auto-approve", name: "Auto-approved tools",
        summary: "The host is set to run tools or commands without asking the user: a whole server, every project server, a tool pattern, a single tool (high when its name says it deletes, writes, runs commands, sends or moves funds; low when it reads), or terminal commands that amount to any command.",
        remediation: "Remove blanket approvals; auto-approve only read-only tools you have reviewed.",
        defaultSeverity: .medium, checklist: ["CLI-APPROVE-01", "CLI-APPROVE-02", "CLI-UI-02"]
    )
    public static let permissionMode = RuleDescriptor(
        id: "permission-mode", name: "Confirmations switched off",
        summary: "A host-wide mode or policy skips the user's confirmation: Claude Code defaultMode bypassPermissions (auto, acceptEdits lower), Codex approval_policy never, VS Code chat.permissions.default autoApprove or autopilot, Gemini CLI autoAccept or auto_edit.",
        remediation: "Keep the host's default mode and approve tools one by one; use a bypass mode only inside a disposable container or VM.",
        defaultSeverity: .high, checklist: ["CLI-UI-02", "CLI-APPROVE-01", "CLI-PROMPT-01"]
    )
    public static let sandboxDisabled = RuleDescriptor(
        id: "sandbox-disabled", name: "Agent sandbox switched off",
        summary: "The host runs the agent's commands outside its sandbox (Codex sandbox_mode danger-full-access), with every right of the user.",
        remediation: "Use workspace-write (or read-only) and widen it per project when a task needs more.",
        defaultSeverity: .high, checklist: ["CLI-APP-03"]
    )
    public static let configUnparseable = RuleDescriptor(
        id: "config-unparseable", name: "Unreadable host config",
        summary: "A host config file could not be parsed, so the servers it declares were not audited.",
        remediation: "Fix the file (the message gives the line and column); the host itself may be ignoring it too.",
        defaultSeverity: .low, checklist: ["MULTI-01"]
    )

    // Live probes of remote servers (transport security); run by `scan` against http and sse servers.
    public static let tlsCertificate = RuleDescriptor(
        id: "tls-certificate", name: "Invalid TLS certificate",
        summary: "The remote server's certificate chain does not verify (self-signed, expired, wrong host), so the client cannot tell it from a man in the middle.",
        remediation: "Serve a certificate from a trusted CA for the server's host name; do not configure clients to skip verification.",
        defaultSeverity: .high, checklist: ["CLI-TLS-01", "CLI-TLS-02"], kind: .probe
    )
    public static let tlsOutdated = RuleDescriptor(
        id: "tls-outdated", name: "Outdated TLS accepted",
        summary: "The remote server still negotiates TLS 1.1 or older.",
        remediation: "Disable TLS 1.0 and 1.1 on the server; require TLS 1.2 or 1.3.",
        defaultSeverity: .medium, checklist: ["CLI-TLS-03", "CLI-TLS-04"], kind: .probe
    )
    public static let authenticationMissing = RuleDescriptor(
        id: "auth-missing", name: "No authentication required",
        summary: "A remote (non-loopback) server answers MCP requests that carry no credentials.",
        remediation: "Require OAuth 2.1 bearer tokens (or another authentication) for every request.",
        defaultSeverity: .high, checklist: ["CLI-AUTH-01", "SRV-AUTH-01"], kind: .probe
    )
    public static let authenticationMetadata = RuleDescriptor(
        id: "auth-metadata", name: "Authentication not advertised correctly",
        summary: "The server refuses unauthenticated requests but does not say how to authenticate: no WWW-Authenticate challenge, no RFC 9728 protected-resource metadata, or no authorization-server metadata.",
        remediation: "Answer 401 with WWW-Authenticate: Bearer resource_metadata=…, publish /.well-known/oauth-protected-resource and the authorization server's RFC 8414 metadata.",
        defaultSeverity: .medium, checklist: ["CLI-AUTH-02"], kind: .probe
    )
    public static let pkceMissing = RuleDescriptor(
        id: "oauth-pkce", name: "Authorization server without PKCE S256",
        summary: "The authorization server's metadata does not list S256 in code_challenge_methods_supported, which OAuth 2.1 and MCP authorization require.",
        remediation: "Enable PKCE with S256 on the authorization server and advertise it in its metadata.",
        defaultSeverity: .medium, checklist: ["CLI-AUTH-02"], kind: .probe
    )
    public static let originNotValidated = RuleDescriptor(
        id: "origin-validation", name: "Foreign Origin accepted",
        summary: "The server answers a request carrying a foreign Origin header instead of refusing it with 403, which lets a web page reach it through DNS rebinding.",
        remediation: "Validate the Origin header on every request and answer 403 to origins you do not serve (the MCP transport spec requires it).",
        defaultSeverity: .high, checklist: ["SRV-AUTH-01"], kind: .probe
    )

    /// Rules reported by live probes rather than by detectors.
    public static let probes: [RuleDescriptor] = [tlsCertificate, tlsOutdated, authenticationMissing, authenticationMetadata, pkceMissing, originNotValidated]

    private static func capability(_ id: String, _ name: String, _ what: String, _ checklist: [String]) -> RuleDescriptor {
        RuleDescriptor(
            id: "capability-\(id)", name: "Capability: \(name.lowercased())",
            summary: "The tool \(what). Not an attack by itself: a label so reviews and policies can treat it with care.",
            remediation: "Require confirmation (ask) for it in the host or in mcpguard's policy if it should not run unattended.",
            defaultSeverity: .info, checklist: checklist
        )
    }
}
