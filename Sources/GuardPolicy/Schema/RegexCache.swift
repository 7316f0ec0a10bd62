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

    private static let translated = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled form of a pattern written for another dialect (`translate` maps it to ICU), cached
    /// by the original text so the translation runs once per pattern, not once per call.
    static func regex(_ pattern: String, translate: (String) -> String) -> NSRegularExpression? {
        if let cached = translated.withLock({ $0[pattern] }) { return cached }
        guard let compiled = regex(translate(pattern)) else { return nil }
        translated.withLock { $0[pattern] = compiled }
        return compiled
    }

    static func matches(_ string: String, _ pattern: String) -> Bool? {
        guard let regex = regex(pattern) else { return nil }
        return regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}

extension NSRegularExpression: @retroactive @unchecked Sendable {}
