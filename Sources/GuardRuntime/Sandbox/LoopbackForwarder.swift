// PLACEHOLDER until the egress branch merges (deleted then).
public final class LoopbackForwarder: Sendable {
    public let port: UInt16
    init(port: UInt16) { self.port = port }
    public static func start(unixSocket: String) throws -> LoopbackForwarder { throw SandboxError("egress forwarder not merged yet") }
    public static func proxyEnvironment(port: UInt16) -> [String: String] { [:] }
}
public struct EgressEvent: Sendable { public var host: String; public var port: Int; public var allowed: Bool; public var reason: String? }
public final class EgressProxy: Sendable {
    public init(socketPath: String, allowList: [String], report: @escaping @Sendable (EgressEvent) -> Void) throws { throw SandboxError("egress proxy not merged yet") }
    public func start() throws {}
    public func stop() {}
}
