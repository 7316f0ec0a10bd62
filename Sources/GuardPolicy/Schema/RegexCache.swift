import Foundation
import Synchronization

/// Compiled regular expressions by pattern, shared by every validation and policy check: the guard
/// checks the same few patterns on every call, and compiling one costs more than matching it.
enum RegexCache {
    private static let cache = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled pattern, or nil when it does not compile.
    static func regex(_ pattern: String) -> NSRegularExpression? {
        if let cached = cache.withLock({ $0[pattern] }) { return cached }
        guard let compiled = try? NSRegularExpression(pattern: pattern) else { return nil }
        cache.withLock { $0[pattern] = compiled }
        return compiled
    }

    static func matches(_ string: String, _ pattern: String) -> Bool? {
        guard let regex = regex(pattern) else { return nil }
        return regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}

extension NSRegularExpression: @retroactive @unchecked Sendable {}
