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
        /// `FILE.head`, rewritten in place after every record (see ``AuditHead``); created with the first.
        var head: FileHandle?
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Opens (or creates) the log, continuing the chain of what is already there. A log whose newest
    /// records were deleted (it ends before its head) is refused: continuing it would hide the deletion.
    public init(path: String, maxBytes: Int = 10 * 1024 * 1024, key: SymmetricKey? = nil) throws(Failure) {
        self.path = path
        self.maxBytes = maxBytes
        self.keyBytes = key.map { $0.withUnsafeBytes { Array($0) } }
        var sequence = 0
        var previous = AuditRecord.genesis
        var last: AuditRecord?
        if let text = try? String(contentsOfFile: path, encoding: .utf8), let record = text.split(separator: "\n").last.flatMap({ AuditRecord(line: String($0)) }) {
            last = record
        } else if let rotated = try? String(contentsOfFile: path + ".1", encoding: .utf8), let record = rotated.split(separator: "\n").last.flatMap({ AuditRecord(line: String($0)) }) {
            last = record
        }
        if let last {
            sequence = last.sequence + 1
            previous = last.hash
        }
        let headPath = AuditHead.path(for: path)
        switch AuditHead.read(headPath) {
        case .head(let head)?:
            if let problem = head.mismatch(lastSequence: last?.sequence, lastHash: last?.hash, key: key) {
                throw Failure(description: "audit log \(path) was tampered with: \(problem); keep it as evidence, and start a new log under another name")
            }
        case .broken(let problem)?:
            throw Failure(description: "audit log \(path): \(problem)")
        case nil:
            break
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "cannot create audit log \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(description: "cannot open audit log \(path) for writing") }
        let head = FileHandle(forWritingAtPath: headPath)
        let size = Int((try? handle.seekToEnd()) ?? 0)
        state = Mutex(State(handle: handle, size: size, sequence: sequence, previous: previous, head: head))
    }

    /// Seals `record` into the chain (its sequence, previous hash, hash and HMAC are set here) and appends it.
    @discardableResult
    public func append(_ record: AuditRecord) throws(Failure) -> AuditRecord {
        let result: Result<AuditRecord, Failure> = state.withLock { state in
            var draft = record
            draft.sequence = state.sequence
            draft.previous = state.previous
            let key = keyBytes.map { SymmetricKey(data: $0) }
            let (sealed, line) = draft.sealedLine(key: key)
            let bytes = line + [0x0A]
            if state.size > 0, state.size + bytes.count > maxBytes {
                if let failure = rotate(&state) { return .failure(failure) }
            }
            if let problem = Self.writeAll(bytes, to: state.handle.fileDescriptor) {
                return .failure(Failure(description: "cannot write audit log \(path): \(problem)"))
            }
            state.size += bytes.count
            state.sequence += 1
            state.previous = sealed.hash
            let head = AuditHead(sequence: sealed.sequence, hash: sealed.hash, key: key)
            if state.head == nil {
                let headPath = AuditHead.path(for: path)
                _ = FileManager.default.createFile(atPath: headPath, contents: nil, attributes: [.posixPermissions: 0o600])
                state.head = FileHandle(forWritingAtPath: headPath)
            }
            let written = state.head.map { handle in head.bytes.withUnsafeBytes { pwrite(handle.fileDescriptor, $0.baseAddress, $0.count, 0) } } ?? -1
            guard written == AuditHead.size else {
                return .failure(Failure(description: "cannot write the audit head \(AuditHead.path(for: path)): \(String(cString: strerror(errno)))"))
            }
            return .success(sealed)
        }
        return try result.get()
    }

    /// One `write` per record (a crash loses at most that record), retried on short writes; the reason on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { body -> String? in
            var written = 0
            while written < body.count {
                let count = write(descriptor, body.baseAddress! + written, body.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += count
            }
            return nil
        }
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

    /// Verifies `files` in order (as ``AuditLog/files(of:)`` lists them), continuing the chain across them,
    /// and that the log ends where its head (`FILE.head` beside the newest file) says.
    public static func verify(files: [String], key: SymmetricKey? = nil) -> Report {
        let report = verifyChain(files: files, key: key)
        guard report.problem == nil, let newest = files.last else { return report }
        switch AuditHead.read(AuditHead.path(for: newest)) {
        case .head(let head)?:
            let last = lastRecord(files)
            if let problem = head.mismatch(lastSequence: last?.sequence, lastHash: last?.hash, key: key) {
                return Report(records: report.records, problem: (newest, 0, problem))
            }
        case .broken(let problem)?:
            return Report(records: report.records, problem: (newest, 0, problem))
        case nil:
            // With a key, a missing head is a deleted head: nothing else would tell a truncated log apart.
            if key != nil, report.records > 0 {
                return Report(records: report.records, problem: (newest, 0, "its head file \(AuditHead.path(for: newest)) is missing (deleted with the newest records?)"))
            }
        }
        return report
    }

    static func lastRecord(_ files: [String]) -> AuditRecord? {
        for file in files.reversed() {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), let line = text.split(separator: "\n").last, let record = AuditRecord(line: String(line)) {
                return record
            }
        }
        return nil
    }

    static func verifyChain(files: [String], key: SymmetricKey?) -> Report {
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
