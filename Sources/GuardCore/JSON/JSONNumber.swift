/// A JSON number kept as its literal text.
///
/// Re-encoding `1.0` as `1`, or `12345678901234567890` as a rounded double, changes what a server or
/// host sees; keeping the literal avoids it. Numeric views are computed on demand.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written in the source document (already checked against the JSON grammar
    /// when it came from ``JSONParser``).
    public let literal: String

    /// Wraps a literal that is known to follow the JSON number grammar.
    public init(literal: String) {
        self.literal = literal
    }

    public init(_ value: Int) {
        self.literal = String(value)
    }

    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.literal = String(Int64(value))
        } else {
            self.literal = "\(value)"
        }
    }

    public var description: String { literal }

    /// The value as a `Double` (may round for very long literals).
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// The value as an `Int` when it is integral and fits.
    public var intValue: Int? {
        if let exact = Int(literal) { return exact }
        let double = doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    /// Whether the number is mathematically an integer (`1`, `1.0` and `1e2` are; `1.5` is not).
    public var isInteger: Bool {
        if !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return true }
        let double = doubleValue
        return double.isFinite && double == double.rounded()
    }
}
