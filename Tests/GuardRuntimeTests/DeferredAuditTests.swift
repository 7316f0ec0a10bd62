import Foundation
import GuardCore
import GuardPolicy
import Testing
@testable import GuardEngine

/// The stdio front writes the audit log after forwarding (``GuardPipeline/deferAudit()``): the records must
/// be the ones a synchronous pipeline writes, in the same order, and a log that fails must still stop calls.
@Suite("Deferred audit writes")
struct DeferredAuditTests {
    static let policy = "version: 1\nservers:\n  \"*\":\n    default: allow\n"
    static func call(_ id: Int, _ tool: String = "lookup") -> JSONValue {
        ["jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": "tools/call", "params": ["name": .string(tool), "arguments": ["order": "A-1"]]]
    }
    static let result: JSONValue = ["content": [["type": "text", "text": "order A-1: delivered"]]]

    func records(_ path: String) -> [AuditRecord] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { AuditRecord(line: String($0)) }
    }

    @Test("queued decisions reach the log only at flushAudit, identical and in order to a synchronous pipeline's")
    func sameRecords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deferred-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let syncPath = directory.appendingPathComponent("sync.jsonl").path
        let deferredPath = directory.appendingPathComponent("deferred.jsonl").path
        let synchronous = try PipelineProbe.pipeline(Self.policy, audit: try AuditLog(path: syncPath))
        let deferred = try PipelineProbe.pipeline(Self.policy, audit: try AuditLog(path: deferredPath))
        deferred.deferAudit()
        for pipeline in [synchronous, deferred] {
            for id in 1...3 { _ = PipelineProbe.roundTrip(pipeline, request: Self.call(id), result: Self.result) }
        }
        #expect(records(syncPath).count == 6)
        #expect(records(deferredPath).isEmpty, "nothing may be written before the front flushes")
        deferred.flushAudit()
        let written = records(deferredPath)
        let expected = records(syncPath)
        #expect(written.map(\.sequence) == expected.map(\.sequence))
        #expect(written.map(\.decision) == expected.map(\.decision))
        #expect(written.map(\.method) == expected.map(\.method))
        #expect(written.map(\.detail) == expected.map(\.detail))
        #expect(AuditVerifier.verify(files: [deferredPath]).problem == nil)
        deferred.flushAudit()  // an empty queue writes nothing
        #expect(records(deferredPath).count == 6)
    }

    @Test("a log that cannot be written stops the calls after the flush that failed")
    func failsClosed() throws {
        let pipeline = try PipelineProbe.pipeline(Self.policy, audit: try AuditLog(path: "/dev/full"))
        pipeline.deferAudit()
        let first = pipeline.fromClient(PipelineProbe.bytes(Self.call(1)))
        #expect(PipelineProbe.messages(first, toServer: true).count == 1, "nothing has failed yet")
        pipeline.flushAudit()
        let second = pipeline.fromClient(PipelineProbe.bytes(Self.call(2)))
        #expect(PipelineProbe.messages(second, toServer: true).isEmpty)
        #expect(PipelineProbe.clientError(second)?.message.contains("the audit log cannot be written") == true)
    }
}
