/// Writes ``JSONValue``s as UTF-8 JSON text.
///
/// Number literals and member order are written as stored, so a parsed value written compactly comes out
/// equal to the input less its insignificant whitespace. Options exist for human-readable output
/// (indentation) and for canonical forms (sorted keys).
public struct JSONWriter: Sendable {
    public struct Options: Sendable {
        /// Spaces per level; `nil` writes compact JSON on one line.
        public var indent: Int?
        /// Sort object keys by their UTF-16 code units (the order RFC 8785 uses).
        public var sortKeys: Bool
        /// Escape `<`, `>` and `&` as `\u003c` etc., so the JSON can sit inside an HTML `<script>` block.
        public var escapeHTML: Bool

        public init(indent: Int? = nil, sortKeys: Bool = false, escapeHTML: Bool = false) {
            self.indent = indent
            self.sortKeys = sortKeys
            self.escapeHTML = escapeHTML
        }

        public static let compact = Options()
        public static let pretty = Options(indent: 2)
    }

    public var options: Options

    public init(options: Options = .compact) {
        self.options = options
    }

    /// The UTF-8 bytes of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, level: 0, into: &output)
        return output
    }

    /// `value` as a string.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, level: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.literal.utf8)
        case .string(let string): Self.writeString(string, escapeHTML: options.escapeHTML, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(level: level + 1, into: &output)
                write(element, level: level + 1, into: &output)
            }
            newline(level: level, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            let keys = options.sortKeys ? object.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) } : object.keys
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                newline(level: level + 1, into: &output)
                Self.writeString(key, escapeHTML: options.escapeHTML, into: &output)
                output.append(UInt8(ascii: ":"))
                if options.indent != nil { output.append(UInt8(ascii: " ")) }
                write(object[key]!, level: level + 1, into: &output)
            }
            newline(level: level, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(level: Int, into output: inout [UInt8]) {
        guard let indent = options.indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// Writes `string` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as raw UTF-8.
    public static func writeString(_ string: String, escapeHTML: Bool = false, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20, 0x7F: appendUnicodeEscape(byte, into: &output)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                if escapeHTML { appendUnicodeEscape(byte, into: &output) } else { output.append(byte) }
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendUnicodeEscape(_ byte: UInt8, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
    }
}

extension JSONValue {
    /// Compact JSON text of this value.
    public var jsonString: String { JSONWriter().string(self) }

    /// Indented JSON text of this value (two spaces), for people to read.
    public var prettyJSONString: String { JSONWriter(options: .pretty).string(self) }
}
