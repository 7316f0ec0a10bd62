import Foundation
import GuardCore
import GuardDetect
import GuardPolicy
import Testing
import MCPClient

/// Bounded fuzzing of every parser that reads untrusted bytes: the JSON-RPC envelope, JSON and JSONC,
/// the TOML subset, SSE, line framing and the policy file. A crash fails the run; each test also checks a
/// property that must hold for every input (round trips, chunking invariance, errors that name the file).
@Suite("Parser fuzzing (bounded)")
struct ParserFuzzTests {
    static let jsonTokens = ["{", "}", "[", "]", "\"", ":", ",", "\\u0000", "\\ud800", "\\", "1e999", "-0", "true", "null", "/*", "*/", "//", "\n", "\u{FEFF}", "\u{E0041}", "\"jsonrpc\"", "\"2.0\"", "\"id\"", "\"method\""]

    @Test("JSON-RPC envelope: what parses is kept byte for byte and classified once")
    func envelope() {
        let seeds = [
            #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"a":[1,2,{"b":null}]}}}"#,
            #"{"jsonrpc":"2.0","id":"a","result":{"content":[{"type":"text","text":"hi \u00e9"}]}}"#,
            #"{"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"boom","data":{"k":1.5e3}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progress":0.5}}"#,
        ]
        let (executions, _) = FuzzBudget.run("envelope", seed: 1, seeds: seeds, tokens: Self.jsonTokens) { bytes, _ in
            guard let message = try? JSONRPCMessage(bytes: bytes) else { return false }
            #expect(message.raw == bytes)
            #expect((message.id == nil) == (message.kind == .notification))
            return true
        }
        #expect(executions > 1000)
    }

    @Test("JSON and JSONC: everything that parses writes back to the same value")
    func json() {
        let seeds = [#"{"a":[1,-2.5e-3,"x\n\u00e9",true,false,null],"b":{"c":{}}}"#, "// comment\n{\"mcpServers\": {\"x\": {\"command\": \"npx\",}, /* c */ },}", "[1,[2,[3,[4]]]]"]
        for (name, options) in [("json", JSONParser.Options.strict), ("jsonc", JSONParser.Options.jsonc)] {
            let parser = JSONParser(options: options)
            let (executions, _) = FuzzBudget.run(name, seed: 2, seeds: seeds, tokens: Self.jsonTokens) { bytes, _ in
                guard let value = try? parser.parse(bytes) else { return false }
                let again = try? JSONParser.parse(JSONWriter().bytes(value))
                #expect(again == value, "round trip of \(String(decoding: bytes, as: UTF8.self))")
                return true
            }
            #expect(executions > 1000)
        }
    }

    @Test("TOML subset: a value or an error with a line, never a crash")
    func toml() {
        let seeds = [
            "model = \"o3\"\napproval_policy = \"never\"\n[mcp_servers.git]\ncommand = \"uvx\"\nargs = [\"mcp-server-git\", \"--repository\", '/tmp/x']\nenv = { TOKEN = \"abc\" }\n",
            "[profiles.safe]\nsandbox_mode = \"read-only\" # note\n[[x]]\na = 1\nb = 1.5\nc = true\nd = \"\"\"multi\nline\"\"\"\n",
        ]
        let tokens = ["[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "'''", "\n", "#", "{", "}", ",", ".", "\\u00", "\\", "1979-05-27", "inf", "nan", "0x1F"]
        let (executions, _) = FuzzBudget.run("toml", seed: 3, seeds: seeds, tokens: tokens) { bytes, _ in
            do {
                _ = try TOMLSubsetParser.parse(String(decoding: bytes, as: UTF8.self))
                return true
            } catch let error as TOMLSubsetParser.Failure {
                #expect(error.line >= 0)
                return false
            } catch {
                Issue.record("unexpected error type: \(error)")
                return false
            }
        }
        #expect(executions > 1000)
    }

    @Test("SSE: the same events however the stream is cut into chunks")
    func sse() {
        let seeds = ["event: message\ndata: {\"jsonrpc\":\"2.0\"}\nid: 7\n\n", "\u{FEFF}data: a\r\ndata: b\r\n\r\n: comment\nretry: 100\n\n", "data:x\rdata:y\r\r"]
        let tokens = ["\n", "\r", "\r\n", ":", "data:", "event:", "id:", "retry:", " ", "\u{FEFF}", "\0"]
        var random = Mutator.Random(state: 99)
        let (executions, _) = FuzzBudget.run("sse", seed: 4, seeds: seeds, tokens: tokens) { bytes, _ in
            var whole = SSEParser(maxLineSize: 4096, maxEventSize: 8192)
            let expected = try? whole.feed(bytes)
            var chunked = SSEParser(maxLineSize: 4096, maxEventSize: 8192)
            var events: [SSEParser.Event]? = []
            var offset = 0
            while offset < bytes.count, events != nil {
                let size = 1 + random.below(7)
                let end = min(bytes.count, offset + size)
                if let more = try? chunked.feed(bytes[offset..<end]) { events! += more } else { events = nil }
                offset = end
            }
            #expect(events == expected, "chunking changed the events of \(bytes)")
            return expected != nil
        }
        #expect(executions > 1000)
    }

    @Test("line framing: the same frames however the input is cut")
    func lineFramer() {
        let seeds = ["{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n", String(repeating: "x", count: 300) + "\n"]
        var random = Mutator.Random(state: 7)
        let (executions, _) = FuzzBudget.run("line-framer", seed: 5, seeds: seeds, tokens: ["\n", "\r\n", "\r", "{", "}"]) { bytes, _ in
            var whole = LineFramer(maxFrameSize: 256)
            let expected = whole.append(bytes[...])
            var chunked = LineFramer(maxFrameSize: 256)
            var frames: [LineFramer.Frame] = []
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1 + random.below(40))
                frames += chunked.append(bytes[offset..<end])
                offset = end
            }
            #expect(frames == expected)
            return true
        }
        #expect(executions > 1000)
    }

    @Test("policy files: a policy or an error that names the file, never a crash")
    func policy() {
        let seeds = [
            "version: 1\nservers:\n  \"*\":\n    default: deny\n    tools: { read_file: { action: allow, arguments: { path: { prefix: [/tmp] } } } }\n    outputs: { redact: [secrets, email], injection: label, images: drop }\n    resources: { \"file:///srv/**\": allow }\n  mail: { outbound: { refuse: [secrets] }, rate: 5/min, timeout: 30s }\n",
        ]
        let tokens = [":", "\n", "  ", "- ", "{", "}", "[", "]", ",", "\"", "'", "&a", "*a", "!!binary", "|", ">", "---", "...", "~", "null", "1e9", "%YAML 1.2\n", "<<: "]
        let (executions, _) = FuzzBudget.run("policy", seed: 6, seeds: seeds, tokens: tokens) { bytes, _ in
            do {
                _ = try Policy(yaml: String(decoding: bytes, as: UTF8.self), path: "fuzz.yaml")
                return true
            } catch let error as Policy.Failure {
                #expect(error.description.hasPrefix("fuzz.yaml"), "\(error.description)")
                return false
            } catch {
                Issue.record("unexpected error type: \(error)")
                return false
            }
        }
        #expect(executions > 200)
    }
}

/// What the fuzzer found, kept as regression tests.
@Suite("Parser fuzzing: findings")
struct FuzzFindingTests {
    @Test("a policy whose mapping key is not a scalar is an error, not a crash (Yams.load trapped)")
    func complexKey() {
        for yaml in ["version: 1\nservers:\n  ? [a, b]\n  : { default: deny }\n", "version: 1\nservers: { {x: 1}: {} }\n"] {
            #expect(throws: Policy.Failure.self) { try Policy(yaml: yaml, path: "p.yaml") }
        }
    }

    @Test("a key given twice is refused: the second send_email would have silently won")
    func duplicateKey() {
        let yaml = "version: 1\nservers:\n  \"*\":\n    tools:\n      send_email: deny\n      send_email: allow\n"
        #expect {
            try Policy(yaml: yaml, path: "p.yaml")
        } throws: { error in
            "\(error)".contains("servers.*.tools.send_email is given twice")
        }
    }

    @Test("aliases cannot expand a small file into a huge document")
    func billionLaughs() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 1...8 {
            let name = "l\(level)"
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        #expect(throws: Policy.Failure.self) { try Policy(yaml: yaml, path: "p.yaml") }
    }
}
