/// Every key of a TOML document (Codex's `config.toml`) with the byte range of its value, so an edit can
/// replace one value's bytes.
///
/// Runs only on text `GuardDetect`'s `TOMLSubsetParser` accepted, and reads the same subset. A key is
/// found however it is written: under a `[mcp_servers.NAME]` header, as a dotted key
/// (`mcp_servers.NAME.command = …`) or inside an inline table (`NAME = { command = … }`).
struct TOMLSourceMap: Sendable {
    indirect enum Value: Sendable {
        case string(String)
        case array([(range: Range<Int>, value: Value)])
        case inlineTable
        case other
    }

    struct Entry: Sendable {
        let path: [String]
        /// The whole key as written (`mcp_servers.x.command`), and where its last segment starts.
        let keyRange: Range<Int>
        let lastKeyStart: Int
        let valueRange: Range<Int>
        let value: Value
        /// Where the line the value ends on breaks (its `\r\n` or `\n`), or the end of the text.
        let lineEnd: Int
        /// Inside an inline table: a sibling is added after a comma on the same line, not on a new line.
        let inline: Bool
        /// Under a `[[header]]`: paths there repeat, so they are never edited.
        let inArrayOfTables: Bool
    }

    private(set) var entries: [Entry] = []

    init(bytes: [UInt8]) throws(ConfigEditError) {
        var reader = Reader(bytes: bytes)
        entries = try reader.document()
    }

    func entry(at path: [String]) -> Entry? {
        entries.last { $0.path == path && !$0.inArrayOfTables }
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0
        var entries: [Entry] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func document() throws(ConfigEditError) -> [Entry] {
            var table: [String] = []
            var arrayTable = false
            while true {
                skipBlank()
                guard index < bytes.count else { return entries }
                if bytes[index] == UInt8(ascii: "[") {
                    let array = peek(1) == UInt8(ascii: "[")
                    index += array ? 2 : 1
                    table = try keyPath().segments
                    skipSpaces()
                    guard consume("]"), !array || consume("]") else { throw failure("']'") }
                    arrayTable = array
                    skipLine()
                    continue
                }
                try keyValue(prefix: table, inline: false, arrayTable: arrayTable)
                skipLine()
            }
        }

        private mutating func keyValue(prefix: [String], inline: Bool, arrayTable: Bool) throws(ConfigEditError) {
            let keyStart = index
            let key = try keyPath()
            let keyRange = keyStart..<key.end
            skipSpaces()
            guard consume("=") else { throw failure("'='") }
            skipSpaces()
            let valueStart = index
            let path = prefix + key.segments
            let value = try self.value(path: path, arrayTable: arrayTable)
            let valueRange = valueStart..<index
            var lineEnd = index
            if !inline {
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd > 0, lineEnd <= bytes.count, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            }
            entries.append(Entry(
                path: path, keyRange: keyRange, lastKeyStart: key.lastStart, valueRange: valueRange, value: value,
                lineEnd: lineEnd, inline: inline, inArrayOfTables: arrayTable
            ))
        }

        private mutating func value(path: [String], arrayTable: Bool) throws(ConfigEditError) -> Value {
            guard index < bytes.count else { throw failure("a value") }
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return .string(try string())
            case UInt8(ascii: "["):
                index += 1
                var elements: [(range: Range<Int>, value: Value)] = []
                while true {
                    skipBlank()
                    if consume("]") { return .array(elements) }
                    let start = index
                    let element = try value(path: path + [String(elements.count)], arrayTable: true)
                    elements.append((start..<index, element))
                    skipBlank()
                    if consume(",") { continue }
                    guard consume("]") else { throw failure("',' or ']'") }
                    return .array(elements)
                }
            case UInt8(ascii: "{"):
                index += 1
                skipSpaces()
                if consume("}") { return .inlineTable }
                while true {
                    skipSpaces()
                    try keyValue(prefix: path, inline: true, arrayTable: arrayTable)
                    skipSpaces()
                    if consume(",") { continue }
                    guard consume("}") else { throw failure("',' or '}'") }
                    return .inlineTable
                }
            default:
                let start = index
                while index < bytes.count, !Self.ends(bytes[index]) { index += 1 }
                guard index > start else { throw failure("a value") }
                return .other
            }
        }

        private mutating func keyPath() throws(ConfigEditError) -> (segments: [String], lastStart: Int, end: Int) {
            var segments: [String] = []
            var lastStart = index
            var end = index
            repeat {
                skipSpaces()
                lastStart = index
                guard index < bytes.count else { throw failure("a key") }
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    segments.append(try string())
                } else {
                    let start = index
                    while index < bytes.count, Self.isBareKey(bytes[index]) { index += 1 }
                    guard index > start else { throw failure("a key") }
                    segments.append(String(decoding: bytes[start..<index], as: UTF8.self))
                }
                end = index
                skipSpaces()
            } while consume(".")
            return (segments, lastStart, end)
        }

        /// Decodes the basic, literal or multi-line string at `index` and moves past it.
        private mutating func string() throws(ConfigEditError) -> String {
            let quote = bytes[index]
            let multiline = peek(1) == quote && peek(2) == quote
            index += multiline ? 3 : 1
            if multiline {
                if peek(0) == 0x0D, peek(1) == 0x0A { index += 2 } else if peek(0) == 0x0A { index += 1 }
            }
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote, !multiline || (peek(1) == quote && peek(2) == quote) {
                    index += multiline ? 3 : 1
                    return String(decoding: out, as: UTF8.self)
                }
                guard quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") else {
                    out.append(byte)
                    index += 1
                    continue
                }
                guard let escaped = peek(1) else { break }
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = escaped == UInt8(ascii: "u") ? 4 : 8
                    guard index + count <= bytes.count,
                          let code = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw failure("a unicode escape") }
                    out += Array(String(scalar).utf8)
                    index += count
                case 0x0A, 0x0D, 0x20, 0x09:
                    // A line-ending backslash trims the break and the whitespace after it.
                    index -= 1
                    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                default: out.append(escaped)
                }
            }
            throw failure("the end of a string")
        }

        private mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }

        /// Skips whitespace, line breaks and comments.
        private mutating func skipBlank() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                case UInt8(ascii: "#"): while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                default: return
                }
            }
        }

        /// Skips the rest of a line (spaces and a comment).
        private mutating func skipLine() {
            skipSpaces()
            if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            }
        }

        private mutating func consume(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }

        private func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        static func isBareKey(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        static func ends(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"): true
            default: false
            }
        }

        func failure(_ expected: String) -> ConfigEditError {
            ConfigEditError("byte \(index): expected \(expected)")
        }
    }
}
