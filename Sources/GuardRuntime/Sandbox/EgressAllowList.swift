import Foundation

/// The hosts and ports a sandboxed server may reach through the egress proxy.
///
/// Entries are `host:port`, `*.example.com:443` (subdomains only, never `example.com` itself),
/// `host:*` (any port), IPv4 and bracketed IPv6 literals (`[::1]:8080`) and `localhost:5432`. Names
/// match case-insensitively, a trailing dot is ignored, and a wildcard matches whole labels only
/// (`evilexample.com` is not under `*.example.com`). Addresses match addresses, names match names: an
/// entry for `10.0.0.5` does not admit a name that resolves there.
public struct EgressAllowList: Sendable, Equatable, CustomStringConvertible {
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        public enum Host: Sendable, Equatable {
            case name(String)
            /// Any name with at least one more label in front of this suffix.
            case subdomains(of: String)
            case address(EgressAddress)
        }

        public let host: Host
        /// nil: any port.
        public let port: UInt16?

        public init(host: Host, port: UInt16?) {
            self.host = host
            self.port = port
        }

        /// Whether a connection admitted by this entry may reach a loopback, private or link-local
        /// address: only when the entry names an address or `localhost` itself, since a name's DNS is
        /// not the user's to trust.
        public var permitsInternalAddresses: Bool {
            switch host {
            case .address: true
            case .name(let name): name == "localhost"
            case .subdomains: false
            }
        }

        public func matches(_ target: EgressHost, port: UInt16) -> Bool {
            if let own = self.port, own != port { return false }
            switch (host, target) {
            case (.name(let name), .name(let other)): return name == other
            case (.subdomains(let suffix), .name(let other)): return other.hasSuffix("." + suffix)
            case (.address(let address), .address(let other)): return address == other
            default: return false
            }
        }

        /// The canonical text: `api.example.com:443`, `*.example.com:*`, `[::1]:8080`.
        public var description: String {
            let port = self.port.map(String.init) ?? "*"
            switch host {
            case .name(let name): return "\(name):\(port)"
            case .subdomains(let suffix): return "*.\(suffix):\(port)"
            case .address(let address): return address.isIPv6 ? "[\(address)]:\(port)" : "\(address):\(port)"
            }
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Parses every entry; the first malformed one is the error.
    public init(_ texts: [String]) throws(EgressAllowListError) {
        var entries: [Entry] = []
        for text in texts { entries.append(try Self.parseEntry(text)) }
        self.entries = entries
    }

    /// Parses one entry such as `api.example.com:443`, `*.example.com:*` or `[::1]:8080`.
    public static func parseEntry(_ text: String) throws(EgressAllowListError) -> Entry {
        func fail(_ reason: String) -> EgressAllowListError { EgressAllowListError(entry: text, reason: reason) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw fail("is empty") }
        let hostText: Substring
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { throw fail("has no closing ] for its IPv6 address") }
            hostText = trimmed[...close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":") else { throw fail("needs a port after the address, e.g. [::1]:8080 (or :* for any port)") }
            portText = rest.dropFirst()
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else { throw fail("needs a port, e.g. \(trimmed):443 (or \(trimmed):* for any port)") }
            hostText = trimmed[..<colon]
            portText = trimmed[trimmed.index(after: colon)...]
            if trimmed.contains("://") { throw fail("is a URL; write host:port") }
            if hostText.contains(":") {
                if EgressAddress(hostText) != nil { throw fail("has an IPv6 address without brackets; write it as [address]:port") }
                throw fail("has more than one colon (an IPv6 address goes in brackets: [::1]:8080)")
            }
        }
        let port: UInt16?
        if portText == "*" {
            port = nil
        } else {
            guard let value = parsePort(portText) else { throw fail("has an invalid port \"\(portText)\" (1–65535 or *)") }
            port = value
        }
        if hostText.hasPrefix("*.") {
            guard let suffix = EgressHost.normalizedName(hostText.dropFirst(2)) else { throw fail("has an invalid domain after *.") }
            return Entry(host: .subdomains(of: suffix), port: port)
        }
        if hostText.contains("*") { throw fail("may use * only as a whole first label (*.example.com) or as the port") }
        guard let host = EgressHost(hostText) else {
            if hostText.hasPrefix("[") { throw fail("has an invalid IPv6 address") }
            throw fail("has an invalid host name or address")
        }
        switch host {
        case .name(let name): return Entry(host: .name(name), port: port)
        case .address(let address): return Entry(host: .address(address), port: port)
        }
    }

    /// A decimal port 1–65535 without sign, spaces or more than five digits.
    static func parsePort(_ text: some StringProtocol) -> UInt16? {
        guard (1...5).contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
            (1...65535).contains(value)
        else { return nil }
        return UInt16(value)
    }

    /// The first entry admitting `host` (a name, an IPv4 address, `[v6]` or a bare IPv6 address) on `port`.
    public func match(host: String, port: UInt16) -> Entry? {
        guard let target = EgressHost(host) else { return nil }
        return match(target, port: port)
    }

    public func match(_ target: EgressHost, port: UInt16) -> Entry? {
        entries.first { $0.matches(target, port: port) }
    }

    public func allows(host: String, port: UInt16) -> Bool { match(host: host, port: port) != nil }

    public var description: String { entries.map(\.description).joined(separator: ", ") }
}

/// A malformed allow-list entry, named in the message.
public struct EgressAllowListError: Error, Equatable, CustomStringConvertible {
    public let entry: String
    public let reason: String

    public var description: String { "network allow-list entry \(entry.debugDescription) \(reason)" }
}
