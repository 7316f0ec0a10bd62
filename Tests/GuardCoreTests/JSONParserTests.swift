import Testing

@testable import GuardCore

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every JSON type and keeps member order")
    func parsesAllTypes() throws {
        let value = try JSONParser.parse(#"{"z":null,"a":[true,false,1,-2.5e3,"s"],"m":{"k":"v"}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(value["z"] == .null)
        #expect(value["a"]?[0] == .bool(true))
        #expect(value["a"]?[3]?.numberValue?.literal == "-2.5e3")
        #expect(value["a"]?[4] == .string("s"))
        #expect(value["m"]?["k"] == .string("v"))
    }

    @Test("keeps number literals exactly", arguments: ["0", "-0", "1.0", "1e400", "12345678901234567890123", "1E+2", "-0.000001"])
    func keepsNumberLiterals(literal: String) throws {
        let value = try JSONParser.parse("[\(literal)]")
        #expect(value[0]?.numberValue?.literal == literal)
        #expect(JSONWriter().string(value) == "[\(literal)]")
    }

    @Test("decodes escapes and surrogate pairs")
    func decodesEscapes() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "\uDB40\uDC41"]"#)
        #expect(value[0] == .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"))
        #expect(value[1] == .string("é中"))
        #expect(value[2] == .string("😀"))
        #expect(value[3] == .string("\u{E0041}"))
    }

    @Test("accepts raw multi-byte UTF-8 in strings")
    func acceptsRawUTF8() throws {
        let value = try JSONParser.parse(Array("[\"héllo 中文 😀\"]".utf8))
        #expect(value[0] == .string("héllo 中文 😀"))
    }

    /// Each malformed input, with the error reason and the 1-based line and column it must report.
    static let malformed: [(String, String, Int, Int)] = [
        ("", "input ended where a JSON value was expected", 1, 1),
        ("{", "input ended where an object key was expected", 1, 2),
        ("{\"a\" 1}", "found '1' where ':' after an object key was expected", 1, 6),
        ("[1,]", "found ']' where an array element was expected", 1, 4),
        ("{\"a\":1,}", "found '}' where a string key in double quotes was expected", 1, 8),
        ("[01]", "invalid number 01", 1, 2),
        ("[1.]", "invalid number 1.", 1, 2),
        ("[-]", "invalid number -", 1, 2),
        ("[.5]", "found '.' where an array element was expected", 1, 2),
        ("[NaN]", "found 'N' where an array element was expected", 1, 2),
        ("[tru]", "found 't' where a JSON value was expected", 1, 2),
        ("{\n  \"a\": [1,\n  2\n}", "found '}' where ',' or ']' after an array element was expected", 4, 1),
        ("[\"a\nb\"]", "unescaped control character inside a string", 1, 4),
        ("[\"\\x\"]", "invalid escape sequence \\x", 1, 3),
        ("[\"\\u12\"]", "invalid \\u escape: expected four hex digits", 1, 3),
        ("[\"\\ud800\"]", "invalid \\u escape: high surrogate without a low surrogate", 1, 3),
        ("[\"\\udc00\"]", "invalid \\u escape: low surrogate without a high surrogate", 1, 3),
        ("{\"a\":1,\"a\":2}", "duplicate object key \"a\"", 1, 8),
        ("[1] [2]", "unexpected content after the JSON value", 1, 5),
        ("// c\n[1]", "found '/' where a JSON value was expected", 1, 1),
        ("[\"abc", "input ended where a closing '\"' was expected", 1, 6),
    ]

    @Test("rejects malformed input and says where", arguments: malformed)
    func rejectsMalformed(input: String, message: String, line: Int, column: Int) {
        do {
            let value = try JSONParser.parse(input)
            Issue.record("accepted \(input.debugDescription) as \(value)")
        } catch {
            #expect(error.message == message, "input \(input.debugDescription)")
            #expect(error.line == line, "line for \(input.debugDescription)")
            #expect(error.column == column, "column for \(input.debugDescription)")
            #expect(error.description == "line \(line), column \(column): \(message)")
        }
    }

    @Test("rejects invalid UTF-8", arguments: [
        [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D],  // overlong '/'
        [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D],  // encoded surrogate U+D800
        [0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D],  // above U+10FFFF
        [0x5B, 0x22, 0xE4, 0xB8, 0x22, 0x5D],  // truncated sequence
        [0x5B, 0x22, 0x80, 0x22, 0x5D],  // lone continuation byte
        [0x5B, 0x22, 0xFF, 0x22, 0x5D],  // never valid
    ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(error.reason == .invalidUTF8)
            #expect(error.offset == 2)
        }
    }

    @Test("rejects a byte order mark in strict mode and skips it in JSONC")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{}".utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(try JSONParser(options: .jsonc).parse(bytes) == .object(JSONObject()))
    }

    @Test("duplicate keys: rejected by default, last wins when asked")
    func duplicateKeys() throws {
        var options = JSONParser.Options()
        options.duplicateKeys = .lastWins
        let value = try JSONParser(options: options).parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value["a"]?.numberValue?.literal == "3")
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    @Test("enforces the depth limit")
    func depthLimit() throws {
        var options = JSONParser.Options()
        options.maxDepth = 10
        let parser = JSONParser(options: options)
        _ = try parser.parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10))
        #expect(throws: JSONParseError(reason: .tooDeep(limit: 10), offset: 10, line: 1, column: 11)) {
            try parser.parse(String(repeating: "[", count: 11) + String(repeating: "]", count: 11))
        }
        // The default limit stops a hostile 100 000-level document without exhausting the stack.
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
    }

    @Test("enforces the size limit before parsing")
    func sizeLimit() {
        var options = JSONParser.Options()
        options.maxBytes = 16
        #expect(throws: JSONParseError(reason: .tooLarge(size: 17, limit: 16), offset: 0, line: 1, column: 1)) {
            try JSONParser(options: options).parse("[\"0123456789012\"]")
        }
    }

    @Test("JSONC accepts comments and trailing commas")
    func jsonc() throws {
        let text = """
            // VS Code settings
            {
              /* servers */
              "servers": { "a": { "command": "x", }, },
              "list": [1, 2,],
            }
            """
        let value = try JSONParser(options: .jsonc).parse(text)
        #expect(value["servers"]?["a"]?["command"] == .string("x"))
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(throws: JSONParseError.self) { try JSONParser(options: .jsonc).parse("/* open") }
    }
}
