#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs *inside* the sandbox's network namespace: listens on 127.0.0.1 and splices every TCP connection
/// to the egress proxy's Unix socket, byte for byte.
///
/// The namespace has only a loopback interface, and HTTP clients expect a proxy at a TCP address; the
/// forwarder is that address. It decides nothing: the proxy outside reads, checks and reports every
/// request. A client that vanishes only ends its own connection.
public final class LoopbackForwarder: Sendable {
    /// The loopback port it listens on.
    public let port: UInt16
    public let unixSocket: String
    private let acceptor: SocketAcceptor

    /// Binds 127.0.0.1:`port` (0 picks a free one, see ``port``) without serving yet.
    public convenience init(unixSocket: String, port: UInt16 = 0, maxConnections: Int = 256) throws(EgressError) {
        try self.init(unixSocket: unixSocket, port: port, maxConnections: maxConnections, threadName: "egress-fwd")
    }

    /// `threadName` names its threads (connections add `-c`); tests give their own to count only theirs.
    init(unixSocket: String, port: UInt16, maxConnections: Int, threadName: String) throws(EgressError) {
        let listener: (fd: Int32, port: UInt16)
        do { listener = try POSIXSocket.listenLoopback(port: port) } catch {
            throw EgressError("cannot listen on 127.0.0.1:\(port) for the egress proxy: \(error)")
        }
        self.port = listener.port
        self.unixSocket = unixSocket
        let path = unixSocket
        do {
            acceptor = try SocketAcceptor(
                listener: listener.fd, threadName: threadName, maxConnections: maxConnections,
                handler: { client, stop in Self.splice(client, to: path, stop: stop) },
                overflow: { client in
                    let answer = EgressProxy.response(503, body: "mcpguard sandbox: too many connections (\(maxConnections)) through the egress forwarder")
                    _ = POSIXSocket.send(client, answer[...])
                }
            )
        } catch {
            throw EgressError("cannot start the egress forwarder: \(error)")
        }
    }

    /// Binds and serves on a thread of its own; returns the port and the forwarder to `stop()`.
    public static func start(unixSocket: String, port: UInt16 = 0) throws(EgressError) -> (port: UInt16, forwarder: LoopbackForwarder) {
        try start(unixSocket: unixSocket, port: port, threadName: "egress-fwd")
    }

    static func start(unixSocket: String, port: UInt16, threadName: String) throws(EgressError) -> (port: UInt16, forwarder: LoopbackForwarder) {
        let forwarder = try LoopbackForwarder(unixSocket: unixSocket, port: port, maxConnections: 256, threadName: threadName)
        do { try forwarder.acceptor.start() } catch {
            forwarder.stop()
            throw EgressError("cannot start the egress forwarder: \(error)")
        }
        return (forwarder.port, forwarder)
    }

    /// Serves on the calling thread until ``stop()`` is called from another.
    public func run() throws(EgressError) {
        do { try acceptor.run() } catch { throw EgressError("cannot run the egress forwarder: \(error)") }
    }

    /// Closes the port and every connection and waits for their threads. Idempotent.
    public func stop() { acceptor.stop() }

    /// The environment that points a sandboxed server's HTTP clients at the forwarder.
    ///
    /// Both spellings, since tools read either; `NO_PROXY` is emptied so an inherited exemption (often
    /// `localhost`) cannot send a request to the namespace's own, empty, loopback instead; and
    /// `NODE_USE_ENV_PROXY` makes Node's built-in `fetch` (Node 24 and later) honour the variables.
    public static func proxyEnvironment(port: UInt16) -> [String: String] {
        let url = "http://127.0.0.1:\(port)"
        var environment: [String: String] = [:]
        for name in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
            environment[name] = url
            environment[name.lowercased()] = url
        }
        environment["NO_PROXY"] = ""
        environment["no_proxy"] = ""
        environment["NODE_USE_ENV_PROXY"] = "1"
        return environment
    }

    private static func splice(_ client: Int32, to path: String, stop: Int32) {
        defer { close(client) }
        guard let upstream = try? POSIXSocket.connectUnix(path: path, deadline: .now + .seconds(5), stop: stop) else {
            let answer = EgressProxy.response(502, body: "mcpguard sandbox: the egress proxy is not reachable")
            try? POSIXSocket.sendAll(client, answer, deadline: .now + .seconds(1), stop: stop)
            return
        }
        defer { close(upstream) }
        // No idle limit of its own: the proxy outside enforces it and closes, which ends this splice.
        _ = SocketRelay.run(client: client, upstream: upstream, idle: nil, stop: stop)
    }
}
