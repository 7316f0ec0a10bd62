// The SRV part of ItemCoverage.all: what a deployment's servers must do.

extension ItemCoverage {
    static let server: [ItemCoverage] = [
        ItemCoverage("SRV-API-01", [
            Part("every call's arguments are checked against a strict contract before the server acts on them: the guard validates them against the tool's inputSchema and refuses unparseable messages, or the server itself refuses bad input when probed", detect: ["probe-input-validation", "probe-robustness"], enforce: ["schema.input", "transport.parse"]),
        ], uncovered: "validation inside the server's own code beyond its schemas (injection into queries, commands and paths)"),
        ItemCoverage("SRV-API-02", [
            Part("calls are throttled per tool and per server", detect: ["probe-rate-limit"], enforce: ["policy.limits"]),
            Part("messages over the size limit are refused, so one message cannot exhaust the server", enforce: ["transport.max-size"]),
        ]),
        ItemCoverage("SRV-API-03", [
            Part("outputs reach the model without invisible characters or terminal escapes", enforce: ["output.strip-hidden"]),
            Part("structured outputs match the tool's outputSchema", enforce: ["schema.output"]),
        ], uncovered: "encoding for the other places a server's output lands (HTML pages, shells, SQL)"),
        ItemCoverage("SRV-AUTH-01", [
            Part("remote servers refuse requests without credentials and from foreign origins, bind each session to the caller it was issued to and let no foreign origin through CORS", detect: ["auth-missing", "origin-validation", "probe-session-id", "probe-cors"]),
            Part("each server is given only the tools, resources and prompts its policy allows", enforce: ["policy.deny", "policy.resources", "policy.prompts"]),
            Part("no filesystem server is rooted at / or the home directory", detect: ["broad-filesystem-access"]),
        ], uncovered: "role-based access inside the server, per user or role"),
        ItemCoverage("SRV-AUTH-02", [
            Part("no credential is written in clear in a host config", detect: ["config-secret"]),
            Part("no credential appears in what the server sends to the model", detect: ["secret-in-definition"]),
        ], uncovered: "credentials hard-coded in the server's own code, and whether it uses a key-management service"),
        .attest("SRV-AUTH-03", "The server authenticates to the third-party services it calls with scoped, short-lived credentials (OAuth, workload identity), not shared passwords."),
        ItemCoverage("SRV-AUTH-04", [
            Part("no server is launched with sudo or as root in a container", detect: ["privileged-launch", "container-hardening"]),
            Part("guarded servers run in their own process group with only the environment they need", enforce: ["process.containment"]),
        ], uncovered: "the OS rights of servers that no host config launches (remote servers, services)"),
        .attest("SRV-AUTH-05", "The server's API keys and service credentials expire and are rotated on a schedule."),
        .attest("SRV-AUTH-06", "Clients can verify the server's identity: a trusted TLS certificate for remote servers, a signed package or directory entry for local ones."),
        ItemCoverage("SRV-PERSIST-01", [
            Part("local servers start and end with the host's session: under mcpguard run a keeper process ends the whole process tree when the guard ends", enforce: ["process.containment"]),
        ]),
        ItemCoverage("SRV-PERSIST-02", [
            Part("no process of a server outlives the client: the keeper kills the whole tree, daemonised children included", enforce: ["process.containment"]),
        ]),
        .attest("SRV-PERSIST-03", "Something checks the MCP servers' status regularly and looks for processes left behind (mcpguard status lists the guarded ones)."),
        .attest("SRV-PERSIST-04", "The servers' background activity (timers, watchers, outbound connections between calls) is monitored and logged."),
        ItemCoverage("SRV-PERSIST-05", [
            Part("how often and how many times tools may be called is limited", enforce: ["policy.limits"]),
        ], uncovered: "what a server does in the background between calls, and for how long"),
        ItemCoverage("SRV-DEPLOY-01", [
            Part("every local server runs in a sandbox or a container that does not share the host's namespaces", detect: ["unsandboxed-server", "container-privileges"], enforce: ["sandbox.filesystem", "sandbox.network"]),
        ]),
        ItemCoverage("SRV-DEPLOY-02", [
            Part("containers are not privileged, not on the host's network or PID namespace, and run as non-root with --read-only and --cap-drop", detect: ["container-privileges", "container-hardening", "privileged-launch"]),
        ], uncovered: "immutable infrastructure and runtime protection for the containers", applies: .containerServers),
        .attest("SRV-DEPLOY-03", "The server's boot process is validated (signed images or binaries, integrity checks at start)."),
        ItemCoverage("SRV-DEPLOY-04", [
            Part("no secret is written in clear in a server's configured environment: the host config holds ${secret:NAME} references that mcpguard run resolves", detect: ["config-secret"], enforce: ["secrets.reference"]),
            Part("a guarded server sees only the environment variables it needs", enforce: ["process.containment"]),
        ], uncovered: "secrets the server itself writes to its logs"),
        ItemCoverage("SRV-DEPLOY-05", [
            Part("calls are limited in rate, count and duration", enforce: ["policy.limits", "policy.timeout"]),
            Part("messages and outputs are limited in size", enforce: ["transport.max-size", "output.max-size"]),
            Part("CPU, memory, open files and processes of the server are limited", enforce: ["sandbox.limits"]),
        ]),
        ItemCoverage("SRV-INTEG-01", [
            Part("what each server offers is compared with approved pins or a signed directory", detect: ["pin-changed", "directory-mismatch"]),
        ], uncovered: "the integrity of the server's code and package (mcpguard pins what a server offers, not its bytes)"),
        ItemCoverage("SRV-INTEG-02", [
            Part("servers are checked against a signed directory of approved servers and definitions", detect: ["directory-unlisted", "directory-mismatch"]),
        ], uncovered: "remote verification of the server's code itself"),
        .attest("SRV-INTEG-03", "The server's code is hardened against reverse engineering where that matters (obfuscation, stripped builds)."),
        ItemCoverage("SRV-SUPPLY-01", [
            Part("every server launched from a package names an exact version", detect: ["unpinned-package"]),
        ], uncovered: "the server's own dependency tree (lockfiles, vulnerability audits)"),
        ItemCoverage("SRV-SUPPLY-02", [
            Part("packages are pinned and never piped from a download into a shell", detect: ["unpinned-package", "shell-launch"]),
        ], uncovered: "signature or checksum verification of the packages themselves"),
        ItemCoverage("SRV-SUPPLY-03", [
            Part("no server is started from inline shell code or a downloaded script", detect: ["shell-launch"]),
        ], uncovered: "the provenance of the server's code and dependencies"),
        .attest("SRV-SUPPLY-04", "The server is built by a secured, reproducible build process."),
        .attest("SRV-LOG-01", "Anomalous activity patterns of the servers are detected and reported."),
        ItemCoverage("SRV-LOG-02", [
            Part("every call, listing and decision of guarded servers is written to the audit log", enforce: ["audit.log"]),
        ], uncovered: "the server's own service and security-event logs"),
        .attest("SRV-LOG-03", "Critical security events raise real-time alerts."),
        .attest("SRV-LOG-04", "Logs are collected and analysed centrally."),
        ItemCoverage("SRV-LOG-05", [
            Part("the audit log is hash-chained (HMAC-keyed with --audit-key-file), so `mcpguard audit verify` finds any change", enforce: ["audit.log"]),
        ]),
        ItemCoverage("SRV-LOG-06", [
            Part("the audit log records each decision with its rule, arguments digest and outcome for investigation", enforce: ["audit.log"]),
        ]),
        ItemCoverage("SRV-ISO-01", [
            Part("each server has a sandbox of its own: filesystem and network", enforce: ["sandbox.filesystem", "sandbox.network"]),
            Part("no container shares the host's namespaces or root filesystem", detect: ["container-privileges"]),
        ]),
        ItemCoverage("SRV-ISO-02", [
            Part("no filesystem server or container mount reaches /, the home directory or credentials", detect: ["broad-filesystem-access", "container-privileges"]),
            Part("the paths, URIs and hosts each server may reach are bounded by its policy, and the server serves nothing outside what it lists when probed", detect: ["probe-resource-boundary"], enforce: ["sandbox.filesystem", "sandbox.network", "policy.resources", "policy.arguments"]),
        ]),
        .attest("SRV-ISO-03", "Tools of different domains run with distinct permission sets (separate servers or credentials)."),
        ItemCoverage("SRV-PLAT-01", [
            Part("servers are confined with the operating system's own mechanisms (bubblewrap or Landlock and seccomp on Linux, Seatbelt on macOS) with resource limits", enforce: ["sandbox.filesystem", "sandbox.limits"]),
        ]),
        .attest("SRV-PLAT-02", "The server's security behaviour has been tested on every OS and client it supports."),
        .attest("SRV-PLAT-03", "Each platform's specific risks have been assessed and mitigated."),
        ItemCoverage("SRV-PLAT-04", [
            Part("whatever a client sends, the server negotiates a protocol version it supports and answers malformed messages with errors instead of failing", detect: ["probe-protocol-version", "probe-robustness"]),
        ], uncovered: "adapting the server's other security controls to each client's differences"),
        ItemCoverage("SRV-DATA-01", [
            Part("no tool parameter asks the model for context the tool does not need (system prompt, conversation, other tools)", detect: ["context-harvesting-parameter"]),
        ], uncovered: "what the server itself collects and keeps"),
        ItemCoverage("SRV-DATA-02", [
            Part("remote servers are reached over TLS", detect: ["insecure-transport"]),
        ], uncovered: "encryption of the data the server stores"),
        ItemCoverage("SRV-DATA-03", [
            Part("remote servers' session ids are unguessable and bound to the caller they were issued to, so one user cannot ride another's session", detect: ["probe-session-id"]),
        ], uncovered: "isolation of different users' data inside the server"),
        ItemCoverage("SRV-DATA-04", [
            Part("arguments are confined to the paths, values and patterns the policy allows", enforce: ["policy.arguments"]),
        ], uncovered: "access control inside the server's own data stores"),
        ItemCoverage("SRV-DATA-05", [
            Part("secrets and crypto keys are found and replaced in outputs, and refused in arguments", enforce: ["output.redact", "outbound.secrets"]),
            Part("no secret appears in definitions", detect: ["secret-in-definition"]),
        ], uncovered: "personal data, unless the policy adds pii to outputs.redact and outbound"),
        ItemCoverage("SRV-RES-01", [
            Part("resources are read and subscribed to only by the URI patterns the policy allows (file: URIs resolved first), and the server serves nothing outside what it lists when probed", detect: ["probe-resource-boundary"], enforce: ["policy.resources"]),
        ]),
        ItemCoverage("SRV-RES-02", [
            Part("resource contents and messages over the size limits are cut or refused, and reads time out", enforce: ["output.max-size", "transport.max-size", "policy.timeout"]),
        ]),
        ItemCoverage("SRV-RES-03", [
            Part("template parameters cannot escape the allowed URIs and paths (.. and symlinks resolved)", detect: ["probe-resource-boundary"], enforce: ["policy.resources", "policy.arguments"]),
        ]),
        .attest("SRV-RES-04", "Sensitive resources are labelled and handled distinctly."),
        .attest("SRV-TOOL-01", "The server's code follows secure-coding standards (review, static analysis)."),
        ItemCoverage("SRV-TOOL-02", [
            Part("no server is started through a shell or a piped download", detect: ["shell-launch"]),
            Part("tools run in a sandbox with resource limits", enforce: ["sandbox.filesystem", "sandbox.limits"]),
        ]),
        ItemCoverage("SRV-TOOL-03", [
            Part("inputs are validated against the tool's schema and the policy's argument rules, or refused by the server when probed", detect: ["probe-input-validation"], enforce: ["schema.input", "policy.arguments"]),
        ], uncovered: "validation inside the tool beyond its schema"),
        ItemCoverage("SRV-TOOL-04", [
            Part("filesystem servers get only the directories they work on", detect: ["broad-filesystem-access"]),
            Part("each server's sandbox allows only its policy's paths and hosts", enforce: ["sandbox.filesystem", "sandbox.network"]),
        ], uncovered: "permissions per tool within one server (the sandbox bounds the whole server)"),
        ItemCoverage("SRV-TOOL-05", [
            Part("inputs and structured outputs are validated against their schemas and unparseable messages refused", enforce: ["schema.input", "schema.output", "transport.parse"]),
        ], uncovered: "validation of unstructured content"),
        ItemCoverage("SRV-TOOL-06", [
            Part("tools outside the policy are refused and not listed", enforce: ["policy.deny"]),
        ], uncovered: "what an allowed tool does inside the server"),
        ItemCoverage("SRV-TOOL-07", [
            Part("outputs are screened for injected instructions and marked as data, structured outputs validated and malformed messages refused", enforce: ["output.injection", "schema.output", "transport.parse"]),
        ], uncovered: "attacks the injection screen misses: its recall on unseen data is below the checklist's bar (docs/detectors.md)"),
        ItemCoverage("SRV-TOOL-08", [
            Part("errors reach the model without secrets: error messages and data are screened and redacted, and probed servers leak no traces, paths or secrets", detect: ["probe-error-leakage"], enforce: ["output.redact"]),
        ], uncovered: "stack traces and paths in errors: the probe reports them, the guard does not remove them"),
        ItemCoverage("SRV-TOOL-09", [
            Part("no two servers offer the same or look-alike names; a tool named like a pinned server's is refused", detect: ["name-collision"], enforce: ["pin.collision"]),
        ]),
    ]
}
