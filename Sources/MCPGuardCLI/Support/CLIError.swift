/// A user-facing failure: one line that names what was wrong. The entry point prints it and exits 2.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
