import AsyncHTTPClient
import Foundation
import GuardCore
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// Read-only checks of a remote server's transport security: TLS (a valid chain, nothing older than 1.2),
/// whether it demands authentication and advertises it properly (RFC 9728 protected-resource metadata,
/// an authorization server that supports PKCE S256), and whether it refuses a foreign `Origin`.
///
/// Only `server/discover` POSTs (an `initialize` for servers that want a session, ended at once),
/// SSE stream heads and metadata GETs are sent; nothing that could change server state.
public struct RemoteSecurityProbe: Sendable {
    public enum Observation: Sendable, Hashable {
        case certificateInvalid(String)
        case outdatedTLS(String)
        case authenticationNotRequired
        case challengeMissing(status: Int)
        case resourceMetadataProblem(String)
        case pkceMissing(issuer: String, methods: [String])
        case originNotValidated(status: Int)
        /// Plain `http://` to a host that is not this machine: everything, credentials included, in clear.
        case plainHTTP
    }

    public var timeout: Duration = .seconds(5)
    /// Whether a loopback server that needs no credentials is worth reporting (tests probe on loopback).
    var reportLoopbackWithoutAuth = false

    /// ``timeout`` for one HTTP request.
    var requestTimeout: TimeAmount {
        let (seconds, attoseconds) = timeout.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
    let client: HTTPClient

    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    public func probe(_ spec: ServerSpec) async -> [Observation] {
        guard let url = spec.url, let components = URLComponents(string: url), let host = components.host else { return [] }
        var observations: [Observation] = []
        if components.scheme?.lowercased() == "http", !isLoopbackHost(host) { observations.append(.plainHTTP) }
        if components.scheme?.lowercased() == "https" {
            observations += await tlsObservations(host: host, port: components.port ?? 443)
            if observations.contains(where: { if case .certificateInvalid = $0 { true } else { false } }) { return observations }
        }
        switch spec.transport {
        case .http:
            observations += await authenticationObservations(url: url, host: host)
            observations += await originObservations(url: url, headers: spec.headers)
        case .sse:
            observations += await streamObservations(url: url, host: host, headers: spec.headers)
        case .stdio:
            break
        }
        return observations
    }

    // MARK: TLS

    func tlsObservations(host: String, port: Int) async -> [Observation] {
        var observations: [Observation] = []
        var strict = TLSConfiguration.makeClientConfiguration()
        strict.minimumTLSVersion = .tlsv12
        if let error = await handshake(host: host, port: port, configuration: strict) {
            observations.append(.certificateInvalid(error))
        }
        var old = TLSConfiguration.makeClientConfiguration()
        old.certificateVerification = .none
        old.minimumTLSVersion = .tlsv1
        old.maximumTLSVersion = .tlsv11
        if await handshake(host: host, port: port, configuration: old) == nil {
            observations.append(.outdatedTLS("accepts TLS 1.1 or older"))
        }
        return observations
    }

    /// nil when a TLS handshake with `configuration` succeeds, else why it failed.
    func handshake(host: String, port: Int, configuration: TLSConfiguration) async -> String? {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        // Created before connecting and completed on every path (later completions are ignored), so the
        // watcher sees the handshake however fast it is and the promise never leaks.
        let handshakeDone = eventLoop.makePromise(of: Void.self)
        defer { handshakeDone.fail(TransportError("TLS probe finished")) }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            let serverName = host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
            let channel = try await ClientBootstrap(group: eventLoop)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                        try channel.pipeline.syncOperations.addHandlers([handler, HandshakeWatcher(promise: handshakeDone)])
                    }
                }
                .connect(host: host, port: port).get()
            defer { channel.close(promise: nil) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await handshakeDone.futureResult.get() }
                group.addTask {
                    try await Task.sleep(for: .seconds(5))
                    throw TransportError("TLS handshake timed out")
                }
                defer { group.cancelAll() }
                try await group.next()
            }
            return nil
        } catch {
            return Self.describeTLS(error)
        }
    }

    static func describeTLS(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") || text.contains("handshakeFailed") {
            if text.contains("self signed") || text.contains("self-signed") || text.contains("SELF_SIGNED") { return "self-signed certificate" }
            if text.contains("expired") || text.contains("EXPIRED") { return "expired certificate" }
            if text.contains("hostname") || text.contains("HOSTNAME") { return "certificate does not match the host name" }
            return "the certificate chain does not verify"
        }
        return text
    }

    // MARK: Authentication

    func authenticationObservations(url: String, host: String) async -> [Observation] {
        guard let response = await probePost(url: url, headers: [:]) else { return [] }
        switch response.status {
        case 200..<300:
            return reportLoopbackWithoutAuth || !isLoopbackHost(host) ? [.authenticationNotRequired] : []
        case 401, 403:
            guard let challenge = response.headers["www-authenticate"] else { return [.challengeMissing(status: response.status)] }
            return await metadataObservations(url: url, challenge: challenge)
        default:
            return []
        }
    }

    func metadataObservations(url: String, challenge: String) async -> [Observation] {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return [] }
        let origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
        let advertised = Self.parameter("resource_metadata", in: challenge)
        let candidates = [advertised, origin + "/.well-known/oauth-protected-resource" + (components.path == "/" ? "" : components.path),
                          origin + "/.well-known/oauth-protected-resource"].compactMap { $0 }
        var metadata: JSONValue?
        for candidate in candidates {
            if let value = await getJSON(candidate) { metadata = value; break }
        }
        guard let metadata else {
            return [.resourceMetadataProblem("no protected-resource metadata (RFC 9728) at \(candidates.first ?? origin)")]
        }
        guard let servers = metadata["authorization_servers"]?.arrayValue?.compactMap(\.stringValue), let issuer = servers.first else {
            return [.resourceMetadataProblem("the protected-resource metadata names no authorization_servers")]
        }
        guard let issuerComponents = URLComponents(string: issuer), let issuerScheme = issuerComponents.scheme, let issuerHost = issuerComponents.host else {
            return [.resourceMetadataProblem("authorization server \(issuer) is not a URL")]
        }
        let issuerOrigin = "\(issuerScheme)://\(issuerHost)" + (issuerComponents.port.map { ":\($0)" } ?? "")
        let path = issuerComponents.path == "/" ? "" : issuerComponents.path
        for candidate in [issuerOrigin + "/.well-known/oauth-authorization-server" + path, issuerOrigin + "/.well-known/openid-configuration" + path,
                          issuer.hasSuffix("/") ? issuer + ".well-known/openid-configuration" : issuer + "/.well-known/openid-configuration"] {
            guard let server = await getJSON(candidate) else { continue }
            let methods = server["code_challenge_methods_supported"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return methods.contains("S256") ? [] : [.pkceMissing(issuer: issuer, methods: methods)]
        }
        return [.resourceMetadataProblem("no authorization server metadata (RFC 8414) for \(issuer)")]
    }

    /// `name="value"` or `name=value` in a WWW-Authenticate header.
    static func parameter(_ name: String, in header: String) -> String? {
        guard let range = header.range(of: name + "=") else { return nil }
        var rest = header[range.upperBound...]
        if rest.first == "\"" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return String(rest.prefix { $0 != "," && $0 != " " })
    }

    // MARK: Origin

    func originObservations(url: String, headers: [String: String]) async -> [Observation] {
        var foreign = headers
        foreign["Origin"] = "https://mcpguard-origin-check.invalid"
        guard let response = await probePost(url: url, headers: foreign) else { return [] }
        return (200..<300).contains(response.status) ? [.originNotValidated(status: response.status)] : []
    }

    // MARK: HTTP helpers

    struct Response {
        let status: Int
        let headers: [String: String]
    }

    func post(url: String, headers: [String: String], method: String) async -> Response? {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
        request.headers.replaceOrAdd(name: "Accept", value: "application/json, text/event-stream")
        let body: JSONValue
        if method == "initialize" {
            body = [
                "jsonrpc": "2.0", "id": "mcpguard-probe", "method": "initialize",
                "params": ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "mcpguard-probe", "version": .string(MCPGuardVersion.current)]],
            ]
        } else {
            request.headers.replaceOrAdd(name: "MCP-Protocol-Version", value: ProtocolVersion.modern[0])
            request.headers.replaceOrAdd(name: "Mcp-Method", value: "server/discover")
            body = [
                "jsonrpc": "2.0", "id": "mcpguard-probe", "method": "server/discover",
                "params": ["_meta": ProtocolVersion.modernMeta(version: ProtocolVersion.modern[0])],
            ]
        }
        request.body = .bytes(ByteBuffer(bytes: JSONWriter().bytes(body)))
        guard let response = try? await client.execute(request, timeout: requestTimeout) else { return nil }
        _ = try? await response.body.collect(upTo: 256 * 1024)
        var collected: [String: String] = [:]
        for header in response.headers { collected[header.name.lowercased()] = header.value }
        return Response(status: Int(response.status.code), headers: collected)
    }

    func getJSON(_ url: String) async -> JSONValue? {
        var request = HTTPClientRequest(url: url)
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        guard let response = try? await client.execute(request, timeout: requestTimeout), response.status.code == 200,
            let body = try? await response.body.collect(upTo: 1024 * 1024)
        else { return nil }
        return try? JSONParser.parse(Array(body.readableBytesView))
    }
}

/// Completes a promise when the TLS handshake has finished (or fails it when the channel errors).
final class HandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event { promise.succeed(()) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(TransportError("the connection closed during the TLS handshake"))
        context.fireChannelInactive()
    }
}
