import GuardCore

/// ``ConfigTextEditor`` for JSON and JSONC host configs.
///
/// The text must first pass `GuardCore`'s parser with the `.jsonc` options (what discovery reads configs
/// with), so a broken file is refused with its line and column before anything is touched. Each edit
/// splices one value's bytes and maps the document again: config files are small, and a fresh map after
/// every edit cannot go stale.
public struct JSONConfigEditor: ConfigTextEditor {
    public private(set) var bytes: [UInt8]
    private var map: JSONSourceMap

    /// - Throws: ``ConfigEditError`` naming the line and column where the text is not JSON(C).
    public init(bytes: [UInt8]) throws(ConfigEditError) {
        do {
            _ = try JSONParser(options: .jsonc).parse(bytes)
        } catch {
            throw ConfigEditError("not valid JSON: \(error)")
        }
        self.bytes = bytes
        self.map = try JSONSourceMap(bytes: bytes)
    }

    public func string(at path: [String]) -> String? {
        guard case .string(_, let value)? = map.node(at: path) else { return nil }
        return value
    }

    public func strings(at path: [String]) -> [String]? {
        guard case .array(_, let elements)? = map.node(at: path) else { return nil }
        var result: [String] = []
        for element in elements {
            guard case .string(_, let value) = element else { return nil }
            result.append(value)
        }
        return result
    }

    public func contains(_ path: [String]) -> Bool { map.node(at: path) != nil }

    public func literal(at path: [String]) -> String? {
        map.node(at: path).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    public mutating func replaceString(at path: [String], with value: String) throws(ConfigEditError) {
        guard let node = map.node(at: path) else { throw .missing(path) }
        try splice(node.range, with: Self.encode(value))
    }

    @discardableResult
    public mutating func setStrings(at path: [String], to values: [String], after sibling: String) throws(ConfigEditError) -> String? {
        let literals = values.map(Self.encode)
        if let node = map.node(at: path) {
            let rendered = ConfigPath.array(literals, like: bytes[node.range], in: bytes, at: node.range.lowerBound)
            try splice(node.range, with: rendered)
            return nil
        }
        guard let key = path.last, let anchor = map.member(at: Array(path.dropLast()) + [sibling]) else {
            throw .missing(Array(path.dropLast()) + [sibling])
        }
        // `, "args": [...]` right after the sibling's value: valid whether a comma, a comment or the closing
        // brace follows. On its own line, indented like the sibling, when the sibling starts its line.
        var inserted: [UInt8] = [UInt8(ascii: ",")]
        if let indent = ConfigPath.indentation(before: anchor.keyRange.lowerBound, in: bytes) {
            inserted += ConfigPath.newline(in: bytes) + indent
        } else {
            inserted.append(0x20)
        }
        inserted += Self.encode(key) + Array(": ".utf8) + ConfigPath.array(literals, like: nil, in: bytes, at: nil)
        try splice(anchor.value.range.upperBound..<anchor.value.range.upperBound, with: inserted)
        return String(decoding: inserted, as: UTF8.self)
    }

    public mutating func replaceLiteral(at path: [String], with literal: String) throws(ConfigEditError) {
        guard let node = map.node(at: path) else { throw .missing(path) }
        try splice(node.range, with: Array(literal.utf8))
    }

    public mutating func removeInserted(_ text: String, after sibling: [String]) -> Bool {
        guard let anchor = map.node(at: sibling) else { return false }
        let start = anchor.range.upperBound
        let needle = Array(text.utf8)
        guard start + needle.count <= bytes.count, Array(bytes[start..<start + needle.count]) == needle else { return false }
        return (try? splice(start..<start + needle.count, with: [])) != nil
    }

    /// Replaces `range` and maps the result again; an edit that would leave invalid JSON is undone.
    private mutating func splice(_ range: Range<Int>, with replacement: [UInt8]) throws(ConfigEditError) {
        var edited = bytes
        edited.replaceSubrange(range, with: replacement)
        do {
            _ = try JSONParser(options: .jsonc).parse(edited)
        } catch {
            throw ConfigEditError("the edit would break the JSON (\(error))")
        }
        map = try JSONSourceMap(bytes: edited)
        bytes = edited
    }

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    static func encode(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.writeString(value, into: &out)
        return out
    }
}
