import Crypto
import Foundation
import GuardCore

/// The newest record of an audit log, kept beside it in `FILE.head`, so that deleting the newest records
/// (which leaves a chain that verifies) is detected: the log must end where its head says.
///
/// The head is a fixed-size line rewritten in place after every record (one `pwrite`, no rename). With a
/// key it carries an HMAC over sequence and hash, so it cannot be rewritten to match a truncated log by
/// anyone without the key.
public struct AuditHead: Sendable, Equatable {
    public var sequence: Int
    public var hash: String
    public var hmac: String?

    /// Bytes of the head file: the line padded with spaces, so every rewrite covers the last one.
    static let size = 256

    public static func path(for log: String) -> String { log + ".head" }

    static func mac(sequence: Int, hash: String, key: SymmetricKey) -> String {
        AuditRecord.mac("\(sequence):\(hash)", key: key)
    }

    init(sequence: Int, hash: String, key: SymmetricKey?) {
        self.sequence = sequence
        self.hash = hash
        self.hmac = key.map { Self.mac(sequence: sequence, hash: hash, key: $0) }
    }

    /// The head line, padded to ``size`` bytes.
    var bytes: [UInt8] {
        // Hex digests and a number: nothing to escape, so no JSON tree is built for every record.
        var line = Array("{\"seq\":\(sequence),\"hash\":\"\(hash)\"".utf8)
        if let hmac { line += Array(",\"hmac\":\"\(hmac)\"".utf8) }
        line.append(UInt8(ascii: "}"))
        line += [UInt8](repeating: 0x20, count: max(0, Self.size - 1 - line.count))
        line.append(0x0A)
        return line
    }

    /// What a head file holds.
    enum Read {
        case head(AuditHead)
        case broken(String)
    }

    /// Reads a head file; nil when there is none (or it is still empty), `broken` when it is not a head.
    static func read(_ path: String) -> Read? {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return nil }
        guard let value = try? JSONParser.parse([UInt8](data)), let sequence = value["seq"]?.numberValue?.intValue, let hash = value["hash"]?.stringValue else {
            return .broken("\(path) is not an audit head")
        }
        var head = AuditHead(sequence: sequence, hash: hash, key: nil)
        head.hmac = value["hmac"]?.stringValue
        return .head(head)
    }

    /// Why the log's last record (`sequence`, `hash`; nil for an empty log) disagrees with this head, or nil.
    func mismatch(lastSequence: Int?, lastHash: String?, key: SymmetricKey?) -> String? {
        if let key, hmac != Self.mac(sequence: sequence, hash: hash, key: key) {
            return "its head file has no valid HMAC for this key (the head was rewritten)"
        }
        guard let lastSequence, let lastHash else {
            return "the log is empty but its head records record \(sequence): every record was deleted"
        }
        if lastSequence < sequence {
            return "the log ends at record \(lastSequence) but its head records record \(sequence): the newest records were deleted"
        }
        if lastSequence == sequence, lastHash != hash {
            return "record \(lastSequence) is not the one its head records: the newest records were replaced"
        }
        if lastSequence > sequence {
            return "the log goes on past record \(sequence), the last its head records: records were appended without mcpguard"
        }
        return nil
    }
}
