import AsyncHTTPClient
import Foundation
import GuardCore
import NIOCore
import NIOHTTP1

/// The HTTP+SSE transport of protocol 2024-11-05: a long-lived GET event stream whose first `endpoint`
/// event names the URL to POST messages to; answers arrive as `message` events on the stream.
public final class LegacySSETransport: MCPTransport {
    public let url: String
    let headers: [String: String]
    let client: HTTPClient
    public let inbound: AsyncThrowingStream<JSONRPCMessage, any Error>
    private let continuation: AsyncThrowingStream<JSONRPCMessage, any Error>.Continuation
    private let state = Locked<State>(State())

    struct State: Sendable {
        var endpoint: String?
        var endpointWaiter: CheckedContinuation<String, any Error>?
        var reader: Task<Void, Never>?
        var failure: TransportError?
    }

    /// Opens the event stream and waits (up to `timeout`) for the `endpoint` event.
    public init(url: String, headers: [String: String], client: HTTPClient, timeout: Duration, maxMessageSize: Int = StdioTransport.defaultMaxMessageSize) async throws {
        self.url = url
        self.headers = headers
        self.client = client
        (inbound, continuation) = AsyncThrowingStream<JSONRPCMessage, any Error>.makeStream()

        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Accept", value: "text/event-stream")
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(Int64(max(1, timeout.components.seconds))))
        } catch {
            throw TransportError("cannot reach \(url): \(Reachability.describe(error))")
        }
        guard response.status.code == 200, response.headers.first(name: "Content-Type")?.lowercased().hasPrefix("text/event-stream") == true else {
            var detail = "GET \(url) answered HTTP \(response.status.code) \(response.status.reasonPhrase), not an event stream"
            if let challenge = response.headers.first(name: "WWW-Authenticate") { detail += " (WWW-Authenticate: \(challenge))" }
            throw TransportError(detail)
        }
        let base = URL(string: url)
        let reader = Task { [continuation, state] in
            var parser = SSEParser(maxLineSize: maxMessageSize, maxEventSize: maxMessageSize)
            do {
                for try await buffer in response.body {
                    for event in try parser.feed(buffer.readableBytesView) {
                        switch event.type {
                        case "endpoint":
                            let resolved = URL(string: event.data, relativeTo: base)?.absoluteString ?? event.data
                            let waiter = state.withLock { state in
                                state.endpoint = resolved
                                defer { state.endpointWaiter = nil }
                                return state.endpointWaiter
                            }
                            waiter?.resume(returning: resolved)
                        case "message":
                            do {
                                continuation.yield(try JSONRPCMessage(bytes: Array(event.data.utf8)))
                            } catch {
                                throw TransportError("the server sent something that is not a JSON-RPC message (\(error)): «\(event.data.prefix(200))»")
                            }
                        default:
                            continue
                        }
                    }
                }
                Self.fail(state, continuation, TransportError("the server closed the event stream"))
            } catch is CancellationError {
                Self.fail(state, continuation, TransportError("the event stream was closed"))
            } catch let error as TransportError {
                Self.fail(state, continuation, error)
            } catch {
                Self.fail(state, continuation, TransportError("the event stream broke: \(Reachability.describe(error))"))
            }
        }
        state.withLock { $0.reader = reader }
        _ = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask { [state] in
                try await withCheckedThrowingContinuation { waiter in
                    let ready: Result<String, any Error>? = state.withLock { state in
                        if let endpoint = state.endpoint { return .success(endpoint) }
                        if let failure = state.failure { return .failure(failure) }
                        state.endpointWaiter = waiter
                        return nil
                    }
                    if let ready { waiter.resume(with: ready) }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TransportError("timed out after \(timeout.components.seconds) s waiting for the endpoint event")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    private static func fail(_ state: Locked<State>, _ continuation: AsyncThrowingStream<JSONRPCMessage, any Error>.Continuation, _ error: TransportError) {
        let waiter = state.withLock { state in
            state.failure = state.failure ?? error
            defer { state.endpointWaiter = nil }
            return state.endpointWaiter
        }
        waiter?.resume(throwing: error)
        continuation.finish(throwing: error)
    }

    public var diagnostics: String { "" }

    public func send(_ message: JSONRPCMessage) async throws {
        guard let endpoint = state.withLock({ $0.endpoint }) else { throw TransportError("no endpoint event was received") }
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: message.raw))
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(30))
        } catch {
            throw TransportError("cannot POST to \(endpoint): \(Reachability.describe(error))")
        }
        _ = try? await response.body.collect(upTo: 64 * 1024)
        guard (200..<300).contains(response.status.code) else {
            let detail = "POST \(endpoint) answered HTTP \(response.status.code) \(response.status.reasonPhrase)"
            guard message.kind == .request else { throw TransportError(detail) }
            continuation.yield(JSONRPCMessage.errorResponse(id: message.id, error: JSONRPCErrorObject(code: -32000, message: detail)))
            return
        }
    }

    public func close() async {
        let reader = state.withLock { $0.reader }
        reader?.cancel()
        continuation.finish()
    }
}
