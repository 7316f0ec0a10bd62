/// Why install or uninstall could not do its job; one line naming the file.
public struct InstallError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
