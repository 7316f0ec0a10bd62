/// A unified diff (`diff -u` format) between two texts, for `install --dry-run`.
///
/// Lines are compared with their line break, so a last line that gains or loses its newline differs, as
/// in `diff`. The common prefix and suffix are set aside, then Myers' O(ND) algorithm finds a shortest
/// edit script; each run of changes between common lines is shown deletions first, and hunks carry three
/// lines of context, merged when their contexts touch, as GNU diff does.
public enum UnifiedDiff {
    /// The diff, or "" when the texts are equal. `from`/`to` label the `---`/`+++` lines.
    public static func render(old: [UInt8], new: [UInt8], from: String, to: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let blocks = changeBlocks(a, b)
        guard !blocks.isEmpty else { return "" }
        var out = "--- \(from)\n+++ \(to)\n"
        var index = 0
        while index < blocks.count {
            var last = index
            while last + 1 < blocks.count, blocks[last + 1].oldStart - blocks[last].oldEnd <= 2 * context { last += 1 }
            let oldStart = max(0, blocks[index].oldStart - context)
            let oldEnd = min(a.count, blocks[last].oldEnd + context)
            let newStart = blocks[index].newStart - (blocks[index].oldStart - oldStart)
            let newEnd = blocks[last].newEnd + (oldEnd - blocks[last].oldEnd)
            out += "@@ -\(range(oldStart, oldEnd - oldStart)) +\(range(newStart, newEnd - newStart)) @@\n"
            var cursor = oldStart
            for block in blocks[index...last] {
                for line in a[cursor..<block.oldStart] { out += emit(" ", line) }
                for line in a[block.oldStart..<block.oldEnd] { out += emit("-", line) }
                for line in b[block.newStart..<block.newEnd] { out += emit("+", line) }
                cursor = block.oldEnd
            }
            for line in a[cursor..<oldEnd] { out += emit(" ", line) }
            index = last + 1
        }
        return out
    }

    /// One run of changes: old lines `oldStart..<oldEnd` replaced by new lines `newStart..<newEnd`.
    struct Block: Equatable {
        var oldStart, oldEnd, newStart, newEnd: Int
    }

    /// `start,count` with diff's conventions: a count of 1 is left out; an empty range names the line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    static func emit(_ marker: String, _ line: [UInt8]) -> String {
        if line.last == 0x0A { return marker + String(decoding: line, as: UTF8.self) }
        return marker + String(decoding: line, as: UTF8.self) + "\n\\ No newline at end of file\n"
    }

    /// Lines with their terminating `\n` (the last may have none).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    /// The runs of changes between `a` and `b`, in order.
    static func changeBlocks(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Block] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        // Walk the shortest edit script and collect maximal runs of non-matching lines.
        var blocks: [Block] = []
        var i = 0
        var j = 0
        var open: Block?
        for step in editScript(x, y) {
            switch step {
            case .keep:
                if let block = open { blocks.append(block); open = nil }
                i += 1
                j += 1
            case .delete:
                if open == nil { open = Block(oldStart: i + prefix, oldEnd: i + prefix, newStart: j + prefix, newEnd: j + prefix) }
                i += 1
                open!.oldEnd = i + prefix
            case .insert:
                if open == nil { open = Block(oldStart: i + prefix, oldEnd: i + prefix, newStart: j + prefix, newEnd: j + prefix) }
                j += 1
                open!.newEnd = j + prefix
            }
        }
        if let block = open { blocks.append(block) }
        return blocks
    }

    enum Step { case keep, delete, insert }

    /// Edit distance past which the search gives up (each step keeps one frontier of `2(n+m)` integers).
    static let maxEdits = 2_000

    /// A shortest edit script from `a` to `b` (Myers 1986), as steps from the start.
    static func editScript(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Step] {
        let n = a.count
        let m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let max = n + m
        let offset = max
        var v = Array(repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        search: for d in 0...max {
            // A text rewritten through and through is shown as one block rather than searched quadratically.
            guard d <= maxEdits else { return Array(repeating: .delete, count: n) + Array(repeating: .insert, count: m) }
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Backtrack through the saved frontiers.
        var steps: [Step] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                steps.append(.keep)
                x -= 1
                y -= 1
            }
            guard d > 0 else { break }
            steps.append(x == previousX ? .insert : .delete)
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }
}
