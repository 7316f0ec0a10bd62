/// Why a JSON document is not a valid JSON-RPC 2.0 message.
public enum JSONRPCEnvelopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not JSON at all.
    case malformedJSON(JSONParseError)
    /// The JSON is not an object (or, for a batch, an element is not).
    case notAnObject(found: String)
    /// `jsonrpc` is missing or not `"2.0"`.
    case badVersion(found: String?)
    /// `id` is not a string or a number (or is `null` outside an error response).
    case badID(found: String)
    /// `method` is present but not a string.
    case badMethod(found: String)
    /// `params` is present but neither an object nor an array.
    case badParams(found: String)
    /// The object has neither `method`, `result` nor `error`, or has both `result` and `error`.
    case ambiguous(String)
    /// `error` is not an object with an integer `code` and a string `message`.
    case badErrorObject(String)
    /// A batch array was empty.
    case emptyBatch

    public var description: String {
        switch self {
        case .malformedJSON(let error): "malformed JSON at \(error)"
        case .notAnObject(let found): "a JSON-RPC message must be an object, found \(found)"
        case .badVersion(let found):
            found.map { "\"jsonrpc\" must be \"2.0\", found \($0)" } ?? "\"jsonrpc\": \"2.0\" is missing"
        case .badID(let found): "\"id\" must be a string or a number, found \(found)"
        case .badMethod(let found): "\"method\" must be a string, found \(found)"
        case .badParams(let found): "\"params\" must be an object or an array, found \(found)"
        case .ambiguous(let detail): detail
        case .badErrorObject(let detail): "\"error\" \(detail)"
        case .emptyBatch: "a JSON-RPC batch must not be empty"
        }
    }
}
