/// The structure of a JSON or JSONC document with the byte range of every value, so an edit can replace
/// exactly one value's bytes.
///
/// `GuardCore`'s parser keeps no positions (the guard's hot path must not pay for them); config files are
/// small, so this second pass runs only on text that parser already accepted with its `.jsonc` options
/// (comments, trailing commas, a BOM). Duplicate keys resolve to the last one, as that parser and the
/// hosts' own JavaScript parsers do.
struct JSONSourceMap: Sendable {
    indirect enum Node: Sendable {
        case object(range: Range<Int>, members: [Member])
        case array(range: Range<Int>, elements: [Node])
        case string(range: Range<Int>, value: String)
        case scalar(range: Range<Int>)

        var range: Range<Int> {
            switch self {
            case .object(let range, _), .array(let range, _), .string(let range, _), .scalar(let range): range
            }
        }
    }

    struct Member: Sendable {
        let key: String
        let keyRange: Range<Int>
        let value: Node
    }

    let root: Node

    init(bytes: [UInt8]) throws(ConfigEditError) {
        var reader = Reader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipTrivia()
        root = try reader.value()
    }

    /// The node at `path`; array elements by decimal index, object members by key (the last of equal keys).
    func node(at path: [String]) -> Node? {
        var node = root
        for key in path {
            switch node {
            case .object(_, let members):
                guard let member = members.last(where: { $0.key == key }) else { return nil }
                node = member.value
            case .array(_, let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The member named by `path` (its key range as well as its value).
    func member(at path: [String]) -> Member? {
        guard let last = path.last, case .object(_, let members)? = node(at: Array(path.dropLast())) else { return nil }
        return members.last { $0.key == last }
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func value() throws(ConfigEditError) -> Node {
            guard index < bytes.count else { throw failure("a value") }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [Member] = []
                while true {
                    skipTrivia()
                    guard index < bytes.count else { throw failure("'}'") }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                    let keyStart = index
                    guard bytes[index] == UInt8(ascii: "\"") else { throw failure("a key") }
                    let key = try string()
                    let keyRange = keyStart..<index
                    skipTrivia()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("':'") }
                    index += 1
                    skipTrivia()
                    members.append(Member(key: key, keyRange: keyRange, value: try value()))
                    skipTrivia()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
                }
                return .object(range: start..<index, members: members)
            case UInt8(ascii: "["):
                index += 1
                var elements: [Node] = []
                while true {
                    skipTrivia()
                    guard index < bytes.count else { throw failure("']'") }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                    elements.append(try value())
                    skipTrivia()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
                }
                return .array(range: start..<index, elements: elements)
            case UInt8(ascii: "\""):
                let decoded = try string()
                return .string(range: start..<index, value: decoded)
            default:
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                guard index > start else { throw failure("a value") }
                return .scalar(range: start..<index)
            }
        }

        /// Decodes the string literal at `index` (escapes included) and moves past it.
        mutating func string() throws(ConfigEditError) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var run = index
            var pendingHigh: UInt32?
            let source = bytes
            func flush(_ upTo: Int) {
                if run < upTo { scalars.append(contentsOf: String(decoding: source[run..<upTo], as: UTF8.self).unicodeScalars) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(index)
                    index += 1
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else { index += 1; continue }
                flush(index)
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                        throw failure("four hex digits")
                    }
                    index += 4
                    if (0xD800..<0xDC00).contains(code) {
                        pendingHigh = code
                    } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                        scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))!)
                        pendingHigh = nil
                    } else if let scalar = Unicode.Scalar(code) {
                        scalars.append(scalar)
                    }
                default: scalars.append(Unicode.Scalar(escaped))
                }
                run = index
            }
            throw failure("the end of a string")
        }

        /// Skips whitespace and `//` and `/* */` comments.
        mutating func skipTrivia() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                    index += 2
                    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                    index = min(bytes.count, index + 2)
                default: return
                }
            }
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "/"): true
            default: false
            }
        }

        func failure(_ expected: String) -> ConfigEditError {
            ConfigEditError("byte \(index): expected \(expected)")
        }
    }
}
