import Foundation

/// Folds a name to a form in which look-alikes collide: the skeleton of Unicode TS #39, restricted to
/// characters confusable with ASCII letters and digits, then case-folded, with diacritics, separators
/// and hidden characters removed.
///
/// `get_weather`, `Get-Weather`, `gеt_weather` (Cyrillic е) and `get_vveather` all share one skeleton, so a
/// server cannot register a tool that a person reads as another server's tool.
public enum ConfusableSkeleton {
    /// Non-ASCII code point → ASCII prototype, parsed once from the generated table.
    static let table: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for entry in tableText.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let target = entry.last?.asciiValue, let code = UInt32(entry.dropLast(), radix: 16) else { continue }
            table[code] = target
        }
        return table
    }()

    /// The skeleton of `name`.
    public static func skeleton(_ name: String) -> String {
        var mapped = String.UnicodeScalarView()
        let folded = name.utf8.allSatisfy { $0 < 0x80 } ? name : HiddenCharacters.strip(name).decomposedStringWithCompatibilityMapping
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if value < 0x80 {
                switch scalar {
                case "I", "1", "|": mapped.append("l")
                case "0": mapped.append("o")
                case "_", "-", ".", " ", "/", ":": continue
                default: mapped.append(scalar)
                }
            } else if let ascii = table[value] {
                let prototype = Unicode.Scalar(ascii)
                mapped.append(prototype == "I" || prototype == "1" ? "l" : prototype == "0" ? "o" : prototype)
            } else {
                mapped.append(scalar)
            }
        }
        return String(mapped).lowercased().replacingOccurrences(of: "rn", with: "m").replacingOccurrences(of: "vv", with: "w")
    }
}
