import GuardCore

/// A bidirectional JSON-RPC channel to one MCP server.
///
/// Transports deliver whole messages; framing (lines, SSE events, HTTP bodies), size limits and
/// process or connection lifetime are their business. `inbound` finishes when the server goes away,
/// with an error that says how.
public protocol MCPTransport: Sendable {
    /// Messages from the server, in arrival order.
    var inbound: AsyncThrowingStream<JSONRPCMessage, any Error> { get }
    /// Sends one message to the server.
    func send(_ message: JSONRPCMessage) async throws
    /// Ends the connection and releases everything it holds (processes, sockets).
    func close() async
    /// Context for error messages: a stderr tail, an HTTP status. Never contains secrets the user configured.
    var diagnostics: String { get }
}

/// Why a transport failed.
public struct TransportError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
