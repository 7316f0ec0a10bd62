import Foundation
import Testing

@testable import GuardCore

@Suite("JSON-RPC envelope")
struct JSONRPCMessageTests {
    /// Every example message of the 2026-07-28 schema (copied into Fixtures) that is a JSON-RPC message.
    static let exampleMessages: [String] = {
        let root = Fixtures.url("mcp-examples-2026-07-28")
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        return files.filter { file in
            guard let bytes = try? Fixtures.bytes("mcp-examples-2026-07-28/\(file)"),
                let value = try? JSONParser.parse(bytes)
            else { return false }
            return value["jsonrpc"] != nil
        }
    }()

    @Test("the fixture set holds the spec's 32 example messages")
    func exampleCount() {
        #expect(Self.exampleMessages.count == 32)
    }

    @Test("every spec example message parses, keeps its bytes and classifies as its shape says", arguments: exampleMessages)
    func specExample(file: String) throws {
        let bytes = try Fixtures.bytes("mcp-examples-2026-07-28/\(file)")
        let message = try JSONRPCMessage(bytes: bytes)
        #expect(message.raw == bytes)
        #expect(message.serialized == bytes)
        let value = try JSONParser.parse(bytes)
        let expected: JSONRPCMessage.Kind =
            value["method"] != nil
            ? (value["id"] != nil ? .request : .notification)
            : (value["result"] != nil ? .response : .errorResponse)
        #expect(message.kind == expected)
        #expect(message.jsonrpc == "2.0")
        switch message.kind {
        case .request:
            #expect(message.method != nil)
            #expect(message.id?.jsonValue == value["id"])
        case .notification:
            #expect(message.id == nil)
        case .response:
            #expect(message.result != nil)
        case .errorResponse:
            #expect(message.error != nil)
        }
        // Writing the parsed body compactly and parsing again gives the same body.
        let rewritten = try JSONRPCMessage(bytes: JSONWriter().bytes(.object(message.body)))
        #expect(rewritten.body == message.body)
    }

    @Test("ids keep their exact form")
    func idsKeepForm() throws {
        let cases: [(String, JSONRPCID)] = [
            (#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, .number(JSONNumber(literal: "1"))),
            (#"{"jsonrpc":"2.0","id":1.0,"method":"ping"}"#, .number(JSONNumber(literal: "1.0"))),
            (#"{"jsonrpc":"2.0","id":"1","method":"ping"}"#, .string("1")),
            (#"{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}"#,
             .number(JSONNumber(literal: "123456789012345678901234567890"))),
        ]
        for (text, id) in cases {
            let message = try JSONRPCMessage(bytes: Array(text.utf8))
            #expect(message.id == id)
            let response = JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: -32601, message: "no"))
            let echoed = String(decoding: response.raw, as: UTF8.self)
            #expect(echoed.contains("\"id\":\(id.jsonValue.jsonString)"))
        }
    }

    @Test("round trip of an unmodified message is byte-identical, whitespace and all")
    func byteIdentical() throws {
        let text = "{ \"jsonrpc\" : \"2.0\",\n \"id\": 7, \"result\": {\"b\": 1.50, \"a\": [ ] } }"
        let message = try JSONRPCMessage(bytes: Array(text.utf8))
        #expect(String(decoding: message.serialized, as: UTF8.self) == text)
        #expect(message.kind == .response)
        #expect(message.result?["b"]?.numberValue?.literal == "1.50")
    }

    static let invalid: [(String, String)] = [
        ("[1", "malformed JSON at line 1, column 3: input ended where ',' or ']' after an array element was expected"),
        ("42", "a JSON-RPC message must be an object, found integer"),
        (#"{"id":1,"method":"ping"}"#, #""jsonrpc": "2.0" is missing"#),
        (#"{"jsonrpc":"1.0","id":1,"method":"ping"}"#, #""jsonrpc" must be "2.0", found "1.0""#),
        (#"{"jsonrpc":"2.0","id":{},"method":"ping"}"#, #""id" must be a string or a number, found object"#),
        (#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, #""id" must be a string or a number, found null"#),
        (#"{"jsonrpc":"2.0","id":1,"method":7}"#, #""method" must be a string, found integer"#),
        (#"{"jsonrpc":"2.0","id":1,"method":"x","params":"s"}"#, #""params" must be an object or an array, found string"#),
        (#"{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"m"}}"#, #"a response cannot have both "result" and "error""#),
        (#"{"jsonrpc":"2.0","id":1}"#, #"a JSON-RPC message needs "method", "result" or "error""#),
        (#"{"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}}"#, #""error" must have an integer "code""#),
        (#"{"jsonrpc":"2.0","id":1,"error":{"code":1}}"#, #""error" must have a string "message""#),
        (#"{"jsonrpc":"2.0","result":{}}"#, #""id" must be a string or a number, found no id"#),
        (#"{"jsonrpc":"2.0","id":1,"method":"a","result":1}"#, #"a message cannot have "method" together with "result" or "error""#),
    ]

    @Test("invalid envelopes are rejected with a message naming the rule", arguments: invalid)
    func rejectsInvalid(text: String, description: String) {
        do {
            let message = try JSONRPCMessage(bytes: Array(text.utf8))
            Issue.record("accepted \(text) as \(message.kind)")
        } catch {
            #expect(error.description == description)
        }
    }

    @Test("error response with a null id is valid (the id could not be read)")
    func nullIDError() throws {
        let message = try JSONRPCMessage(bytes: Array(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#.utf8))
        #expect(message.kind == .errorResponse)
        #expect(message.id == nil)
        #expect(message.error == JSONRPCErrorObject(code: -32700, message: "Parse error"))
    }

    @Test("batches parse into their messages; empty batches and non-objects are refused")
    func batches() throws {
        let text = #"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"}]"#
        guard case .batch(let raw, let messages) = try JSONRPCPayload(bytes: Array(text.utf8)) else {
            Issue.record("not a batch")
            return
        }
        #expect(raw == Array(text.utf8))
        #expect(messages.map(\.kind) == [.request, .notification])
        #expect(throws: JSONRPCEnvelopeError.emptyBatch) { try JSONRPCPayload(bytes: Array("[]".utf8)) }
        #expect(throws: JSONRPCEnvelopeError.notAnObject(found: "integer")) { try JSONRPCPayload(bytes: Array("[1]".utf8)) }
    }

    @Test("unknown members pass through untouched")
    func unknownMembers() throws {
        let text = #"{"jsonrpc":"2.0","id":"x","method":"vendor/custom","params":{"_meta":{"k":1}},"extension":[1,2]}"#
        let message = try JSONRPCMessage(bytes: Array(text.utf8))
        #expect(message.body["extension"] == [1, 2])
        #expect(message.params?["_meta"]?["k"] == 1)
        #expect(message.raw == Array(text.utf8))
    }
}
