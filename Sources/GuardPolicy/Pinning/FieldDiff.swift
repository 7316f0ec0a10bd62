import GuardCore
import GuardDetect

/// Describes how one JSON definition changed, field by field, in words a reviewer can act on:
/// `description changed: +3 lines «<IMPORTANT>»`, `inputSchema.properties.sidenote added`.
public enum FieldDiff {
    public static func changes(from old: JSONValue, to new: JSONValue, path: String = "") -> [String] {
        if old == new { return [] }
        switch (old, new) {
        case (.object(let before), .object(let after)):
            var changes: [String] = []
            let keys = Array(Set(before.keys).union(after.keys)).sorted()
            for key in keys {
                let child = path.isEmpty ? key : "\(path).\(key)"
                switch (before[key], after[key]) {
                case (nil, let added?): changes.append("\(child) added" + summary(added))
                case (let removed?, nil): changes.append("\(child) removed" + summary(removed))
                case (let a?, let b?): changes += Self.changes(from: a, to: b, path: child)
                default: break
                }
            }
            return changes
        case (.string(let before), .string(let after)):
            return ["\(path.isEmpty ? "value" : path) changed: " + lineSummary(before, after)]
        case (.array(let before), .array(let after)) where before.count == after.count:
            return zip(before, after).enumerated().flatMap { index, pair in Self.changes(from: pair.0, to: pair.1, path: "\(path)[\(index)]") }
        default:
            return ["\(path.isEmpty ? "value" : path) changed: \(clip(old.jsonString)) → \(clip(new.jsonString))"]
        }
    }

    /// `+3 lines «first added line»` / `-1 line` / `text edited «…»`.
    static func lineSummary(_ before: String, _ after: String) -> String {
        let old = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = after.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let common = lcs(old, new)
        let added = new.filter { !common.contains($0) }
        let removed = old.count - common.count
        var parts: [String] = []
        if !added.isEmpty { parts.append("+\(added.count) line\(added.count == 1 ? "" : "s")") }
        if removed > 0 { parts.append("-\(removed) line\(removed == 1 ? "" : "s")") }
        let sample = added.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? after
        return parts.joined(separator: " ") + " «\(clip(HiddenCharacters.visible(sample)))»"
    }

    /// Lines common to both, in order (LCS; texts are short definitions, so quadratic is fine but bounded).
    static func lcs(_ a: [String], _ b: [String]) -> [String] {
        guard a.count * b.count <= 250_000 else { return Array(Set(a).intersection(b)) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    static func summary(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): " «\(clip(HiddenCharacters.visible(string)))»"
        case .object, .array: ""
        default: " (\(value.jsonString))"
        }
    }

    static func clip(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(100)) + "…" : text
    }
}
