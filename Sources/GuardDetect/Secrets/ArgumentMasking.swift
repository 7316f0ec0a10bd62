import Foundation

/// A server's command line made safe to show or store (`mcpguard status`, the run registration file).
///
/// Stricter than the `config-secret` rule, which must not cry wolf: here a wrong guess only hides a word, so
/// any value under a sensitive flag or key name is hidden whatever it looks like (`--password hunter2`),
/// as are known key formats anywhere, URLs with a password or sensitive query parameter, and words that
/// contain a value the caller knows to be secret (one the host expanded from a secret variable).
public enum ArgumentMasking {
    public static let placeholder = "[redacted]"

    /// `arguments` with every secret-looking word (or the value part of `--flag=value`) replaced.
    /// - Parameter secrets: values that must not appear (those shorter than 6 characters are ignored:
    ///   hiding every `1` would hide nothing useful and say too much about the secret).
    public static func mask(_ arguments: [String], secrets: [String] = []) -> [String] {
        let known = secrets.filter { $0.count >= 6 }
        return arguments.enumerated().map { index, argument in
            let previous = index > 0 ? arguments[index - 1] : ""
            if known.contains(where: { argument.contains($0) }) || SecretScanner.scan(argument).first != nil || urlHoldsSecret(argument) {
                return maskedValue(argument, secrets: known)
            }
            let (name, value) = ConfigRiskDetector.splitFlag(argument, previous: previous)
            guard !value.isEmpty, isSensitiveName(name) else { return argument }
            return maskedValue(argument, secrets: known)
        }
    }

    /// The values of `environment` that are secrets by their variable's name and their look (`PWD=/home/me`
    /// is not one): what a host may have expanded into a server's arguments.
    public static func secretValues(in environment: [String: String]) -> [String] {
        environment.compactMap { ConfigRiskDetector.secret(in: $0.value, named: $0.key) }
    }

    /// Whether a flag, variable or key name says its value is a credential (`--api-key`, `GITHUB_TOKEN`).
    public static func isSensitiveName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ConfigRiskDetector.sensitiveNameParts.contains { lower.contains($0) }
    }

    /// `--token=VALUE` and `GITHUB_TOKEN=VALUE` keep their name (unless the name is the secret); anything
    /// else is replaced whole.
    static func maskedValue(_ argument: String, secrets: [String]) -> String {
        guard !argument.contains("://"), let equals = argument.firstIndex(of: "=") else { return placeholder }
        let name = String(argument[...equals])
        guard SecretScanner.scan(name).isEmpty, !secrets.contains(where: { name.contains($0) }) else { return placeholder }
        return name + placeholder
    }

    static func urlHoldsSecret(_ argument: String) -> Bool {
        guard argument.contains("://"), let components = URLComponents(string: argument) else { return false }
        if let password = components.password, !password.isEmpty { return true }
        return (components.queryItems ?? []).contains { item in isSensitiveName(item.name) && !(item.value ?? "").isEmpty }
    }
}
