import GuardCore

/// Maps JSON Pointers of object members to the 1-based line of their key in the source text, and of array
/// elements that are strings, objects or arrays to the line where they start.
///
/// The value parser does not track positions (that would slow every message the guard reads); config
/// files are small, so a second light pass over the text is the cheaper way to point a finding at a line.
/// Understands strings, escapes and JSONC comments; records members up to `maxDepth` levels deep.
public struct JSONKeyLines: Sendable {
    public let lines: [String: Int]

    /// Lines known from elsewhere (a TOML parser's table headers).
    public init(lines: [String: Int]) {
        self.lines = lines
    }

    public init(text: String, maxDepth: Int = 6) {
        var lines: [String: Int] = [:]
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        // Stack of containers: for objects the pointer of the object and the last key seen; for arrays the pointer and element count.
        enum Frame { case object(pointer: String, key: String?), array(pointer: String, count: Int) }
        var stack: [Frame] = []
        var pendingKey: (String, Int)?

        func currentPointer() -> String {
            switch stack.last {
            case .object(let pointer, let key)?: return key.map { pointer + "/" + FindingLocation.pointerToken($0) } ?? pointer
            case .array(let pointer, let count)?: return pointer + "/\(count)"
            case nil: return ""
            }
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    index += 1
                }
                index += 2
            case UInt8(ascii: "\""):
                let startLine = line
                var value: [UInt8] = []
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        value.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
                // A string followed by ':' inside an object is a key.
                var lookahead = index
                while lookahead < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[lookahead]) { lookahead += 1 }
                if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: ":"), case .object? = stack.last {
                    pendingKey = (String(decoding: value, as: UTF8.self), startLine)
                } else if case .array? = stack.last, stack.count <= maxDepth {
                    lines[currentPointer()] = startLine
                }
            case UInt8(ascii: ":"):
                if let (key, keyLine) = pendingKey, case .object(let pointer, _)? = stack.last {
                    stack[stack.count - 1] = .object(pointer: pointer, key: key)
                    if stack.count <= maxDepth { lines[pointer + "/" + FindingLocation.pointerToken(key)] = keyLine }
                }
                pendingKey = nil
                index += 1
            case UInt8(ascii: "{"):
                if case .array? = stack.last, stack.count <= maxDepth { lines[currentPointer()] = line }
                stack.append(.object(pointer: currentPointer(), key: nil))
                index += 1
            case UInt8(ascii: "["):
                if case .array? = stack.last, stack.count <= maxDepth { lines[currentPointer()] = line }
                stack.append(.array(pointer: currentPointer(), count: 0))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                index += 1
            case UInt8(ascii: ","):
                if case .array(let pointer, let count)? = stack.last { stack[stack.count - 1] = .array(pointer: pointer, count: count + 1) }
                index += 1
            default:
                index += 1
            }
        }
        self.lines = lines
    }

    /// The line of `pointer`, or of its nearest ancestor that has one.
    public func line(_ pointer: String) -> Int? {
        var current = pointer
        while !current.isEmpty {
            if let line = lines[current] { return line }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        return nil
    }
}
