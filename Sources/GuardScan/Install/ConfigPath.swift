/// Helpers for key paths and the line layout of the text around a value.
enum ConfigPath {
    /// `mcpServers."my server".args` for messages.
    static func display(_ path: [String]) -> String {
        path.map { key in
            key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && !key.isEmpty ? key : "\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ".")
    }

    /// Key tokens of a JSON Pointer (`/projects/~1home~1me/mcpServers/x` → `["projects", "/home/me", "mcpServers", "x"]`).
    static func tokens(ofPointer pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The line ending the file uses (CRLF when its first line ends so).
    static func newline(in bytes: [UInt8]) -> [UInt8] {
        guard let index = bytes.firstIndex(of: 0x0A) else { return [0x0A] }
        return index > 0 && bytes[index - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    /// The spaces and tabs before `offset` on its line, or nil when something else precedes it there.
    static func indentation(before offset: Int, in bytes: [UInt8]) -> [UInt8]? {
        var start = offset
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return nil }
        return Array(bytes[start..<offset])
    }

    /// The spaces and tabs that start the line `offset` is on.
    static func lineIndent(containing offset: Int, in bytes: [UInt8]) -> [UInt8] {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return Array(bytes[start..<end])
    }

    /// Renders `elements` (already-encoded literals) as an array in the layout of `original` (the text
    /// of the array being replaced): one element a line with its indentation when it spanned lines,
    /// otherwise on one line with its separator.
    static func array(_ elements: [[UInt8]], like original: ArraySlice<UInt8>?, in bytes: [UInt8], at offset: Int?) -> [UInt8] {
        if let original, let offset, original.contains(0x0A), !elements.isEmpty,
           let layout = multilineLayout(original, in: bytes, at: offset) {
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (index, element) in elements.enumerated() {
                out += layout.newline + layout.elementIndent + element
                if index < elements.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out += layout.newline + layout.closingIndent + [UInt8(ascii: "]")]
            return out
        }
        let compact = original.map { !$0.isEmpty && !String(decoding: $0, as: UTF8.self).contains(", ") && $0.contains(UInt8(ascii: ",")) } ?? false
        let separator: [UInt8] = compact ? [UInt8(ascii: ",")] : Array(", ".utf8)
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, element) in elements.enumerated() {
            if index > 0 { out += separator }
            out += element
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    private static func multilineLayout(_ original: ArraySlice<UInt8>, in bytes: [UInt8], at offset: Int) -> (newline: [UInt8], elementIndent: [UInt8], closingIndent: [UInt8])? {
        let text = Array(original)
        // First element: the first byte after '[' that is not whitespace or a comment start on a later line.
        guard let firstNewline = text.firstIndex(of: 0x0A) else { return nil }
        var index = firstNewline + 1
        while index < text.count, text[index] == 0x20 || text[index] == 0x09 { index += 1 }
        let elementIndent = Array(text[(firstNewline + 1)..<index])
        guard let lastNewline = text.lastIndex(of: 0x0A) else { return nil }
        var closing = lastNewline + 1
        while closing < text.count, text[closing] == 0x20 || text[closing] == 0x09 { closing += 1 }
        guard closing == text.count - 1 else {
            // `]` shares its line with an element: indent it like the line the array opens on.
            return (newline(in: bytes), elementIndent, lineIndent(containing: offset, in: bytes))
        }
        let newlineBytes: [UInt8] = firstNewline > 0 && text[firstNewline - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
        return (newlineBytes, elementIndent, Array(text[(lastNewline + 1)..<closing]))
    }
}
