import Crypto
import Foundation

/// What a server *is*, independent of the name a host config gives it: the command line that would run
/// (with the names, not values, of its environment) or the normalised URL. Renaming a server keeps its
/// identity; changing its command makes it a different server.
public struct ServerIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `stdio:<32 hex>` or `remote:<normalised URL>`.
    public let key: String
    /// A person-readable form: the command line or the URL.
    public let display: String

    public static func < (lhs: ServerIdentity, rhs: ServerIdentity) -> Bool { lhs.key < rhs.key }
    public var description: String { display }

    /// The identity of a stdio server.
    public static func stdio(command: String, arguments: [String], environmentNames: [String]) -> ServerIdentity {
        let canonical: JSONValue = [
            "command": .string(command),
            "args": .array(arguments.map(JSONValue.string)),
            "env": .array(Set(environmentNames).sorted().map(JSONValue.string)),
        ]
        let digest = SHA256.hash(data: JSONWriter(options: .init(sortKeys: true)).bytes(canonical))
        let hex = Hex.encode(digest.prefix(16))
        let envPart = environmentNames.isEmpty ? "" : " [env: \(Set(environmentNames).sorted().joined(separator: ", "))]"
        return ServerIdentity(key: "stdio:\(hex)", display: ([command] + arguments).joined(separator: " ") + envPart)
    }

    /// The identity of a remote server: scheme and host lowercased, default port, user info, fragment and a
    /// trailing slash dropped, query parameters sorted.
    public static func remote(url: String) -> ServerIdentity {
        let normalized = normalize(url)
        return ServerIdentity(key: "remote:\(normalized)", display: normalized)
    }

    public static func of(_ server: ServerInventory, environmentNames: [String] = []) -> ServerIdentity {
        switch server.transport {
        case .stdio: stdio(command: server.command ?? "", arguments: server.args, environmentNames: environmentNames)
        case .http, .sse: remote(url: server.url ?? "")
        }
    }

    static func normalize(_ url: String) -> String {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)), components.host != nil else { return url }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        components.user = nil
        components.password = nil
        components.fragment = nil
        if (components.scheme == "https" && components.port == 443) || (components.scheme == "http" && components.port == 80) {
            components.port = nil
        }
        if components.path.count > 1, components.path.hasSuffix("/") { components.path.removeLast() }
        if components.path.isEmpty { components.path = "/" }
        if let items = components.queryItems, !items.isEmpty {
            components.queryItems = items.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        } else {
            components.query = nil
        }
        return components.string ?? url
    }
}
