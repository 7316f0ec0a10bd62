import Testing

@testable import MCPClient

@Suite("Line framing")
struct LineFramerTests {
    @Test("frames split across chunks, CRLF and blank lines")
    func framing() {
        var framer = LineFramer(maxFrameSize: 100)
        #expect(framer.append(Array("{\"a\":".utf8)) == [])
        #expect(framer.append(Array("1}\r\n\n{\"b\":2}\n{\"c\"".utf8)) == [.line(Array("{\"a\":1}".utf8)), .line(Array("{\"b\":2}".utf8))])
        #expect(framer.pending == Array("{\"c\"".utf8))
    }

    @Test("an oversized frame is reported once and skipped; the next frame still arrives")
    func oversized() {
        var framer = LineFramer(maxFrameSize: 10)
        let frames = framer.append(Array(String(repeating: "x", count: 25).utf8) + [0x0A] + Array("{}\n".utf8))
        #expect(frames == [.oversized(size: 25), .line(Array("{}".utf8))])
    }

    @Test("feeding byte by byte gives the same frames as one chunk, oversized frames spanning chunks included")
    func chunking() {
        let stream = Array("{\"a\":1}\n".utf8) + Array(repeating: UInt8(ascii: "y"), count: 40) + Array("\r\n{\"id\":7}\r\n\n".utf8)
        var whole = LineFramer(maxFrameSize: 16)
        let expected = whole.append(stream)
        #expect(expected == [.line(Array("{\"a\":1}".utf8)), .oversized(size: 41), .line(Array("{\"id\":7}".utf8))])
        var single = LineFramer(maxFrameSize: 16)
        #expect(stream.flatMap { single.append([$0]) } == expected)
        #expect(single.oversizedHead.count == 17 && single.oversizedHead.allSatisfy { $0 == UInt8(ascii: "y") })
    }
}
