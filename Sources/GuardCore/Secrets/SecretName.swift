/// The name of a stored secret: 1 to 128 of `A-Z a-z 0-9 _ . -`.
///
/// The alphabet is small on purpose: a name appears in `${secret:NAME}`, in Secret Service attributes and
/// in file listings, and none of those may need quoting. An invalid name is never echoed back, since what
/// was typed may be the value itself (`set github=ghp_…`).
public enum SecretName {
    public static let maxLength = 128

    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return (1...maxLength).contains(bytes.count) && bytes.allSatisfy(isNameByte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// Why `name` is refused, without repeating it.
    public static let rule = "a secret name is 1 to 128 characters of A-Z a-z 0-9 _ . -"
}
