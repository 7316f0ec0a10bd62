/// A strict RFC 8259 JSON parser that works on bytes.
///
/// It is written here rather than borrowed from Foundation because mcpguard needs what Foundation
/// does not give: number literals kept exactly, member order kept, duplicate keys detected (two parsers
/// that disagree on `{"a":1,"a":2}` are a classic smuggling vector), bounded depth and size, and errors
/// that point at the line and column where the input broke.
///
/// Duplicate keys are rejected by default. ``Options/duplicateKeys`` can be set to ``DuplicateKeyPolicy/lastWins``
/// for lenient inputs such as host config files, where editors tolerate them.
public struct JSONParser: Sendable {
    public enum DuplicateKeyPolicy: Sendable {
        /// Fail with ``JSONParseError/Reason/duplicateKey(_:)``.
        case reject
        /// Keep the last value, as JavaScript does.
        case lastWins
    }

    public struct Options: Sendable {
        /// Documents larger than this many bytes are refused before parsing.
        public var maxBytes: Int
        /// Arrays and objects nested deeper than this are refused.
        public var maxDepth: Int
        public var duplicateKeys: DuplicateKeyPolicy
        /// Accept `//` and `/* */` comments (JSONC, as VS Code and Zed configs use).
        public var allowComments: Bool
        /// Accept a comma before `]` or `}` (JSONC).
        public var allowTrailingCommas: Bool

        public init(
            maxBytes: Int = 64 * 1024 * 1024,
            maxDepth: Int = 256,
            duplicateKeys: DuplicateKeyPolicy = .reject,
            allowComments: Bool = false,
            allowTrailingCommas: Bool = false
        ) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.duplicateKeys = duplicateKeys
            self.allowComments = allowComments
            self.allowTrailingCommas = allowTrailingCommas
        }

        /// RFC 8259 with duplicate keys rejected.
        public static let strict = Options()
        /// JSON with comments and trailing commas, last duplicate wins: what editors accept in config files.
        public static let jsonc = Options(duplicateKeys: .lastWins, allowComments: true, allowTrailingCommas: true)
    }

    public var options: Options

    public init(options: Options = .strict) {
        self.options = options
    }

    /// Parses one JSON value that must fill the whole input (surrounding whitespace allowed).
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let options = self.options
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, options: options)
            do throws(JSONParseError) {
                return .success(try reader.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a string's UTF-8 bytes.
    public func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(string.utf8))
    }

    /// Parses with the default strict options.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses a string with the default strict options.
    public static func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(Array(string.utf8))
    }
}

extension JSONParser {
    /// The cursor over the input. Kept separate from `JSONParser` so the parser stays a value users can
    /// hold while each parse gets its own mutable state.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let options: Options
        var index = 0
        var depth = 0
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, options: Options) {
            self.bytes = bytes
            self.options = options
        }

        mutating func parseDocument() throws(JSONParseError) -> JSONValue {
            guard bytes.count <= options.maxBytes else {
                throw error(.tooLarge(size: bytes.count, limit: options.maxBytes), at: 0)
            }
            if options.allowComments, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                index = 3  // editors write a BOM now and then; strict JSON refuses it below
            }
            try skipWhitespace()
            let value = try parseValue(expected: "a JSON value")
            try skipWhitespace()
            guard index == bytes.count else { throw error(.trailingContent, at: index) }
            return value
        }

        // MARK: Values

        /// `expected` is built only for an error: a member's description interpolates its key.
        mutating func parseValue(expected: @autoclosure () -> String) throws(JSONParseError) -> JSONValue {
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: expected()), at: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw unexpected(expected: expected())
            }
        }

        mutating func parseObject() throws(JSONParseError) -> JSONValue {
            try enterContainer()
            index += 1  // {
            var object = JSONObject()
            try skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(object)
            }
            while true {
                guard index < bytes.count else { throw error(.unexpectedEnd(expected: "an object key"), at: index) }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    throw unexpected(expected: "a string key in double quotes")
                }
                let keyOffset = index
                let key = try parseString()
                try skipWhitespace()
                try expect(UInt8(ascii: ":"), expected: "':' after an object key")
                try skipWhitespace()
                let value = try parseValue(expected: "a value for key \"\(key)\"")
                if object.contains(key), options.duplicateKeys == .reject {
                    throw error(.duplicateKey(key), at: keyOffset)
                }
                object[key] = value
                try skipWhitespace()
                guard index < bytes.count else {
                    throw error(.unexpectedEnd(expected: "',' or '}' after an object member"), at: index)
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    try skipWhitespace()
                    if options.allowTrailingCommas, index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        break
                    }
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                }
                throw unexpected(expected: "',' or '}' after an object member")
            }
            depth -= 1
            return .object(object)
        }

        mutating func parseArray() throws(JSONParseError) -> JSONValue {
            try enterContainer()
            index += 1  // [
            var elements: [JSONValue] = []
            try skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue(expected: "an array element"))
                try skipWhitespace()
                guard index < bytes.count else {
                    throw error(.unexpectedEnd(expected: "',' or ']' after an array element"), at: index)
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    try skipWhitespace()
                    if options.allowTrailingCommas, index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        break
                    }
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                throw unexpected(expected: "',' or ']' after an array element")
            }
            depth -= 1
            return .array(elements)
        }

        mutating func enterContainer() throws(JSONParseError) {
            depth += 1
            if depth > options.maxDepth { throw error(.tooDeep(limit: options.maxDepth), at: index) }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
            let start = index
            let count = literal.utf8CodeUnitCount
            let matches = literal.withUTF8Buffer { expected -> Bool in
                guard bytes.count - start >= count else { return false }
                for offset in 0..<count where bytes[start + offset] != expected[offset] { return false }
                return true
            }
            guard matches else { throw unexpected(expected: "a JSON value") }
            index += count
        }

        mutating func expect(_ byte: UInt8, expected: String) throws(JSONParseError) {
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: expected), at: index) }
            guard bytes[index] == byte else { throw unexpected(expected: expected) }
            index += 1
        }

        // MARK: Numbers

        mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw invalidNumber(from: start) }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else { throw invalidNumber(from: start) }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return JSONNumber(literal: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        mutating func invalidNumber(from start: Int) -> JSONParseError {
            var end = index
            while end < bytes.count, end - start < 32, !isDelimiter(bytes[end]) { end += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return error(.invalidNumber(text), at: start)
        }

        func isDelimiter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\n"),
                UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                true
            default: false
            }
        }

        // MARK: Strings

        /// Parses a string starting at the opening quote; validates UTF-8 and escapes as it goes.
        mutating func parseString() throws(JSONParseError) -> String {
            index += 1  // opening quote
            let start = index
            // Fast path: no escapes. Validate in place and decode once.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return string
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error(.controlCharacterInString, at: index) }
                if byte < 0x80 { index += 1 } else { try skipUTF8Scalar() }
            }
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: "a closing '\"'"), at: index) }
            // Slow path: copy what was read, then decode escapes.
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    try parseEscape()
                } else if byte < 0x20 {
                    throw error(.controlCharacterInString, at: index)
                } else if byte < 0x80 {
                    scratch.append(byte)
                    index += 1
                } else {
                    let scalarStart = index
                    try skipUTF8Scalar()
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[scalarStart..<index]))
                }
            }
            throw error(.unexpectedEnd(expected: "a closing '\"'"), at: index)
        }

        mutating func parseEscape() throws(JSONParseError) {
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: "an escape character"), at: index) }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4(escapeStart: escapeStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { throw error(.invalidUnicodeEscape("high surrogate without a low surrogate"), at: escapeStart) }
                    index += 2
                    let low = try readHex4(escapeStart: escapeStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error(.invalidUnicodeEscape("high surrogate without a low surrogate"), at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error(.invalidUnicodeEscape("low surrogate without a high surrogate"), at: escapeStart)
                }
                appendUTF8(scalar)
            default:
                let shown = byte < 0x80 && byte >= 0x20 ? "\\\(Character(Unicode.Scalar(byte)))" : "\\ followed by byte \(byte)"
                throw error(.invalidEscape(shown), at: escapeStart)
            }
        }

        mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
            guard bytes.count - index >= 4 else {
                throw error(.invalidUnicodeEscape("expected four hex digits"), at: escapeStart)
            }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error(.invalidUnicodeEscape("expected four hex digits"), at: escapeStart)
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        mutating func appendUTF8(_ scalar: UInt32) {
            switch scalar {
            case 0..<0x80:
                scratch.append(UInt8(scalar))
            case 0x80..<0x800:
                scratch.append(UInt8(0xC0 | (scalar >> 6)))
                scratch.append(UInt8(0x80 | (scalar & 0x3F)))
            case 0x800..<0x10000:
                scratch.append(UInt8(0xE0 | (scalar >> 12)))
                scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                scratch.append(UInt8(0x80 | (scalar & 0x3F)))
            default:
                scratch.append(UInt8(0xF0 | (scalar >> 18)))
                scratch.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                scratch.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }

        /// Advances over one multi-byte UTF-8 scalar, rejecting overlong forms, surrogates and values
        /// above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
        mutating func skipUTF8Scalar() throws(JSONParseError) {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: throw error(.invalidUTF8, at: index)
            }
            guard bytes.count - index >= length else { throw error(.invalidUTF8, at: index) }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { throw error(.invalidUTF8, at: index) }
            for offset in 2..<max(2, length) {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { throw error(.invalidUTF8, at: index) }
            }
            index += length
        }

        // MARK: Whitespace and comments

        mutating func skipWhitespace() throws(JSONParseError) {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    index += 1
                case UInt8(ascii: "/") where options.allowComments:
                    try skipComment()
                default:
                    return
                }
            }
        }

        mutating func skipComment() throws(JSONParseError) {
            let start = index
            guard index + 1 < bytes.count else { throw unexpected(expected: "a JSON value") }
            if bytes[index + 1] == UInt8(ascii: "/") {
                index += 2
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count {
                    if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                        index += 2
                        return
                    }
                    index += 1
                }
                throw error(.unexpectedEnd(expected: "'*/' closing the comment opened here"), at: start)
            } else {
                throw unexpected(expected: "a JSON value")
            }
        }

        // MARK: Errors

        func unexpected(expected: String) -> JSONParseError {
            let byte = bytes[index]
            let found: String
            if byte >= 0x21 && byte < 0x7F {
                found = "'\(Character(Unicode.Scalar(byte)))'"
            } else if byte >= 0x80 {
                found = "byte 0x\(String(byte, radix: 16, uppercase: true))"
            } else {
                found = "control character 0x\(String(byte, radix: 16, uppercase: true))"
            }
            return error(.unexpectedCharacter(found: found, expected: expected), at: index)
        }

        func error(_ reason: JSONParseError.Reason, at offset: Int) -> JSONParseError {
            var line = 1
            var column = 1
            var position = 0
            let end = min(offset, bytes.count)
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
            }
            return JSONParseError(reason: reason, offset: offset, line: line, column: column)
        }
    }
}
