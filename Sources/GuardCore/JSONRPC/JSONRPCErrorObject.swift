/// The `error` member of a JSON-RPC error response.
public struct JSONRPCErrorObject: Sendable, Hashable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The error as a JSON object.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["code"] = .number(JSONNumber(code))
        object["message"] = .string(message)
        if let data { object["data"] = data }
        return .object(object)
    }

    /// Codes reserved by JSON-RPC 2.0.
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
}
