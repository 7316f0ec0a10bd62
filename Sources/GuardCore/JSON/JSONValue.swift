/// A JSON document as it was received.
///
/// Numbers keep their literal text and objects keep their member order, so a value that is parsed and
/// written again comes out with the same numbers and the same key order. That matters for a proxy that
/// must never re-encode a message by accident, and for hashes that pin what a server sent.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The object, if this value is one.
    @inlinable public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array, if this value is one.
    @inlinable public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The string, if this value is one.
    @inlinable public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The Boolean, if this value is one.
    @inlinable public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number, if this value is one.
    @inlinable public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// Whether this is JSON `null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member `key` when this value is an object.
    @inlinable public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` when this value is an array and the index is in range.
    @inlinable public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The JSON type name used in messages and in JSON Schema (`"object"`, `"integer"`, …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// The value with every string (not keys) replaced by `transform`'s result; structure and order kept.
    public func mappingStrings(_ transform: (String) throws -> String) rethrows -> JSONValue {
        switch self {
        case .string(let text): return .string(try transform(text))
        case .array(let elements): return .array(try elements.map { try $0.mappingStrings(transform) })
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object.members { result[key] = try member.mappingStrings(transform) }
            return .object(result)
        default: return self
        }
    }
}
