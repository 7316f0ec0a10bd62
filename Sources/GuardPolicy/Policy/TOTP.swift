import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits): the second factor a
/// policy can demand before a call that moves funds runs (`tools.transfer: { action: ask, totp: FILE }`).
/// The secret is the base32 text authenticator apps import.
public struct TOTP: Sendable, Equatable {
    let secret: [UInt8]
    public let digits: Int
    public let step: Int

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// From a base32 secret (case and spaces ignored, `=` padding optional).
    public init(base32 text: String, digits: Int = 6, step: Int = 30) throws(Failure) {
        guard let secret = Self.decodeBase32(text), secret.count >= 10 else {
            throw Failure(description: "not a base32 TOTP secret of at least 80 bits")
        }
        self.init(secret: secret, digits: digits, step: step)
    }

    public init(secret: [UInt8], digits: Int = 6, step: Int = 30) {
        self.secret = secret
        self.digits = digits
        self.step = step
    }

    /// The time step a moment falls in.
    public func counter(at date: Date) -> UInt64 { UInt64(max(0, date.timeIntervalSince1970) / Double(step)) }

    /// The code for a time step (RFC 4226 dynamic truncation).
    public func code(counter: UInt64) -> String {
        var big = counter.bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    public func code(at date: Date) -> String { code(counter: counter(at: date)) }

    /// The time step `candidate` is valid for, within `window` steps of `date` (clock drift), or nil.
    /// Comparison takes the same time whatever matches.
    public func verify(_ candidate: String, at date: Date, window: Int = 1) -> UInt64? {
        let given = Array(candidate.filter { !$0.isWhitespace }.utf8)
        let now = counter(at: date)
        var matched: UInt64?
        for delta in -window...window {
            let step = delta < 0 ? now &- UInt64(-delta) : now &+ UInt64(delta)
            let expected = Array(code(counter: step).utf8)
            var difference = UInt8(expected.count == given.count ? 0 : 1)
            for (a, b) in zip(expected, given) { difference |= a ^ b }
            if difference == 0 { matched = step }
        }
        return matched
    }

    /// RFC 4648 base32.
    static func decodeBase32(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
        var bits: UInt64 = 0
        var count = 0
        var output: [UInt8] = []
        for character in text.uppercased().utf8 where character != 0x20 && character != 0x3D && character != 0x2D && character != 0x0A && character != 0x0D {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            bits = (bits << 5) | UInt64(index)
            count += 5
            if count >= 8 {
                count -= 8
                output.append(UInt8((bits >> UInt64(count)) & 0xFF))
            }
        }
        return output.isEmpty ? nil : output
    }
}
