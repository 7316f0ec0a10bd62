#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as raw bytes.
///
/// Text is parsed strictly (`inet_pton`: a dotted quad, RFC 4291 for IPv6, no zone), so `127.1`,
/// `0x7f.0.0.1` or `2130706433` are never taken for an address. Comparing bytes makes `[::1]` and
/// `[0:0::1]` the same entry.
public struct EgressAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes (IPv4) or 16 (IPv6), network order.
    public let bytes: [UInt8]

    public init?(_ text: some StringProtocol) {
        var storage = [UInt8](repeating: 0, count: 16)
        let string = String(text)
        if string.contains("."), !string.contains(":") {
            guard inet_pton(AF_INET, string, &storage) == 1 else { return nil }
            bytes = Array(storage.prefix(4))
        } else if string.contains(":") {
            guard inet_pton(AF_INET6, string, &storage) == 1 else { return nil }
            bytes = storage
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) {
        precondition(bytes.count == 4 || bytes.count == 16)
        self.bytes = bytes
    }

    public var isIPv6: Bool { bytes.count == 16 }

    /// `10.0.0.1` or `::1` (without brackets).
    public var description: String {
        var text = [CChar](repeating: 0, count: 64)
        let family = isIPv6 ? AF_INET6 : AF_INET
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &text, socklen_t(text.count)) }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Why a *name* must not lead here (DNS rebinding), or nil for a public address.
    ///
    /// An attacker who controls a name's DNS can point it at the machine itself or the local network;
    /// only an allow-list entry that names an address or `localhost` may reach those.
    public var internalKind: String? {
        if !isIPv6 { return Self.kind(ipv4: bytes) }
        let prefix10 = bytes.prefix(10).allSatisfy { $0 == 0 }
        if bytes.allSatisfy({ $0 == 0 }) { return "unspecified" }
        if bytes.prefix(15).allSatisfy({ $0 == 0 }), bytes[15] == 1 { return "loopback" }
        // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4 address.
        if prefix10, (bytes[10] == 0xFF && bytes[11] == 0xFF) || (bytes[10] == 0 && bytes[11] == 0) {
            return Self.kind(ipv4: Array(bytes[12..<16]))
        }
        // NAT64 (64:ff9b::/96) translates to the embedded IPv4 address.
        if bytes[0] == 0x00, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return Self.kind(ipv4: Array(bytes[12..<16]))
        }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return "link-local" }
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0xC0 { return "private" }  // site-local, deprecated
        if bytes[0] & 0xFE == 0xFC { return "private" }  // unique local fc00::/7
        if bytes[0] == 0xFF { return "multicast" }
        return nil
    }

    private static func kind(ipv4 b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): return "unspecified"
        case (127, _): return "loopback"
        case (10, _), (172, 16...31), (192, 168): return "private"
        case (100, 64...127): return "private"  // shared address space (carrier NAT)
        case (169, 254): return "link-local"
        case (224...255, _): return "multicast or reserved"
        default: return nil
        }
    }
}

/// A host as the allow-list and requests name it: a lower-case DNS name or an IP address.
public enum EgressHost: Sendable, Hashable, CustomStringConvertible {
    case name(String)
    case address(EgressAddress)

    /// Parses `example.com`, `Example.COM.` (one trailing dot ignored), `10.0.0.1`, `[::1]` or `::1`;
    /// nil for anything else (bad labels, `127.1`, an all-digit last label, a zone id).
    public init?(_ text: some StringProtocol) {
        if text.hasPrefix("[") {
            guard text.hasSuffix("]"), text.count > 2, let address = EgressAddress(text.dropFirst().dropLast()), address.isIPv6 else { return nil }
            self = .address(address)
            return
        }
        if text.contains(":") {
            guard let address = EgressAddress(text), address.isIPv6 else { return nil }
            self = .address(address)
            return
        }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            guard let address = EgressAddress(text) else { return nil }
            self = .address(address)
            return
        }
        guard let name = Self.normalizedName(text) else { return nil }
        self = .name(name)
    }

    /// A DNS name in lower case without its trailing dot, or nil when it is not one: labels of 1–63
    /// letters, digits, `-` or `_`, at most 253 bytes, and a last label that is not all digits.
    static func normalizedName(_ text: some StringProtocol) -> String? {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.utf8.count),
                label.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F })
            else { return nil }
        }
        if labels.last!.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return nil }
        return name
    }

    /// `example.com`, `10.0.0.1` or `::1`.
    public var description: String {
        switch self {
        case .name(let name): name
        case .address(let address): address.description
        }
    }

    /// `example.com:443` or `[::1]:8080`, as messages show a target.
    public func authority(port: UInt16) -> String {
        if case .address(let address) = self, address.isIPv6 { return "[\(address)]:\(port)" }
        return "\(self):\(port)"
    }

    var isLocalhost: Bool { self == .name("localhost") }
}
