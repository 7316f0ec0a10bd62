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
        if let decoded = Self.decodedCalldata(arguments) { lines.append("Calldata: \(decoded).") }
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

    /// ERC-20 calls whose ABI is known, by 4-byte selector: what a wallet would show before signing.
    static let knownSelectors: [String: (name: String, parameters: [String])] = [
        "a9059cbb": ("transfer", ["address to", "uint256 amount"]),
        "095ea7b3": ("approve", ["address spender", "uint256 amount"]),
        "23b872dd": ("transferFrom", ["address from", "address to", "uint256 amount"]),
        "39509351": ("increaseAllowance", ["address spender", "uint256 added"]),
    ]

    /// `transfer(to 0x…, amount 1000000)` for hex calldata in an argument named data, calldata or input.
    static func decodedCalldata(_ arguments: JSONValue) -> String? {
        guard let object = arguments.objectValue else { return nil }
        guard let hex = object.members.first(where: { ["data", "calldata", "input", "txdata"].contains($0.key.lowercased()) })?.value.stringValue?.lowercased(),
            hex.hasPrefix("0x"), hex.count >= 10
        else { return nil }
        let body = Array(hex.dropFirst(2))
        let selector = String(body[0..<8])
        guard let known = knownSelectors[selector] else { return "unknown function selector 0x\(selector) (\((body.count - 8) / 2) bytes of arguments): check it in your wallet" }
        var words: [String] = []
        var index = 8
        while index + 64 <= body.count {
            words.append(String(body[index..<index + 64]))
            index += 64
        }
        guard words.count == known.parameters.count, index == body.count else { return "\(known.name) with malformed arguments (\((body.count - 8) / 2) bytes)" }
        let parts = zip(known.parameters, words).map { parameter, word -> String in
            let (type, name) = (parameter.split(separator: " ")[0], parameter.split(separator: " ")[1])
            if type == "address" { return "\(name) 0x" + word.suffix(40) }
            return "\(name) " + decimal(word) + (word.allSatisfy { $0 == "f" } ? " (unlimited)" : "")
        }
        return "\(known.name)(\(parts.joined(separator: ", ")))"
    }

    /// A 256-bit big-endian hex word in decimal.
    static func decimal(_ hex: String) -> String {
        var digits: [UInt8] = [0]  // little-endian base-10 digits
        for character in hex {
            guard var carry = character.hexDigitValue else { return "0x" + hex }
            for i in 0..<digits.count {
                let value = Int(digits[i]) * 16 + carry
                digits[i] = UInt8(value % 10)
                carry = value / 10
            }
            while carry > 0 {
                digits.append(UInt8(carry % 10))
                carry /= 10
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return String(digits.reversed().map { Character(String($0)) })
    }
}
