import Crypto
import Foundation

/// The canonical JSON form used for pins and signatures, after RFC 8785 (JCS):
///
/// - object members sorted by the UTF-16 code units of their keys, no insignificant whitespace;
/// - strings normalised to Unicode NFC, escaping only `"`, `\` and control characters;
/// - numbers normalised: integral values within ±2^53 as plain integers (`1.0`, `1e2` → `1`, `100`),
///   others in the shortest round-tripping form with an ECMAScript-style exponent (`1e-7`, `1.5e+300`).
///
/// Two definitions that differ only in key order, number spelling or Unicode normalisation hash the same;
/// any change a model could notice changes the hash.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    public static func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// `sha256:` and the hex SHA-256 of the canonical bytes.
    public static func hash(_ value: JSONValue) -> String {
        "sha256:" + Hex.encode(SHA256.hash(data: bytes(value)))
    }

    /// `value` with strings NFC-normalised and numbers in canonical form, keys sorted (for storing).
    public static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let string): .string(string.nfc)
        case .number(let number): .number(JSONNumber(literal: canonicalNumber(number)))
        case .array(let elements): .array(elements.map(normalized))
        case .object(let object):
            .object(sortedKeys(object).reduce(into: JSONObject()) { result, key in result[key.nfc] = normalized(object[key]!) })
        default: value
        }
    }

    /// A string as canonical JSON writes it (NFC, minimal escaping), for encoders of fixed shapes that
    /// write members in canonical order themselves.
    public static func writeString(_ string: String, into output: inout [UInt8]) {
        JSONWriter.writeString(string.nfc, into: &output)
    }

    static func sortedKeys(_ object: JSONObject) -> [String] {
        // Normalise each key once, not once per comparison.
        object.keys.map { ($0, $0.nfc) }.sorted { $0.1.utf16.lexicographicallyPrecedes($1.1.utf16) }.map(\.0)
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let bool): output += Array((bool ? "true" : "false").utf8)
        case .number(let number): output += Array(canonicalNumber(number).utf8)
        case .string(let string): JSONWriter.writeString(string.nfc, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, key) in sortedKeys(object).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(key.nfc, into: &output)
                output.append(UInt8(ascii: ":"))
                write(object[key]!, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Canonical text of a number (see the type's documentation).
    public static func canonicalNumber(_ number: JSONNumber) -> String {
        let double = number.doubleValue
        guard double.isFinite else { return number.literal }
        if double == 0 { return "0" }
        if double == double.rounded(), abs(double) <= 9_007_199_254_740_992 { return String(Int64(double)) }
        // Shortest round-trip digits, then an ECMAScript-style exponent.
        var text = "\(double)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop { $0 == "-" || $0 == "+" }.drop { $0 == "0" })
            text = mantissa + "e" + (negative ? "-" : "+") + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }
}

extension String {
    /// NFC; ASCII text is already NFC, and skipping Foundation for it keeps hashing cheap.
    var nfc: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
