// The LLM, MULTI and CRYPTO parts of ItemCoverage.all.

extension ItemCoverage {
    static let model: [ItemCoverage] = [
        ItemCoverage("LLM-EXEC-01", [
            Part("no definition pushes the model to prefer its tool over the intended one", detect: ["preference-manipulation"]),
        ], uncovered: "the model's own choice of function"),
        ItemCoverage("LLM-EXEC-02", [
            Part("definitions carry no planted instructions", detect: ["tool-poisoning"]),
            Part("outputs are screened for injected instructions at run time", enforce: ["output.injection"]),
        ], uncovered: "what the detectors miss: their recall on unseen data is below the checklist's bar"),
        ItemCoverage("LLM-EXEC-03", [
            Part("calls match the tool's input schema", enforce: ["schema.input"]),
        ], uncovered: "whether the model calls the right tool for the task"),
        ItemCoverage("LLM-EXEC-04", [
            Part("no secret in definitions and no parameter that asks for the model's context", detect: ["secret-in-definition", "context-harvesting-parameter"]),
            Part("secrets and keys are refused in arguments and redacted in outputs", enforce: ["outbound.secrets", "output.redact"]),
        ]),
        ItemCoverage("LLM-MODAL-01", [
            Part("images, audio and binary content are dropped or labelled as unscreened, and text outputs stripped of invisible characters", enforce: ["output.media", "output.strip-hidden"]),
        ], uncovered: "text inside images and audio, which is not read"),
        ItemCoverage("MULTI-01", [
            Part("every installed server's config is read (unreadable ones reported) and its definitions checked for an offensive purpose", detect: ["malicious-purpose", "config-unparseable"]),
        ], uncovered: "scanning periodically (run mcpguard scan on a schedule or in CI)"),
        ItemCoverage("MULTI-02", [
            Part("no definition pushes its tool over others or steers another server's tools; poisoned definitions are withheld and pinned names kept", detect: ["preference-manipulation", "tool-shadowing"], enforce: ["listing.withhold", "pin.collision"]),
        ]),
        ItemCoverage("MULTI-03", [
            Part("no server's definitions steer another server's tools", detect: ["tool-shadowing"]),
            Part("outputs are screened for injected instructions before the model acts on them", enforce: ["output.injection"]),
        ], uncovered: "calls one server's output triggers on another are not tied to their origin"),
    ]

    static let crypto: [ItemCoverage] = [
        ItemCoverage("CRYPTO-01", [
            Part("no private key or mnemonic is written in clear in a host config", detect: ["config-secret"]),
        ], uncovered: "how wallets store their keys (scrypt-encrypted keystores, hardware keys)", applies: .walletServers),
        .attest("CRYPTO-02", "Mnemonics and wallets are generated with a secure random source, offline.", applies: .walletServers),
        ItemCoverage("CRYPTO-03", [
            Part("no key or mnemonic appears in definitions", detect: ["secret-in-definition"]),
            Part("keys and mnemonics are refused in arguments and redacted in outputs", enforce: ["outbound.secrets", "output.redact"]),
        ], applies: .walletServers),
        ItemCoverage("CRYPTO-04", [
            Part("funds tools need a confirmation that opens with the decoded transfer: recipient, amount, asset, chain", enforce: ["policy.ask"]),
        ], applies: .walletServers),
        ItemCoverage("CRYPTO-05", [
            Part("funds tools need an authenticator code (TOTP) besides the confirmation", enforce: ["policy.second-factor"]),
        ], applies: .walletServers),
        .attest("CRYPTO-06", "Wallet data reaches only a locally hosted model, never a third-party model provider.", applies: .walletServers),
        .attest("CRYPTO-07", "Transactions are signed through existing wallets rather than keys held by the server.", applies: .walletServers),
    ]
}
