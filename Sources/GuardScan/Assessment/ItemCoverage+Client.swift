// The CLI part of ItemCoverage.all: what the host (client) must do.

extension ItemCoverage {
    static let client: [ItemCoverage] = [
        ItemCoverage("CLI-UI-01", [
            Part("tool annotations do not understate what tools do, so the host's indicators are not misled", detect: ["annotation-mismatch"]),
        ], uncovered: "how the host itself shows the scope and impact of operations"),
        ItemCoverage("CLI-UI-02", [
            Part("high-risk operations need the user's confirmation: no host setting skips it, annotations do not hide destructive tools, or the guard's policy asks (listing every argument, with a funds summary and a second factor where set)", detect: ["auto-approve", "permission-mode", "annotation-mismatch"], enforce: ["policy.ask", "policy.second-factor"]),
        ]),
        .attest("CLI-UI-03", "The host's permission requests state their purpose and scope."),
        ItemCoverage("CLI-UI-04", [
            Part("every tool call and data access is recorded, and `mcpguard audit show` lets the user read it", enforce: ["audit.log"]),
        ]),
        ItemCoverage("CLI-UI-05", [
            Part("what the user sees is what the model reads: definitions carry no hidden characters, markup or encoded payloads, or the guard strips them from listings and outputs", detect: ["hidden-unicode", "hidden-markup", "encoded-payload"], enforce: ["listing.strip-hidden", "output.strip-hidden"]),
        ]),
        ItemCoverage("CLI-UI-06", [
            Part("calls that run past their timeout are cancelled and fail with a message", enforce: ["policy.timeout"]),
        ], uncovered: "the host's display of operations in progress"),
        ItemCoverage("CLI-AICTL-01", [
            Part("every stdio server is behind mcpguard run", detect: ["unguarded-server"]),
            Part("every call and its result is written to the audit log", enforce: ["audit.log"]),
        ]),
        .attest("CLI-AICTL-02", "Abnormal patterns of tool calls or request sequences are detected."),
        ItemCoverage("CLI-AICTL-03", [
            Part("tool calls are limited in frequency and number", enforce: ["policy.limits"]),
        ]),
        ItemCoverage("CLI-STORE-01", [
            Part("no credential is in clear in a host config, configs holding secrets are readable only by their owner, and servers get their secrets from the keychain or mcpguard's encrypted store", detect: ["config-secret", "config-permissions"], enforce: ["secrets.reference"]),
        ]),
        ItemCoverage("CLI-STORE-02", [
            Part("host configs that hold secrets are readable only by their owner", detect: ["config-permissions"]),
        ], uncovered: "isolation of the user's other sensitive data in storage and processing"),
        ItemCoverage("CLI-APP-01", [
            Part("what each server offers matches its approved pins", detect: ["pin-changed"]),
        ], uncovered: "the integrity of the host application itself"),
        .attest("CLI-APP-02", "The host application verifies the signatures of its updates."),
        ItemCoverage("CLI-APP-03", [
            Part("the agent's command sandbox is not switched off (Codex sandbox_mode)", detect: ["sandbox-disabled"]),
        ], uncovered: "whether the host application itself runs in a sandbox"),
        ItemCoverage("CLI-AUTH-01", [
            Part("remote servers refuse requests that carry no credentials", detect: ["auth-missing"]),
        ]),
        ItemCoverage("CLI-AUTH-02", [
            Part("remote servers advertise OAuth 2.1 (WWW-Authenticate, RFC 9728 metadata) with PKCE S256", detect: ["auth-metadata", "oauth-pkce"]),
        ], uncovered: "the rest of the OAuth flow: token audience, refresh, redirect URIs"),
        .attest("CLI-AUTH-03", "Web clients send a unique random state parameter with each authorization request."),
        ItemCoverage("CLI-MGMT-01", [
            Part("the tools each server registers are compared with approved pins or a signed directory, and changed or unknown ones are withheld", detect: ["pin-changed", "pin-added", "server-unpinned", "directory-unlisted", "directory-mismatch"], enforce: ["pin.enforce"]),
        ]),
        ItemCoverage("CLI-MGMT-02", [
            Part("updated definitions are re-checked before they are used", detect: ["pin-changed", "pin-added"], enforce: ["pin.enforce"]),
        ], uncovered: "checking for and applying the host's and servers' security updates"),
        ItemCoverage("CLI-MGMT-03", [
            Part("before a tool is used, name conflicts and shadowing are checked; a tool named like a pinned server's is refused", detect: ["name-collision", "tool-shadowing"], enforce: ["pin.collision"]),
        ]),
        ItemCoverage("CLI-MGMT-04", [
            Part("servers whose definitions declare an offensive purpose are reported, and poisoned definitions withheld", detect: ["malicious-purpose"], enforce: ["listing.withhold"]),
        ], uncovered: "malicious behaviour that no definition declares (what the server's code does)"),
        ItemCoverage("CLI-MGMT-05", [
            Part("colliding names are found and refused", detect: ["name-collision"], enforce: ["pin.collision"]),
        ], uncovered: "namespacing of tool names, which is the host's"),
        ItemCoverage("CLI-MGMT-06", [
            Part("configured servers are checked against a signed directory or the lockfile of approved servers", detect: ["directory-unlisted", "directory-mismatch", "server-unpinned"]),
        ]),
        ItemCoverage("CLI-MGMT-07", [
            Part("a name conflict has one rule: the pinned server keeps the name and the newcomer's tool is refused", detect: ["name-collision"], enforce: ["pin.collision"]),
        ]),
        ItemCoverage("CLI-MGMT-08", [
            Part("no server tells the model how to use another server's tools, and the policy can keep a server's tools apart", detect: ["tool-shadowing"], enforce: ["policy.deny"]),
        ], uncovered: "separate hosts or profiles for servers of different domains"),
        ItemCoverage("CLI-MGMT-09", [
            Part("no definition pushes the model to prefer it, and the pinned server wins a name", detect: ["preference-manipulation"], enforce: ["pin.collision"]),
        ]),
        ItemCoverage("CLI-MGMT-10", [
            Part("definitions and packages are versioned: packages pinned, definitions compared with their pins", detect: ["pin-changed", "pin-removed", "unpinned-package"], enforce: ["pin.enforce"]),
        ]),
        ItemCoverage("CLI-MGMT-11", [
            Part("new, removed and unknown servers and tools are found and withheld until approved", detect: ["pin-added", "pin-removed", "server-unpinned"], enforce: ["pin.enforce"]),
        ]),
        ItemCoverage("CLI-MGMT-12", [
            Part("conflicting names across servers are found and refused", detect: ["name-collision"], enforce: ["pin.collision"]),
        ]),
        ItemCoverage("CLI-MGMT-13", [
            Part("tool annotations agree with what the tools do", detect: ["annotation-mismatch"]),
        ], uncovered: "classifying tools by sensitivity and risk (mcpguard's capability labels inform it, but a label is not a classification)"),
        ItemCoverage("CLI-PROMPT-01", [
            Part("definitions and host instruction files carry no planted instructions", detect: ["tool-poisoning", "text-injection"]),
            Part("tool outputs are screened for injection at run time", enforce: ["output.injection"]),
            Part("the host still asks before it runs tools", detect: ["permission-mode"]),
        ], uncovered: "injection in what the user pastes and in content the host reads itself; and what the detectors miss (their recall on unseen data is below the checklist's bar)"),
        ItemCoverage("CLI-PROMPT-02", [
            Part("definitions, host instruction files and hidden text are checked for planted instructions", detect: ["tool-poisoning", "text-injection", "hidden-unicode"]),
            Part("poisoned definitions are withheld at run time", enforce: ["listing.withhold"]),
        ], uncovered: "malicious instructions from the user; and what the detectors miss"),
        .attest("CLI-PROMPT-03", "The host separates system prompts from user input."),
        ItemCoverage("CLI-PROMPT-04", [
            Part("secrets and keys in tool outputs become placeholders before the model reads them", enforce: ["output.redact"]),
        ], uncovered: "personal data in the user's own prompts"),
        ItemCoverage("CLI-PROMPT-05", [
            Part("no tool asks the model for its own context", detect: ["context-harvesting-parameter"]),
            Part("tool outputs are marked as data, not instructions", enforce: ["output.injection"]),
        ], uncovered: "isolation of contexts inside the host"),
        .attest("CLI-PROMPT-06", "The prompts the host and servers use come from reviewed templates."),
        ItemCoverage("CLI-PROMPT-07", [
            Part("tool descriptions and schemas are checked for instructions, hidden content, preference manipulation and context harvesting, and poisoned ones are withheld at run time", detect: ["tool-poisoning", "preference-manipulation", "context-harvesting-parameter", "hidden-unicode", "hidden-markup", "encoded-payload", "excessive-length"], enforce: ["listing.withhold"]),
        ], uncovered: "attacks the detectors miss: their recall on unseen data is below the checklist's bar (docs/detectors.md)"),
        .attest("CLI-PROMPT-08", "Identical prompts give predictable, consistent results across environments."),
        .attest("CLI-PROMPT-09", "The host defines how historical context is cleaned up."),
        ItemCoverage("CLI-LOG-01", [
            Part("every stdio server is behind mcpguard run", detect: ["unguarded-server"]),
            Part("every interaction with it is written to the audit log", enforce: ["audit.log"]),
        ]),
        ItemCoverage("CLI-LOG-02", [
            Part("security events (denials, withheld definitions, redactions, failed confirmations) are written to the audit log", enforce: ["audit.log"]),
        ]),
        .attest("CLI-LOG-03", "Abnormal activity raises an alert."),
        ItemCoverage("CLI-TLS-01", [
            Part("certificate checks are not switched off, and remote servers present a valid certificate for their name", detect: ["tls-verification-disabled", "tls-certificate"]),
        ], uncovered: "certificate pinning"),
        ItemCoverage("CLI-TLS-02", [
            Part("certificate checks are not switched off, and remote servers' chains verify", detect: ["tls-verification-disabled", "tls-certificate"]),
        ]),
        ItemCoverage("CLI-TLS-03", [
            Part("remote servers are reached over TLS 1.2 or later without weak cipher suites", detect: ["insecure-transport", "tls-outdated", "probe-tls-weak-cipher"]),
        ]),
        ItemCoverage("CLI-TLS-04", [
            Part("remote servers refuse outdated protocol versions and weak suites", detect: ["tls-outdated", "probe-tls-weak-cipher"]),
        ], uncovered: "regular review of the TLS configuration"),
        .attest("CLI-TOKEN-01", "Tokens given to the host and servers carry only the scopes they need."),
        ItemCoverage("CLI-APPROVE-01", [
            Part("no blanket auto-approval or confirmation-skipping mode, or the guard's policy denies or asks for the tools that matter", detect: ["auto-approve", "permission-mode"], enforce: ["policy.ask", "policy.deny"]),
        ]),
        ItemCoverage("CLI-APPROVE-02", [
            Part("auto-approvals are limited to reviewed read-only tools", detect: ["auto-approve"]),
        ], uncovered: "keeping the list of auto-approved tools under review"),
        .attest("CLI-APPROVE-03", "Auto-approval policies adjust to the context of a request."),
        ItemCoverage("CLI-APPROVE-04", [
            Part("every confirmation the guard asks, with its answer and scope, is written to the audit log", enforce: ["audit.log"]),
        ], uncovered: "the host's own auto-approvals, which the guard does not see"),
        .attest("CLI-SAMPLE-01", "The host limits what context is included in sampling requests."),
        ItemCoverage("CLI-SAMPLE-02", [
            Part("secrets and keys in sampling requests and results are redacted or refused", enforce: ["outbound.secrets", "output.redact"]),
        ]),
        ItemCoverage("CLI-SAMPLE-03", [
            Part("sampling requests are screened for injected instructions", enforce: ["output.injection"]),
        ], uncovered: "the other parameters of a sampling request (model preferences, token limits)"),
        .attest("CLI-SAMPLE-04", "Users can see and control sampling requests and their results."),
        .attest("CLI-SAMPLE-05", "Model preferences in sampling requests are handled so they cannot be misused."),
        .attest("CLI-SAMPLE-06", "Sampling results are checked before they are returned to the server."),
    ]
}
