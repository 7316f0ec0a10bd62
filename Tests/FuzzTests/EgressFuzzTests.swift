import Foundation
import Testing

@testable import GuardRuntime

/// Bounded fuzzing of the egress proxy's parsers of untrusted bytes (the request head a sandboxed server
/// sends, chunked bodies) and of allow-list entries. Each has a property that must hold for every input.
/// Shorter budgets than the other fuzzers: these parsers are small.
@Suite("Parser fuzzing: egress proxy")
struct EgressFuzzTests {
    static func run(_ name: String, seed: UInt64, seeds: [String], tokens: [String], _ body: ([UInt8]) -> Bool) -> Int {
        var mutator = Mutator(seed: seed, seeds: seeds, tokens: tokens)
        let start = ContinuousClock.now
        var executions = 0
        var accepted = 0
        while executions < 20_000, ContinuousClock.now - start < .milliseconds(1500) {
            if body(mutator.next()) { accepted += 1 }
            executions += 1
        }
        print("fuzz \(name): \(executions) executions, \(accepted) accepted, 0 crashes (seed \(seed))")
        return executions
    }

    @Test("request heads: what parses is forwarded as one unambiguous head with the target's Host")
    func requestHeads() {
        let seeds = [
            "GET http://api.example.com:8080/a?b=c HTTP/1.1\r\nHost: evil\r\nProxy-Connection: keep-alive\r\nAccept: */*",
            "POST http://[::1]/p HTTP/1.1\r\nContent-Length: 4\r\nConnection: x-a, keep-alive\r\nX-A: 1",
            "PUT http://a.test/u HTTP/1.1\r\nTransfer-Encoding: chunked\r\nProxy-Authorization: Basic eA==",
            "CONNECT api.example.com:443 HTTP/1.1\r\nHost: api.example.com:443",
        ]
        let tokens = [
            "\r\n", "\r", "\n", " ", "\t", ":", "@", "#", "/", "?", "[", "]", "%00", "\u{0}", "http://", "https://", "CONNECT ",
            "Host: ", "Content-Length: 1", "Transfer-Encoding: chunked", "Connection: ", "Proxy-", "HTTP/1.0", "..", "\u{FF}",
        ]
        let executions = Self.run("egress request head", seed: 12, seeds: seeds, tokens: tokens) { bytes in
            guard let request = try? ProxyRequest.parse(bytes[...]) else { return false }
            #expect(EgressHost(request.host.description) == request.host)
            guard case .absolute(let path) = request.form else { return true }
            let head = request.originHead()
            let text = String(decoding: head, as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            // One head: it ends at its only blank line, and no line hides a CR or LF.
            #expect(text.hasSuffix("\r\n\r\n") && lines.dropLast(2).allSatisfy { !$0.isEmpty && !$0.contains("\r") && !$0.contains("\n") })
            #expect(lines[0] == "\(request.method) \(path) \(request.version)" && path.hasPrefix("/"))
            #expect(lines.filter { $0.lowercased().hasPrefix("host:") } == ["Host: \(request.authority)"])
            #expect(lines.filter { $0.lowercased().hasPrefix("connection:") } == ["Connection: close"])
            #expect(!lines.dropFirst().contains { $0.lowercased().hasPrefix("proxy-") }, "\(text.debugDescription)")
            return true
        }
        #expect(executions > 1000)
    }

    @Test("chunked bodies: the same end and the same verdict however the stream is cut")
    func chunkedBodies() {
        let seeds = ["4\r\nwiki\r\n5;x=y\r\npedia\r\n0\r\n\r\nGET /", "A\r\n0123456789\r\n0\r\nT: v\r\n\r\n", "0\r\n\r\n"]
        let tokens = ["\r\n", "\r", "\n", ";", "0", "f", "ffffffff", "\r\n\r\n", "0\r\n\r\n"]
        var random = Mutator.Random(state: 13)
        let executions = Self.run("egress chunked", seed: 13, seeds: seeds, tokens: tokens) { bytes in
            func consume(_ cuts: [Int]) -> Int? {
                var framing = RequestBodyFraming.chunked
                var taken = 0
                var start = 0
                for end in cuts + [bytes.count] where end >= start {
                    do { taken += try framing.take(bytes[start..<end]) } catch { return nil }
                    start = end
                }
                return framing.isComplete ? taken : -1
            }
            let whole = consume([])
            let cuts = (0..<3).map { _ in random.below(bytes.count + 1) }.sorted()
            #expect(consume(cuts) == whole, "\(String(decoding: bytes, as: UTF8.self).debugDescription) cut at \(cuts)")
            return whole.map { $0 >= 0 } ?? false
        }
        #expect(executions > 1000)
    }

    @Test("allow-list entries: what parses round-trips through its canonical form")
    func allowListEntries() {
        let seeds = ["api.example.com:443", "*.example.org:*", "[2001:db8::1]:8080", "10.0.0.5:5432", "localhost:5432"]
        let tokens = ["*", ".", ":", "[", "]", "::", "*.", "-", "_", "0", "65535", "65536", "%", "@", " ", "É"]
        let executions = Self.run("egress allow-list", seed: 14, seeds: seeds, tokens: tokens) { bytes in
            guard let entry = try? EgressAllowList.parseEntry(String(decoding: bytes, as: UTF8.self)) else { return false }
            #expect((try? EgressAllowList.parseEntry(entry.description)) == entry)
            return true
        }
        #expect(executions > 1000)
    }
}
