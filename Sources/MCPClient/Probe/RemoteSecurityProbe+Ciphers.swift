import Foundation
import GuardCore
import GuardDetect
import NIOSSL

/// TLS cipher suites: a TLS 1.2 handshake offering only weak suites. BoringSSL (NIOSSL) no longer speaks
/// RC4, 3DES or export suites, so "weak" here is what it can still offer: RSA key exchange (no forward
/// secrecy) and CBC with SHA-1.
extension RemoteSecurityProbe {
    static let weakSuites: [(NIOTLSCipher, String)] = [
        (.TLS_RSA_WITH_AES_128_CBC_SHA, "TLS_RSA_WITH_AES_128_CBC_SHA"), (.TLS_RSA_WITH_AES_256_CBC_SHA, "TLS_RSA_WITH_AES_256_CBC_SHA"),
        (.TLS_RSA_WITH_AES_128_GCM_SHA256, "TLS_RSA_WITH_AES_128_GCM_SHA256"), (.TLS_RSA_WITH_AES_256_GCM_SHA384, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
        (.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), (.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
        (.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"), (.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
    ]

    /// The weak-suite check's result for an https URL (skipped for anything else). One handshake per
    /// family (RSA key exchange, CBC-SHA1) so the finding can name what was accepted.
    public func weakCipherCheck(url: String) async -> ProbeCheckResult {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https", let host = components.host else {
            return .skipped(Rules.probeTLSWeakCipher, "plain HTTP: there is no TLS to check")
        }
        let port = components.port ?? 443
        var problems: [ProbeProblem] = []
        let families: [(String, [(NIOTLSCipher, String)])] = [
            ("RSA key exchange (no forward secrecy)", Array(Self.weakSuites.prefix(4))),
            ("CBC with SHA-1", Array(Self.weakSuites.suffix(4))),
        ]
        for (family, suites) in families {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            configuration.minimumTLSVersion = .tlsv12
            configuration.maximumTLSVersion = .tlsv12
            configuration.cipherSuiteValues = suites.map(\.0)
            if await handshake(host: host, port: port, configuration: configuration) == nil {
                problems.append(ProbeProblem(message: "accepts a TLS 1.2 handshake offering only \(family) suites",
                                             evidence: suites.map(\.1).joined(separator: ", "), key: "weak:\(family)"))
            }
        }
        return ProbeCheckResult(rule: Rules.probeTLSWeakCipher.id, ran: true,
                                detail: "offered TLS 1.2 handshakes with only RSA-key-exchange suites, then only CBC-SHA1 suites", problems: problems)
    }
}
