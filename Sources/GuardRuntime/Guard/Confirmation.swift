import GuardCore
import GuardDetect

/// The text of an `ask` confirmation. Nothing the user approves may be hidden from them: every argument is
/// listed by name, a long value is cut in the middle (its start and end stay visible) with its length and a
/// short hash, and a call that moves funds opens with a summary of recipient, amount, asset and chain.
/// Secrets and personal data are redacted before anything is shown.
struct Confirmation {
    /// Characters of one value shown before it is cut in the middle.
    static let valueLimit = 160
    /// Arguments listed in full; the names of any beyond are still listed.
    static let argumentLimit = 32

    /// What is confirmed: "run the tool \"transfer_funds\"", "read the resource \"file:///…\"".
    let action: String
    let server: String
    let arguments: JSONValue
    let movesFunds: Bool

    static let redactor = Redactor(categories: Set(Redactor.Category.allCases))

    var message: String {
        var lines = ["mcpguard: server \"\(server)\" wants to \(action)."]
        if movesFunds, let summary = Self.fundsSummary(arguments) { lines.append("Funds: \(summary).") }
        if let object = arguments.objectValue, !object.isEmpty {
            lines.append("Arguments (\(object.count)):")
            for (offset, member) in object.members.enumerated() {
                guard offset < Self.argumentLimit else {
                    let rest = object.members.dropFirst(Self.argumentLimit).map(\.key)
                    lines.append("- and \(rest.count) more: \(rest.map(Self.shown).joined(separator: ", ")) (see the full call in the audit log)")
                    break
                }
                lines.append("- \(Self.shown(member.key)): \(Self.shown(member.value))")
            }
        } else if arguments != .null, arguments.objectValue == nil {
            lines.append("Arguments: \(Self.shown(arguments))")
        } else {
            lines.append("No arguments.")
        }
        lines.append("Allow this call?")
        return lines.joined(separator: "\n")
    }

    /// A value as the user sees it: redacted, and cut in the middle when long.
    static func shown(_ value: JSONValue) -> String {
        let text = value.stringValue.map { "\"\($0)\"" } ?? value.jsonString
        return shown(text)
    }

    static func shown(_ raw: String) -> String {
        let text = redactor.redact(raw)?.text ?? raw
        let characters = Array(text)
        guard characters.count > valueLimit else { return text }
        let keep = valueLimit / 2
        let digest = String(CanonicalJSON.hash(.string(raw)).dropFirst("sha256:".count).prefix(8))
        return String(characters.prefix(keep)) + " …[\(characters.count - 2 * keep) of \(characters.count) characters not shown, sha256 \(digest)]… "
            + String(characters.suffix(keep))
    }

    /// `5 USDC to 0xAbC… on base`, from arguments named like recipient, amount, asset and chain.
    static func fundsSummary(_ arguments: JSONValue) -> String? {
        guard let object = arguments.objectValue else { return nil }
        func first(_ names: [String]) -> String? {
            for member in object.members {
                let key = member.key.lowercased().replacingOccurrences(of: "_", with: "")
                if names.contains(key) { return member.value.stringValue ?? member.value.jsonString }
            }
            return nil
        }
        let recipient = first(["to", "recipient", "destination", "dest", "receiver", "toaddress", "recipientaddress", "address", "payee", "iban", "account"])
        let amount = first(["amount", "value", "quantity", "qty", "sum", "amountwei", "lamports", "sats"])
        let asset = first(["asset", "token", "currency", "coin", "symbol", "mint", "tokenaddress", "denom"])
        let chain = first(["chain", "network", "chainid", "blockchain"])
        guard recipient != nil || amount != nil else { return nil }
        var parts = ["send \(amount.map(shown) ?? "an unstated amount")"]
        if let asset { parts.append(shown(asset)) }
        parts.append("to \(recipient.map(shown) ?? "an unstated recipient")")
        if let chain { parts.append("on \(shown(chain))") }
        return parts.joined(separator: " ")
    }
}
