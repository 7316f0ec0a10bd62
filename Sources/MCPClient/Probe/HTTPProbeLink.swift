import AsyncHTTPClient
import Foundation
import GuardCore
import NIOCore

/// A Streamable HTTP server probed one POST at a time. Keeps the `Mcp-Session-Id` the server issues and the
/// negotiated version; reads the answer from a JSON body or from the POST's event stream.
public final class HTTPProbeLink: ProbeLink {
    public let url: String
    let headers: [String: String]
    let client: HTTPClient
    private let state = Locked<State>(State())

    struct State: Sendable {
        var sessionID: String?
        var protocolVersion: String?
        var lastStatus = ""
    }

    public init(url: String, headers: [String: String], client: HTTPClient = .shared) {
        self.url = url
        self.headers = headers
        self.client = client
    }

    /// A link to `url` once something accepts TCP connections there ("connection refused" at once, not a timeout).
    public static func connect(url: String, headers: [String: String], timeout: Duration = .seconds(10)) async throws -> HTTPProbeLink {
        try await Reachability.check(url: url, timeout: timeout)
        return HTTPProbeLink(url: url, headers: headers)
    }

    public var diagnostics: String { state.withLock { $0.lastStatus } }
    public var sessionID: String? { state.withLock { $0.sessionID } }

    public func exchange(_ bytes: [UInt8], id: JSONRPCID?, timeout: Duration) async -> ProbeReply {
        let prepared = request(bytes)
        let client = self.client
        let state = self.state
        return await withTaskGroup(of: ProbeReply?.self) { group in
            group.addTask {
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(prepared, timeout: .seconds(120))
                } catch is CancellationError {
                    return nil
                } catch {
                    return .gone("became unreachable (\(Reachability.describe(error)))")
                }
                state.withLock { $0.lastStatus = "HTTP \(response.status.code)" }
                if let session = response.headers.first(name: "Mcp-Session-Id"), !session.isEmpty, state.withLock({ $0.sessionID == nil }) {
                    state.withLock { $0.sessionID = session }
                }
                return await Self.reply(response, id: id, state: state)
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .silent
            }
            let first = (await group.next() ?? nil) ?? .silent
            group.cancelAll()
            return first
        }
    }

    public func notify(_ bytes: [UInt8]) async {
        if let response = try? await client.execute(request(bytes), timeout: .seconds(5)) {
            _ = try? await response.body.collect(upTo: 64 * 1024)
        }
    }

    /// Ends the session (DELETE) when the server issued one.
    public func close() async {
        guard let session = sessionID else { return }
        var request = HTTPClientRequest(url: url)
        request.method = .DELETE
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: session)
        if let response = try? await client.execute(request, timeout: .seconds(5)) { _ = try? await response.body.collect(upTo: 64 * 1024) }
    }

    func request(_ bytes: [UInt8]) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "Accept", value: "application/json, text/event-stream")
        let (session, version) = state.withLock { ($0.sessionID, $0.protocolVersion) }
        if let session { request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: session) }
        if let version { request.headers.replaceOrAdd(name: "MCP-Protocol-Version", value: version) }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        return request
    }

    static func reply(_ response: HTTPClientResponse, id: JSONRPCID?, state: Locked<State>) async -> ProbeReply {
        let contentType = response.headers.first(name: "Content-Type")?.lowercased() ?? ""
        var bodies: [[UInt8]] = []
        if contentType.hasPrefix("text/event-stream") {
            var parser = SSEParser(maxLineSize: 8 * 1024 * 1024, maxEventSize: 8 * 1024 * 1024)
            do {
                streaming: for try await buffer in response.body {
                    for event in try parser.feed(buffer.readableBytesView) where event.type == "message" && !event.data.isEmpty {
                        bodies.append(Array(event.data.utf8))
                        if let message = try? JSONRPCMessage(bytes: Array(event.data.utf8)), message.id == id || message.kind == .errorResponse {
                            break streaming
                        }
                    }
                }
            } catch {
                return .gone("broke off its event stream (\(error))")
            }
        } else if let body = try? await response.body.collect(upTo: 4 * 1024 * 1024) {
            bodies.append(Array(body.readableBytesView))
        }
        for body in bodies {
            guard let message = try? JSONRPCMessage(bytes: body), message.kind == .response || message.kind == .errorResponse else { continue }
            guard message.id == id || message.id == nil else { continue }
            if let error = message.error { return .error(error) }
            if let version = message.result?["protocolVersion"]?.stringValue, message.result?["serverInfo"] != nil {
                state.withLock { $0.protocolVersion = $0.protocolVersion ?? version }
            }
            return .result(message.result ?? .null)
        }
        let status = Int(response.status.code)
        let text = String(decoding: (bodies.first ?? []).prefix(2000), as: UTF8.self)
        // A 202 to a request is no answer at all; any other status without a JSON-RPC body is a refusal.
        return (200..<300).contains(status) ? .silent : .http(status: status, body: text)
    }
}
