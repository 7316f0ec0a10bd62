/// One JSON-RPC 2.0 message with the exact bytes it arrived as.
///
/// The guard reads a message to decide and forwards ``raw`` untouched unless a control changed it, so
/// nothing is re-encoded by accident. Typed accessors cover the envelope members; everything else stays
/// reachable through ``body``.
public struct JSONRPCMessage: Sendable {
    public enum Kind: Sendable, Hashable {
        case request
        case notification
        case response
        case errorResponse
    }

    /// The bytes exactly as received (without the line terminator of line-framed transports).
    public let raw: [UInt8]
    /// The parsed top-level object.
    public let body: JSONObject
    public let kind: Kind
    /// The id of a request or response; `nil` for notifications and for error responses with `"id": null`.
    public let id: JSONRPCID?

    /// Parses and validates one message.
    ///
    /// - Throws: ``JSONRPCEnvelopeError`` naming the first rule the input broke.
    public init(bytes: [UInt8], parser: JSONParser = JSONParser()) throws(JSONRPCEnvelopeError) {
        let value: JSONValue
        do {
            value = try parser.parse(bytes)
        } catch {
            throw .malformedJSON(error)
        }
        guard case .object(let object) = value else { throw .notAnObject(found: value.typeName) }
        try self.init(raw: bytes, object: object)
    }

    /// Validates an already parsed object; `raw` must be the bytes it was parsed from.
    init(raw: [UInt8], object: JSONObject) throws(JSONRPCEnvelopeError) {
        guard let version = object["jsonrpc"] else { throw .badVersion(found: nil) }
        guard version == .string("2.0") else { throw .badVersion(found: version.jsonString) }

        let id: JSONRPCID?
        switch object["id"] {
        case nil, .null?: id = nil
        case .string(let string)?: id = .string(string)
        case .number(let number)?: id = .number(number)
        case let other?: throw .badID(found: other.typeName)
        }

        let kind: Kind
        if let method = object["method"] {
            guard case .string = method else { throw .badMethod(found: method.typeName) }
            if let params = object["params"] {
                switch params {
                case .object, .array: break
                default: throw .badParams(found: params.typeName)
                }
            }
            if object.contains("result") || object.contains("error") {
                throw .ambiguous("a message cannot have \"method\" together with \"result\" or \"error\"")
            }
            if object["id"] == .null { throw .badID(found: "null") }
            kind = id == nil ? .notification : .request
        } else if object.contains("result") {
            if object.contains("error") { throw .ambiguous("a response cannot have both \"result\" and \"error\"") }
            guard id != nil else { throw .badID(found: object["id"]?.typeName ?? "no id") }
            kind = .response
        } else if let error = object["error"] {
            guard let errorObject = error.objectValue else { throw .badErrorObject("must be an object") }
            guard case .number(let code)? = errorObject["code"], code.isInteger else {
                throw .badErrorObject("must have an integer \"code\"")
            }
            guard case .string? = errorObject["message"] else { throw .badErrorObject("must have a string \"message\"") }
            guard object.contains("id") else { throw .badID(found: "no id") }
            kind = .errorResponse
        } else {
            throw .ambiguous("a JSON-RPC message needs \"method\", \"result\" or \"error\"")
        }

        self.raw = raw
        self.body = object
        self.kind = kind
        self.id = id
    }

    /// Builds a message from a value, serialising it compactly; for messages the guard itself sends.
    public init(_ object: JSONObject) throws(JSONRPCEnvelopeError) {
        try self.init(raw: JSONWriter().bytes(.object(object)), object: object)
    }

    /// Always `"2.0"` for a valid message.
    public var jsonrpc: String { "2.0" }
    /// The method of a request or notification.
    public var method: String? { body["method"]?.stringValue }
    /// The params of a request or notification.
    public var params: JSONValue? { body["params"] }
    /// The result of a successful response.
    public var result: JSONValue? { body["result"] }

    /// The error of an error response.
    public var error: JSONRPCErrorObject? {
        guard let object = body["error"]?.objectValue,
            let code = object["code"]?.numberValue?.intValue,
            let message = object["message"]?.stringValue
        else { return nil }
        return JSONRPCErrorObject(code: code, message: message, data: object["data"])
    }

    /// The bytes to forward: the original bytes, since the message was not changed.
    public var serialized: [UInt8] { raw }

    /// A message with `body` as its new content (a control rewrote it); serialised compactly.
    public func replacingBody(_ object: JSONObject) throws(JSONRPCEnvelopeError) -> JSONRPCMessage {
        try JSONRPCMessage(object)
    }

    /// An error response to a request with `id`.
    public static func errorResponse(id: JSONRPCID?, error: JSONRPCErrorObject) -> JSONRPCMessage {
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["id"] = id?.jsonValue ?? .null
        object["error"] = error.jsonValue
        // Always valid by construction.
        return try! JSONRPCMessage(object)
    }
}

/// What one frame of a JSON-RPC transport holds: a single message or a batch (JSON-RPC batches were part
/// of MCP 2025-03-26 only, but a guard must still recognise and judge them).
public enum JSONRPCPayload: Sendable {
    case single(JSONRPCMessage)
    case batch(raw: [UInt8], messages: [JSONRPCMessage])

    /// Parses one frame.
    public init(bytes: [UInt8], parser: JSONParser = JSONParser()) throws(JSONRPCEnvelopeError) {
        let value: JSONValue
        do {
            value = try parser.parse(bytes)
        } catch {
            throw .malformedJSON(error)
        }
        switch value {
        case .object(let object):
            self = .single(try JSONRPCMessage(raw: bytes, object: object))
        case .array(let elements):
            guard !elements.isEmpty else { throw .emptyBatch }
            var messages: [JSONRPCMessage] = []
            messages.reserveCapacity(elements.count)
            for element in elements {
                guard case .object(let object) = element else { throw .notAnObject(found: element.typeName) }
                messages.append(try JSONRPCMessage(raw: JSONWriter().bytes(element), object: object))
            }
            self = .batch(raw: bytes, messages: messages)
        default:
            throw .notAnObject(found: value.typeName)
        }
    }
}
