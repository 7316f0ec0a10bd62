/// A JSON object that remembers the order of its members.
///
/// Lookups go through a dictionary; the member order is kept separately so that writing the object
/// reproduces the order the sender used.
public struct JSONObject: Sendable, Hashable {
    public private(set) var keys: [String]
    private var storage: [String: JSONValue]

    public init() {
        self.keys = []
        self.storage = [:]
    }

    /// Number of members.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The member named `key`. Setting `nil` removes it; setting a new key appends it at the end.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Whether the object has a member named `key`.
    public func contains(_ key: String) -> Bool { storage[key] != nil }

    /// Members in document order.
    public var members: [(key: String, value: JSONValue)] {
        keys.map { ($0, storage[$0]!) }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.storage == rhs.storage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(storage)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Members in the order written (for messages the guard builds).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
