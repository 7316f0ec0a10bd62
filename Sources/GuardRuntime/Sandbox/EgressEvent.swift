/// One connection through the egress proxy, reported when it ends (the integrator's audit record).
///
/// It names the destination, never the path or headers: a URL's query often carries a token.
public struct EgressEvent: Sendable, Equatable, CustomStringConvertible {
    public enum Outcome: Sendable, Equatable {
        /// Admitted and relayed (possibly ended by an idle timeout or `stop()`; see `closing`).
        case relayed
        /// Refused by the allow-list or the DNS-rebinding defence (answered 403).
        case refused(String)
        /// Not a request the proxy accepts (answered 400, 408, 431 or 501, or the client left first).
        case malformed(String)
        /// Admitted, but the destination could not be reached (answered 502 or 504).
        case failed(String)
    }

    /// `CONNECT`, `GET`, … or empty when no request line arrived.
    public var method: String
    /// The target host (`example.com`, `10.0.0.1`, `::1`), empty when unknown.
    public var host: String
    /// 0 when unknown.
    public var port: UInt16
    public var outcome: Outcome
    /// The status mcpguard answered with (200 for an established tunnel), nil when the answer was the
    /// upstream's own (plain HTTP) or none was sent.
    public var status: Int?
    /// Bytes delivered to the destination (for plain HTTP, the rewritten head included) and to the client.
    public var bytesUp: UInt64
    public var bytesDown: UInt64
    public var duration: Duration
    /// Why a relayed connection ended when it was not a normal close: `idle timeout`, `proxy stopped`, …
    public var closing: String?

    public var allowed: Bool {
        switch outcome {
        case .relayed, .failed: true
        case .refused, .malformed: false
        }
    }

    /// The refusal or failure reason, nil for a relayed connection.
    public var reason: String? {
        switch outcome {
        case .relayed: nil
        case .refused(let reason), .malformed(let reason), .failed(let reason): reason
        }
    }

    public var description: String {
        let target = host.isEmpty ? "?" : EgressHost(host)?.authority(port: port) ?? "\(host):\(port)"
        let verdict = reason.map { "\(allowed ? "failed" : "refused"): \($0)" } ?? "relayed"
        return "\(method.isEmpty ? "-" : method) \(target) \(verdict) up=\(bytesUp) down=\(bytesDown) \(duration)"
    }
}
