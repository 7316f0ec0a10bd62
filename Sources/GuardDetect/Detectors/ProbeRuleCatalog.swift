import GuardCore

/// Rules reported by `mcpguard probe`: active, opt-in checks that send a server deliberately wrong requests
/// and judge how it answers. They serve checklist items only a running server can show (robust parsing,
/// refusals, what errors reveal), so their findings are evidence rather than a reading of definitions.
extension Rules {
    public static let probeRobustness = RuleDescriptor(
        id: "probe-robustness", name: "Server not robust to bad messages",
        summary: "Sent malformed JSON, parameters of the wrong type, an unknown method, a message of a few megabytes or one nested 10,000 deep, the server crashed, stopped answering, or answered with a success instead of an error.",
        remediation: "Parse every message defensively: answer what cannot be parsed or validated with a JSON-RPC error (-32700, -32600, -32601, -32602), cap message size and nesting depth, and never let one request take the process down.",
        defaultSeverity: .medium, checklist: ["SRV-API-01", "SRV-PLAT-04"], kind: .probe
    )
    public static let probeProtocolVersion = RuleDescriptor(
        id: "probe-protocol-version", name: "Protocol version not negotiated safely",
        summary: "An initialize with an unknown future protocolVersion, or with one of the wrong type, crashed the server, went unanswered, or was accepted as if that version existed.",
        remediation: "Answer initialize with a protocol version the server supports (or an error), whatever version string or type the client sends.",
        defaultSeverity: .medium, checklist: ["SRV-PLAT-04"], kind: .probe
    )
    public static let probeErrorLeakage = RuleDescriptor(
        id: "probe-error-leakage", name: "Errors leak internals",
        summary: "The errors the server returned to the probe's bad requests carry a stack trace, an absolute file-system path or a secret.",
        remediation: "Return short, generic error messages to clients; log details (tracebacks, paths) on the server side only, and never put credentials in an error.",
        defaultSeverity: .medium, checklist: ["SRV-TOOL-08"], kind: .probe
    )
    public static let probeInputValidation = RuleDescriptor(
        id: "probe-input-validation", name: "Schema-violating tool arguments accepted",
        summary: "A tool called with arguments that break its own inputSchema (a required member missing, a value of the wrong type, an extra member where additionalProperties is false) ran instead of refusing.",
        remediation: "Validate every tool call against the tool's inputSchema before acting on it and answer a violation with an error (isError: true or -32602).",
        defaultSeverity: .medium, checklist: ["SRV-TOOL-03", "SRV-API-01"], kind: .probe
    )
    public static let probeResourceBoundary = RuleDescriptor(
        id: "probe-resource-boundary", name: "Resource read outside the server's boundary",
        summary: "resources/read of file:///etc/passwd, of a ../ traversal, or of a resource template filled with ../ returned the contents of a file the server does not list.",
        remediation: "Serve only the resources the server lists: resolve every URI and template parameter, refuse .. segments and anything outside the served root.",
        defaultSeverity: .high, checklist: ["SRV-RES-01", "SRV-RES-03", "SRV-ISO-02"], kind: .probe
    )
    public static let probeTLSWeakCipher = RuleDescriptor(
        id: "probe-tls-weak-cipher", name: "Weak TLS cipher suite accepted",
        summary: "The server completes a TLS 1.2 handshake with a suite without forward secrecy (RSA key exchange) or with CBC and SHA-1.",
        remediation: "Offer only ECDHE suites with AEAD ciphers (AES-GCM, ChaCha20-Poly1305) on TLS 1.2, and prefer TLS 1.3.",
        defaultSeverity: .medium, checklist: ["CLI-TLS-03", "CLI-TLS-04"], kind: .probe
    )
    public static let probeSessionID = RuleDescriptor(
        id: "probe-session-id", name: "Weak or unbound session ids",
        summary: "Mcp-Session-Id values from several initialize calls are short, of low entropy, sequential or reused, or a session id keeps working without the credentials it was issued to.",
        remediation: "Issue session ids from a cryptographically secure random source (at least 128 bits), never reuse them, and bind each session to the authenticated caller.",
        defaultSeverity: .medium, checklist: ["SRV-AUTH-01", "SRV-DATA-03"], kind: .probe
    )
    public static let probeRateLimit = RuleDescriptor(
        id: "probe-rate-limit", name: "No rate limiting",
        summary: "A short burst of requests never met a 429 or 503 answer or a Retry-After header.",
        remediation: "Throttle callers per client or session and answer an excess with 429 and Retry-After.",
        defaultSeverity: .low, checklist: ["SRV-API-02"], kind: .probe
    )
    public static let probeCORS = RuleDescriptor(
        id: "probe-cors", name: "Permissive CORS",
        summary: "A preflight or a request from a foreign Origin is answered with Access-Control-Allow-Origin: * or with that origin echoed back, so any web page may read the server's answers (worse with Allow-Credentials: true).",
        remediation: "Send CORS headers only for the origins you serve, never echo an arbitrary Origin, and never combine a wildcard or echoed origin with credentials.",
        defaultSeverity: .medium, checklist: ["SRV-AUTH-01"], kind: .probe
    )

    /// Every rule `mcpguard probe` can report besides the transport probes in ``probes``.
    public static let activeProbes: [RuleDescriptor] = [
        probeRobustness, probeProtocolVersion, probeErrorLeakage, probeInputValidation, probeResourceBoundary,
        probeTLSWeakCipher, probeSessionID, probeRateLimit, probeCORS,
    ]
}
