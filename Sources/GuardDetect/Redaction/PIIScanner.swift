/// Personal data in free text: e-mail addresses, phone numbers, payment card numbers and IBANs.
///
/// Byte-level scanners, not regular expressions, so a 1 MB tool result costs one pass per kind. Each kind
/// is confirmed structurally where it can be: card numbers by the Luhn checksum and an issuer prefix,
/// IBANs by the ISO 13616 mod-97 check. Phone numbers have no checksum, so the shape is strict: 10–15
/// digits, a leading `+` or `(` or at least two separators, and nothing that reads as a date, a time, an IP
/// address or part of a longer token.
public enum PIIScanner {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case email, phone, card, iban
    }

    public struct Match: Sendable, Hashable {
        public let kind: Kind
        /// Byte offsets in the text's UTF-8.
        public let range: Range<Int>
    }

    /// Every match of the requested kinds, in text order, without overlaps.
    public static func scan(_ utf8: [UInt8], kinds: Set<Kind> = Set(Kind.allCases)) -> [Match] {
        var matches: [Match] = []
        if kinds.contains(.email) { emails(utf8, into: &matches) }
        if kinds.contains(.iban) { ibans(utf8, into: &matches) }
        if kinds.contains(.card) { cards(utf8, into: &matches) }
        if kinds.contains(.phone) { phones(utf8, into: &matches) }
        matches.sort { ($0.range.lowerBound, $1.range.count) < ($1.range.lowerBound, $0.range.count) }
        var result: [Match] = []
        for match in matches where !(result.last.map { $0.range.overlaps(match.range) } ?? false) {
            result.append(match)
        }
        return result
    }

    // MARK: Character classes

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    /// Part of a longer word: letters, digits, `_`, or any non-ASCII byte.
    static func isWordByte(_ byte: UInt8) -> Bool { isAlnum(byte) || byte == UInt8(ascii: "_") || byte >= 0x80 }

    // MARK: E-mail

    static func isLocalPart(_ byte: UInt8) -> Bool {
        isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    static func emails(_ utf8: [UInt8], into matches: inout [Match]) {
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > 0, isLocalPart(utf8[start - 1]), index - start < 64 { start -= 1 }
            while start < index, utf8[start] == UInt8(ascii: ".") { start += 1 }
            var end = index + 1
            while end < utf8.count, isAlnum(utf8[end]) || utf8[end] == UInt8(ascii: ".") || utf8[end] == UInt8(ascii: "-"), end - index < 255 { end += 1 }
            while end > index + 1, utf8[end - 1] == UInt8(ascii: ".") || utf8[end - 1] == UInt8(ascii: "-") { end -= 1 }
            defer { index = max(end, index + 1) }
            guard start < index, end > index + 1, isAlnum(utf8[index + 1]) else { continue }
            let domain = utf8[(index + 1)..<end]
            guard let lastDot = domain.lastIndex(of: UInt8(ascii: ".")) else { continue }
            let tld = utf8[(lastDot + 1)..<end]
            guard tld.count >= 2, tld.allSatisfy(isLetter) else { continue }
            // `git@github.com:owner/repo` is an SSH remote, not an address.
            if end + 1 < utf8.count, utf8[end] == UInt8(ascii: ":"), utf8[end + 1] != 0x20, utf8[end + 1] != 0x0A { continue }
            matches.append(Match(kind: .email, range: start..<end))
        }
    }

    // MARK: Payment cards

    /// Digit runs of 13–19 digits, optionally grouped by single spaces or hyphens.
    static func cards(_ utf8: [UInt8], into matches: inout [Match]) {
        var index = 0
        while index < utf8.count {
            guard isDigit(utf8[index]), index == 0 || !isWordByte(utf8[index - 1]) && utf8[index - 1] != UInt8(ascii: ".") else { index += 1; continue }
            var digits: [UInt8] = []
            var end = index
            var cursor = index
            while cursor < utf8.count, digits.count <= 19 {
                let byte = utf8[cursor]
                if isDigit(byte) {
                    digits.append(byte - 0x30)
                    cursor += 1
                    end = cursor
                } else if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")), cursor + 1 < utf8.count, isDigit(utf8[cursor + 1]) {
                    cursor += 1
                } else {
                    break
                }
            }
            defer { index = max(end, index + 1) }
            guard (13...19).contains(digits.count), end == utf8.count || !isWordByte(utf8[end]) else { continue }
            guard hasIssuerPrefix(digits), luhn(digits) else { continue }
            matches.append(Match(kind: .card, range: index..<end))
        }
    }

    /// Visa, Mastercard (51–55, 2221–2720), Amex (34, 37), Discover (6011, 65), JCB (35), Diners (30, 36, 38),
    /// UnionPay (62): a Luhn-valid digit run without one of these is more likely an identifier.
    static func hasIssuerPrefix(_ digits: [UInt8]) -> Bool {
        let two = Int(digits[0]) * 10 + Int(digits[1])
        let four = two * 100 + Int(digits[2]) * 10 + Int(digits[3])
        if digits[0] == 4 { return true }
        if (51...55).contains(two) || (2221...2720).contains(four) { return digits.count == 16 }
        if two == 34 || two == 37 { return digits.count == 15 }
        if four == 6011 || two == 65 || two == 35 || two == 62 { return digits.count >= 16 }
        if two == 30 || two == 36 || two == 38 { return digits.count >= 14 }
        return false
    }

    public static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }

    // MARK: IBAN

    /// Country code, two check digits, then 11–30 letters or digits, printed compact or in groups of four.
    static func ibans(_ utf8: [UInt8], into matches: inout [Match]) {
        var index = 0
        while index + 15 <= utf8.count {
            guard isUpper(utf8[index]), isUpper(utf8[index + 1]), isDigit(utf8[index + 2]), isDigit(utf8[index + 3]),
                index == 0 || !isWordByte(utf8[index - 1])
            else { index += 1; continue }
            var characters: [UInt8] = []
            var end = index
            var cursor = index
            while cursor < utf8.count, characters.count <= 34 {
                let byte = utf8[cursor]
                if isUpper(byte) || isDigit(byte) {
                    characters.append(byte)
                    cursor += 1
                    end = cursor
                } else if byte == UInt8(ascii: " "), characters.count % 4 == 0, cursor + 1 < utf8.count,
                    isUpper(utf8[cursor + 1]) || isDigit(utf8[cursor + 1])
                {
                    cursor += 1
                } else {
                    break
                }
            }
            defer { index = max(end, index + 1) }
            guard (15...34).contains(characters.count), end == utf8.count || !isWordByte(utf8[end]), mod97(characters) == 1 else { continue }
            matches.append(Match(kind: .iban, range: index..<end))
        }
    }

    /// ISO 13616: move the first four characters to the end, letters become 10–35, the number mod 97.
    public static func mod97(_ characters: [UInt8]) -> Int {
        var remainder = 0
        for byte in characters.dropFirst(4) + characters.prefix(4) {
            if isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            }
        }
        return remainder
    }

    // MARK: Phone numbers

    static func isPhoneSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    static func phones(_ utf8: [UInt8], into matches: inout [Match]) {
        var index = 0
        while index < utf8.count {
            let first = utf8[index]
            guard first == UInt8(ascii: "+") || first == UInt8(ascii: "(") || isDigit(first),
                index == 0 || !(isWordByte(utf8[index - 1]) || [UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "#")].contains(utf8[index - 1]))
            else { index += 1; continue }
            var cursor = index + (first == UInt8(ascii: "+") ? 1 : 0)
            var digits = 0
            var separators = 0
            var groups: [Int] = []
            var group = 0
            var parentheses = 0
            var end = index
            scanning: while cursor < utf8.count, digits <= 15 {
                let byte = utf8[cursor]
                if isDigit(byte) {
                    digits += 1
                    group += 1
                    cursor += 1
                    end = cursor
                } else if byte == UInt8(ascii: "("), parentheses == 0, group == 0 {
                    parentheses += 1
                    cursor += 1
                } else if byte == UInt8(ascii: ")"), parentheses == 1, group > 0 {
                    parentheses += 1
                    groups.append(group)
                    group = 0
                    cursor += 1
                    end = cursor
                    if cursor < utf8.count, utf8[cursor] == UInt8(ascii: " ") { cursor += 1 }
                } else if isPhoneSeparator(byte), group > 0, cursor + 1 < utf8.count, isDigit(utf8[cursor + 1]) || utf8[cursor + 1] == UInt8(ascii: "(") {
                    separators += 1
                    groups.append(group)
                    group = 0
                    cursor += 1
                } else {
                    break scanning
                }
            }
            if group > 0 { groups.append(group) }
            defer { index = max(end, index + 1) }
            guard (10...15).contains(digits), parentheses != 1, end == utf8.count || !(isWordByte(utf8[end]) || utf8[end] == UInt8(ascii: ":") || utf8[end] == UInt8(ascii: "/")) else { continue }
            let plus = first == UInt8(ascii: "+")
            guard plus || parentheses == 2 || separators >= 2 else { continue }
            // Dates, times and addresses: 2025-10-15 08…, 192.168.100.200, version-like dotted runs.
            if !plus, let head = groups.first, head == 4, groups.count >= 3, groups[1] <= 2, groups[2] <= 2 { continue }
            if !plus, parentheses == 0, groups.count == 4, groups.allSatisfy({ $0 <= 3 }), utf8[index..<end].contains(UInt8(ascii: ".")) { continue }
            if groups.contains(where: { $0 > 8 }) { continue }
            matches.append(Match(kind: .phone, range: index..<end))
        }
    }
}
