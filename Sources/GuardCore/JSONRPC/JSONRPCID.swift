/// A JSON-RPC request id, kept exactly as the sender wrote it.
///
/// A proxy that answers a request must echo the id byte for byte: `1`, `1.0` and `"1"` are three
/// different ids to the sender, so the number case keeps its literal.
public enum JSONRPCID: Sendable, Hashable, CustomStringConvertible {
    case number(JSONNumber)
    case string(String)

    public init(_ value: Int) { self = .number(JSONNumber(value)) }
    public init(_ value: String) { self = .string(value) }

    /// The id as a JSON value, to put back into a message.
    public var jsonValue: JSONValue {
        switch self {
        case .number(let number): .number(number)
        case .string(let string): .string(string)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): number.literal
        case .string(let string): "\"\(string)\""
        }
    }
}
