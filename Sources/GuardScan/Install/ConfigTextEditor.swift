/// Edits one host config file's text value by value, so everything the edit does not name (comments,
/// trailing commas, key order, indentation, line endings) stays byte for byte as the user wrote it.
///
/// A path names a value by its keys from the root (`["mcpServers", "github", "env", "TOKEN"]`); array
/// elements by their decimal index. Install wraps `command`/`args`; `--migrate-secrets` replaces one env
/// value with `${secret:NAME}` through ``replaceString(at:with:)``.
public protocol ConfigTextEditor: Sendable {
    /// The document as edited so far.
    var bytes: [UInt8] { get }
    /// The string at `path`, or nil when there is none (or the value is not a string).
    func string(at path: [String]) -> String?
    /// The array of strings at `path`, or nil when there is none (or an element is not a string).
    func strings(at path: [String]) -> [String]?
    /// Whether anything is written at `path`.
    func contains(_ path: [String]) -> Bool
    /// The exact source text of the value at `path`.
    func literal(at path: [String]) -> String?
    /// Replaces the value at `path` (which must exist) with a string.
    mutating func replaceString(at path: [String], with value: String) throws(ConfigEditError)
    /// Replaces the value at `path` with an array of strings, laid out like the array it replaces (one
    /// element a line when that was multi-line); when there is none, adds it right after the sibling
    /// `after` (which must exist) and returns the exact text added.
    @discardableResult
    mutating func setStrings(at path: [String], to values: [String], after sibling: String) throws(ConfigEditError) -> String?
    /// Puts back source text at `path` exactly as it was (an earlier ``literal(at:)``).
    mutating func replaceLiteral(at path: [String], with literal: String) throws(ConfigEditError)
    /// Removes `text` where ``setStrings(at:to:after:)`` added it after `sibling`, if it is still there
    /// unchanged; returns whether it was.
    mutating func removeInserted(_ text: String, after sibling: [String]) -> Bool
}

/// Why an edit could not be made; the message names the value.
public struct ConfigEditError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func missing(_ path: [String]) -> ConfigEditError { ConfigEditError("\(ConfigPath.display(path)) is not in the file") }
}
