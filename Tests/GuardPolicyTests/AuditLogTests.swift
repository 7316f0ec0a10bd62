import Crypto
import Foundation
import GuardCore
import Testing

@testable import GuardPolicy

@Suite("Audit log hash chain")
struct AuditLogTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func record(_ tool: String, _ decision: AuditRecord.Decision = .allowed) -> AuditRecord {
        AuditRecord(sequence: 0, time: "2026-11-26T07:00:00Z", server: "git", method: "tools/call", tool: tool, decision: decision,
                    rule: decision == .denied ? "policy.deny" : nil, checklist: ["CLI-LOG-01"], requestSize: 120, arguments: "{repo_path: string}", previous: "")
    }

    func writeLog(_ count: Int, key: SymmetricKey? = nil, maxBytes: Int = 1 << 20) throws -> String {
        let path = directory.appendingPathComponent("audit.jsonl").path
        let log = try AuditLog(path: path, maxBytes: maxBytes, key: key)
        for index in 0..<count { try log.append(record("tool_\(index)", index % 3 == 0 ? .denied : .allowed)) }
        return path
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func rewrite(_ path: String, _ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("an untouched log verifies; reopening continues the chain")
    func intact() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeLog(5)
        let log = try AuditLog(path: path)
        let sixth = try log.append(record("later"))
        #expect(sixth.sequence == 5)
        let report = AuditVerifier.verify(files: [path])
        #expect(report.records == 6)
        #expect(report.problem == nil)
    }

    @Test("one edited byte, a deletion, an insertion and a reorder are each caught at the right record")
    func tampering() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeLog(6)
        let original = try lines(path)

        var edited = original
        edited[2] = edited[2].replacingOccurrences(of: "tool_2", with: "tool_X")
        try rewrite(path, edited)
        #expect(AuditVerifier.verify(files: [path]).problem?.line == 3)
        #expect(AuditVerifier.verify(files: [path]).problem?.reason.contains("was edited") == true)

        var deleted = original
        deleted.remove(at: 3)
        try rewrite(path, deleted)
        #expect(AuditVerifier.verify(files: [path]).problem?.line == 4)

        var inserted = original
        inserted.insert(original[1], at: 3)
        try rewrite(path, inserted)
        #expect(AuditVerifier.verify(files: [path]).problem?.line == 4)

        var reordered = original
        reordered.swapAt(1, 2)
        try rewrite(path, reordered)
        #expect(AuditVerifier.verify(files: [path]).problem?.line == 2)
        #expect(AuditVerifier.verify(files: [path]).problem?.reason.contains("does not follow") == true)
    }

    @Test("with a key, a chain recomputed without it fails; the right key verifies")
    func hmac() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = SymmetricKey(data: Array("team-audit-key".utf8))
        let path = try writeLog(3, key: key)
        #expect(AuditVerifier.verify(files: [path], key: key).problem == nil)
        #expect(AuditVerifier.verify(files: [path], key: SymmetricKey(data: Array("other".utf8))).problem?.line == 1)
        // An attacker rewrites record 1 and recomputes every hash, but cannot compute the HMACs.
        var records = try lines(path).compactMap { AuditRecord(line: $0) }
        records[1].tool = "forged"
        var previous = AuditRecord.genesis
        var forged: [String] = []
        for var record in records {
            record.previous = previous
            let sealed = record.sealed(key: nil)
            forged.append(sealed.line)
            previous = sealed.hash
        }
        try rewrite(path, forged)
        // The head still names the real last record, so the rewrite shows even without a key…
        #expect(AuditVerifier.verify(files: [path]).problem?.reason.contains("not the one its head records") == true)
        // …until the attacker rewrites the head too: then only the key tells.
        let last = try #require(AuditRecord(line: forged.last!))
        try Data(AuditHead(sequence: last.sequence, hash: last.hash, key: nil).bytes).write(to: URL(fileURLWithPath: AuditHead.path(for: path)))
        #expect(AuditVerifier.verify(files: [path]).problem == nil, "without a key the forgery is consistent")
        #expect(AuditVerifier.verify(files: [path], key: key).problem?.line == 1)
    }

    @Test("deleting the newest records is detected, and the log refuses to continue")
    func truncation() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = SymmetricKey(data: Array("team-audit-key".utf8))
        let path = try writeLog(5, key: key)
        try rewrite(path, Array(try lines(path).dropLast(2)))
        let problem = try #require(AuditVerifier.verify(files: [path], key: key).problem)
        #expect(problem.reason == "the log ends at record 2 but its head records record 4: the newest records were deleted")
        #expect(AuditVerifier.verify(files: [path]).problem != nil)
        #expect(throws: AuditLog.Failure.self) { try AuditLog(path: path, key: key) }
        // Deleting the head as well: with a key a missing head is itself the finding.
        try FileManager.default.removeItem(atPath: AuditHead.path(for: path))
        #expect(AuditVerifier.verify(files: [path], key: key).problem?.reason.contains("head file") == true)
        // A forged head cannot be made without the key.
        try rewrite(path, Array(try lines(path)))
        let last = try #require(AuditRecord(line: try lines(path).last!))
        try Data(AuditHead(sequence: last.sequence, hash: last.hash, key: nil).bytes).write(to: URL(fileURLWithPath: AuditHead.path(for: path)))
        #expect(AuditVerifier.verify(files: [path], key: key).problem?.reason.contains("no valid HMAC") == true)
    }

    @Test("the direct canonical encoding of a record is exactly CanonicalJSON of its content")
    func canonicalEncoding() {
        let records = [
            AuditRecord(sequence: 0, time: "2026-12-02T01:02:03Z", server: "s", method: nil, tool: nil, decision: .allowed, rule: nil, checklist: [], previous: AuditRecord.genesis),
            AuditRecord(sequence: 41, time: "t", server: "wället \u{65}\u{301}", method: "tools/call", tool: "send\"\\\n", decision: .denied, rule: "policy.deny",
                        checklist: ["CLI-UI-02", "CRYPTO-05"], requestSize: 12, responseSize: 900, arguments: "{to: string}", detail: "x\u{1}y", previous: "ab"),
            AuditRecord(sequence: 7, time: "t", server: "s", method: "m", tool: nil, decision: .error, rule: nil, checklist: ["A"], responseSize: 5, previous: "p"),
        ]
        for record in records {
            #expect(record.canonicalContent == CanonicalJSON.bytes(record.content), "\(String(decoding: record.canonicalContent, as: UTF8.self))")
        }
    }

    @Test("rotation by size continues the chain across files")
    func rotation() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeLog(20, maxBytes: 1_500)
        let files = AuditLog.files(of: path)
        #expect(files.count > 2)
        #expect(files.last == path)
        let report = AuditVerifier.verify(files: files)
        #expect(report.records == 20)
        #expect(report.problem == nil)
        // Dropping a middle file breaks the chain at the start of the next one.
        #expect(AuditVerifier.verify(files: Array(files.dropFirst())).problem != nil)
    }
}
