import Foundation
import GuardCore
import Synchronization

/// Request/response correlation over a transport, with per-request timeouts.
///
/// Answers what a client must answer (`ping`, `roots/list` with no roots) and refuses other server
/// requests (sampling, elicitation) with method-not-found: a scanner never lets a server drive a model.
public final class MCPClientSession: Sendable {
    public let transport: any MCPTransport
    private let state = Locked<State>(State())
    private let reader: Task<Void, Never>

    struct State: Sendable {
        var nextID = 1
        var pending: [String: ResponseBox] = [:]
        var closedError: (any Error)?
    }

    /// An error response from the server.
    public struct RemoteError: Error, CustomStringConvertible, Sendable {
        public let method: String
        public let error: JSONRPCErrorObject
        public var description: String { "\(method) failed: \(error.message) (code \(error.code))" }
    }

    /// No answer in time.
    public struct Timeout: Error, CustomStringConvertible, Sendable {
        public let method: String
        public let seconds: Double
        public var description: String { "timed out after \(Self.format(seconds)) s waiting for \(method)" }
        static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
        }
    }

    public init(transport: any MCPTransport) {
        self.transport = transport
        let state = self.state
        self.reader = Task {
            do {
                for try await message in transport.inbound {
                    switch message.kind {
                    case .response, .errorResponse:
                        guard let id = message.id else { continue }
                        let box = state.withLock { $0.pending.removeValue(forKey: id.description) }
                        box?.deliver(.success(message))
                    case .request:
                        try? await transport.send(Self.answer(message))
                    case .notification:
                        continue
                    }
                }
                Self.fail(state, TransportError("the server closed the connection"))
            } catch {
                Self.fail(state, error)
            }
        }
    }

    private static func fail(_ state: Locked<State>, _ error: any Error) {
        let pending = state.withLock { state in
            state.closedError = state.closedError ?? error
            defer { state.pending.removeAll() }
            return state.pending
        }
        for box in pending.values { box.deliver(.failure(error)) }
    }

    static func answer(_ request: JSONRPCMessage) -> JSONRPCMessage {
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["id"] = request.id?.jsonValue ?? .null
        switch request.method {
        case "ping":
            object["result"] = .object(JSONObject())
        case "roots/list":
            object["result"] = ["roots": []]
        default:
            return JSONRPCMessage.errorResponse(
                id: request.id,
                error: JSONRPCErrorObject(code: JSONRPCErrorObject.methodNotFound, message: "mcpguard does not serve \(request.method ?? "this method")")
            )
        }
        return try! JSONRPCMessage(object)
    }

    /// Sends a request and waits for its response (or `timeout`). Throws ``RemoteError`` on an error response.
    public func request(_ method: String, params: JSONValue? = nil, timeout: Duration) async throws -> JSONValue {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["id"] = .number(JSONNumber(id))
        object["method"] = .string(method)
        if let params { object["params"] = params }
        let message = try JSONRPCMessage(object)
        let key = JSONRPCID(id).description

        // Register before sending, so an answer that arrives at once is never missed.
        let box = ResponseBox()
        if let closed = state.withLock({ state -> (any Error)? in
            if let error = state.closedError { return error }
            state.pending[key] = box
            return nil
        }) {
            throw closed
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let response: JSONRPCMessage
        do {
            // Sending is inside the timeout too: an HTTP POST can hang as well as an answer can.
            response = try await withThrowingTaskGroup(of: JSONRPCMessage.self) { group in
                group.addTask {
                    try await self.transport.send(message)
                    return try await box.value()
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw Timeout(method: method, seconds: seconds)
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch {
            // Forget the request so a late answer is ignored.
            state.withLock { _ = $0.pending.removeValue(forKey: key) }
            box.deliver(.failure(error))
            throw error
        }
        if let error = response.error { throw RemoteError(method: method, error: error) }
        return response.result ?? .null
    }

    /// Sends a notification (no answer expected).
    public func notify(_ method: String, params: JSONValue? = nil) async throws {
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["method"] = .string(method)
        if let params { object["params"] = params }
        try await transport.send(JSONRPCMessage(object))
    }

    /// Closes the transport and stops reading.
    public func close() async {
        await transport.close()
        reader.cancel()
        Self.fail(state, TransportError("the session was closed"))
    }
}

/// Holds one response until its requester takes it, whichever comes first.
final class ResponseBox: Sendable {
    private let state = Mutex<(result: Result<JSONRPCMessage, any Error>?, waiter: CheckedContinuation<JSONRPCMessage, any Error>?)>((nil, nil))

    func deliver(_ result: Result<JSONRPCMessage, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<JSONRPCMessage, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> JSONRPCMessage {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready = state.withLock { state -> Result<JSONRPCMessage, any Error>? in
                    if let result = state.result { return result }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            deliver(.failure(CancellationError()))
        }
    }
}
