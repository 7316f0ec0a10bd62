import AsyncHTTPClient
import Foundation
import GuardCore
import NIOCore
import NIOHTTP1

/// MCP over Streamable HTTP: each message is a POST; the answer comes back as a JSON body or as a
/// Server-Sent Events stream. Tracks `Mcp-Session-Id` (legacy revisions) and sends `MCP-Protocol-Version`;
/// ends a session with DELETE.
///
/// An HTTP error on a request becomes a JSON-RPC error response for that request, so the session reports
/// "HTTP 401 (WWW-Authenticate: Bearer …)" for the method that hit it instead of a bare timeout.
public final class StreamableHTTPTransport: MCPTransport {
    public let url: String
    let headers: [String: String]
    let client: HTTPClient
    let maxMessageSize: Int
    public let inbound: AsyncThrowingStream<JSONRPCMessage, any Error>
    private let continuation: AsyncThrowingStream<JSONRPCMessage, any Error>.Continuation
    private let state = Locked<State>(State())

    struct State: Sendable {
        var sessionID: String?
        var protocolVersion: String?
        var streams: [Task<Void, Never>] = []
        var lastStatus: String = ""
    }

    public init(url: String, headers: [String: String], client: HTTPClient, maxMessageSize: Int = StdioTransport.defaultMaxMessageSize) {
        self.url = url
        self.headers = headers
        self.client = client
        self.maxMessageSize = maxMessageSize
        (inbound, continuation) = AsyncThrowingStream<JSONRPCMessage, any Error>.makeStream()
    }

    public var diagnostics: String { state.withLock { $0.lastStatus } }

    public func send(_ message: JSONRPCMessage) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "Accept", value: "application/json, text/event-stream")
        let (sessionID, negotiated) = state.withLock { ($0.sessionID, $0.protocolVersion) }
        if let sessionID { request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: sessionID) }
        if let method = message.method {
            request.headers.replaceOrAdd(name: "Mcp-Method", value: Self.headerValue(method))
            if ["tools/call", "prompts/get", "resources/read"].contains(method),
                let name = message.params?["name"]?.stringValue ?? message.params?["uri"]?.stringValue
            {
                request.headers.replaceOrAdd(name: "Mcp-Name", value: Self.headerValue(name))
            }
        }
        let modernVersion = message.params?["_meta"]?["io.modelcontextprotocol/protocolVersion"]?.stringValue
        if let version = modernVersion ?? negotiated { request.headers.replaceOrAdd(name: "MCP-Protocol-Version", value: version) }
        request.body = .bytes(ByteBuffer(bytes: message.raw))

        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(60))
        } catch {
            throw TransportError("cannot reach \(url): \(Reachability.describe(error))")
        }
        state.withLock { $0.lastStatus = "HTTP \(response.status.code)" }
        if let id = response.headers.first(name: "Mcp-Session-Id"), !id.isEmpty {
            state.withLock { $0.sessionID = id }
        }
        let contentType = response.headers.first(name: "Content-Type")?.lowercased() ?? ""
        switch response.status.code {
        case 200..<300 where contentType.hasPrefix("text/event-stream"):
            let task = Task { [continuation, maxMessageSize] in
                do {
                    var parser = SSEParser(maxLineSize: maxMessageSize, maxEventSize: maxMessageSize)
                    for try await buffer in response.body {
                        for event in try parser.feed(buffer.readableBytesView) where event.type == "message" && !event.data.isEmpty {
                            try Self.yield(Array(event.data.utf8), into: continuation, state: self.state)
                        }
                    }
                } catch is CancellationError {
                } catch {
                    continuation.finish(throwing: TransportError("the event stream from \(self.url) broke: \(Reachability.describe(error))"))
                }
            }
            state.withLock { $0.streams.append(task) }
        case 200..<300 where contentType.hasPrefix("application/json"):
            let body = try await response.body.collect(upTo: maxMessageSize)
            // A 202 for a notification may still say application/json; an empty body carries no message.
            guard body.readableBytes > 0 else { return }
            try Self.yield(Array(body.readableBytesView), into: continuation, state: state)
        case 200..<300:
            _ = try? await response.body.collect(upTo: 64 * 1024)  // 202 Accepted for notifications and responses
        default:
            let body = (try? await response.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
            // A modern server explains a 4xx with a JSON-RPC error (unsupported version, unknown method):
            // pass it on as the answer to the request, so negotiation can read its code and data.
            if message.kind == .request, let error = try? JSONRPCMessage(bytes: Array(body.utf8)), error.kind == .errorResponse,
                let errorObject = error.error
            {
                continuation.yield(JSONRPCMessage.errorResponse(id: message.id, error: errorObject))
                return
            }
            var detail = "HTTP \(response.status.code) \(response.status.reasonPhrase)"
            if let challenge = response.headers.first(name: "WWW-Authenticate") { detail += " (WWW-Authenticate: \(challenge))" }
            if response.status.code == 404, sessionID != nil { detail += ": the server ended the session" }
            let bodyLine = body.split(separator: "\n").first.map { String($0.prefix(200)) } ?? ""
            if !bodyLine.isEmpty { detail += ": \(bodyLine)" }
            guard message.kind == .request else { throw TransportError(detail) }
            continuation.yield(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: -32000, message: detail)))
        }
    }

    /// Parses one body or event (a message or a batch) and yields its messages; notes the negotiated version.
    private static func yield(_ bytes: [UInt8], into continuation: AsyncThrowingStream<JSONRPCMessage, any Error>.Continuation, state: Locked<State>) throws {
        let payload: JSONRPCPayload
        do {
            payload = try JSONRPCPayload(bytes: bytes)
        } catch {
            throw TransportError("the server sent something that is not a JSON-RPC message (\(error)): «\(String(decoding: bytes.prefix(200), as: UTF8.self))»")
        }
        let messages: [JSONRPCMessage]
        switch payload {
        case .single(let message): messages = [message]
        case .batch(_, let batch): messages = batch
        }
        for message in messages {
            if message.kind == .response, let version = message.result?["protocolVersion"]?.stringValue, message.result?["serverInfo"] != nil {
                state.withLock { $0.protocolVersion = version }
            }
            continuation.yield(message)
        }
    }

    public func close() async {
        let (sessionID, streams) = state.withLock { state in
            defer { state.streams.removeAll() }
            return (state.sessionID, state.streams)
        }
        for stream in streams { stream.cancel() }
        if let sessionID {
            var request = HTTPClientRequest(url: url)
            request.method = .DELETE
            for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
            request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: sessionID)
            _ = try? await client.execute(request, timeout: .seconds(5))
        }
        continuation.finish()
    }

    /// A header-safe value: as is when it is visible ASCII without surrounding spaces, else the
    /// `=?base64?…?=` sentinel form of 2026-07-28.
    static func headerValue(_ value: String) -> String {
        let safe = !value.isEmpty && value.utf8.allSatisfy { ($0 >= 0x21 && $0 <= 0x7E) || $0 == 0x20 }
            && value.first != " " && value.last != " "
        return safe ? value : "=?base64?\(Data(value.utf8).base64EncodedString())?="
    }
}
