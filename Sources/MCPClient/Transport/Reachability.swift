import Foundation
import NIOCore
import NIOPosix

/// A TCP connect to a remote server's host and port before the first HTTP request.
///
/// The HTTP client retries refused connections until a request's deadline, which would turn "nothing
/// listens there" into a vague timeout; one plain connect says exactly what is wrong, at once.
enum Reachability {
    static func check(url: String, timeout: Duration) async throws {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw TransportError("\(url) is not a valid URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw TransportError("\(url) is not an http:// or https:// URL")
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let milliseconds = max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(milliseconds))
                .connect(host: host, port: port).get()
            try? await channel.close()
        } catch {
            throw TransportError("cannot reach \(url): \(describe(error))")
        }
    }

    /// A short reason for a network error ("connection refused", "TLS failed: …"), shared by the
    /// pre-check and the HTTP transports.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") { return "connection refused" }
        if text.contains("connectTimeout") || text.contains("timed out") { return "connection timed out" }
        if text.contains("NXDOMAIN") || text.contains("unknown host") || text.contains("getaddrinfo") || text.contains("resolve") {
            return "the host name does not resolve"
        }
        if text.contains("NIOSSL") || text.contains("handshake") || text.contains("certificate") { return "TLS failed: \(text)" }
        return text
    }
}
