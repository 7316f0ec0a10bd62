import GuardDetect

/// ``ConfigTextEditor`` for Codex's TOML config (`[mcp_servers.NAME]` with `command = …`, `args = [...]`).
///
/// The text must first pass `TOMLSubsetParser` (what discovery reads it with), so a broken file is refused
/// with its line before anything is touched. Values are written as basic strings.
public struct TOMLConfigEditor: ConfigTextEditor {
    public private(set) var bytes: [UInt8]
    private var map: TOMLSourceMap

    /// - Throws: ``ConfigEditError`` naming the line where the text is not TOML the parser reads.
    public init(bytes: [UInt8]) throws(ConfigEditError) {
        try Self.validate(bytes, what: "not valid TOML")
        self.bytes = bytes
        self.map = try TOMLSourceMap(bytes: bytes)
    }

    public func string(at path: [String]) -> String? {
        guard case .string(let value)? = map.entry(at: path)?.value else { return nil }
        return value
    }

    public func strings(at path: [String]) -> [String]? {
        guard case .array(let elements)? = map.entry(at: path)?.value else { return nil }
        var result: [String] = []
        for element in elements {
            guard case .string(let value) = element.value else { return nil }
            result.append(value)
        }
        return result
    }

    public func contains(_ path: [String]) -> Bool { map.entry(at: path) != nil }

    public func literal(at path: [String]) -> String? {
        map.entry(at: path).map { String(decoding: bytes[$0.valueRange], as: UTF8.self) }
    }

    public mutating func replaceString(at path: [String], with value: String) throws(ConfigEditError) {
        guard let entry = map.entry(at: path) else { throw .missing(path) }
        try splice(entry.valueRange, with: Self.encode(value))
    }

    @discardableResult
    public mutating func setStrings(at path: [String], to values: [String], after sibling: String) throws(ConfigEditError) -> String? {
        let literals = values.map(Self.encode)
        if let entry = map.entry(at: path) {
            try splice(entry.valueRange, with: ConfigPath.array(literals, like: bytes[entry.valueRange], in: bytes, at: entry.valueRange.lowerBound))
            return nil
        }
        guard let key = path.last, let anchor = map.entry(at: Array(path.dropLast()) + [sibling]) else {
            throw .missing(Array(path.dropLast()) + [sibling])
        }
        let array = ConfigPath.array(literals, like: nil, in: bytes, at: nil)
        let inserted: [UInt8]
        let at: Int
        if anchor.inline {
            // Inline tables stay on one line: `, args = [...]` after the sibling's value.
            inserted = Array(", ".utf8) + Self.encodeKey(key) + Array(" = ".utf8) + array
            at = anchor.valueRange.upperBound
        } else {
            // A line of its own after the sibling's line, spelled with the sibling's key prefix
            // (`mcp_servers.x.` for a dotted key) and indentation.
            let indent = ConfigPath.indentation(before: anchor.keyRange.lowerBound, in: bytes) ?? []
            inserted = ConfigPath.newline(in: bytes) + indent + Array(bytes[anchor.keyRange.lowerBound..<anchor.lastKeyStart])
                + Self.encodeKey(key) + Array(" = ".utf8) + array
            at = anchor.lineEnd
        }
        try splice(at..<at, with: inserted)
        return String(decoding: inserted, as: UTF8.self)
    }

    public mutating func replaceLiteral(at path: [String], with literal: String) throws(ConfigEditError) {
        guard let entry = map.entry(at: path) else { throw .missing(path) }
        try splice(entry.valueRange, with: Array(literal.utf8))
    }

    public mutating func removeInserted(_ text: String, after sibling: [String]) -> Bool {
        guard let anchor = map.entry(at: sibling) else { return false }
        let start = anchor.inline ? anchor.valueRange.upperBound : anchor.lineEnd
        let needle = Array(text.utf8)
        guard start + needle.count <= bytes.count, Array(bytes[start..<start + needle.count]) == needle else { return false }
        return (try? splice(start..<start + needle.count, with: [])) != nil
    }

    private mutating func splice(_ range: Range<Int>, with replacement: [UInt8]) throws(ConfigEditError) {
        var edited = bytes
        edited.replaceSubrange(range, with: replacement)
        try Self.validate(edited, what: "the edit would break the TOML")
        map = try TOMLSourceMap(bytes: edited)
        bytes = edited
    }

    private static func validate(_ bytes: [UInt8], what: String) throws(ConfigEditError) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ConfigEditError("\(what): not UTF-8 text") }
        do {
            _ = try TOMLSubsetParser.parse(text)
        } catch {
            throw ConfigEditError("\(what): \(error)")
        }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func encode(_ value: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\t": out += Array("\\t".utf8)
            case "\r": out += Array("\\r".utf8)
            case "\u{08}": out += Array("\\b".utf8)
            case "\u{0C}": out += Array("\\f".utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// A key bare when it can be, quoted otherwise.
    static func encodeKey(_ key: String) -> [UInt8] {
        let bytes = Array(key.utf8)
        return !bytes.isEmpty && bytes.allSatisfy(TOMLSourceMap.Reader.isBareKey) ? bytes : encode(key)
    }
}
