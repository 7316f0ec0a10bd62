/// A JSON object that remembers the order of its members.
///
/// Members are kept in document order, so writing the object reproduces the order the sender used.
/// MCP objects are small (a handful of members), where a linear scan beats hashing every key the parser
/// reads and every lookup a control makes; past ``indexThreshold`` members a dictionary index keeps
/// lookups and the parser's duplicate-key check constant-time, so a hostile object with a million
/// members costs no more than before.
public struct JSONObject: Sendable, Hashable {
    public typealias Member = (key: String, value: JSONValue)

    private var entries: [Member]
    /// Position of each key, built once the object grows past ``indexThreshold`` members.
    private var index: [String: Int]?

    static let indexThreshold = 12

    public init() {
        self.entries = []
        self.index = nil
    }

    /// Number of members.
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Member names in document order.
    public var keys: [String] { entries.map { $0.key } }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        for offset in entries.indices where entries[offset].key == key { return offset }
        return nil
    }

    /// The member named `key`. Setting `nil` removes it; setting a new key appends it at the end.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let newValue {
                if let offset = position(of: key) {
                    entries[offset].value = newValue
                    return
                }
                entries.append((key, newValue))
                if index != nil {
                    index![key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            } else if let offset = position(of: key) {
                entries.remove(at: offset)
                if index != nil { rebuildIndex() }
            }
        }
    }

    private mutating func rebuildIndex() {
        var positions = [String: Int](minimumCapacity: entries.count)
        for (offset, entry) in entries.enumerated() { positions[entry.key] = offset }
        index = positions
    }

    /// Whether the object has a member named `key`.
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Members in document order.
    public var members: [Member] { entries }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for (left, right) in zip(lhs.entries, rhs.entries) where left.key != right.key || left.value != right.value { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Members in the order written (for messages the guard builds).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
