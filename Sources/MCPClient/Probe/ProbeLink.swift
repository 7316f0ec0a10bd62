import GuardCore

/// How a server answered one probe message.
public enum ProbeReply: Sendable {
    case result(JSONValue)
    case error(JSONRPCErrorObject)
    /// Nothing came back in time (dropped, or the server is stuck: a `ping` afterwards tells which).
    case silent
    /// The server is gone: the process exited or the connection failed. Says how, as a predicate
    /// ("exited with status 3").
    case gone(String)
    /// An HTTP refusal that carried no JSON-RPC error; `body` is its start, for the leak screen.
    case http(status: Int, body: String)

    /// The server refused the message in a way a client can read.
    public var isRefusal: Bool {
        switch self {
        case .error, .http: true
        case .result(let value): value["isError"] == .bool(true)
        case .silent, .gone: false
        }
    }
}

/// A raw channel to one server for `mcpguard probe`: unlike ``MCPTransport`` it sends bytes that need not be
/// valid JSON-RPC and reports silence and death as answers, since those are what the probe judges.
public protocol ProbeLink: AnyObject, Sendable {
    /// Sends `bytes` and waits up to `timeout` for the answer with `id` (or an error with a null id, which
    /// is how a server answers what it could not parse).
    func exchange(_ bytes: [UInt8], id: JSONRPCID?, timeout: Duration) async -> ProbeReply
    /// Sends a notification; no answer is awaited.
    func notify(_ bytes: [UInt8]) async
    func close() async
    /// Context for skipped checks (a stderr tail, the last HTTP status); never secrets the user configured.
    var diagnostics: String { get }
}

extension ProbeLink {
    /// A well-formed request with a string id of our own.
    func request(_ method: String, params: JSONValue? = nil, id: String, timeout: Duration) async -> ProbeReply {
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["id"] = .string(id)
        object["method"] = .string(method)
        if let params { object["params"] = params }
        return await exchange(JSONWriter().bytes(.object(object)), id: JSONRPCID(id), timeout: timeout)
    }
}
