import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP proxy a sandboxed server's network allow-list goes through.
///
/// mcpguard runs it outside the sandbox on a Unix socket that the sandbox binds in (the server's network
/// namespace has no route out; ``LoopbackForwarder`` bridges its loopback port to this socket). It
/// speaks `CONNECT host:port` (then relays bytes both ways) and absolute-form plain HTTP (forwarded in
/// origin form, one request per connection). The request *target* alone decides the destination; the
/// name is resolved here, and a name that resolves to a loopback, private or link-local address is
/// refused unless the entry that admitted it names an address or `localhost` (DNS rebinding). Each
/// connection runs on a thread of its own and is reported once, when it ends, through `onEvent`.
public final class EgressProxy: Sendable {
    public struct Options: Sendable {
        /// For resolving and connecting to the destination, all addresses together.
        public var connectTimeout: Duration = .seconds(10)
        /// For the whole request head to arrive (a slow client cannot hold a thread forever).
        public var headerTimeout: Duration = .seconds(10)
        /// With no byte in either direction, a relay ends.
        public var idleTimeout: Duration = .seconds(300)
        /// Connections beyond this are answered 503 at once.
        public var maxConnections = 256
        /// Name to addresses; the system resolver (`getaddrinfo`) unless a test gives its own.
        public var resolve: @Sendable (String) throws -> [EgressAddress] = EgressResolver.system
        /// Its threads' names (connections add `-c`); tests give their own to count only theirs.
        var threadName = "egress-proxy"

        public init() {}
    }

    /// The largest request head (request line and headers) accepted.
    public static let headLimit = 16 * 1024

    public let socketPath: String
    public let allowList: EgressAllowList
    let options: Options
    let onEvent: @Sendable (EgressEvent) -> Void
    private let acceptor = Mutex<SocketAcceptor?>(nil)

    /// `onEvent` runs on the connection's thread as it ends; keep it short (an audit write).
    public init(
        socketPath: String, allowList: EgressAllowList, options: Options = Options(),
        onEvent: @escaping @Sendable (EgressEvent) -> Void = { _ in }
    ) {
        self.socketPath = socketPath
        self.allowList = allowList
        self.options = options
        self.onEvent = onEvent
    }

    /// Creates the socket (mode 0600, in a directory the caller made private) and starts serving.
    public func start() throws(EgressError) {
        try acceptor.withLock { (acceptor) throws(EgressError) in
            guard acceptor == nil else { throw EgressError("the egress proxy on \(socketPath) is already running") }
            do {
                let listener = try POSIXSocket.listenUnix(path: socketPath)
                let path = socketPath
                let server = try SocketAcceptor(
                    listener: listener, threadName: options.threadName, maxConnections: options.maxConnections,
                    handler: { [self] client, stop in serve(client, stop: stop) },
                    overflow: { [self] client in refuseOverflow(client) },
                    closed: { unlink(path) }
                )
                try server.start()
                acceptor = server
            } catch {
                throw EgressError("cannot start the egress proxy: \(error)")
            }
        }
    }

    /// Closes the socket and every connection, waits for all threads and removes the socket file.
    /// Idempotent; `start()` may be called again afterwards. Not from `onEvent`, which runs on a thread
    /// `stop()` waits for.
    public func stop() {
        let server = acceptor.withLock { acceptor in
            defer { acceptor = nil }
            return acceptor
        }
        server?.stop()
    }

    /// Connections being served now (0 when stopped); a snapshot, for tests and status.
    var activeConnections: Int { acceptor.withLock { $0?.activeConnections ?? 0 } }

    /// A full house: a short 503 without waiting (the accept thread must not block), and its event.
    private func refuseOverflow(_ client: Int32) {
        let reason = "mcpguard sandbox: too many connections (\(options.maxConnections)) through the egress proxy"
        _ = POSIXSocket.send(client, Self.response(503, body: reason)[...])
        onEvent(EgressEvent(method: "", host: "", port: 0, outcome: .refused(reason), status: 503, bytesUp: 0, bytesDown: 0, duration: .zero))
    }

    /// A complete answer with a one-line plain-text body.
    static func response(_ status: Int, body: String) -> [UInt8] {
        let phrases = [
            400: "Bad Request", 403: "Forbidden", 408: "Request Timeout", 431: "Request Header Fields Too Large",
            501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        let text = body + "\n"
        return Array(
            "HTTP/1.1 \(status) \(phrases[status] ?? "Error")\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n\(text)"
                .utf8)
    }
}

/// Why the egress proxy could not start, in one line.
public struct EgressError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
