import Foundation
import GuardCore
import GuardDetect

/// The state of one probe run: the current link (started again after a crash), what the server declared
/// and listed, the time budget, and every error text the probes provoked, for the leak screen.
actor ProbeSession {
    let connect: @Sendable () async throws -> any ProbeLink
    let options: ActiveProbe.Options
    let deadline: ContinuousClock.Instant
    private(set) var link: (any ProbeLink)?
    private var restarts = 0
    private var counter = 0
    private(set) var capabilities: JSONObject = JSONObject()
    private(set) var serverInfo: JSONValue?
    private(set) var tools: [JSONValue] = []
    private(set) var resources: [JSONValue] = []
    private(set) var templates: [JSONValue] = []
    /// (what provoked it, the text) for every error the server sent.
    private(set) var errorTexts: [(String, String)] = []
    /// Strings the probe put into requests; an error that merely echoes them leaks nothing.
    private(set) var sentLiterals: [String] = []

    init(connect: @escaping @Sendable () async throws -> any ProbeLink, options: ActiveProbe.Options) {
        self.connect = connect
        self.options = options
        self.deadline = .now + options.budget
    }

    var timeout: Duration { options.requestTimeout }
    var budgetLeft: Bool { ContinuousClock.now < deadline }
    var budgetExhausted: String { "the probe's time budget (\(Int(options.budget.seconds)) s) ran out" }

    func nextID(_ label: String) -> String {
        counter += 1
        return "mcpguard-\(label)-\(counter)"
    }

    func sent(_ literal: String) { sentLiterals.append(literal) }

    /// Connects, shakes hands and lists tools and resources; nil on success, else why not.
    func start() async -> String? {
        do {
            link = try await connect()
        } catch {
            return "\(error)"
        }
        if let failure = await handshake() { return failure }
        func list(_ method: String, _ member: String) async -> [JSONValue] {
            if case .result(let value) = await request(method, nil, label: "list") { return value[member]?.arrayValue ?? [] }
            return []
        }
        if capabilities["tools"] != nil { tools = await list("tools/list", "tools") }
        if capabilities["resources"] != nil {
            resources = await list("resources/list", "resources")
            templates = await list("resources/templates/list", "resourceTemplates")
        }
        return nil
    }

    /// `initialize` with the newest revision that has it (every SDK in use still accepts it), then `initialized`.
    func handshake() async -> String? {
        let params: JSONValue = [
            "protocolVersion": .string(ProtocolVersion.legacy[0]), "capabilities": [:],
            "clientInfo": ["name": "mcpguard-probe", "version": .string(MCPGuardVersion.current)],
        ]
        let reply = await request("initialize", params, label: "initialize", timeout: max(timeout, options.startupTimeout), screen: false)
        switch reply {
        case .result(let value):
            capabilities = value["capabilities"]?.objectValue ?? JSONObject()
            serverInfo = serverInfo ?? value["serverInfo"]
        case .error(let error):
            return "initialize failed: \(error.message) (code \(error.code))"
        case .http(let status, _):
            return "initialize was refused with HTTP \(status)"
        case .silent:
            return "no answer to initialize within \(Int(max(timeout, options.startupTimeout).seconds)) s"
        case .gone(let how):
            let tail = String(link?.diagnostics.suffix(300) ?? "")
            // A stderr tail is the server's own text: whatever secret it printed is masked before it is shown.
            let shown = Redaction.redact(tail, secrets: SecretScanner.scan(tail).map(\.value))
            return "the server \(how)" + (shown.isEmpty ? "" : ": \(shown)")
        }
        await link?.notify(JSONWriter().bytes(["jsonrpc": "2.0", "method": "notifications/initialized"]))
        return nil
    }

    /// Sends raw bytes; error texts are kept for the leak screen unless `screen` is false.
    func exchange(_ bytes: [UInt8], id: JSONRPCID?, label: String, timeout: Duration? = nil, screen: Bool = true) async -> ProbeReply {
        guard let link else { return .gone("is not connected (it could not be started again)") }
        let reply = await link.exchange(bytes, id: id, timeout: timeout ?? self.timeout)
        if screen { record(reply, label: label) }
        return reply
    }

    func request(_ method: String, _ params: JSONValue?, label: String, timeout: Duration? = nil, screen: Bool = true) async -> ProbeReply {
        var object = JSONObject()
        let id = nextID(label.split(separator: " ").first.map(String.init) ?? "probe")
        object["jsonrpc"] = "2.0"
        object["id"] = .string(id)
        object["method"] = .string(method)
        if let params { object["params"] = params }
        return await exchange(JSONWriter().bytes(.object(object)), id: JSONRPCID(id), label: label, timeout: timeout, screen: screen)
    }

    func record(_ reply: ProbeReply, label: String) {
        switch reply {
        case .error(let error):
            errorTexts.append((label, error.message + (error.data.map { " " + JSONWriter().string($0) } ?? "")))
        case .http(_, let body) where !body.isEmpty:
            errorTexts.append((label, body))
        case .result(let value) where value["isError"] == .bool(true):
            errorTexts.append((label, JSONWriter().string(value["content"] ?? .null)))
        default:
            break
        }
    }

    /// Whether the server still answers `ping`; `.result` when it does.
    func ping(timeout: Duration? = nil) async -> ProbeReply {
        await request("ping", nil, label: "ping", timeout: timeout, screen: false)
    }

    /// Starts the server again after it died, within ``ActiveProbe/Options/maxRestarts``.
    func restart() async -> Bool {
        guard restarts < options.maxRestarts, budgetLeft else { return false }
        restarts += 1
        await link?.close()
        link = nil
        do { link = try await connect() } catch { return false }
        return await handshake() == nil
    }

    func close() async {
        await link?.close()
        link = nil
    }
}
