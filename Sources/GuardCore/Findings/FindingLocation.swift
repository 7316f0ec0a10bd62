/// Where a finding points: a config file and line, and/or a field inside a server's inventory.
public struct FindingLocation: Sendable, Hashable {
    /// The config file (or snapshot) the finding comes from, as given or discovered.
    public var file: String?
    /// 1-based line in `file`, when known.
    public var line: Int?
    /// JSON Pointer (RFC 6901) into the server's inventory entry, e.g. `/tools/3/description`.
    public var pointer: String?

    public init(file: String? = nil, line: Int? = nil, pointer: String? = nil) {
        self.file = file
        self.line = line
        self.pointer = pointer
    }

    /// `path:line#pointer`, omitting what is unknown.
    public var description: String {
        var text = file ?? ""
        if let line, file != nil { text += ":\(line)" }
        if let pointer { text += (text.isEmpty ? "" : " ") + pointer }
        return text
    }

    /// Escapes one reference token of a JSON Pointer.
    public static func pointerToken(_ token: String) -> String {
        // Most tokens need no escaping; Foundation's replacing cost 15 % of a full detection pass.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Builds a JSON Pointer from tokens (numbers for array indexes).
    public static func pointer(_ tokens: [CustomStringConvertible]) -> String {
        tokens.map { "/" + pointerToken($0.description) }.joined()
    }
}
