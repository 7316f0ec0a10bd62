import Foundation

/// Whether a host name or address means this machine (`localhost`, `*.localhost`, `127.0.0.0/8`, `::1`).
/// Plain HTTP and missing authentication are acceptable there and nowhere else.
public func isLoopbackHost(_ host: String) -> Bool {
    let host = host.lowercased().trimmingCharacters(in: ["[", "]"])
    return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1" || host == "0:0:0:0:0:0:0:1"
}
