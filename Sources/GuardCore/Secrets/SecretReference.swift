/// `${secret:NAME}` references in configuration strings (host-config environment values, policy values).
///
/// Pure text work: finding the names a string refers to and replacing them with values the caller looked
/// up. The replacement is one pass, so a value that itself contains `${secret:…}` is never resolved again
/// (a stored value cannot pull another secret in). `$${secret:` stands for a literal `${secret:`; any
/// other `$` is kept as it is. Errors name the reference, never a value.
public enum SecretReference {
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case reference(String)
    }

    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// `${secret:` without a valid name and a closing `}`; `offset` counts characters from the start.
        case malformed(offset: Int)
        /// No secret by this name in the store.
        case unknown(String)

        public var description: String {
            switch self {
            case .malformed(let offset):
                return "malformed secret reference at character \(offset + 1) (expected ${secret:NAME}; \(SecretName.rule); write $${secret: for a literal ${secret:)"
            case .unknown(let name):
                return "unknown secret '\(name)'"
            }
        }
    }

    static let opening = Array("${secret:".utf8)

    /// The string cut into literal text and references, in order.
    public static func parse(_ text: String) throws(Failure) -> [Segment] {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var index = 0
        func flush() {
            if !literal.isEmpty { segments.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll()
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "$"), hasOpening(bytes, at: index + 1) {
                literal += opening
                index += 1 + opening.count
            } else if hasOpening(bytes, at: index) {
                let nameStart = index + opening.count
                var end = nameStart
                while end < bytes.count, SecretName.isNameByte(bytes[end]) { end += 1 }
                let length = end - nameStart
                guard end < bytes.count, bytes[end] == UInt8(ascii: "}"), (1...SecretName.maxLength).contains(length) else {
                    throw .malformed(offset: String(decoding: bytes[..<index], as: UTF8.self).count)
                }
                flush()
                segments.append(.reference(String(decoding: bytes[nameStart..<end], as: UTF8.self)))
                index = end + 1
            } else {
                literal.append(bytes[index])
                index += 1
            }
        }
        flush()
        return segments
    }

    static func hasOpening(_ bytes: [UInt8], at index: Int) -> Bool {
        index + opening.count <= bytes.count && bytes[index..<(index + opening.count)].elementsEqual(opening)
    }

    /// Whether `text` refers to at least one secret (malformed references count: they were meant as one).
    public static func containsReference(_ text: String) -> Bool {
        do {
            return try parse(text).contains { if case .reference = $0 { true } else { false } }
        } catch {
            return true
        }
    }

    /// The names `text` refers to, first occurrence first, each once.
    public static func names(in text: String) throws(Failure) -> [String] {
        var seen: Set<String> = []
        return try parse(text).compactMap { segment in
            guard case .reference(let name) = segment, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// `text` with every reference replaced by its value from `values` and escapes undone; a name
    /// `values` lacks is ``Failure/unknown(_:)``.
    public static func substitute(_ text: String, values: [String: String]) throws(Failure) -> String {
        var result = ""
        for segment in try parse(text) {
            switch segment {
            case .literal(let literal): result += literal
            case .reference(let name):
                guard let value = values[name] else { throw .unknown(name) }
                result += value
            }
        }
        return result
    }
}
