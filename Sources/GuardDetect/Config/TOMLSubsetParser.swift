import GuardCore

/// Reads the part of TOML that host configs use (Codex's `config.toml`) into a ``JSONValue``, with the
/// line of every table header and key so findings can point at `[mcp_servers.github]` or `approval_policy`.
///
/// Supported: comments; bare, quoted and dotted keys; `[table]` and `[[array.of.tables]]` headers; basic,
/// literal and multi-line strings with escapes; integers, floats, booleans; arrays (across lines) and inline
/// tables. Dates and times are kept as strings. Anything else is an error naming the line. Written here
/// rather than borrowed: the one Swift TOML library on hand wraps a C++ parser and loses line numbers.
public struct TOMLSubsetParser {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The document and, for each table header and key (outside arrays of tables), its JSON Pointer → 1-based line.
    public static func parse(_ text: String) throws(Failure) -> (value: JSONValue, tableLines: [String: Int]) {
        var parser = TOMLSubsetParser(text: text)
        return try parser.parseDocument()
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var root = JSONObject()
    private var tableLines: [String: Int] = [:]

    private init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private mutating func parseDocument() throws(Failure) -> (value: JSONValue, tableLines: [String: Int]) {
        var current: [String] = []
        var currentIsArrayElement = false
        while true {
            skipBlankAndComments()
            guard index < scalars.count else { break }
            if scalars[index] == "[" {
                let array = index + 1 < scalars.count && scalars[index + 1] == "["
                index += array ? 2 : 1
                skipSpaces()
                let path = try parseKeyPath()
                skipSpaces()
                guard consume("]"), !array || consume("]") else { throw fail("expected ']' to close the table header") }
                current = path
                currentIsArrayElement = array
                let pointer = path.map { "/" + FindingLocation.pointerToken($0) }.joined()
                if array {
                    try appendArrayTable(path)
                } else {
                    try ensureTable(path)
                }
                tableLines[pointer] = line
                try endOfLine()
                continue
            }
            let keyLine = line
            let key = try parseKeyPath()
            skipSpaces()
            guard consume("=") else { throw fail("expected '=' after key \(key.joined(separator: "."))") }
            skipSpaces()
            let value = try parseValue()
            try assign(value, at: current, key: key, intoArrayElement: currentIsArrayElement)
            // Keys inside an array of tables have no index in their pointer; only their table header is recorded.
            if !currentIsArrayElement {
                tableLines[(current + key).map { "/" + FindingLocation.pointerToken($0) }.joined()] = keyLine
            }
            try endOfLine()
        }
        return (.object(root), tableLines)
    }

    // MARK: Structure

    private mutating func ensureTable(_ path: [String]) throws(Failure) {
        root = try Self.updating(root, path: path) { value throws(Failure) in
            switch value {
            case nil: return .object(JSONObject())
            case .object?: return value!
            default: throw fail("\(path.joined(separator: ".")) is already a value, not a table")
            }
        }
    }

    private mutating func appendArrayTable(_ path: [String]) throws(Failure) {
        root = try Self.updating(root, path: path) { value throws(Failure) in
            switch value {
            case nil: return .array([.object(JSONObject())])
            case .array(let elements)?: return .array(elements + [.object(JSONObject())])
            default: throw fail("\(path.joined(separator: ".")) is not an array of tables")
            }
        }
    }

    private mutating func assign(_ value: JSONValue, at table: [String], key: [String], intoArrayElement: Bool) throws(Failure) {
        let full = table + key
        let line = self.line
        root = try Self.updating(root, path: full, arrayElementDepth: intoArrayElement ? table.count : nil) { existing throws(Failure) in
            guard existing == nil else { throw Failure(line: line, message: "key \(full.joined(separator: ".")) is defined twice") }
            return value
        }
    }

    /// Returns `object` with the value at `path` replaced by `transform(old)`. Intermediate tables are created;
    /// at `arrayElementDepth` the last element of an array of tables is descended into.
    private static func updating(
        _ object: JSONObject, path: [String], depth: Int = 0, arrayElementDepth: Int? = nil,
        _ transform: (JSONValue?) throws(Failure) -> JSONValue
    ) throws(Failure) -> JSONObject {
        var object = object
        let key = path[depth]
        if depth == path.count - 1 {
            object[key] = try transform(object[key])
            return object
        }
        switch object[key] {
        case .array(var elements)? where depth + 1 == arrayElementDepth || arrayElementDepth.map { depth < $0 } == true:
            guard case .object(let last)? = elements.last else { throw Failure(line: 0, message: "\(key) is not an array of tables") }
            elements[elements.count - 1] = .object(try updating(last, path: path, depth: depth + 1, arrayElementDepth: arrayElementDepth, transform))
            object[key] = .array(elements)
        case .object(let nested)?:
            object[key] = .object(try updating(nested, path: path, depth: depth + 1, arrayElementDepth: arrayElementDepth, transform))
        case nil:
            object[key] = .object(try updating(JSONObject(), path: path, depth: depth + 1, arrayElementDepth: arrayElementDepth, transform))
        default:
            throw Failure(line: 0, message: "\(key) is a value, not a table")
        }
        return object
    }

    // MARK: Keys and values

    private mutating func parseKeyPath() throws(Failure) -> [String] {
        var path: [String] = []
        repeat {
            skipSpaces()
            path.append(try parseKey())
            skipSpaces()
        } while consume(".")
        return path
    }

    private mutating func parseKey() throws(Failure) -> String {
        guard index < scalars.count else { throw fail("expected a key") }
        if scalars[index] == "\"" { return try parseBasicString() }
        if scalars[index] == "'" { return try parseLiteralString() }
        var key = ""
        while index < scalars.count, Self.isBareKey(scalars[index]) {
            key.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !key.isEmpty else { throw fail("expected a key, found '\(scalars[index])'") }
        return key
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard index < scalars.count else { throw fail("expected a value") }
        switch scalars[index] {
        case "\"": return .string(try parseBasicString())
        case "'": return .string(try parseLiteralString())
        case "[":
            index += 1
            var elements: [JSONValue] = []
            while true {
                skipBlankAndComments()
                if consume("]") { return .array(elements) }
                elements.append(try parseValue())
                skipBlankAndComments()
                if consume(",") { continue }
                guard consume("]") else { throw fail("expected ',' or ']' in an array") }
                return .array(elements)
            }
        case "{":
            index += 1
            var table = JSONObject()
            skipSpaces()
            if consume("}") { return .object(table) }
            while true {
                skipSpaces()
                let key = try parseKeyPath()
                skipSpaces()
                guard consume("=") else { throw fail("expected '=' in an inline table") }
                skipSpaces()
                let value = try parseValue()
                table = try Self.updating(table, path: key) { existing throws(Failure) in
                    guard existing == nil else { throw Failure(line: line, message: "key \(key.joined(separator: ".")) is defined twice") }
                    return value
                }
                skipSpaces()
                if consume(",") { continue }
                guard consume("}") else { throw fail("expected ',' or '}' in an inline table") }
                return .object(table)
            }
        default:
            var word = ""
            while index < scalars.count, !" \t\r\n,]}#".unicodeScalars.contains(scalars[index]) {
                word.unicodeScalars.append(scalars[index])
                index += 1
            }
            if word == "true" { return .bool(true) }
            if word == "false" { return .bool(false) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if Int(digits) != nil || (digits.hasPrefix("+") && Int(digits.dropFirst()) != nil) {
                return .number(JSONNumber(literal: digits.hasPrefix("+") ? String(digits.dropFirst()) : digits))
            }
            if let double = Double(digits), double.isFinite { return .number(JSONNumber(double)) }
            if word.first?.isNumber == true, word.contains("-") || word.contains(":") { return .string(word) }  // date/time
            throw fail(word.isEmpty ? "expected a value" : "unsupported value '\(word)'")
        }
    }

    private mutating func parseBasicString() throws(Failure) -> String {
        let multiline = lookahead("\"\"\"")
        index += multiline ? 3 : 1
        if multiline, consumeNewline() {}
        var result = ""
        while index < scalars.count {
            let scalar = scalars[index]
            if multiline ? lookahead("\"\"\"") : scalar == "\"" {
                index += multiline ? 3 : 1
                return result
            }
            if scalar == "\n" {
                guard multiline else { throw fail("unterminated string") }
                line += 1
            }
            if scalar == "\\" {
                index += 1
                guard index < scalars.count else { break }
                let escaped = scalars[index]
                switch escaped {
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                case "b": result += "\u{08}"
                case "f": result += "\u{0C}"
                case "\"": result += "\""
                case "\\": result += "\\"
                case "u", "U":
                    let count = escaped == "u" ? 4 : 8
                    let hex = String(String.UnicodeScalarView(scalars[(index + 1)..<min(scalars.count, index + 1 + count)]))
                    guard hex.count == count, let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else {
                        throw fail("invalid \\\(escaped) escape")
                    }
                    result.unicodeScalars.append(decoded)
                    index += count
                case "\n" where multiline:
                    line += 1
                    while index + 1 < scalars.count, " \t\n\r".unicodeScalars.contains(scalars[index + 1]) {
                        index += 1
                        if scalars[index] == "\n" { line += 1 }
                    }
                default: throw fail("invalid escape \\\(escaped)")
                }
                index += 1
                continue
            }
            result.unicodeScalars.append(scalar)
            index += 1
        }
        throw fail("unterminated string")
    }

    private mutating func parseLiteralString() throws(Failure) -> String {
        let multiline = lookahead("'''")
        index += multiline ? 3 : 1
        if multiline, consumeNewline() {}
        var result = ""
        while index < scalars.count {
            if multiline ? lookahead("'''") : scalars[index] == "'" {
                index += multiline ? 3 : 1
                return result
            }
            if scalars[index] == "\n" {
                guard multiline else { throw fail("unterminated string") }
                line += 1
            }
            result.unicodeScalars.append(scalars[index])
            index += 1
        }
        throw fail("unterminated string")
    }

    // MARK: Lexing helpers

    private static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
    }

    private mutating func skipSpaces() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    private mutating func skipBlankAndComments() {
        while index < scalars.count {
            switch scalars[index] {
            case " ", "\t", "\r": index += 1
            case "\n":
                line += 1
                index += 1
            case "#":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            default: return
            }
        }
    }

    private mutating func endOfLine() throws(Failure) {
        skipSpaces()
        if index < scalars.count, scalars[index] == "#" {
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
        }
        if index < scalars.count, scalars[index] == "\r" { index += 1 }
        guard index >= scalars.count || scalars[index] == "\n" else { throw fail("unexpected '\(scalars[index])' after a value") }
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == scalar else { return false }
        index += 1
        return true
    }

    private mutating func consumeNewline() -> Bool {
        if lookahead("\r\n") { index += 2; line += 1; return true }
        if index < scalars.count, scalars[index] == "\n" { index += 1; line += 1; return true }
        return false
    }

    private func lookahead(_ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard index + needle.count <= scalars.count else { return false }
        return Array(scalars[index..<index + needle.count]) == needle
    }

    private func fail(_ message: String) -> Failure { Failure(line: line, message: message) }
}
