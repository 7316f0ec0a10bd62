import Testing

@testable import GuardCore

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("compact output of parsed input equals the input without whitespace")
    func compactRoundTrip() throws {
        let input = #"{"b":[1,2.50,{"x":null}],"a":"\u00e9\n\"q\"","n":-0.0e-1}"#
        let value = try JSONParser.parse(input)
        #expect(JSONWriter().string(value) == #"{"b":[1,2.50,{"x":null}],"a":"é\n\"q\"","n":-0.0e-1}"#)
        // Writing and parsing again is a fixed point.
        #expect(try JSONParser.parse(JSONWriter().bytes(value)) == value)
    }

    @Test("pretty output indents and sorted output orders keys by UTF-16")
    func prettyAndSorted() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":{"d":[],"c":{}},"B":2}"#)
        #expect(JSONWriter(options: .init(sortKeys: true)).string(value) == #"{"B":2,"a":{"c":{},"d":[]},"b":1}"#)
        #expect(
            JSONWriter(options: .pretty).string(value) == """
                {
                  "b": 1,
                  "a": {
                    "d": [],
                    "c": {}
                  },
                  "B": 2
                }
                """
        )
    }

    @Test("escapes control characters and, when asked, HTML-significant characters")
    func escaping() {
        let value: JSONValue = .string("a\u{01}\u{1F}\u{7F}</script>&")
        #expect(JSONWriter().string(value) == #""a\u0001\u001f\u007f</script>&""#)
        #expect(JSONWriter(options: .init(escapeHTML: true)).string(value) == #""a\u0001\u001f\u007f\u003c/script\u003e\u0026""#)
    }
}
