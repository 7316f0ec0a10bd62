#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Name resolution for the egress proxy, done outside the sandbox.
public enum EgressResolver {
    /// `getaddrinfo` for TCP over IPv4 and IPv6, in the system's preferred order, duplicates removed.
    /// It blocks for as long as the system resolver takes (its own timeouts bound it).
    @Sendable public static func system(_ name: String) throws -> [EgressAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = POSIXSocket.streamType
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw EgressError("\(name) does not resolve: \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var addresses: [EgressAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let raw = entry.pointee.ai_addr {
                if entry.pointee.ai_family == AF_INET {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
                    }
                    addresses.append(EgressAddress(bytes: bytes))
                } else if entry.pointee.ai_family == AF_INET6 {
                    let bytes = raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                    }
                    addresses.append(EgressAddress(bytes: bytes))
                }
            }
            cursor = entry.pointee.ai_next
        }
        var seen = Set<EgressAddress>()
        return addresses.filter { seen.insert($0).inserted }
    }
}
