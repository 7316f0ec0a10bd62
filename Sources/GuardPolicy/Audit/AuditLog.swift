import Crypto
import Foundation
import GuardCore
import Synchronization

/// Appends hash-chained records to a JSON Lines file, one `write` per record so a crash loses at most
/// the record being written, rotating by size: `FILE` is renamed `FILE.1` (older ones shift up) and the
/// chain continues in the new file from the last hash.
public final class AuditLog: Sendable {
    public let path: String
    let maxBytes: Int
    /// HMAC key bytes (``SymmetricKey`` is not Sendable, so the bytes are kept and the key made on use).
    let keyBytes: [UInt8]?
    private let state: Mutex<State>

    struct State {
        var handle: FileHandle
        var size: Int
        var sequence: Int
        var previous: String
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Opens (or creates) the log, continuing the chain of what is already there.
    public init(path: String, maxBytes: Int = 10 * 1024 * 1024, key: SymmetricKey? = nil) throws(Failure) {
        self.path = path
        self.maxBytes = maxBytes
        self.keyBytes = key.map { $0.withUnsafeBytes { Array($0) } }
        var sequence = 0
        var previous = AuditRecord.genesis
        if let text = try? String(contentsOfFile: path, encoding: .utf8), let last = text.split(separator: "\n").last.flatMap({ AuditRecord(line: String($0)) }) {
            sequence = last.sequence + 1
            previous = last.hash
        } else if let rotated = try? String(contentsOfFile: path + ".1", encoding: .utf8), let last = rotated.split(separator: "\n").last.flatMap({ AuditRecord(line: String($0)) }) {
            sequence = last.sequence + 1
            previous = last.hash
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "cannot create audit log \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(description: "cannot open audit log \(path) for writing") }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        state = Mutex(State(handle: handle, size: size, sequence: sequence, previous: previous))
    }

    /// Seals `record` into the chain (its sequence, previous hash, hash and HMAC are set here) and appends it.
    @discardableResult
    public func append(_ record: AuditRecord) throws(Failure) -> AuditRecord {
        let result: Result<AuditRecord, Failure> = state.withLock { state in
            var draft = record
            draft.sequence = state.sequence
            draft.previous = state.previous
            let sealed = draft.sealed(key: keyBytes.map { SymmetricKey(data: $0) })
            let bytes = Data((sealed.line + "\n").utf8)
            if state.size > 0, state.size + bytes.count > maxBytes {
                if let failure = rotate(&state) { return .failure(failure) }
            }
            do {
                try state.handle.write(contentsOf: bytes)
            } catch {
                return .failure(Failure(description: "cannot write audit log \(path): \(error.localizedDescription)"))
            }
            state.size += bytes.count
            state.sequence += 1
            state.previous = sealed.hash
            return .success(sealed)
        }
        return try result.get()
    }

    /// Moves the current file to `.1` (shifting older ones) and opens a fresh one; nil on success.
    private func rotate(_ state: inout State) -> Failure? {
        try? state.handle.close()
        var index = 1
        while FileManager.default.fileExists(atPath: "\(path).\(index)") { index += 1 }
        while index > 1 {
            try? FileManager.default.moveItem(atPath: "\(path).\(index - 1)", toPath: "\(path).\(index)")
            index -= 1
        }
        do {
            try FileManager.default.moveItem(atPath: path, toPath: "\(path).1")
        } catch {
            return Failure(description: "cannot rotate audit log \(path): \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { return Failure(description: "cannot create audit log \(path) after rotation") }
        state.handle = handle
        state.size = 0
        return nil
    }

    /// The files of a rotated log, oldest first: `FILE.N`, …, `FILE.1`, `FILE`.
    public static func files(of path: String) -> [String] {
        var rotated: [String] = []
        var index = 1
        while FileManager.default.fileExists(atPath: "\(path).\(index)") {
            rotated.append("\(path).\(index)")
            index += 1
        }
        return rotated.reversed() + (FileManager.default.fileExists(atPath: path) ? [path] : [])
    }
}

/// Checks an audit log chain and names the first record that breaks it.
public enum AuditVerifier {
    public struct Report: Sendable, Equatable {
        public var records: Int
        /// The first problem: file, 1-based line, reason. nil when the chain is intact.
        public var problem: (file: String, line: Int, reason: String)?

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.records == rhs.records && lhs.problem?.file == rhs.problem?.file && lhs.problem?.line == rhs.problem?.line
                && lhs.problem?.reason == rhs.problem?.reason
        }
    }

    /// Verifies `files` in order (as ``AuditLog/files(of:)`` lists them), continuing the chain across them.
    public static func verify(files: [String], key: SymmetricKey? = nil) -> Report {
        var previous = AuditRecord.genesis
        var expectedSequence: Int?
        var count = 0
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                return Report(records: count, problem: (file, 0, "cannot read the file"))
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, raw) in lines.enumerated() {
                if raw.isEmpty && index == lines.count - 1 { continue }
                let lineNumber = index + 1
                guard let record = AuditRecord(line: String(raw)) else {
                    return Report(records: count, problem: (file, lineNumber, "not an audit record (edited or truncated)"))
                }
                if record.hash != record.computedHash() {
                    return Report(records: count, problem: (file, lineNumber, "record \(record.sequence) was edited: its hash does not match its content"))
                }
                if record.previous != previous {
                    return Report(records: count, problem: (file, lineNumber, "record \(record.sequence) does not follow the record before it (a record was inserted, deleted or moved)"))
                }
                if let expected = expectedSequence, record.sequence != expected {
                    return Report(records: count, problem: (file, lineNumber, "record \(record.sequence) comes where record \(expected) was expected"))
                }
                if let key {
                    guard let hmac = record.hmac, hmac == AuditRecord.mac(record.hash, key: key) else {
                        return Report(records: count, problem: (file, lineNumber, "record \(record.sequence) has no valid HMAC for this key"))
                    }
                }
                previous = record.hash
                expectedSequence = record.sequence + 1
                count += 1
            }
        }
        return Report(records: count, problem: nil)
    }
}
