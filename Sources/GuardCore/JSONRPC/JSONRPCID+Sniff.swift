extension JSONRPCID {
    /// The top-level `"id"` of a message from its first bytes: an oversized or unreadable message cannot be
    /// parsed whole, yet its refusal should still answer the request it carried.
    public static func sniff(_ head: [UInt8]) -> JSONRPCID? {
        var depth = 0
        var index = 0
        var inString = false
        var keyStart: Int?
        while index < head.count {
            let byte = head[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1, let start = keyStart, head[start..<index].elementsEqual("id".utf8) {
                        var cursor = index + 1
                        while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
                        guard cursor < head.count, head[cursor] == UInt8(ascii: ":") else { keyStart = nil; index += 1; continue }
                        cursor += 1
                        while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
                        guard cursor < head.count else { return nil }
                        if head[cursor] == UInt8(ascii: "\"") {
                            guard let end = head[(cursor + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                            return JSONRPCID(String(decoding: head[(cursor + 1)..<end], as: UTF8.self))
                        }
                        var end = cursor
                        while end < head.count, (0x30...0x39).contains(head[end]) || head[end] == UInt8(ascii: "-") { end += 1 }
                        return Int(String(decoding: head[cursor..<end], as: UTF8.self)).map { JSONRPCID($0) }
                    }
                    keyStart = nil
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                inString = true
                keyStart = index + 1
            default: break
            }
            index += 1
        }
        return nil
    }
}
