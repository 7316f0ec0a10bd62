/// Why a JSON document was rejected, and where.
///
/// `line` and `column` are 1-based; the column counts Unicode scalars, so it matches what an editor
/// shows. `offset` is the 0-based byte offset of the first byte that could not be accepted.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case tooLarge(size: Int, limit: Int)
        case tooDeep(limit: Int)
        case unexpectedEnd(expected: String)
        case unexpectedCharacter(found: String, expected: String)
        case invalidUTF8
        case controlCharacterInString
        case invalidEscape(String)
        case invalidUnicodeEscape(String)
        case invalidNumber(String)
        case duplicateKey(String)
        case trailingContent
    }

    public let reason: Reason
    public let offset: Int
    public let line: Int
    public let column: Int

    public init(reason: Reason, offset: Int, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// What went wrong, without the position.
    public var message: String {
        switch reason {
        case .tooLarge(let size, let limit):
            "document is \(size) bytes, over the limit of \(limit) bytes"
        case .tooDeep(let limit):
            "nesting is deeper than the limit of \(limit) levels"
        case .unexpectedEnd(let expected):
            "input ended where \(expected) was expected"
        case .unexpectedCharacter(let found, let expected):
            "found \(found) where \(expected) was expected"
        case .invalidUTF8:
            "invalid UTF-8 byte sequence"
        case .controlCharacterInString:
            "unescaped control character inside a string"
        case .invalidEscape(let escape):
            "invalid escape sequence \(escape)"
        case .invalidUnicodeEscape(let detail):
            "invalid \\u escape: \(detail)"
        case .invalidNumber(let literal):
            "invalid number \(literal)"
        case .duplicateKey(let key):
            "duplicate object key \"\(key)\""
        case .trailingContent:
            "unexpected content after the JSON value"
        }
    }

    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
