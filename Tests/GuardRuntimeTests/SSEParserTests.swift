import Testing

@testable import MCPClient

@Suite("Server-Sent Events parser (WHATWG rules)")
struct SSEParserTests {
    func parse(_ text: String, chunkSize: Int = .max) throws -> [SSEParser.Event] {
        var parser = SSEParser()
        var events: [SSEParser.Event] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            events += try parser.feed(bytes[start..<end])
            start = end
        }
        return events
    }

    @Test("multi-line data joins with newlines (the spec's stock-ticker example)")
    func multiLine() throws {
        #expect(try parse("data: YHOO\ndata: +2\ndata: 10\n\n").map(\.data) == ["YHOO\n+2\n10"])
    }

    @Test("comments, ids, optional space and undispatched tail (the spec's second example)")
    func specExample() throws {
        let events = try parse(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n")
        #expect(events.map(\.data) == ["first event", "second event"])
        #expect(events.map(\.lastEventID) == ["1", ""])
    }

    @Test("empty data fields and a trailing newline (the spec's third example)")
    func emptyData() throws {
        #expect(try parse("data\n\ndata\ndata\n\ndata:\n").map(\.data) == ["", "\n"])
    }

    @Test("a space after the colon is removed once (the spec's fourth example)")
    func spaceHandling() throws {
        #expect(try parse("data:test\n\ndata: test\n\n").map(\.data) == ["test", "test"])
    }

    @Test("event types, CR and CRLF line endings, split across chunks of every size")
    func lineEndings() throws {
        let text = "event: endpoint\r\ndata: /messages?session=1\r\n\r\nevent: message\rdata: {\"a\":1}\r\r"
        for size in 1...8 {
            let events = try parse(text, chunkSize: size)
            #expect(events.map(\.type) == ["endpoint", "message"], "chunk size \(size)")
            #expect(events.map(\.data) == ["/messages?session=1", "{\"a\":1}"])
        }
    }

    @Test("a leading BOM is skipped; unknown fields ignored; retry needs digits; NUL in id is ignored")
    func details() throws {
        var parser = SSEParser()
        let events = try parser.feed([0xEF, 0xBB, 0xBF] + Array("foo: bar\nretry: 3000\nid: a\u{0}b\ndata: x\n\nretry: soon\n".utf8))
        #expect(events.map(\.data) == ["x"])
        #expect(events.first?.lastEventID == "")
        #expect(parser.retry == 3000)
    }

    @Test("an endless line is refused")
    func limits() {
        var parser = SSEParser(maxLineSize: 64)
        #expect(throws: SSEParser.Failure.self) { try parser.feed(Array(String(repeating: "d", count: 100).utf8)) }
    }
}
